"""Same fact, different words: sentences about one fact, aligned across outlets, side by side."""

from __future__ import annotations

import streamlit as st
from common import active

from analyzer.analysis import Analysis
from analyzer.compare.align import DEFAULT_MIN_SIMILARITY, AlignedGroup, align_sentences
from analyzer.render.html import REASON_ON_TAP_CSS, highlight
from analyzer.render.markdown import markdown_text

ALL = "any outlet"
SHOWN_GROUPS = 25


@st.cache_data(show_spinner="Aligning sentences…")
def aligned(key: str, threshold: float, _analyses: list[Analysis]) -> list[AlignedGroup]:
    return align_sentences(_analyses, threshold)


data = active()
st.html(REASON_ON_TAP_CSS)  # a highlight's reason on click or tap, not only on hover
analyses = data.result.analyses
st.title("Same fact, different words")
st.caption(
    "Body sentences from different outlets that share most of their content words (TF-IDF cosine "
    "similarity), one column per outlet, with the same highlights as on the Read page."
)
threshold = st.slider(
    "How similar must the sentences be?",
    0.1,
    0.8,
    DEFAULT_MIN_SIMILARITY,
    0.05,
    key="same_fact_threshold",
)
groups = aligned(data.key, threshold, analyses)
outlets = sorted({outlet for group in groups for outlet in group.outlets})
must = st.selectbox("Only facts told by", [ALL, *outlets], key="same_fact_outlet")
if must != ALL:
    groups = [group for group in groups if must in group.outlets]
st.write(f"{len(groups)} facts told by two or more outlets.")
if not groups:
    st.info("No sentences are that similar across outlets; lower the similarity to see more.")
for group in groups[:SHOWN_GROUPS]:
    st.markdown(f"**{len(group.sentences)} outlets** · similarity {group.similarity:.2f}")
    for column, ref in zip(st.columns(len(group.sentences)), group.sentences, strict=True):
        with column:
            st.caption(markdown_text(ref.outlet))
            source = analyses[ref.article]
            st.html(highlight(source.text, source.spans, ref.start, ref.end))
    st.divider()
