"""Outputs, duplicates, streams and special files, end to end through ``framescope``.

What a user relies on: an output never overwrites an input or another output of the run (it is
refused in one line, exit 2, before any work, so every file stays as it was); an article reached
twice is scored once, with a warning; a pipe, socket, symlink loop or deep HTML page is reported
or read, and never hangs the batch or drops text silently; ``-`` reads standard input and
``-o -`` writes the scorecard to standard output with every message on standard error.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from analyzer.cli import main

from .conftest import ROOT, SEEDS

GOOD = SEEDS / "003_9b56ff62a0c6ad38.txt"
OTHER = SEEDS / "000_ef08fac22bf965a9.txt"
ERROR_PREFIX = "framescope: error: "
WARNING_PREFIX = "framescope: warning: "

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pipes, sockets and links")


def _tree(root: Path) -> dict[str, Path]:
    """Loose articles, a collection with a manifest and story pack, a JSONL collection."""
    coll = root / "coll"
    coll.mkdir()
    shutil.copy(GOOD, root / "a.txt")
    shutil.copy(OTHER, root / "b.txt")
    shutil.copy(GOOD, coll / "one.txt")
    shutil.copy(OTHER, coll / "two.txt")
    (coll / "manifest.csv").write_text("file,outlet\none.txt,Daily\ntwo.txt,Weekly\n")
    (coll / "storypack.csv").write_text("actor,aliases\nTaliban,Taleban\n")
    (root / "c.jsonl").write_text(json.dumps({"text": "The militants withdrew.", "outlet": "X"}))
    (root / "pack.csv").write_text("actor,aliases\nTaliban,Taleban\n")
    return {"root": root, "coll": coll}


def _snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file under ``root``: its bytes, or where a symlink points."""
    return {
        str(path.relative_to(root)): os.readlink(path) if path.is_symlink() else path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_symlink() or path.is_file()
    }


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- outputs that would overwrite an input: refused before any work --------------------------

#: (case, inputs, output) relative to the tree; the output is given to -o.
OVERWRITES = [
    ("an article", ["a.txt", "b.txt"], "a.txt"),
    ("a folder's manifest", ["coll"], "coll/manifest.csv"),
    ("the manifest itself", ["coll/manifest.csv"], "coll/manifest.csv"),
    ("the manifest beside a file", ["coll/one.txt"], "coll/manifest.csv"),
    ("an article a manifest lists", ["coll"], "coll/two.txt"),
    ("the story pack found beside", ["coll"], "coll/storypack.csv"),
    ("a JSONL collection", ["c.jsonl", "a.txt"], "c.jsonl"),
]


@pytest.mark.parametrize(
    ("inputs", "output"),
    [(inputs, output) for _, inputs, output in OVERWRITES],
    ids=[case for case, _, _ in OVERWRITES],
)
def test_output_that_is_an_input_is_refused_before_any_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, inputs: list[str], output: str
) -> None:
    root = _tree(tmp_path)["root"]
    before = _snapshot(root)
    code, out, err = _run(capsys, "score", *(root / p for p in inputs), "-o", root / output)
    assert code == 2
    assert err.splitlines() == [
        f"{ERROR_PREFIX}{root / output}: -o would overwrite an input of this run; "
        "nothing was written"
    ]
    assert out == ""
    assert _snapshot(root) == before, "every file is as it was"


def test_output_reaching_an_input_through_a_symlink_or_hard_link_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = _tree(tmp_path)["root"]
    (root / "link.csv").symlink_to(root / "a.txt")
    os.link(root / "a.txt", root / "hard.csv")
    before = _snapshot(root)
    for output in ("link.csv", "hard.csv"):
        code, _, err = _run(capsys, "score", root / "a.txt", "-o", root / output)
        assert code == 2
        assert err.splitlines() == [
            f"{ERROR_PREFIX}{root / output}: -o would overwrite an input of this run "
            f"({root / 'a.txt'}); nothing was written"
        ]
    code, _, err = _run(capsys, "score", root / "a.txt", "--story-pack", root / "pack.csv",
                        "-o", root / "out.csv", "--labels", root / "pack.csv")  # fmt: skip
    assert code == 2 and "--labels would overwrite an input" in err
    assert _snapshot(root) == before


@pytest.mark.parametrize(
    "outputs",
    [
        ["-o", "x.csv", "--by-outlet", "x.csv", "--labels", "x.csv"],
        ["-o", "x.csv", "--sources", "sub/../x.csv"],
        ["-o", "-", "--by-outlet", "-"],
    ],
    ids=["three tables to one file", "two spellings", "two tables to standard output"],
)
def test_one_file_for_two_outputs_is_refused(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    outputs: list[str],
) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(GOOD, tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "score", "a.txt", *outputs)
    assert code == 2 and out == ""
    [line] = err.splitlines()
    assert line.startswith(ERROR_PREFIX) and "given to both -o and" in line, line
    assert not (tmp_path / "x.csv").exists()


