"""Copies of the article kept twice: the body again as one run-on line after it.

Scraped text often carries the page's metadata as text: the structured-data ``articleBody`` or a
long description, which repeats the paragraphs above it run together on one line. The line model
keeps it (it reads like a long paragraph) and every signal would then count the article twice.
A kept line most of whose word 4-grams were already kept above is such a copy. Exact repeats of
a line are caught earlier, by the ``repeat_count`` column; this finds the copies that join or cut
lines.
"""

from __future__ import annotations

import re

import numpy as np

#: Word n-grams compared (the AEB metric's shingle size).
SHINGLE_WORDS = 4
#: Shorter lines are left alone: a sentence the article repeats (a pull quote, a recap) is no copy.
MIN_SHINGLES = 20
#: Share of a line's shingles already kept above for it to be a copy.
COPIED_SHARE = 0.8

_WORD = re.compile(r"\w+")


def copied_lines(lines: list[str] | tuple[str, ...], kept: np.ndarray) -> np.ndarray:
    """Which kept lines copy other kept lines (see the module's docstring).

    A copy joins several lines: most of its shingles occur in other kept lines, and no one of
    them holds most of its shingles. So the paragraphs a run-on copy repeats stay body whether
    the copy comes before or after them, and a paragraph quoted again once is left alone.
    """
    copies = np.zeros(len(lines), dtype=bool)
    indices = np.flatnonzero(kept).tolist()
    shingles = {k: _shingles(lines[k]) for k in indices}
    holders: dict[tuple[str, ...], list[int]] = {}
    for k in indices:
        for shingle in shingles[k]:
            holders.setdefault(shingle, []).append(k)
    for k in indices:
        own = shingles[k]
        if len(own) < MIN_SHINGLES:
            continue
        elsewhere = [[j for j in holders[s] if j != k] for s in own]
        covered = sum(1 for others in elsewhere if others)
        if covered < COPIED_SHARE * len(own):
            continue
        per_line: dict[int, int] = {}
        for others in elsewhere:
            for j in others:
                per_line[j] = per_line.get(j, 0) + 1
        copies[k] = max(per_line.values()) <= len(own) / 2
    return copies


def _shingles(line: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(line.lower())
    return {tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
