"""What a worksheet's question section is made of: questions under the three lateral-reading
headings and a neutral-rewrite task."""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.worksheets.excerpts import Excerpt, Highlight

WHO = "Who is behind it?"
EVIDENCE = "What is the evidence?"
OTHERS = "What do other sources say?"
REWRITE = "Rewrite neutrally"
HEADINGS = (WHO, EVIDENCE, OTHERS, REWRITE)

#: The answer key's verdict on a label that style guides allow only with attribution.
CONTESTED_NOT_WRONG = "contested, not wrong"


@dataclass(frozen=True, slots=True)
class Question:
    heading: str
    prompt: str
    answer: str
    quote: str | None = None  # a passage printed under the prompt (the sentence in question)


def where(excerpt: Excerpt, highlight: Highlight) -> str:
    """How the sheet points at a highlight: outlet, paragraph and number."""
    return f"{excerpt.outlet}, paragraph {highlight.paragraph}, mark {highlight.number}"
