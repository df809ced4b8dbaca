"""Which actor a label refers to, on stories framescope was not built on.

Every sentence here is written for these tests (no evaluation data) about conflicts, protests and
elections other than the seeds' Afghanistan story, with no story pack unless a test says so.
"""

from __future__ import annotations

import pytest

from analyzer import tables
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.signals import loaded
from analyzer.span import Span

NO_PACK = Config(strip_boilerplate=False)


def _labels(text: str, config: Config = NO_PACK) -> list[Span]:
    spans = loaded.detect(build_document(text, config=config), config)
    return [span for span in spans if span.label in tables.LABEL_TIERS]


def _actor(text: str, word: str, config: Config = NO_PACK) -> str | None:
    found = [span for span in _labels(text, config) if span.text == word]
    assert len(found) == 1, f"{word!r} not found once in {_labels(text, config)}"
    return found[0].actor


# --- the phrase around the label ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Gunmen from the Islamic State West Africa Province ambushed a convoy near Maiduguri.",
         "Gunmen", "Islamic State West Africa Province"),
        ("Fighters from the M23 took the hill on Sunday.", "Fighters", "M23"),
        ("Troops from Chad joined the operation in Niger.", "Troops", "Chad"),
        ("The military junta in Myanmar extended the state of emergency.", "military junta",
         "Myanmar"),
    ],
)  # fmt: skip
def test_who_the_people_are_from_or_which_country_a_regime_rules(text, word, actor):
    assert _actor(text, word) == actor


def test_people_from_a_place_are_not_the_place_and_troops_in_a_country_not_its_own():
    assert _actor("Protesters from Kisumu marched on Nairobi.", "Protesters") != "Kisumu"
    text = "Troops in Niger came under fire near the border on Sunday."
    assert _actor(text, "Troops") != "Niger"


def test_a_label_opening_a_sentence_is_a_word_not_a_name():
    text = "Gunmen stormed the hotel in Mogadishu. Police said the gunmen fled."
    assert _actor(text, "Gunmen") == "unresolved"
    assert _actor(text, "gunmen") == "unresolved"
