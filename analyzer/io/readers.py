"""Read articles from files, folders, manifests and CSV/JSONL collections.

Every reader either yields an :class:`~analyzer.document.Article` or an
:class:`~analyzer.errors.InputError` whose message names the file and the problem in one line.
Errors are yielded, not raised, so a batch goes on past one bad file and reports it at the end.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from analyzer.config import DEFAULT_MAX_INPUT_BYTES
from analyzer.document import Article, ArticleMeta
from analyzer.errors import InputError
from analyzer.io.decoding import decode_bytes, display_name, replace_lone_surrogates

MANIFEST_NAME = "manifest.csv"
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
META_COLUMNS = ("outlet", "title", "url", "published")

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
) -> Iterator[Item]:
    """Yield an article or an error for everything ``paths`` name, in a stable order.

    A path may be an article file (.txt, .html ...), a folder (its ``manifest.csv`` if it has one,
    else every article file inside, sorted), a manifest (a CSV with a ``file`` column), a CSV
    collection (a ``text`` column; a ``file`` column beside it only names the rows) or a JSONL
    collection (one object with ``text`` per line).
    ``outlet`` applies where no manifest or collection names one.
    """
    manifests: dict[Path, dict[Path, dict[str, str]]] = {}  # read once, not once per file
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as error:  # a name too long, a NUL in a path from Python
            yield InputError(display_name(path), f"cannot use this path ({_why(error)})")
            continue
        if is_dir:
            manifest = path / MANIFEST_NAME
            if manifest.is_file():
                yield from _read_table_collection(manifest, outlet=outlet, max_bytes=max_bytes)
            else:
                files = sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not _hidden(p, path)
                )
                if not files:
                    yield InputError(
                        display_name(path),
                        "folder holds no .txt or .html articles and no manifest.csv",
                    )
                for file in files:
                    yield read_article(
                        file,
                        ArticleMeta(file=display_name(file), outlet=outlet or "unknown"),
                        max_bytes,
                    )
        elif not exists:
            yield InputError(display_name(path), "no such file or folder")
        elif path.suffix.lower() == ".csv":
            yield from _read_table_collection(path, outlet=outlet, max_bytes=max_bytes)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _read_jsonl_collection(path, outlet=outlet, max_bytes=max_bytes)
        else:
            meta = _single_file_meta(path, outlet, max_bytes, manifests)
            yield read_article(path, meta, max_bytes)


def read_article(path: Path, meta: ArticleMeta, max_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> Item:
    """Read one article file (plain text or HTML)."""
    try:
        data = _read_bytes(path, max_bytes)
        if path.suffix.lower() in HTML_SUFFIXES:
            return article_from_html(decode_html(data, display_name(path)), meta)
        text = decode_bytes(data, display_name(path))
        if path.suffix.lower() not in TEXT_SUFFIXES and _looks_like_html(text):
            return article_from_html(text, meta)
        return article_from_text(text, meta, display_name(path))
    except InputError as error:
        return error


def article_from_text(text: str, meta: ArticleMeta, origin: str) -> Article:
    if not text.strip():
        raise InputError(origin, "no text (whitespace only)")
    return Article(text, meta)


def article_from_html(html: str, meta: ArticleMeta) -> Article:
    # Imported here: trafilatura and lxml cost ~0.4 s to import, which plain-text runs need not pay.
    from analyzer.io.html import extract_page

    page = extract_page(html)
    if not page.text.strip():
        raise InputError(meta.file or "<html>", "HTML page has no visible text")
    title = meta.title or page.title
    return Article(page.text, replace(meta, title=title), page.body_hints)


def decode_html(data: bytes, path: str) -> str:
    """Decode an HTML page: byte-order mark, then its declared ``<meta charset>``, then sniffing."""
    declared = _META_CHARSET.search(data[:4096])
    return decode_bytes(data, path, declared.group(1).decode("ascii") if declared else None)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size <= max_bytes:
            # Read at most one byte past the limit: a pipe or a device (/dev/zero) reports size
            # 0 and could otherwise fill the memory.
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
            if len(data) <= max_bytes:
                return data
            raise InputError(
                display_name(path),
                f"too large (more than the limit of {_size(max_bytes)}; raise it with --max-bytes)",
            )
        raise InputError(
            display_name(path),
            f"too large ({_size(size)}; the limit is {_size(max_bytes)}, raise it with --max-bytes)",
        )
    except IsADirectoryError as error:
        raise InputError(display_name(path), "is a folder, not a file") from error
    except PermissionError as error:
        raise InputError(display_name(path), "permission denied") from error
    except OSError as error:
        raise InputError(
            display_name(path), f"cannot read ({error.strerror or error.__class__.__name__})"
        ) from error


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


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count:,} bytes"


def _read_table_collection(path: Path, *, outlet: str | None, max_bytes: int) -> Iterator[Item]:
    """A manifest (``file`` column: paths of article files) or a collection (``text`` column)."""
    try:
        rows = _read_csv_rows(path, max_bytes)
    except InputError as error:
        yield error
        return
    header = rows[0] if rows else {}
    # The text column wins: a collection may name its articles in a 'file' column too.
    if "text" in header:
        for number, row in enumerate(rows, start=2):
            yield _row_article(f"{display_name(path)} row {number}", row, outlet)
    elif "file" in header:
        yield from _manifest_articles(path, rows, outlet=outlet, max_bytes=max_bytes)
    else:
        yield InputError(
            display_name(path),
            "CSV has neither a 'file' column (manifest) nor a 'text' column (collection)",
        )


def _read_csv_rows(path: Path, max_bytes: int) -> list[dict[str, str]]:
    text = decode_bytes(_read_bytes(path, max_bytes), display_name(path))
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


def _manifest_articles(
    manifest: Path, rows: list[dict[str, str]], *, outlet: str | None, max_bytes: int
) -> Iterator[Item]:
    folder = manifest.parent.resolve()
    for number, row in enumerate(rows, start=2):
        name = row.get("file", "")
        if not name:
            yield InputError(f"{display_name(manifest)} row {number}", "empty 'file' cell")
            continue
        try:
            candidate = (folder / name).resolve()
            outside = Path(name).is_absolute() or not candidate.is_relative_to(folder)
            present = not outside and candidate.is_file()
        except (OSError, RuntimeError, ValueError) as error:  # too long, a symlink loop
            yield InputError(
                f"{display_name(manifest)} row {number}", f"cannot use {name!r} ({_why(error)})"
            )
            continue
        if outside:
            yield InputError(
                f"{display_name(manifest)} row {number}",
                f"{name!r} is outside the collection folder (refused)",
            )
            continue
        if not present:
            yield InputError(
                display_name(manifest.parent / name),
                f"listed in {manifest.name} row {number} but missing",
            )
            continue
        meta = _meta_from_row(row, file=display_name(manifest.parent / name), outlet=outlet)
        yield read_article(candidate, meta, max_bytes)


def _row_article(origin: str, row: dict[str, str], outlet: str | None) -> Item:
    text = row.get("text", "")
    if not text.strip():
        return InputError(origin, "empty 'text' cell")
    meta = _meta_from_row(row, file=row.get("file") or origin, outlet=outlet)
    if _looks_like_html(text):
        try:
            return article_from_html(text, meta)
        except InputError as error:
            return error
    return Article(text, meta)


def _read_jsonl_collection(path: Path, *, outlet: str | None, max_bytes: int) -> Iterator[Item]:
    try:
        text = decode_bytes(_read_bytes(path, max_bytes), display_name(path))
    except InputError as error:
        yield error
        return
    records = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        records += 1
        origin = f"{display_name(path)} line {number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:  # ValueError: also a 5,000-digit number
            yield InputError(origin, f"not valid JSON ({error.__class__.__name__})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(origin, "expected an object with a string 'text' field")
            continue
        row = {
            replace_lone_surrogates(key): replace_lone_surrogates(str(value))
            for key, value in record.items()
            if isinstance(value, str | int | float)
        }
        yield _row_article(origin, row, outlet)
    if not records:
        yield InputError(display_name(path), "no records (the JSONL file has only blank lines)")


def _single_file_meta(
    path: Path,
    outlet: str | None,
    max_bytes: int,
    manifests: dict[Path, dict[Path, dict[str, str]]],
) -> ArticleMeta:
    """A file named on its own still takes outlet and title from a manifest beside it."""
    manifest = path.parent / MANIFEST_NAME
    if path.name != MANIFEST_NAME and manifest.is_file():
        if manifest not in manifests:
            manifests[manifest] = _manifest_index(manifest, max_bytes)
        try:
            row = manifests[manifest].get(path.resolve())
        except (OSError, RuntimeError):
            row = None
        if row is not None:
            return _meta_from_row(row, file=display_name(path), outlet=outlet)
    return ArticleMeta(file=display_name(path), outlet=outlet or "unknown")


def _manifest_index(manifest: Path, max_bytes: int) -> dict[Path, dict[str, str]]:
    """The manifest's rows by the resolved path of their file (first row wins)."""
    try:
        rows = _read_csv_rows(manifest, max_bytes)
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


def _why(error: Exception) -> str:
    if isinstance(error, RuntimeError):  # pathlib's report of a symlink loop
        return "symlink loop"
    if isinstance(error, OSError):
        return error.strerror or error.__class__.__name__
    return str(error)


def _meta_from_row(row: dict[str, str], *, file: str, outlet: str | None) -> ArticleMeta:
    return ArticleMeta(
        file=file,
        outlet=row.get("outlet") or outlet or "unknown",
        title=row.get("title") or None,
        url=row.get("url") or None,
        published=row.get("published") or None,
    )


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
