"""The non-blank lines of a text with everything the classifier and its training share.

Training (``benchmarks/train_boilerplate.py``) and inference both go through
:func:`tabulate_lines`, so the model always sees features computed by the same code.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.boilerplate.features import BLOCK_LINES, LineColumns, LineStats, describe_lines
from analyzer.boilerplate.rows import FeatureRows
from analyzer.boilerplate.rules import Rule, breadcrumb_trail, match_rule


@dataclass(frozen=True)
class LineTable:
    """The non-blank lines of a text.

    Attributes
    ----------
    indices : numpy.ndarray
        Position of each non-blank line in the full span list.
    lines : list of str
        The stripped lines.
    rules : list of Rule or None
        The furniture rule each line tripped.
    breadcrumb : list of bool
        Lines in a numbered breadcrumb trail ("1. Home", "2. World", "3. <headline>").
    columns : LineColumns
        Each line's own features, compactly (see ``analyzer.boilerplate.features``).
    """

    indices: np.ndarray
    lines: list[str]
    rules: list[Rule | None]
    breadcrumb: list[bool]
    columns: LineColumns

    @functools.cached_property
    def features(self) -> np.ndarray:
        """The whole feature matrix, one row per line (training reads it; the classifier builds
        it a block at a time with :meth:`rows`)."""
        return self.rows().block(0, len(self.lines))

    def rows(self) -> FeatureRows:
        return FeatureRows(self.columns)

    @property
    def stats(self) -> LineStats:
        """Word counts and prose flags."""
        return self.columns.stats


def tabulate_lines(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    title: str | None = None,
    body_hints: Sequence[bool] | None = None,
    link_shares: Sequence[float] | None = None,
) -> LineTable:
    """Strip, rule-check and featurise the non-blank lines among ``spans``.

    ``body_hints`` (one per span, blank lines included) switches on the HTML-mode columns, among
    them ``link_shares`` (one per span; none given reads as no links); a list of the wrong length
    is ignored rather than misaligned.
    """
    starts = np.array([start for start, _ in spans], dtype=np.int64)
    ends = np.array([end for _, end in spans], dtype=np.int64)
    return tabulate_bounds(
        text, starts, ends, title=title, body_hints=body_hints, link_shares=link_shares
    )


def tabulate_bounds(
    text: str,
    starts: np.ndarray,
    ends: np.ndarray,
    *,
    title: str | None = None,
    body_hints: Sequence[bool] | None = None,
    link_shares: Sequence[float] | None = None,
) -> LineTable:
    """:func:`tabulate_lines` for lines given as arrays of starts and ends
    (``analyzer.text.lines.line_bounds``)."""
    indices = array("q")  # 8 bytes a line; a list of ints takes 36
    lines: list[str] = []
    raw: list[str] = []
    blank_before: list[bool] = []
    previous_blank = False
    # Offsets as Python ints a block at a time: whole lists of them cost 70 bytes a line.
    for block in range(0, len(starts), BLOCK_LINES):
        block_starts = starts[block : block + BLOCK_LINES].tolist()
        block_ends = ends[block : block + BLOCK_LINES].tolist()
        for index, (start, end) in enumerate(
            zip(block_starts, block_ends, strict=True), start=block
        ):
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
    blank_after = [*blank_before[1:], False] if blank_before else []
    rules = [match_rule(line, len(line.split())) for line in lines]
    breadcrumb = breadcrumb_trail(raw, rules)
    del raw
    categories = [
        "breadcrumb" if crumb else (rule.category if rule is not None else None)
        for rule, crumb in zip(rules, breadcrumb, strict=True)
    ]
    hints = links = None
    if body_hints is not None and len(body_hints) == len(starts):
        hints = [bool(body_hints[i]) for i in indices]
        if link_shares is not None and len(link_shares) == len(starts):
            links = [float(link_shares[i]) for i in indices]
    columns = describe_lines(
        lines, blank_before, blank_after, categories, title=title, hints=hints, links=links
    )
    return LineTable(np.frombuffer(indices, dtype=np.int64), lines, rules, breadcrumb, columns)
