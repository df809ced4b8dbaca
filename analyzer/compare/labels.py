"""Who is called what: actor x label x outlet, split by voice, with the sentences behind each cell.

Built from the ``loaded`` spans whose label is an actor-label tier (see :mod:`analyzer.tables`),
so every count in the matrix can be opened to the exact sentences it counts.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analyzer.analysis import Analysis
from analyzer.compare.refs import SentenceRef, sentence_of
from analyzer.span import VOICES, Span
from analyzer.tables import LABEL_TIERS

CELL_COLUMNS = ("outlet", "actor", "term", "tier", "voice", "article", "start", "end", "text")
ROW_KEYS = ["actor", "tier", "term"]


def label_cells(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per actor label found: outlet, actor, term, tier, voice and where it is."""
    rows = [
        {
            "outlet": analysis.meta.outlet,
            "actor": span.actor or "unresolved",
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
    tier_order = {tier: i for i, tier in enumerate(LABEL_TIERS)}
    order = sorted(matrix.index, key=lambda key: (key[0], tier_order.get(key[1], 99), key[2]))
    return matrix.loc[order].astype(int)


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
