"""Tables written row by row as a run produces them, in CSV or Parquet, put in place at the end.

Rows go to a hidden ``.NAME.partial`` file beside the target; :meth:`RowWriter.commit` flushes
it to the disk and renames it over the target, so an interrupted run (even one killed with
SIGKILL) leaves the old file or the new one under the final name, never half of one. The
partial file of a killed run is overwritten by the next run. The CSV is byte for byte what
:func:`analyzer.io.writers.write_csv` writes for the same rows (formula-like cells escaped,
CRLF row ends, floats as ``repr``); ``-o x.parquet`` writes Parquet instead, in row groups.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, TextIO

import pandas as pd

from analyzer.errors import OutputError
from analyzer.io.writers import _mode_for, _reason, _sync_folder, escape_cell

PARQUET_SUFFIXES = (".parquet", ".pq")
#: Rows kept before a Parquet row group is written: a few MB for the article table.
PARQUET_GROUP_ROWS = 10_000


class RowWriter:
    """Write rows of ``columns`` to ``path`` as they come; :meth:`commit` puts the file in place."""

    def __init__(self, path: str | Path, columns: Sequence[str]) -> None:
        self.shown = str(path)
        self.columns = list(columns)
        self.rows = 0
        # Renaming over a symlink would replace the link itself with a plain file.
        self.target = Path(os.path.realpath(path))
        self.partial = self.target.parent / f".{self.target.name}.partial"
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self._open()
        except OSError as error:
            raise OutputError(self.shown, _reason(error)) from error

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        try:
            self._write(rows)
        except OSError as error:
            raise OutputError(self.shown, _reason(error)) from error

    def write_frame(self, frame: pd.DataFrame) -> None:
        self.write(frame.to_dict("records"))

    def commit(self) -> None:
        """Flush to the disk and rename over the target."""
        try:
            self._close()
            os.chmod(self.partial, _mode_for(self.target))
            os.replace(self.partial, self.target)
        except OSError as error:
            self.discard()
            raise OutputError(self.shown, _reason(error)) from error
        _sync_folder(self.target.parent)

    def discard(self) -> None:
        """Leave the target as it was; the partial file goes."""
        with contextlib.suppress(OSError):
            self._close()
        self.partial.unlink(missing_ok=True)

    def _open(self) -> None:
        raise NotImplementedError

    def _write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError


class CsvRowWriter(RowWriter):
    """UTF-8 CSV, as :func:`analyzer.io.writers.write_csv` writes it."""

    _handle: IO[str] | None = None

    def _open(self) -> None:
        self._handle = self.partial.open("w", encoding="utf-8", newline="")
        self._csv = csv_row_writer(self._handle)
        self._csv.writerow(self.columns)

    def _write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self._csv.writerow([csv_cell(row.get(column)) for column in self.columns])
            self.rows += 1

    def _close(self) -> None:
        if self._handle is not None and not self._handle.closed:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()


class StreamRowWriter(CsvRowWriter):
    """CSV rows to an open stream (standard output): nothing to rename."""

    def __init__(self, stream: TextIO, columns: Sequence[str]) -> None:
        self.shown = "standard output"
        self.columns = list(columns)
        self.rows = 0
        # UTF-8 whatever the stream's own encoding, as to a file (and as write_csv_to_stream).
        buffer = getattr(stream, "buffer", None)
        stream.flush()
        self._utf8 = None if buffer is None else io.TextIOWrapper(buffer, "utf-8", newline="")
        self._handle = self._utf8 or stream
        self._csv = csv_row_writer(self._handle)
        self._csv.writerow(self.columns)

    def commit(self) -> None:
        if self._utf8 is not None:
            self._utf8.flush()
            self._utf8.detach()  # standard output stays open
            self._utf8 = None
        elif self._handle is not None:
            self._handle.flush()

    def discard(self) -> None:
        self.commit()  # what went out has gone; the stream itself stays open


class ParquetRowWriter(RowWriter):
    """Parquet, a row group per :data:`PARQUET_GROUP_ROWS` rows.

    A column's type is taken from the first row group: text, whole numbers, numbers (a
    column holding both whole and other numbers is a float column, as in pandas) or true/false.
    """

    def _open(self) -> None:
        self._pending: list[Mapping[str, Any]] = []
        self._writer: Any = None
        self._schema: Any = None
        self.partial.unlink(missing_ok=True)

    def _write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self._pending.append(row)
            self.rows += 1
            if len(self._pending) >= PARQUET_GROUP_ROWS:
                self._flush()

    def _flush(self) -> None:
        # Imported here: pyarrow costs a quarter of a second, which CSV runs need not pay.
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._schema is None:
            self._schema = pa.schema(
                [(column, _arrow_type(self._pending, column)) for column in self.columns]
            )
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.partial, self._schema)
        data = {
            column: [_parquet_cell(row.get(column), kind) for row in self._pending]
            for column, kind in zip(self.columns, self._schema.types, strict=True)
        }
        self._writer.write_table(pa.Table.from_pydict(data, schema=self._schema))
        self._pending = []

    def _close(self) -> None:
        if self._writer is None or self._pending:
            self._flush()  # an empty table still gets its header
        if self._writer is not None:
            self._writer.close()
            self._writer = None
            with self.partial.open("rb") as handle:
                os.fsync(handle.fileno())


def row_writer(path: str | Path, columns: Sequence[str]) -> RowWriter:
    """The writer for ``path``'s format: Parquet for ``.parquet``, else CSV."""
    if Path(path).suffix.lower() in PARQUET_SUFFIXES:
        return ParquetRowWriter(path, columns)
    return CsvRowWriter(path, columns)


def csv_row_writer(handle: IO[str]) -> Any:
    # CRLF row ends (RFC 4180), as write_csv: a cell holding a bare "\r" is then quoted.
    return csv.writer(handle, lineterminator="\r\n")


def csv_cell(value: Any) -> Any:
    """A value as pandas writes it to CSV: missing as empty, floats as ``repr``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return repr(value)
    return escape_cell(value)


def _parquet_cell(value: Any, kind: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value) if str(kind) == "string" and not isinstance(value, str) else value


def _arrow_type(rows: list[Mapping[str, Any]], column: str) -> Any:
    import pyarrow as pa

    kinds = {type(row.get(column)) for row in rows} - {type(None)}
    if kinds <= {bool} and kinds:
        return pa.bool_()
    if kinds <= {int} and kinds:
        return pa.int64()
    if kinds <= {int, float} and kinds:
        return pa.float64()
    return pa.string()
