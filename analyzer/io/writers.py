"""Write outputs atomically and safely.

Atomic: each file is written to a temporary file in the same folder and renamed over the target,
so an interrupted run leaves the old file or the new one, never half of one. A target that is a
symlink is written through: the file it leads to is replaced and the link kept, as a plain
``open(path, "w")`` would do.
Safe: a text cell beginning with ``= + - @`` (or tab / carriage return) would run as a formula
when the CSV is opened in a spreadsheet; it is written with a leading apostrophe (OWASP's
advice), and a cell that itself begins with an apostrophe gets one more so the escaping can be
undone exactly by :func:`read_csv`.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, TextIO

import pandas as pd

from analyzer.errors import OutputError

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
    """Call ``write(handle)`` on a temporary file, then rename it to ``path``.

    Raises :class:`OutputError` (one line naming the file) when the file cannot be written.
    """
    shown = str(path)
    # Renaming over a symlink would replace the link itself with a plain file.
    target = Path(os.path.realpath(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as error:
        raise OutputError(shown, _reason(error)) from error
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            # mkstemp makes the file private (0600); give it the mode a plain open() would.
            os.chmod(temporary, _mode_for(target))
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(shown, _reason(error)) from error
        raise
    _sync_folder(target.parent)


def _mode_for(target: Path) -> int:
    """The target's current permissions, or what the process umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Read, not set-and-restore: os.umask() changes it process-wide, racing other threads.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); without it a power cut can undo the rename."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on Windows; the rename is still atomic there
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _reason(error: OSError) -> str:
    if isinstance(error, FileExistsError | NotADirectoryError):  # mkdir met a file on the way
        return "cannot write (part of the path is a file, not a folder)"
    return f"cannot write ({error.strerror or error.__class__.__name__})"


def write_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``frame`` as UTF-8 CSV, atomically, with formula-like text cells escaped."""
    atomic_write(path, lambda handle: _write_safe_csv(frame, handle))


def write_csv_to_stream(frame: pd.DataFrame, stream: TextIO) -> None:
    """Write ``frame`` as :func:`write_csv` does, to an open stream (standard output).

    The bytes go out as UTF-8 whatever the stream's own encoding, as they would to a file.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        _write_safe_csv(frame, stream)
        return
    text = io.StringIO(newline="")
    _write_safe_csv(frame, text)
    stream.flush()
    buffer.write(text.getvalue().encode("utf-8"))
    buffer.flush()


def _write_safe_csv(frame: pd.DataFrame, handle: IO[str]) -> None:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(escape_cell)
    # CRLF row ends (RFC 4180) also make the csv module quote a cell holding a bare "\r"; with
    # "\n" ends Python 3.11 leaves it bare and readers split the row in two there.
    safe.to_csv(handle, index=False, lineterminator="\r\n")


def write_text(text: str, path: str | Path) -> None:
    def write(handle: IO[str]) -> None:
        handle.write(text)

    atomic_write(path, write)


def read_csv(path: str | Path, *, text_columns: Iterable[str] = ()) -> pd.DataFrame:
    """Read a CSV written by :func:`write_csv` back to the values that were written.

    ``text_columns`` are kept as text even when every cell looks like a number (an outlet named
    "1843", a title "2024"); floats read back exactly. An empty cell reads as missing: CSV
    cannot tell an empty text from no value.
    """
    frame = pd.read_csv(
        path,
        keep_default_na=False,
        na_values=[""],
        dtype=dict.fromkeys(text_columns, str),
    )
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(unescape_cell)
    return frame
