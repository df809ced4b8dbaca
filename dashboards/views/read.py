"""Read an article: every span highlighted in its signal's colour, reasons on hover, scores beside."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st
from common import active, article_label

from analyzer.compare.summary import article_scores
from analyzer.display import display_name
from analyzer.render.html import REASON_ON_TAP_CSS, article_html, legend_html
from analyzer.render.markdown import markdown_text

data = active()
st.html(REASON_ON_TAP_CSS)  # a highlight's reason on click or tap, not only on hover
analyses = data.result.analyses
st.title("Read an article")
if not analyses:
    st.warning("No article in this collection could be read.")
    st.stop()
index = st.selectbox(
    "Choose an article",
    range(len(analyses)),
    format_func=lambda i: article_label(analyses[i]),
    key="read_article",
)
analysis = analyses[index]
meta = analysis.meta
# Outlet, file name and date come from uploaded files: shown as text, never as Markdown.
st.caption(
    f"Outlet: {markdown_text(meta.outlet)} · "
    f"file: {markdown_text(Path(meta.file).name) if meta.file else '—'}"
    + (f" · published {markdown_text(meta.published)}" if meta.published else "")
    + ". Hover over a highlight to see why it was marked."
)
text_column, side = st.columns([2, 1])
with text_column:
    st.html(article_html(analysis))
with side:
    st.subheader("Legend")
    st.html(legend_html())
    st.subheader("Scores")
    scores = article_scores(analysis.scores)
    scores["signal"] = scores["signal"].map(display_name)
    st.dataframe(scores, hide_index=True, height=420)
with st.expander(f"All {len(analysis.spans)} pieces of evidence"):
    columns = ["signal", "label", "text", "voice", "actor", "source", "weight", "rule"]
    st.dataframe(
        pd.DataFrame([s.to_dict() for s in analysis.spans], columns=columns), hide_index=True
    )
