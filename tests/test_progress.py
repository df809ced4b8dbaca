"""Progress on standard error: a plain line now and then off a terminal, a bar on one, none with -q."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from analyzer import progress
from analyzer.cli import parse_args, process_args
from analyzer.command_files import expected_articles
from analyzer.errors import InputError
from analyzer.progress import BarProgress, LineProgress, SilentProgress, progress_for

from .conftest import SEEDS


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_line_every_n_articles_with_rate_errors_and_eta() -> None:
    clock, stream = FakeClock(), io.StringIO()
    line = LineProgress(stream, 10, every_articles=4, every_seconds=1e9, clock=clock)
    for done in range(1, 10):
        clock.now += 0.5
        line.update(InputError("x.txt", "empty file") if done == 2 else object())
    assert stream.getvalue().splitlines() == [
        "framescope: progress: 4 of 10 articles (40%), 1 error, 2.0 articles/s, ETA 0:00:03",
        "framescope: progress: 8 of 10 articles (80%), 1 error, 2.0 articles/s, ETA 0:00:01",
    ]


def test_line_past_the_count_in_advance_shows_time_elapsed() -> None:
    clock, stream = FakeClock(), io.StringIO()
    line = LineProgress(stream, 1, every_articles=2, every_seconds=1e9, clock=clock)
    clock.now += 1
    line.update(object())
    line.update(object())
    assert stream.getvalue() == (
        "framescope: progress: 2 articles, 0 errors, 2.0 articles/s, 0:00:01 elapsed\n"
    )


def test_line_every_t_seconds_counted_from_the_first_article() -> None:
    clock, stream = FakeClock(), io.StringIO()
    line = LineProgress(stream, None, every_articles=10**9, every_seconds=10.0, clock=clock)
    clock.now += 60  # loading the models: no line for that
    line.update(object())
    assert stream.getvalue() == ""
    clock.now += 4
    line.update(object())
    clock.now += 6
    line.update(object())
    assert stream.getvalue() == (
        "framescope: progress: 3 articles, 0 errors, 0.0 articles/s, 0:01:10 elapsed\n"
    )


def test_display_follows_the_stream_and_quiet() -> None:
    assert isinstance(progress_for(io.StringIO(), quiet=False), LineProgress)
    assert isinstance(progress_for(Terminal(), quiet=True), SilentProgress)
    terminal = Terminal()
    bar = progress_for(terminal, quiet=False, total=3)
    assert isinstance(bar, BarProgress)
    bar.update(object())
    bar.write("framescope: error: a.txt: empty file\n")
    bar.update(InputError("a.txt", "empty file"))
    bar.close()
    shown = terminal.getvalue()
    assert "framescope: error: a.txt: empty file\n" in shown
    final = shown.rsplit("\r", 1)[-1]
    assert re.search(r"2/3 \[.*articles/s, 1 error\]", final), final


def _score(tmp_path: Path, *extra: str) -> tuple[int, str]:
    err = io.StringIO()
    argv = ["score", str(SEEDS), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "s.csv")]
    code = process_args(parse_args([*argv, *extra]), stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def test_score_writes_progress_lines_off_a_terminal_and_quiet_silences_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "LINE_EVERY_ARTICLES", 2)
    code, err = _score(tmp_path, "--jobs", "1")
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith(progress.PREFIX)]
    # Five seeds and a missing file: six inputs, all counted in advance.
    pattern = r"framescope: progress: {} of 6 articles \(\d+%\), {}, [\d.,]+ articles/s, ETA "
    assert re.fullmatch(pattern.format(2, "0 errors") + r"\d+:\d\d:\d\d", lines[0])
    assert re.fullmatch(pattern.format(4, "0 errors") + r"\d+:\d\d:\d\d", lines[1])
    assert re.fullmatch(pattern.format(6, "1 error") + "0:00:00", lines[2])
    assert len(lines) == 3
    assert "framescope: error: " in err
    code, err = _score(tmp_path, "--jobs", "1", "--quiet")
    assert code == 1 and progress.PREFIX not in err and "framescope: error: " in err


def test_articles_are_counted_in_advance_only_where_listing_tells(tmp_path: Path) -> None:
    assert expected_articles([str(SEEDS)], 10**7) == 5
    assert expected_articles([str(SEEDS), str(SEEDS / "000_ef08fac22bf965a9.txt")], 10**7) == 6
    assert expected_articles([str(tmp_path / "missing.txt")], 10**7) == 1  # an error to count
    assert expected_articles([str(SEEDS), "-"], 10**7) is None
    assert expected_articles([str(tmp_path / "a.jsonl")], 10**7) is None
