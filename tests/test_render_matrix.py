"""The label matrix as a heat map: tier colours from the span-kind registry, shade by count."""

from __future__ import annotations

import pandas as pd

from analyzer.render.kinds import KIND_BY_KEY
from analyzer.render.matrix import matrix_styles, tier_colour


def _matrix() -> pd.DataFrame:
    index = pd.MultiIndex.from_tuples(
        [("Taliban", "value-laden", "terrorists"), ("Taliban", "descriptive", "fighters")],
        names=["actor", "tier", "term"],
    )
    return pd.DataFrame({"Alpha": [4, 0], "Beta": [1, 2]}, index=index)


def test_a_tier_is_drawn_in_its_span_kinds_colour():
    assert tier_colour("value-laden") == KIND_BY_KEY["label"].colour
    assert tier_colour("dehumanizing") == KIND_BY_KEY["label"].colour
    assert tier_colour("honorific") == KIND_BY_KEY["praise"].colour
    assert tier_colour("descriptive") == KIND_BY_KEY["descriptive"].colour


def test_cells_are_shaded_by_count_in_their_tier_colour_and_empty_cells_stay_blank():
    styles = matrix_styles(_matrix())
    red = "rgba(244, 163, 163"  # #f4a3a3, the loaded-label fill
    assert styles.loc[("Taliban", "value-laden", "terrorists"), "Alpha"].startswith(
        f"background-color: {red}, 1.00)"
    )
    assert f"{red}, 0.25)" in styles.loc[("Taliban", "value-laden", "terrorists"), "Beta"]
    assert styles.loc[("Taliban", "descriptive", "fighters"), "Alpha"] == ""
    assert "rgba(228, 228, 228" in styles.loc[("Taliban", "descriptive", "fighters"), "Beta"]


def test_an_empty_matrix_has_no_styles():
    assert matrix_styles(pd.DataFrame()).empty
