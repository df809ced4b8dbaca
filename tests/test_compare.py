"""Comparisons across outlets: aligned sentences, distinctive words, label matrix, chart data."""

from __future__ import annotations

import math

import pytest

from analyzer.analysis import Analysis, analyze
from analyzer.compare.align import align_sentences
from analyzer.compare.distinctive import distinctive_words, is_content_word, log_odds_z
from analyzer.compare.labels import (
    actor_order,
    cell_at,
    cell_evidence,
    label_cells,
    label_matrix,
    matrix_cells,
    voice_split,
)
from analyzer.compare.summary import CHART_GROUPS, chart_data, label_rates, signal_table
from analyzer.document import ArticleMeta
from analyzer.scorecard import article_frame, article_row, outlet_frame
from analyzer.signals import all_features
from analyzer.span import make_span

FACT = {
    "Alpha": "The army withdrew its troops from the northern valley on Sunday after heavy fighting.",
    "Beta": "After heavy fighting, troops of the army withdrew from the northern valley on Sunday.",
    "Gamma": "On Sunday the army withdrew troops from the northern valley following heavy fighting.",
}
OTHER = {
    "Alpha": "Markets in the capital reopened and bread prices fell for the first time in weeks.",
    "Beta": "A football tournament for schoolchildren is planned for the spring holidays.",
    "Gamma": "The new museum exhibition shows carpets woven by artisans two centuries ago.",
}


def _article(outlet: str, text: str) -> Analysis:
    return analyze(text, meta=ArticleMeta(file=f"{outlet}.txt", outlet=outlet))


@pytest.fixture(scope="module")
def three_outlets() -> list[Analysis]:
    return [_article(o, f"{FACT[o]} {OTHER[o]}") for o in FACT]


def test_the_same_fact_is_aligned_across_all_outlets_and_unrelated_sentences_are_not(three_outlets):
    groups = align_sentences(three_outlets)
    assert len(groups) == 1
    group = groups[0]
    assert group.outlets == ("Alpha", "Beta", "Gamma")
    assert [ref.text for ref in group.sentences] == [FACT[o] for o in group.outlets]
    assert 0.2 < group.similarity <= 1.0


def test_a_group_never_holds_two_sentences_of_one_outlet():
    analyses = [
        _article("Alpha", f"{FACT['Alpha']} {FACT['Beta']}"),
        _article("Beta", FACT["Gamma"]),
    ]
    for group in align_sentences(analyses):
        assert len(set(group.outlets)) == len(group.outlets)


def test_alignment_needs_two_outlets():
    assert align_sentences([_article("Alpha", f"{FACT['Alpha']} {FACT['Beta']}")]) == []


def test_log_odds_z_is_zero_for_equal_rates_and_antisymmetric():
    assert log_odds_z(10, 1000, 10, 1000, 0.01) == pytest.approx(0.0)
    forward = log_odds_z(30, 1000, 5, 1000, 0.0175)
    assert forward > 2
    assert log_odds_z(5, 1000, 30, 1000, 0.0175) == pytest.approx(-forward)


def test_the_prior_pulls_rare_words_toward_zero():
    # Same ratio (3:0 vs 30:0), ten times fewer uses: much weaker evidence.
    rare = log_odds_z(3, 2000, 0, 2000, 3 / 4000)
    common = log_odds_z(30, 2000, 0, 2000, 30 / 4000)
    assert 0 < rare < common


def test_distinctive_words_find_each_outlets_own_word_with_its_sentences():
    regime = "The regime announced new measures. The regime closed the border. Talks went on."
    government = (
        "The government announced new measures. The government closed the border. Talks went on."
    )
    neutral = (
        "The authorities announced new measures. The authorities closed the border. Talks went on."
    )
    analyses = [_article("A", regime), _article("B", government), _article("C", neutral)]
    table = distinctive_words(analyses, top=3)
    assert set(table) == {"A", "B", "C"}
    assert table["A"][0].word == "regime"
    assert table["B"][0].word == "government"
    top = table["A"][0]
    assert (top.count, top.rest_count) == (2, 0)
    assert [ref.text for ref in top.sentences] == [
        "The regime announced new measures.",
        "The regime closed the border.",
    ]
    shared = {w.word: w.z for w in distinctive_words(analyses, top=50)["A"]}
    assert shared.get("announced", 0.0) < top.z  # used by everyone: not distinctive


