"""Articles from files a person uploads in the dashboard: .txt, .html, a .zip, or a CSV collection.

Uploads arrive as bytes with a name chosen by someone else, so everything is bounded: the upload's
size, a zip's member count, its total unpacked size and each member's size (read with a hard cap,
not trusted from the header, which a zip bomb fakes). Zip members are read in memory and never
written under their own names, so a member called ``../../etc/passwd`` cannot land anywhere; such
names are refused with a message. Every problem is an :class:`InputError` naming the file.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path, PurePosixPath

import pandas as pd

from analyzer.document import Article, ArticleMeta
from analyzer.errors import InputError
from analyzer.io.decoding import decode_bytes
from analyzer.io.readers import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    MANIFEST_NAME,
    article_from_html,
    article_from_text,
    decode_html,
    iter_articles,
)
from analyzer.storypack import STORYPACK_FILENAME, StoryPack, story_pack_from_text

#: One uploaded file (or zip) above this is refused: five articles are rarely above 1 MB, and a
#: classroom laptop should not spend minutes on a mistaken upload.
MAX_UPLOAD_BYTES = 20_000_000
#: A zip may unpack to at most this much in total, and hold at most this many members.
MAX_UNZIPPED_BYTES = 50_000_000
MAX_ZIP_MEMBERS = 2_000
UPLOAD_SUFFIXES = (*ARTICLE_SUFFIXES, ".csv", ".zip")


@dataclass(frozen=True, slots=True)
class Upload:
    """An uploaded file: its name as given, its bytes, and the outlet and title a person gave it.

    ``title`` is the headline of a single article (a .txt or .html); a page's own ``<title>`` is
    used where none is given. Zips and CSVs carry their titles in their manifest or columns.
    """

    name: str
    data: bytes
    outlet: str | None = None
    title: str | None = None


#: The name a pasted article goes by in messages and on the Read page.
PASTED_NAME = "pasted article"


def pasted_article(text: str, outlet: str | None, title: str | None = None) -> Article:
    """An article pasted into the dashboard, with the outlet and title typed beside it.

    Raises
    ------
    InputError
        When the box holds no text.
    """
    meta = ArticleMeta(file=PASTED_NAME, outlet=outlet or "unknown", title=title or None)
    return article_from_text(text, meta, PASTED_NAME)


def read_uploads(
    uploads: Iterable[Upload], *, max_bytes: int = MAX_UPLOAD_BYTES
) -> tuple[list[Article], list[InputError]]:
    """Articles from every upload, and one error per file that could not be read."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for upload in uploads:
        for item in iter_upload(upload, max_bytes=max_bytes):
            if isinstance(item, InputError):
                errors.append(item)
            else:
                articles.append(item)
    return articles, errors


def iter_upload(
    upload: Upload, *, max_bytes: int = MAX_UPLOAD_BYTES
) -> Iterator[Article | InputError]:
    """The articles of one upload, or errors; a bad member of a zip never hides the rest."""
    name = _display_name(upload.name)
    if len(upload.data) > max_bytes:
        yield InputError(
            name,
            f"too large ({_size(len(upload.data))}; the limit is {_size(max_bytes)})",
        )
        return
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        yield from _zip_articles(name, upload.data, upload.outlet)
    elif suffix == ".csv":
        yield from _csv_articles(name, upload.data, upload.outlet, max_bytes)
    elif suffix in ARTICLE_SUFFIXES:
        yield _file_article(name, upload.data, upload.outlet, upload.title)
    else:
        allowed = ", ".join(UPLOAD_SUFFIXES)
        yield InputError(
            name, f"unsupported file type {suffix or '(none)'!r}; upload one of {allowed}"
        )


def _file_article(
    name: str, data: bytes, outlet: str | None, title: str | None = None
) -> Article | InputError:
    meta = ArticleMeta(file=name, outlet=outlet or "unknown", title=title or None)
    try:
        if PurePosixPath(name).suffix.lower() in HTML_SUFFIXES:
            return article_from_html(decode_html(data, name), meta)
        return article_from_text(decode_bytes(data, name), meta, name)
    except InputError as error:
        return error


def _csv_articles(
    name: str, data: bytes, outlet: str | None, max_bytes: int
) -> Iterator[Article | InputError]:
    """A CSV collection (a ``text`` column), read by the same reader the command line uses."""
    with tempfile.TemporaryDirectory(prefix="framescope-upload-") as folder:
        path = Path(folder) / "collection.csv"  # our name, never the uploader's
        path.write_bytes(data)
        for item in iter_articles([path], outlet=outlet, max_bytes=max_bytes):
            if isinstance(item, InputError):
                yield InputError(item.path.replace(str(path), name), item.problem)
            else:
                file = (item.meta.file or "").replace(str(path), name)
                yield replace(item, meta=_with_file(item.meta, file))


