"""Reader fuzzing: whatever bytes a file holds, a reader gives an article or an InputError.

Anything else escaping (UnicodeDecodeError, csv.Error, lxml's ParserError, ValueError ...) would
stop a batch of a million scraped pages at the first odd one, so each reader is fed random bytes
and bytes built from the pieces that break parsers: byte-order marks, charset declarations,
NUL bytes, unbalanced quotes and tags.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.document import Article
from analyzer.errors import InputError
from analyzer.io.decoding import decode_bytes
from analyzer.io.readers import iter_articles

#: 100 examples keep the suite fast; FRAMESCOPE_FUZZ_EXAMPLES=5000 runs a deeper search.
EXAMPLES = int(os.environ.get("FRAMESCOPE_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
TEXT_PIECES = [
    b"The militants withdrew",
    b" said officials.",
    b"\n",
    b"\r\n",
    b"\x00",
    b"\x1b[31m",
    b"\xe2\x80\x9c",
    b"\xe2\x80\x9d",
    b"\x93",
    b"\x94",
    b"\xc3\xa9",
    b"\xe9",
    b"\x81",
    b"\x9d",
    b"\xff",
    b"\xd8\x00",
    b"\x89PNG",
    b" ",
    b"\t",
    "Кабул".encode("cp1251"),
    "Кабул".encode(),
]
HTML_PIECES = [
    b"<html>",
    b"</html>",
    b"<head>",
    b"<title>",
    b"</title>",
    b"<body>",
    b"<p>",
    b"</p>",
    b"<div class='x'>",
    b"</div>",
    b"<script>alert(1)</script>",
    b"<style>p{}</style>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"<meta charset=utf-8>",
    b'<meta charset="bogus-x">',
    b"<meta charset=utf-16>",
    b"<meta charset=cp1252>",
    b"<svg><p>",
    b"<table><tr><td>",
    b"<",
    b">",
    b"&",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"<?xml version='1.0'?>",
    b"<!DOCTYPE html>",
    b"<br/>",
    b"<img src=x onerror=alert(1)>",
    b"&#xd800;",
    "\u202e".encode(),
    *TEXT_PIECES,
]
CSV_PIECES = [
    b"text",
    b"file",
    b"outlet",
    b"title",
    b",",
    b'"',
    b'""',
    b"\n",
    b"\r\n",
    b"\r",
    b"\x00",
    b"The militants withdrew.",
    b'=HYPERLINK("http://x")',
    b"+cmd",
    b"@SUM(A1)",
    b"-2+3",
    b"<html><p>Hi</p></html>",
    b"../secret.txt",
    b"/etc/passwd",
    b"a.txt",
    b"\xe9",
    b"\xef\xbb\xbf",
]
JSONL_PIECES = [
    b"{",
    b"}",
    b"[",
    b"]",
    b'"text"',
    b'"outlet"',
    b":",
    b",",
    b'"The militants withdrew."',
    b"null",
    b"1e999",
    b"NaN",
    b"-Infinity",
    b"true",
    b"\n",
    b'"\\ud800"',
    b'"\\u0000"',
    b"[" * 50,
    b"1" * 4400,
    b"\xe9",
    b'{"text": "ok"}',
    b'{"text": 5}',
    b'"<html><p>x</p></html>"',
]


def _assembled(pieces: list[bytes]) -> st.SearchStrategy[bytes]:
    built = st.builds(
        lambda bom, parts: bom + b"".join(parts),
        st.sampled_from(BOMS),
        st.lists(st.sampled_from(pieces), max_size=60),
    )
    return st.one_of(st.binary(max_size=400), built)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    # Module-scoped: hypothesis re-runs the test body, which a function-scoped tmp_path would not follow.
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _read(folder: Path, name: str, data: bytes) -> list[Article | InputError]:
    path = folder / name
    path.write_bytes(data)
    items = list(iter_articles([path], max_bytes=1_000_000))
    assert items, "a reader always yields something: an article or an error"
    for item in items:
        assert isinstance(item, Article | InputError), type(item)
        if isinstance(item, InputError):
            message = str(item)
            assert "\n" not in message and "\r" not in message, message
            # Names the file read, or (for a manifest entry) the listed file and the manifest.
            assert message.startswith(str(path)) or f"in {path.name} row" in message, message
        else:
            assert item.text.strip()
    return items


@FUZZ
@given(_assembled(TEXT_PIECES))
def test_decode_bytes_gives_text_or_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x.txt")
    except InputError as error:
        assert str(error).startswith("x.txt: ")
        return
    assert isinstance(text, str) and "\x00" not in text


@FUZZ
@given(data=_assembled(TEXT_PIECES))
def test_text_reader(folder: Path, data: bytes) -> None:
    _read(folder, "article.txt", data)


@FUZZ
@given(data=_assembled(HTML_PIECES))
def test_html_reader(folder: Path, data: bytes) -> None:
    _read(folder, "page.html", data)


#: Visible text around the markup: anything but the characters that change the parser's state.
plain = st.text(alphabet=st.characters(blacklist_characters="<>&", blacklist_categories=["Cs"]))


@FUZZ
@given(before=plain, after=plain, handler=st.sampled_from(["script", "style", "noscript"]))
def test_code_never_becomes_article_text(
    folder: Path, before: str, after: str, handler: str
) -> None:
    # With random markup the oracle is the HTML parser itself ("<!<script>" makes the script
    # visible text), so the property is checked on well-formed pages with random text around.
    page = (
        f"<html><head><title>{before}</title></head><body><p>{before}</p>"
        f"<{handler}>SECRET_PAYLOAD()</{handler}><img src=x onerror=ONERROR_PAYLOAD()>"
        f"<p>{after}</p></body></html>"
    )
    for item in _read(folder, "page.html", page.encode("utf-8")):
        if isinstance(item, Article):
            assert "SECRET_PAYLOAD" not in item.text and "ONERROR_PAYLOAD" not in item.text


@FUZZ
@given(data=_assembled(CSV_PIECES))
def test_csv_reader(folder: Path, data: bytes) -> None:
    _read(folder, "collection.csv", data)


@FUZZ
@given(data=_assembled(JSONL_PIECES))
def test_jsonl_reader(folder: Path, data: bytes) -> None:
    _read(folder, "collection.jsonl", data)


@FUZZ
@given(data=_assembled(HTML_PIECES))
def test_untyped_file_sniffed_as_html_or_text(folder: Path, data: bytes) -> None:
    _read(folder, "article", data)
