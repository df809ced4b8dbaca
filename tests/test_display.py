"""Plain words for the dashboard: every column of the data dictionary has one, and the glossary
explains the words a class meets."""

from __future__ import annotations

import pandas as pd

from analyzer.display import GLOSSARY, display_columns, display_name
from analyzer.scorecard import data_dictionary

#: Columns whose own name is already plain English.
PLAIN_ALREADY = {"file", "outlet", "published", "articles"}


def test_every_scorecard_column_has_a_plain_name_without_underscores():
    names = {}
    for column in data_dictionary()["column"]:
        name = display_name(column)
        assert "_" not in name, (column, name)
        assert name != column or column in PLAIN_ALREADY, column
        names.setdefault(name, column)
        assert names[name] == column, f"{column} and {names[name]} both read {name!r}"


def test_tier_and_voice_columns_read_as_words():
    assert display_name("loaded_value_laden_authorial") == (
        "value-laden labels in the outlet's own words"
    )
    assert display_name("loaded_honorific_quoted") == "honorific labels in direct quotes"
    assert display_name("weasel_authorial_rate") == (
        "weasel words (unnamed sources) in the outlet's own words, per 1,000 words"
    )
    assert display_name("not_a_column") == "not_a_column"


def test_display_columns_renames_for_display_only():
    frame = pd.DataFrame({"outlet": ["A"], "hedge_rate": [1.0]})
    shown = display_columns(frame)
    assert list(shown.columns) == ["outlet", "hedges (less sure), per 1,000 words"]
    assert list(frame.columns) == ["outlet", "hedge_rate"]


def test_the_glossary_explains_the_words_students_asked_about():
    terms = " ".join(term for term, _ in GLOSSARY)
    for word in ("authorial", "weasel", "distancing", "unresolved", "value-laden", "hedge"):
        assert word in terms, word
    assert all(meaning.endswith(".") and len(meaning) > 20 for _, meaning in GLOSSARY)
