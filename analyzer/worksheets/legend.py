"""Which evidence spans a worksheet marks, and which one wins where two overlap.

Colours, letters and legend words come from the shared registry (:mod:`analyzer.render.kinds`),
so a worksheet and the dashboard draw a kind alike, and never change between worksheets: a class
that has learnt "red means a loaded label" keeps that reading. Each mark also carries its kind's
letter, so the sheet still reads on a black-and-white printer and for colour-blind students.
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.render.kinds import WORKSHEET_KINDS, kind_of, priority
from analyzer.span import Span

#: The kinds a worksheet marks with a fill; quotations are underlined rather than filled, so a
#: label inside a quote still shows its colour, and furniture is never excerpted.
MARKED = frozenset(kind.key for kind in WORKSHEET_KINDS)


def category_of(span: Span) -> str | None:
    """The legend key a span is marked as, or None for spans a worksheet does not mark."""
    kind = kind_of(span)
    return kind if kind in MARKED else None


def resolve_overlaps(spans: Sequence[Span]) -> list[Span]:
    """Keep, of overlapping spans, the one of the highest-priority kind (then the longest).

    "As per reports" is both an anonymous attribution cue and a weasel; one mark is enough.
    """
    markable = [(s, kind) for s in spans if (kind := category_of(s)) is not None]
    ranked = sorted(markable, key=lambda pair: (priority(pair[1]), pair[0].start - pair[0].end))
    kept: list[Span] = []
    for span, _ in ranked:
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.sort_key)
