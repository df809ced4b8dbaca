"""Bad files end to end through ``framescope score`` / ``explain``, as a user meets them.

Each bad input sits in a batch beside a good article. What a user relies on: one error line
naming the file and the problem, the good article still scored and written, exit code 1 and a
summary saying what failed. Inputs that are odd but readable (mixed encodings, broken HTML,
HTML with scripts) are scored, and their text comes out right.
"""

from __future__ import annotations

import csv
import json
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.io.writers import read_csv

from .conftest import ROOT, SEEDS

GOOD = SEEDS / "003_9b56ff62a0c6ad38.txt"
ERROR_PREFIX = "framescope: error: "


def _png() -> bytes:
    """A real 1x1 PNG image, built here so no binary fixture is needed."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _score(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *inputs: Path, extra: tuple[str, ...] = ()
) -> tuple[int, list[dict[str, str]], list[str], str]:
    out = tmp_path / "scorecard.csv"
    code = main(["score", *map(str, inputs), "-o", str(out), "-q", *extra])
    err = capsys.readouterr().err
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    errors = [line for line in err.splitlines() if line.startswith(ERROR_PREFIX)]
    return code, rows, errors, err


def _good(tmp_path: Path) -> Path:
    good = tmp_path / "good.txt"
    shutil.copy(GOOD, good)
    return good


REFUSED = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t \r\n  \n", "no text (whitespace only)"),
    ("photo.png", _png(), "binary file (a PNG image), not text"),
    ("renamed-photo.txt", _png(), "binary file (a PNG image), not text"),
    ("nul.txt", b"The militants withdrew\x00 on Monday, officials said.", "contains NUL bytes"),
    ("utf16-nul.txt", b"\xff\xfeT\x00h\x00\x00\x00e\x00", "contains NUL bytes"),
    ("bad-bom.txt", b"\xff\xfe\x00\xd8a\x00", "not valid utf-16-le"),
    (
        "controls.txt",
        b"Militants\x01\x02\x03\x04 withdrew.\x05\x06",
        "binary file (control characters)",
    ),
    ("undecodable.txt", bytes(range(128, 256)) * 5, "cannot tell the text encoding"),
    ("scripts-only.html", b"<html><script>alert(1)</script><p> </p></html>", "no visible text"),
    ("no-column.csv", b"headline,outlet\nMilitants withdrew,Daily\n", "neither a 'file' column"),
    ("broken.csv", b'text,outlet\n"unterminated,Daily\n', "malformed CSV"),
    ("header-only.csv", b"text,outlet\n", "CSV has a header but no rows"),
    ("blank.jsonl", b"\n  \n", "no records"),
    ("huge-number.jsonl", b'{"text": "Militants withdrew.", "n": ' + b"1" * 5000 + b"}", "line 1"),
]


@pytest.mark.parametrize(
    ("name", "content", "problem"), REFUSED, ids=[name for name, _, _ in REFUSED]
)
def test_refused_input_gives_one_line_and_the_batch_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    code, rows, errors, err = _score(capsys, tmp_path, _good(tmp_path), bad)
    assert code == 1
    assert [Path(row["file"]).name for row in rows] == ["good.txt"]
    assert errors == [f"{ERROR_PREFIX}{bad}: {problem}"] or (
        len(errors) == 1 and errors[0].startswith(f"{ERROR_PREFIX}{bad}") and problem in errors[0]
    ), err
    assert "scored 1 of 2 inputs; 1 failed:" in err
    assert f"  - {bad}" in err, "the summary lists the failed file again"


def test_fifty_megabyte_text_is_refused_quickly_with_the_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:
        handle.write(b"The militants withdrew, officials said. " * 1_250_000)
    assert big.stat().st_size == 50_000_000
    code, rows, errors, _ = _score(capsys, tmp_path, _good(tmp_path), big)
    assert code == 1 and len(rows) == 1
    assert errors == [
        f"{ERROR_PREFIX}{big}: too large (50.0 MB; the limit is 10.0 MB, raise it with --max-bytes)"
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_cut_off_at_the_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # /dev/zero reports size 0, so only a bounded read stops it from filling the memory.
    code, rows, errors, _ = _score(
        capsys, tmp_path, Path("/dev/zero"), extra=("--max-bytes", "1000")
    )
    assert code == 1 and rows == []
    assert errors == [
        f"{ERROR_PREFIX}/dev/zero: too large (more than the limit of 1,000 bytes; "
        "raise it with --max-bytes)"
    ]


def test_max_bytes_is_configurable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = _good(tmp_path)
    size = good.stat().st_size
    code, rows, errors, _ = _score(capsys, tmp_path, good, extra=("--max-bytes", str(size - 1)))
    assert code == 1 and rows == [] and "too large" in errors[0]
    code, rows, errors, _ = _score(capsys, tmp_path, good, extra=("--max-bytes", str(size)))
    assert code == 0 and len(rows) == 1 and errors == []


def test_manifest_refuses_missing_files_and_paths_outside_its_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "collection"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    (tmp_path / "secret.txt").write_text("Private notes outside the collection.")
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "manifest.csv").write_text(
        "file,outlet\ngood.txt,Daily\n../secret.txt,Evil\n/etc/passwd,Evil\n"
        "link.txt,Evil\nmissing.txt,Gone\n",
        encoding="utf-8",
    )
    code, rows, errors, err = _score(capsys, tmp_path, folder)
    assert code == 1
    assert [(Path(r["file"]).name, r["outlet"]) for r in rows] == [("good.txt", "Daily")]
    manifest = folder / "manifest.csv"
    assert errors == [
        f"{ERROR_PREFIX}{manifest} row 3: '../secret.txt' is outside the collection folder (refused)",
        f"{ERROR_PREFIX}{manifest} row 4: '/etc/passwd' is outside the collection folder (refused)",
        f"{ERROR_PREFIX}{manifest} row 5: 'link.txt' is outside the collection folder (refused)",
        f"{ERROR_PREFIX}{folder / 'missing.txt'}: listed in manifest.csv row 6 but missing",
    ]
    assert "scored 1 of 5 inputs; 4 failed" in err
    assert "Private notes" not in json.dumps(rows)


def test_unusable_manifest_paths_are_reported_per_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # pathlib raises OSError (name too long) and RuntimeError (symlink loop) for these; either
    # used to escape the reader and end the whole run.
    folder = tmp_path / "collection"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    long_name = "a" * 300 + ".txt"
    (folder / "manifest.csv").write_text(
        f"file,outlet\n{long_name},X\nloop.txt,Y\ngood.txt,Daily\n", encoding="utf-8"
    )
    code, rows, errors, err = _score(capsys, tmp_path, folder, folder / "loop.txt")
    assert code == 1
    assert [(Path(r["file"]).name, r["outlet"]) for r in rows] == [("good.txt", "Daily")]
    manifest = folder / "manifest.csv"
    assert errors == [
        f"{ERROR_PREFIX}{manifest} row 2: cannot use {long_name!r} (File name too long)",
        f"{ERROR_PREFIX}{manifest} row 3: cannot use 'loop.txt' (symlink loop)",
        f"{ERROR_PREFIX}{folder / 'loop.txt'}: no such file or folder",
    ]
    assert "scored 1 of 4 inputs; 3 failed" in err


def test_csv_cell_longer_than_the_csv_module_default_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    collection = tmp_path / "collection.csv"
    with collection.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "outlet"])
        writer.writerow(["The militants withdrew, officials said. " * 5_000, "Live blog"])
        writer.writerow(["A short article.", "Brief"])
    code, rows, errors, _ = _score(capsys, tmp_path, collection)
    assert code == 0 and errors == []
    assert [row["outlet"] for row in rows] == ["Live blog", "Brief"]


def test_text_opening_with_many_html_comments_does_not_hang(tmp_path: Path) -> None:
    # The HTML sniffing regex used to take time doubling with each "<!---->": 40 of them at the
    # top of a CSV cell stalled the whole batch. A subprocess with a timeout keeps a regression
    # from hanging the test suite.
    collection = tmp_path / "collection.csv"
    collection.write_text(
        "text,outlet\n" + "<!---->" * 40 + " The militants withdrew.,Daily\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "analyzer.cli", "score", str(collection), "-o",
         str(tmp_path / "out.csv"), "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Daily" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_folder_without_articles_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "photos"
    empty.mkdir()
    (empty / "cover.png").write_bytes(_png())
    code, rows, errors, _ = _score(capsys, tmp_path, _good(tmp_path), empty)
    assert code == 1 and len(rows) == 1
    assert errors == [
        f"{ERROR_PREFIX}{empty}: folder holds no .txt or .html articles and no manifest.csv"
    ]


def test_mixed_and_undeclared_encodings_are_read_right(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(
        "The café reopened in Kabul, officials said.\n".encode()
        + "Critics called the plan naïve — “a stunt”, reportedly.\n".encode("cp1252")
    )
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Peña said the “militants” withdrew from the valley.\n".encode("cp1252"))
    page = tmp_path / "undeclared.html"
    page.write_bytes("<html><body><p>Résumé of the talks in Bazarak.</p></body></html>".encode())
    code = main(["explain", "--json", str(mixed), str(legacy), str(page)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    texts = [article["text"] for article in json.loads(captured.out)]
    assert "café" in texts[0] and "naïve — “a stunt”" in texts[0]
    assert "Peña said the “militants”" in texts[1]
    assert "Résumé of the talks in Bazarak." in texts[2]


@pytest.mark.parametrize(
    ("label", "encoding"),
    [
        ("iso-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("utf-16", "utf-8"),
        ("iso-8859-1", "utf-8"),
    ],
    ids=[
        "latin1-label-cp1252-quotes",
        "ascii-label-cp1252",
        "utf16-label-utf8",
        "stale-label-utf8",
    ],
)
def test_html_charset_labels_are_read_as_a_browser_reads_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, label: str, encoding: str
) -> None:
    page = tmp_path / "page.html"
    body = "\u201cThey are terrorists,\u201d Pe\u00f1a said of the militants in the valley."
    page.write_bytes(
        f'<html><head><meta charset="{label}"></head><body><p>{body}</p></body></html>'.encode(
            encoding
        )
    )
    code = main(["explain", "--json", str(page)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    [article] = json.loads(captured.out)
    assert body in article["text"]
    assert any(span["signal"] == "quote" for span in article["spans"]), "curly quotes survive"


def test_utf7_label_is_not_obeyed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # UTF-7 smuggled markup past filters; no browser decodes it any more, nor does framescope.
    page = tmp_path / "utf7.html"
    page.write_bytes(
        b'<html><head><meta charset="utf-7"></head><body><p>The militants withdrew. '
        b"+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p></body></html>"
    )
    code = main(["explain", "--json", str(page)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    [article] = json.loads(captured.out)
    assert "+ADw-script+AD4-alert(1)" in article["text"] and "<script" not in article["text"]


def test_malformed_html_and_html_with_scripts_are_scored_without_the_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><head><title>Valley</title><body><div><p>The resistance held the valley"
        "<p>Officials said the talks failed.</div></span></td><b><i>Unclosed",
        encoding="utf-8",
    )
    scripted = tmp_path / "scripted.html"
    scripted.write_text(
        "<html><head><script>document.write('INJECTED')</script></head><body>"
        "<p>The militants withdrew on Monday, officials said.</p>"
        "<img src=x onerror=\"alert('ONERROR')\"><a href=\"javascript:alert('JSLINK')\">more</a>"
        "<style>p { color: red }</style><noscript>NOSCRIPT</noscript></body></html>",
        encoding="utf-8",
    )
    code = main(["explain", "--json", str(broken), str(scripted)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    first, second = (article["text"] for article in json.loads(captured.out))
    assert "The resistance held the valley" in first and "the talks failed" in first
    assert "The militants withdrew on Monday" in second
    for payload in ("INJECTED", "ONERROR", "JSLINK", "color: red", "NOSCRIPT", "<"):
        assert payload not in second


FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "-2+3",
]


def test_formula_payloads_come_out_inert_in_the_scorecard(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    collection = tmp_path / "collection.csv"
    with collection.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "outlet", "title", "url", "published", "text"])
        for payload in FORMULAS:
            writer.writerow(
                [payload, payload, payload, payload, payload, "The militants withdrew."]
            )
    out = tmp_path / "scorecard.csv"
    outlets = tmp_path / "outlets.csv"
    code = main(["score", str(collection), "-o", str(out), "--by-outlet", str(outlets), "-q"])
    assert code == 0, capsys.readouterr().err
    for path, text_columns in [
        (out, ("file", "outlet", "title", "url", "published")),
        (outlets, ("outlet",)),
    ]:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(FORMULAS)
        for row in rows:
            for column in text_columns:
                cell = row[column]
                assert cell.startswith("'") and cell[1:] in FORMULAS, (column, cell)
    # Escaping is undone exactly when the scorecard is read back with framescope's reader.
    frame = read_csv(out)
    assert sorted(frame["title"]) == sorted(FORMULAS)
    assert sorted(frame["outlet"]) == sorted(FORMULAS)


def test_explain_escapes_terminal_control_sequences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "ansi\x1b[31m.txt"
    article.write_text(
        "The militants \x1b[2J\x1b]0;owned\x07withdrew, officials said.\n\n"
        "A second \x9b31mparagraph \u202emay\u202c follow\x08\x08.\n\n" + GOOD.read_text("utf-8"),
        encoding="utf-8",
    )
    code = main(["explain", str(article)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    view = captured.out
    for raw in ("\x1b", "\x07", "\x9b", "\x08", "\u202e"):
        assert raw not in view, repr(raw)
    assert "ansi\\x1b[31m.txt" in view, "the file name is shown, escaped"
    assert "The militants \\x1b[2J\\x1b]0;owned\\x07withdrew" in view
    assert "\\x9b31mparagraph \\u202e" in view


def test_error_lines_stay_one_line_and_inert_for_hostile_file_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hostile = tmp_path / "a\nb\x1b[31m.txt"
    hostile.write_bytes(b"")
    code, _, errors, err = _score(capsys, tmp_path, _good(tmp_path), hostile)
    assert code == 1
    assert errors == [f"{ERROR_PREFIX}{tmp_path}/a\\nb\\x1b[31m.txt: empty file"]
    assert "\x1b" not in err


def test_file_name_that_is_not_utf8_is_scored_and_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Linux allows any bytes in a name; Python hands them over as lone surrogates, which used to
    # crash the scorecard writer and lose the whole batch.
    odd = Path(bytes(tmp_path).decode() + "/caf\udce9.txt")
    odd.write_bytes(GOOD.read_bytes())
    code, rows, errors, _ = _score(capsys, tmp_path, _good(tmp_path), odd)
    assert code == 0 and errors == []
    assert sorted(Path(row["file"]).name for row in rows) == ["caf\\xe9.txt", "good.txt"]


def test_jsonl_lone_surrogates_do_not_crash_the_writer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    collection = tmp_path / "c.jsonl"
    collection.write_text(
        '{"text": "The militants withdrew \\ud83d.", "outlet": "Daily \\udc00 News"}\n{not json}\n',
        encoding="utf-8",
    )
    code, rows, errors, err = _score(capsys, tmp_path, collection)
    assert code == 1
    assert [row["outlet"] for row in rows] == ["Daily \ufffd News"]
    assert errors == [f"{ERROR_PREFIX}{collection} line 2: not valid JSON (JSONDecodeError)"]
    assert "scored 1 of 2 inputs; 1 failed" in err


def test_explain_reports_bad_inputs_the_same_way(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["explain", str(_good(tmp_path)), str(empty)])
    captured = capsys.readouterr()
    assert code == 1
    assert "Scores:" in captured.out
    assert f"{ERROR_PREFIX}{empty}: empty file" in captured.err.splitlines()
    assert "scored 1 of 2 inputs; 1 failed" in captured.err


def test_html_with_nul_and_control_bytes_is_read_with_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "nul.html"
    page.write_bytes(
        b"<html><head><title>Valley</title></head><body>\x00<p>The militants\x00 withdrew on "
        b"Monday,\x01 officials said.</p>\x00\x1b</body></html>"
    )
    code, rows, errors, err = _score(capsys, tmp_path, _good(tmp_path), page)
    assert code == 0 and not errors, err
    assert [Path(row["file"]).name for row in rows] == ["good.txt", "nul.html"]
    warnings = [line for line in err.splitlines() if f"{page}: dropped" in line]
    assert len(warnings) == 1 and "5 NUL byte(s) and control character(s)" in warnings[0], err
    code = main(["explain", "--json", str(page)])
    text = json.loads(capsys.readouterr().out)[0]["text"]
    assert text == "The militants withdrew on Monday, officials said."


def test_html_that_is_mostly_nul_bytes_is_still_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "binary.html"
    page.write_bytes(b"<html><p>x</p>" + b"\x00\x07" * 200 + b"</html>")
    code, rows, errors, err = _score(capsys, tmp_path, _good(tmp_path), page)
    assert code == 1
    assert [Path(row["file"]).name for row in rows] == ["good.txt"]
    assert errors == [f"{ERROR_PREFIX}{page}: binary file (contains NUL bytes), not text"], err
