"""Copies of the article kept twice: the body again as one run-on line.

Scraped text often carries the page's metadata as text: the structured-data ``articleBody`` or a
long description, which repeats the article's paragraphs run together on one line. The line
model keeps it (it reads like a long paragraph) and every signal would then count the article
twice. A kept line most of whose word 4-grams other kept lines hold is such a copy. Exact repeats
of a line are caught earlier, by the ``repeat_count`` column; this finds the copies that join or
cut lines.
"""

from __future__ import annotations

import re

import numpy as np

#: Word n-grams compared (the AEB metric's shingle size).
SHINGLE_WORDS = 4
#: Shorter lines are left alone: a sentence the article repeats (a pull quote, a recap) is no copy.
MIN_SHINGLES = 20
#: Share of a line's shingles other kept lines hold for it to be a copy.
COPIED_SHARE = 0.8
#: The opening of a line searched for inside a long line, and how long a line must be to copy
#: two others (characters).
OPENING_CHARS = 24
MIN_COPY_CHARS = 120

_WORD = re.compile(r"\w+")


def copied_lines(lines: list[str] | tuple[str, ...], kept: np.ndarray) -> np.ndarray:
    """Which kept lines copy other kept lines (see the module's docstring).

    A copy joins several lines: most of its shingles occur in other kept lines, and no one of
    them holds most of its shingles. So the paragraphs a run-on copy repeats stay body whether
    the copy comes before or after them, and a paragraph quoted again once is left alone.
    Shingles are compared only for a long line that holds the openings of two or more other
    kept lines: a search of a few characters, so that pages with no copy cost next to nothing.
    """
    copies = np.zeros(len(lines), dtype=bool)
    indices = np.flatnonzero(kept).tolist()
    lowered = {k: lines[k].lower() for k in indices}
    openings = [
        (k, low[:OPENING_CHARS]) for k, low in lowered.items() if len(low) >= 2 * OPENING_CHARS
    ]
    if len(openings) < 3:
        return copies
    # a copy of two lines or more is longer than most: twice the page's median line at least
    shortest = max(MIN_COPY_CHARS, 2 * int(np.median([len(lowered[k]) for k, _ in openings])))
    for k, low in lowered.items():
        if len(low) < shortest:
            continue
        held = [j for j, opening in openings if j != k and opening in low]
        if len(held) < 2:
            continue
        own = _shingles(low)
        if len(own) < MIN_SHINGLES:
            continue
        others = [_shingles(lowered[j]) for j in held]
        elsewhere = own & set().union(*others)
        if len(elsewhere) < COPIED_SHARE * len(own):
            continue
        # no one line holds most of it: a paragraph quoted again with more words is no copy
        copies[k] = max(len(own & other) for other in others) <= len(own) / 2
    return copies


def _shingles(line: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(line)
    return set(zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False))
