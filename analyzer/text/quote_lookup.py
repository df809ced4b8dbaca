"""Which quotations lie next to a reporting cue, and which are already attributed."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from analyzer.text.quotes import Quote


class QuoteLookup:
    """The document's quotations indexed by start, end and content, plus the attributed ones.

    A quotation counts as next to a cue across at most ``gap_chars`` spaces, commas or dashes
    (``AttributionSettings.quote_gap_chars``).
    """

    def __init__(self, text: str, quotes: Sequence[Quote], gap_chars: int) -> None:
        self.text = text
        self.quotes = quotes
        self.gap_chars = gap_chars
        self.by_start = {q.start: i for i, q in enumerate(quotes)}
        self.by_end = {q.end: i for i, q in enumerate(quotes)}
        self.quote_starts = [q.start for q in quotes]
        merged: list[list[int]] = []
        for q in sorted(quotes, key=lambda q: q.content_start):
            if merged and q.content_start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.content_end)
            else:
                merged.append([q.content_start, q.content_end])
        self.inside_starts = [m[0] for m in merged]
        self.inside_ends = [m[1] for m in merged]
        self.used: set[int] = set()

    def in_quote(self, pos: int) -> bool:
        return self.quoted_until(pos) is not None

    def quoted_until(self, pos: int) -> int | None:
        """Where the quotation content holding ``pos`` ends, or None outside quotations."""
        i = bisect.bisect_right(self.inside_starts, pos) - 1
        return self.inside_ends[i] if i >= 0 and pos < self.inside_ends[i] else None

    def quote_at(self, pos: int) -> int | None:
        """The unattributed quotation opening at ``pos`` (spaces and line breaks skipped)."""
        text, limit = self.text, min(len(self.text), pos + self.gap_chars)
        while pos < limit and text[pos].isspace():
            pos += 1
        index = self.by_start.get(pos)
        return index if index is not None and index not in self.used else None

    def quote_before(self, pos: int) -> int | None:
        """The unattributed quotation ending just before ``pos`` (spaces, commas, dashes between).

        A short quotation counts only when a comma, "!" or "?" closes it: a scare quote in
        mid-sentence ("is “silently” observing") is not the statement a cue attributes.
        """
        text, floor, start = self.text, max(0, pos - self.gap_chars), pos
        while pos > floor and (text[pos - 1].isspace() or text[pos - 1] in ",—–-"):
            pos -= 1
        index = self.by_end.get(pos)
        if index is None or index in self.used:
            return None
        quote = self.quotes[index]
        closed = text[quote.content_end - 1 : quote.content_end] in (",", "!", "?")
        return index if quote.kind == "direct" or closed or "," in text[pos:start] else None
