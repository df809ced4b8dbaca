"""The loaded-language detector as the evaluations see it: the public API, one short text at a time.

Word choice is two signals in framescope: loaded terms (``loaded`` spans) and distancing verbs
("claimed", "alleged": ``distancing`` spans of the hedging signal, DOMAIN.md), which cast doubt on
what a source said. Both are highlighted to readers as word choice, and the bias datasets mark
both, so the word-choice evaluations count both.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyzer.analysis import analyze
from analyzer.config import Config
from analyzer.signals import SIGNALS, Signal
from analyzer.span import Span

#: Dataset items are single sentences or captions of clean copy: the boilerplate classifier
#: would drop many of them as too short, so every line is treated as body.
EVAL_CONFIG = Config(strip_boilerplate=False)

#: The neutral tier of actor labels (DOMAIN.md): "fighters", "armed group". A span of this tier
#: is evidence of naming, not of loaded language.
NEUTRAL_TIERS = frozenset({"descriptive"})

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


#: Span signals that are word choice.
WORD_CHOICE_SIGNALS = frozenset({"loaded", "distancing"})


@lru_cache(maxsize=1)
def _word_choice_signals() -> tuple[Signal, ...]:
    return tuple(signal for signal in SIGNALS if signal.name in ("loaded", "hedging"))


def loaded_spans(text: str) -> list[Span]:
    """Word-choice spans of ``text``: loaded terms of every tier and distancing verbs."""
    result = analyze(text, EVAL_CONFIG, signals=_word_choice_signals())
    return [span for span in result.spans if span.signal in WORD_CHOICE_SIGNALS]


def is_loaded(span: Span) -> bool:
    """True for a span that counts as loaded language (every tier but the neutral one)."""
    return span.label not in NEUTRAL_TIERS


def flagged_words(text: str, spans: list[Span]) -> list[str]:
    """Lower-cased words of ``text`` inside the loaded spans, in order."""
    words = []
    for match in WORD.finditer(text):
        if any(s.start <= match.start() and match.end() <= s.end for s in spans if is_loaded(s)):
            words.append(match.group().lower())
    return words
