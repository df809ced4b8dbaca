"""Readability: textstat's Flesch-Kincaid grade and Flesch reading ease on the body text only.

Furniture lines ("Also Read :- ...", share bullets) would distort sentence and word counts, so
textstat reads the body paragraphs joined by blank lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.adapters.textstat_offline import readability
from analyzer.config import Config
from analyzer.document import Document
from analyzer.signals.base import Feature, Signal
from analyzer.span import Span

#: Bounds of the Flesch formulas: a sentence has at least one word and a word more than zero
#: syllables, so the grade is above 0.39 * 1 - 15.59 and the ease below 206.835 - 1.015 * 1
#: (textstat's English constants, ``analyzer.adapters.textstat_offline``).
LOWEST_GRADE = 0.39 - 15.59
HIGHEST_EASE = 206.835 - 1.015

# Readability measures the body as a whole: no span stands for it, so no column is span-backed.
FEATURES = (
    Feature(
        "readability_fk_grade",
        "grade",
        "Flesch-Kincaid grade level of the body (US school grade; 0.0 for an empty body).",
        "mean",
        LOWEST_GRADE,
        None,
        from_spans=False,
    ),
    Feature(
        "readability_flesch_ease",
        "score",
        "Flesch reading ease of the body (higher is easier; 60-70 is plain English).",
        "mean",
        None,
        HIGHEST_EASE,
        from_spans=False,
    ),
    Feature(
        "body_words",
        "words",
        "Words in the body text (furniture excluded).",
        "sum",
        0.0,
        from_spans=False,
    ),
)


def body_text(doc: Document) -> str:
    return "\n\n".join(doc.text[start:end] for start, end in doc.paragraphs)


def grade_of(text: str) -> float:
    """Flesch-Kincaid grade of any text (a worksheet's excerpts), measured as a body is."""
    grade, _ = readability(text)
    return grade


def detect(doc: Document, config: Config) -> list[Span]:
    return []


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    grade, ease = readability(body_text(doc))
    return {
        "readability_fk_grade": grade,
        "readability_flesch_ease": ease,
        "body_words": float(doc.body_words),
    }


SIGNAL = Signal("readability", FEATURES, detect, score)
