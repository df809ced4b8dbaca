"""Distinctive words: what each outlet says more than the others (weighted log-odds, z-scores)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from common import active

from analyzer.analysis import Analysis
from analyzer.compare.distinctive import DistinctiveWord, distinctive_words
from analyzer.render.html import mark_word

SHOWN_SENTENCES = 12


@st.cache_data(show_spinner="Counting words…")
def distinctive(key: str, _analyses: list[Analysis]) -> dict[str, list[DistinctiveWord]]:
    return distinctive_words(_analyses, top=25)


data = active()
st.title("Distinctive words")
st.caption(
    "Words each outlet uses more than the other outlets together, by weighted log-odds with an "
    "informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). A z-score near 2 or above is "
    "unlikely to be chance; rare words are pulled toward 0."
)
table = distinctive(data.key, data.result.analyses)
if not table:
    st.info("Distinctive words need at least two outlets.")
    st.stop()
outlet = st.selectbox("Choose an outlet", list(table), key="distinctive_outlet")
words = table[outlet]
frame = pd.DataFrame(
    [(w.word, w.z, w.count, w.rest_count) for w in words],
    columns=["word", "z", f"uses in {outlet}", "uses elsewhere"],
)
left, right = st.columns(2)
with left:
    st.bar_chart(frame, x="word", y="z", horizontal=True, sort="-z", height=520)
with right:
    st.dataframe(frame.round({"z": 2}), hide_index=True, height=520)
if not words:
    st.stop()
word = st.selectbox("Show the sentences with", [w.word for w in words], key="distinctive_word")
chosen = next(w for w in words if w.word == word)
for ref in chosen.sentences[:SHOWN_SENTENCES]:
    st.html(f"<p>{mark_word(ref.text, word)}</p>")
if len(chosen.sentences) > SHOWN_SENTENCES:
    st.caption(f"… and {len(chosen.sentences) - SHOWN_SENTENCES} more sentences.")
