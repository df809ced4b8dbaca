"""Story packs in the dashboard: one uploaded as a file, one suggested from the articles, one saved.

A ``storypack.csv`` uploaded with the articles is a story pack, not a collection without a
``text`` column; so is any CSV whose header names ``actor`` and ``aliases`` but no ``text``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import PurePosixPath

import pandas as pd

from analyzer.actors.suggest import story_pack_csv, suggest_actors
from analyzer.analysis import Analysis
from analyzer.errors import InputError, LexiconError
from analyzer.io.decoding import decode_bytes
from analyzer.io.uploads import story_pack_table
from analyzer.storypack import STORYPACK_FILENAME, story_pack_from_text

PACK_COLUMNS = ("actor", "aliases", "kind")


def is_story_pack(name: str, data: bytes) -> bool:
    """Is this upload a story pack (by its name, or a CSV header of actors and no text)?"""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.name.lower() == STORYPACK_FILENAME:
        return True
    if path.suffix.lower() != ".csv":
        return False
    header = _header(data[:4096].decode("utf-8-sig", errors="replace"))
    return {"actor", "aliases"} <= header and "text" not in header


def story_pack_upload(name: str, data: bytes) -> pd.DataFrame:
    """The uploaded story pack as the editor's table (actor, aliases, kind).

    Raises
    ------
    InputError
        Naming the file, when it cannot be decoded or is not a valid story pack.
    """
    text = decode_bytes(data, name)
    try:
        pack = story_pack_from_text(text, name=PurePosixPath(name).stem)
    except LexiconError as error:
        raise InputError(name, f"not a valid story pack: {error}") from error
    return story_pack_table(pack)


def suggested_table(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """The actors the articles name, most mentioned first, as the editor's table.

    Parses every body sentence once (a lesson's few articles take a second or two).
    """
    suggestion = story_pack_csv(suggest_actors(a.document for a in analyses))
    return story_pack_table(story_pack_from_text(suggestion, name="suggested"))


def story_pack_file(table: pd.DataFrame) -> str:
    """The editor's table as a ``storypack.csv`` to save and load again (empty rows left out)."""
    rows = table.fillna("")
    rows = rows[rows["actor"].astype(str).str.strip() != ""]
    out = io.StringIO()
    rows[list(PACK_COLUMNS)].astype(str).to_csv(out, index=False, lineterminator="\n")
    return out.getvalue()


def _header(text: str) -> set[str]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not lines:
        return set()
    return {cell.strip().lower() for cell in next(csv.reader([lines[0]]))}