def test_other_commands_refuse_overwriting_their_inputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = _tree(tmp_path)["root"]
    (root / "out").mkdir()
    (root / "out" / "scorecard.csv").write_text("text\nThe militants withdrew.\n")
    before = _snapshot(root)
    for argv, output, option in [
        (["worksheet", root / "coll", "-o", root / "coll" / "one.txt"], "coll/one.txt", "-o"),
        (["worksheet", root / "coll", "-o", root / "w.html", "--answers", root / "coll/two.txt"],
         "coll/two.txt", "--answers"),
        (["storypack", "suggest", root / "coll", "-o", root / "coll" / "storypack.csv"],
         "coll/storypack.csv", "-o"),
        (["dashboard", root / "out" / "scorecard.csv", "--out", root / "out"],
         "out/scorecard.csv", "--out"),
    ]:  # fmt: skip
        code, _, err = _run(capsys, *argv)
        assert code == 2, argv
        assert err.splitlines() == [
            f"{ERROR_PREFIX}{root / output}: {option} would overwrite an input of this run; "
            "nothing was written"
        ]
    code, _, err = _run(capsys, "worksheet", root / "coll", "-o", root / "w.html",
                        "--answers", root / "w.html")  # fmt: skip
    assert code == 2 and "given to both -o and --answers" in err
    assert _snapshot(root) == before


def test_output_through_a_symlink_writes_the_target_and_keeps_the_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(GOOD, tmp_path / "a.txt")
    (tmp_path / "results").mkdir()
    target = tmp_path / "results" / "scorecard.csv"
    target.write_text("old scorecard\n")
    link = tmp_path / "latest.csv"
    link.symlink_to(target)
    code, _, _ = _run(capsys, "score", tmp_path / "a.txt", "-o", link, "-q")
    assert code == 0
    assert link.is_symlink() and link.resolve() == target
    assert [Path(row["file"]).name for row in _rows(target)] == ["a.txt"]


# --- the same article twice: scored once, with a warning -------------------------------------


def test_article_reached_twice_is_scored_once_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    coll = _tree(tmp_path)["coll"]
    a = tmp_path / "a.txt"
    (tmp_path / "link.txt").symlink_to(a)
    os.link(a, tmp_path / "hard.txt")
    (coll / "manifest.csv").write_text(
        "file,outlet\none.txt,Daily\ntwo.txt,Weekly\none.txt,Daily\n"
    )
    out, outlets = tmp_path / "scores.csv", tmp_path / "outlets.csv"
    code, _, err = _run(capsys, "score", a, a, tmp_path / "link.txt", tmp_path / "hard.txt",
                        coll, coll / "one.txt", tmp_path / "c.jsonl", tmp_path / "c.jsonl",
                        "-o", out, "--by-outlet", outlets, "-q")  # fmt: skip
    assert code == 0, err
    assert [line for line in err.splitlines() if line.startswith(WARNING_PREFIX)] == [
        f"{WARNING_PREFIX}{a}: listed twice (scored once)",
        f"{WARNING_PREFIX}{tmp_path / 'link.txt'}: same file as {a} (scored once)",
        f"{WARNING_PREFIX}{tmp_path / 'hard.txt'}: same file as {a} (scored once)",
        f"{WARNING_PREFIX}{coll / 'manifest.csv'} row 4: listed twice (scored once)",
        f"{WARNING_PREFIX}{coll / 'one.txt'}: listed twice (scored once)",
        f"{WARNING_PREFIX}{tmp_path / 'c.jsonl'}: listed twice (scored once)",
    ]
    assert [row["file"] for row in _rows(out)] == [
        str(a), str(coll / "one.txt"), str(coll / "two.txt"), f"{tmp_path / 'c.jsonl'} line 1"
    ]  # fmt: skip
    counts = {row["outlet"]: row["articles"] for row in _rows(outlets)}
    assert counts == {"unknown": "1", "Daily": "1", "Weekly": "1", "X": "1"}


def test_explain_and_storypack_suggest_warn_about_duplicates_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a = tmp_path / "a.txt"
    shutil.copy(GOOD, a)
    code, out, err = _run(capsys, "explain", a, a, "--json")
    assert code == 0 and len(json.loads(out)) == 1
    assert err.splitlines() == [f"{WARNING_PREFIX}{a}: listed twice (scored once)"]
    code, _, err = _run(capsys, "storypack", "suggest", a, a, "-o", tmp_path / "pack.csv")
    assert code == 0 and f"{WARNING_PREFIX}{a}: listed twice (scored once)" in err.splitlines()


