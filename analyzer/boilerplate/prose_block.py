"""A second opinion for plain text: the page's densest run of prose, and when to trust it.

Plain text has no HTML extractor to outvote the line model, so a model trained on other sites
can grey a whole article ("prose outside the article body") and keep a share bar and a footer.
This module finds the body a readability-style content score would pick, independently of the
model: the maximum-sum run of lines where running prose (``LineStats.sentence_like``) earns its
words, any other line costs a fixed toll (menus, labels, buttons, captions: many short lines
break a run, a single subheading does not) and a furniture rule's line ends the run (a rule
marks "Share this", "Leave a reply", a copyright line: the end of an article).

:func:`recovered_body` is the page-level sanity check: it adds that block to the kept lines only
when the kept text is a small fraction of it (the body vanished) or the kept lines are mostly
short ones (a menu kept instead of the article). When the model and the block agree, nothing
changes.
"""

from __future__ import annotations

import numpy as np

from analyzer.boilerplate.sequences import best_segment
from analyzer.boilerplate.table import LineTable

#: The figures below are dev pages scored by line models that never saw their website
#: (``benchmarks/train_boilerplate.py``'s site-grouped folds on AEB; trafilatura-eval's visible
#: text scored by the model fitted on AEB), at the shipped threshold. Without this check: AEB
#: plain F1 0.897 (7.1% of pages below 0.5), trafilatura-eval text 0.833 (8.5%).

#: Cost, in words, of a line that is not running prose inside a prose block: half a short
#: sentence, so a subheading between paragraphs is crossed, a run of menu lines is not.
#: 4 scored AEB 0.908 / trafilatura-eval 0.836; 2: 0.908 / 0.838; 6 to 20: 0.908 / 0.833.
NON_PROSE_TOLL = 4.0

#: Cost of a line a furniture rule took: larger than any paragraph, so a block never spans it
#: ("Leave a Reply" between an article and its comments). As an ordinary line's toll instead:
#: AEB 0.903 (7.9% below 0.5) against 0.908 (6.3%).
RULED_TOLL = 1000.0

#: The kept lines' words, as a share of the prose block's prose words, below which the body is
#: taken to have vanished and the block is added back. AEB F1 0.898 / 0.905 / 0.907 / 0.908 /
#: 0.908 / 0.906 at 0.3 / 0.4 / 0.5 / 0.6 / 0.7 / 0.8 (the short-line check on).
VANISHED_SHARE = 0.6

#: Share of the kept lines that are short (``SHORT_WORDS`` or fewer words) above which the kept
#: text reads as navigation rather than an article, and the block is added when it holds more
#: words than the kept lines. Alone, 0.4 to 0.6 raised AEB F1 from 0.897 to 0.904; 0.7 did nothing.
SHORT_KEPT_SHARE = 0.6
SHORT_WORDS = 4

#: A block of fewer prose words is no evidence of a body (a teaser, a cookie notice); 20 and
#: 40 scored the same, 80 missed short articles (AEB 0.906).
MIN_BLOCK_WORDS = 40


def prose_block(table: LineTable, ruled: np.ndarray) -> np.ndarray:
    """The lines of the page's densest run of prose (a boolean mask; may be all False)."""
    words = table.stats.words
    prose = table.stats.sentence_like & ~ruled
    scores = np.where(prose, words, -NON_PROSE_TOLL)
    scores = np.where(ruled, -RULED_TOLL, scores)
    start, end = best_segment(scores)
    block = np.zeros(len(words), dtype=bool)
    block[start:end] = True
    return block & ~ruled


def recovered_body(table: LineTable, ruled: np.ndarray, kept: np.ndarray) -> np.ndarray | None:
    """The kept lines joined by the prose block when the kept lines fail the page check, else
    None.

    The check fails when the kept words are less than ``VANISHED_SHARE`` of the block's prose
    words, or when most kept lines are short and the block holds more words than they do.
    """
    words = table.stats.words
    kept_words = float(words[kept].sum())
    kept_count = int(kept.sum())
    short_share = float((kept & (words <= SHORT_WORDS)).sum()) / kept_count if kept_count else 0.0
    mostly_short = short_share > SHORT_KEPT_SHARE
    all_prose = float(words[table.stats.sentence_like & ~ruled].sum())
    if not mostly_short and kept_words >= VANISHED_SHARE * all_prose:
        return None  # passes against all the page's prose, so against any block of it
    block = prose_block(table, ruled)
    block_words = float(words[block & table.stats.sentence_like].sum())
    if block_words < MIN_BLOCK_WORDS:
        return None
    vanished = kept_words < VANISHED_SHARE * block_words
    navigation = mostly_short and block_words > kept_words
    if not (vanished or navigation):
        return None
    return kept | block
