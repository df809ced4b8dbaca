"""The readable ``framescope explain`` view: the article with its evidence marked in the text.

Each span is wrapped in brackets with a number, ``[terrorists]⁽³⁾``, and listed below with its
signal, tier, voice, actor, source and the rule that fired. Furniture lines are shown apart.
"""

from __future__ import annotations

import re

from analyzer.analysis import Analysis
from analyzer.boilerplate.kinds import FURNITURE, SET_APART_KINDS
from analyzer.span import Span, span_facts

#: Characters that can drive a terminal or disguise text: C0 controls other than tab and newline
#: (ESC starts ANSI sequences, CR and backspace overwrite what was printed), DEL, C1 controls
#: (U+009B is an 8-bit CSI) and the bidirectional overrides and isolates ("Trojan Source").
_TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: Spans that cover whole lines or quotations would bracket most of the text; they are listed
#: but not drawn inline.
_LISTED_ONLY = frozenset({"boilerplate", "quote"})


def render_explanation(analysis: Analysis) -> str:
    doc = analysis.document
    meta = doc.meta
    out = [
        f"== {meta.file or '<text>'} | outlet: {meta.outlet}"
        + (f" | {meta.title}" if meta.title else "")
    ]
    out.append("")
    out.append("Scores:")
    width = max((len(name) for name in analysis.scores), default=0)
    for name, value in analysis.scores.items():
        out.append(f"  {name.ljust(width)}  {value:.3f}")
    inline = [s for s in analysis.marks if s.signal not in _LISTED_ONLY]
    numbers = {id(span): i for i, span in enumerate(inline, start=1)}
    out.append("")
    out.append("Body (evidence in [brackets], numbered; captions, bylines and datelines tagged):")
    for start, end in doc.paragraphs:
        kind = doc.lines.kind_at(start)
        tag = f"({kind}) " if kind in SET_APART_KINDS else ""
        out.append("  " + tag + _mark(doc.text, start, end, inline, numbers))
    out.append("")
    out.append("Evidence:")
    for span in inline:
        out.append(f"  ({numbers[id(span)]}) {describe(span)}")
    quotes = [s for s in analysis.spans if s.signal == "quote"]
    if quotes:
        out.append("")
        out.append("Direct quotations:")
        for span in quotes:
            out.append(f"  - {_clip(span.text)} [{describe(span, with_text=False)}]")
    furniture = [s for s in analysis.spans if s.signal == "boilerplate" and s.label == FURNITURE]
    if furniture:
        out.append("")
        out.append("Page furniture (removed before the other signals read the text):")
        for span in furniture:
            out.append(f"  - {_clip(span.text)}  ({span.rule})")
    return terminal_safe("\n".join(out) + "\n")


def terminal_safe(text: str) -> str:
    """Article text and names come from untrusted files: show control characters as escapes
    (``\\x1b``) so printing the view cannot recolour, move or rewrite the user's terminal."""
    return _TERMINAL_UNSAFE.sub(lambda match: repr(match.group())[1:-1], text)


def describe(span: Span, *, with_text: bool = True) -> str:
    """One line saying what a span is and why it fired."""
    head = f"\u201c{span.text}\u201d " if with_text else ""
    return head + "; ".join(span_facts(span))


def _mark(text: str, start: int, end: int, spans: list[Span], numbers: dict[int, int]) -> str:
    events: list[tuple[int, int, str]] = []
    for span in spans:
        if start <= span.start and span.end <= end:
            events.append((span.start, 1, "["))
            events.append((span.end, 0, f"]⁽{numbers[id(span)]}⁾"))
    events.sort(key=lambda e: (e[0], e[1]))
    pieces, cursor = [], start
    for offset, _, marker in events:
        pieces.append(text[cursor:offset])
        pieces.append(marker)
        cursor = offset
    pieces.append(text[cursor:end])
    return "".join(pieces)


def _clip(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
