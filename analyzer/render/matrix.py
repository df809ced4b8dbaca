"""The "Who is called what" matrix drawn as a heat map: each cell in its tier's colour, by count.

The tier colours are those of :mod:`analyzer.render.kinds`, so a red cell in the matrix and a red
highlight in an article mean the same thing; the shade grows with the count, so the most used
labels stand out before anyone reads a number.
"""

from __future__ import annotations

import pandas as pd

from analyzer.render.kinds import KIND_BY_KEY, LOADED_LABEL_KINDS

#: Opacity of a cell holding one label; the fullest cell of the matrix is opaque.
MIN_ALPHA = 0.25


def tier_colour(tier: str) -> str:
    """The fill of a label tier (its span kind's colour)."""
    colour = KIND_BY_KEY[LOADED_LABEL_KINDS.get(tier, "emotive")].colour
    assert colour is not None  # every label kind is a filled one (tests/test_kinds.py)
    return colour


def matrix_styles(matrix: pd.DataFrame) -> pd.DataFrame:
    """CSS per cell of a label matrix (rows indexed by actor, tier, term): empty cells blank.

    Parameters
    ----------
    matrix
        Counts from :func:`analyzer.compare.labels.label_matrix`.

    Returns
    -------
    pandas.DataFrame
        Same shape and labels, each cell a CSS declaration for ``Styler.apply(axis=None)``.
    """
    styles = pd.DataFrame("", index=matrix.index, columns=matrix.columns)
    if matrix.empty:
        return styles
    top = max(int(matrix.to_numpy().max()), 1)
    for position, (_, tier, _) in enumerate(matrix.index):
        red, green, blue = _rgb(tier_colour(tier))
        for column, count in matrix.iloc[position].items():
            if count > 0:
                alpha = MIN_ALPHA + (1 - MIN_ALPHA) * (count - 1) / max(top - 1, 1)
                styles.iat[position, matrix.columns.get_loc(column)] = (
                    f"background-color: rgba({red}, {green}, {blue}, {alpha:.2f}); font-weight: 600"
                )
    return styles


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
