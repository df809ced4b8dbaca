"""Split text into lines with half-open offsets that exclude the line break itself."""

from __future__ import annotations

import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")


def split_lines(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` for every line, blank ones included, in order.

    Line breaks are the ones ``str.splitlines`` knows, so CRLF, CR and Unicode separators all end
    a line and the offsets still index the untouched text.
    """
    spans = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``(start, end)`` so it neither begins nor ends with whitespace (empty stays empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
