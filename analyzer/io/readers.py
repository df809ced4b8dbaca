"""Read articles from files, folders, manifests, CSV/JSONL collections and standard input.

Every reader either yields an :class:`~analyzer.document.Article` or an
:class:`~analyzer.errors.InputError` whose message names the file and the problem in one line.
Errors are yielded, not raised, so a batch goes on past one bad file and reports it at the end.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from analyzer.config import DEFAULT_MAX_INPUT_BYTES
from analyzer.document import Article, ArticleMeta
from analyzer.errors import InputError, InputWarning
from analyzer.io.collections import (
    CSV_SUFFIXES,
    GZIP_SUFFIX,
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    CsvCollection,
    Record,
    collection_format,
    json_records,
    json_stream_records,
    listed_files,
    parquet_records,
)
from analyzer.io.decoding import decode_bytes, decode_page_bytes, display_name
from analyzer.io.files import file_id, list_folder, read_bytes, read_stream, special_kind
from analyzer.io.records import manifest_index, meta_from_row, read_csv_rows
from analyzer.storypack import STORYPACK_FILENAME

MANIFEST_NAME = "manifest.csv"
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
__all__ = ["JSONL_SUFFIXES", "InputReader", "input_files", "iter_articles", "read_article"]
META_COLUMNS = ("outlet", "title", "url", "published")
#: The path that reads standard input; a file named "-" is given as "./-".
STDIN = "-"
STDIN_NAME = "<stdin>"

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_TAG = re.compile(r"<(!doctype\s+html|html[\s>])", re.IGNORECASE)

Item = Article | InputError


def iter_articles(
    paths: Iterable[str | Path],
    *,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    on_warning: Callable[[InputWarning], None] | None = None,
) -> Iterator[Item]:
    """Yield an article or an error for everything ``paths`` name, in a stable order.

    A path may be an article file (.txt, .html ...), a folder (its ``manifest.csv`` if it has one,
    else every article file inside, sorted), a manifest (a CSV with a ``file`` column), a CSV
    collection (a ``text`` column; a ``file`` column beside it only names the rows), a JSONL
    collection (one object with ``text`` per line), either gzipped (``.csv.gz``,
    ``.jsonl.gz``), a Parquet collection (a ``text`` column) or ``-``, standard input: JSON
    Lines when it opens with ``{``, else one article (text, or HTML when it opens as a page).
    Collections are read record by record; ``max_bytes`` limits each record's text.
    ``outlet`` applies where no manifest or collection names one. A file reached twice is read
    once; ``on_warning`` hears of the second time.
    """
    reader = InputReader(outlet=outlet, max_bytes=max_bytes, on_warning=on_warning)
    for path in paths:
        yield from reader.read(path)


class InputReader:
    """Reads the inputs of one run: every file at most once, each manifest indexed once.

    An article reached twice (named twice, listed twice in a manifest, or through a symlink or a
    hard link) would be scored twice and counted twice in its outlet; it is read the first time
    only, and ``on_warning`` hears of the second.
    """

    def __init__(
        self,
        *,
        outlet: str | None = None,
        max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
        on_warning: Callable[[InputWarning], None] | None = None,
    ) -> None:
        self.outlet = outlet
        self.max_bytes = max_bytes
        self._on_warning = on_warning
        self._first_names: dict[int | str, str] = {}
        self._folders: list[Path] = []
        self._manifests: dict[Path, dict[Path, dict[str, str]]] = {}

    def read(self, raw: str | Path) -> Iterator[Item]:
        """Yield the articles and errors of one path (see :func:`iter_articles`); an article's
        reading notes (control bytes dropped, a fallback extractor) go to ``on_warning``."""
        for item in self._read_path(raw):
            if isinstance(item, Article) and item.notes and self._on_warning is not None:
                for note in item.notes:
                    self._on_warning(InputWarning(item.meta.file or display_name(raw), note))
            yield item

    def _read_path(self, raw: str | Path) -> Iterator[Item]:
        if isinstance(raw, str) and raw == STDIN:
            yield from self._read_stdin()
            return
        path = Path(raw)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as error:  # a name too long, a NUL in a path from Python
            yield InputError(display_name(path), f"cannot use this path ({_why(error)})")
            return
        kind = collection_format(path)
        if not exists and not is_dir:
            yield InputError(display_name(path), "no such file or folder")
        elif not self._first_time(path, display_name(path)):
            return
        elif is_dir:
            yield from self._read_folder(path)
        elif kind == "csv":
            yield from self._read_table(path)
        elif kind == "jsonl":
            yield from self._records(json_records(path, self.max_bytes))
        elif kind == "parquet":
            yield from self._records(parquet_records(path, self.max_bytes))
        else:
            yield read_article(path, self._single_file_meta(path), self.max_bytes)

    def _first_time(
        self, path: Path | str, name: str, origin: str | None = None, *, in_folder: bool = False
    ) -> bool:
        """Is this the first time the run reaches this file? If not, say so.

        ``name`` is how the file is shown, ``origin`` where it was named (a manifest row). A
        file ``in_folder`` is remembered without its name: a folder of a million articles would
        otherwise hold a million names for a warning that is almost never given.
        """
        key = path if isinstance(path, str) else _file_key(path)
        if key is None:
            return True  # cannot be reached: reading it reports why
        first = self._first_names.get(key)
        if first is None:
            self._first_names[key] = "" if in_folder else name
            return True
        if self._on_warning is not None:
            first = first or self._name_in_folders(key)
            again = "listed twice" if first == name else f"same file as {first}"
            self._on_warning(InputWarning(origin or name, f"{again} (scored once)"))
        return False

    def _name_in_folders(self, key: int | str) -> str:
        """The name of a file remembered without one: the folders read so far are listed
        again (rare: only for a warning about a file reached twice)."""
        for folder in self._folders:
            for entry in list_folder(folder, ARTICLE_SUFFIXES):
                if isinstance(entry, Path) and _file_key(entry) == key:
                    return display_name(entry)
        return "a file read before"

    def _read_stdin(self) -> Iterator[Item]:
        if not self._first_time(STDIN, STDIN_NAME):
            return
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            yield InputError(STDIN_NAME, "no standard input to read")
            return
        try:
            data = read_stream(stream, STDIN_NAME, self.max_bytes)
        except InputError as error:
            yield error
            return
        if data.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{":
            records = json_stream_records(io.BytesIO(data), STDIN_NAME, self.max_bytes)
            yield from self._records(records)
            return
        meta = ArticleMeta(file=STDIN_NAME, outlet=self.outlet or "unknown")
        try:
            yield article_from_bytes(data, STDIN_NAME, "", meta)
        except InputError as error:
            yield error

    def _read_folder(self, folder: Path) -> Iterator[Item]:
        manifest = folder / MANIFEST_NAME
        if manifest.is_file():
            if self._first_time(manifest, display_name(manifest)):
                yield from self._read_table(manifest)
            return
        self._note_unread_collections(folder)
        self._folders.append(folder)
        empty = True  # the folder is listed as it is read: a million paths are never held
        for entry in list_folder(folder, ARTICLE_SUFFIXES):
            empty = False
            if isinstance(entry, InputError):
                yield entry
            elif self._first_time(entry, display_name(entry), in_folder=True):
                meta = ArticleMeta(file=display_name(entry), outlet=self.outlet or "unknown")
                yield read_article(entry, meta, self.max_bytes)
        if empty:
            yield InputError(
                display_name(folder), "folder holds no .txt or .html articles and no manifest.csv"
            )

    def _note_unread_collections(self, folder: Path) -> None:
        """Say which collections (JSONL, CSV, Parquet) a folder holds: a folder is read for its
        article files, and a collection is read only when named as an input itself."""
        if self._on_warning is None:
            return
        last_suffixes = (*JSONL_SUFFIXES, *CSV_SUFFIXES, *PARQUET_SUFFIXES, GZIP_SUFFIX)
        for entry in list_folder(folder, last_suffixes):
            if (
                isinstance(entry, Path)
                and collection_format(entry) is not None
                and entry.name.lower() != STORYPACK_FILENAME
            ):
                self._on_warning(
                    InputWarning(
                        display_name(entry),
                        "a collection inside a folder is not read; name it as an input to score it",
                    )
                )

    def _read_table(self, path: Path) -> Iterator[Item]:
        """A manifest (``file`` column: paths of article files) or a collection (``text`` column)."""
        try:
            with CsvCollection(path, self.max_bytes) as table:
                # The text column wins: a collection may name its articles in a 'file' column too.
                if "text" in table.header:
                    yield from self._records(table.records())
                    return
                is_manifest = "file" in table.header
        except InputError as error:
            yield error
            return
        if not is_manifest:
            yield InputError(
                display_name(path),
                "CSV has neither a 'file' column (manifest) nor a 'text' column (collection)",
            )
            return
        try:  # a manifest names files, not texts: read whole, within the file limit
            rows = read_csv_rows(path, self.max_bytes)
        except InputError as error:
            yield error
            return
        yield from self._read_manifest(path, rows)

    def _records(self, records: Iterable[Record | InputError]) -> Iterator[Item]:
        for record in records:
            yield record if isinstance(record, InputError) else _row_article(*record, self.outlet)

    def _read_manifest(self, manifest: Path, rows: list[dict[str, str]]) -> Iterator[Item]:
        folder = manifest.parent.resolve()
        for number, row in enumerate(rows, start=2):
            origin = f"{display_name(manifest)} row {number}"
            name = row.get("file", "")
            if not name:
                yield InputError(origin, "empty 'file' cell")
                continue
            try:
                candidate = (folder / name).resolve()
                outside = Path(name).is_absolute() or not candidate.is_relative_to(folder)
                mode = None if outside or not candidate.exists() else candidate.stat().st_mode
            except (OSError, RuntimeError, ValueError) as error:  # too long, a symlink loop
                yield InputError(origin, f"cannot use {name!r} ({_why(error)})")
                continue
            if outside:
                yield InputError(origin, f"{name!r} is outside the collection folder (refused)")
                continue
            if mode is None or stat.S_ISDIR(mode):
                yield InputError(
                    display_name(manifest.parent / name),
                    f"listed in {manifest.name} row {number} but missing",
                )
                continue
            kind = special_kind(mode)
            if kind is not None:  # reading a named pipe would wait for a writer
                yield InputError(origin, f"{name!r} is not a regular file ({kind})")
                continue
            file = display_name(manifest.parent / name)
            if self._first_time(candidate, file, origin):
                yield read_article(
                    candidate, meta_from_row(row, file=file, outlet=self.outlet), self.max_bytes
                )

    def _single_file_meta(self, path: Path) -> ArticleMeta:
        """A file named on its own still takes outlet and title from a manifest beside it."""
        manifest = path.parent / MANIFEST_NAME
        if path.name != MANIFEST_NAME and manifest.is_file():
            if manifest not in self._manifests:
                self._manifests[manifest] = manifest_index(manifest, self.max_bytes)
            try:
                row = self._manifests[manifest].get(path.resolve())
            except (OSError, RuntimeError):
                row = None
            if row is not None:
                return meta_from_row(row, file=display_name(path), outlet=self.outlet)
        return ArticleMeta(file=display_name(path), outlet=self.outlet or "unknown")


def input_files(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_INPUT_BYTES
) -> Iterator[Path]:
    """Every file reading ``paths`` may open: articles, manifests, collections.

    No article is read, so an output that would overwrite one of these can be refused before
    any work is done. Paths that cannot be used are left out (reading them reports why).
    """
    for raw in paths:
        if isinstance(raw, str) and raw == STDIN:
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                manifest = path / MANIFEST_NAME
                if manifest.is_file():
                    yield manifest
                    yield from listed_files(manifest, max_bytes)
                else:
                    for entry in list_folder(path, ARTICLE_SUFFIXES):
                        if isinstance(entry, Path):
                            yield entry
                continue
            yield path
            kind = collection_format(path)
            if kind == "csv":
                yield from listed_files(path, max_bytes)
            elif kind is None:
                yield path.parent / MANIFEST_NAME  # read for the file's outlet and title
        except (OSError, RuntimeError, ValueError):
            continue


def read_article(path: Path, meta: ArticleMeta, max_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> Item:
    """Read one article file (plain text or HTML)."""
    try:
        data = read_bytes(path, max_bytes)
        return article_from_bytes(data, display_name(path), path.suffix.lower(), meta)
    except InputError as error:
        return error


def article_from_bytes(data: bytes, name: str, suffix: str, meta: ArticleMeta) -> Article:
    """An article from a file's bytes: HTML by its suffix or by how it opens, else plain text."""
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _bytes_look_like_html(data)):
        html, dropped = decode_page_bytes(data, name, _declared_charset(data))
        return article_from_html(html, meta, dropped_controls=dropped)
    text = decode_bytes(data, name)
    if suffix not in TEXT_SUFFIXES and _looks_like_html(text):
        return article_from_html(text, meta)
    return article_from_text(text, meta, name)


