"""Readers: every common encoding decodes; what is not an article is refused in one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.document import Article
from analyzer.errors import InputError
from analyzer.io.decoding import decode_bytes
from analyzer.io.readers import iter_articles

SAMPLE = "“The Taliban,” he said — naïve café résumé Peña. £5 €3"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]
)
def test_common_encodings_decode_exactly(encoding: str) -> None:
    assert decode_bytes(SAMPLE.encode(encoding), "x.txt") == SAMPLE


def test_cp1252_is_preferred_over_a_wrong_latin_guess() -> None:
    text = "President Enrique Peña Nieto said the ruins of Barad-dûr were naïve. " * 3
    assert decode_bytes(text.encode("cp1252"), "x.txt") == text


def test_non_latin_single_byte_text_decodes() -> None:
    text = "Талибы заявили о взятии Панджшера, сопротивление это отрицает. " * 3
    assert decode_bytes(text.encode("cp1251"), "x.txt") == text


def _items(*paths: Path) -> list[Article | InputError]:
    return list(iter_articles(paths))


def _error(item: Article | InputError) -> str:
    assert isinstance(item, InputError), f"expected an error, got {item!r}"
    message = str(item)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t \r\n", "no text (whitespace only)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "binary file (a PNG image)"),
        (b"abc\x00\x00\x01\x02def" * 20, "binary file"),
        (b"\xff\xfe" + b"a\x00b", "not valid utf-16-le"),
        (b"\xfe\xff\xd8\x00\x00a", "not valid utf-16-be"),
    ],
    ids=["empty", "whitespace", "png", "nul-bytes", "broken-utf16-le", "lone-surrogate-utf16-be"],
)
def test_bad_files_give_one_line_naming_file_and_problem(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    message = _error(_items(path)[0])
    assert message.startswith(str(path) + ": ")
    assert problem in message


def test_missing_path(tmp_path: Path) -> None:
    assert (
        _error(_items(tmp_path / "nope.txt")[0])
        == f"{tmp_path / 'nope.txt'}: no such file or folder"
    )


def test_too_large_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    [item] = iter_articles([path], max_bytes=100)
    assert "too large" in _error(item) and "--max-bytes" in _error(item)


def test_folder_without_manifest_reads_every_article_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second article text.")
    (tmp_path / "a.txt").write_text("First article text.")
    (tmp_path / ".hidden.txt").write_text("Not this one.")
    items = _items(tmp_path)
    assert [Path(i.meta.file).name for i in items if isinstance(i, Article)] == ["a.txt", "b.txt"]


def test_a_folder_is_read_in_path_order_with_subfolders_where_their_names_sort(
    tmp_path: Path,
) -> None:
    # the order of sorted(Path.rglob("*")): "a/b.txt" before "a-b.txt" before "a.txt"
    for name in ("a.txt", "a-b.txt", "a/b.txt", "a/c/d.txt", "B.txt", ".skip/x.txt", "c/.h.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Article {name}.")
    files = [Path(i.meta.file) for i in _items(tmp_path) if isinstance(i, Article)]
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "B.txt",
        "a/b.txt",
        "a/c/d.txt",
        "a-b.txt",
        "a.txt",
    ]


def test_manifest_gives_outlet_and_refuses_paths_outside_its_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The resistance held.")
    (tmp_path.parent / "secret.txt").write_text("outside")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,title\na.txt,Daily Example,Held\n../secret.txt,Evil,X\n/etc/passwd,Evil,Y\nmissing.txt,Gone,Z\n"
    )
    items = _items(tmp_path)
    assert isinstance(items[0], Article) and items[0].meta.outlet == "Daily Example"
    assert items[0].meta.title == "Held"
    assert "outside the collection folder (refused)" in _error(items[1])
    assert "outside the collection folder (refused)" in _error(items[2])
    assert "missing" in _error(items[3]) and "missing.txt" in _error(items[3])


def test_broken_csv_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "collection.csv"
    path.write_text('text,outlet\n"unterminated quote,Daily\n')
    message = _error(_items(path)[0])
    assert message.startswith(str(path)) and "malformed CSV" in message


def test_csv_collection_with_text_column(tmp_path: Path) -> None:
    path = tmp_path / "collection.csv"
    path.write_text('text,outlet\n"The militants withdrew.",Daily\n"",Empty\n')
    first, second = _items(path)
    assert isinstance(first, Article) and first.meta.outlet == "Daily"
    assert "empty 'text' cell" in _error(second)


def test_jsonl_collection_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"text": "One article.", "outlet": "A"}\nnot json\n{"no_text": 1}\n{"text": "Two."}\n'
    )
    items = _items(path)
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "Article"]
    assert "line 2" in _error(items[1])


def test_html_file_gives_its_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Valley holds</title><script>alert(1)</script></head>"
        "<body><p>The resistance held the valley on Monday, officials said.</p></body></html>"
    )
    [article] = _items(path)
    assert isinstance(article, Article)
    assert "The resistance held the valley" in article.text
    assert "alert" not in article.text


def test_a_collection_inside_a_folder_is_named_not_silently_skipped(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Officials said the rebels left the town.\n", "utf-8")
    (tmp_path / "more.jsonl").write_text('{"text": "The army said the militants fled."}\n')
    (tmp_path / "more.csv.gz").write_bytes(b"")
    (tmp_path / "storypack.csv").write_text("actor,aliases\nArmy,the army\n", "utf-8")
    heard = []
    items = list(iter_articles([tmp_path], on_warning=heard.append))
    assert [type(item) for item in items] == [Article]  # the folder's articles only
    named = sorted(str(warning) for warning in heard)
    assert len(named) == 2
    assert "more.csv.gz" in named[0] and "more.jsonl" in named[1]
    assert all("name it as an input" in text for text in named)
