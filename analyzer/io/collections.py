"""Collections read record by record: JSON Lines, CSV and Parquet, JSON Lines and CSV also gzipped.

A collection may hold a million articles, so it is never read whole: memory stays that of one
record (and of one Parquet row batch) however long the file is. The size limit (``--max-bytes``)
applies to each record's text, not to the collection. A broken record is an
:class:`~analyzer.errors.InputError` naming the file and the record (``c.jsonl line 7``,
``c.csv row 12``) and the next record is read; only a file that cannot be read on (a corrupt
gzip stream, a quote never closed) ends early, with the records before it kept.
"""

from __future__ import annotations

import csv
import gzip
import io
import stat
import unicodedata
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from analyzer.errors import InputError
from analyzer.io.decoding import decode_bytes, decode_json_lines, display_name, stream_codec
from analyzer.io.files import read_bytes, read_error, size_text
from analyzer.io.records import clean_value, read_csv_rows, record_cells

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
PARQUET_SUFFIXES = (".parquet", ".pq")
GZIP_SUFFIX = ".gz"
#: Every name a collection may have, for counting and listing inputs.
COLLECTION_SUFFIXES = (
    *JSONL_SUFFIXES,
    *CSV_SUFFIXES,
    *PARQUET_SUFFIXES,
    *(suffix + GZIP_SUFFIX for suffix in (*JSONL_SUFFIXES, *CSV_SUFFIXES)),
)
#: The bytes an encoding is judged by. A CSV file no longer than this is decoded whole, line by
#: line where its encodings are mixed, as an article is.
HEAD_BYTES = 1 << 16
#: What a record may hold besides its text (title, url, fields not read) before it is refused
#: unread: the limit on the line keeps one runaway record from filling the memory.
RECORD_SLACK = 1_000_000
#: Parquet rows converted to Python at a time.
PARQUET_BATCH_ROWS = 1024
#: A record: where it came from ("c.jsonl line 7") and its cells of text, keys lower-cased.
Record = tuple[str, dict[str, str]]

_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def collection_format(path: Path) -> str | None:
    """ "jsonl", "csv" or "parquet" for a collection's name (gzipped or not), else None."""
    name = path.name.lower().removesuffix(GZIP_SUFFIX)
    compressed = path.name.lower().endswith(GZIP_SUFFIX)
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    if name.endswith(PARQUET_SUFFIXES) and not compressed:
        return "parquet"
    return None


def json_records(path: Path, max_bytes: int) -> Iterator[Record | InputError]:
    """The records of a JSON Lines file, one per non-blank line."""
    name = display_name(path)
    try:
        with _open(path, max_bytes) as stream:
            yield from json_stream_records(stream, name, max_bytes)
    except InputError as error:
        yield error


def json_stream_records(
    stream: IO[bytes], name: str, max_bytes: int
) -> Iterator[Record | InputError]:
    """The records of JSON Lines read from a seekable binary ``stream``.

    Lines end at ``\\n`` only (U+2028 and U+0085 are legal raw inside a JSON string). Each line
    is decoded on its own, so a UTF-8 file holding a few cp1252 lines is still read.
    """
    try:
        codec, errors = stream_codec(_head(stream, name), name)
    except InputError as error:
        yield error
        return
    limit = max_bytes + RECORD_SLACK
    records = 0
    lines: Iterator[tuple[bytes | str, bool]]
    if codec.startswith(("utf-16", "utf-32")):
        text = io.TextIOWrapper(stream, encoding=codec, errors=errors, newline="\n")
        lines = _lines(text, limit)
    else:
        lines = _lines(stream, limit)
    number = 0
    try:
        for number, (raw, whole) in enumerate(lines, start=1):
            origin = f"{name} line {number}"
            if not whole:
                records += 1
                yield InputError(origin, f"record too large (over {size_text(limit)})")
                continue
            try:
                line = raw if isinstance(raw, str) else _decode_line(raw, origin, codec, errors)
            except InputError as error:
                records += 1
                yield error
                continue
            line = line.removesuffix("\n").removesuffix("\r").lstrip("\ufeff")
            if not line.strip():
                continue
            records += 1
            try:
                yield origin, _within_limit(origin, record_cells(origin, line), max_bytes)
            except InputError as error:
                yield error
    except (*_GZIP_ERRORS, UnicodeDecodeError) as error:
        yield InputError(f"{name} line {number + 1}", f"cannot read on ({_why(error)})")
        return
    if not records:
        yield InputError(name, "no records (the JSONL file has only blank lines)")


