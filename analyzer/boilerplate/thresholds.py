"""The feature thresholds the line model was trained with, recorded in its JSON and checked on load.

The trees split on features computed with these values (what counts as a sentence-like line,
how many characters are read, how words are hashed ...). They are not settings on
:class:`~analyzer.config.Config`, and cannot be swept: a changed value feeds the model features
it never saw, and its verdicts quietly drift. So ``benchmarks/train_boilerplate.py`` writes them
into ``analyzer/models/boilerplate.json`` and :func:`check_thresholds` refuses a model file
whose recorded values differ from the code's, naming the first that differs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analyzer.boilerplate.columns import BOW_WORDS, HASH_BUCKETS, WINDOWS
from analyzer.boilerplate.features import (
    ANALYSED_CHARS,
    ENGLISH_MIN_STOPWORDS,
    SENTENCE_MIN_STOPWORDS,
    SENTENCE_MIN_WORDS,
    UNSPACED_CHARS_PER_WORD,
    UNSPACED_MEAN_WORD_LENGTH,
)
from analyzer.boilerplate.rules import MAX_RULE_WORDS
from analyzer.boilerplate.sequences import MAX_DISTANCE
from analyzer.errors import LexiconError

#: The key of the model file that records them.
THRESHOLDS_KEY = "feature_thresholds"

#: Every value the feature rows depend on, by the name the model file records it under.
FEATURE_THRESHOLDS: dict[str, Any] = {
    "analysed_chars": ANALYSED_CHARS,
    "sentence_min_words": SENTENCE_MIN_WORDS,
    "sentence_min_stopwords": SENTENCE_MIN_STOPWORDS,
    "unspaced_mean_word_length": UNSPACED_MEAN_WORD_LENGTH,
    "unspaced_chars_per_word": UNSPACED_CHARS_PER_WORD,
    "english_min_stopwords": ENGLISH_MIN_STOPWORDS,
    "hash_buckets": HASH_BUCKETS,
    "bow_words": BOW_WORDS,
    "windows": list(WINDOWS),
    "max_distance": MAX_DISTANCE,
    "max_rule_words": MAX_RULE_WORDS,  # which lines a rule marks (the marker features)
}


def check_thresholds(document: Mapping[str, Any], file: str) -> None:
    """Raise :class:`~analyzer.errors.LexiconError` when the model ``document`` (read from
    ``file``) records no feature thresholds, or one that differs from the code's."""
    recorded = document.get(THRESHOLDS_KEY)
    retrain = "retrain with benchmarks/train_boilerplate.py"
    if not isinstance(recorded, Mapping):
        raise LexiconError(f"{file} records no {THRESHOLDS_KEY}: {retrain}")
    for name, used in FEATURE_THRESHOLDS.items():
        if name not in recorded:
            raise LexiconError(f"{file} does not record {name} (the code uses {used}): {retrain}")
        if recorded[name] != used:
            raise LexiconError(
                f"{file} was trained with {name}={recorded[name]}, the code uses {used}: {retrain}"
            )
