"""The contract every signal follows: find evidence, then summarise exactly that evidence.

Finding (:attr:`Signal.detect`) and summarising (:attr:`Signal.score`) are separate so the
dashboard highlights exactly what was counted. Each signal declares its feature columns with a unit
and a description; the scorecard's data dictionary is generated from these declarations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from analyzer.config import Config
from analyzer.document import Document
from analyzer.span import Span

#: Units used in feature declarations (and in the data dictionary).
UNITS = ("per 1,000 body words", "share [0, 1]", "count", "score", "grade", "words")


@dataclass(frozen=True, slots=True)
class Feature:
    """One scorecard column produced by a signal.

    ``aggregate`` says how an outlet's row combines its articles: ``mean`` or ``sum``.
    """

    name: str
    unit: str
    description: str
    aggregate: str = "mean"
    low: float | None = None  # documented range, checked by the property tests
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Signal:
    name: str
    features: tuple[Feature, ...]
    detect: Callable[[Document, Config], list[Span]]
    score: Callable[[Document, Sequence[Span]], dict[str, float]]

    @property
    def feature_names(self) -> tuple[str, ...]:
        return tuple(feature.name for feature in self.features)


def rate(count: float, words: int) -> float:
    """Occurrences per 1,000 body words; 0.0 for a document without body words."""
    return 1000.0 * count / words if words else 0.0


def share(part: float, whole: float) -> float:
    """``part / whole`` in [0, 1]; 0.0 when there is no whole."""
    return part / whole if whole else 0.0


def rate_feature(name: str, description: str) -> Feature:
    return Feature(name, "per 1,000 body words", description, "mean", 0.0, None)


def share_feature(name: str, description: str) -> Feature:
    return Feature(name, "share [0, 1]", description, "mean", 0.0, 1.0)


def count_feature(name: str, description: str) -> Feature:
    return Feature(name, "count", description, "sum", 0.0, None)
