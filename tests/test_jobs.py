"""``score --jobs N``: worker processes write the same files, errors and summary as one process."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analyzer.cli import parse_args, process_args
from analyzer.collection import analyze_collection
from analyzer.config import Config
from analyzer.errors import InputError

from .conftest import ROOT, SEEDS

OUTPUTS = ("-o", "--by-outlet", "--labels", "--sources", "--actor-sentiment")


def _score(folder: Path, inputs: list[str], *options: str) -> tuple[int, str, str, list[bytes]]:
    folder.mkdir()
    argv = ["score", *inputs]
    for option in OUTPUTS:
        argv += [option, str(folder / f"{option.strip('-')}.csv")]
    out, err = io.StringIO(), io.StringIO()
    code = process_args(parse_args([*argv, *options]), stdout=out, stderr=err)
    tables = [(folder / f"{option.strip('-')}.csv").read_bytes() for option in OUTPUTS]
    return code, out.getvalue().replace(str(folder), "OUT"), err.getvalue(), tables


def _bad_folder(tmp_path: Path) -> Path:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a-empty.txt").write_bytes(b"")
    (bad / "b-good.txt").write_text(
        "The senator slammed the terrorists on Monday, officials said.\n", encoding="utf-8"
    )
    (bad / "c-nul.txt").write_bytes(b"half\x00a text")
    (bad / "d-good.txt").write_text(
        'Rebels said "we will not leave", the army claimed victory.\n', encoding="utf-8"
    )
    return bad


@pytest.mark.parametrize("batch_size", ["1", "2"])
def test_two_jobs_write_byte_identical_files_and_the_same_error_lines(
    tmp_path: Path, batch_size: str
) -> None:
    bad = _bad_folder(tmp_path)
    seed = str(SEEDS / "000_ef08fac22bf965a9.txt")
    # Errors between articles, a missing path, and an article named twice (a warning).
    inputs = [str(SEEDS), str(bad), str(tmp_path / "missing.txt"), seed]
    serial = _score(tmp_path / "one", inputs, "--jobs", "1")
    parallel = _score(tmp_path / "two", inputs, "--jobs", "2", "--batch-size", batch_size)
    code, out, err, tables = serial
    assert code == 1 and out.count("wrote OUT") == len(OUTPUTS)
    assert tables[0].count(b"\r\n") == 1 + 7  # header, 5 seeds, 2 good files
    assert "a-empty.txt: empty file" in err and "missing.txt: no such file" in err
    assert "listed twice (scored once)" in err and "scored 7 of 10 inputs; 3 failed" in err
    assert parallel == serial


def test_api_jobs_gives_the_same_collection(tmp_path: Path, seed_config: Config) -> None:
    bad = _bad_folder(tmp_path)
    sources = [SEEDS, bad]
    one = analyze_collection(sources, seed_config)
    two = analyze_collection(sources, seed_config, jobs=2, batch_size=3)
    for table in ("articles", "outlets", "labels", "sources", "actor_sentiment"):
        assert getattr(two, table).equals(getattr(one, table)), table
    assert [str(error) for error in two.errors] == [str(error) for error in one.errors]
    assert two.warnings == one.warnings
    assert [a.meta.file for a in two.analyses] == [a.meta.file for a in one.analyses]
    assert len(one.analyses) == 7


def test_few_articles_are_scored_without_starting_workers(seed_config: Config) -> None:
    # Five seeds fit in one batch: no worker start-up cost for a handful of articles.
    before = time.perf_counter()
    result = analyze_collection([SEEDS], seed_config, jobs=2, keep_analyses=False)
    assert len(result.articles) == 5 and result.analyses == []
    assert time.perf_counter() - before < 60


def test_input_error_survives_the_trip_back_from_a_worker() -> None:
    error = InputError("a\nb.txt", "internal error while analysing (ValueError: x)")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.problem, str(copy)) == (error.path, error.problem, str(error))


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_jobs_and_batch_size_must_be_positive(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for option in ("--jobs", "--batch-size"):
        with pytest.raises(SystemExit) as exit_info:
            parse_args(["score", str(SEEDS), "-o", "x.csv", option, value])
        assert exit_info.value.code == 2
        assert f"{value!r} is not a whole number from 1" in capsys.readouterr().err


def test_ctrl_c_stops_the_workers_and_exits_130(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in sorted(SEEDS.glob("0*.txt")):
        text = name.read_text(encoding="utf-8")
        for copy in range(60):
            (corpus / f"{name.stem}_{copy}.txt").write_text(
                f"{text}\nCopy {copy}.\n", encoding="utf-8"
            )
    output = tmp_path / "scorecard.csv"
    argv = [sys.executable, "-m", "analyzer.cli", "score", str(corpus), "-o", str(output)]
    argv += ["--jobs", "2", "--batch-size", "2", "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        argv,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own, as a terminal's Ctrl-C reaches it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    ) as process:
        _wait_for_workers(process.pid)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr == "framescope: interrupted; files not yet written were left as they were\n"
    assert not output.exists()
    deadline = time.monotonic() + 10
    while _live_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _live_members(process.pid) == [], "no worker outlives the run"


def _wait_for_workers(session: int) -> None:
    # The command, the fork server and two workers.
    deadline = time.monotonic() + 60
    while len(_live_members(session)) < 4 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.0)  # let the workers take their first batches


def _live_members(session: int) -> list[str]:
    """Processes of the session still running (a zombie no one reaped has ended)."""
    if shutil.which("ps") is None:  # pragma: no cover
        pytest.skip("ps is needed to list the workers")
    listing = subprocess.run(
        ["ps", "-o", "pid=,stat=", "-s", str(session)], capture_output=True, text=True
    ).stdout.splitlines()
    return [line for line in listing if line.strip() and "Z" not in line.split()[1]]
