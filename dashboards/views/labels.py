"""Who is called what: actor x label x outlet, split by voice; a cell opens its sentences."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from common import active, label_cells_of

from analyzer.compare.labels import cell_evidence, label_matrix, voice_split
from analyzer.render.html import highlight
from analyzer.render.markdown import markdown_text

VOICE_NAMES = {
    "all": "all voices",
    "authorial": "outlet's own words",
    "quoted": "direct quotes",
    "reported": "reported speech",
}

data = active()
analyses = data.result.analyses
st.title("Who is called what")
st.caption(
    "Each row is a label attached to an actor; each column an outlet. Style guides allow "
    "value-laden labels only with attribution, so the voice matters: own words, quoted or reported."
)
cells = label_cells_of(data.key, analyses)
if cells.empty:
    st.info(
        "No actor labels were found in this collection. Labels such as 'terrorists', "
        "'militants' or 'freedom fighters' appear here with the actor they name."
    )
    st.stop()

voice = st.radio(
    "Whose words",
    list(VOICE_NAMES),
    format_func=VOICE_NAMES.get,
    horizontal=True,
    key="labels_voice",
)
matrix = label_matrix(cells, None if voice == "all" else voice)
st.caption("Click a count to read the sentences behind it.")
event = st.dataframe(
    matrix, on_select="rerun", selection_mode="single-cell", key="labels_matrix", width="stretch"
)
st.subheader("Whose words are the labels?")
st.dataframe(voice_split(cells).rename(columns=VOICE_NAMES), width="stretch")

st.header("The sentences behind a cell")
options = [
    (actor, tier, term, outlet, int(count))
    for (actor, tier, term), row in matrix.iterrows()
    for outlet, count in row.items()
    if count > 0
]
if not options:
    st.info("No labels in this voice.")
    st.stop()
clicked = [(row, outlet) for row, outlet in event.selection.cells if row < len(matrix)]
if clicked and clicked[0] != st.session_state.get("labels_last_click"):
    # A new click chooses the cell below; the selectbox still works for keyboard users.
    st.session_state["labels_last_click"] = clicked[0]
    row, outlet = clicked[0]
    wanted = (*matrix.index[row], outlet)
    match = next((i for i, option in enumerate(options) if option[:4] == wanted), None)
    if match is not None:
        st.session_state["labels_cell"] = match
labels = [
    f"{actor} called “{term}” ({tier}) in {outlet}: {n}×"
    for actor, tier, term, outlet, n in options
]
choice = st.selectbox(
    "Choose a cell", range(len(options)), format_func=labels.__getitem__, key="labels_cell"
)
actor, tier, term, outlet, _ = options[choice]
chosen_voice = None if voice == "all" else voice
for ref, span in cell_evidence(
    analyses, cells, actor=actor, term=term, outlet=outlet, voice=chosen_voice
):
    where = f"{markdown_text(ref.outlet)} · {markdown_text(Path(ref.file or '').name)}"
    st.caption(f"{where} · voice: {span.voice or 'authorial'}")
    source = analyses[ref.article]
    st.html(highlight(source.text, source.spans, ref.start, ref.end, focus=span))
