"""Story packs: alias matching, including short all-capital aliases matched case-sensitively."""

from __future__ import annotations

import pytest

from analyzer.errors import LexiconError
from analyzer.storypack import is_acronym, story_pack_from_text

PACK = story_pack_from_text(
    "actor,aliases,kind\n"
    "the United States,US;U.S.;America,place\n"
    "United Nations,UN,group\n"
    "NATO,North Atlantic Treaty Organization,group\n",
    name="test",
)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.payload.name) for m in PACK.matcher.find(text)]


def test_us_names_the_country_but_us_the_pronoun_does_not():
    text = "Tell us what the US did. Let us go. The US-backed forces and the US's role."
    assert _found(text) == [("US", "the United States")] * 3


def test_un_is_matched_only_in_capitals():
    assert _found("The UN met; un-American is not it, nor is Un in a title.") == [
        ("UN", "United Nations")
    ]


def test_longer_acronyms_and_names_stay_case_insensitive():
    assert _found("Nato and NATO and america") == [
        ("Nato", "NATO"),
        ("NATO", "NATO"),
        ("america", "the United States"),
    ]


@pytest.mark.parametrize(
    ("alias", "expected"),
    [("US", True), ("UN", True), ("NRF", True), ("NATO", False), ("U.S.", False), ("Us", False)],
)
def test_which_aliases_are_case_sensitive(alias, expected):
    assert is_acronym(alias) is expected


def test_an_alias_claimed_by_two_actors_is_still_an_error():
    with pytest.raises(LexiconError, match="belongs to both"):
        story_pack_from_text("actor,aliases\nA,US\nB,us\n")
