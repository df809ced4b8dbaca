"""``score --resume``: a run killed anywhere, resumed, ends with the files of an uninterrupted run."""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analyzer import workers
from analyzer.cli import parse_args, process_args
from analyzer.journal import journal_path

from .conftest import ROOT, SEEDS

TABLES = ("-o", "--by-outlet", "--labels", "--sources", "--actor-sentiment")


def _corpus(tmp_path: Path, copies: int) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in sorted(SEEDS.glob("0*.txt")):
        text = name.read_text(encoding="utf-8")
        for copy in range(copies):
            (corpus / f"{name.stem}_{copy:03d}.txt").write_text(
                f"{text}\nOfficials said {copy} families left.\n", encoding="utf-8"
            )
    (corpus / "000_empty.txt").write_bytes(b"")
    (corpus / "zzz_nul.txt").write_bytes(b"a\x00b")
    return corpus


def _argv(corpus: Path, out: Path, *extra: str) -> list[str]:
    argv = ["score", str(corpus), "--story-pack", str(SEEDS / "storypack.csv")]
    for option in TABLES:
        argv += [option, str(out / f"{option.strip('-')}.csv")]
    return [*argv, *extra]


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    code = process_args(parse_args(argv), stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def _tables(out: Path) -> list[bytes]:
    return [(out / f"{option.strip('-')}.csv").read_bytes() for option in TABLES]


def test_resumed_run_scores_only_what_is_left_and_writes_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path, 2)
    whole, part = tmp_path / "whole", tmp_path / "part"
    whole.mkdir()
    part.mkdir()
    code, _ = _run(_argv(corpus, whole, "--jobs", "1", "-q"))
    assert code == 1  # the two bad files
    assert not journal_path(whole / "o.csv").exists(), "a finished run removes its journal"

    real_analyze = workers.analyze
    calls: list[str | None] = []

    def interrupted(article, config):  # type: ignore[no-untyped-def]
        if len(calls) == 4:
            raise KeyboardInterrupt
        calls.append(article.meta.file)
        return real_analyze(article, config)

    monkeypatch.setattr(workers, "analyze", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _run(_argv(corpus, part, "--jobs", "1", "-q"))
    assert not (part / "o.csv").exists()
    assert journal_path(part / "o.csv").exists()

    calls.clear()

    def counted(article, config):  # type: ignore[no-untyped-def]
        calls.append(article.meta.file)
        return real_analyze(article, config)

    monkeypatch.setattr(workers, "analyze", counted)
    code, err = _run(_argv(corpus, part, "--jobs", "1", "--resume"))
    assert code == 1
    assert "framescope: note: resuming: 4 articles already scored" in err
    assert len(calls) == 10 - 4, "the four articles in the journal are not analysed again"
    assert _tables(part) == _tables(whole)
    assert not journal_path(part / "o.csv").exists()


def test_run_killed_several_times_then_resumed_ends_with_identical_files(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 12)  # 60 articles and two bad files
    whole, part = tmp_path / "whole", tmp_path / "part"
    whole.mkdir()
    part.mkdir()
    assert _run(_argv(corpus, whole, "--jobs", "1", "-q"))[0] == 1
    journal = journal_path(part / "o.csv")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "analyzer.cli"]
    for kill, lines in enumerate((6, 20, 34)):
        extra = ["--jobs", "2", "--batch-size", "3", "-q"] + (["--resume"] if kill else [])
        _kill_after([*command, *_argv(corpus, part, *extra)], env, journal, lines)
        assert not (part / "o.csv").exists(), f"kill {kill} came too late to test anything"
    code, err = _run(_argv(corpus, part, "--jobs", "1", "--resume"))
    assert code == 1, err
    assert "already scored" in err
    assert _tables(part) == _tables(whole)
    assert not journal.exists()


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def test_journal_of_other_settings_or_standard_output_cannot_be_resumed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 1)
    out = tmp_path / "out"
    out.mkdir()
    journal = journal_path(out / "o.csv")
    journal.write_text('{"journal": 1, "settings": "another run"}\n', encoding="utf-8")
    code, err = _run(_argv(corpus, out, "--resume"))
    assert code == 2
    assert err.splitlines() == [
        f"framescope: error: {journal}: the journal was written by a run with other inputs, "
        "settings or version; run again without --resume"
    ]
    assert not (out / "o.csv").exists()
    code, err = _run(["score", str(corpus), "-o", "-", "--resume"])
    assert code == 2
    assert err == "framescope: error: --resume needs -o FILE (standard output keeps no record)\n"
    # Without --resume a stale journal is started afresh.
    assert _run(_argv(corpus, out, "-q"))[0] == 1
    assert not journal.exists()


