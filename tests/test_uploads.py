"""Uploads: files, zips and CSVs become articles; size, zip bombs and odd names are refused."""

from __future__ import annotations

import io
import tempfile
import zipfile

import pandas as pd
import pytest

from analyzer.errors import LexiconError
from analyzer.io import uploads
from analyzer.io.uploads import Upload, read_uploads, story_pack_from_table, story_pack_table
from analyzer.storypack import story_pack_from_text

ARTICLE = "Taliban fighters entered the valley on Sunday, officials said. Talks are planned.\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_text_and_html_files_become_articles_of_the_named_outlet():
    page = b"<html><head><title>Valley news</title></head><body><article><p>" + ARTICLE.encode()
    page += b"</p></article></body></html>"
    articles, errors = read_uploads(
        [Upload("one.txt", ARTICLE.encode(), "Daily A"), Upload("two.html", page, "Daily B")]
    )
    assert errors == []
    assert [(a.meta.file, a.meta.outlet) for a in articles] == [
        ("one.txt", "Daily A"),
        ("two.html", "Daily B"),
    ]
    assert articles[0].text == ARTICLE
    assert "Taliban fighters entered the valley" in articles[1].text
    assert articles[1].meta.title == "Valley news"


def test_a_csv_collection_keeps_its_outlet_column_and_falls_back_to_the_named_one():
    data = f'text,outlet\n"{ARTICLE.strip()}",Wire\n"{ARTICLE.strip()}",\n'.encode()
    articles, errors = read_uploads([Upload("batch.csv", data, "Fallback")])
    assert errors == []
    assert [a.meta.outlet for a in articles] == ["Wire", "Fallback"]
    assert all(a.meta.file.startswith("batch.csv") for a in articles)  # no temporary paths


def test_a_zipped_collection_folder_uses_its_manifest():
    data = _zip(
        {
            "news/manifest.csv": b"file,outlet,title\na.txt,Outlet A,First\nb.txt,Outlet B,Second\n",
            "news/a.txt": ARTICLE.encode(),
            "news/b.txt": ARTICLE.encode(),
            "news/storypack.csv": b"actor,aliases\nTaliban,the Taliban\n",
        }
    )
    articles, errors = read_uploads([Upload("news.zip", data)])
    assert errors == []
    assert [(a.meta.outlet, a.meta.title) for a in articles] == [
        ("Outlet A", "First"),
        ("Outlet B", "Second"),
    ]
    assert [a.meta.file for a in articles] == ["news.zip/news/a.txt", "news.zip/news/b.txt"]


def test_a_zip_without_manifest_reads_each_article_and_skips_images():
    data = _zip({"a.txt": ARTICLE.encode(), "pic.png": b"\x89PNG", "b.txt": ARTICLE.encode()})
    articles, errors = read_uploads([Upload("bundle.zip", data, "Mine")])
    assert errors == []
    assert [(a.meta.file, a.meta.outlet) for a in articles] == [
        ("bundle.zip/a.txt", "Mine"),
        ("bundle.zip/b.txt", "Mine"),
    ]


def test_path_traversal_members_are_refused_and_nothing_is_written_outside(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "scratch"))
    (tmp_path / "scratch").mkdir()
    data = _zip(
        {
            "c/manifest.csv": b"file,outlet\na.txt,A\n",
            "c/a.txt": ARTICLE.encode(),
            "../../escaped.txt": b"owned",
            "/abs.txt": b"owned",
        }
    )
    articles, errors = read_uploads([Upload("evil.zip", data)])
    assert [a.meta.outlet for a in articles] == ["A"]
    assert (
        sorted(e.problem for e in errors)
        == ["unsafe path inside the zip (absolute or '..'); refused"] * 2
    )
    assert not any(tmp_path.rglob("escaped.txt")) and not any(tmp_path.rglob("abs.txt"))
    assert list((tmp_path / "scratch").iterdir()) == []  # the unpacked copy is gone


def test_a_zip_bomb_stops_at_the_unpacked_size_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UNZIPPED_BYTES", 1_000_000)
    data = _zip(
        {"a.txt": ARTICLE.encode(), "bomb.txt": b"0" * 5_000_000, "c.txt": ARTICLE.encode()}
    )
    assert len(data) < 50_000
    articles, errors = read_uploads([Upload("bomb.zip", data)])
    assert [str(e) for e in errors] == ["bomb.zip/bomb.txt: unpacks to more than the 1.0 MB limit"]
    assert [a.meta.file for a in articles] == []  # the whole zip is suspect: nothing analysed


