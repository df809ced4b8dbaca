"""The non-blank lines of a text with everything the classifier and its training share.

Training (``benchmarks/train_boilerplate.py``) and inference both go through
:func:`tabulate_lines`, so the model always sees features computed by the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.boilerplate.features import LineStats, compute_features
from analyzer.boilerplate.rules import Rule, breadcrumb_trail, match_rule


@dataclass(frozen=True, slots=True)
class LineTable:
    """The non-blank lines of a text.

    Attributes
    ----------
    indices : list of int
        Position of each non-blank line in the full span list.
    lines : list of str
        The stripped lines.
    rules : list of Rule or None
        The furniture rule each line tripped.
    breadcrumb : list of bool
        Lines in a numbered breadcrumb trail ("1. Home", "2. World", "3. <headline>").
    features : numpy.ndarray
        One row per line (see ``analyzer.boilerplate.features``).
    stats : LineStats
        Word counts and prose flags.
    """

    indices: list[int]
    lines: list[str]
    rules: list[Rule | None]
    breadcrumb: list[bool]
    features: np.ndarray
    stats: LineStats


def tabulate_lines(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    title: str | None = None,
    body_hints: Sequence[bool] | None = None,
) -> LineTable:
    """Strip, rule-check and featurise the non-blank lines among ``spans``.

    ``body_hints`` (one per span, blank lines included) switches on the HTML-mode columns; a
    hint list of the wrong length is ignored rather than misaligned.
    """
    indices: list[int] = []
    lines: list[str] = []
    raw: list[str] = []
    blank_before: list[bool] = []
    previous_blank = False
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        indices.append(index)
        lines.append(stripped)
        raw.append(line)
        blank_before.append(previous_blank and len(indices) > 1)
        previous_blank = False
    blank_after = [*blank_before[1:], False]
    rules = [match_rule(line, len(line.split())) for line in lines]
    breadcrumb = breadcrumb_trail(raw, rules)
    categories = [
        "breadcrumb" if crumb else (rule.category if rule is not None else None)
        for rule, crumb in zip(rules, breadcrumb, strict=True)
    ]
    hints = None
    if body_hints is not None and len(body_hints) == len(spans):
        hints = [bool(body_hints[i]) for i in indices]
    features, stats = compute_features(
        lines, blank_before, blank_after, categories, title=title, hints=hints
    )
    return LineTable(indices, lines, rules, breadcrumb, features, stats)
