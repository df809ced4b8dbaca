"""The dashboard's highlighted article: every evidence span in its kind's colour, its reason on
hover, click or tap.

All article text and every attribute value pass through :func:`html.escape`, so an article that
holds ``<script>`` or ``<img onerror=...>`` is shown as text and runs nothing (a browser test
checks it). Spans may nest or overlap (an attribution inside a quotation, a weasel over an
attribution cue): the text is cut at every span boundary, each piece takes the colour of the most
specific span covering it, and its hover title lists all of them. Colours, legend words and that
priority come from :mod:`analyzer.render.kinds`, shared with the worksheets.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Collection, Sequence

from analyzer.analysis import Analysis
from analyzer.render.kinds import (
    KIND_BY_KEY,
    READING_KINDS,
    SpanKind,
    kind_of,
    priority,
    style_of,
)
from analyzer.span import Span, span_facts

_READING_KEYS = frozenset(kind.key for kind in READING_KINDS)
_CONTAINER_STYLE = (
    "white-space:pre-wrap;line-height:1.7;font-family:Georgia,serif;font-size:1.02rem"
)
#: A tap or click on a highlight (each is focusable) shows its reason beside it, since a hover
#: title never shows on a touch screen; a tap elsewhere hides it again. A page that shows
#: highlights adds this style sheet once.
REASON_ON_TAP_CSS = (
    "<style>.fs-mark{cursor:help}.fs-mark:focus{outline:2px dashed #333}"
    ".fs-mark:focus::after{content:' \\2192  ' attr(title);white-space:pre-wrap;"
    "font:0.85rem/1.4 system-ui,sans-serif;background:#fffbe6;border:1px solid #999;"
    "padding:1px 4px;margin-left:2px}</style>"
)


def describe_span(span: Span) -> str:
    """The hover text: signal, tier, voice, actor, source and the rule that fired."""
    return " | ".join(span_facts(span))


def highlight(
    text: str,
    spans: Sequence[Span],
    start: int = 0,
    end: int | None = None,
    *,
    focus: Span | None = None,
    kinds: Collection[str] | None = None,
) -> str:
    """Escaped HTML of ``text[start:end]`` with the spans inside it marked.

    ``kinds`` limits the marks to these kind keys; by default the reading kinds are drawn
    (:data:`~analyzer.render.kinds.READING_KINDS`: every kind but the credibility evidence, which
    has a page of its own).

    Spans reaching outside the range are clipped to it, so a sentence cut from an article keeps
    the colour of a quotation that began in an earlier sentence. The ``focus`` span (the one a
    reader chose, say) is outlined as well.
    """
    end = len(text) if end is None else end
    drawn = _READING_KEYS if kinds is None else kinds
    inside = [
        (s, kind)
        for s in spans
        if s.start < end and s.end > start and (kind := kind_of(s)) is not None and kind in drawn
    ]
    bounds = {p for s, _ in inside for p in (max(s.start, start), min(s.end, end))}
    cuts = sorted({start, end, *bounds})
    pieces: list[str] = []
    for left, right in itertools.pairwise(cuts):
        covering = [(s, kind) for s, kind in inside if s.start <= left and s.end >= right]
        focused = any(s == focus for s, _ in covering)
        pieces.append(_piece(text[left:right], covering, focused))
    return "".join(pieces)


def article_html(analysis: Analysis) -> str:
    """The whole article, highlighted, in one container (furniture greyed and struck through)."""
    body = highlight(analysis.text, analysis.spans)
    return f'<div class="fs-article" style="{_CONTAINER_STYLE}">{body}</div>'


def legend_html(kinds: Sequence[SpanKind] = READING_KINDS) -> str:
    """A legend with one swatch per span kind, drawn as :func:`highlight` draws it."""
    items = [
        f'<span style="{style_of(kind.key)};padding:1px 6px;border-radius:3px;margin-right:4px">'
        f"<b>{kind.letter}</b> {html.escape(kind.name)}</span> {html.escape(kind.meaning)}"
        for kind in kinds
    ]
    return '<div class="fs-legend" style="line-height:2">' + "<br>".join(items) + "</div>"


def _piece(text: str, covering: Sequence[tuple[Span, str]], focused: bool = False) -> str:
    """One piece of text under the spans (each with its kind) that cover it."""
    escaped = html.escape(text)
    if not covering:
        return escaped
    lead, lead_kind = min(covering, key=lambda pair: priority(pair[1]))
    title = html.escape("\n".join(describe_span(s) for s, _ in covering), quote=True)
    signal = html.escape(lead.signal, quote=True)
    style = style_of(lead_kind)
    if KIND_BY_KEY[lead_kind].colour is not None:
        style += ";border-radius:2px"
        # A mark inside a quotation is underlined too, so the quotation reads as one piece.
        if any(kind == "quote" for _, kind in covering):
            style += ";" + style_of("quote")
    if focused:
        style += ";outline:2px solid #333"
    return (
        f'<span class="fs-mark fs-{signal}" data-signal="{signal}" data-kind="{lead_kind}" '
        f'style="{style}" title="{title}" tabindex="0">{escaped}</span>'
    )


def mark_word(text: str, word: str) -> str:
    """Escaped ``text`` with every whole-word occurrence of ``word`` (any case) marked."""
    # The word list folds curly apostrophes to straight ones; match either in the text.
    body = "['’]".join(re.escape(part) for part in word.split("'"))
    pattern = re.compile(rf"(?<![\w'’-]){body}(?![\w'’-])", re.IGNORECASE)
    pieces, cursor = [], 0
    for match in pattern.finditer(text):
        pieces.append(html.escape(text[cursor : match.start()]))
        pieces.append(f'<mark style="background:#ffe066">{html.escape(match.group())}</mark>')
        cursor = match.end()
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)
