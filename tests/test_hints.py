"""Body hints: the rarest-word lookup finds exactly the matches of a plain substring search."""

from __future__ import annotations

import bisect
import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.io import hints
from analyzer.io.hints import _heaviest_chain, align_hints
from analyzer.text.lines import split_lines

_TOKEN = re.compile(r"\w+")


def substring_align_hints(text: str, body: str) -> tuple[bool, ...]:
    """The alignment as first written: every line searched for across the whole body (quadratic
    on long pages, but its meaning is plain: a line matches where its words occur as one run)."""
    paragraphs = [
        " " + " ".join(words) + " " for words in map(_TOKEN.findall, body.split("\n")) if words
    ]
    joined = "\n".join(paragraphs)
    starts = list(itertools.accumulate((len(p) + 1 for p in paragraphs[:-1]), initial=0))
    spans = split_lines(text)
    pairs: list[tuple[int, int, int, bool]] = []
    for line, (start, end) in enumerate(spans):
        words = _TOKEN.findall(text, start, end)
        if not words:
            continue
        key = " " + " ".join(words) + " "
        found = joined.find(key)
        matches = 0
        while found >= 0 and matches < hints.MAX_LINE_MATCHES and len(pairs) < hints.MAX_HINT_PAIRS:
            paragraph = bisect.bisect_right(starts, found) - 1
            pairs.append((line, paragraph, len(words), len(key) == len(paragraphs[paragraph])))
            matches += 1
            found = joined.find(key, starts[paragraph] + len(paragraphs[paragraph]))
    marked = [False] * len(spans)
    for line in _heaviest_chain(pairs, len(paragraphs)):
        marked[line] = True
    return tuple(marked)


# A small vocabulary, so lines repeat, overlap and recur inside paragraphs.
_WORDS = st.sampled_from(["a", "b", "c", "Home", "said", "1"])
_LINE = st.lists(_WORDS, max_size=5).map(" ".join)
_TEXT = st.lists(_LINE, max_size=14).map("\n".join)


@given(text=_TEXT, body=_TEXT)
def test_rarest_word_lookup_agrees_with_substring_search(text: str, body: str) -> None:
    assert align_hints(text, body) == substring_align_hints(text, body)


@given(text=_TEXT, body=_TEXT)
def test_agreement_holds_at_the_match_limits(text: str, body: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hints, "MAX_LINE_MATCHES", 2)
        patch.setattr(hints, "MAX_HINT_PAIRS", 5)
        assert align_hints(text, body) == substring_align_hints(text, body)


def test_many_paragraph_page_aligns_every_paragraph() -> None:
    # 20,000 distinct paragraphs: the substring search tried each line against the whole body.
    body = "\n".join(f"Paragraph {i} of the page." for i in range(20_000))
    text = "Menu\n" + body + "\nFooter"
    assert align_hints(text, body) == (False, *[True] * 20_000, False)