def test_too_large_unsupported_and_broken_uploads_get_one_clear_line_each():
    _, errors = read_uploads(
        [
            Upload("big.txt", b"word " * 1000),
            Upload("tool.exe", b"MZ\x90\x00"),
            Upload("broken.zip", b"PK\x03\x04 not really"),
            Upload("blank.txt", b"   \n\t"),
            Upload("../../etc/passwd.txt", b""),
        ],
        max_bytes=2000,
    )
    assert [str(e) for e in errors] == [
        "big.txt: too large (5.0 kB; the limit is 2.0 kB)",
        "tool.exe: unsupported file type '.exe'; upload one of .txt, .text, .md, .html, .htm, .xhtml, .csv, .zip",
        errors[2].path + ": " + errors[2].problem,
        "blank.txt: no text (whitespace only)",
        "passwd.txt: empty file",
    ]
    assert errors[2].path == "broken.zip" and errors[2].problem.startswith(
        "not a readable zip file"
    )


@pytest.mark.parametrize(
    ("members", "bad"),
    [
        ({"a.txt": ARTICLE, "a.txt/b.txt": ARTICLE}, "a.txt/b.txt"),  # a file, then a folder
        ({"a.txt/b.txt": ARTICLE, "a.txt": ARTICLE}, "a.txt"),  # a folder, then a file
        ({"x" * 300 + ".txt": ARTICLE}, "x" * 300 + ".txt"),  # too long for the file system
        ({"d" * 300 + "/a.txt": ARTICLE}, "d" * 300 + "/a.txt"),
    ],
)
def test_a_member_that_cannot_be_unpacked_gets_one_line_and_the_rest_is_read(members, bad):
    manifest = b"file,outlet\nkept.txt,Kept\n"
    data = _zip(
        {
            "manifest.csv": manifest,
            **{k: v.encode() for k, v in members.items()},
            "kept.txt": ARTICLE.encode(),
        }
    )
    articles, errors = read_uploads([Upload("class.zip", data)])
    assert [(a.meta.file, a.meta.outlet) for a in articles] == [("class.zip/kept.txt", "Kept")]
    assert [e.path for e in errors] == [f"class.zip/{bad}"]
    assert errors[0].problem.startswith("cannot unpack")
    assert "framescope-upload" not in str(errors[0])  # no server path in what the visitor sees


def test_story_pack_table_round_trips_and_rejects_a_shared_alias():
    pack = story_pack_from_text("actor,aliases,kind\nTaliban,the Taliban;Islamic Emirate,group\n")
    table = story_pack_table(pack)
    assert table.to_dict("records") == [
        {"actor": "Taliban", "aliases": "the Taliban; Islamic Emirate", "kind": "group"}
    ]
    edited = pd.concat(
        [table, pd.DataFrame([{"actor": "NRF", "aliases": "resistance", "kind": None}])]
    )
    again = story_pack_from_table(edited)
    assert [(a.name, a.aliases, a.kind) for a in again.actors] == [
        ("Taliban", ("Taliban", "the Taliban", "Islamic Emirate"), "group"),
        ("NRF", ("NRF", "resistance"), "other"),
    ]
    assert story_pack_from_table(table.iloc[0:0]) is None
    clash = pd.DataFrame(
        [{"actor": "A", "aliases": "x", "kind": ""}, {"actor": "B", "aliases": "x", "kind": ""}]
    )
    with pytest.raises(LexiconError, match="belongs to both"):
        story_pack_from_table(clash)


def test_a_pasted_article_keeps_its_outlet_and_headline():
    article = uploads.pasted_article("The talks resumed.\n", "Valley Post", "Talks resume")
    assert article.meta.outlet == "Valley Post" and article.meta.title == "Talks resume"
    assert article.meta.file == "pasted article"
    with pytest.raises(uploads.InputError, match="pasted article: no text"):
        uploads.pasted_article("  \n", "Valley Post")


def test_an_uploaded_articles_headline_is_its_title():
    articles, errors = read_uploads([Upload("a.txt", b"The talks resumed.\n", "A", "Talks")])
    assert not errors and articles[0].meta.title == "Talks"
