"""vaderSentiment behind one door: one analyzer per process, one sentence at a time.

VADER's compound score saturates on long texts, so framescope scores sentences, never whole
articles (DOMAIN.md). A sentence none of whose tokens is in VADER's lexicon always scores exactly
zero in VADER, so it is answered without running the full rule set; the speed benchmark relies
on this, and ``tests/test_adapters.py`` checks the shortcut against VADER itself.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

#: VADER's documented thresholds for calling a sentence positive or negative (vaderSentiment README).
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05


@dataclass(frozen=True, slots=True)
class Polarity:
    compound: float
    positive: float
    negative: float
    neutral: float


_ZERO = Polarity(0.0, 0.0, 0.0, 0.0)
_NEUTRAL = Polarity(0.0, 0.0, 0.0, 1.0)


@functools.cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=8192)
def polarity(sentence: str) -> Polarity:
    """VADER's scores for one sentence (identical to ``polarity_scores``, only faster)."""
    analyzer = _analyzer()
    if sentence.isascii() and not _may_carry_sentiment(sentence, analyzer.lexicon):
        # VADER keeps every whitespace token; all-zero valences give neu 1.0, no tokens give 0.0.
        return _NEUTRAL if sentence.split() else _ZERO
    scores = analyzer.polarity_scores(sentence)
    return Polarity(scores["compound"], scores["pos"], scores["neg"], scores["neu"])


def _may_carry_sentiment(sentence: str, lexicon: dict[str, float]) -> bool:
    # VADER only scores tokens found in its lexicon, after lower-casing and, for words, stripping
    # surrounding punctuation; checking both forms is a superset of what it will look up.
    for token in sentence.split():
        lowered = token.lower()
        if lowered in lexicon or lowered.strip(string.punctuation) in lexicon:
            return True
    return False