class CsvCollection:
    """A CSV file opened for reading row by row: its header first, then its records.

    Use as a context manager; ``header`` is known once opened, so a manifest (a ``file``
    column) can be told from a collection (a ``text`` column) before any row is read.
    """

    def __init__(self, path: Path, max_bytes: int) -> None:
        self.path = path
        self.name = display_name(path)
        self.max_bytes = max_bytes
        self.header: list[str] = []
        self._stream: IO[bytes] | None = None
        self._rows: Iterator[list[str]] = iter(())

    def __enter__(self) -> CsvCollection:
        # The csv module refuses cells over 128 kB by default; the limit is process-wide, so
        # it is only ever raised, to the per-record limit already enforced.
        if csv.field_size_limit() < self.max_bytes:
            csv.field_size_limit(self.max_bytes)
        self._stream = _open(self.path, self.max_bytes)
        try:
            self._rows = csv.reader(self._text(self._stream), strict=True)
            self.header = [cell.strip().lower() for cell in self._first_row()]
        except BaseException:
            self._stream.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stream is not None:
            self._stream.close()

    def records(self) -> Iterator[Record | InputError]:
        """Each row as cells (``c.csv row 2`` is the first under the header), or its error."""
        number, records = 1, 0
        try:
            for number, row in enumerate(self._rows, start=2):
                if not row:
                    continue  # a blank line, as csv.DictReader skips it
                records += 1
                origin = f"{self.name} row {number}"
                if len(row) > len(self.header):
                    yield InputError(origin, "malformed CSV: more cells than the header")
                    continue
                cells = {
                    key: unicodedata.normalize("NFC", value.strip())
                    for key, value in zip(self.header, row, strict=False)
                }
                try:
                    yield origin, _within_limit(origin, cells, self.max_bytes)
                except InputError as error:
                    yield error
        except csv.Error as error:
            yield InputError(f"{self.name} row {number + 1}", f"malformed CSV: {error}")
            return
        except (*_GZIP_ERRORS, UnicodeDecodeError) as error:
            yield InputError(f"{self.name} row {number + 1}", f"cannot read on ({_why(error)})")
            return
        if not records:
            yield InputError(self.name, "CSV has a header but no rows")

    def _text(self, stream: IO[bytes]) -> IO[str]:
        head = _head(stream, self.name)
        if len(head) < HEAD_BYTES:  # the whole file: decoded as an article is
            return io.StringIO(decode_bytes(stream.read(), self.name), newline="")
        codec, errors = stream_codec(head, self.name)
        return io.TextIOWrapper(stream, encoding=codec, errors=errors, newline="")

    def _first_row(self) -> list[str]:
        try:
            for row in self._rows:
                if row:
                    return row
        except csv.Error as error:
            raise InputError(self.name, f"malformed CSV: {error}") from error
        except (*_GZIP_ERRORS, UnicodeDecodeError) as error:
            raise InputError(self.name, f"cannot read ({_why(error)})") from error
        raise InputError(self.name, "empty file")


def csv_header(path: Path, max_bytes: int) -> list[str]:
    """The lower-cased header of a CSV file; empty when it cannot be read."""
    try:
        with CsvCollection(path, max_bytes) as table:
            return table.header
    except InputError:
        return []


def listed_files(table: Path, max_bytes: int) -> Iterator[Path]:
    """The files a manifest lists; none for a collection (a table with a ``text`` column)."""
    if not table.is_file():
        return
    header = csv_header(table, max_bytes)
    if "file" not in header or "text" in header:
        return  # a collection, however long, is not read to its end for this
    try:
        rows = read_csv_rows(table, max_bytes)
    except InputError:
        return
    yield from (table.parent / row["file"] for row in rows if row.get("file"))


