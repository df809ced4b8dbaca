"""The registered signals, in the order their columns appear in the scorecard.

An explicit tuple, no import magic: adding a signal means adding it here.
"""

from __future__ import annotations

from analyzer.signals import (
    attribution,
    boilerplate,
    credibility,
    hedging,
    loaded,
    readability,
    sentiment,
)
from analyzer.signals.base import Feature, Signal

SIGNALS: tuple[Signal, ...] = (
    boilerplate.SIGNAL,
    loaded.SIGNAL,
    hedging.SIGNAL,
    attribution.SIGNAL,
    sentiment.SIGNAL,
    readability.SIGNAL,
    credibility.SIGNAL,
)


def all_features() -> tuple[Feature, ...]:
    """Every feature column of every signal, in scorecard order."""
    return tuple(feature for signal in SIGNALS for feature in signal.features)


__all__ = ["SIGNALS", "Feature", "Signal", "all_features"]
