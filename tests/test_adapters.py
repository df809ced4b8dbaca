"""The adapters give exactly what the libraries behind them give, offline."""

from __future__ import annotations

import json

import nltk
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer.adapters import textstat_offline
from analyzer.adapters.vader import _analyzer, polarity

from .conftest import SEEDS, require_eval

TRICKY = [
    "This is not a good idea, but it isn't terrible either!!",
    "Never so happy. Without doubt the best. Kind of sad, sort of bad.",
    "The Taliban's BRUTAL attacks were NOT justified?? at least they say so",
    "I ❤️ this 😀 but 😡 that.  ",
    "no",
    "",
    "   ",
    "He was least happy; not the least bit happy; very least.",
    "The regime's so-called 'election' was a sham, experts say.",
]


def _stock() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def _same(sentence: str, stock: SentimentIntensityAnalyzer) -> None:
    expected = stock.polarity_scores(sentence)
    got = polarity(sentence)
    assert (got.compound, got.positive, got.negative, got.neutral) == (
        expected["compound"],
        expected["pos"],
        expected["neg"],
        expected["neu"],
    ), sentence


@pytest.mark.parametrize("sentence", TRICKY)
def test_fast_vader_equals_stock_vader_on_tricky_sentences(sentence: str) -> None:
    _same(sentence, _stock())


@pytest.mark.eval
def test_fast_vader_equals_stock_vader_on_real_news_sentences() -> None:
    stock = _stock()
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        sentences += [
            s for s in path.read_text(encoding="utf-8").replace("\n", " ").split(". ") if s
        ]
    folder = require_eval("semeval2021-task6")
    sentences += [
        item["text"] for item in json.loads((folder / "training_set_task2.txt").read_text())
    ]
    assert len(sentences) > 500
    for sentence in sentences:
        _same(sentence, stock)


def test_emoji_lexicon_keys_are_all_non_ascii() -> None:
    # The ASCII fast path skips emoji replacement; this is why that is exact.
    assert not [key for key in _analyzer().emojis if key.isascii()]


def test_readability_works_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError("textstat tried to download data")

    monkeypatch.setattr(nltk, "download", no_download)
    grade = textstat_offline.flesch_kincaid_grade(
        "The valley held. Officials said the resistance would fight on."
    )
    assert 0 < grade < 12


READABILITY_CASES = [
    *TRICKY,
    "Mr. Massoud's forces didn't retreat - they regrouped. 2021-09-06: talks?",
    "One. Two words. Three whole words here! ... ?! Ünïcödé naïve café façade.",
    "rock'n'roll isn't dead; we'll see, they'd say, you've heard, I'm sure, o'clock.",
]


def _stock_readability(text: str) -> tuple[float, float]:
    return (
        textstat_offline.flesch_kincaid_grade(text),
        textstat_offline.flesch_reading_ease(text),
    )


@pytest.mark.parametrize("text", READABILITY_CASES)
def test_fast_readability_equals_textstat_on_tricky_text(text: str) -> None:
    assert textstat_offline.readability(text) == _stock_readability(text)


@pytest.mark.eval
def test_fast_readability_equals_textstat_on_real_articles() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    folder = require_eval("aeb-scrapinghub")
    pages = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    texts += [page["articleBody"] for page in list(pages.values())[:150]]
    assert len(texts) > 100
    for text in texts:
        assert textstat_offline.readability(text) == _stock_readability(text), text[:80]


def test_syllable_caches_stay_bounded_over_many_unknown_words(monkeypatch) -> None:
    # A research run meets millions of names, numbers and typos the CMU dictionary lacks; each
    # goes through pyphen, whose own cache would otherwise keep every one of them.
    from textstat.backend.utils._get_pyphen import get_pyphen

    monkeypatch.setattr(textstat_offline, "_SYLLABLE_CACHE_LIMIT", 50)
    textstat_offline._clear_syllable_caches()
    text = " ".join(f"zqx{number}vor" for number in range(400)) + "."
    grade_before, _ = textstat_offline.readability_of_sentences([text])
    assert len(textstat_offline._syllable_cache) <= 50
    assert len(get_pyphen(textstat_offline._LANG).hd.cache) <= 50
    # Clearing forgets nothing that matters: the same text scores the same.
    assert textstat_offline.readability_of_sentences([text])[0] == grade_before
