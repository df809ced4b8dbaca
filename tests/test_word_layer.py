"""The word layer: lemmas from the shipped table, and one batch for every sentence a signal needs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest

from analyzer.config import DEFAULT_CONFIG
from analyzer.document import build_document
from analyzer.lemmas import lemma_by_endings
from analyzer.signals import loaded
from analyzer.words import WordLayer, pipeline


@pytest.mark.parametrize(
    ("form", "tag", "lemma"),
    [
        ("militias", "NNS", "militia"),
        ("parties", "NNS", "party"),
        ("marches", "NNS", "march"),
        ("sanctioned", "VBD", "sanction"),
        ("designated", "VBN", "designate"),
        ("stopped", "VBD", "stop"),
        ("recognizing", "VBG", "recognize"),
        ("denies", "VBZ", "deny"),
        ("Houthis", "NNPS", "Houthi"),
        ("Kabul", "NNP", "Kabul"),
    ],
)
def test_a_word_the_treebanks_never_saw_is_undone_by_its_ending(
    form: str, tag: str, lemma: str
) -> None:
    assert lemma_by_endings(form, tag) == lemma


def test_irregular_and_capitalised_words_take_the_treebank_lemma() -> None:
    doc = pipeline()("The Rebels said they fought off troops and were seen by Officials.")
    lemmas = {token.text: token.lemma_ for token in doc}
    assert lemmas["said"] == "say"
    assert lemmas["fought"] == "fight"
    assert lemmas["were"] == "be"
    assert lemmas["seen"] == "see"
    assert lemmas["The"] == "the"


def test_expected_sentences_are_parsed_with_the_next_batch() -> None:
    text = "The militants attacked. Nothing else. The rebels said so."
    layer = WordLayer(text, [(0, 23), (24, 37), (38, 57)])
    layer.expect([0, 7])  # an index past the last sentence is ignored
    layer.parse_many([2])
    assert layer.is_parsed(0) and layer.is_parsed(2)
    assert not layer.is_parsed(1)


def test_the_label_sentences_are_parsed_with_the_attributions_before_any_signal_runs() -> None:
    text = "Officials met in the capital on Monday. The rebels seized the town on Tuesday.\n"

    def label_sentences(text: str, spans: Sequence[tuple[int, int]]) -> Iterable[int]:
        assert loaded.SIGNAL.parses is not None
        return loaded.SIGNAL.parses(text, spans, DEFAULT_CONFIG)

    alone = build_document(text)
    hinted = build_document(text, parse_also=label_sentences)
    assert not alone.words.is_parsed(1)  # no reporting cue: nothing asked for a parse
    assert hinted.words.is_parsed(1)  # the label's sentence
    assert hinted.words.is_parsed(0)  # and the one before, where its actor may be named
