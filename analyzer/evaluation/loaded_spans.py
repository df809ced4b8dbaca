"""The loaded-language detector as the evaluations see it: the public API, one short text at a time."""

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


@lru_cache(maxsize=1)
def _loaded_signal() -> tuple[Signal, ...]:
    return tuple(signal for signal in SIGNALS if signal.name == "loaded")


def loaded_spans(text: str) -> list[Span]:
    """Loaded spans of ``text`` (all tiers), from ``analyze`` with only the loaded signal run."""
    result = analyze(text, EVAL_CONFIG, signals=_loaded_signal())
    return [span for span in result.spans if span.signal == "loaded"]


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
