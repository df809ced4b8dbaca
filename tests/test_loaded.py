"""The loaded signal: tiered actor labels with their actor and voice, and loaded language."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from analyzer import tables
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.lexicons import comment_lines
from analyzer.signals import loaded
from analyzer.span import Span
from analyzer.storypack import story_pack_from_text

PACK = story_pack_from_text(
    "actor,aliases,kind\n"
    "Taliban,,group\n"
    "Hamas,,group\n"
    "National Resistance Front,NRF;the resistance,group\n"
    "Northern Alliance,,group\n"
    "Ahmad Massoud,Massoud;Masud,person\n"
    "Ahmad Shah Massoud,Lion of Panjshir,person\n",
    name="test",
)
WITH_PACK = Config(story_pack=PACK, strip_boilerplate=False)
NO_PACK = Config(strip_boilerplate=False)


def _labels(text: str, config: Config = WITH_PACK) -> list[Span]:
    spans = loaded.detect(build_document(text, config=config), config)
    return [span for span in spans if span.label in tables.LABEL_TIERS]


def _label(text: str, word: str, config: Config = WITH_PACK) -> Span:
    found = [span for span in _labels(text, config) if span.text == word]
    assert len(found) == 1, f"{word!r} not found once in {_labels(text, config)}"
    return found[0]


# --- tiers, terms and inflection ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "tier", "term"),
    [
        ("Taliban terrorists attacked the post.", "terrorists", "value-laden", "terrorist"),
        ("The Terrorist fled.", "Terrorist", "value-laden", "terrorist"),
        ("The Taliban terror group struck.", "terror group", "value-laden", "terror group"),
        ("A terrorist organisation formed.", "terrorist organisation", "value-laden", "terrorist"),
        ("Hamas militants fired rockets.", "militants", "contested", "militant"),
        ("The insurgents captured Kabul.", "insurgents", "contested", "insurgent"),
        ("Taliban fighters entered the valley.", "fighters", "descriptive", "fighter"),
        ("The Taliban armed group advanced.", "armed group", "descriptive", "armed group"),
        ("He called the Taliban vermin.", "vermin", "dehumanizing", "vermin"),
        ("They are cockroaches, he wrote.", "cockroaches", "dehumanizing", "cockroach"),
        (
            "The freedom-fighters of the NRF held out.",
            "freedom-fighters",
            "honorific",
            "freedom fighter",
        ),
        ("The Taliban regime fell.", "regime", "value-laden", "regime"),
        # Name-calling nouns that need an actor are labels too (IPA "name calling").
        ("He is a warmonger and a crook.", "warmonger", "value-laden", "warmonger"),
        ("The column called him a traitor.", "traitor", "value-laden", "traitor"),
        # AP: "illegal" describes an act, never a person
        ("He said illegals were crossing daily.", "illegals", "value-laden", "illegal immigrant"),
        ("Vigilantes lynched two suspects.", "Vigilantes", "descriptive", "vigilante"),
        ('"The orcs are shelling us," the mayor said.', "orcs", "dehumanizing", "orc"),
    ],
)
def test_actor_labels_are_found_with_tier_and_base_term(text, word, tier, term):
    span = _label(text, word)
    assert (span.label, span.term, span.signal) == (tier, term, "loaded")


def test_loaded_language_has_no_actor_and_its_own_label():
    text = "The brutal attack was a massacre; critics slammed the bloody nose it gave the army."
    spans = loaded.detect(build_document(text, config=WITH_PACK), WITH_PACK)
    found = {(s.text, s.label, s.actor) for s in spans}
    assert {
        ("brutal", "loaded-language", None),
        ("massacre", "loaded-language", None),
        ("slammed", "loaded-language", None),
        ("bloody nose", "loaded-language", None),
    } <= found


def test_plain_war_words_are_not_loaded():
    text = "The Taliban seized the district and officials said 12 people were killed in the attack."
    spans = loaded.detect(build_document(text, config=WITH_PACK), WITH_PACK)
    assert [s.text for s in spans if s.label == "loaded-language"] == []


def _general(text: str) -> dict[str, Span]:
    """Loaded-language and emotive spans of ``text`` by their text."""
    spans = loaded.detect(build_document(text, config=NO_PACK), NO_PACK)
    return {s.text: s for s in spans if s.label in (loaded.LANGUAGE_LABEL, loaded.EMOTIVE_LABEL)}


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed and five wounded in the attack on the base, the army said.",
        "The war entered its third year as the death toll rose to 300 and the crisis deepened.",
        "Police arrested a man suspected of the murder; the victim died in hospital.",
        "She won the vote and thanked her supporters; the peace agreement takes effect today.",
        "The offensive forced thousands to flee and damaged the only hospital in the valley.",
        "Protesters marched against police brutality as the far-right party lost two seats.",
    ],
)
def test_factual_news_vocabulary_is_not_flagged(text):
    assert _general(text) == {}


@pytest.mark.parametrize(
    ("text", "word", "label", "category"),
    [
        ("Critics slammed the plan on Monday.", "slammed", "loaded-language", "sensational verb"),
        ("The senator blasted the bill.", "blasted", "loaded-language", "sensational verb"),
        ("Leaders rammed through the law.", "rammed through", "loaded-language", "sensational verb"),
        ("The mayor caved to the unions.", "caved", "loaded-language", "sensational verb"),
        ("Critics decried his warmongering.", "warmongering", "loaded-language", "name-calling"),
        ("It was a catastrophic decision.", "catastrophic", "loaded-language", "intensifier"),
        ("The bill repeals the death tax.", "death tax", "loaded-language", "partisan phrase"),
        ("Unfortunately, the talks failed.", "Unfortunately", "loaded-language", "editorializing"),
        ("It was a disgusting decision.", "disgusting", "emotive", "emotive-negative"),
        ("The heartbreaking scenes moved the crowd.", "heartbreaking", "emotive", "emotive-negative"),
        ("It was a magnificent victory parade.", "magnificent", "emotive", "emotive-positive"),
    ],
)  # fmt: skip
def test_loaded_and_emotive_words_are_flagged_with_their_own_label(text, word, label, category):
    span = _general(text)[word]
    assert (span.label, span.actor) == (label, None)
    if label == loaded.EMOTIVE_LABEL:
        categories = {row["term"]: row["category"] for row in loaded.emotive_rows()}
        assert categories[span.term] == category
    else:
        assert f"loaded language ({category})" in span.rule


def test_emotive_words_inside_names_are_not_flagged():
    assert _general("Fire reached Paradise on Friday and the Bliss family fled.") == {}
    text = 'He said: "Disgusting." Disgusting, she said, and the disgusting mess grew.'
    spans = loaded.detect(build_document(text, config=NO_PACK), NO_PACK)
    assert [s.text for s in spans] == ["Disgusting", "Disgusting", "disgusting"]
    assert list(_general("THE CROWD CALLED IT DISGUSTING")) == ["DISGUSTING"]


def test_a_blast_is_an_explosion_not_loaded_language():
    assert _general("A blast hit the market and a second blast followed.") == {}


def test_emotive_spans_carry_voice_and_a_rule_a_teacher_can_read():
    own = _general("The disgusting scenes shocked the town.")["disgusting"]
    quoted = _general('The mayor said: "These are disgusting scenes."')["disgusting"]
    reported = _general("The mayor said that the scenes were disgusting.")["disgusting"]
    assert (own.voice, quoted.voice, reported.voice) == ("authorial", "quoted", "reported")
    assert "VADER" in own.rule and "negative" in own.rule and "own voice" in own.rule
    assert own.term == "disgusting"


def test_emotive_words_have_their_own_rates():
    text = 'The disgusting scenes shocked the town. "A disgusting day," the mayor said.'
    doc = build_document(text, config=NO_PACK)
    scores = loaded.score(doc, loaded.detect(doc, NO_PACK))
    assert scores["loaded_emotive_rate"] == pytest.approx(2000 / doc.body_words)
    assert scores["loaded_emotive_authorial_rate"] == pytest.approx(1000 / doc.body_words)
    assert scores["loaded_language_rate"] == 0


# --- voice -------------------------------------------------------------------------------------


def test_freedom_fighters_quoted_and_authorial_are_told_apart():
    quoted = _label('Massoud said, "We fight on with the freedom fighters."', "freedom fighters")
    own = _label("Massoud led an army of freedom fighters from Panjshir.", "freedom fighters")
    assert quoted.voice == "quoted"
    assert own.voice == "authorial"


def test_named_reported_speech_is_reported_but_unnamed_reports_stay_authorial():
    named = _label("Masud warned that the terrorists would return.", "terrorists")
    unnamed = _label("As per reports, up to 60 Taliban terrorists were killed.", "terrorists")
    assert named.voice == "reported"
    assert unnamed.voice == "authorial", "nobody but the outlet can be held to this word"


# --- actor attachment --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Hamas militants fired rockets at the Taliban.", "militants", "Hamas"),
        ("Taliban fighters met Hamas militants.", "militants", "Hamas"),
        ("Taliban fighters met Hamas militants.", "fighters", "Taliban"),
        ("The terrorists of the Taliban fled.", "terrorists", "Taliban"),
        ("The flag of the Northern Alliance, the rebel group that fought on.", "rebel group",
         "Northern Alliance"),
        ("The Taliban took Kabul. The insurgents then seized the airport.", "insurgents", "Taliban"),
        ("The son of the Lion of Panjshir spoke.", "Lion of Panjshir", "Ahmad Shah Massoud"),
        ("My father, Commander Massoud, our national hero, left a legacy.", "hero", "Ahmad Massoud"),
    ],
)  # fmt: skip
def test_label_attaches_to_the_actor_it_names(text, word, actor):
    assert _label(text, word).actor == actor


def test_anti_taliban_is_not_the_taliban():
    # The pack above does not list "anti-Taliban": the phrase names the Taliban only as a target.
    span = _label("Anti-Taliban fighters took three districts.", "fighters")
    assert span.actor != "Taliban"
    # ...but the target stays a candidate for a label that names no one next to it.
    text = "The anti-Taliban sentiment grew before the insurgents captured Kabul."
    assert _label(text, "insurgents").actor == "Taliban"


def test_a_label_does_not_attach_to_the_side_it_fights_against():
    text = "Massoud led freedom fighters in battles against the Taliban."
    assert _label(text, "freedom fighters").actor != "Taliban"


def test_without_a_pack_labels_go_to_names_found_in_the_text_or_are_unresolved():
    assert _label("Hamas militants fired rockets.", "militants", NO_PACK).actor == "Hamas"
    assert _label("The al Qaeda terrorists fled.", "terrorists", NO_PACK).actor == "al Qaeda"
    # A place used as a location is never the actor (the old nearest-name rule said Mogadishu).
    text = "Police in Mogadishu said the gunmen fled."
    assert _label(text, "gunmen", NO_PACK).actor == "unresolved"
    assert _label("The terrorists struck at dawn.", "terrorists", NO_PACK).actor == "unresolved"
    assert _label("The terrorists struck at dawn.", "terrorists").actor == "unresolved"


def test_words_of_a_proper_name_are_not_labels():
    text = "Leaders of the National Resistance Front met in the valley on Friday to plan ahead."
    assert _labels(text, NO_PACK) == []
    pack = Config(story_pack=story_pack_from_text("actor,aliases\nNRF,National Resistance Front\n"))
    assert [s.text for s in _labels("The National Resistance Front met.", pack)] == []
    # a label opening inside a name: the words of a designation, not the outlet's label
    designation = "Washington listed the Houthis as a Specially Designated Global Terrorist group."
    assert [s.text for s in _labels(designation, NO_PACK)] == []


def test_near_only_words_count_only_next_to_a_name():
    assert _labels("They put up a strong resistance in the valley.") == []
    assert _label("The resistance held the valley.", "resistance").actor == (
        "National Resistance Front"
    )


def test_furniture_lines_are_not_scanned():
    text = (
        "Also Read :- Terrorists attack mosque in brutal massacre\n\n"
        "Taliban fighters entered the valley on Friday, witnesses said.\n\n"
        "Leave a Reply\n"
    )
    config = Config(story_pack=PACK)
    doc = build_document(text, config=config)
    furniture = [(line.start, line.end) for line in doc.lines if not line.is_body]
    spans = loaded.detect(doc, config)
    assert [s.text for s in spans] == ["fighters"]
    assert not any(start <= s.start < end for s in spans for start, end in furniture)


# --- scores ------------------------------------------------------------------------------------


def test_scores_count_tiers_by_voice_and_flag_own_voice_labels():
    text = (
        "Taliban terrorists attacked. Masud warned that the terrorists would return. "
        '"These vermin," he said. The brutal insurgents fled.'
    )
    doc = build_document(text, config=WITH_PACK)
    scores = loaded.score(doc, loaded.detect(doc, WITH_PACK))
    assert set(scores) == set(loaded.SIGNAL.feature_names)
    assert scores["loaded_value_laden_authorial"] == 1
    assert scores["loaded_value_laden_reported"] == 1
    assert scores["loaded_dehumanizing_quoted"] == 1
    assert scores["loaded_contested_authorial"] == 1
    assert scores["loaded_style_flags"] == 1, "only the own-voice value-laden label is flagged"
    assert scores["loaded_value_laden_authorial_rate"] == pytest.approx(1000 / doc.body_words)
    assert scores["loaded_language_rate"] == pytest.approx(1000 / doc.body_words)


def test_every_feature_is_prefixed_and_documented():
    for feature in loaded.FEATURES:
        assert feature.name.startswith("loaded_")
        assert feature.description and feature.unit


# --- lexicon files -----------------------------------------------------------------------------


def test_label_tiers_are_defined_once():
    assert tables.LABEL_TIERS is loaded.LABEL_TIERS


def test_actor_label_rows_have_a_known_tier_a_cited_basis_and_no_duplicates():
    rows = loaded.label_rows()
    header = " ".join(comment_lines("actor_labels"))
    terms = [row["term"].lower() for row in rows]
    assert len(terms) == len(set(terms))
    for row in rows:
        assert row["tier"] in tables.LABEL_TIERS, row
        keys = row["basis"].split(";")
        assert all(f"{key} " in header and key in loaded.BASIS_NAMES for key in keys), row
    for guide in ("BBC", "Reuters", "AP Stylebook", "MOS:LABEL", "Global Press Style Guide"):
        assert guide in header
    assert {row["tier"] for row in rows} == set(tables.LABEL_TIERS)


def test_loaded_language_rows_have_a_known_category_and_basis():
    rows = loaded.language_rows()
    header = " ".join(comment_lines("loaded_language"))
    for row in rows:
        assert row["category"] in loaded.LANGUAGE_CATEGORIES, row
        keys = row["basis"].split(";")
        assert all(f"{key} " in header and key in loaded.BASIS_NAMES for key in keys), row


def test_emotive_rows_meet_the_stated_rule_and_leave_out_news_vocabulary():
    rows = loaded.emotive_rows()
    header = " ".join(comment_lines("emotive_words"))
    assert "VADER" in header and "Hutto" in header and "|valence| >= 2.0" in header
    assert len(rows) > 1000
    for row in rows:
        valence = float(row["valence"])
        assert abs(valence) >= 2.0, row
        assert row["category"] == ("emotive-negative" if valence < 0 else "emotive-positive")
    terms = {row["term"] for row in rows}
    assert not terms & {"killed", "war", "attack", "dead", "crime", "won", "peace", "terrorism"}


def test_emotive_lexicon_file_is_what_its_build_script_writes():
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "build_emotive_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_emotive_lexicon", script)
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.TARGET.read_text(encoding="utf-8") == builder.render(builder.emotive_rows())


def test_no_surface_form_is_claimed_by_two_entries():
    forms = [form.lower().lstrip("=") for form, _ in loaded.lexicon_entries()]
    assert len(forms) == len(set(forms))


def test_a_label_word_before_a_thing_that_ends_like_an_agent_noun_labels_no_one():
    text = "Watchdogs are tracking an increase in reports of racist incidents since the election."
    assert [s.text for s in _labels(text, NO_PACK)] == []
