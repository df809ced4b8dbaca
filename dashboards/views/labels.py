"""Who is called what: actor x label x outlet, split by voice; a cell opens its sentences."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from common import active, label_cells_of

from analyzer.compare.labels import (
    cell_at,
    cell_evidence,
    label_matrix,
    matrix_cells,
    voice_split,
)
from analyzer.display import VOICE_WORDS
from analyzer.render.html import REASON_ON_TAP_CSS, highlight, legend_html
from analyzer.render.kinds import KIND_BY_KEY
from analyzer.render.markdown import markdown_text
from analyzer.render.matrix import matrix_styles

VOICE_NAMES = {
    "all": "all voices",
    "authorial": "outlet's own words",
    "quoted": "direct quotes",
    "reported": "reported speech",
    "caption": "photo captions",
}
TIER_KINDS = [KIND_BY_KEY[key] for key in ("label", "praise", "contested", "descriptive")]
CHOSEN = "labels_chosen"  # session state: (actor, tier, term, outlet) of the cell being read


def _remember_choice() -> None:
    st.session_state[CHOSEN] = st.session_state["labels_cell"]


data = active()
st.html(REASON_ON_TAP_CSS)  # a highlight's reason on click or tap, not only on hover
analyses = data.result.analyses
st.title("Who is called what")
st.caption(
    "Each row is a label attached to an actor; each column an outlet. The actors with the most "
    "loaded labels come first, and each actor's most loaded labels first. Style guides allow "
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
st.caption("Click a count to read the sentences behind it. A darker cell holds more labels.")
# One selection per voice: a click made under another voice names a row of another matrix.
matrix_key = f"labels_matrix_{voice}"
event = st.dataframe(
    matrix.style.apply(matrix_styles, axis=None),
    on_select="rerun",
    selection_mode="single-cell",
    key=matrix_key,
    width="stretch",
)
with st.expander("What the colours mean"):
    st.html(legend_html(TIER_KINDS))
st.subheader("Whose words are the labels?")
st.dataframe(voice_split(cells).rename(columns=VOICE_NAMES), width="stretch")

st.header("The sentences behind a cell")
options = {cell.identity: cell for cell in matrix_cells(matrix)}
if not options:
    st.info("No labels in this voice.")
    st.stop()
for row, outlet in event.selection.cells[:1]:
    clicked = cell_at(matrix, row, outlet)
    if clicked is not None and st.session_state.get("labels_last_click") != (voice, row, outlet):
        # A new click chooses the cell below; the selectbox still works for keyboard users.
        st.session_state["labels_last_click"] = (voice, row, outlet)
        st.session_state[CHOSEN] = clicked.identity
chosen = st.session_state.get(CHOSEN)
if chosen is not None and chosen not in options:
    actor, _, term, outlet = chosen
    st.caption(
        f"{markdown_text(actor)} is not called “{markdown_text(term)}” in "
        f"{markdown_text(outlet)} in {VOICE_NAMES[voice]}; showing the first cell instead."
    )
st.session_state["labels_cell"] = chosen if chosen in options else next(iter(options))
identity = st.selectbox(
    "Choose a cell",
    list(options),
    format_func=lambda key: options[key].describe(),
    key="labels_cell",
    on_change=_remember_choice,
)
cell = options[identity]
for ref, span in cell_evidence(
    analyses,
    cells,
    actor=cell.actor,
    term=cell.term,
    outlet=cell.outlet,
    voice=None if voice == "all" else voice,
):
    where = f"{markdown_text(ref.outlet)} · {markdown_text(Path(ref.file or '').name)}"
    st.caption(f"{where} · {VOICE_WORDS[span.voice or 'authorial']}")
    source = analyses[ref.article]
    st.html(highlight(source.text, source.spans, ref.start, ref.end, focus=span))
