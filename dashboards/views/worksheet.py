"""Make a worksheet: the classroom sheet and its answer key from the collection shown, to download."""

from __future__ import annotations

import streamlit as st
from common import active

from analyzer.analysis import Analysis
from analyzer.render.markdown import markdown_text
from analyzer.worksheets import (
    WorksheetError,
    build_worksheet,
    render_worksheet_html,
)
from analyzer.worksheets.worksheet import MAX_OUTLETS, MIN_OUTLETS


@st.cache_data(show_spinner="Choosing the excerpts…")
def sheets(
    key: str, outlets: tuple[str, ...], title: str, _analyses: list[Analysis]
) -> tuple[str, str, str, int]:
    """The student sheet, the answer key, the title and the number of questions."""
    ws = build_worksheet(_analyses, outlets=outlets, title=title or None)
    return (
        render_worksheet_html(ws),
        render_worksheet_html(ws, answers=True),
        ws.title,
        len(ws.questions),
    )


data = active()
analyses = data.result.analyses
st.title("Make a worksheet")
st.caption(
    "One lesson: a short excerpt about the same events from each outlet, side by side, first "
    "without marks and then with the evidence marked, the three lateral-reading questions and "
    "a neutral rewrite. The student sheet shows no answers; the answer key explains each one. "
    "Both are single HTML files that print on A4 or Letter."
)
outlets = list(dict.fromkeys(a.meta.outlet for a in analyses))
if len(outlets) < MIN_OUTLETS:
    st.info(f"A worksheet compares at least {MIN_OUTLETS} outlets; this collection has fewer.")
    st.stop()
chosen = st.multiselect(
    f"Outlets ({MIN_OUTLETS} to {MAX_OUTLETS})",
    outlets,
    default=outlets[:MAX_OUTLETS],
    max_selections=MAX_OUTLETS,
    key="worksheet_outlets",
)
title = st.text_input(
    "Title", placeholder="by default, the names the excerpts share", key="worksheet_title"
)
if len(chosen) < MIN_OUTLETS:
    st.info(f"Choose at least {MIN_OUTLETS} outlets.")
    st.stop()
try:
    student, answers, heading, questions = sheets(data.key, tuple(chosen), title, analyses)
except WorksheetError as error:
    st.error(f"Cannot make a worksheet: {markdown_text(error)}")
    st.stop()
st.success(f"“{markdown_text(heading)}”: {len(chosen)} outlets, {questions} questions.")
left, right = st.columns(2)
with left:
    st.download_button(
        "Download the student worksheet",
        student.encode("utf-8"),
        "worksheet.html",
        "text/html",
        key="worksheet_download",
    )
with right:
    st.download_button(
        "Download the answer key",
        answers.encode("utf-8"),
        "answer-key.html",
        "text/html",
        key="worksheet_download_answers",
    )
