"""The attribution signal: quote and attribution spans, density and source figures, source rows."""

from __future__ import annotations

import pytest

from analyzer.analysis import analyze
from analyzer.collection import analyze_collection
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.signals import attribution
from analyzer.signals.attribution import source_rows
from analyzer.signals.base import rate
from analyzer.span import Span
from analyzer.storypack import story_pack_from_text

from .conftest import SEED_OUTLETS, SEEDS, seed_meta

CLEAN = Config(strip_boilerplate=False)
PACK = story_pack_from_text(
    "actor,aliases,kind\n"
    "Ahmad Massoud,Masud;Ahmad Masud;son of former Afghan commander Ahmad Shah Masud;"
    "son of the lion of Panjshir,person\n"
    "Taliban,the Taliban,group\n",
    name="test",
)

TEXT = (
    "The Taliban claimed to have taken the valley.\n\n"
    '"We will never surrender to the Taliban," Masud said. '
    "He added that the resistance is alive.\n\n"
    "Officials said the road was closed. The army held the pass.\n\n"
    "Masud called the attack “barbaric”."
)


def _run(text: str, config: Config = CLEAN) -> tuple[list[Span], dict[str, float]]:
    doc = build_document(text, config=config)
    spans = attribution.detect(doc, config)
    return spans, attribution.score(doc, spans)


def test_quote_spans_carry_kind_and_source() -> None:
    spans, _ = _run(TEXT)
    quotes = [s for s in spans if s.signal == "quote"]
    assert [(s.label, s.text, s.source, s.source_kind, s.voice) for s in quotes] == [
        ("direct", '"We will never surrender to the Taliban,"', "Masud", "named", "quoted"),
        ("short", "“barbaric”", "Masud", "named", "quoted"),  # "called X “barbaric”": his word
    ]


def test_partial_quote_inside_reported_speech_takes_its_source() -> None:
    spans, _ = _run("Masud also said that the international community is “completely responsible”.")
    quote = next(s for s in spans if s.signal == "quote")
    assert (quote.label, quote.source, quote.source_kind) == ("short", "Masud", "named")


def test_a_quotation_continuing_inner_reported_speech_is_the_inner_speakers() -> None:
    spans, _ = _run(
        "According to a complaint unsealed in court, the man told an undercover agent that he "
        'wanted to "kill as many people as possible."'
    )
    quote = next(s for s in spans if s.signal == "quote")
    assert quote.source == "the man"


def test_attribution_spans_are_cues_with_mode_source_and_kind() -> None:
    spans, _ = _run(TEXT)
    cues = [
        (s.text, s.label, s.source, s.source_kind, s.term)
        for s in spans
        if s.signal == "attribution"
    ]
    assert cues == [
        ("claimed", "indirect", "The Taliban", "organisation", "claim"),
        ("said", "direct", "Masud", "named", "say"),
        ("added", "indirect", "He", "pronoun", "add"),
        ("said", "indirect", "Officials", "anonymous", "say"),
        ("called", "indirect", "Masud", "named", "call"),
    ]
    assert all(s.rule and s.voice == "authorial" for s in spans if s.signal == "attribution")


def test_story_pack_actor_on_spans() -> None:
    spans, _ = _run(TEXT, Config(story_pack=PACK, strip_boilerplate=False))
    actors = {(s.text, s.actor) for s in spans if s.signal == "attribution"}
    assert ("claimed", "Taliban") in actors and ("said", "Ahmad Massoud") in actors
    assert ("added", "Ahmad Massoud") in actors  # the pronoun inherits its speaker's actor


def test_scores() -> None:
    doc = build_document(TEXT, config=CLEAN)
    spans = attribution.detect(doc, CLEAN)
    scores = attribution.score(doc, spans)
    assert set(scores) == set(attribution.SIGNAL.feature_names)
    assert len(doc.sentences) == 6
    assert scores["attribution_density"] == pytest.approx(5 / 6)
    per_word = 1000 / doc.body_words
    assert scores["attribution_rate"] == pytest.approx(5 * per_word)
    assert scores["quote_direct_count"] == 1.0
    assert scores["quote_direct_rate"] == pytest.approx(per_word)
    assert scores["quote_word_share"] == pytest.approx(7 / doc.body_words)
    assert scores["quote_attributed_share"] == 1.0
    assert scores["source_distinct_count"] == 3.0  # the Taliban, Masud, Officials
    counts = [
        scores[f"source_{k}_count"] for k in ("named", "organisation", "anonymous", "pronoun")
    ]
    assert counts == [2.0, 1.0, 1.0, 1.0]
    assert scores["source_named_share"] == pytest.approx(4 / 5)  # "He" counts as Masud
    assert scores["source_anonymous_rate"] == pytest.approx(per_word)