def parquet_records(path: Path, max_bytes: int) -> Iterator[Record | InputError]:
    """The rows of a Parquet file with a ``text`` column, a row group at a time."""
    # Imported here: pyarrow costs a quarter of a second, which other runs need not pay.
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = display_name(path)
    try:
        # pre_buffer (pyarrow's default) keeps every row group read until the file is closed:
        # memory grew by the file's size through a run; without it a run stays flat
        parquet = pq.ParquetFile(path, pre_buffer=False)
    except (pa.ArrowException, OSError) as error:
        yield InputError(name, f"cannot read as Parquet ({_first_line(error)})")
        return
    columns = {column.lower(): column for column in parquet.schema_arrow.names}
    if "text" not in columns:
        yield InputError(name, "Parquet file has no 'text' column")
        return
    wanted = [columns[key] for key in ("text", "file", "outlet", "title", "url", "published")
              if key in columns]  # fmt: skip
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
            for values in batch.to_pylist():
                number += 1
                origin = f"{name} row {number}"
                if not isinstance(values[columns["text"]], str | None):
                    yield InputError(origin, "the 'text' cell is not text")
                    continue
                cells = {key.lower(): _cell(value) for key, value in values.items()}
                try:
                    yield origin, _within_limit(origin, cells, max_bytes)
                except InputError as error:
                    yield error
    except (pa.ArrowException, OSError) as error:
        yield InputError(f"{name} row {number + 1}", f"cannot read on ({_first_line(error)})")
        return
    if not number:
        yield InputError(name, "Parquet file has no rows")


def _open(path: Path, max_bytes: int) -> IO[bytes]:
    """The file's bytes as a seekable stream, unpacked when its name ends in ``.gz``.

    A named pipe or a device is read whole, within ``max_bytes``, as an article file is (opening
    a pipe plainly would wait for a writer for ever).
    """
    name = display_name(path)
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            return io.BytesIO(read_bytes(path, max_bytes))
        raw: IO[bytes] = path.open("rb")  # opened here: a missing file is said so before gzip
    except OSError as error:
        raise read_error(name, error) from error
    if not path.name.lower().endswith(GZIP_SUFFIX):
        return raw
    raw.close()
    unpacked = gzip.open(path, "rb")  # noqa: SIM115 - the caller closes the stream
    try:
        unpacked.peek(1)
    except _GZIP_ERRORS as error:
        unpacked.close()
        raise InputError(name, f"not a readable gzip file ({_why(error)})") from error
    return unpacked  # type: ignore[return-value]


def _head(stream: IO[bytes], name: str) -> bytes:
    """The first bytes, the stream then rewound. A gzip stream cut short gives the bytes before
    the cut: the records there are read, and the cut is reported at its record."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size < HEAD_BYTES and (chunk := stream.read(min(4096, HEAD_BYTES - size))):
            chunks.append(chunk)
            size += len(chunk)
    except _GZIP_ERRORS as error:
        if not chunks:
            raise InputError(name, f"not a readable gzip file ({_why(error)})") from error
    stream.seek(0)
    return b"".join(chunks)


def _lines(stream: IO[Any], limit: int) -> Iterator[tuple[Any, bool]]:
    """Each line of ``stream`` and whether it came whole; a line longer than ``limit`` is
    skipped to its end and given as its first ``limit`` characters, not whole."""
    while line := stream.readline(limit):
        if len(line) < limit or line[-1:] in ("\n", b"\n"):
            yield line, True
            continue
        while (rest := stream.readline(limit)) and rest[-1:] not in ("\n", b"\n"):
            pass
        yield line[:0], False


def _decode_line(raw: bytes, origin: str, codec: str, errors: str) -> str:
    """One JSON line's text: UTF-8, else the file's legacy encoding.

    A file whose head is UTF-8 may still hold lines pasted from a Windows export: those are
    read as cp1252 when they can be (a guess from one short line is unreliable: "Peña" came out
    as CJK), else as the line's best guess.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        if not codec.startswith("utf-8"):
            return raw.decode(codec, errors)
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return decode_json_lines(raw, origin)


def _within_limit(origin: str, cells: dict[str, str], max_bytes: int) -> dict[str, str]:
    size = len(cells.get("text", "").encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError(
            origin,
            f"text too large ({size_text(size)}; the limit is {size_text(max_bytes)}, "
            "raise it with --max-bytes)",
        )
    return cells


def _cell(value: object) -> str:
    if value is None:
        return ""
    return clean_value(value if isinstance(value, str) else str(value))


def _why(error: BaseException) -> str:
    if isinstance(error, EOFError):
        return "the compressed stream ends early"
    return (
        f"{error.__class__.__name__}: {_first_line(error)}"
        if str(error)
        else error.__class__.__name__
    )


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [error.__class__.__name__])[0]
