"""What the five bundled seed articles must show (issue 2, item 6).

The seeds are five outlets' reports of the same story (the Panjshir resistance, 2021) with their
page furniture left in, and ``seeds/storypack.csv`` names the story's actors.
"""

from __future__ import annotations

import re

import pytest

from analyzer import tables
from analyzer.analysis import Analysis, analyze
from analyzer.config import Config
from analyzer.span import Span

from .conftest import SEED_OUTLETS, seed_meta

REPUBLIC, NEWSTRACK, GDC, SOUTHFRONT, TELESUR = SEED_OUTLETS


@pytest.fixture(scope="module")
def analyses(seed_texts: dict[str, str], seed_config: Config) -> dict[str, Analysis]:
    assert seed_config.story_pack is not None, "seeds/storypack.csv must ship with the seeds"
    return {
        name: analyze(text, seed_config, meta=seed_meta(name)) for name, text in seed_texts.items()
    }


def _labels(analysis: Analysis) -> list[Span]:
    return [s for s in analysis.spans_of("loaded") if s.label in tables.LABEL_TIERS]


def _own_value_laden_for_taliban(analysis: Analysis) -> list[str]:
    return [
        s.text
        for s in _labels(analysis)
        if s.label == "value-laden" and s.voice == "authorial" and s.actor == "Taliban"
    ]


# --- labels and voice --------------------------------------------------------------------------


@pytest.mark.parametrize("name", [REPUBLIC, NEWSTRACK, GDC], ids=["republic", "newstrack", "gdc"])
def test_these_outlets_call_the_taliban_value_laden_names_in_their_own_voice(analyses, name):
    assert _own_value_laden_for_taliban(analyses[name]), SEED_OUTLETS[name]
    assert analyses[name].scores["loaded_style_flags"] >= 1


@pytest.mark.parametrize("name", [SOUTHFRONT, TELESUR], ids=["southfront", "telesur"])
def test_these_outlets_do_not(analyses, name):
    assert _own_value_laden_for_taliban(analyses[name]) == [], SEED_OUTLETS[name]
    assert analyses[name].scores["loaded_value_laden_authorial"] == 0


def test_known_labels_carry_their_actor(analyses):
    newstrack = {(s.text, s.actor) for s in _labels(analyses[NEWSTRACK])}
    assert ("militants", "Taliban") in newstrack  # "the Taliban militants"
    assert ("terrorists", "al Qaeda") in newstrack  # "al Qaeda terrorists of Moroccan origins"
    assert ("fighters", "National Resistance Front") in newstrack  # "anti-Taliban fighters"
    gdc = {(s.text, s.actor) for s in _labels(analyses[GDC])}
    assert ("terrorists", "Taliban") in gdc  # "thousands Taliban terrorists"
    assert ("rebel group", "Northern Alliance") in gdc
    telesur = {(s.text, s.actor) for s in _labels(analyses[TELESUR])}
    assert ("armed group", "Taliban") in telesur  # "the Taliban armed group"


def test_gdc_taliban_terrorists_before_says_stays_authorial(analyses):
    # "Resistance forces drove more than thousands Taliban terrorists out of the valley, says
    # anti-Taliban resistance group ...": the label is outside any quotation or reported clause.
    span = next(s for s in _labels(analyses[GDC]) if s.text == "terrorists")
    assert span.voice == "authorial"


def test_freedom_fighters_quoted_at_republic_and_authorial_at_gdc(analyses):
    republic = [s for s in _labels(analyses[REPUBLIC]) if s.term == "freedom fighter"]
    gdc = [s for s in _labels(analyses[GDC]) if s.term == "freedom fighter"]
    assert [s.voice for s in republic] == ["quoted"]
    assert [s.voice for s in gdc] == ["authorial"]
    assert gdc[0].label == "honorific"


# --- furniture and body ------------------------------------------------------------------------


# Which seed lines are furniture and which are body (ledes, subheads, paragraphs) is asserted in
# tests/test_boilerplate.py (SEED_FURNITURE, SEED_BODY); here: that no signal reads furniture.


def test_no_loaded_span_comes_from_furniture(analyses):
    for analysis in analyses.values():
        doc = analysis.document
        for span in analysis.spans_of("loaded"):
            assert doc.sentence_index(span.start) is not None, (analysis.meta.outlet, span)


# --- sources -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SEED_OUTLETS), ids=list(SEED_OUTLETS.values()))
def test_each_article_lists_the_massoud_it_quotes_among_its_sources(analyses, seed_config, name):
    analysis = analyses[name]
    speakers = {a.speaker for a in analysis.document.attributions}
    assert "Ahmad Massoud" in speakers
    rows = tables.source_rows(analysis, seed_config)
    massoud = [row for row in rows if row["actor"] == "Ahmad Massoud"]
    assert massoud and sum(row["attributions"] for row in massoud) >= 1


def test_us_alias_names_the_country_and_never_the_pronoun(seed_texts, seed_config):
    pack = seed_config.story_pack
    country = "the United States"
    found = [
        text[m.start : m.end]
        for text in seed_texts.values()
        for m in pack.matcher.find(text)
        if m.payload.name == country
    ]
    pronouns = sum(len(re.findall(r"\bus\b", text)) for text in seed_texts.values())
    assert pronouns > 0, "the seeds use the pronoun 'us', so this test can tell the two apart"
    assert "US" in found
    assert "us" not in found


@pytest.mark.parametrize("name", list(SEED_OUTLETS), ids=list(SEED_OUTLETS.values()))
def test_sources_table_counts_the_highlighted_cues_and_quotations(analyses, seed_config, name):
    """One row per speaker (a resolved 'he' joins the named speaker), one count per highlighted
    cue (a continued quotation's halves share one), quotes as the quotation count shows them."""
    analysis = analyses[name]
    rows = tables.source_rows(analysis, seed_config)
    cues = [s for s in analysis.spans_of("attribution") if s.label != "credit" and s.source]
    assert sum(row["attributions"] for row in rows) == len(cues)
    assert sum(row["quotes"] for row in rows) == analysis.scores["quote_direct_count"]
    speakers = [row["speaker"] for row in rows]
    assert len(speakers) == len(set(speakers))
