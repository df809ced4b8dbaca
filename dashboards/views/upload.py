"""Your articles: upload files, name the outlets, edit the story pack, analyse, download."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

import streamlit as st
from common import UPLOAD_KEY, bundled, download_csv, report_errors

from analyzer.collection import analyze_collection
from analyzer.config import Config
from analyzer.errors import LexiconError
from analyzer.io.uploads import (
    MAX_UPLOAD_BYTES,
    UPLOAD_SUFFIXES,
    Upload,
    read_uploads,
    story_pack_from_table,
    story_pack_table,
)
from analyzer.render.markdown import markdown_text
from analyzer.storypack import ACTOR_KINDS

st.title("Your articles")
st.caption(
    f"Upload .txt or .html articles, a .zip of them (with a manifest.csv if you have one), or a "
    f"CSV with a 'text' column. Up to {MAX_UPLOAD_BYTES // 1_000_000} MB per file. Nothing leaves "
    "this computer."
)
files = st.file_uploader(
    "Articles",
    type=[suffix.lstrip(".") for suffix in UPLOAD_SUFFIXES],
    accept_multiple_files=True,
    max_upload_size=MAX_UPLOAD_BYTES // 1_000_000,  # the browser refuses larger files up front
    key="upload_files",
)
outlets = {}
for number, file in enumerate(files or []):
    outlets[file.file_id] = st.text_input(
        f"Outlet of {markdown_text(file.name)}",
        value=PurePosixPath(file.name).stem,
        key=f"upload_outlet_{number}_{file.name}",  # a name follows its file
        help="Used where the file itself (a manifest or a CSV 'outlet' column) names none.",
    )

st.subheader("Story pack: the actors and every name they go by")
st.caption(
    "Labels such as 'the insurgents' are attached to these actors. Separate aliases with ';'."
)
edited = st.data_editor(
    story_pack_table(bundled().config.story_pack),
    num_rows="dynamic",
    column_config={"kind": st.column_config.SelectboxColumn("kind", options=list(ACTOR_KINDS))},
    key="upload_pack",
    width="stretch",
)

if st.button("Analyse", type="primary", key="upload_analyse", disabled=not files):
    try:
        pack = story_pack_from_table(edited)
    except LexiconError as error:
        st.error(f"The story pack has a problem: {markdown_text(error)}")
        st.stop()
    uploads = [Upload(f.name, f.getvalue(), outlets[f.file_id] or None) for f in files or []]
    articles, errors = read_uploads(uploads)
    config = Config(story_pack=pack)
    with st.spinner(f"Analysing {len(articles)} articles…"):
        result = analyze_collection(articles, config)
    result.errors[:0] = errors
    digest = hashlib.sha256()
    for upload in uploads:
        digest.update(upload.name.encode() + b"\0" + (upload.outlet or "").encode() + upload.data)
    digest.update(edited.to_csv().encode())
    st.session_state[UPLOAD_KEY] = (f"upload:{digest.hexdigest()}", result, config)
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
    st.rerun()

if st.session_state.get(UPLOAD_KEY) is not None:
    _, result, _ = st.session_state[UPLOAD_KEY]
    st.success(
        f"Analysed {len(result.articles)} articles from {len(result.outlets)} outlets. "
        "The other pages now show them (switch back in the sidebar)."
    )
    report_errors(result)
    st.dataframe(result.outlets, hide_index=True, width="stretch")
    download_csv(
        result.articles, "Download articles CSV", "your-scorecard.csv", key="upload_download"
    )
    download_csv(
        result.outlets, "Download outlets CSV", "your-outlets.csv", key="upload_download_outlets"
    )
