"""Printable HTML and Markdown for a worksheet and its answer key.

The HTML is one self-contained file (inline CSS, no scripts, no external assets) that prints on
A4 or Letter. Every string that comes from an article passes through :func:`html.escape`, so a
``<script>`` in an article prints as text and never runs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from html import escape

from analyzer.render.kinds import FILLED_KINDS, KIND_BY_KEY, WORKSHEET_KINDS, style_of
from analyzer.span import Span
from analyzer.version import __version__
from analyzer.worksheets.excerpts import Excerpt, Highlight
from analyzer.worksheets.items import HEADINGS, REWRITE
from analyzer.worksheets.worksheet import Worksheet, source_line

VOICE_WORDS = {
    "authorial": "the outlet's own words",
    "quoted": "quoted",
    "reported": "reported",
    "caption": "in a photo caption",
}
#: Ruled lines left for a written answer on the student sheet (a rewrite needs more room).
ANSWER_LINES = 3
REWRITE_LINES = 5
#: Quotations are underlined, not filled, and listed last in the legend.
QUOTE = KIND_BY_KEY["quote"]

_CSS = """
body{font-family:Georgia,'Times New Roman',serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;
color:#111;line-height:1.45}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;border-bottom:1px solid #999;margin-top:1.5rem}
h3{font-size:1rem;margin:.2rem 0}.meta,.source,.footer{font-size:.85rem;color:#333}
.note{border:1px solid #b55;background:#fff4f4;padding:.4rem .6rem}
.legend ul{list-style:none;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:.3rem 1rem;
font-size:.85rem}
.swatch{display:inline-block;min-width:1.3rem;text-align:center;font-weight:bold;border:1px solid #555}
.excerpts{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}
.excerpt{border:1px solid #777;padding:.5rem .7rem;break-inside:avoid;page-break-inside:avoid}
.excerpt p{margin:.4rem 0}mark{color:inherit;padding:0 .1rem}
sup{font-size:.65rem;font-family:Arial,sans-serif;font-weight:bold}
.trace{font-size:.78rem;padding-left:1.3rem}.trace li{margin:.15rem 0}
.lines{border-bottom:1px solid #aaa;height:1.6rem}
.answer{background:#f3f7f3;border-left:4px solid #4a7;padding:.3rem .6rem;margin:.3rem 0 .8rem}
blockquote{border-left:3px solid #999;margin:.4rem 0;padding-left:.6rem}
@media print{body{margin:0;max-width:none;font-size:10.5pt}
.excerpts{grid-template-columns:1fr 1fr}.trace{font-size:7.5pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2{break-after:avoid}li{break-inside:avoid}}
"""


def render_worksheet_html(ws: Worksheet, answers: bool = False) -> str:
    """The student worksheet, or with ``answers=True`` the teacher's answer key."""
    kind = "Answer key (teacher's copy)" if answers else "Student worksheet"
    # Fixed per kind, never per sheet, and the same as the dashboard's (one registry).
    colours = "".join(f".c-{k.key}{{{style_of(k.key)}}}" for k in FILLED_KINDS)
    colours += f".q{{{style_of('quote')}}}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(ws.title)}: {kind}</title>",
        f"<style>{_CSS}{colours}</style></head><body>",
        f"<h1>{escape(ws.title)}</h1>",
        f'<p class="meta">{kind} · one lesson (50 minutes) · {len(ws.excerpts)} outlets: '
        f"{escape(', '.join(ws.outlets))}</p>",
        f'<p class="note" role="note">{escape(ws.content_note)}</p>',
        f'<p class="reading">{escape(ws.reading_level.statement())}</p>',
        "<p>Each box holds a short excerpt about the same events from a different outlet. Marks "
        "show words to discuss, not mistakes; the sheet gives no verdict on which outlet is "
        "better. Every mark is numbered and listed under its excerpt with the paragraph it comes "
        "from and the kind of mark"
        + (" (here also whose voice it is in and the rule that marked it)." if answers else ".")
        + "</p>",
        *_plain_html(ws),
        *_legend_html(),
        '<h2>Excerpts</h2><div class="excerpts">',
        *(_excerpt_html(excerpt, answers) for excerpt in ws.excerpts),
        "</div>",
        *_questions_html(ws, answers),
        f'<p class="footer">Made with framescope {escape(__version__)}. Paragraph numbers count '
        "the body paragraphs of each article from 1 (a headline kept in the body counts as "
        "paragraph 1). Reading grades of the whole articles: "
        + escape("; ".join(f"{o} {g:.1f}" for o, g in ws.reading_level.article_grades))
        + ".</p>",
        "</body></html>",
    ]
    return "\n".join(out) + "\n"


def render_worksheet_markdown(ws: Worksheet, answers: bool = False) -> str:
    """The same sheet as Markdown (marks in bold with their number and letter)."""
    kind = "Answer key (teacher's copy)" if answers else "Student worksheet"
    out = [f"# {_md(ws.title)}", "", f"*{kind} · one lesson · {len(ws.excerpts)} outlets*", ""]
    out += [f"> {_md(ws.content_note)}", "", _md(ws.reading_level.statement()), ""]
    out += ["## Read first: the excerpts without marks"]
    for excerpt in ws.excerpts:
        out += ["", f"### {_md(excerpt.outlet)}", "", "\n\n".join(map(_md, _plain_parts(excerpt)))]
    out += ["", "## Legend", ""]
    out += [f"- **{k.letter}** {k.name}: {k.meaning}" for k in (*WORKSHEET_KINDS, QUOTE)]
    out += ["", "## Excerpts"]
    for excerpt in ws.excerpts:
        source = source_line(excerpt, file_name=answers)
        out += ["", f"### {_md(excerpt.outlet)}", "", f"*{_md(source)}*", ""]
        out += ["\n\n".join(_marked(excerpt, _md, _md_mark, _md_quote)), ""]
        out += [f"{h.number}. {_md(_trace(excerpt, h, answers))}" for h in excerpt.highlights]
    out += ["", "## Questions"]
    number = 0
    for heading in HEADINGS:
        questions = [q for q in ws.questions if q.heading == heading]
        if questions:
            out += ["", f"### {heading}", ""]
        for q in questions:
            number += 1
            out.append(f"{number}. {_md(q.prompt)}")
            if q.quote:
                out.append(f"   > {_md(q.quote)}")
            if answers:
                out.append(f"   - **Answer:** {_md(q.answer)}")
    return "\n".join(out) + "\n"


def _plain_html(ws: Worksheet) -> Iterator[str]:
    """The excerpts without marks, to read first and form an opinion before the marks steer it."""
    yield '<h2>Read first: the excerpts without marks</h2><div class="excerpts">'
    for excerpt in ws.excerpts:
        paragraphs = "".join(f"<p>{escape(part)}</p>" for part in _plain_parts(excerpt))
        yield f'<section class="excerpt plain"><h3>{escape(excerpt.outlet)}</h3>{paragraphs}</section>'
    yield "</div>"


def _plain_parts(excerpt: Excerpt) -> list[str]:
    text = excerpt.analysis.text
    parts = []
    for start, end in excerpt.parts:
        prefix = "… " if start == excerpt.start and excerpt.starts_mid_paragraph else ""
        suffix = " …" if end == excerpt.end and excerpt.ends_mid_paragraph else ""
        parts.append(prefix + text[start:end] + suffix)
    return parts


def _legend_html() -> Iterator[str]:
    yield '<div class="legend"><h2>Legend</h2><ul>'
    for k in (*WORKSHEET_KINDS, QUOTE):
        swatch = "q" if k is QUOTE else f"c-{k.key}"
        yield (
            f'<li><span class="swatch {swatch}">{k.letter}</span> <b>{escape(k.name)}</b>: '
            f"{escape(k.meaning)}</li>"
        )
    yield "</ul></div>"


def _excerpt_html(excerpt: Excerpt, answers: bool) -> str:
    paragraphs = "".join(
        f"<p>{part}</p>" for part in _marked(excerpt, escape, _html_mark, _html_quote)
    )
    trace = "".join(
        f'<li value="{h.number}">{escape(_trace(excerpt, h, answers))}</li>'
        for h in excerpt.highlights
    )
    return (
        f'<section class="excerpt"><h3>{escape(excerpt.outlet)}</h3>'
        f'<p class="source">{escape(source_line(excerpt, file_name=answers))}</p>{paragraphs}'
        + (f'<ol class="trace">{trace}</ol>' if trace else "<p class='trace'>No marks.</p>")
        + "</section>"
    )


def _questions_html(ws: Worksheet, answers: bool) -> Iterator[str]:
    yield "<h2>Questions</h2>"
    number = 0
    for heading in HEADINGS:
        questions = [q for q in ws.questions if q.heading == heading]
        if not questions:
            continue
        yield f"<h3>{escape(heading)}</h3><ol>"
        for q in questions:
            number += 1
            body = f"<p>{escape(q.prompt)}</p>"
            if q.quote:
                body += f"<blockquote>{escape(q.quote)}</blockquote>"
            if answers:
                body += f'<div class="answer"><b>Answer:</b> {escape(q.answer)}</div>'
            else:
                lines = REWRITE_LINES if q.heading == REWRITE else ANSWER_LINES
                body += '<div class="lines"></div>' * lines
            yield f'<li value="{number}">{body}</li>'
        yield "</ol>"


def _trace(excerpt: Excerpt, h: Highlight, full: bool) -> str:
    """Where a mark comes from and what kind it is; with ``full`` (the answer key) also whose
    voice it is in, the group it is about and the detector's rule, which would give away the
    answers on the student sheet."""
    category = KIND_BY_KEY[h.category]
    details = [f"{category.letter} '{h.span.text}'", f"{excerpt.outlet}, paragraph {h.paragraph}"]
    if not full:
        # The kind only: a label's tier is what the questions ask students to weigh.
        return " · ".join([*details, category.name])
    details.append(category.name + (f" ({h.span.label})" if h.span.signal == "loaded" else ""))
    if h.span.voice and h.span.signal == "loaded":
        details.append(VOICE_WORDS.get(h.span.voice, h.span.voice))
    if h.span.actor:
        details.append(f"about {h.span.actor}")
    if h.span.source and h.span.signal == "attribution":
        details.append(f"source: {h.span.source}")
    details.append(f"rule: {h.span.rule}")
    return " · ".join(details)


def _marked(
    excerpt: Excerpt,
    esc: Callable[[str], str],
    mark: Callable[[str, Highlight, bool], str],
    quote: Callable[[str], str],
) -> list[str]:
    """Each part of the excerpt as text with its marks, cut at every span boundary."""
    text = excerpt.analysis.text
    rendered = []
    for start, end in excerpt.parts:
        marks = [h for h in excerpt.highlights if start <= h.span.start < end]
        quotes = [q for q in excerpt.quotes if q.start < end and q.end > start]
        cuts = {start, end}
        for item in [h.span for h in marks] + quotes:
            cuts.update(p for p in (item.start, item.end) if start < p < end)
        ordered = sorted(cuts)
        pieces = []
        for left, right in itertools.pairwise(ordered):
            piece = esc(text[left:right])
            covering = next((h for h in marks if h.span.start <= left < h.span.end), None)
            if covering is not None:
                piece = mark(piece, covering, right == covering.span.end)
            if any(_covers(q, left, right) for q in quotes):
                piece = quote(piece)
            pieces.append(piece)
        prefix = "… " if start == excerpt.start and excerpt.starts_mid_paragraph else ""
        suffix = " …" if end == excerpt.end and excerpt.ends_mid_paragraph else ""
        rendered.append(prefix + "".join(pieces) + suffix)
    return rendered


def _covers(span: Span, left: int, right: int) -> bool:
    return span.start <= left and right <= span.end


def _html_mark(piece: str, h: Highlight, last: bool) -> str:
    letter = KIND_BY_KEY[h.category].letter
    sup = f"<sup>{h.number}{letter}</sup>" if last else ""
    return f'<mark class="c-{h.category}">{piece}</mark>{sup}'


def _html_quote(piece: str) -> str:
    return f'<span class="q">{piece}</span>'


def _md_mark(piece: str, h: Highlight, last: bool) -> str:
    letter = KIND_BY_KEY[h.category].letter
    return f"**{piece}**" + (f"<sup>{h.number}{letter}</sup>" if last else "")


def _md_quote(piece: str) -> str:
    return piece


def _md(text: str) -> str:
    """Escape article text for Markdown: HTML-escaped, and Markdown's own marks neutralised."""
    escaped = escape(text, quote=False)
    for char in "\\`*_[]#|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
