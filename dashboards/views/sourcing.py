"""How is it sourced? Credibility indicators, outlets side by side; a cell opens its evidence."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from common import active, download_csv, report_errors

from analyzer.credibility.indicators import GROUP_QUESTIONS, GROUPS
from analyzer.credibility.table import (
    credibility_frame,
    indicator_evidence,
    indicator_matrix,
    side_frame,
)
from analyzer.render.html import highlight, legend_html
from analyzer.render.kinds import KINDS
from analyzer.render.markdown import markdown_text

#: Evidence passages shown per cell (a count past it is reported, not drawn).
MAX_PASSAGES = 40
ALL_KINDS = frozenset(kind.key for kind in KINDS)

data = active()
result = data.result
analyses = result.analyses
st.title("How is it sourced?")
st.caption(
    "Indicators a reader can check in the text (after the W3C Credible Web group and the "
    "Credibility Coalition): who is heard, what can be checked, how sure the outlet sounds, "
    "what the headline does, how the outlet judges in its own voice, and what the page shows. "
    "Each figure counts highlighted words; no figure is a verdict. What each indicator is worth "
    "on labelled news is measured in benchmarks/ACCURACY.md."
)
report_errors(result)
if result.outlets.empty:
    st.warning("No article in this collection could be read.")
    st.stop()

matrix = indicator_matrix(result.outlets)
group = st.radio(
    "Indicator group",
    GROUPS,
    format_func=lambda g: f"{g}: {GROUP_QUESTIONS[g]}",
    horizontal=False,
    key="sourcing_group",
)
shown = matrix.xs(group, level="group")
st.caption("Click a figure to read the words behind it.")
event = st.dataframe(
    shown.style.format("{:.3g}"),
    on_select="rerun",
    selection_mode="single-cell",
    key=f"sourcing_matrix_{group}",
    width="stretch",
)
download_csv(
    credibility_frame(result.outlets),
    "Download credibility CSV",
    "credibility.csv",
    key="sourcing_download",
)

if group == "sourcing":
    st.subheader("Whose voices are heard: quoted words per side")
    sides = side_frame(analyses)
    if sides.empty:
        st.info(
            "No source was linked to a side. A source speaks for the group or country it names "
            "('a Taliban spokesman'), a person for the affiliation written beside the name or "
            "the side a story pack gives; anonymous sources ('residents') speak for none."
        )
    else:
        st.dataframe(sides, hide_index=True, width="stretch")

st.header("The words behind a figure")
indicators = [name for name, _ in shown.index]
outlets = list(shown.columns)
clicked = [(row, outlet) for row, outlet in event.selection.cells if row < len(shown)]
if clicked and clicked[0] != st.session_state.get("sourcing_last_click"):
    # A new click chooses the cell below; the selectboxes still work for keyboard users.
    st.session_state["sourcing_last_click"] = clicked[0]
    row, outlet = clicked[0]
    st.session_state["sourcing_indicator"] = indicators[row]
    st.session_state["sourcing_outlet"] = outlet
left, right = st.columns(2)
with left:
    indicator = st.selectbox("Indicator", indicators, key="sourcing_indicator")
with right:
    outlet = st.selectbox("Outlet", outlets, key="sourcing_outlet")
refs = indicator_evidence(analyses, indicator, outlet)
unit = dict(shown.index)[indicator]
value = shown.loc[(indicator, unit), outlet]
st.markdown(
    f"**{markdown_text(indicator)}** for **{markdown_text(outlet)}**: {value:.3g} ({unit}); "
    f"{len(refs)} highlighted piece(s) of evidence."
)
if not refs:
    st.info("Nothing of this kind was found in this outlet's articles.")
for ref in refs[:MAX_PASSAGES]:
    source = analyses[ref.article]
    st.caption(f"{markdown_text(Path(source.meta.file or '').name)} · {ref.span.rule}")
    st.html(highlight(source.text, [ref.span], ref.start, ref.end, focus=ref.span, kinds=ALL_KINDS))
if len(refs) > MAX_PASSAGES:
    more = len(refs) - MAX_PASSAGES
    st.caption(f"… and {more} more; `framescope explain` lists every span of an article.")
with st.expander("What the colours mean"):
    st.html(legend_html(KINDS))
