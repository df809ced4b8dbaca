"""Rows of CSV collections and manifests, records of JSON Lines: parsed into cells of clean text."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

from analyzer.document import ArticleMeta
from analyzer.errors import InputError
from analyzer.io.decoding import decode_bytes, display_name, replace_lone_surrogates
from analyzer.io.files import read_bytes


def read_csv_rows(path: Path, max_bytes: int) -> list[dict[str, str]]:
    """The rows of a CSV file, keys lower-cased, cells stripped; InputError if there are none."""
    text = decode_bytes(read_bytes(path, max_bytes), display_name(path))
    # The csv module refuses cells over 128 kB by default, which failed a whole collection for
    # one long article. The limit is process-wide, so it is only ever raised, to the file limit
    # already enforced.
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        rows = []
        for row in reader:
            if None in row:
                raise InputError(
                    display_name(path),
                    f"malformed CSV: row {reader.line_num} has more cells than the header",
                )
            rows.append({(k or "").strip().lower(): (v or "").strip() for k, v in row.items()})
    except csv.Error as error:
        raise InputError(display_name(path), f"malformed CSV: {error}") from error
    if not rows:
        raise InputError(
            display_name(path), "CSV has a header but no rows" if text.strip() else "empty file"
        )
    return rows


def record_cells(origin: str, line: str) -> dict[str, str]:
    """The text, number and true/false fields of one JSON Lines record, as cells of text."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:  # ValueError: also a 5,000-digit number
        raise InputError(origin, f"not valid JSON ({error.__class__.__name__})") from error
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(origin, "expected an object with a string 'text' field")
    return {
        clean_value(key): clean_value(str(value))
        for key, value in record.items()
        if isinstance(value, str | int | float)
    }


def clean_value(value: str) -> str:
    """A decoded JSON string as the readers give every text: writable as UTF-8, NFC-normalised
    (per value, so a string spelled with escapes reads the same as the same string written raw)."""
    return unicodedata.normalize("NFC", replace_lone_surrogates(value))


def meta_from_row(row: dict[str, str], *, file: str, outlet: str | None) -> ArticleMeta:
    return ArticleMeta(
        file=file,
        outlet=row.get("outlet") or outlet or "unknown",
        title=row.get("title") or None,
        url=row.get("url") or None,
        published=row.get("published") or None,
    )


def manifest_index(manifest: Path, max_bytes: int) -> dict[Path, dict[str, str]]:
    """The manifest's rows by the resolved path of their file (first row wins)."""
    try:
        rows = read_csv_rows(manifest, max_bytes)
    except InputError:
        return {}  # a broken manifest is reported when it is read as a collection
    index: dict[Path, dict[str, str]] = {}
    for row in rows:
        try:
            if row.get("file"):
                index.setdefault((manifest.parent / row["file"]).resolve(), row)
        except (OSError, RuntimeError, ValueError):
            continue  # an unusable row is reported when the manifest is read as a collection
    return index
