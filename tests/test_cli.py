"""The command line: scorecards on the seeds, explain output, and bad input in a batch."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from analyzer.cli import parse_args, process_args
from analyzer.scorecard import article_columns, outlet_columns

from .conftest import SEED_OUTLETS, SEEDS


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = process_args(parse_args(list(argv)), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_score_seeds_writes_article_outlet_and_label_tables(tmp_path: Path) -> None:
    code, out, err = run(
        "score",
        str(SEEDS),
        "-o",
        str(tmp_path / "sc.csv"),
        "--by-outlet",
        str(tmp_path / "outlets.csv"),
        "--labels",
        str(tmp_path / "labels.csv"),
        "--sources",
        str(tmp_path / "sources.csv"),
    )
    assert code == 0, err
    articles = _csv(tmp_path / "sc.csv")
    assert [row["outlet"] for row in articles] == list(SEED_OUTLETS.values())
    assert list(articles[0]) == list(article_columns())
    assert all(row["framescope_version"] and row["lexicon_version"] for row in articles)
    outlets = _csv(tmp_path / "outlets.csv")
    assert list(outlets[0]) == list(outlet_columns())
    assert sorted(row["outlet"] for row in outlets) == sorted(SEED_OUTLETS.values())
    assert all(row["articles"] == "1" for row in outlets)
    assert (tmp_path / "labels.csv").read_text().startswith("outlet,actor,term,tier,voice,count")
    assert "wrote" in out


def test_bad_inputs_are_reported_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEEDS / "003_9b56ff62a0c6ad38.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00")
    missing = tmp_path / "missing.txt"
    code, _, err = run("score", str(folder), str(missing), "-o", str(tmp_path / "sc.csv"), "-q")
    assert code == 1
    rows = _csv(tmp_path / "sc.csv")
    assert [Path(row["file"]).name for row in rows] == ["good.txt"]
    error_lines = [line for line in err.splitlines() if line.startswith("framescope: error: ")]
    assert len(error_lines) == 4
    for name, problem in [
        ("empty.txt", "empty file"),
        ("image.txt", "PNG image"),
        ("broken.txt", "utf-16"),
        ("missing.txt", "no such file"),
    ]:
        assert any(name in line and problem in line for line in error_lines), (name, err)
    assert "scored 1 of 5 inputs; 4 failed" in err


def test_explain_json_gives_text_scores_and_slice_exact_spans() -> None:
    code, out, err = run("explain", str(SEEDS / "004_f13ce513ec09778f.txt"), "--json")
    assert code == 0, err
    [article] = json.loads(out)
    assert {"file", "outlet", "title", "text", "scores", "spans"} <= set(article)
    assert article["outlet"] == "teleSUR English", (
        "a file inside a collection takes its manifest's outlet"
    )
    for span in article["spans"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]
        assert {"signal", "label", "voice", "actor", "source", "source_kind", "rule"} <= set(span)


def test_explain_text_view_marks_evidence() -> None:
    code, out, _ = run("explain", str(SEEDS / "000_ef08fac22bf965a9.txt"))
    assert code == 0
    assert "Scores:" in out and "Evidence:" in out


def test_columns_lists_every_scorecard_column_with_a_unit() -> None:
    code, out, _ = run("columns")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["column"] for row in rows} >= set(article_columns())
    assert all(row["unit"] and row["description"] for row in rows)


def test_explicit_story_pack_that_is_broken_is_a_usage_error(tmp_path: Path) -> None:
    pack = tmp_path / "pack.csv"
    pack.write_text("actor,aliases\nTaliban,Taleban\nTaliban,again\n")
    code, _, err = run(
        "score", str(SEEDS), "-o", str(tmp_path / "x.csv"), "--story-pack", str(pack)
    )
    assert code == 2
    assert str(pack) in err and "duplicates" in err


def _streamlit_argv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *options: str) -> list[str]:
    """The command line ``framescope dashboard`` hands to Streamlit (which is not started)."""
    import streamlit.web.cli

    article = tmp_path / "article.txt"
    article.write_text("Officials said the talks may resume on Monday.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["framescope"])  # restored after the test
    seen: list[list[str]] = []
    monkeypatch.setattr(streamlit.web.cli, "main", lambda: seen.append(list(sys.argv)))
    code, _, err = run("dashboard", str(article), "--out", str(tmp_path / "out"), *options)
    assert code == 0, err
    (argv,) = seen
    return argv


def _option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def test_dashboard_listens_on_this_computer_only_unless_a_host_is_given(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    argv = _streamlit_argv(monkeypatch, tmp_path, "--headless")
    assert _option(argv, "--server.address") == "127.0.0.1"
    argv = _streamlit_argv(monkeypatch, tmp_path, "--headless", "--host", "0.0.0.0")
    assert _option(argv, "--server.address") == "0.0.0.0"


def test_streamlit_run_from_the_project_folder_also_listens_on_localhost() -> None:
    # `streamlit run dashboards/app.py` reads .streamlit/config.toml from the folder it starts in.
    config = tomllib.loads((SEEDS.parent / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["toolbarMode"] == "minimal"


def test_dashboard_shows_no_deploy_button(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    argv = _streamlit_argv(monkeypatch, tmp_path, "--headless")
    assert _option(argv, "--client.toolbarMode") == "minimal"
