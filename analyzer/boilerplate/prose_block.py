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
from analyzer.settings import BoilerplateSettings

#: A block this costly per line is never crossed: a furniture rule's line ("Leave a Reply"
#: between an article and its comments) ends a run. As an ordinary line's toll instead: AEB
#: 0.903 (7.9% below 0.5) against 0.908 (6.3%).
RULED_TOLL = 1000.0


def prose_block(table: LineTable, ruled: np.ndarray, non_prose_toll: float) -> np.ndarray:
    """The lines of the page's densest run of prose (a boolean mask; may be all False)."""
    words = table.stats.words
    prose = table.stats.sentence_like & ~ruled
    scores = np.where(prose, words, -non_prose_toll)
    scores = np.where(ruled, -RULED_TOLL, scores)
    start, end = best_segment(scores)
    block = np.zeros(len(words), dtype=bool)
    block[start:end] = True
    return block & ~ruled


def recovered_body(
    table: LineTable, ruled: np.ndarray, kept: np.ndarray, settings: BoilerplateSettings
) -> np.ndarray | None:
    """The kept lines joined by the prose block when the kept lines fail the page check, else
    None.

    The check fails when the kept words are less than ``settings.prose_vanished_share`` of the
    block's prose words, or when most kept lines are short and the block holds more words than
    they do.
    """
    words = table.stats.words
    kept_words = float(words[kept].sum())
    kept_count = int(kept.sum())
    short_share = (
        float((kept & (words <= settings.prose_short_words)).sum()) / kept_count
        if kept_count
        else 0.0
    )
    mostly_short = short_share > settings.prose_short_kept_share
    all_prose = float(words[table.stats.sentence_like & ~ruled].sum())
    if not mostly_short and kept_words >= settings.prose_vanished_share * all_prose:
        return None  # passes against all the page's prose, so against any block of it
    block = prose_block(table, ruled, settings.prose_non_prose_toll)
    block_words = float(words[block & table.stats.sentence_like].sum())
    if block_words < settings.prose_min_block_words:
        return None
    vanished = kept_words < settings.prose_vanished_share * block_words
    navigation = mostly_short and block_words > kept_words
    if not (vanished or navigation):
        return None
    return kept | block
