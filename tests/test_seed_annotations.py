"""The hand check: the seed annotations are well formed, and every signal stays close to them.

Floors sit a little below what each signal reached when they were set; lowering one is a
reviewed edit. Run with ``-s`` to see what was missed and what was flagged without annotation.
"""

from __future__ import annotations

import pytest

from analyzer.evaluation import seeds
from analyzer.evaluation.base import DatasetResult
from analyzer.span import VOICES

from .conftest import SEED_OUTLETS

TIERS = {"descriptive", "contested", "value-laden", "dehumanizing", "honorific", "general"}
KINDS = {"named", "organisation", "anonymous", "pronoun"}

#: signal -> F1 floor on the hand check (reached: furniture 0.974, labels 0.857, hedging 0.811,
#: attributions 0.882). Reviewed edits only.
FLOORS = {
    "boilerplate lines (hand check)": 0.95,
    "actor labels and loaded language (hand check)": 0.84,
    "hedges, boosters, weasels, distancing (hand check)": 0.80,
    "attribution sentences (hand check)": 0.86,
}


@pytest.fixture(scope="module")
def annotations() -> dict[str, dict]:
    return seeds.load_annotations()


@pytest.fixture(scope="module")
def measured() -> DatasetResult:
    return seeds.evaluate()


def test_every_seed_is_annotated(annotations: dict[str, dict]) -> None:
    assert set(annotations) == set(SEED_OUTLETS)


def test_annotations_point_at_one_place_in_their_seed(
    annotations: dict[str, dict], seed_texts: dict[str, str]
) -> None:
    for name, gold in annotations.items():
        text = seed_texts[name]
        lines = {line.strip() for line in text.splitlines()}
        assert all(line in lines for line in gold["furniture"]), name
        for entry in gold["labels"] + gold["hedging"]:
            start, end = seeds.locate(text, entry["context"], entry["term"])
            assert text[start:end].lower() == entry["term"].lower()
        for entry in gold["attributions"]:
            assert seeds.snippet_spans(text, entry), entry["snippet"]


def test_annotation_values_use_the_documented_vocabularies(annotations: dict[str, dict]) -> None:
    for gold in annotations.values():
        assert {e["tier"] for e in gold["labels"]} <= TIERS
        assert {e["voice"] for e in gold["labels"]} <= set(VOICES)
        assert {e["signal"] for e in gold["hedging"]} <= set(seeds.HEDGING_SIGNALS)
        assert {e["kind"] for e in gold["attributions"]} <= KINDS


@pytest.mark.parametrize("signal", list(FLOORS))
def test_signal_stays_close_to_the_hand_annotation(signal: str, measured: DatasetResult) -> None:
    (figure,) = [f for f in measured.figures if f.signal == signal]
    cases = measured.errors[signal.replace("(hand check)", "(seeds hand check)")]
    misses = "\n".join(
        f"  {c.item}: expected {c.expected}; got {c.predicted}: {c.text}" for c in cases
    )
    print(f"\n{signal}: F1 {figure.value:.3f} {figure.details}\n{misses}")
    assert figure.value >= FLOORS[signal], f"{signal}: F1 {figure.value:.3f}\n{misses}"


def test_voice_actor_and_source_kind_agree_on_what_is_found(measured: DatasetResult) -> None:
    details = {f.signal: f.details for f in measured.figures}
    labels = details["actor labels and loaded language (hand check)"]
    assert labels["voice_agreement"] >= 0.95  # reached 1.0
    assert labels["actor_agreement"] >= 0.80  # reached 0.833 (with seeds/storypack.csv)
    assert details["attribution sentences (hand check)"]["source_kind_agreement"] >= 0.95  # 1.0
