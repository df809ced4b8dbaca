"""The contract every signal follows: find evidence, then summarise exactly that evidence.

Finding (:attr:`Signal.detect`) and summarising (:attr:`Signal.score`) are separate so the
dashboard highlights exactly what was counted. Each signal declares its feature columns with a unit,
a description and a range, whether each column summarises the spans or measures the document as a
whole, and the span kinds (``signal``, ``label``) it emits; the scorecard's data dictionary is
generated from these declarations and :mod:`analyzer.signals.checks` holds every signal to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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
    ``from_spans`` is True for a column computed from the signal's spans alone (zero without
    spans); False for a measure of the whole document that no span stands for (readability, the
    share of furniture characters, sentence sentiment).
    """

    name: str
    unit: str
    description: str
    aggregate: str = "mean"
    low: float | None = None  # documented range, checked by the property tests and the checks
    high: float | None = None
    from_spans: bool = True


@dataclass(frozen=True, slots=True)
class Signal:
    name: str
    features: tuple[Feature, ...]
    detect: Callable[[Document, Config], list[Span]]
    score: Callable[[Document, Sequence[Span]], dict[str, float]]
    #: Every (``Span.signal``, ``Span.label``) pair ``detect`` may emit; empty for a signal that
    #: emits no spans.
    kinds: tuple[tuple[str, str], ...] = ()
    #: ``(text, sentence spans, config) -> sentence indices`` whose parse ``detect`` will ask
    #: for, known before the document is built so the word layer parses them in one batch.
    parses: Callable[[str, Sequence[tuple[int, int]], Config], Iterable[int]] | None = None

    @property
    def feature_names(self) -> tuple[str, ...]:
        return tuple(feature.name for feature in self.features)

    @property
    def span_features(self) -> tuple[str, ...]:
        """The columns computed from the spans alone."""
        return tuple(feature.name for feature in self.features if feature.from_spans)


def rate(count: float, words: int) -> float:
    """Occurrences per 1,000 body words; 0.0 for a document without body words."""
    return 1000.0 * count / words if words else 0.0


def share(part: float, whole: float) -> float:
    """``part / whole`` in [0, 1]; 0.0 when there is no whole."""
    return part / whole if whole else 0.0


def rate_feature(name: str, description: str) -> Feature:
    return Feature(name, "per 1,000 body words", description, "mean", 0.0, None)


def share_feature(name: str, description: str, *, from_spans: bool = True) -> Feature:
    return Feature(name, "share [0, 1]", description, "mean", 0.0, 1.0, from_spans)


def count_feature(name: str, description: str) -> Feature:
    return Feature(name, "count", description, "sum", 0.0, None)
