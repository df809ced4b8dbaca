"""Compare outlets: every signal, one bar per outlet, then the sortable scorecard."""

from __future__ import annotations

import streamlit as st
from common import active, bar_chart, download_csv, label_cells_of, report_errors

from analyzer.compare.summary import CHART_GROUPS, chart_data, label_rates, signal_table
from analyzer.render.markdown import markdown_text

data = active()
result = data.result
outlets = result.outlets
st.title("Compare outlets")
if outlets.empty:
    st.warning("No article in this collection could be read.")
    report_errors(result)
    st.stop()
st.caption(
    f"{len(result.articles)} articles from {len(outlets)} outlets ({markdown_text(data.title)}). "
    "Rates are per "
    "1,000 body words, so long and short articles compare fairly. Page furniture is left out."
)
report_errors(result)

cells = label_cells_of(data.key, result.analyses)
charts = [(g.title, g.unit, chart_data(outlets, g)) for g in CHART_GROUPS]
if not cells.empty:
    own = label_rates(cells, outlets, voice="authorial")
    charts.insert(1, ("Actor labels in the outlet's own voice", "per 1,000 body words", own))
    voices = label_rates(cells, outlets, by="voice")
    charts.insert(2, ("Whose words are the labels?", "per 1,000 body words", voices))
columns = st.columns(2)
for i, (title, unit, frame) in enumerate(c for c in charts if not c[2].empty):
    with columns[i % 2]:
        st.subheader(title)
        st.altair_chart(bar_chart(frame, unit), width="stretch")
if cells.empty:
    st.info("No actor labels (such as 'terrorists', 'militants', 'freedom fighters') were found.")

st.header("Every signal, one column per outlet")
st.dataframe(signal_table(outlets), width="stretch")

st.header("Scorecard")
st.caption("Click a column header to sort.")
st.dataframe(outlets, hide_index=True, width="stretch")
left, right = st.columns(2)
with left:
    download_csv(outlets, "Download outlets CSV", "outlets.csv", key="compare_download_outlets")
with right:
    download_csv(result.articles, "Download articles CSV", "scorecard.csv", key="compare_download")

st.header("One outlet's articles")
outlet = st.selectbox("Choose an outlet", list(outlets["outlet"]), key="compare_outlet")
chosen = result.articles[result.articles["outlet"] == outlet]
st.dataframe(chosen.drop(columns=["framescope_version", "lexicon_version"]), hide_index=True)