def article_from_text(text: str, meta: ArticleMeta, origin: str) -> Article:
    if not text.strip():
        raise InputError(origin, "no text (whitespace only)")
    return Article(text, meta)


def article_from_html(html: str, meta: ArticleMeta, *, dropped_controls: int = 0) -> Article:
    """An article from a decoded page; ``dropped_controls`` (NUL bytes and control characters
    the decoder dropped) becomes a note on the article."""
    # Imported here: trafilatura and lxml cost ~0.4 s to import, which plain-text runs need not pay.
    from analyzer.io.html import extract_page

    page = extract_page(html)
    if not page.text.strip():
        raise InputError(
            meta.file or "<html>", "HTML page has no visible text (and no extractor found any)"
        )
    title = meta.title or page.title
    notes = page.notes
    if dropped_controls:
        notes = (
            f"dropped {dropped_controls} NUL byte(s) and control character(s) a browser does "
            "not show",
            *notes,
        )
    return Article(page.text, replace(meta, title=title), page.body_hints, notes, page.link_shares)


def decode_html(data: bytes, path: str) -> str:
    """Decode an HTML page: byte-order mark, then its declared ``<meta charset>``, then sniffing;
    NUL bytes and control characters are dropped (:func:`decode_page_bytes`)."""
    return decode_page_bytes(data, path, _declared_charset(data))[0]


