"""The dashboard's highlighted article: every evidence span in a fixed colour, the reason on hover.

All article text and every attribute value pass through :func:`html.escape`, so an article that
holds ``<script>`` or ``<img onerror=...>`` is shown as text and runs nothing (a browser test
checks it). Spans may nest or overlap (an attribution inside a quotation, a weasel over an
attribution cue): the text is cut at every span boundary, each piece takes the colour of the most
specific span covering it, and its hover title lists all of them.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Sequence

from analyzer.analysis import Analysis
from analyzer.span import Span, span_facts

#: Background colour per span signal, fixed so a class learns them once. Colour-blind-safe
#: pairs (Okabe-Ito hues, lightened so black text stays readable on them).
SIGNAL_COLOURS: dict[str, str] = {
    "loaded": "#f4a6a6",
    "distancing": "#e6b3e6",
    "weasel": "#f7c98b",
    "hedge": "#fff0a0",
    "booster": "#a8d8f0",
    "attribution": "#b5e3c4",
    "quote": "#e4e4f7",
    "boilerplate": "#ffffff",
}

#: What each colour means, in the words of the legend.
SIGNAL_MEANINGS: dict[str, str] = {
    "loaded": "loaded term or actor label (tier on hover)",
    "distancing": "distancing verb (claimed, alleged, admitted)",
    "weasel": "weasel: leans on nobody in particular",
    "hedge": "hedge: lowers commitment (may, reportedly)",
    "booster": "booster: raises commitment (clearly, in fact)",
    "attribution": "attribution cue (said, according to)",
    "quote": "direct quotation",
    "boilerplate": "page furniture (greyed; not read by the other signals)",
}

#: When spans overlap, the piece is coloured by the first signal in this order that covers it:
#: short, specific evidence wins over the long spans (quotations, furniture) it sits in.
PRIORITY = (
    "loaded",
    "distancing",
    "weasel",
    "hedge",
    "booster",
    "attribution",
    "quote",
    "boilerplate",
)

_FURNITURE_STYLE = "color:#8a8a8a;text-decoration:line-through;text-decoration-color:#c8c8c8"
_CONTAINER_STYLE = (
    "white-space:pre-wrap;line-height:1.7;font-family:Georgia,serif;font-size:1.02rem"
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
) -> str:
    """Escaped HTML of ``text[start:end]`` with the spans inside it marked.

    Spans reaching outside the range are clipped to it, so a sentence cut from an article keeps
    the colour of a quotation that began in an earlier sentence. The ``focus`` span (the one a
    reader chose, say) is outlined as well.
    """
    end = len(text) if end is None else end
    inside = [s for s in spans if s.start < end and s.end > start and s.signal in SIGNAL_COLOURS]
    cuts = sorted(
        {start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)}
    )
    pieces: list[str] = []
    for left, right in itertools.pairwise(cuts):
        covering = [s for s in inside if s.start <= left and s.end >= right]
        pieces.append(_piece(text[left:right], covering, focus in covering))
    return "".join(pieces)


def article_html(analysis: Analysis) -> str:
    """The whole article, highlighted, in one container (furniture greyed and struck through)."""
    body = highlight(analysis.text, analysis.spans)
    return f'<div class="fs-article" style="{_CONTAINER_STYLE}">{body}</div>'


def legend_html(signals: Sequence[str] = PRIORITY) -> str:
    """A legend with one swatch per signal, in the colours :func:`highlight` uses."""
    items = []
    for signal in signals:
        style = (
            _FURNITURE_STYLE if signal == "boilerplate" else f"background:{SIGNAL_COLOURS[signal]}"
        )
        items.append(
            f'<span style="{style};padding:1px 6px;border-radius:3px;margin-right:4px">'
            f"{html.escape(signal)}</span> {html.escape(SIGNAL_MEANINGS[signal])}"
        )
    return '<div class="fs-legend" style="line-height:2">' + "<br>".join(items) + "</div>"


def _piece(text: str, covering: Sequence[Span], focused: bool = False) -> str:
    escaped = html.escape(text)
    if not covering:
        return escaped
    lead = min(covering, key=lambda s: PRIORITY.index(s.signal))
    title = html.escape("\n".join(describe_span(s) for s in covering), quote=True)
    signal = html.escape(lead.signal, quote=True)
    if lead.signal == "boilerplate":
        style = _FURNITURE_STYLE
    else:
        style = f"background:{SIGNAL_COLOURS[lead.signal]};border-radius:2px"
    if focused:
        style += ";outline:2px solid #333"
    return f'<span class="fs-{signal}" data-signal="{signal}" style="{style}" title="{title}">{escaped}</span>'


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
