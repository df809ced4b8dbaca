"""The hedging signal: hedges, boosters, weasels and distancing verbs, counted apart, with voice."""

from __future__ import annotations

import math
import re

import pytest

from analyzer.analysis import analyze
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.lexicons import comment_lines, load_lexicon
from analyzer.signals import hedging
from analyzer.span import Span
from analyzer.text.sources import compile_rule, split_forms

from .conftest import seed_meta

CLEAN = Config(strip_boilerplate=False)


def _spans(text: str) -> list[Span]:
    return hedging.detect(build_document(text, config=CLEAN), CLEAN)


def _found(text: str) -> list[tuple[str, str]]:
    return [(span.signal, span.text) for span in _spans(text)]


# --- must / must not --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The valley may fall within days.", [("hedge", "may")]),
        ("It might take weeks.", [("hedge", "might")]),
        ("The valley could fall.", [("hedge", "could")]),
        ("Reportedly, the district fell.", [("hedge", "Reportedly")]),
        ("A helicopter allegedly headed for Panjshir.", [("hedge", "allegedly")]),
        ("Resistance forces appear to be on the brink of collapse.", [("hedge", "appear to")]),
        ("The Taliban will not likely miss a chance.", [("hedge", "likely")]),
        ("News of possible peace talks spread.", [("hedge", "possible")]),
        ("The alleged attack was foiled.", [("hedge", "alleged")]),
        ("In fact, the resistance is alive.", [("booster", "In fact")]),
        ("The resistance will clearly fight on.", [("booster", "clearly")]),
        ("The community is completely responsible.", [("booster", "completely")]),
        ("They have proved that they do not obey.", [("booster", "proved")]),
        ("It is widely believed that he fled.", [("weasel", "It is widely believed")]),
        ("As per reports, the districts fell.", [("weasel", "As per reports")]),
        ("Heavy clashes were reported in the districts.", [("weasel", "were reported")]),
        ("The words confirmed rumours that a bastion is forming.", [("weasel", "rumours")]),
        ("The resistance rejected all claims that the valley fell.", [("weasel", "claims")]),
        ("He fled after claims of the fall of the province.", [("weasel", "claims")]),
        ("Some say the valley has fallen.", [("weasel", "Some say")]),
        ("The Taliban have claimed to have conquered Panjshir.", [("distancing", "claimed")]),
        ("He claims that he won.", [("distancing", "claims")]),
        ("The Taliban alleged that the attack was foiled.", [("distancing", "alleged")]),
        ("The minister admitted that the army had fled.", [("distancing", "admitted")]),
        ("The commander conceded the valley was lost.", [("distancing", "conceded")]),
        ("Saleh insisted he was the president.", [("distancing", "insisted")]),
        ("Many residents fear the worst.", [("weasel", "Many")]),
        ("Most believe the valley will hold.", [("weasel", "Most believe")]),
        ("The fort is considered one of the oldest.", [("weasel", "is considered")]),
        ("The valley is generally believed to be safe.", [("weasel", "believed")]),
        ("I think the valley will hold.", [("hedge", "think")]),
        ("The road is supposed to reopen.", [("hedge", "supposed to")]),
        ("We are not sure the road is open.", [("hedge", "not sure")]),
    ],
)
def test_must_find(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The offensive began in May 2021.",
        "On May 5 the talks began.",
        "Theresa May said so.",
        "The fighters could not hold the pass.",
        "Ahmad Massoud could be seen saying it.",
        "They left as soon as possible.",
        "They joined in any way, shape or form possible.",
        "Military might decides wars.",
        "Clashes were reported by AFP.",
        "The Taliban's claims were rejected.",
        "The Taliban took complete control of Afghanistan.",
        "The resistance would fight on.",
        "Some 300 fighters joined the resistance.",
        "It was the most important battle of the war.",
        "At most ten fighters remain.",
        "Civilians died, including some members of the family.",
        "Masud thinks the valley will hold.",
        "He considered the offer.",
        "Photographs have shown Massoud meeting Saleh.",
    ],
)
def test_must_not_find(text: str) -> None:
    assert _found(text) == []


def test_longest_phrase_wins_over_its_parts() -> None:
    assert _found("It is believed the army fled.") == [("weasel", "It is believed")]
    assert _found("The army almost certainly fled.") == [("hedge", "almost certainly")]


def test_vague_source_attribution_is_a_weasel_once() -> None:
    spans = _spans("Experts say the valley may fall.")
    assert [(s.signal, s.label, s.text) for s in spans] == [
        ("weasel", "vague source", "Experts say"),
        ("hedge", "modal", "may"),
    ]
    spans = _spans("Critics have long argued that the valley would fall.")
    assert [(s.signal, s.label, s.text, s.term) for s in spans] == [
        ("weasel", "vague source", "Critics have long argued", "critic")
    ]


def test_named_and_institutional_sources_are_not_weasels() -> None:
    assert _found("Officials said the valley had fallen.") == []
    assert _found("Masud said the valley had fallen.") == []


