"""Readability: Flesch-Kincaid grade and Flesch reading ease of the body's own sentences.

Furniture lines ("Also Read :- ...", share bullets) would distort sentence and word counts, so only
body sentences are read, and they are the document's sentences (the ones every other signal
reads), not textstat's re-split, which ends a sentence inside "U.S." or "Mr.". Words and syllables
are counted as textstat counts them.
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.adapters.textstat_offline import readability, readability_of_sentences
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


def grade_of(text: str) -> float:
    """Flesch-Kincaid grade of any text (a worksheet's excerpts), measured as a body is."""
    grade, _ = readability(text)
    return grade


def detect(doc: Document, config: Config) -> list[Span]:
    return []


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    grade, ease = readability_of_sentences([doc.text[s.start : s.end] for s in doc.prose_sentences])
    return {
        "readability_fk_grade": grade,
        "readability_flesch_ease": ease,
        "body_words": float(doc.body_words),
    }


SIGNAL = Signal("readability", FEATURES, detect, score)
