"""Credibility indicators: whose voices are heard, what can be checked, what the headline and the
page do; every figure is a count or share of spans a reader can open."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analysis, analyze
from analyzer.collection import analyze_collection
from analyzer.config import Config
from analyzer.credibility.indicators import INDICATORS, evidence_of, indicator_columns
from analyzer.credibility.table import (
    CREDIBILITY_COLUMNS,
    credibility_frame,
    indicator_evidence,
    indicator_matrix,
    side_frame,
)
from analyzer.document import ArticleMeta
from analyzer.errors import LexiconError
from analyzer.signals import all_features
from analyzer.storypack import story_pack_from_text

from .conftest import SEED_OUTLETS, SEEDS, seed_meta

REPUBLIC, NEWSTRACK, GDC, SOUTHFRONT, TELESUR = SEED_OUTLETS
NRF = "National Resistance Front"
PACK = story_pack_from_text(
    "actor,aliases,kind,side\n"
    "Taliban,Taleban,group,\n"
    "Northern Front,NF,group,\n"
    "Ali Karimi,Karimi,person,Northern Front\n"
)


def _spans(analysis: Analysis, signal: str, label: str | None = None) -> list[str]:
    return [s.text for s in analysis.spans if s.signal == signal and label in (None, s.label)]


# --- whose voices are heard, per seed ------------------------------------------------------------

#: Per seed: the sides whose sources are heard (quoted or reported), and the sides whose people
#: are quoted directly. Read off the seed texts: every outlet quotes Ahmad Massoud (who leads the
#: National Resistance Front); GDC only reports him and the NRF ("The NRF says ..."); only
#: teleSUR lets the Taliban be heard ("the Taliban have claimed to have conquered Panjshir").
SIDES_HEARD = {
    REPUBLIC: ({NRF}, {NRF}),
    NEWSTRACK: ({NRF}, {NRF}),
    GDC: ({NRF}, set()),
    SOUTHFRONT: ({NRF}, {NRF}),
    TELESUR: ({NRF, "Taliban"}, {NRF}),
}


@pytest.fixture(scope="module")
def seed_analyses(seed_texts: dict[str, str], seed_config: Config) -> dict[str, Analysis]:
    return {
        name: analyze(text, seed_config, meta=seed_meta(name)) for name, text in seed_texts.items()
    }


@pytest.mark.parametrize("name", list(SIDES_HEARD), ids=list(SEED_OUTLETS.values()))
def test_each_seed_lets_these_sides_be_heard_and_quoted(seed_analyses, name):
    analysis = seed_analyses[name]
    heard, quoted = SIDES_HEARD[name]
    voices = [s for s in analysis.spans if s.signal == "voice"]
    assert {s.actor for s in voices if s.label == "source"} == heard, SEED_OUTLETS[name]
    assert {s.actor for s in voices if s.label == "quoted words"} == quoted, SEED_OUTLETS[name]
    assert analysis.scores["voice_side_count"] == len(heard)
    assert analysis.scores["voice_top_side_word_share"] == (1.0 if quoted else 0.0)


def test_a_spokesman_speaks_for_the_group_he_names_and_a_person_for_his_side():
    text = (
        "A Taliban spokesman said the fighters had left the valley. "
        '"We will not go back," Karimi told reporters. Aid workers said roads were closed.'
    )
    analysis = analyze(text, Config(story_pack=PACK))
    sources = {
        s.text: s.actor for s in analysis.spans if s.signal == "voice" and s.label == "source"
    }
    assert sources == {"A Taliban spokesman": "Taliban", "Karimi": "Northern Front"}
    quoted = [s for s in analysis.spans if s.signal == "voice" and s.label == "quoted words"]
    assert [(s.text, s.actor) for s in quoted] == [("We will not go back,", "Northern Front")]
    assert analysis.scores["voice_side_count"] == 2
    sides = side_frame([analysis])
    assert dict(zip(sides["side"], sides["quoted_word_share"], strict=True)) == {
        "Northern Front": 1.0,
        "Taliban": 0.0,
    }


def test_without_a_story_pack_a_source_speaks_for_the_side_its_phrase_names():
    text = (
        "Fighting resumed in the valley on Sunday. "
        "Ali Karimi, a commander of the Northern Front, said the fighters had left. "
        '"We will not go back," Karimi told reporters. He said the roads were closed. '
        "A spokesman for the Taliban said the valley was calm. "
        "Taliban spokesman Zabihullah Mujahid said the fighting was over. "
        "Israeli officials said the strikes would continue. "
        "Russia's foreign ministry said talks were possible. "
        "Hamas said it rejected the plan. Residents said shops were shut. "
        "A volunteer at the Saudi hospital, Adam Yahya, said beds had run out."
    )
    analysis = analyze(text)
    sources = [
        (s.text, s.actor) for s in analysis.spans if s.signal == "voice" and s.label == "source"
    ]
    assert sources == [
        ("Ali Karimi", "Northern Front"),  # the apposition says whose commander he is
        ("Karimi", "Northern Front"),  # and his side is remembered
        ("He", "Northern Front"),
        ("A spokesman for the Taliban", "Taliban"),
        ("Taliban spokesman Zabihullah Mujahid", "Taliban"),
        ("Israeli officials", "Israel"),
        ("Russia's foreign ministry", "Russia"),
        ("Hamas", "Hamas"),
        ("Adam Yahya", "Adam Yahya"),  # the hospital's volunteer, not Saudi Arabia's
    ]  # residents speak for no side
    quoted = [s.actor for s in analysis.spans if s.signal == "voice" and s.label == "quoted words"]
    assert quoted == ["Northern Front"]
    assert analysis.scores["voice_side_count"] == 6


def test_without_a_story_pack_a_named_person_speaks_for_themselves_titles_left_out():
    analysis = analyze(
        "President William Ruto said the protests were treason. "
        "Interior Minister Kipchumba Murkomen said police had acted lawfully. "
        "Murkomen said the curfew would stay. The commission said 39 people had died. "
        "California Governor Gavin Newsom, a Democrat, said the deployment was inflammatory. "
        "Allen Police Chief Brian Harvey said the officer ran to the gunfire."
    )
    sides = [s.actor for s in analysis.spans if s.signal == "voice" and s.label == "source"]
    assert sides == [
        "William Ruto",
        "Kipchumba Murkomen",
        "Kipchumba Murkomen",
        "Gavin Newsom",
        "Brian Harvey",
    ]


def test_without_a_story_pack_a_relative_or_an_opponent_does_not_speak_for_the_name():
    analysis = analyze(
        "Afghan Resistance Will Fight On, Says Lawmaker\n\n"
        "The son of former Afghan commander Ahmad Shah Masud said the valley would not fall. "
        "A Taliban opponent said the roads were mined. A lawyer for Ali Karimi said he was free."
    )
    sources = {
        s.text: s.actor for s in analysis.spans if s.signal == "voice" and s.label == "source"
    }
    assert sources == {"A lawyer for Ali Karimi": "Ali Karimi"}  # a lawyer speaks for the client


def test_without_a_story_pack_no_side_for_a_common_noun_or_a_pronoun_never_heard():
    analysis = analyze(
        "Donald Trump spoke in Ohio, Michigan, Wisconsin and Pennsylvania on Monday, and Hillary "
        "Clinton answered from New York with Bernie Sanders and Elizabeth Warren, as CNN and "
        "Fox looked on. The Civil "
        "Rights Act came up. He said it mattered. Supporters said the rally was the biggest yet. "
        "Clinton said the polls were tightening."
    )
    sides = [s.actor for s in analysis.spans if s.signal == "voice" and s.label == "source"]
    assert sides == ["Clinton"]  # not "Supporters", and "he" is no one heard before


def test_without_a_story_pack_you_speak_for_no_side():
    text = (
        'Clinton said the polls were tightening. "It will not last," Trump told her. You said it.'
    )
    sides = [s.actor for s in analyze(text).spans if s.signal == "voice" and s.label == "source"]
    assert sides == ["Clinton", "Trump"]


def test_a_name_opening_a_sentence_is_a_name_when_written_after_a_capitalised_word_too():
    # "Houthi" is written mid-sentence only after "Iran-backed", itself after "the": a name,
    # so "Houthi leader Abdul-Malik al-Houthi" speaks for the Houthis.
    analysis = analyze(
        "Ships in the Red Sea were attacked again by the Iran-backed Houthi rebels of Yemen, "
        "officials in London and Washington said on Monday. The United Kingdom Maritime Trade "
        "Operations centre and the Pentagon confirmed it, and Denmark, Greece and Japan "
        "rerouted ships through the Cape of Good Hope. Houthi leader Abdul-Malik al-Houthi "
        "said the attacks would go on."
    )
    sides = {s.text: s.actor for s in analysis.spans if s.signal == "voice" and s.label == "source"}
    assert sides["Houthi leader Abdul-Malik al-Houthi"] == "Houthi"


def test_a_side_must_be_an_actor_of_the_pack():
    with pytest.raises(LexiconError, match="side 'Nobody'"):
        story_pack_from_text("actor,aliases,kind,side\nAli Karimi,Karimi,person,Nobody\n")


# --- verifiability -------------------------------------------------------------------------------


def test_documents_data_sourced_numbers_and_dates_are_evidence():
    text = (
        "According to a 2019 study by the university, 45% of voters stayed home on Monday.\n\n"
        "Some 300 people marched. The full report is at https://example.org/report."
    )
    analysis = analyze(text)
    assert _spans(analysis, "evidence", "study") == ["study"]
    assert _spans(analysis, "evidence", "document") == ["report"]
    assert _spans(analysis, "evidence", "sourced number") == ["2019", "45%"]
    assert _spans(analysis, "evidence", "unsourced number") == ["300"]
    assert _spans(analysis, "evidence", "date") == ["Monday"]
    assert _spans(analysis, "evidence", "link") == ["https://example.org/report."]
    assert analysis.scores["evidence_sourced_number_share"] == pytest.approx(2 / 3)
    assert analysis.scores["evidence_link_count"] == 1.0


# --- headline ------------------------------------------------------------------------------------


def test_clickbait_cues_and_unsupported_headline_words_are_marked():
    title = "You Won't Believe What This SENATOR Did To Destroy Farmers!"
    body = (
        "The senator voted against the farm bill on Tuesday, officials said.\n\n"
        "The bill would have raised subsidies for growers in three states."
    )
    analysis = analyze(f"{title}\n\n{body}", meta=ArticleMeta(title=title))
    assert _spans(analysis, "headline", "headline") == [title]
    assert _spans(analysis, "headline", "withheld information") == ["You Won't Believe", "This"]
    assert _spans(analysis, "headline", "all caps") == ["SENATOR"]
    assert _spans(analysis, "headline", "exclamation") == ["!"]
    assert set(_spans(analysis, "headline", "unsupported word")) == {
        "Believe",
        "Destroy",
        "Farmers",
    }
    scores = analysis.scores
    assert scores["headline_words"] == 10
    assert scores["headline_clickbait_count"] == 4
    assert scores["headline_caps_share"] == pytest.approx(0.1)
    assert scores["headline_unsupported_share"] == pytest.approx(0.3)


def test_a_loaded_headline_word_the_body_never_uses_is_marked():
    title = "Thugs storm the capital"
    analysis = analyze(
        f"{title}\n\nHundreds of protesters entered the parliament building on Friday, police "
        "said. They left after two hours, and nobody was hurt, a spokesman for the city said.\n\n"
        "The protesters want new elections. The government has said it will not resign before "
        "the end of its term next year, and talks with the opposition have stalled since March.",
        meta=ArticleMeta(title=title),
    )
    assert _spans(analysis, "headline", "label absent from body") == ["Thugs"]


def test_an_article_without_a_known_title_has_no_headline_figures():
    analysis = analyze("You will not believe this. Officials said so on Monday.")
    assert _spans(analysis, "headline") == []
    assert analysis.scores["headline_words"] == 0.0


# --- tone and page -------------------------------------------------------------------------------


def test_tone_counts_judging_words_in_the_outlets_voice_only():
    text = 'The brutal regime crushed the protest. "They are thugs," a resident said.'
    analysis = analyze(text)
    tone = _spans(analysis, "tone")
    assert "brutal" in tone and "thugs" not in tone
    assert analysis.scores["tone_loaded_sentence_share"] == pytest.approx(0.5)


def test_the_seed_pages_show_their_byline_date_and_donation_asks(seed_analyses):
    assert _spans(seed_analyses[NEWSTRACK], "page", "byline") == ["By Saima Siddiqui"]
    assert seed_analyses[TELESUR].scores["page_date"] == 1.0
    asks = _spans(seed_analyses[SOUTHFRONT], "page", "donation ask")
    assert "Support SouthFront" in asks
    assert seed_analyses[SOUTHFRONT].scores["page_donation_ask_count"] == len(asks)
    assert seed_analyses[REPUBLIC].scores["page_byline"] == 0.0


def test_a_corrections_notice_and_a_dateline_are_found():
    text = (
        "KABUL (Reuters) - Talks resumed on Monday, officials said.\n\n"
        "Correction: An earlier version of this story misstated the date."
    )
    analysis = analyze(text)
    assert _spans(analysis, "page", "dateline") == ["KABUL (Reuters) -"]
    assert analysis.scores["page_correction"] == 1.0


# --- the indicator list and the outlet table ----------------------------------------------------


def test_every_indicator_is_a_declared_column_with_evidence_kinds():
    features = {f.name: f for f in all_features()}
    assert len(indicator_columns()) == len(INDICATORS) == len(set(indicator_columns()))
    for indicator in INDICATORS:
        assert indicator.column in features, indicator.column
        assert features[indicator.column].unit, indicator.column
        assert indicator.evidence, indicator.column


def test_credibility_table_is_the_outlet_scorecard_cut_to_the_indicators(seed_config):
    result = analyze_collection([SEEDS], seed_config)
    table = credibility_frame(result.outlets)
    assert tuple(table.columns) == CREDIBILITY_COLUMNS
    assert list(table["outlet"]) == list(result.outlets["outlet"])
    for column in indicator_columns():
        assert list(table[column]) == list(result.outlets[column]), column
    matrix = indicator_matrix(result.outlets)
    assert list(matrix.columns) == list(result.outlets["outlet"])
    refs = indicator_evidence(result.analyses, "page_donation_ask_count", "SouthFront")
    assert {r.span.text for r in refs} >= {"Support SouthFront"}
    for ref in refs:
        text = result.analyses[ref.article].text
        assert ref.start <= ref.span.start < ref.span.end <= ref.end <= len(text)


def test_a_cell_opens_exactly_the_spans_its_count_sums(seed_analyses):
    analysis = seed_analyses[SOUTHFRONT]
    asks = evidence_of("page_donation_ask_count", analysis.spans)
    assert len(asks) == analysis.scores["page_donation_ask_count"]
