"""Same fact, different words, measured: the sentence pairs proposed against pairs read as one fact.

The reference is ``benchmarks/same_fact_pairs.csv``: the pairs of seed sentences the maintainers
read as one fact; every other proposed pair counts as a false one. Pairs are compared by their
outlets and sentence texts, so the measure does not depend on sentence numbering.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from analyzer.analysis import Analysis
from analyzer.compare.align import STORY_TERM_WEIGHT, similar_pairs

Pair = frozenset[tuple[str, str]]  # {(outlet, sentence text), (outlet, sentence text)}


@dataclass(frozen=True, slots=True)
class PairScore:
    threshold: float
    proposed: int
    correct: int
    reference: int

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.reference if self.reference else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_pairs(path: Path) -> set[Pair]:
    """The reference pairs of a ``same_fact_pairs.csv`` (``#`` lines are comments)."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return {
        frozenset({(row["outlet_a"], row["sentence_a"]), (row["outlet_b"], row["sentence_b"])})
        for row in csv.DictReader(lines)
    }


def score_pairs(
    analyses: Sequence[Analysis],
    reference: set[Pair],
    threshold: float,
    story_term_weight: float = STORY_TERM_WEIGHT,
) -> PairScore:
    """Precision and recall of the pairs :func:`similar_pairs` proposes at ``threshold``."""
    proposed = {
        frozenset({(a.outlet, a.text), (b.outlet, b.text)})
        for a, b, _ in similar_pairs(analyses, threshold, story_term_weight)
    }
    return PairScore(threshold, len(proposed), len(proposed & reference), len(reference))
