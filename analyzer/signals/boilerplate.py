"""Boilerplate noise: how much of the raw text is page furniture, with every furniture line shown.

The classification itself happens once, when the document is built (``analyzer.boilerplate``),
because every other signal must read only the body; this signal reports it. Captions, bylines and
datelines are not furniture: they stay in the text and are shown as spans of their own kind
(label ``caption``, ``byline`` or ``dateline``), so the views can set them apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.boilerplate.kinds import BYLINE, CAPTION, DATELINE, FURNITURE, SET_APART_KINDS
from analyzer.config import Config
from analyzer.document import Document
from analyzer.signals.base import Signal, count_feature, share, share_feature
from analyzer.span import Span, make_span
from analyzer.text.lines import strip_span

FEATURES = (
    share_feature(
        "boilerplate_share",
        "Share of the raw text's characters (blank lines and line breaks excluded) that are page furniture.",
        from_spans=False,  # measured on the document's lines, padding included
    ),
    count_feature("boilerplate_lines", "Lines classified as page furniture."),
)


def detect(doc: Document, config: Config) -> list[Span]:
    spans = []
    for line in doc.lines:
        if line.is_body or line.is_blank:
            continue
        kind = line.kind
        start, end = strip_span(doc.text, line.start, line.end)
        if start < end and (kind == FURNITURE or kind in SET_APART_KINDS):
            spans.append(
                make_span(doc.text, start, end, signal="boilerplate", label=kind, rule=line.reason)
            )
    return spans


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    furniture = doc.furniture_chars
    return {
        "boilerplate_share": share(furniture, furniture + doc.body_chars),
        "boilerplate_lines": float(sum(span.label == FURNITURE for span in spans)),
    }


SIGNAL = Signal(
    "boilerplate",
    FEATURES,
    detect,
    score,
    kinds=tuple(("boilerplate", label) for label in (FURNITURE, CAPTION, BYLINE, DATELINE)),
)
