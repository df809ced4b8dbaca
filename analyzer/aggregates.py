"""The per-outlet and label tables, summed up one article at a time.

A run over a million articles cannot keep every row to group them at the end. These
aggregates keep a few numbers per outlet (per actor, term, tier and voice for the labels) and
give the same tables as :func:`analyzer.scorecard.outlet_frame` and the label grouping of
:func:`analyzer.collection.analyze_collection`: the same outlets in the same order, the same
counts, and means equal to the last bit or within one rounding of it (sums are exact, with
:func:`math.fsum`, where pandas compensates its rounding).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from analyzer.scorecard import VERSION_COLUMNS, outlet_columns
from analyzer.signals import all_features
from analyzer.version import LEXICON_VERSION, __version__


class _Column:
    """One feature of one outlet: exact running sum, values counted, all of them whole numbers?"""

    __slots__ = ("count", "integral", "partials")

    def __init__(self) -> None:
        self.partials: list[float] = []
        self.count = 0
        self.integral = True

    def add(self, value: Any) -> None:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return  # pandas leaves a missing value out of a mean and a sum
        self.count += 1
        self.integral = self.integral and isinstance(value, int) and not isinstance(value, bool)
        _add_exact(self.partials, float(value))

    def combined(self, how: str) -> float | int:
        total = math.fsum(self.partials)
        if how == "sum":
            return int(total) if self.integral else total
        return total / self.count if self.count else math.nan


class OutletAggregate:
    """The per-outlet scorecard, one article row at a time.

    Every column of the outlet table but the outlet, its article count and the versions is
    combined over the outlet's articles, as its feature declares (``mean`` or ``sum``; ``mean``
    for a column no feature declares): a column added to the tables is picked up with no
    change here.
    """

    def __init__(self) -> None:
        declared = {feature.name: feature.aggregate for feature in all_features()}
        fixed = {"outlet", "articles", *VERSION_COLUMNS}
        self._how = {
            name: declared.get(name, "mean") for name in outlet_columns() if name not in fixed
        }
        self._outlets: dict[Any, tuple[list[int], dict[str, _Column]]] = {}

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Count in article rows."""
        for row in rows:
            entry = self._outlets.get(row["outlet"])
            if entry is None:
                fresh = {name: _Column() for name in self._how}
                entry = self._outlets[row["outlet"]] = ([0], fresh)
            size, columns = entry
            size[0] += 1
            for name, column in columns.items():
                column.add(row.get(name))

    def frame(self) -> pd.DataFrame:
        columns = list(outlet_columns())
        rows = []
        for outlet in sorted(self._outlets, key=_sort_key):
            size, features = self._outlets[outlet]
            row: dict[str, Any] = {"outlet": outlet, "articles": size[0]}
            row.update(zip(VERSION_COLUMNS, (__version__, LEXICON_VERSION), strict=True))
            row.update({name: c.combined(self._how[name]) for name, c in features.items()})
            rows.append(row)
        return pd.DataFrame(rows, columns=columns)


class CountAggregate:
    """Rows summed on one count column, grouped by every other column (the label table)."""

    def __init__(self, columns: Sequence[str], count: str = "count") -> None:
        self.columns = list(columns)
        self.count = count
        self._keys = [column for column in self.columns if column != count]
        self._sums: Counter[tuple[Any, ...]] = Counter()

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self._sums[tuple(row.get(key) for key in self._keys)] += row[self.count]

    def frame(self) -> pd.DataFrame:
        rows = [
            dict(zip(self._keys, key, strict=True)) | {self.count: total}
            for key, total in sorted(self._sums.items(), key=lambda item: _sort_key(item[0]))
        ]
        return pd.DataFrame(rows, columns=self.columns)


def _sort_key(key: Any) -> Any:
    """pandas' group order: values sorted, a missing one last."""
    if isinstance(key, tuple):
        return tuple(_sort_key(part) for part in key)
    return (key is None, "" if key is None else key)


def _add_exact(partials: list[float], value: float) -> None:
    """Shewchuk's exact summation step (as in :func:`math.fsum`), kept open between values."""
    kept = 0
    for partial in partials:
        if abs(value) < abs(partial):
            value, partial = partial, value
        high = value + partial
        low = partial - (high - value)
        if low:
            partials[kept] = low
            kept += 1
        value = high
    partials[kept:] = [value]
