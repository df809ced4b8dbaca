"""Per-outlet chart data for the Compare page: one bar per outlet for every signal.

The charts are grouped by the question a reader asks ("How sure does it sound?"); each group
lists scorecard columns with a short label. Columns a collection lacks are left out, so a group
appears as soon as the signal producing its columns is registered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analyzer.signals import all_features
from analyzer.span import VOICES
from analyzer.tables import LABEL_TIERS


@dataclass(frozen=True, slots=True)
class ChartGroup:
    title: str
    unit: str
    columns: tuple[tuple[str, str], ...]  # (scorecard column, short label)


CHART_GROUPS = (
    ChartGroup(
        "How much of the page is furniture?",
        "share of the raw text",
        (("boilerplate_share", "furniture share"),),
    ),
    ChartGroup(
        "How sure does it sound? (own voice)",
        "per 1,000 body words",
        (
            ("hedge_authorial_rate", "hedges"),
            ("booster_authorial_rate", "boosters"),
            ("weasel_authorial_rate", "weasels"),
            ("distancing_authorial_rate", "distancing verbs"),
        ),
    ),
    ChartGroup(
        "Whom does it lean on?",
        "share of body sentences / of sources",
        (
            ("attribution_density", "sentences attributed"),
            ("source_named_share", "named sources"),
            ("quote_word_share", "words in quotes"),
        ),
    ),
    ChartGroup(
        "How many sources?",
        "count",
        (
            ("source_named_count", "named"),
            ("source_organisation_count", "organisations"),
            ("source_anonymous_count", "anonymous"),
        ),
    ),
    ChartGroup(
        "What tone?",
        "share of body sentences",
        (("sentiment_negative_share", "negative"), ("sentiment_positive_share", "positive")),
    ),
    ChartGroup("How hard to read?", "US school grade", (("readability_fk_grade", "grade level"),)),
)


def chart_data(outlets: pd.DataFrame, group: ChartGroup) -> pd.DataFrame:
    """Index: outlet; one column per measure of ``group`` present in ``outlets``."""
    present = [(column, label) for column, label in group.columns if column in outlets.columns]
    frame = outlets.set_index("outlet")[[column for column, _ in present]]
    return frame.rename(columns=dict(present)).astype(float)


def label_rates(
    cells: pd.DataFrame, outlets: pd.DataFrame, *, by: str = "tier", voice: str | None = None
) -> pd.DataFrame:
    """Actor labels per 1,000 body words, one row per outlet, one column per tier or per voice.

    ``cells`` comes from :func:`analyzer.compare.labels.label_cells`; ``by`` is ``tier`` or
    ``voice``; ``voice`` keeps labels in one voice only. Outlets without labels get zeros.
    """
    columns = {"tier": LABEL_TIERS, "voice": VOICES}[by]
    words = outlets.set_index("outlet")["body_words"].astype(float)
    chosen = cells if voice is None else cells[cells["voice"] == voice]
    counts = pd.crosstab(chosen["outlet"], chosen[by]) if not chosen.empty else pd.DataFrame()
    counts = counts.reindex(index=words.index, columns=list(columns), fill_value=0)
    rates = counts.div(words.where(words > 0), axis=0).fillna(0.0) * 1000.0
    rates.columns.name = None
    return rates


def signal_table(outlets: pd.DataFrame) -> pd.DataFrame:
    """Every scorecard feature as a row with its unit, and one column per outlet."""
    features = [f for f in all_features() if f.name in outlets.columns]
    table = outlets.set_index("outlet")[[f.name for f in features]].T
    table.columns.name = None
    table.insert(0, "unit", [f.unit for f in features])
    table.index.name = "signal"
    return table


def article_scores(scores: Mapping[str, float]) -> pd.DataFrame:
    """One article's scores as rows of signal, value and unit (for the Read page)."""
    rows = [
        {"signal": f.name, "value": round(float(scores[f.name]), 3), "unit": f.unit}
        for f in all_features()
        if f.name in scores
    ]
    return pd.DataFrame(rows, columns=["signal", "value", "unit"])