def test_grammar_words_and_plain_reporting_verbs_never_lead_a_small_lesson():
    # Alpha's style: first person, present tense, "says"; its content word is "surrender".
    alpha = (
        "Our commander says our fighters will never surrender. He says our valley stands. "
        "Our people say they refuse to surrender, he says."
    )
    beta = "The commander said the fighters would hold the valley. The people said they would stay."
    table = distinctive_words([_article("Alpha", alpha), _article("Beta", beta)], top=5)
    listed = [w.word for w in table["Alpha"]]
    assert listed[0] == "surrender"
    assert not {"our", "he", "says", "say", "the", "they"} & set(listed)
    assert not {"said", "the", "would"} & {w.word for w in table["Beta"]}


def test_is_content_word_follows_general_english_frequency():
    assert not is_content_word("the") and not is_content_word("our")
    assert not is_content_word("told")  # a plain reporting verb, from the cue lexicon
    assert is_content_word("surrender") and is_content_word("panjshir")
    assert is_content_word("claimed")  # a distancing verb is a word choice worth seeing


def test_distinctive_words_need_two_outlets():
    assert distinctive_words([_article("A", "The regime spoke. The regime left.")]) == {}


def _labelled(outlet: str, text: str, labels: list[tuple[str, str, str, str]]) -> Analysis:
    """An analysis of ``text`` whose loaded spans are exactly ``labels`` (word, tier, actor, voice)."""
    base = _article(outlet, text)
    spans = [s for s in base.spans if s.signal != "loaded"]
    cursor = 0
    for word, tier, actor, voice in labels:
        start = text.index(word, cursor)
        cursor = start + len(word)
        spans.append(
            make_span(
                text,
                start,
                cursor,
                signal="loaded",
                label=tier,
                rule="test",
                voice=voice,
                actor=actor,
                term=word.lower(),
            )
        )
    return Analysis(base.document, tuple(sorted(spans, key=lambda s: s.sort_key)), base.scores)


@pytest.fixture(scope="module")
def labelled() -> list[Analysis]:
    return [
        _labelled(
            "Alpha",
            "The terrorists attacked a post. Officials called them terrorists too.",
            [
                ("terrorists", "value-laden", "Taliban", "authorial"),
                ("terrorists", "value-laden", "Taliban", "reported"),
            ],
        ),
        _labelled(
            "Beta",
            "The fighters attacked a post near the river.",
            [("fighters", "descriptive", "Taliban", "authorial")],
        ),
    ]


def test_label_matrix_counts_actor_term_tier_by_outlet_and_voice(labelled):
    cells = label_cells(labelled)
    every = label_matrix(cells)
    assert every.loc[("Taliban", "value-laden", "terrorists"), "Alpha"] == 2
    assert every.loc[("Taliban", "value-laden", "terrorists"), "Beta"] == 0
    assert every.loc[("Taliban", "descriptive", "fighters"), "Beta"] == 1
    own = label_matrix(cells, "authorial")
    assert own.loc[("Taliban", "value-laden", "terrorists"), "Alpha"] == 1
    split = voice_split(cells)
    assert list(split.columns) == ["authorial", "quoted", "reported", "caption"]
    assert split.loc["Alpha"].tolist() == [1, 0, 1, 0]
    with pytest.raises(ValueError):
        label_matrix(cells, "shouted")


