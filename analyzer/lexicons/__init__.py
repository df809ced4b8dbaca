"""Lexicons are data: CSV files in this folder, each opening with ``#`` lines that cite its sources.

Every file is read once per process and validated on load (required columns present, no empty
terms, no duplicate keys), so a bad edit fails loudly instead of silently changing scores.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from analyzer.errors import LexiconError

Row = dict[str, str]

#: Longest line of a table: the csv module's default cell limit. Checked here, not left to the
#: csv module, whose limit is process-wide and raised by the article readers, so that a table is
#: refused the same way in every process.
MAX_LINE_CHARS = 131_072


@functools.cache
def load_lexicon(name: str) -> tuple[Row, ...]:
    """Rows of the packaged lexicon ``<name>.csv`` (comment lines skipped, cells stripped)."""
    source = resources.files(__package__).joinpath(f"{name}.csv")
    return parse_table(source.read_text(encoding="utf-8"), origin=f"lexicon {name}.csv")


def read_table(path: Path) -> tuple[Row, ...]:
    """Rows of a user-supplied CSV in the same format (for story packs and custom lexicons)."""
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            # Opening a named pipe waits for a writer, reading a device may never end.
            raise LexiconError(f"{path}: not a regular file")
        content = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot read ({error.__class__.__name__})") from error
    return parse_table(content, origin=str(path))


def parse_table(content: str, *, origin: str) -> tuple[Row, ...]:
    all_lines = content.splitlines()
    for number, line in enumerate(all_lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise LexiconError(
                f"{origin}: line {number} is {len(line):,} characters long "
                f"(the limit is {MAX_LINE_CHARS:,})"
            )
    lines = [line for line in all_lines if line.strip() and not line.startswith("#")]
    if not lines:
        raise LexiconError(f"{origin}: no header row")
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    rows = []
    try:
        for number, row in enumerate(reader, start=2):
            if None in row or any(value is None for value in row.values()):
                raise LexiconError(f"{origin}: row {number} has the wrong number of cells")
            rows.append({key.strip(): value.strip() for key, value in row.items()})
    except csv.Error as error:  # a stray NUL, a cell over a lowered csv limit
        raise LexiconError(f"{origin}: malformed CSV: {error}") from error
    return tuple(rows)


def comment_lines(name: str) -> list[str]:
    """The ``#`` header of a packaged lexicon: its description and cited sources."""
    source = resources.files(__package__).joinpath(f"{name}.csv")
    return [
        line[1:].strip()
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]


def validate(
    rows: Sequence[Row], *, origin: str, required: Sequence[str], key: Sequence[str]
) -> None:
    """Raise :class:`LexiconError` on a missing column, an empty required cell or a duplicate key."""
    if rows:
        missing = [column for column in required if column not in rows[0]]
        if missing:
            raise LexiconError(f"{origin}: missing column(s) {', '.join(missing)}")
    seen: set[tuple[str, ...]] = set()
    for number, row in enumerate(rows, start=2):
        for column in required:
            if not row.get(column):
                raise LexiconError(f"{origin}: row {number} has an empty {column!r}")
        identity = tuple(row[column].lower() for column in key)
        if identity in seen:
            raise LexiconError(f"{origin}: row {number} duplicates {identity}")
        seen.add(identity)


def packaged_lexicons() -> list[str]:
    """Names of every packaged lexicon file (without ``.csv``)."""
    folder = resources.files(__package__)
    return sorted(item.name[:-4] for item in folder.iterdir() if item.name.endswith(".csv"))
