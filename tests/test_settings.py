"""Detection settings as data: today's values by default, each one doing what its doc says when
changed, bad names and types refused, and the boilerplate model's feature thresholds checked."""

from __future__ import annotations

import json
from dataclasses import fields
from importlib import resources
from pathlib import Path

import pytest

from analyzer.boilerplate.model import MODEL_FILE
from analyzer.boilerplate.thresholds import FEATURE_THRESHOLDS, THRESHOLDS_KEY, check_thresholds
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.errors import LexiconError
from analyzer.settings import STAGES, SettingError, setting_names
from analyzer.signals import hedging, loaded
from analyzer.signals.loaded import LABEL_TIERS
from analyzer.storypack import story_pack_from_text

CLEAN = Config(strip_boilerplate=False)

#: The values the detectors were tuned to. A default changes on purpose, with a dev sweep
#: behind it (``benchmarks/sweep_settings.py``), and this list with it.
TUNED = {
    "boilerplate.title_match_similarity": 0.8,
    "boilerplate.title_match_min_words": 4,
    "boilerplate.fallback_share": 0.3,
    "boilerplate.sanity_prose_share": 0.2,
    "boilerplate.min_headline_words": 3,
    "boilerplate.max_headline_words": 25,
    "boilerplate.prose_non_prose_toll": 4.0,
    "boilerplate.prose_vanished_share": 0.6,
    "boilerplate.prose_short_kept_share": 0.6,
    "boilerplate.prose_short_words": 4,
    "boilerplate.prose_min_block_words": 40,
    "quotes.short_quote_max_words": 4,
    "quotes.max_single_quote_chars": 120,
    "attribution.object_max_words": 4,
    "attribution.pp_max_words": 8,
    "attribution.thatless_max_words": 6,
    "attribution.thatless_max_tokens": 8,
    "attribution.parenthetical_max_tokens": 14,
    "attribution.max_source_words": 12,
    "attribution.appositive_max_tokens": 80,
    "attribution.opening_source_max_words": 8,
    "attribution.trailing_pp_max_words": 6,
    "attribution.prep_source_words": 3,
    "attribution.colon_max_words": 10,
    "attribution.quote_gap_chars": 8,
    "attribution.continuation_max_gap_words": 12,
    "attribution.pronoun_max_sentences_back": 3,
    "attribution.appositive_max_chars": 80,
    "hedging.vague_source_max_gap_words": 3,
    "labels.lookback_sentences": 2,
}


def _setting(config: Config, name: str) -> object:
    stage, field = name.split(".")
    return getattr(getattr(config, stage), field)


# --- defaults ------------------------------------------------------------------------------------


def test_defaults_are_the_tuned_values_and_every_stage_is_on_config() -> None:
    config = Config()
    assert {name: _setting(config, name) for name in setting_names()} == TUNED
    assert set(STAGES) <= {f.name for f in fields(Config)}
    assert Config().with_settings({}) == Config()


def test_setting_today_s_value_changes_nothing() -> None:
    config = CLEAN.with_settings(TUNED)
    assert config == CLEAN
    text = "Ahmad Massoud said the talks had failed. He added that “the war goes on,” she said."
    assert build_document(text, config=config) == build_document(text, config=CLEAN)


# --- each stage does what its doc says -----------------------------------------------------------


def test_boilerplate_headline_length_decides_an_untitled_first_line() -> None:
    text = (
        "Rebels take the northern valley after long siege\n"
        "The resistance fighters took the northern valley on Monday after a siege that lasted "
        "many weeks, officials said.\n"
        "The fighting continued in the south of the country overnight and into the morning, "
        "residents said.\n"
    )
    assert build_document(text).lines[0].reason == "headline"
    shorter = Config().with_settings({"boilerplate.max_headline_words": 5})
    assert build_document(text, config=shorter).lines[0].reason != "headline"


def test_quotes_short_quote_length_tells_a_scare_quote_from_a_statement() -> None:
    text = "He called the plan a “complete and utter disaster” on Monday."
    assert [q.kind for q in build_document(text, config=CLEAN).quotes] == ["short"]
    stricter = CLEAN.with_settings({"quotes.short_quote_max_words": 3})
    assert [q.kind for q in build_document(text, config=stricter).quotes] == ["direct"]


def test_attribution_pronoun_reach_decides_whom_he_refers_to() -> None:
    text = (
        "Ahmad Massoud said the talks had failed.\n\nThe fighting continued overnight.\n\n"
        "The roads stayed closed.\n\nHe added that the resistance would hold the valley."
    )

    def speakers(config: Config) -> list[str | None]:
        return [a.speaker for a in build_document(text, config=config).attributions]

    assert speakers(CLEAN) == ["Ahmad Massoud", "Ahmad Massoud"]  # three sentences back
    nearer = CLEAN.with_settings({"attribution.pronoun_max_sentences_back": 1})
    assert speakers(nearer) == ["Ahmad Massoud", "He"]


def test_hedging_gap_decides_whether_the_cue_joins_the_vague_source() -> None:
    text = "Critics of the government have long warned that the dam could fail."

    def weasels(config: Config) -> list[str]:
        doc = build_document(text, config=config)
        return [s.text for s in hedging.detect(doc, config) if s.signal == "weasel"]

    assert weasels(CLEAN) == ["Critics of the government have long warned"]
    apart = CLEAN.with_settings({"hedging.vague_source_max_gap_words": 1})
    assert weasels(apart) == ["Critics of the government"]


