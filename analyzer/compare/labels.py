"""Who is called what: actor x label x outlet, split by voice, with the sentences behind each cell.

Built from the ``loaded`` spans whose label is an actor-label tier (see :mod:`analyzer.tables`),
so every count in the matrix can be opened to the exact sentences it counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analyzer.analysis import Analysis
from analyzer.compare.refs import SentenceRef, sentence_of
from analyzer.span import VOICES, Span
from analyzer.tables import LABEL_TIERS

CELL_COLUMNS = ("outlet", "actor", "term", "tier", "voice", "article", "start", "end", "text")
ROW_KEYS = ["actor", "tier", "term"]
#: The actor of a label the text ties to no actor; listed after every actor.
UNRESOLVED = "unresolved"
#: An actor's rows, most loaded tier first: what a class should see without scrolling.
TIERS_MOST_LOADED_FIRST = ("dehumanizing", "value-laden", "honorific", "contested", "descriptive")
#: Tiers a style guide flags (every tier but descriptive): they make an actor salient.
FLAGGED_TIERS = frozenset(TIERS_MOST_LOADED_FIRST) - {"descriptive"}


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One non-empty cell of :func:`label_matrix`: ``actor`` called ``term`` ``count`` times in ``outlet``."""

    actor: str
    tier: str
    term: str
    outlet: str
    count: int

    @property
    def identity(self) -> tuple[str, str, str, str]:
        """What names the cell whatever voice filter was set: actor, tier, term and outlet."""
        return (self.actor, self.tier, self.term, self.outlet)

    def describe(self) -> str:
        """The cell in words, as a reader picks it from a list."""
        return f"{self.actor} called “{self.term}” ({self.tier}) in {self.outlet}: {self.count}×"


def label_cells(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per actor label found: outlet, actor, term, tier, voice and where it is."""
    rows = [
        {
            "outlet": analysis.meta.outlet,
            "actor": span.actor or UNRESOLVED,
            "term": span.term or span.text.lower(),
            "tier": span.label,
            "voice": span.voice or "authorial",
            "article": article,
            "start": span.start,
            "end": span.end,
            "text": span.text,
        }
        for article, analysis in enumerate(analyses)
        for span in analysis.spans
        if span.signal == "loaded" and span.label in LABEL_TIERS
    ]
    return pd.DataFrame(rows, columns=list(CELL_COLUMNS))


def label_matrix(cells: pd.DataFrame, voice: str | None = None) -> pd.DataFrame:
    """Counts with one row per actor x tier x term and one column per outlet.

    ``voice`` keeps only labels in that voice (``authorial``, ``quoted``, ``reported``); None
    counts every voice.
    """
    if voice is not None and voice not in VOICES:
        raise ValueError(f"unknown voice {voice!r}; expected one of {VOICES}")
    chosen = cells if voice is None else cells[cells["voice"] == voice]
    if chosen.empty:
        return pd.DataFrame(columns=sorted(cells["outlet"].unique()))
    matrix = chosen.pivot_table(
        index=ROW_KEYS, columns="outlet", values="start", aggfunc="count", fill_value=0
    )
    matrix.columns.name = None
    rank = {actor: i for i, actor in enumerate(actor_order(cells))}
    tier_rank = {tier: i for i, tier in enumerate(TIERS_MOST_LOADED_FIRST)}
    totals = matrix.sum(axis=1)
    order = sorted(
        matrix.index,
        key=lambda key: (rank[key[0]], tier_rank.get(key[1], 99), -totals[key], key[2]),
    )
    return matrix.loc[order].astype(int)


def actor_order(cells: pd.DataFrame) -> list[str]:
    """Actors by salience: most flagged labels first (every tier but descriptive), then most labels.

    Counted over every voice, so the order stays put while a reader switches the voice filter;
    labels tied to no actor come last.
    """
    if cells.empty:
        return []
    flagged = cells["tier"].isin(FLAGGED_TIERS)
    stats = pd.DataFrame({"flagged": flagged, "all": 1, "actor": cells["actor"]})
    counts = stats.groupby("actor")[["flagged", "all"]].sum()
    return sorted(
        counts.index,
        key=lambda a: (a == UNRESOLVED, -counts.at[a, "flagged"], -counts.at[a, "all"], a),
    )


def matrix_cells(matrix: pd.DataFrame) -> list[MatrixCell]:
    """The non-empty cells of a :func:`label_matrix`, row by row, outlets left to right."""
    return [
        MatrixCell(actor, tier, term, str(outlet), int(count))
        for (actor, tier, term), row in matrix.iterrows()
        for outlet, count in row.items()
        if count > 0
    ]


def cell_at(matrix: pd.DataFrame, row: int, outlet: str) -> MatrixCell | None:
    """The cell a reader clicked (row position, outlet column), or None for an empty or stale one."""
    if not 0 <= row < len(matrix) or outlet not in matrix.columns:
        return None
    count = int(matrix.iloc[row][outlet])
    if count == 0:
        return None
    actor, tier, term = matrix.index[row]
    return MatrixCell(actor, tier, term, outlet, count)


def voice_split(cells: pd.DataFrame) -> pd.DataFrame:
    """Labels per outlet in each voice: whose words the labels are."""
    table = pd.crosstab(cells["outlet"], cells["voice"]) if not cells.empty else pd.DataFrame()
    return table.reindex(columns=list(VOICES), fill_value=0)


def cell_evidence(
    analyses: Sequence[Analysis],
    cells: pd.DataFrame,
    *,
    actor: str,
    term: str,
    outlet: str,
    voice: str | None = None,
) -> list[tuple[SentenceRef, Span]]:
    """The sentences behind one matrix cell, each with the label span it holds."""
    mask = (cells["actor"] == actor) & (cells["term"] == term) & (cells["outlet"] == outlet)
    if voice is not None:
        mask &= cells["voice"] == voice
    evidence = []
    for row in cells[mask].itertuples(index=False):
        analysis = analyses[row.article]
        span = next(
            s
            for s in analysis.spans
            if (s.start, s.end, s.signal) == (row.start, row.end, "loaded")
        )
        ref = sentence_of(analysis, row.article, row.start)
        if ref is not None:
            evidence.append((ref, span))
    return evidence
