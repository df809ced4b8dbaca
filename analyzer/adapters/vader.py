"""vaderSentiment behind one door: one analyzer per process, one sentence at a time.

VADER's compound score saturates on long texts, so framescope scores sentences, never whole
articles (DOMAIN.md). VADER is the slowest step of the pipeline, so :class:`_FastVader` removes
two costs of vaderSentiment 3.3.2 that do not change any result:

- ``polarity_scores`` walks the sentence character by character to replace emoji; a sentence
  with none of the emoji characters (one set test tells) is only stripped, as
  the loop would leave it;
- every word goes through ``sentiment_valence``, which does nothing but append 0 for a word
  outside the lexicon; such words are appended directly;
- ``_negation_check`` and ``_special_idioms_check`` lower-case the whole sentence again for every
  sentiment word, and ``negated`` rebuilds its word list on every call; the lower-cased words
  are made once per sentence and negation is a set lookup instead.

``tests/test_adapters.py`` checks on thousands of real sentences that every score equals stock
VADER's.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import Any

from vaderSentiment import vaderSentiment as vs

#: VADER's documented thresholds for calling a sentence positive or negative (vaderSentiment README).
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05


@dataclass(frozen=True, slots=True)
class Polarity:
    compound: float
    positive: float
    negative: float
    neutral: float


class _FastVader(vs.SentimentIntensityAnalyzer):
    """Stock VADER with its per-sentence work done once (see the module docstring).

    The lower-cased words of the sentence being scored live in thread-local storage, so one
    analyzer serves the dashboard's concurrent sessions safely.
    """

    def __init__(self) -> None:
        super().__init__()
        self._local = threading.local()
        # polarity_scores replaces emoji character by character, so only one-character keys match.
        self._emoji_chars = frozenset(key for key in self.emojis if len(key) == 1)

    def polarity_scores(self, text: str) -> dict[str, float]:
        text = text.strip() if self._emoji_chars.isdisjoint(text) else self._describe_emoji(text)
        sentitext = vs.SentiText(text)
        words = sentitext.words_and_emoticons
        lower = self._local.lower = [w.lower() for w in words]
        sentiments: list[Any] = []
        for i, item in enumerate(words):
            if lower[i] in vs.BOOSTER_DICT or (
                i < len(words) - 1 and lower[i] == "kind" and lower[i + 1] == "of"
            ):
                sentiments.append(0)
                continue
            if lower[i] not in self.lexicon:
                sentiments.append(0)  # what sentiment_valence does for a word outside the lexicon
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    def _describe_emoji(self, text: str) -> str:
        # vaderSentiment 3.3.2's emoji replacement, as in its polarity_scores.
        pieces: list[str] = []
        prev_space = True
        for char in text:
            if char in self.emojis:
                if not prev_space:
                    pieces.append(" ")
                pieces.append(self.emojis[char])
                prev_space = False
            else:
                pieces.append(char)
                prev_space = char == " "
        return "".join(pieces).strip()

    # The two checks below are vaderSentiment 3.3.2's, line for line, reading the lower-cased
    # words made once per sentence instead of rebuilding them on every call.
    def _negation_check(self, valence: float, words: list[str], start_i: int, i: int) -> float:
        lower = self._local.lower
        if start_i == 0 and _negated(lower[i - 1]):
            valence = valence * vs.N_SCALAR
        if start_i == 1:
            if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                pass
            elif _negated(lower[i - 2]):
                valence = valence * vs.N_SCALAR
        if start_i == 2:
            if (lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this")) or (
                lower[i - 1] == "so" or lower[i - 1] == "this"
            ):
                valence = valence * 1.25
            elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                pass
            elif _negated(lower[i - 3]):
                valence = valence * vs.N_SCALAR
        return valence

    def _special_idioms_check(self, valence: float, words: list[str], i: int) -> float:
        lower = self._local.lower
        onezero = f"{lower[i - 1]} {lower[i]}"
        twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
        twoone = f"{lower[i - 2]} {lower[i - 1]}"
        threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
        threetwo = f"{lower[i - 3]} {lower[i - 2]}"
        for sequence in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if sequence in vs.SPECIAL_CASES:
                valence = vs.SPECIAL_CASES[sequence]
                break
        if len(lower) - 1 > i:
            zeroone = f"{lower[i]} {lower[i + 1]}"
            if zeroone in vs.SPECIAL_CASES:
                valence = vs.SPECIAL_CASES[zeroone]
        if len(lower) - 1 > i + 1:
            zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
            if zeroonetwo in vs.SPECIAL_CASES:
                valence = vs.SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in vs.BOOSTER_DICT:
                valence = valence + vs.BOOSTER_DICT[n_gram]
        return valence


_NEGATE = frozenset(vs.NEGATE)


def _negated(lowered_word: str) -> bool:
    """``vaderSentiment.negated([word])`` for one lower-cased word."""
    return lowered_word in _NEGATE or "n't" in lowered_word


@functools.cache
def _analyzer() -> vs.SentimentIntensityAnalyzer:
    return _FastVader()


@functools.lru_cache(maxsize=8192)
def polarity(sentence: str) -> Polarity:
    """VADER's scores for one sentence."""
    scores = _analyzer().polarity_scores(sentence)
    return Polarity(scores["compound"], scores["pos"], scores["neg"], scores["neu"])