def test_labels_lookback_decides_how_far_back_a_description_s_actor_is_found() -> None:
    pack = story_pack_from_text(
        "actor,aliases,kind\nNational Resistance Front,NRF,group\n", name="test"
    )
    config = Config(story_pack=pack, strip_boilerplate=False)
    text = (
        "The National Resistance Front attacked the town on Monday. Shops stayed closed. "
        "Roads were empty. Schools were shut. The militants withdrew at dawn."
    )

    def actors(config: Config) -> list[str | None]:
        doc = build_document(text, config=config)
        return [s.actor for s in loaded.detect(doc, config) if s.label in LABEL_TIERS]

    assert actors(config) == ["unresolved"]  # named four sentences before, two are read
    further = config.with_settings({"labels.lookback_sentences": 4})
    assert actors(further) == ["National Resistance Front"]


# --- bad names and types -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"attribution.pronoun_reach": 2}, r"unknown setting 'attribution.pronoun_reach'; attr"),
        ({"speakers.pronoun_max_sentences_back": 2}, r"unknown setting .* the stages being"),
        ({"pronoun_max_sentences_back": 2}, r"write stage.field"),
        ({"attribution.pronoun_max_sentences_back": 2.5}, r"takes a whole number \(int\)"),
        ({"boilerplate.fallback_share": "0.5"}, r"takes a number \(float\), not '0.5'"),
        ({"hedging.vague_source_max_gap_words": True}, r"takes a number"),
    ],
)
def test_an_unknown_name_or_a_wrong_type_is_refused_in_one_line(changes, message) -> None:
    with pytest.raises(SettingError, match=message) as raised:
        Config().with_settings(changes)
    assert "\n" not in str(raised.value)


def test_an_int_is_taken_for_a_float_setting() -> None:
    config = Config().with_settings({"boilerplate.fallback_share": 1})
    assert config.boilerplate.fallback_share == 1.0
    assert isinstance(config.boilerplate.fallback_share, float)


# --- the boilerplate model's feature thresholds -------------------------------------------------


def _model_document() -> dict:
    source = resources.files("analyzer").joinpath("models", MODEL_FILE)
    return json.loads(source.read_text(encoding="utf-8"))


def test_the_shipped_model_records_the_code_s_feature_thresholds() -> None:
    document = _model_document()
    assert document[THRESHOLDS_KEY] == FEATURE_THRESHOLDS
    check_thresholds(document, MODEL_FILE)


def test_a_model_trained_with_another_threshold_is_refused_naming_it() -> None:
    document = _model_document()
    document[THRESHOLDS_KEY] = {**FEATURE_THRESHOLDS, "sentence_min_words": 9}
    expected = (
        "boilerplate.json was trained with sentence_min_words=9, the code uses 8: "
        "retrain with benchmarks/train_boilerplate.py"
    )
    with pytest.raises(LexiconError) as raised:
        check_thresholds(document, MODEL_FILE)
    assert str(raised.value) == expected


@pytest.mark.parametrize("drop", ["all", "hash_buckets"])
def test_a_model_that_does_not_record_its_thresholds_is_refused(drop: str) -> None:
    document = _model_document()
    if drop == "all":
        del document[THRESHOLDS_KEY]
    else:
        del document[THRESHOLDS_KEY][drop]
    with pytest.raises(LexiconError, match=r"retrain with benchmarks/train_boilerplate\.py"):
        check_thresholds(document, MODEL_FILE)


def test_recording_the_thresholds_leaves_the_trees_as_they_are(tmp_path: Path, monkeypatch) -> None:
    import importlib.util
    import sys

    from tests.conftest import ROOT

    path = ROOT / "benchmarks" / "train_boilerplate.py"
    spec = importlib.util.spec_from_file_location("train_boilerplate", path)
    assert spec is not None and spec.loader is not None
    trainer = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, trainer)
    spec.loader.exec_module(trainer)

    shipped = (ROOT / "analyzer" / "models" / MODEL_FILE).read_text(encoding="utf-8")
    older = json.loads(shipped)
    del older[THRESHOLDS_KEY]
    copy = tmp_path / MODEL_FILE
    copy.write_text(json.dumps(older, separators=(",", ":")) + "\n", encoding="utf-8")
    trainer.record_thresholds(copy)
    assert copy.read_text(encoding="utf-8") == shipped


# --- the dev sweep -------------------------------------------------------------------------------


def test_the_sweep_evaluates_each_value_and_marks_the_shipped_one(monkeypatch) -> None:
    from benchmarks import sweep_settings

    seen: list[int] = []

    def measure(config: Config) -> dict[str, float]:
        seen.append(config.attribution.colon_max_words)
        assert not config.strip_boilerplate  # the evaluations' own clean-text config
        return {"F1": seen[-1] / 100}

    monkeypatch.setitem(sweep_settings.MEASURES, "attribution", measure)
    rows = sweep_settings.sweep("attribution.colon_max_words", [5, 10])
    assert seen == [5, 10]
    table = sweep_settings.format_table("attribution.colon_max_words", rows)
    assert "| 5 | 0.0500 |" in table
    assert "| 10 * | 0.1000 |" in table
    assert sweep_settings.SPLIT == "dev"
