"""Metric functions shared by the dataset evaluations, written from the dataset descriptions.

Kept free of any dataset reading so the tests can check them on tiny hand-made cases.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

#: Bootstrap resamples for confidence intervals; 2,000 keeps the interval ends stable to about
#: 0.01 on a set of ~50 articles and runs in well under a second.
BOOTSTRAP_SAMPLES = 2000


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 (each 0.0 when undefined)."""

    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf_from_counts(tp: float, fp: float, fn: float) -> PRF:
    """P/R/F1 from pooled (micro) counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return PRF(precision, recall, harmonic(precision, recall))


def binary_prf(gold: Sequence[bool], predicted: Sequence[bool], positive: bool = True) -> PRF:
    """P/R/F1 of the ``positive`` class."""
    pairs = list(zip(gold, predicted, strict=True))
    tp = sum(1 for g, p in pairs if g == positive and p == positive)
    fp = sum(1 for g, p in pairs if g != positive and p == positive)
    fn = sum(1 for g, p in pairs if g == positive and p != positive)
    return prf_from_counts(tp, fp, fn)


def macro_f1(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    """Mean of the F1 of the positive and of the negative class (BABE's sentence metric)."""
    positive = binary_prf(gold, predicted, True).f1
    negative = binary_prf(gold, predicted, False).f1
    return (positive + negative) / 2


def merge_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of overlapping or touching spans, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class PartialOverlap:
    """Running sums of the PTC / SemEval-2021 task 6 partial-credit span metric.

    C(s, t, h) = |s ∩ t| / h. Precision = (1/|S|) Σ_s Σ_t C(s, t, |s|); recall =
    (1/|T|) Σ_t Σ_s C(s, t, |t|); F1 is their harmonic mean. Add one document at a time.
    """

    precision_credit: float = 0.0
    predicted: int = 0
    recall_credit: float = 0.0
    gold: int = 0

    def add(self, predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
        for s in predicted:
            if s[1] > s[0]:
                self.precision_credit += sum(overlap(s, t) for t in gold) / (s[1] - s[0])
        for t in gold:
            if t[1] > t[0]:
                self.recall_credit += sum(overlap(s, t) for s in predicted) / (t[1] - t[0])
        self.predicted += len(predicted)
        self.gold += len(gold)

    def result(self) -> PRF:
        # With overlapping spans on one side, credit can pass 1; callers merge overlapping spans
        # first, and the cap keeps a figure from ever reading above perfect.
        precision = min(1.0, self.precision_credit / self.predicted) if self.predicted else 0.0
        recall = min(1.0, self.recall_credit / self.gold) if self.gold else 0.0
        return PRF(precision, recall, harmonic(precision, recall))


def roc_auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """Probability that a random positive item scores above a random negative one (ties 1/2)."""
    pos = [s for s, p in zip(scores, positive, strict=True) if p]
    neg = [s for s, p in zip(scores, positive, strict=True) if not p]
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def bootstrap_ci(
    statistic: Callable[[list[int]], float],
    size: int,
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of ``statistic(indices)`` over ``size`` items (seeded)."""
    rng = random.Random(seed)
    values = []
    for _ in range(samples):
        value = statistic([rng.randrange(size) for _ in range(size)])
        if value == value:  # a resample with one class only gives NaN; leave it out
            values.append(value)
    if not values:
        return float("nan"), float("nan")
    values.sort()
    tail = (1 - level) / 2
    low = values[int(tail * (len(values) - 1))]
    high = values[int((1 - tail) * (len(values) - 1))]
    return low, high
