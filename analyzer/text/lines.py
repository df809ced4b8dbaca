"""Split text into lines with half-open offsets that exclude the line break itself."""

from __future__ import annotations

import re
from array import array

import numpy as np

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


def line_bounds(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The lines of :func:`split_lines` as two int64 arrays, starts and ends.

    16 bytes a line where a list of tuples takes about 120: a text of a million one-letter lines
    is 2 MB, and its lines must not cost more than its characters.
    """
    starts = array("q", [0])
    ends = array("q")
    for match in _LINE_BREAK.finditer(text):
        ends.append(match.start())
        starts.append(match.end())
    if starts[-1] < len(text) or not ends:
        ends.append(len(text))
    else:
        starts.pop()
    return np.frombuffer(starts, dtype=np.int64), np.frombuffer(ends, dtype=np.int64)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``(start, end)`` so it neither begins nor ends with whitespace (empty stays empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