# --- what a folder holds that cannot be read: said, not skipped silently ---------------------


def test_folder_reports_loops_broken_links_links_outside_pipes_and_sockets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "f"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(GOOD, folder / "good.txt")
    (tmp_path / "secret.txt").write_text("Private notes outside the folder.")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "broken.txt").symlink_to("gone.txt")
    (folder / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "inside.txt").symlink_to("sub/real.txt")
    shutil.copy(OTHER, folder / "sub" / "real.txt")
    os.mkfifo(folder / "sub" / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "sub" / "sock.txt"))
        code, _, err = _run(capsys, "score", folder, "-o", tmp_path / "out.csv", "-q")
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith(ERROR_PREFIX)] == [
        f"{ERROR_PREFIX}{folder / 'broken.txt'}: broken symlink (its target is missing)",
        f"{ERROR_PREFIX}{folder / 'loop.txt'}: symlink loop",
        f"{ERROR_PREFIX}{folder / 'outside.txt'}: symlink to a file outside the folder (refused)",
        f"{ERROR_PREFIX}{folder / 'sub' / 'pipe.txt'}: not a regular file (a named pipe)",
        f"{ERROR_PREFIX}{folder / 'sub' / 'sock.txt'}: not a regular file (a socket)",
    ]
    assert f"{WARNING_PREFIX}{folder / 'sub' / 'real.txt'}: same file as " in err
    rows = _rows(tmp_path / "out.csv")
    assert [Path(row["file"]).name for row in rows] == ["good.txt", "inside.txt"]
    assert "Private notes" not in json.dumps(rows)


# --- pipes, sockets and odd option values: no hang, no traceback -----------------------------


def test_named_pipe_with_no_writer_does_not_hang_the_batch(tmp_path: Path) -> None:
    # A plain open() of a FIFO waits for a writer, forever if none comes; a subprocess with a
    # timeout keeps a regression from hanging the suite.
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    shutil.copy(GOOD, tmp_path / "good.txt")
    done = subprocess.run(
        [sys.executable, "-m", "analyzer.cli", "score", str(pipe), str(tmp_path / "good.txt"),
         "-o", str(tmp_path / "out.csv"), "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        f"{ERROR_PREFIX}{pipe}: named pipe with nothing writing to it (nothing to read)"
    )
    assert [Path(row["file"]).name for row in _rows(tmp_path / "out.csv")] == ["good.txt"]


def test_named_pipe_whose_writer_is_slow_is_waited_for_and_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # As with `framescope score <(curl ...)`: the writer is there but has not written yet.
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    keep_open = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # lets the writer open at once
    writer = os.open(pipe, os.O_WRONLY)
    os.close(keep_open)

    def write_later() -> None:
        time.sleep(0.5)
        os.write(writer, GOOD.read_bytes())
        os.close(writer)

    thread = threading.Thread(target=write_later)
    thread.start()
    code, _, err = _run(capsys, "score", pipe, "-o", tmp_path / "out.csv", "-q")
    thread.join()
    assert code == 0, err
    assert [Path(row["file"]).name for row in _rows(tmp_path / "out.csv")] == ["pipe.txt"]


def test_socket_given_as_input_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(GOOD, tmp_path / "good.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "sock"))
        code, _, err = _run(capsys, "score", tmp_path / "sock", tmp_path / "good.txt",
                            "-o", tmp_path / "out.csv", "-q")  # fmt: skip
    assert code == 1
    assert f"{ERROR_PREFIX}{tmp_path / 'sock'}: not a regular file (a socket)" in err.splitlines()
    assert "scored 1 of 2 inputs; 1 failed" in err


@pytest.mark.parametrize("value", ["1e20", "100000000000000000000", "-5", "0", "ten", "1.5"])
def test_max_bytes_outside_its_range_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
) -> None:
    shutil.copy(GOOD, tmp_path / "a.txt")
    with pytest.raises(SystemExit) as stopped:
        main(["score", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.csv"),
              "--max-bytes", value])  # fmt: skip
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"framescope score: error: argument --max-bytes: {value!r} is not a whole number of "
        "bytes from 1 to 2,000,000,000"
    )
    assert not (tmp_path / "o.csv").exists()


def test_max_bytes_in_scientific_notation_is_accepted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(GOOD, tmp_path / "a.txt")
    code, _, err = _run(capsys, "score", tmp_path / "a.txt", "-o", tmp_path / "o.csv",
                        "--max-bytes", "1e7", "-q")  # fmt: skip
    assert code == 0, err