def test_voice_of_each_span() -> None:
    text = (
        'The valley may fall. "We will clearly win," Masud said. Masud warned that the Taliban '
        "would likely attack."
    )
    voices = {(s.text, s.voice) for s in _spans(text)}
    assert voices == {("may", "authorial"), ("clearly", "quoted"), ("likely", "reported")}


def test_span_fields() -> None:
    for span in _spans(
        "Reportedly the army may have fled; the Taliban claimed victory. Rumours spread."
    ):
        assert span.signal in hedging.CATEGORIES
        assert span.label and span.term and span.rule
        assert span.voice in ("authorial", "quoted", "reported")


# --- scores -----------------------------------------------------------------------------------


def test_scores_are_rates_per_thousand_words_and_a_balance() -> None:
    text = (
        "The valley may fall. The army might retreat. The front will clearly resist. "
        '"We could win," Masud said. Experts say the pass is lost. The Taliban claimed victory.'
    )
    doc = build_document(text, config=CLEAN)
    scores = hedging.score(doc, hedging.detect(doc, CLEAN))
    assert set(scores) == set(hedging.SIGNAL.feature_names)
    per_word = 1000 / doc.body_words
    assert scores["hedge_rate"] == pytest.approx(3 * per_word)
    assert scores["hedge_authorial_rate"] == pytest.approx(2 * per_word)
    assert scores["booster_rate"] == pytest.approx(per_word)
    assert scores["weasel_rate"] == pytest.approx(per_word)
    assert scores["distancing_authorial_rate"] == pytest.approx(per_word)
    assert scores["hedge_booster_balance"] == pytest.approx((2 - 1) / (2 + 1))


def test_scores_without_evidence_are_zero() -> None:
    doc = build_document("The army held the pass.", config=CLEAN)
    scores = hedging.score(doc, hedging.detect(doc, CLEAN))
    assert all(value == 0.0 and math.isfinite(value) for value in scores.values())


# --- seeds --------------------------------------------------------------------------------------

#: (seed, signal, text, voice) that must be found in each seed.
SEED_EVIDENCE = [
    ("000_ef08fac22bf965a9.txt", "weasel", "As per reports", "authorial"),
    ("001_5cfce197b09c6909.txt", "hedge", "reportedly", "authorial"),
    ("001_5cfce197b09c6909.txt", "hedge", "appears to", "authorial"),
    ("002_497be1b959ca3559.txt", "hedge", "allegedly", "authorial"),
    ("002_497be1b959ca3559.txt", "hedge", "might", "quoted"),
    ("002_497be1b959ca3559.txt", "weasel", "rumours", "authorial"),
    ("003_9b56ff62a0c6ad38.txt", "weasel", "were reported", "authorial"),
    ("003_9b56ff62a0c6ad38.txt", "hedge", "appear to", "authorial"),
    ("004_f13ce513ec09778f.txt", "distancing", "claimed", "authorial"),
    ("004_f13ce513ec09778f.txt", "booster", "completely", "quoted"),
]


@pytest.mark.parametrize(("name", "signal", "text", "voice"), SEED_EVIDENCE)
def test_seed_evidence(
    name: str, signal: str, text: str, voice: str, seed_texts: dict[str, str]
) -> None:
    result = analyze(seed_texts[name], meta=seed_meta(name))
    found = {(s.signal, s.text, s.voice) for s in result.spans_of(*hedging.CATEGORIES)}
    assert (signal, text, voice) in found


def test_seed_false_positives_stay_out(seed_texts: dict[str, str]) -> None:
    name = "000_ef08fac22bf965a9.txt"  # "could be seen saying", "took complete control"
    result = analyze(seed_texts[name], meta=seed_meta(name))
    assert {s.text for s in result.spans_of(*hedging.CATEGORIES)} == {"As per reports"}


# --- lexicon file -------------------------------------------------------------------------------


def test_hedges_lexicon_is_valid() -> None:
    rows = load_lexicon("hedges")
    assert {"term", "forms", "category", "label", "rule", "source"} <= set(rows[0])
    keys = {
        m.group(1)
        for line in comment_lines("hedges")
        if (m := re.match(r"([A-Z]+)\s+=\s+\S", line))
    }
    assert {"HYL", "CONLL", "MOS"} <= keys
    forms: list[str] = []
    for row in rows:
        assert row["term"] and row["label"], row
        assert row["category"] in hedging.LEXICON_CATEGORIES, row
        assert set(row["source"].split(";")) <= keys, row
        compile_rule(row["rule"], origin="test")
        forms.extend(form.lower() for form in split_forms(row))
    assert all(forms)
    assert len(forms) == len(set(forms)), "a surface form is listed twice"
    assert {row["category"] for row in rows} == set(hedging.LEXICON_CATEGORIES)


def test_hedges_lexicon_cites_its_sources_and_not_the_eval_sets() -> None:
    header = " ".join(comment_lines("hedges"))
    assert "Hyland" in header and "CoNLL-2010" in header and "MOS:WEASEL" in header
    assert "No word here was taken from the evaluation corpora" in header