def _zip_articles(name: str, data: bytes, outlet: str | None) -> Iterator[Article | InputError]:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        yield InputError(name, f"not a readable zip file ({error})")
        return
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            yield InputError(
                name, f"zip holds {len(members)} files; the limit is {MAX_ZIP_MEMBERS}"
            )
            return
        contents: dict[str, bytes] = {}
        budget = MAX_UNZIPPED_BYTES
        for info in members:
            problem = _member_problem(info.filename)
            suffix = PurePosixPath(info.filename).suffix.lower()
            if problem:
                yield InputError(f"{name}/{info.filename}", problem)
            elif suffix in (*ARTICLE_SUFFIXES, ".csv"):  # skip the images of saved pages
                try:
                    contents[info.filename] = _read_member(archive, info, budget)
                except InputError as error:
                    yield InputError(f"{name}/{info.filename}", error.problem)
                    return  # a member over the bound: the zip as a whole is suspect
                budget -= len(contents[info.filename])
    manifests = sorted(m for m in contents if PurePosixPath(m).name == MANIFEST_NAME)
    if manifests:
        yield from _folder_articles(name, contents, PurePosixPath(manifests[0]).parent, outlet)
        return
    for member, content in contents.items():
        label = f"{name}/{member}"
        if PurePosixPath(member).name == STORYPACK_FILENAME:
            continue  # actors, not articles: the dashboard's story-pack editor takes those
        if member.lower().endswith(".csv"):
            yield from _csv_articles(label, content, outlet, MAX_UPLOAD_BYTES)
        else:
            yield _file_article(label, content, outlet)


def _folder_articles(
    name: str, contents: dict[str, bytes], root: PurePosixPath, outlet: str | None
) -> Iterator[Article | InputError]:
    """A zipped collection folder with a manifest: unpacked (checked names only) and read as such.

    A member that cannot be unpacked (a name too long for the file system, or ``a.txt`` beside
    ``a.txt/b.txt``) gets one error naming it; the others are read.
    """
    with tempfile.TemporaryDirectory(prefix="framescope-upload-") as folder:
        base = Path(folder)
        for member, content in contents.items():
            problem = _unpack(base, member, content)
            if problem:
                yield InputError(f"{name}/{member}", problem)
        prefix = str(base)
        for item in iter_articles([base.joinpath(*root.parts)], outlet=outlet):
            if isinstance(item, InputError):
                # Server paths never reach the person who uploaded: our folder becomes the zip.
                yield InputError(
                    item.path.replace(prefix, name), item.problem.replace(prefix, name)
                )
            else:
                file = (item.meta.file or "").replace(prefix, name)
                yield replace(item, meta=_with_file(item.meta, file))


def _unpack(base: Path, member: str, content: bytes) -> str | None:
    """Write one member under ``base``; the reason it cannot be, without the server's paths."""
    target = base.joinpath(*PurePosixPath(member).parts)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    except (FileExistsError, NotADirectoryError, IsADirectoryError):
        return "cannot unpack: a file and a folder in the zip have the same name; skipped"
    except OSError as error:
        return f"cannot unpack ({error.strerror or error.__class__.__name__}); skipped"
    return None


def _member_problem(filename: str) -> str | None:
    path = PurePosixPath(filename.replace("\\", "/"))
    drive_letter = bool(path.parts) and ":" in path.parts[0]
    if not path.parts or path.is_absolute() or ".." in path.parts or drive_letter:
        return "unsafe path inside the zip (absolute or '..'); refused"
    if any(part.startswith(".") or part == "__MACOSX" for part in path.parts):
        return "hidden or system file inside the zip; skipped"
    return None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Read at most ``budget`` bytes, whatever the header claims (zip bombs lie about sizes)."""
    if info.file_size > budget:
        raise InputError(
            info.filename, f"unpacks to more than the {_size(MAX_UNZIPPED_BYTES)} limit"
        )
    try:
        with archive.open(info) as stream:
            content = stream.read(budget + 1)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as error:
        raise InputError(info.filename, f"cannot unpack ({error})") from error
    if len(content) > budget:
        raise InputError(
            info.filename, f"unpacks to more than the {_size(MAX_UNZIPPED_BYTES)} limit"
        )
    return content


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1_000_000 else f"{n / 1e3:.1f} kB"


def _display_name(name: str) -> str:
    """The uploaded file's base name: a browser sends no folders, but a script might."""
    return PurePosixPath(name.replace("\\", "/")).name or "upload"


def _with_file(meta: ArticleMeta, file: str) -> ArticleMeta:
    return replace(meta, file=file)


def story_pack_table(pack: StoryPack | None) -> pd.DataFrame:
    """The story pack as an editable table: actor, aliases (``;``-separated), kind."""
    rows = [
        {"actor": a.name, "aliases": "; ".join(x for x in a.aliases if x != a.name), "kind": a.kind}
        for a in (pack.actors if pack else ())
    ]
    return pd.DataFrame(rows, columns=["actor", "aliases", "kind"])


def story_pack_from_table(table: pd.DataFrame, *, name: str = "edited") -> StoryPack | None:
    """The edited table back as a validated story pack (None when it has no actors).

    Raises :class:`~analyzer.errors.LexiconError` with a readable message on a bad row (an alias
    claimed by two actors, an unknown kind).
    """
    table = table.fillna("")
    table = table[table["actor"].astype(str).str.strip() != ""]
    if table.empty:
        return None
    buffer = io.StringIO()
    table[["actor", "aliases", "kind"]].astype(str).to_csv(buffer, index=False)
    return story_pack_from_text(buffer.getvalue(), name=name)
