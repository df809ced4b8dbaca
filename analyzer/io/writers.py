"""Write outputs atomically and safely.

Atomic: each file is written to a temporary file in the same folder and renamed over the target,
so an interrupted run leaves the old file or the new one, never half of one.
Safe: a text cell beginning with ``= + - @`` (or tab / carriage return) would run as a formula
when the CSV is opened in a spreadsheet; it is written with a leading apostrophe (OWASP's
advice), and a cell that itself begins with an apostrophe gets one more so the escaping can be
undone exactly by :func:`read_csv`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pandas as pd

_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def escape_cell(value: Any) -> Any:
    """Neutralise a spreadsheet formula in a text cell; other values pass through."""
    if isinstance(value, str) and value.startswith(_FORMULA_TRIGGERS):
        return "'" + value
    return value


def unescape_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("'"):
        return value[1:]
    return value


def atomic_write(path: str | Path, write: Callable[[IO[str]], None]) -> None:
    """Call ``write(handle)`` on a temporary file, then rename it to ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` as UTF-8 CSV, atomically, with formula-like text cells escaped."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(escape_cell)
    atomic_write(path, lambda handle: safe.to_csv(handle, index=False, lineterminator="\n"))


def write_text(text: str, path: str | Path) -> None:
    atomic_write(path, lambda handle: handle.write(text))


def read_csv(path: str | Path) -> pd.DataFrame:
    """Read a CSV written by :func:`write_csv` back to the values that were written."""
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(unescape_cell)
    return frame
