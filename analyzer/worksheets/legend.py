"""The fixed highlight colours of a worksheet and which category each evidence span falls in.

Colours never change between worksheets, so a class that has learnt "red means a loaded label"
keeps that reading. Each category also has a letter printed beside the highlight, so the sheet
still reads on a black-and-white printer and for colour-blind students.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.span import Span


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    letter: str
    colour: str
    name: str
    meaning: str


#: In priority order: where two spans overlap, the earlier category is the one drawn.
CATEGORIES: tuple[Category, ...] = (
    Category(
        "label", "L", "#f4a3a3", "Loaded label",
        "a value-laden or dehumanizing word for a group (style guides: only with attribution)",
    ),
    Category(
        "praise", "P", "#d5bdf2", "Praise label",
        "an honorific word (hero, martyr, freedom fighter): praise is framing too",
    ),
    Category(
        "contested", "C", "#fbcf94", "Contested label",
        "a word some style guides accept and others avoid (militant, insurgent, rebel)",
    ),
    Category(
        "emotive", "E", "#dfc39a", "Loaded word",
        "a word that judges as it reports (slammed, bloody nose, famed, ran away)",
    ),
    Category(
        "weasel", "W", "#a9cdf2", "Unnamed source",
        "the claim leans on someone the text does not name (reports, sources, it is believed)",
    ),
    Category(
        "distancing", "D", "#f2b8de", "Distancing verb",
        "claimed, alleged: the verb itself casts doubt on what was said",
    ),
    Category("hedge", "H", "#fff08a", "Hedge", "may, reportedly, appears to: less certain"),
    Category("booster", "B", "#b8e6b0", "Booster", "clearly, completely, proved: more certain"),
    Category(
        "descriptive", "N", "#e4e4e4", "Neutral label",
        "a descriptive word for a group (fighters, forces, armed group)",
    ),
    Category("source", "S", "#cfe8e8", "Named source", "who says it: a named person or body"),
)  # fmt: skip
CATEGORY_BY_KEY = {category.key: category for category in CATEGORIES}
#: Quotations are underlined rather than filled, so a label inside a quote still shows its colour.
QUOTE_LETTER = "Q"

_LOADED_TIERS = {
    "value-laden": "label",
    "dehumanizing": "label",
    "honorific": "praise",
    "contested": "contested",
    "descriptive": "descriptive",
    "loaded-language": "emotive",
    "emotive": "emotive",
}
_DIRECT = {"hedge": "hedge", "booster": "booster", "weasel": "weasel", "distancing": "distancing"}


def category_of(span: Span) -> str | None:
    """The legend key a span is drawn in, or None for spans a worksheet does not mark."""
    if span.signal == "loaded":
        # An unknown loaded label is drawn as a loaded word, never as an actor label with its advice.
        return _LOADED_TIERS.get(span.label, "emotive")
    if span.signal == "attribution":
        return "weasel" if span.source_kind == "anonymous" else "source"
    return _DIRECT.get(span.signal)


def resolve_overlaps(spans: Sequence[Span]) -> list[Span]:
    """Keep, of overlapping spans, the one of the highest-priority category (then the longest).

    "As per reports" is both an anonymous attribution cue and a weasel; one mark is enough.
    """
    priority = {category.key: rank for rank, category in enumerate(CATEGORIES)}
    markable = [s for s in spans if category_of(s) is not None]
    ranked = sorted(markable, key=lambda s: (priority[category_of(s) or ""], s.start - s.end))
    kept: list[Span] = []
    for span in ranked:
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.sort_key)
