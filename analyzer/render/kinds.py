"""The one registry of span kinds: how every view draws a piece of evidence.

The dashboard's highlighted article and the classroom worksheet both read their colours, legend
words, letters and overlap priority from here, so a class that has learnt "red is a loaded label"
on a worksheet reads the dashboard the same way. A span's kind refines its signal where a reader
needs the difference: a loaded span by its tier, an attribution by whether its source is named.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.span import SENTENCE_SIGNALS, Span


@dataclass(frozen=True, slots=True)
class SpanKind:
    """How one kind of evidence is drawn and explained.

    ``colour`` is the background fill; kinds drawn by a line instead (quotations, page furniture)
    have None and take :data:`LINE_STYLES`. ``letter`` is printed beside a worksheet mark, so a
    sheet still reads on a black-and-white printer and for colour-blind students.
    """

    key: str
    letter: str
    colour: str | None
    name: str
    meaning: str


#: In priority order: where spans overlap, the earlier kind is drawn (short, specific evidence
#: wins over the long spans, quotations and furniture, it sits in).
KINDS: tuple[SpanKind, ...] = (
    SpanKind(
        "label", "L", "#f4a3a3", "Loaded label",
        "a value-laden or dehumanizing word for a group (style guides: only with attribution)",
    ),
    SpanKind(
        "praise", "P", "#d5bdf2", "Praise label",
        "an honorific word (hero, martyr, freedom fighter): praise is framing too",
    ),
    SpanKind(
        "contested", "C", "#fbcf94", "Contested label",
        "a word some style guides accept and others avoid (militant, insurgent, rebel)",
    ),
    SpanKind(
        "emotive", "E", "#dfc39a", "Loaded word",
        "a word that judges as it reports (slammed, bloody nose, famed, ran away)",
    ),
    SpanKind(
        "weasel", "W", "#a9cdf2", "Unnamed source",
        "the claim leans on someone the text does not name (reports, sources, it is believed)",
    ),
    SpanKind(
        "distancing", "D", "#f2b8de", "Distancing verb",
        "claimed, alleged: the verb itself casts doubt on what was said",
    ),
    SpanKind("hedge", "H", "#fff08a", "Hedge", "may, reportedly, appears to: less certain"),
    SpanKind("booster", "B", "#b8e6b0", "Booster", "clearly, completely, proved: more certain"),
    SpanKind(
        "descriptive", "N", "#e4e4e4", "Neutral label",
        "a descriptive word for a group (fighters, forces, armed group)",
    ),
    SpanKind("source", "S", "#cfe8e8", "Named source", "who says it: a named person or body"),
    SpanKind(
        "quote", "Q", None, "Quotation",
        "dotted underline, someone else's words",
    ),
    SpanKind(
        "furniture", "F", None, "Page furniture",
        "page furniture, not the article: greyed and struck through; no other signal reads it",
    ),
)  # fmt: skip
KIND_BY_KEY = {kind.key: kind for kind in KINDS}
#: The kinds drawn as a coloured mark (every kind but the line-drawn ones).
FILLED_KINDS = tuple(kind for kind in KINDS if kind.colour is not None)
#: CSS for the kinds drawn by a line rather than a fill.
LINE_STYLES = {
    "quote": "text-decoration:underline dotted #333;text-underline-offset:.2rem",
    "furniture": "color:#8a8a8a;text-decoration:line-through;text-decoration-color:#c8c8c8",
}

#: The kind of each loaded-signal label (its tier, general loaded language, emotive words).
LOADED_LABEL_KINDS = {
    "value-laden": "label",
    "dehumanizing": "label",
    "honorific": "praise",
    "contested": "contested",
    "descriptive": "descriptive",
    "loaded-language": "emotive",
    "emotive": "emotive",
}
#: The kind of every other span signal (attribution depends on its source, see :func:`kind_of`).
SIGNAL_KINDS = {
    "hedge": "hedge",
    "booster": "booster",
    "weasel": "weasel",
    "distancing": "distancing",
    "quote": "quote",
    "boilerplate": "furniture",
}


def kind_of(span: Span) -> str | None:
    """The registry key a span is drawn as, or None for a signal no view draws.

    Whole-sentence measures (a sentence's sentiment) are never drawn inside the text.
    """
    if span.signal in SENTENCE_SIGNALS:
        return None
    if span.signal == "loaded":
        # An unknown loaded label is drawn as a loaded word, never as an actor label with its advice.
        return LOADED_LABEL_KINDS.get(span.label, "emotive")
    if span.signal == "attribution":
        return "weasel" if span.source_kind == "anonymous" else "source"
    return SIGNAL_KINDS.get(span.signal)


def priority(key: str) -> int:
    """Rank of a kind when spans overlap: lower is drawn."""
    return KINDS.index(KIND_BY_KEY[key])


def style_of(key: str) -> str:
    """The CSS declarations that draw a kind: its fill, or its line for quotes and furniture."""
    colour = KIND_BY_KEY[key].colour
    return f"background:{colour}" if colour is not None else LINE_STYLES[key]
