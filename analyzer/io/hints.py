"""Body hints: which visible lines of a page an HTML-aware extractor kept as the article body.

A line matches a body paragraph when its word tokens occur in that paragraph as one run
(paragraph splits rarely agree exactly between extractors). Runs are looked up from the line's
rarest word, so the cost follows the matches rather than lines x paragraphs: a page of 200,000
paragraphs used to take minutes when every line was searched for across the whole body.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from analyzer.text.lines import split_lines

_TOKEN = re.compile(r"\w+")

#: Paragraphs of the extractor's body one line may match when aligning hints. Tables repeat
#: short cells ("0") and Q&A pages repeat questions in every paragraph; 16 was too few on AEB dev
#: (3 pages lost body), 256 loses none.
MAX_LINE_MATCHES = 256

#: Bound on all (line, paragraph) matches of one page, so a pathological page stays fast.
MAX_HINT_PAIRS = 50_000

#: Bound on the places tried for one page's lines (each a comparison of one run of words). A
#: real page tries about one place per line; only a page built to defeat the rarest-word lookup
#: (every word frequent, no run matching) comes near, and its later lines then get no hint.
MAX_HINT_PROBES = 2_000_000


def align_hints(text: str, body: str) -> tuple[bool, ...]:
    """Mark the lines of ``text`` that an extractor's ``body`` kept, in reading order.

    Repeated lines (a headline in the menu, the page title, the article) would all match; the
    hinted lines are the heaviest chain whose matched paragraphs never go backwards, so only the
    copy in the article's place is kept. Measured on AEB dev, this keeps trafilatura's own score
    (0.958 vs 0.959 direct), where marking every line whose 4-grams occur anywhere in the body
    lost 0.009 of precision.
    """
    paragraphs = [words for words in map(_TOKEN.findall, body.split("\n")) if words]
    runs = _WordRuns(paragraphs)
    spans = split_lines(text)
    pairs: list[tuple[int, int, int, bool]] = []  # (line, paragraph, weight, whole paragraph)
    for line, (start, end) in enumerate(spans):
        words = _TOKEN.findall(text, start, end)
        room = min(MAX_LINE_MATCHES, MAX_HINT_PAIRS - len(pairs))
        if not words or room <= 0:
            continue
        for paragraph in runs.paragraphs_holding(words, room):
            whole = len(words) == len(paragraphs[paragraph])
            pairs.append((line, paragraph, len(words), whole))
    hints = [False] * len(spans)
    for line in _heaviest_chain(pairs, len(paragraphs)):
        hints[line] = True
    return tuple(hints)


class _WordRuns:
    """Finds the paragraphs holding a run of words, in order, from the run's rarest word."""

    def __init__(self, paragraphs: Sequence[Sequence[str]]) -> None:
        # Every paragraph's words end to end, None between paragraphs so no run spans two.
        self._flat: list[str | None] = []
        self._starts: list[int] = []  # position of each paragraph's first word
        self._places: dict[str, list[int]] = {}  # word -> its positions, in order
        for words in paragraphs:
            self._starts.append(len(self._flat))
            for word in words:
                self._places.setdefault(word, []).append(len(self._flat))
                self._flat.append(word)
            self._flat.append(None)
        self._probes_left = MAX_HINT_PROBES

    def paragraphs_holding(self, words: Sequence[str], limit: int) -> Iterator[int]:
        """The first ``limit`` paragraphs (in order) holding ``words`` as one run, each once."""
        counts = [len(self._places.get(word, ())) for word in words]
        anchor = min(range(len(words)), key=counts.__getitem__)
        if counts[anchor] == 0:
            return
        places = self._places[words[anchor]]
        size = len(words)
        wanted = list(words)
        found = 0
        i = 0
        while i < len(places) and found < limit and self._probes_left > 0:
            self._probes_left -= 1
            start = places[i] - anchor
            if start < 0 or self._flat[start : start + size] != wanted:
                i += 1
                continue
            paragraph = bisect.bisect_right(self._starts, start) - 1
            yield paragraph
            found += 1
            # One match per paragraph: go on from the next paragraph's first word.
            following = self._starts[paragraph + 1] if paragraph + 1 < len(self._starts) else None
            i = len(places) if following is None else bisect.bisect_left(places, following, i)


def _heaviest_chain(pairs: list[tuple[int, int, int, bool]], n_paragraphs: int) -> list[int]:
    """Lines of the heaviest chain of ``pairs`` with increasing line and non-decreasing paragraph.

    ``pairs`` come ordered by line. Two whole-paragraph matches may not share a paragraph (that
    would be a repeated line). A Fenwick tree of prefix maxima over paragraphs keeps this
    O(pairs log paragraphs).
    """
    size = n_paragraphs + 1
    empty = (0, -1)  # (chain weight, last pair): weight 0, no pair
    tree: list[tuple[int, int]] = [empty] * (size + 1)  # prefix maxima by paragraph
    partial: list[tuple[int, int]] = [empty] * size  # best chain ending in a part-paragraph match

    def prefix_best(paragraph: int) -> tuple[int, int]:  # best over paragraphs < paragraph
        best, i = empty, paragraph
        while i > 0:
            best = max(best, tree[i])
            i -= i & -i
        return best

    def record(paragraph: int, entry: tuple[int, int]) -> None:
        i = paragraph + 1
        while i <= size:
            tree[i] = max(tree[i], entry)
            i += i & -i

    value: list[int] = []
    link: list[int] = []
    k = 0
    while k < len(pairs):
        group_end = k
        while group_end < len(pairs) and pairs[group_end][0] == pairs[k][0]:
            group_end += 1
        # Every pair of one line is scored before any is recorded: a line cannot chain onto itself.
        for m in range(k, group_end):
            _, paragraph, weight, whole = pairs[m]
            before = prefix_best(paragraph + (0 if whole else 1))
            if whole:
                before = max(before, partial[paragraph])
            value.append(before[0] + weight)
            link.append(before[1])
        for m in range(k, group_end):
            _, paragraph, _, whole = pairs[m]
            # Between equal weights the later pair wins: of two copies of a line (the headline in
            # the menu and above the article) the one nearer the rest of the chain is kept.
            record(paragraph, (value[m], m))
            if not whole:
                partial[paragraph] = max(partial[paragraph], (value[m], m))
        k = group_end
    chain = []
    m = max(range(len(pairs)), key=value.__getitem__) if pairs else -1
    while m >= 0:
        chain.append(pairs[m][0])
        m = link[m]
    return chain
