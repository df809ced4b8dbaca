"""What every dataset evaluation returns, so one harness can tabulate them all.

Each module in ``analyzer.evaluation`` reads one dataset from the evaluation folder (never shipped
with the package), runs our detectors on its ``dev`` or ``test`` split, scores them with our own
implementation of the metric its SOURCE.md names, and returns a :class:`DatasetResult`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: Where the evaluation datasets live: beside the project, or where FRAMESCOPE_EVAL_DIR points.
DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def eval_dir() -> Path:
    return Path(os.environ.get("FRAMESCOPE_EVAL_DIR", DEFAULT_EVAL_DIR))


@dataclass(frozen=True)
class Figure:
    """One measured figure, with what it should be compared against.

    Attributes
    ----------
    signal : str
        What is measured, in words ("boilerplate, plain text").
    dataset : str
        Dataset name as in shared/eval/README.md ("AEB").
    metric : str
        The metric ("word-4-gram shingle F1").
    value : float
        Our figure on ``split``.
    target : float or None
        The target from issue 3, if one is set.
    reference : str
        The published reference, or a baseline, in words.
    caveat : str
        The dataset's domain caveat (meme text, product reviews ...).
    details : dict
        Supporting numbers (precision, recall, counts).
    split : str
        ``test`` (reported) or ``dev`` (tuning).
    """

    signal: str
    dataset: str
    metric: str
    value: float
    target: float | None
    reference: str
    caveat: str
    details: dict[str, float] = field(default_factory=dict)
    split: str = "test"

    @property
    def meets_target(self) -> bool | None:
        return None if self.target is None else self.value >= self.target


@dataclass(frozen=True)
class ErrorCase:
    """One item we got wrong, for error analysis (shown in ACCURACY.md)."""

    item: str
    expected: str
    predicted: str
    text: str
    severity: float = 1.0  # larger is worse; the harness shows the worst first


@dataclass
class DatasetResult:
    figures: list[Figure]
    errors: dict[str, list[ErrorCase]] = field(default_factory=dict)  # signal -> cases
    #: Extra Markdown tables for ACCURACY.md, title -> lines (per-feature breakdowns).
    sections: dict[str, list[str]] = field(default_factory=dict)
