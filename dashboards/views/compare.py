"""Compare outlets: every signal, one bar per outlet (click a bar for its highlights), the scorecard."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from common import (
    active,
    bar_chart,
    clicked_bar,
    download_csv,
    label_cells_of,
    report_errors,
)

from analyzer.analysis import Analysis
from analyzer.compare.charts import Chart, chart_rows, compare_charts, measure_spans
from analyzer.compare.summary import signal_table
from analyzer.display import display_columns, display_name
from analyzer.render.html import REASON_ON_TAP_CSS, highlight
from analyzer.render.markdown import markdown_text

#: Highlights listed under a clicked bar; the Read page shows the rest.
SHOWN_SPANS = 8


@st.cache_data(show_spinner=False)
def charts_of(key: str, _analyses: list[Analysis], _outlets: pd.DataFrame, _cells: pd.DataFrame):
    charts = compare_charts(_outlets, _cells)
    return [(chart, chart_rows(chart, _analyses)) for chart in charts]


def show_evidence(chart: Chart, outlet: str, label: str, analyses: list[Analysis]) -> None:
    measure = chart.measure(label)
    found = measure_spans(analyses, outlet, measure)
    st.markdown(f"**{markdown_text(outlet)} · {markdown_text(label)}**: {len(found)} highlights")
    if measure.spans is None:
        st.caption(
            "This measure is computed over whole sentences or the whole text, not single "
            "words: read the articles on the Read page."
        )
    for article, span in found[:SHOWN_SPANS]:
        source = analyses[article]
        doc = source.document
        index = doc.sentence_index(span.start)
        start, end = (
            (doc.sentences[index].start, doc.sentences[index].end)
            if index is not None
            else (span.start, span.end)
        )
        st.caption(markdown_text(Path(source.meta.title or source.meta.file or "").name))
        st.html(
            highlight(
                source.text, source.spans, min(start, span.start), max(end, span.end), focus=span
            )
        )
    if len(found) > SHOWN_SPANS:
        st.caption(f"… and {len(found) - SHOWN_SPANS} more on the Read page.")


data = active()
st.html(REASON_ON_TAP_CSS)  # a highlight's reason on click or tap, not only on hover
result = data.result
outlets = result.outlets
st.title("Compare outlets")
if outlets.empty:
    st.warning("No article in this collection could be read.")
    report_errors(result)
    st.stop()
st.caption(
    f"{len(result.articles)} articles from {len(outlets)} outlets ({markdown_text(data.title)}). "
    "Rates are per 1,000 body words, so long and short articles compare fairly. Page furniture "
    "is left out. Point at a bar for its value, count and examples; click it to read them."
)
report_errors(result)

cells = label_cells_of(data.key, result.analyses)
columns = st.columns(2)
for i, (chart, rows) in enumerate(charts_of(data.key, result.analyses, outlets, cells)):
    with columns[i % 2]:
        st.subheader(chart.title)
        event = st.altair_chart(
            bar_chart(rows, chart), width="stretch", on_select="rerun", key=f"compare_chart_{i}"
        )
        picked = clicked_bar(event)
        if picked is not None and picked[1] in {m.label for m in chart.measures}:
            show_evidence(chart, *picked, result.analyses)
if cells.empty:
    st.info("No actor labels (such as 'terrorists', 'militants', 'freedom fighters') were found.")

st.header("Every signal, one column per outlet")
table = signal_table(outlets)
table.index = table.index.map(display_name)
st.dataframe(table, width="stretch")

st.header("Scorecard")
st.caption("Click a column header to sort. The downloads keep the data dictionary's column names.")
st.dataframe(display_columns(outlets), hide_index=True, width="stretch")
left, right = st.columns(2)
with left:
    download_csv(outlets, "Download outlets CSV", "outlets.csv", key="compare_download_outlets")
with right:
    download_csv(result.articles, "Download articles CSV", "scorecard.csv", key="compare_download")

st.header("One outlet's articles")
outlet = st.selectbox("Choose an outlet", list(outlets["outlet"]), key="compare_outlet")
chosen = result.articles[result.articles["outlet"] == outlet]
shown = chosen.drop(columns=["framescope_version", "lexicon_version"])
st.dataframe(display_columns(shown), hide_index=True)