def test_jsonl_run_killed_at_random_points_resumes_to_identical_csv_and_parquet(
    tmp_path: Path,
) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("0*.txt"))]
    collection = tmp_path / "c.jsonl"
    with collection.open("w", encoding="utf-8") as handle:
        for number in range(20):
            text = f"{texts[number % len(texts)]}\nOfficials said {number} families left.\n"
            handle.write(json.dumps({"text": text, "outlet": f"Outlet {number % 3}"}) + "\n")
            if number == 11:
                handle.write("{not json\n")
    whole, part = tmp_path / "whole", tmp_path / "part"

    def argv(out: Path, *extra: str) -> list[str]:
        return ["score", str(collection), "--no-story-pack", "-q", "--jobs", "1",
                "-o", str(out / "a.parquet"), "--by-outlet", str(out / "o.csv"),
                "--labels", str(out / "l.parquet"), "--sources", str(out / "s.csv"), *extra]  # fmt: skip

    assert _run(argv(whole))[0] == 1  # the broken line
    journal = journal_path(part / "a.parquet")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    draw = random.Random(13)  # random kill points, the same in every CI run
    for kill in range(3):
        lines = draw.randint(1, 21)
        command = [sys.executable, "-m", "analyzer.cli", *argv(part, "--resume")]
        _kill_after(command, env, journal, lines, pause=draw.random() * 0.2)
        finals = {path.name for path in part.iterdir() if not path.name.startswith(".")}
        assert finals <= {"a.parquet", "o.csv", "l.parquet", "s.csv"}, kill
        if finals:  # the kill came as the files were put in place: whole ones only
            for name in finals:
                assert (part / name).read_bytes() == (whole / name).read_bytes(), (kill, name)
    code, err = _run(argv(part, "--resume"))
    assert code == 1, err
    for name in ("a.parquet", "o.csv", "l.parquet", "s.csv"):
        assert (part / name).read_bytes() == (whole / name).read_bytes(), name
    assert sorted(path.name for path in part.iterdir()) == [
        "a.parquet",
        "l.parquet",
        "o.csv",
        "s.csv",
    ]


def test_journal_is_read_back_in_step_with_the_inputs(tmp_path: Path) -> None:
    from analyzer.coverage import CoverageCounts
    from analyzer.journal import Journal, Replay
    from analyzer.workers import ArticleTables

    def tables(file: str) -> ArticleTables:
        return ArticleTables({"file": file}, [], [], [], CoverageCounts(0, 0, frozenset()))

    path = tmp_path / ".o.csv.resume"
    first = Journal(path, "settings")
    first.open(resume=False)
    for place, file in ((0, "a"), (2, "c"), (3, "d")):  # place 1 was a reader error
        first.record(place, tables(file))
    first.close(remove=False)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"place": 4, "row": {"file"')  # the line a kill cut short
    second = Journal(path, "settings")
    done = second.open(resume=True)
    assert isinstance(done, Replay) and len(done) == 3
    assert done.get((0, "a")) == tables("a")
    assert done.get((1, "b")) is None
    assert done.get((2, "other")) is None, "same place, another file: scored again"
    second.record(4, tables("e"))  # appended past the records being read back
    assert done.get((3, "d")) == tables("d")
    assert done.get((4, "e")) is None, "this run's own records are not read back"
    second.record(3, tables("d"))  # already in the journal: not written twice
    second.close(remove=False)
    assert [json.loads(line).get("place") for line in path.read_text().splitlines()] == [
        None, 0, 2, 3, 4
    ]  # fmt: skip


def _kill_after(
    command: list[str], env: dict[str, str], journal: Path, lines: int, pause: float = 0.0
) -> None:
    """Run ``command`` until its journal holds ``lines`` lines (then ``pause`` seconds more) and
    SIGKILL it with its fork server and workers."""
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as process:
        deadline = time.monotonic() + 120
        while _lines(journal) < lines and process.poll() is None:
            assert time.monotonic() < deadline, "the run made no progress"
            time.sleep(0.01)
        time.sleep(pause)
        os.killpg(process.pid, signal.SIGKILL)