def test_story_pack_that_cannot_be_read_as_csv_is_one_line_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(GOOD, tmp_path / "a.txt")
    pack = tmp_path / "pack.csv"
    pack.write_text("actor,aliases\nTaliban," + "Taleban;" * 130_000 + "\n")  # a 1 MB cell
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    for story_pack, problem in [
        (pack, "line 2 is 1,040,008 characters long (the limit is 131,072)"),
        (pipe, "not a regular file"),
    ]:
        code, _, err = _run(capsys, "score", tmp_path / "a.txt", "--story-pack", story_pack,
                            "-o", tmp_path / "o.csv")  # fmt: skip
        assert code == 2
        assert err.splitlines() == [f"{ERROR_PREFIX}{story_pack}: {problem}"]
    assert not (tmp_path / "o.csv").exists()


# --- text that used to be lost silently -------------------------------------------------------


def test_jsonl_record_holding_line_separators_stays_one_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    records = [
        {"text": "The militants\u2028withdrew,\u2029officials\x85said.", "outlet": "A\u2028B"},
        {"text": "A second article.", "outlet": "C"},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    collection = tmp_path / "c.jsonl"
    # CRLF line ends, and a broken third line whose number must still be right.
    collection.write_bytes("\r\n".join([*lines, "{broken", ""]).encode("utf-8"))
    out = tmp_path / "out.csv"
    code, _, err = _run(capsys, "score", collection, "-o", out, "-q")
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith(ERROR_PREFIX)] == [
        f"{ERROR_PREFIX}{collection} line 3: not valid JSON (JSONDecodeError)"
    ]
    assert [row["outlet"] for row in _rows(out)] == ["A\u2028B", "C"]


def test_html_nested_past_the_parser_limit_keeps_the_rest_of_the_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # libxml2 stops at 2,048 levels even with huge_tree, and used to drop everything after.
    depth = 5_000
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body><p>The militants withdrew on Monday.</p>" + "<div>" * depth
        + "<p>Officials said the talks may resume.</p><script>window.x = 1</script>"
        + "<div hidden>hidden text</div>" + "</div>" * depth
        + "<p>The rest of the page, after the nesting.</p></body></html>"
    )  # fmt: skip
    code, out, err = _run(capsys, "explain", page, "--json")
    assert code == 0, err
    [article] = json.loads(out)
    assert article["text"].split("\n\n") == [
        "The militants withdrew on Monday.",
        "Officials said the talks may resume.",
        "The rest of the page, after the nesting.",
    ]


# --- "-": standard input and standard output --------------------------------------------------


class _Stdin(io.TextIOWrapper):
    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")


def test_standard_input_is_one_article_unless_it_opens_as_json_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    monkeypatch.setattr(sys, "stdin", _Stdin(GOOD.read_bytes()))
    code, _, err = _run(capsys, "score", "-", "-o", out, "--outlet", "Piped", "-q")
    assert code == 0, err
    [row] = _rows(out)
    assert (row["file"], row["outlet"]) == ("<stdin>", "Piped")

    jsonl = (
        b'\n{"text": "The militants withdrew.", "outlet": "A"}\n{"text": "More.", "outlet": "B"}\n'
    )
    monkeypatch.setattr(sys, "stdin", _Stdin(jsonl))
    code, _, err = _run(capsys, "score", "-", "-", "-o", out, "-q")
    assert code == 0, err
    assert [(r["file"], r["outlet"]) for r in _rows(out)] == [
        ("<stdin> line 2", "A"), ("<stdin> line 3", "B")
    ]  # fmt: skip
    assert err.splitlines() == [f"{WARNING_PREFIX}<stdin>: listed twice (scored once)"]

    monkeypatch.setattr(sys, "stdin", _Stdin(b"x" * 2_000))
    code, _, err = _run(capsys, "score", "-", "-o", out, "-q", "--max-bytes", "1000")
    assert code == 1
    assert f"{ERROR_PREFIX}<stdin>: too large (more than the limit of 1,000 bytes;" in err


def test_scorecard_on_standard_output_keeps_every_message_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(GOOD, tmp_path / "a.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    outlets = tmp_path / "outlets.csv"
    code, out, err = _run(capsys, "score", tmp_path / "a.txt", tmp_path / "empty.txt",
                          "-o", "-", "--by-outlet", outlets)  # fmt: skip
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [Path(row["file"]).name for row in rows] == ["a.txt"]
    assert f"wrote {outlets} (1 rows)" in err.splitlines()
    assert f"{ERROR_PREFIX}{tmp_path / 'empty.txt'}: empty file" in err.splitlines()


class _GonePipe(io.StringIO):
    """Standard output whose reader has stopped reading (``framescope score ... -o - | head``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_standard_output_closed_early_ends_in_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copy(GOOD, tmp_path / "a.txt")
    monkeypatch.setattr(sys, "stdout", _GonePipe())
    code = main(["score", str(tmp_path / "a.txt"), "-o", "-", "-q"])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{ERROR_PREFIX}standard output was closed before all was written"
    ]
