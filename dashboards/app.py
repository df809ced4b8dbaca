"""framescope dashboard: outlets side by side, with the evidence one click away.

Run ``framescope dashboard seeds --out out`` or ``streamlit run dashboards/app.py -- PATHS``.
Every figure is computed in the ``analyzer`` package; these pages only present it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# Streamlit puts this folder on sys.path under `streamlit run`, but not always under AppTest.
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from common import sidebar_choice  # noqa: E402

st.set_page_config(page_title="framescope", page_icon=":material/search:", layout="wide")

PAGES = [
    st.Page("views/compare.py", title="Compare outlets", icon=":material/bar_chart:", default=True),
    st.Page("views/labels.py", title="Who is called what", icon=":material/label:"),
    st.Page("views/read.py", title="Read an article", icon=":material/article:"),
    st.Page("views/sourcing.py", title="How is it sourced?", icon=":material/fact_check:"),
    st.Page(
        "views/same_fact.py", title="Same fact, different words", icon=":material/compare_arrows:"
    ),
    st.Page("views/distinctive.py", title="Distinctive words", icon=":material/format_quote:"),
    st.Page("views/worksheet.py", title="Make a worksheet", icon=":material/school:"),
    st.Page("views/glossary.py", title="Glossary", icon=":material/menu_book:"),
    st.Page("views/upload.py", title="Your articles", icon=":material/upload_file:"),
]

navigation = st.navigation(PAGES)
sidebar_choice()
st.sidebar.caption(
    "framescope shows evidence, not verdicts: every figure links to the words it counts."
)
navigation.run()
