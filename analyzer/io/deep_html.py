"""Flatten HTML nested too deep for libxml2, keeping all of its text.

libxml2 stops at 2,048 levels of nesting (even with ``huge_tree``) and drops the rest of the page
without raising. Such a page is re-tokenised here and every tag past :data:`MAX_DEPTH` open
elements is dropped: its text stays in place, a block element leaves a ``<br>`` so its text stays
on its own line, and a hidden or invisible one (script, style, ``hidden``) is dropped with its
content, as the tree walk would drop it.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

#: Open elements kept; the tokenizer's count runs above libxml2's (it does not close a ``<p>``
#: when a ``<div>`` opens), so half the limit leaves a wide margin.
MAX_DEPTH = 1024

#: Elements with no content and no end tag.
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr",
})  # fmt: skip
#: Elements whose content the tokenizer hands over raw (it is not HTML-escaped again).
_RAW_TEXT = frozenset({"script", "style"})


def flatten_deep_nesting(
    page: str, *, invisible: frozenset[str], blocks: frozenset[str], hidden_style: re.Pattern[str]
) -> str:
    """``page`` with the tags past :data:`MAX_DEPTH` open elements dropped, their text kept.

    ``invisible`` elements never show their content, ``blocks`` start a new line, and an element
    whose ``style`` matches ``hidden_style`` (or with a ``hidden`` attribute) is not shown.
    """
    flattener = _Flattener(invisible, blocks, hidden_style)
    flattener.feed(page)
    flattener.close()
    return "".join(flattener.out)


class _Flattener(HTMLParser):
    def __init__(
        self, invisible: frozenset[str], blocks: frozenset[str], hidden_style: re.Pattern[str]
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._invisible = invisible
        self._blocks = blocks
        self._hidden_style = hidden_style
        self._open: list[tuple[str, bool]] = []  # (tag, kept) of every open element
        self._open_count: Counter[str] = Counter()
        self._kept = 0
        self._skipping: list[str] = []  # open elements of a dropped invisible subtree
        self._skipping_count: Counter[str] = Counter()
        self._raw = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            if tag not in _VOID:
                self._skip(tag)
            return
        if tag in _VOID:
            self.out.append(self.get_starttag_text() or "")
            return
        keep = self._kept < MAX_DEPTH
        if not keep and self._hides(tag, attrs):
            self._skip(tag)
            return
        self._open.append((tag, keep))
        self._open_count[tag] += 1
        if keep:
            self._kept += 1
            self.out.append(self.get_starttag_text() or "")
            self._raw = tag in _RAW_TEXT
        elif tag in self._blocks:
            self.out.append("<br>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<div/>": libxml2 opens and closes it at once, so it adds no depth.
        if not self._skipping:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            while self._skipping_count[tag]:
                name = self._skipping.pop()
                self._skipping_count[name] -= 1
                if name == tag:
                    break
            return
        self._raw = False
        if not self._open_count[tag]:
            return  # a stray end tag: the parser ignores it too
        while True:  # close what the end tag closes, as the parser does
            name, kept = self._open.pop()
            self._open_count[name] -= 1
            self._kept -= kept
            if name == tag:
                break
        if kept:
            self.out.append(f"</{tag}>")
        elif tag in self._blocks:
            self.out.append("<br>")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.out.append(data if self._raw else html.escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        if not self._skipping:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def _skip(self, tag: str) -> None:
        self._skipping.append(tag)
        self._skipping_count[tag] += 1

    def _hides(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        values = dict(attrs)
        return (
            tag in self._invisible
            or "hidden" in values
            or bool(self._hidden_style.search(values.get("style") or ""))
        )