def test_scores_without_attributions() -> None:
    _, scores = _run("The army held the pass. The valley is quiet.")
    assert all(value == 0.0 for value in scores.values())


def test_source_rows_list_whose_voices_are_heard() -> None:
    doc = build_document(TEXT, config=CLEAN)
    rows = source_rows(doc)
    assert rows[0] == {
        "speaker": "Masud",
        "kind": "named",
        "actor": None,
        "quotes": 1,
        "attributions": 3,
    }
    assert {row["speaker"] for row in rows} == {"Masud", "The Taliban", "Officials"}
    assert all(set(row) == {"speaker", "kind", "actor", "quotes", "attributions"} for row in rows)


def test_source_rows_with_a_story_pack_merge_descriptions(seed_texts: dict[str, str]) -> None:
    name = "004_f13ce513ec09778f.txt"  # teleSUR: "Masud", "the son of ...", "he"
    without = source_rows(analyze(seed_texts[name], meta=seed_meta(name)).document)
    assert len({row["speaker"] for row in without}) >= 3
    config = Config(story_pack=PACK)
    rows = source_rows(analyze(seed_texts[name], config, meta=seed_meta(name)).document)
    massoud = next(row for row in rows if row["actor"] == "Ahmad Massoud")
    assert rows[0] is massoud
    assert massoud["quotes"] == 3 and massoud["attributions"] >= 7
    assert {row["actor"] for row in rows} == {"Ahmad Massoud", "Taliban"}


@pytest.mark.parametrize("name", list(SEED_OUTLETS), ids=list(SEED_OUTLETS.values()))
def test_seed_spans_are_slice_exact_and_scores_in_range(
    name: str, seed_texts: dict[str, str], seed_config: Config
) -> None:
    result = analyze(seed_texts[name], seed_config, meta=seed_meta(name))
    spans = result.spans_of("quote", "attribution")
    assert spans, "every seed quotes or reports someone"
    assert all(result.text[s.start : s.end] == s.text for s in spans)
    for feature in attribution.FEATURES:
        value = result.scores[feature.name]
        assert feature.low is None or value >= feature.low
        assert feature.high is None or value <= feature.high
    assert result.scores["source_named_share"] > 0.5


def test_credit_lines_are_shown_but_give_nobody_a_voice() -> None:
    text = "Officials said the road was closed.\n\nImage: Jane Doe."
    spans, scores = _run(text)
    assert [s.label for s in spans if s.signal == "attribution"] == ["indirect", "credit"]
    _, without = _run("Officials said the road was closed.")
    assert scores["attribution_rate"] > 0
    assert scores["source_named_count"] == without["source_named_count"] == 0
    assert scores["source_distinct_count"] == without["source_distinct_count"]
    assert {row["speaker"] for row in source_rows(build_document(text, config=CLEAN))} == {
        "Officials"
    }


def test_scorecard_counts_exactly_the_highlighted_cues_on_every_seed(seed_config: Config) -> None:
    # Seed 003 highlighted one "said" that owns two continued quotations, and used to count it twice.
    result = analyze_collection([SEEDS], seed_config)
    rows = result.articles.set_index("file")
    assert len(result.analyses) == len(SEED_OUTLETS)
    for analysis in result.analyses:
        row = rows.loc[analysis.meta.file]
        cues = [s for s in analysis.spans_of("attribution") if s.label != "credit"]
        words = analysis.document.body_words
        assert row["attribution_rate"] == pytest.approx(rate(len(cues), words)), analysis.meta.file
        for kind in ("named", "organisation", "anonymous", "pronoun"):
            shown = sum(s.source_kind == kind for s in cues)
            assert row[f"source_{kind}_count"] == shown, (analysis.meta.file, kind)
        anonymous = sum(s.source_kind == "anonymous" for s in cues)
        assert row["source_anonymous_rate"] == pytest.approx(rate(anonymous, words))


def test_counts_follow_the_spans_given_in_any_order() -> None:
    doc = build_document(TEXT, config=CLEAN)
    spans = attribution.detect(doc, CLEAN)
    assert attribution.score(doc, spans[::-1]) == attribution.score(doc, spans)
    quotes_only = [s for s in spans if s.signal != "attribution"]
    scores = attribution.score(doc, quotes_only)
    assert scores["attribution_rate"] == 0.0 and scores["source_named_count"] == 0.0
