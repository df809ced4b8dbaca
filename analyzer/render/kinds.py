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
    #: False for the credibility kinds: drawn on the dashboard's credibility page only, not on
    #: worksheets or the reading views (they ask about labels, hedges and sources; every number,
    #: date and byline marked as well would drown them).
    worksheet: bool = True


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
    SpanKind(
        "caption", "X", None, "Caption, byline or dateline",
        "kept in the text but set apart (in italics): its words are not the outlet's own voice",
    ),
    # Credibility evidence (analyzer/signals/credibility.py), last: any mark above wins.
    SpanKind(
        "clickbait", "K", "#ffb3c7", "Clickbait cue",
        "a headline that lures (you, this, shocking, best ever, a question, capitals)",
        worksheet=False,
    ),
    SpanKind(
        "unsupported", "U", "#c9c9f5", "Not in the body",
        "a headline word or label the article body never uses",
        worksheet=False,
    ),
    SpanKind(
        "evidence", "V", "#9fe0c9", "Checkable evidence",
        "a document, study, data, official statement, sourced number, date or link",
        worksheet=False,
    ),
    SpanKind(
        "unsourced", "O", "#f5dfb5", "Unsourced number",
        "a number whose sentence does not say where it comes from",
        worksheet=False,
    ),
    SpanKind(
        "side", "Y", "#d6ecb8", "Voice of a side",
        "a source and the side (story-pack actor) it speaks for",
        worksheet=False,
    ),
    SpanKind(
        "tone", "J", "#f7c6a3", "Judging in own voice",
        "a loaded label or word in the outlet's own voice",
        worksheet=False,
    ),
    SpanKind(
        "transparency", "T", "#bfe3f7", "Transparency",
        "byline, date, dateline, corrections notice: who wrote it, when, from where",
        worksheet=False,
    ),
    SpanKind(
        "ask", "A", "#e8c3f0", "Ask or advert",
        "a donation ask, an advertisement or a teaser for other stories",
        worksheet=False,
    ),
    SpanKind(
        "headline", "R", None, "Headline",
        "the headline, underlined", worksheet=False,
    ),
)  # fmt: skip
KIND_BY_KEY = {kind.key: kind for kind in KINDS}
#: The kinds drawn as a coloured mark (every kind but the line-drawn ones).
FILLED_KINDS = tuple(kind for kind in KINDS if kind.colour is not None)
#: The filled kinds a classroom worksheet marks and explains in its legend.
WORKSHEET_KINDS = tuple(kind for kind in FILLED_KINDS if kind.worksheet)
#: The kinds the reading views (an article, a cell's sentences, aligned facts) draw by default.
READING_KINDS = tuple(kind for kind in KINDS if kind.worksheet)
#: CSS for the kinds drawn by a line rather than a fill.
LINE_STYLES = {
    "quote": "text-decoration:underline dotted #333;text-underline-offset:.2rem",
    "furniture": "color:#8a8a8a;text-decoration:line-through;text-decoration-color:#c8c8c8",
    "headline": "text-decoration:underline solid #555;font-weight:600",
    "caption": "font-style:italic;color:#4a5f78",
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
#: The kind of each boilerplate-signal label (furniture, or a line kept but set apart).
BOILERPLATE_LABEL_KINDS = {
    "furniture": "furniture",
    "caption": "caption",
    "byline": "caption",
    "dateline": "caption",
}
#: The kind of every other span signal (attribution depends on its source, see :func:`kind_of`).
SIGNAL_KINDS = {
    "hedge": "hedge",
    "booster": "booster",
    "weasel": "weasel",
    "distancing": "distancing",
    "quote": "quote",
    "tone": "tone",
    "voice": "side",
}
#: The kind of each credibility-signal (``headline``, ``evidence``, ``page``) label.
CREDIBILITY_LABEL_KINDS = {
    "headline": {
        "headline": "headline",
        "unsupported word": "unsupported",
        "label absent from body": "unsupported",
    },
    "evidence": {"unsourced number": "unsourced"},
    "page": {"donation ask": "ask", "ad or teaser": "ask"},
}
#: The kind of a credibility span whose label is not listed above.
CREDIBILITY_DEFAULT_KINDS = {
    "headline": "clickbait",
    "evidence": "evidence",
    "page": "transparency",
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
    if span.signal == "boilerplate":
        return BOILERPLATE_LABEL_KINDS.get(span.label, "furniture")
    if span.signal in CREDIBILITY_DEFAULT_KINDS:
        labels = CREDIBILITY_LABEL_KINDS.get(span.signal, {})
        return labels.get(span.label, CREDIBILITY_DEFAULT_KINDS[span.signal])
    if span.signal == "voice" and span.label == "quoted words":
        return "quote"
    return SIGNAL_KINDS.get(span.signal)


def priority(key: str) -> int:
    """Rank of a kind when spans overlap: lower is drawn."""
    return KINDS.index(KIND_BY_KEY[key])


def style_of(key: str) -> str:
    """The CSS declarations that draw a kind: its fill, or its line for quotes, furniture,
    captions and the headline."""
    colour = KIND_BY_KEY[key].colour
    return f"background:{colour}" if colour is not None else LINE_STYLES[key]
