"""Glossary: the words framescope uses, explained once, and what each colour means."""

from __future__ import annotations

import streamlit as st

from analyzer.display import GLOSSARY
from analyzer.render.html import legend_html

st.title("Glossary")
st.caption("The words these pages use, in plain language.")
for term, meaning in GLOSSARY:
    st.markdown(f"**{term}**: {meaning}")
st.header("What the colours mean")
st.caption(
    "Every page and every worksheet uses these colours, each for one kind of evidence only; a "
    "worksheet also prints each mark's letter, for black-and-white printers."
)
st.html(legend_html())