def test_the_matrix_lists_the_most_loaded_actors_and_labels_first():
    analyses = [
        _labelled(
            "Alpha",
            "Aaron's fighters and the group met. The group left. The terrorists and rebels came.",
            [
                ("fighters", "descriptive", "Aaron", "authorial"),
                ("group", "descriptive", "Taliban", "authorial"),
                ("group", "descriptive", "Taliban", "authorial"),
                ("terrorists", "value-laden", "Taliban", "authorial"),
                ("rebels", "contested", "unresolved", "authorial"),
            ],
        ),
        _labelled("Beta", "Heroes all.", [("Heroes", "honorific", "Aaron", "quoted")]),
    ]
    cells = label_cells(analyses)
    # Taliban has a value-laden label; Aaron only praise and a neutral word; unresolved goes last.
    assert actor_order(cells) == ["Taliban", "Aaron", "unresolved"]
    assert list(label_matrix(cells).index) == [
        ("Taliban", "value-laden", "terrorists"),
        ("Taliban", "descriptive", "group"),
        ("Aaron", "honorific", "heroes"),
        ("Aaron", "descriptive", "fighters"),
        ("unresolved", "contested", "rebels"),
    ]
    # The order holds under a voice filter, so a reader's place does not jump.
    assert list(label_matrix(cells, "authorial").index)[:2] == [
        ("Taliban", "value-laden", "terrorists"),
        ("Taliban", "descriptive", "group"),
    ]


def test_matrix_cells_name_each_non_empty_cell_and_a_click_finds_its_cell(labelled):
    matrix = label_matrix(label_cells(labelled))
    cells = matrix_cells(matrix)
    assert [(c.identity, c.count) for c in cells] == [
        (("Taliban", "value-laden", "terrorists", "Alpha"), 2),
        (("Taliban", "descriptive", "fighters", "Beta"), 1),
    ]
    assert cells[0].describe() == "Taliban called “terrorists” (value-laden) in Alpha: 2×"
    assert cell_at(matrix, 1, "Beta") == cells[1]
    assert cell_at(matrix, 1, "Alpha") is None  # an empty cell opens nothing
    assert cell_at(matrix, 5, "Beta") is None  # a click on a row the matrix no longer has


def test_a_cell_opens_the_sentences_behind_it(labelled):
    cells = label_cells(labelled)
    evidence = cell_evidence(
        labelled, cells, actor="Taliban", term="terrorists", outlet="Alpha", voice="reported"
    )
    assert [(ref.text, span.text) for ref, span in evidence] == [
        ("Officials called them terrorists too.", "terrorists")
    ]


def test_chart_data_and_rates_are_per_outlet(labelled):
    outlets = outlet_frame(article_frame(article_row(a) for a in labelled))
    cells = label_cells(labelled)
    rates = label_rates(cells, outlets, voice="authorial")
    words = outlets.set_index("outlet")["body_words"]
    assert rates.loc["Alpha", "value-laden"] == pytest.approx(1000 / words["Alpha"])
    assert rates.loc["Beta", "value-laden"] == 0.0
    by_voice = label_rates(cells, outlets, by="voice")
    assert list(by_voice.columns) == ["authorial", "quoted", "reported", "caption"]
    assert by_voice.loc["Alpha", "reported"] == pytest.approx(1000 / words["Alpha"])
    for group in CHART_GROUPS:
        frame = chart_data(outlets, group)
        assert list(frame.index) == ["Alpha", "Beta"]
        assert all(math.isfinite(v) for v in frame.to_numpy().ravel())
    table = signal_table(outlets)
    assert list(table.columns) == ["unit", "Alpha", "Beta"]
    assert table.loc["body_words", "Alpha"] == words["Alpha"]


def test_every_chart_measure_is_a_declared_feature_with_one_unit_per_chart(labelled):
    # chart_data leaves out columns a table lacks, so a renamed feature would drop its bar silently.
    units = {feature.name: feature.unit for feature in all_features()}
    for group in CHART_GROUPS:
        columns = [column for column, _ in group.columns]
        assert set(columns) <= set(units), (group.title, set(columns) - set(units))
        assert len({units[column] for column in columns}) == 1, group.title  # one axis
    assert "body_words" in units  # label_rates divides by it
    outlets = outlet_frame(article_frame(article_row(a) for a in labelled))
    for group in CHART_GROUPS:
        assert len(chart_data(outlets, group).columns) == len(group.columns), group.title