def _declared_charset(data: bytes) -> str | None:
    declared = _META_CHARSET.search(data[:4096])
    return declared.group(1).decode("ascii") if declared else None


def _bytes_look_like_html(data: bytes) -> bool:
    """:func:`_looks_like_html` on undecoded bytes (any ASCII-compatible or UTF-16 page)."""
    head = data[:4000].removeprefix(codecs.BOM_UTF8)
    return _looks_like_html(head.decode("latin-1").replace("\x00", ""))


def _looks_like_html(text: str) -> bool:
    """Does ``text`` open with ``<!doctype html>`` or ``<html>``, after any comments?

    A loop, not a regex: the pattern ``(<!--.*?-->\\s*)*`` took time doubling with each empty
    comment ("<!---->" 30 times at the top of a CSV cell hung the batch).
    """
    head = text[:2000].lstrip()
    while head.startswith("<!--"):
        end = head.find("-->", 4)
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    return _HTML_TAG.match(head) is not None


def _row_article(origin: str, row: dict[str, str], outlet: str | None) -> Item:
    text = row.get("text", "")
    if not text.strip():
        return InputError(origin, "empty 'text' cell")
    meta = meta_from_row(row, file=row.get("file") or origin, outlet=outlet)
    if _looks_like_html(text):
        try:
            return article_from_html(text, meta)
        except InputError as error:
            return error
    return Article(text, meta)


def _why(error: Exception) -> str:
    if isinstance(error, RuntimeError):  # pathlib's report of a symlink loop
        return "symlink loop"
    if isinstance(error, OSError):
        return error.strerror or error.__class__.__name__
    return str(error)


def _file_key(path: Path) -> int | None:
    """A file's identity as one int (not a tuple of two: one is held for every file of a run),
    or None when it cannot be reached."""
    identity = file_id(path)
    return None if identity is None else (identity[0] << 64) | identity[1]
