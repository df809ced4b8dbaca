"""Every packaged lexicon is well-formed data that says where it comes from.

A lexicon edit that drops a column, duplicates a term or leaves a cell empty must fail here, not
silently change scores; and a lexicon that cites no source cannot ship (issue 2: "Lexicons are CSV
data files that cite their sources").
"""

from __future__ import annotations

import pytest

from analyzer.lexicons import comment_lines, load_lexicon, packaged_lexicons

LEXICONS = packaged_lexicons()


def test_the_core_lexicons_ship():
    assert {"hedges", "attribution_cues", "source_nouns", "furniture_patterns"} <= set(LEXICONS)


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_cites_its_sources(name):
    header = " ".join(comment_lines(name)).lower()
    assert len(header) > 80, f"{name}.csv: the # header should describe the file and its sources"
    assert any(word in header for word in ("source", "guide", "after ", "from ", "literature")), (
        f"{name}.csv: the # header names no source"
    )


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_rows_are_complete_and_unique(name):
    rows = load_lexicon(name)
    assert rows, f"{name}.csv has no rows"
    key = next(iter(rows[0]))  # the first column is the entry itself
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):
        assert row[key], f"{name}.csv row {number}: empty {key!r}"
        identity = "|".join(value.lower() for value in row.values())
        assert identity not in seen, f"{name}.csv row {number} repeats an earlier row"
        seen.add(identity)
