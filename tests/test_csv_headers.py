"""The CSV headers researchers build on do not change by accident.

``tests/data/csv_headers.txt`` is the snapshot: a ``[file]`` line, then one column per line. A
change to it is a deliberate, reviewed edit that goes with a note in the changelog, a lexicon or
format version bump where rows change meaning, and ``docs/data-dictionary.md`` regenerated
(``framescope columns --markdown > docs/data-dictionary.md``).
"""

from __future__ import annotations

import csv
from pathlib import Path

from analyzer.cli import main
from analyzer.scorecard import data_dictionary, data_dictionary_markdown

from .conftest import ROOT, SEEDS

SNAPSHOT = Path(__file__).parent / "data" / "csv_headers.txt"
OUTPUTS = {
    "scorecard.csv": "-o",
    "outlets.csv": "--by-outlet",
    "labels.csv": "--labels",
    "sources.csv": "--sources",
    "actor_sentiment.csv": "--actor-sentiment",
    "credibility.csv": "--credibility",
}


def _snapshot() -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    current: list[str] = []
    for line in SNAPSHOT.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = headers.setdefault(line.strip("[]"), [])
        elif line:
            current.append(line)
    return headers


def test_written_csv_headers_match_the_snapshot(tmp_path: Path) -> None:
    argv = ["score", str(SEEDS), "-q"]
    for name, option in OUTPUTS.items():
        argv += [option, str(tmp_path / name)]
    assert main(argv) == 0
    expected = _snapshot()
    assert set(expected) == set(OUTPUTS)
    for name in OUTPUTS:
        with (tmp_path / name).open(newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == expected[name], f"{name}: header differs from {SNAPSHOT.name}"


def test_columns_are_snake_case_and_unique() -> None:
    for name, columns in _snapshot().items():
        assert len(columns) == len(set(columns)), name
        for column in columns:
            assert column.isascii() and column == column.lower() and " " not in column, column


def test_every_scorecard_column_is_documented_with_a_unit() -> None:
    dictionary = data_dictionary().set_index("column")
    for column in _snapshot()["scorecard.csv"]:
        assert column in dictionary.index, f"{column} is missing from the data dictionary"
        assert dictionary.loc[column, "unit"], f"{column} has no unit"
        assert dictionary.loc[column, "description"], f"{column} has no description"


def test_the_published_data_dictionary_is_current() -> None:
    published = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert published == data_dictionary_markdown(), (
        "docs/data-dictionary.md is stale: framescope columns --markdown > docs/data-dictionary.md"
    )
