"""Your articles: upload or paste articles, name outlets and titles, set the story pack, analyse."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

import pandas as pd
import streamlit as st
from common import UPLOAD_KEY, download_csv, report_errors

from analyzer.collection import analyze_collection
from analyzer.config import Config
from analyzer.display import display_columns
from analyzer.errors import InputError, LexiconError
from analyzer.io.pack_uploads import (
    is_story_pack,
    story_pack_file,
    story_pack_upload,
    suggested_table,
)
from analyzer.io.uploads import (
    MAX_UPLOAD_BYTES,
    UPLOAD_SUFFIXES,
    Upload,
    pasted_article,
    read_uploads,
    story_pack_from_table,
    story_pack_table,
)
from analyzer.render.markdown import markdown_text
from analyzer.storypack import ACTOR_KINDS

PACK = "upload_pack_table"  # session state: the table the story-pack editor starts from
ROUND = "upload_pack_round"  # bumped whenever that table is replaced, so old edits are dropped
LOADED = "upload_pack_loaded"  # file ids of story packs already put in the editor


def _replace_pack(table: pd.DataFrame) -> None:
    st.session_state[PACK] = table
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1


st.title("Your articles")
st.caption(
    f"Upload .txt or .html articles, a .zip of them (with a manifest.csv if you have one), or a "
    f"CSV with a 'text' column; or paste an article below. Up to "
    f"{MAX_UPLOAD_BYTES // 1_000_000} MB per file. Nothing leaves this computer."
)
files = st.file_uploader(
    "Articles (a storypack.csv among them is taken as the story pack)",
    type=[suffix.lstrip(".") for suffix in UPLOAD_SUFFIXES],
    accept_multiple_files=True,
    max_upload_size=MAX_UPLOAD_BYTES // 1_000_000,  # the browser refuses larger files up front
    key="upload_files",
)
articles_in, packs_in = [], []
for file in files or []:
    (packs_in if is_story_pack(file.name, file.getvalue()) else articles_in).append(file)
outlets, titles = {}, {}
for number, file in enumerate(articles_in):
    name_column, title_column = st.columns(2)
    with name_column:
        outlets[file.file_id] = st.text_input(
            f"Outlet of {markdown_text(file.name)}",
            value=PurePosixPath(file.name).stem,
            key=f"upload_outlet_{number}_{file.name}",  # a name follows its file
            help="Used where the file itself (a manifest or a CSV 'outlet' column) names none.",
        )
    with title_column:
        titles[file.file_id] = st.text_input(
            f"Headline of {markdown_text(file.name)}",
            key=f"upload_title_{number}_{file.name}",
            help="Optional. A web page's own title is used when this is empty.",
        )

with st.expander("Or paste an article", expanded=not files):
    paste_outlet = st.text_input("Outlet", key="upload_paste_outlet")
    paste_title = st.text_input("Headline", key="upload_paste_title")
    pasted = st.text_area("Article text", height=200, key="upload_paste_text")

st.subheader("Story pack: the actors and every name they go by")
st.caption(
    "Optional. framescope finds actors in the text itself; a story pack corrects it (merges two "
    "names of one actor, adds a name it missed). Labels such as 'the insurgents' are attached to "
    "these actors. Separate aliases with ';'."
)
for file in packs_in:
    if file.file_id in st.session_state.setdefault(LOADED, set()):
        continue
    st.session_state[LOADED].add(file.file_id)
    try:
        _replace_pack(story_pack_upload(file.name, file.getvalue()))
        st.toast(f"Story pack loaded from {markdown_text(file.name)}")
    except InputError as error:
        st.error(markdown_text(error))
uploaded = st.session_state.get(UPLOAD_KEY)
clear, suggest = st.columns(2)
with clear:
    st.button(
        "Clear the story pack",
        key="upload_pack_clear",
        on_click=_replace_pack,
        args=(story_pack_table(None),),
    )
with suggest:
    suggest_clicked = st.button(
        "Suggest actors from the analysed articles",
        key="upload_pack_suggest",
        disabled=uploaded is None,
        help="Analyse first; the actors named at least twice fill the table, to edit.",
    )
if suggest_clicked and uploaded is not None:
    with st.spinner("Finding the actors the articles name…"):
        _replace_pack(suggested_table(uploaded[1].analyses))
edited = st.data_editor(
    st.session_state.get(PACK, story_pack_table(None)),
    num_rows="dynamic",
    column_config={"kind": st.column_config.SelectboxColumn("kind", options=list(ACTOR_KINDS))},
    key=f"upload_pack_{st.session_state.get(ROUND, 0)}",
    width="stretch",
)
st.download_button(
    "Save this story pack (storypack.csv)",
    story_pack_file(edited).encode("utf-8"),
    "storypack.csv",
    "text/csv",
    key="upload_pack_save",
)

has_paste = bool(pasted.strip())
if st.button(
    "Analyse", type="primary", key="upload_analyse", disabled=not (articles_in or has_paste)
):
    try:
        pack = story_pack_from_table(edited)
    except LexiconError as error:
        st.error(f"The story pack has a problem: {markdown_text(error)}")
        st.stop()
    uploads = [
        Upload(f.name, f.getvalue(), outlets[f.file_id] or None, titles[f.file_id] or None)
        for f in articles_in
    ]
    articles, errors = read_uploads(uploads)
    if has_paste:
        articles.append(pasted_article(pasted, paste_outlet or None, paste_title or None))
    config = Config(story_pack=pack)
    with st.spinner(f"Analysing {len(articles)} articles…"):
        result = analyze_collection(articles, config)
    result.errors[:0] = errors
    digest = hashlib.sha256()
    for upload in uploads:
        digest.update(upload.name.encode() + b"\0" + (upload.outlet or "").encode() + upload.data)
        digest.update(b"\0" + (upload.title or "").encode())
    digest.update(f"{paste_outlet}\0{paste_title}\0{pasted}".encode())
    digest.update(edited.to_csv().encode())
    st.session_state[UPLOAD_KEY] = (f"upload:{digest.hexdigest()}", result, config)
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
    st.rerun()

if uploaded is not None:
    _, result, _ = uploaded
    st.success(
        f"Analysed {len(result.articles)} articles from {len(result.outlets)} outlets. "
        "The other pages now show them (switch back in the sidebar)."
    )
    for warning in result.warnings:
        st.warning(markdown_text(warning))
    report_errors(result)
    st.dataframe(display_columns(result.outlets), hide_index=True, width="stretch")
    download_csv(
        result.articles, "Download articles CSV", "your-scorecard.csv", key="upload_download"
    )
    download_csv(
        result.outlets, "Download outlets CSV", "your-outlets.csv", key="upload_download_outlets"
    )
