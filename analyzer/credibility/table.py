"""The per-outlet credibility table (``credibility.csv``) and the quoted words each side gets.

``credibility.csv`` is the outlet scorecard cut down to the indicator columns, in group order:
one row per outlet, each figure combined over its articles as its feature declares (the outlet
scorecard already does that), so the two tables never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from analyzer.analysis import Analysis
from analyzer.credibility.indicators import INDICATORS, evidence_of, indicator_columns
from analyzer.credibility.voices import voice_rows
from analyzer.signals import all_features
from analyzer.span import Span

CREDIBILITY_COLUMNS = ("outlet", "articles", *indicator_columns())
SIDE_COLUMNS = ("outlet", "side", "sources", "quotes", "quoted_words", "quoted_word_share")


def credibility_frame(outlets: pd.DataFrame) -> pd.DataFrame:
    """The indicator columns of the per-outlet scorecard (``outlet_frame``), one row per outlet."""
    return outlets.reindex(columns=list(CREDIBILITY_COLUMNS)).reset_index(drop=True)


def side_frame(analyses: Iterable[Analysis]) -> pd.DataFrame:
    """Per outlet and side: sources heard, quotations, quoted words and the side's share of the
    outlet's side-attributed quoted words (0 where no quotation speaks for a side)."""
    rows = [
        row
        for analysis in analyses
        for row in voice_rows(analysis.spans, analysis.meta.outlet, analysis.meta.file)
    ]
    if not rows:
        return pd.DataFrame(columns=list(SIDE_COLUMNS))
    frame = (
        pd.DataFrame(rows)
        .groupby(["outlet", "side"], sort=True)[["sources", "quotes", "quoted_words"]]
        .sum()
        .reset_index()
    )
    totals = frame.groupby("outlet")["quoted_words"].transform("sum")
    frame["quoted_word_share"] = (frame["quoted_words"] / totals.where(totals > 0)).fillna(0.0)
    return frame[list(SIDE_COLUMNS)]


def indicator_units() -> dict[str, str]:
    """The unit of every indicator column, from its feature declaration."""
    units = {f.name: f.unit for f in all_features()}
    return {i.column: units[i.column] for i in INDICATORS}


def indicator_matrix(outlets: pd.DataFrame) -> pd.DataFrame:
    """Outlets side by side: one row per indicator (indexed by group and column, with its unit),
    one column per outlet, from the per-outlet scorecard."""
    units = indicator_units()
    table = credibility_frame(outlets).set_index("outlet")[list(indicator_columns())].T
    table.index = pd.MultiIndex.from_tuples(
        [(i.group, i.column, units[i.column]) for i in INDICATORS],
        names=["group", "indicator", "unit"],
    )
    table.columns.name = None
    return table


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """One piece of evidence for an indicator: the article (index into the analyses), the span,
    and the passage to show it in (its paragraph, or its own line outside the body)."""

    article: int
    span: Span
    start: int
    end: int


def indicator_evidence(analyses: Sequence[Analysis], column: str, outlet: str) -> list[EvidenceRef]:
    """The spans behind ``column`` in the articles of ``outlet``, in reading order."""
    refs = []
    for index, analysis in enumerate(analyses):
        if analysis.meta.outlet != outlet:
            continue
        doc = analysis.document
        for span in evidence_of(column, analysis.spans):
            paragraph = doc.paragraph_index(span.start)
            start, end = (
                doc.paragraphs[paragraph] if paragraph is not None else (span.start, span.end)
            )
            refs.append(EvidenceRef(index, span, min(start, span.start), max(end, span.end)))
    return refs
