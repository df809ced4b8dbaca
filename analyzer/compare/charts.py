"""The Compare page's charts: each bar with its unit, its count, two example words and its spans.

A chart is a table of values (one row per outlet, one column per measure) plus, for each measure,
the spans it counts. So a tooltip can say "4.1 per 1,000 body words · 7 hedges · e.g. 'may',
'reportedly'", and clicking the bar opens exactly those spans. Measures of whole sentences or of
the whole text (tone, reading level) have no spans and say so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analyzer.analysis import Analysis
from analyzer.compare.labels import FLAGGED_TIERS
from analyzer.compare.summary import CHART_GROUPS, chart_data, label_rates
from analyzer.display import VOICE_WORDS
from analyzer.render.chart_colours import measure_colour
from analyzer.span import VOICES, Span
from analyzer.tables import LABEL_TIERS

#: The voice chart's names for its bars. Its legend sits in two columns under a half-width chart,
#: where "in a caption or credit line" is cut off; the glossary's "caption" says that the voice
#: covers bylines and datelines too.
VOICE_CHART_WORDS = {**VOICE_WORDS, "caption": "in captions"}
#: Example words a tooltip shows, most frequent first.
EXAMPLES = 2
#: Longer examples are cut here (a furniture line, a long quotation).
EXAMPLE_CHARS = 40
#: What a share is a share of, per measure (a chart's unit may cover several measures).
SHARE_OF = {
    "boilerplate_share": "of the page's text",
    "attribution_density": "of body sentences",
    "source_named_share": "of sources",
    "quote_word_share": "of body words",
    "sentiment_negative_share": "of body sentences",
    "sentiment_positive_share": "of body sentences",
}


@dataclass(frozen=True, slots=True)
class SpanFilter:
    """Which spans a measure counts: a signal, and optionally labels, a voice, source kinds."""

    signal: str
    labels: frozenset[str] | None = None
    voice: str | None = None
    source_kinds: frozenset[str] | None = None

    def matches(self, span: Span) -> bool:
        return (
            span.signal == self.signal
            and (self.labels is None or span.label in self.labels)
            and (self.voice is None or (span.voice or "authorial") == self.voice)
            and (self.source_kinds is None or span.source_kind in self.source_kinds)
        )


@dataclass(frozen=True, slots=True)
class Measure:
    """One bar of each outlet: its legend label, colour and the spans it counts (None: no spans)."""

    key: str
    label: str
    colour: str
    spans: SpanFilter | None


@dataclass(frozen=True)
class Chart:
    """A chart of the Compare page: ``values`` has one row per outlet, one column per measure."""

    title: str
    unit: str
    measures: tuple[Measure, ...]
    values: pd.DataFrame

    def measure(self, label: str) -> Measure:
        return next(m for m in self.measures if m.label == label)


#: The spans behind the scorecard columns the charts draw.
COLUMN_SPANS = {
    "boilerplate_share": SpanFilter("boilerplate"),
    "hedge_authorial_rate": SpanFilter("hedge", voice="authorial"),
    "booster_authorial_rate": SpanFilter("booster", voice="authorial"),
    "weasel_authorial_rate": SpanFilter("weasel", voice="authorial"),
    "distancing_authorial_rate": SpanFilter("distancing", voice="authorial"),
    "attribution_density": SpanFilter("attribution"),
    "source_named_share": SpanFilter("attribution", source_kinds=frozenset({"named"})),
    "quote_word_share": SpanFilter("quote"),
    "source_named_count": SpanFilter("attribution", source_kinds=frozenset({"named"})),
    "source_organisation_count": SpanFilter(
        "attribution", source_kinds=frozenset({"organisation"})
    ),
    "source_anonymous_count": SpanFilter("attribution", source_kinds=frozenset({"anonymous"})),
}
#: Tiers of the headline label chart: labels that judge, or that guides dispute. Descriptive
#: labels get a chart of their own, so an outlet that only describes never has the longest bar.
HEADLINE_TIERS = ("value-laden", "dehumanizing", "honorific", "contested")
NEUTRAL_TIERS = ("descriptive",)


def compare_charts(outlets: pd.DataFrame, cells: pd.DataFrame) -> list[Chart]:
    """Every chart of the Compare page, in page order; a chart without data is left out."""
    charts = []
    for group in CHART_GROUPS:
        values = chart_data(outlets, group)
        measures = tuple(
            Measure(column, label, measure_colour(column), COLUMN_SPANS.get(column))
            for column, label in group.columns
            if label in values.columns
        )
        charts.append(Chart(group.title, group.unit, measures, values))
    if not cells.empty:
        charts[1:1] = [
            _tier_chart(outlets, cells, HEADLINE_TIERS, "Loaded labels in the outlet's own words"),
            _voice_chart(outlets, cells),
            _tier_chart(outlets, cells, NEUTRAL_TIERS, "Neutral labels in the outlet's own words"),
        ]
    return [chart for chart in charts if not chart.values.empty and chart.measures]


def _tier_chart(
    outlets: pd.DataFrame, cells: pd.DataFrame, tiers: Sequence[str], title: str
) -> Chart:
    rates = label_rates(cells, outlets, voice="authorial")[list(tiers)]
    measures = tuple(
        Measure(
            f"tier:{tier}",
            f"{tier} labels",
            measure_colour(f"tier:{tier}"),
            SpanFilter("loaded", labels=frozenset({tier}), voice="authorial"),
        )
        for tier in tiers
    )
    values = rates.set_axis([m.label for m in measures], axis=1)
    return Chart(title, "per 1,000 body words", measures, values)


def _voice_chart(outlets: pd.DataFrame, cells: pd.DataFrame) -> Chart:
    judging = cells[cells["tier"].isin(FLAGGED_TIERS)]
    rates = label_rates(judging, outlets, by="voice")
    flagged = frozenset(FLAGGED_TIERS)
    measures = tuple(
        Measure(
            f"voice:{voice}",
            VOICE_CHART_WORDS[voice],
            measure_colour(f"voice:{voice}"),
            SpanFilter("loaded", labels=flagged, voice=voice),
        )
        for voice in VOICES
    )
    values = rates[list(VOICES)].set_axis([m.label for m in measures], axis=1)
    return Chart("Whose words are the loaded labels?", "per 1,000 body words", measures, values)


def measure_spans(
    analyses: Sequence[Analysis], outlet: str, measure: Measure
) -> list[tuple[int, Span]]:
    """The spans a bar counts: (article index, span) for each, in reading order."""
    if measure.spans is None:
        return []
    wanted = measure.spans
    return [
        (article, span)
        for article, analysis in enumerate(analyses)
        if analysis.meta.outlet == outlet
        for span in analysis.spans
        if wanted.matches(span)
    ]


def chart_rows(chart: Chart, analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per bar: outlet, measure, value, and the tooltip's value text, count and examples."""
    rows = []
    for outlet, values in chart.values.iterrows():
        for measure in chart.measures:
            value = float(values[measure.label])
            spans = [span for _, span in measure_spans(analyses, str(outlet), measure)]
            words = Counter(_example(span) for span in spans)
            examples = ", ".join(f"'{w}'" for w, _ in words.most_common(EXAMPLES))
            share_of = SHARE_OF.get(measure.key)
            text = f"{value:.0%} {share_of}" if share_of else f"{value:.3g} {chart.unit}"
            rows.append(
                {
                    "outlet": outlet,
                    "measure": measure.label,
                    "value": value,
                    "value_text": text,
                    "count": len(spans) if measure.spans is not None else None,
                    "examples": examples or ("none" if measure.spans is not None else "-"),
                }
            )
    return pd.DataFrame(rows)


def _example(span: Span) -> str:
    """What a tooltip shows of a span: a source's name, a short word folded to lower case."""
    if span.signal == "attribution" and span.source:
        return span.source
    text = " ".join(span.text.split())
    if len(text.split()) <= 3:
        return text.lower()
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"


__all__ = ["LABEL_TIERS", "Chart", "Measure", "SpanFilter", "chart_rows", "compare_charts"]
