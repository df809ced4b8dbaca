"""Actors found in the text and labels attached by syntax, on stories framescope was not built on.

Every sentence here is written for these tests (no evaluation data), on conflicts other than the
seeds' Afghanistan story, with no story pack unless a test says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import tables
from analyzer.actors import ActorLayer, Mention
from analyzer.actors.suggest import story_pack_csv, suggest_actors
from analyzer.cli import main
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.signals import loaded
from analyzer.span import Span
from analyzer.storypack import load_story_pack, story_pack_from_text

NO_PACK = Config(strip_boilerplate=False)
ARTICLES = Path(__file__).parent / "data" / "articles"


def _labels(text: str, config: Config = NO_PACK) -> list[Span]:
    spans = loaded.detect(build_document(text, config=config), config)
    return [span for span in spans if span.label in tables.LABEL_TIERS]


def _parsed(text: str) -> tuple[ActorLayer, int]:
    """The actors of ``text`` with every sentence parsed, and the number of sentences."""
    doc = build_document(text, config=NO_PACK)
    doc.words.parse_many(range(len(doc.sentences)))
    sentences = tuple((s.start, s.end) for s in doc.sentences)
    layer = ActorLayer(text, sentences, doc.words, None, read=set(range(len(sentences))))
    return layer, len(sentences)


def _layer(text: str) -> ActorLayer:
    return _parsed(text)[0]


def _mentions(text: str) -> list[Mention]:
    layer, count = _parsed(text)
    return [m for i in range(count) for m in layer.mentions(i)]


def _actor(text: str, word: str, config: Config = NO_PACK) -> str | None:
    found = [span for span in _labels(text, config) if span.text == word]
    assert len(found) == 1, f"{word!r} not found once in {_labels(text, config)}"
    return found[0].actor


def _article(name: str) -> str:
    """The opening of an article of our own (tests/data/articles), as a reader would paste it."""
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")


# --- attachment by structure -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("M23 rebels seized the town of Bunagana on Monday.", "rebels", "M23"),
        ("Residents said the rebel M23 seized the town.", "rebel", "M23"),
        ("The Rapid Support Forces (RSF) denied it. RSF fighters later attacked a convoy.",
         "fighters", "Rapid Support Forces"),
        ("The Kurdistan Workers' Party (PKK) claimed the attack. PKK militants had planted the "
         "bomb.", "militants", "Kurdistan Workers' Party"),
        ("Ukrainian forces shelled the bridge overnight.", "forces", "Ukraine"),
        # a name, a comma and the verb the parser took for a modifier: no apposition
        ("Cambodia's defence ministry tells a different story. Its spokeswoman, Lt Gen Maly "
         "Socheata, accused Thai soldiers of advancing on the temple.", "soldiers", "Thailand"),
        # a name on the label's own first word; a name set off by a comma is a list's
        ("DOHA, Nov 15 (Reuters) - Democratic Republic of Congo and the M23 rebel group signed a "
         "framework agreement.", "rebel group", "M23"),
        ("Congo, M23 rebels sign framework for peace in Doha", "rebels", "M23"),
        # the tagger took the plural for a verb
        ("The army, backed by Russia's Africa Corps, which took over from Wagner Group "
         "mercenaries this year, escorts convoys.", "mercenaries", "Wagner Group"),
        ("Hezbollah is a terrorist group, the minister said.", "terrorist group", "Hezbollah"),
        ("Washington designated the Houthis a terrorist organisation in January.",
         "terrorist organisation", "Houthis"),
        ("The terrorists of the so-called Rapid Support Forces burned the village.", "terrorists",
         "Rapid Support Forces"),
        ("Al-Shabaab, the militant group, claimed the attack.", "militant group", "Al-Shabaab"),
        ("Islamic State militants claimed the bombing in Kabul.", "militants", "Islamic State"),
        ("Syrian Democratic Forces fighters took the town.", "fighters",
         "Syrian Democratic Forces"),
        ("Officials said Kurdish YPG fighters took the town.", "fighters", "YPG"),
        # a demonym the parse hung on another conjunct still names the state's troops
        ("The minister said the army and Rwandan troops would hunt them down.", "troops",
         "Rwanda"),
        # an apposition after two conjuncts is the nearer one's
        ("His faction and the Chapitos, a group led by the sons of jailed drug lord Joaquin "
         '"El Chapo" Guzman, have battled for the routes.', "group", "Chapitos"),
        # a name right after a group noun, parsed as a second subject of the verb
        ("The Commission on Human Rights urged an inquiry. Human rights group Karapatan said "
         "the farmers were unarmed.", "group", "Karapatan"),
        # the "as" phrase of a naming verb is said of its object, not of the other party
        ("Indian security agencies describe the TRF as a proxy of Lashkar-e-Taiba.", "proxy",
         "TRF"),
        # one name with and without its hyphen, more salient than any other
        ("Al-Shabaab fighters stormed the hotel on Friday. Its radio station claimed the "
         "attack. A U.S. Africa Command spokesperson said the strikes would go on. The African "
         "Union condemned the attack. Al Shabaab has since retaken several towns, and the group "
         "remains a threat.", "group", "Al-Shabaab"),
        # people loyal to a name are not that name
        ("The electoral council, controlled by Maduro loyalists, has not published the results.",
         "loyalists", "Maduro loyalists"),
        ("Hezbollah, which the United States and Britain list as a terrorist organisation, said "
         "its fighters had hit an army post.", "terrorist organisation", "Hezbollah"),
        # a participle set off after the label says who it is
        ("The shooter, identified by police as 33-year-old Mauricio Garcia, had posted "
         "neo-Nazi material online.", "shooter", "Mauricio Garcia"),
        # a name a group noun introduces keeps every capitalised word, whatever its tag
        ("The protesters, from the group Just Stop Oil, are demanding an end to new licences.",
         "group", "Just Stop Oil"),
        # "its" is no person's: the spokesman speaks for the group
        ("M23 rebels captured the town. The rebel group's spokesman, Lawrence Kanyuka, said on "
         'X that its fighters had "liberated" the town.', "fighters", "M23"),
        # an ideology's adjective is no name: the guerrillas are the group named before
        ("The New People's Army has fought since 1969. Troops clashed with the Maoist "
         "guerrillas on Saturday.", "guerrillas", "New People's Army"),
    ],
)  # fmt: skip
def test_a_label_attaches_to_the_name_its_phrase_holds(text, word, actor):
    assert _actor(text, word) == actor


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Colombia said FARC and allied fighters crossed the river.", "fighters", "FARC"),
        ("The raid was led by Turkey, which deployed troops along the border.", "troops",
         "Turkey"),
        ("Sudan's army denied that the Rapid Support Forces, the paramilitary group, had "
         "taken the airport.", "paramilitary group", "Rapid Support Forces"),
    ],
)  # fmt: skip
def test_a_label_attaches_through_coordination_relatives_and_commas(text, word, actor):
    assert _actor(text, word) == actor


def test_a_name_glued_to_a_participle_is_the_agent_not_the_actor():
    assert _actor("Rwanda-backed rebels seized the town.", "rebels") != "Rwanda"


def test_a_description_refers_back_to_the_actor_an_earlier_label_named():
    text = (
        "M23 rebels took the border town of Bunagana on Monday. The army withdrew to Goma. "
        "By Tuesday the rebels controlled the main road."
    )
    assert [s.actor for s in _labels(text) if s.text == "rebels"] == ["M23", "M23"]


# --- actors without a name, named by the phrase -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Thousands of Erdogan protesters marched to the parliament.", "protesters",
         "Erdogan protesters"),
        ("Syrian rebels shelled the outskirts of Aleppo.", "rebels", "Syrian rebels"),
        ("Hong Kong protesters blocked the tunnel on Tuesday.", "protesters",
         "Hong Kong protesters"),
        ("The columnist wrote that the radical left wants to abolish the police.", "radical",
         "the left"),
    ],
)  # fmt: skip
def test_people_described_by_a_phrase_are_an_actor_of_their_own(text, word, actor):
    assert _actor(text, word) == actor


def test_a_countrys_own_forces_are_still_the_country():
    assert _actor("Syrian forces shelled the outskirts of Aleppo.", "forces") == "Syria"


def test_a_later_use_of_the_term_refers_to_the_described_people():
    text = (
        "Erdogan protesters blocked the highway on Monday. Police cleared the road after "
        "dark. Later that night protesters returned to the square."
    )
    actors = [s.actor for s in _labels(text) if s.text == "protesters"]
    assert actors == ["Erdogan protesters", "Erdogan protesters"]


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("The money came from a group called ‘Citizens For Tomorrow’, the documents show.",
         "group", "Citizens For Tomorrow"),
        ("Analysts count armed groups like Al-Shabaab among the threats.", "armed groups",
         "Al-Shabaab"),
        ("The Wagner commanders insisted in an interview, they're not mercenaries.",
         "mercenaries", "Wagner"),
    ],
)  # fmt: skip
def test_a_label_attaches_to_the_name_it_is_called_lists_or_is_said_of(text, word, actor):
    assert _actor(text, word) == actor


def test_a_collective_or_plural_label_never_falls_back_to_a_person():
    text = (
        "President Paul Kagame visited the border on Monday. After meeting Kagame, the group "
        "withdrew its fighters."
    )
    assert _actor(text, "group") not in ("Kagame", "Paul Kagame")


def test_a_group_is_never_a_person_it_lists_and_a_person_is_never_a_place():
    text = "Freedom Magazine attacked defectors from the militia including Tom Devocht."
    assert _actor(text, "militia") != "Tom Devocht"
    text = "The family flew to Kabul on Sunday, where agents met the gunman."
    assert _actor(text, "gunman") != "Kabul"


def test_a_country_is_never_the_group_a_description_refers_to():
    text = (
        "Wagner mercenaries fought alongside Russian troops in Bakhmut. Prigozhin, the group's "
        "founder, said the city had fallen."
    )
    assert _actor(text, "group") == "Wagner"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("The Islamic State claimed the attack on a mosque in Kunduz. The terrorist group said a "
         "bomber had carried it out.", "terrorist group", "Islamic State"),
        ("The Houthis, who control Sanaa, seized a cargo ship. The Iran-backed rebels said they "
         "would keep attacking ships.", "rebels", "Houthis"),
    ],
)  # fmt: skip
def test_a_description_finds_a_group_named_once_in_the_sentence_before(text, word, actor):
    assert _actor(text, word) == actor


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("U.S.-backed forces retook the last pocket of territory held by the Islamic State.",
         "forces", "U.S.-backed forces"),
        ("Anti-Taliban fighters regrouped in the valley.", "fighters", "Anti-Taliban fighters"),
        ("Clashes broke out between Syrian government forces and Kurdish-led fighters in Aleppo.",
         "fighters", "Kurdish-led fighters"),
        ("Syrian government troops advanced on Idlib.", "troops", "Syria"),
        ("Syrian government troops advanced on rebel-held Idlib. Activists said the regime's "
         "barrel bombs killed 12 civilians.", "regime", "Syria"),
    ],
)  # fmt: skip
def test_backers_state_nouns_and_what_the_label_acts_on(text, word, actor):
    assert _actor(text, word) == actor


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Houthi rebels are terrorists, the minister said.", "terrorists"),
        ("Police described the M23 rebels as criminals.", "criminals"),
    ],
)
def test_a_label_said_of_another_label_names_the_same_actor(text, word):
    labels = {s.text: s.actor for s in _labels(text)}
    assert labels[word] == labels["rebels"] != "unresolved"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Hamas, which the US and the EU designate a terrorist organisation, won the elections.",
         "terrorist organisation", "Hamas"),
        ("Antifa thugs attacked a journalist in Portland on Saturday.", "thugs", "Antifa"),
        ("Moscow has long described Ukraine's leadership as a regime.", "regime", "Ukraine"),
        ('The general called the RSF "rebels" and "mercenaries".', "mercenaries", "RSF"),
        # an acronym tagged a verb, in a list of the label's modifiers
        ("The fighting falls to police and KFOR troops.", "troops", "KFOR"),
        # the acronym after a number is tagged a number
        ("3 NPA terrorists killed in Negros clash\n\nThree fighters of the New People's Army "
         "(NPA) were killed.", "terrorists", "New People's Army"),
    ],
)  # fmt: skip
def test_a_relative_pronoun_or_a_misparsed_name_still_reaches_the_actor(text, word, actor):
    assert _actor(text, word) == actor


def test_a_city_the_tagger_calls_plural_is_still_a_place():
    text = "Officials in Brussels met on Monday. The rebels said they would not attend."
    assert _actor(text, "rebels") != "Brussels"


# --- never a place, a date, a sentence opener or the other side -------------------------------


def test_a_place_used_as_a_location_is_never_the_actor():
    assert _actor("Police in Mogadishu said the gunmen fled.", "gunmen") != "Mogadishu"
    assert _actor("On Sunday the militants attacked a convoy near Kidal.", "militants") not in (
        "Sunday",
        "Kidal",
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A truck drove into the Christmas market in Berlin. The terrorists fled.", "terrorists"),
        ("Survivors of the Sept. 11 attacks testified. The attackers had trained for months.",
         "attackers"),
        ("Survivors of the Pulse massacre spoke on Monday. The gunman had bought two rifles.",
         "gunman"),
    ],
)  # fmt: skip
def test_a_holiday_a_date_or_a_name_that_only_modifies_a_thing_is_never_the_actor(text, word):
    assert _actor(text, word) in ("unresolved", None)


def test_security_forces_are_never_the_armed_group_named_nearby():
    text = (
        "Somalia's president has vowed total war on al Shabaab. The group controls much of the "
        "south. It collects taxes from farmers. Its fighters man checkpoints on the roads. Al "
        "Shabaab fighters stormed a hotel late on Friday. The siege lasted six hours. Police "
        "spokesman Abdifatah Hassan told reporters that security forces had killed all five "
        "attackers."
    )
    assert _actor(text, "forces") not in ("al Shabaab", "Al Shabaab")


def test_the_one_a_source_talks_to_is_no_party_to_what_it_reports():
    text = "Military sources told AFP that the jihadists had regrouped near the border."
    assert _actor(text, "jihadists") in ("unresolved", None)


def test_an_armed_label_never_refers_to_a_rights_group_named_nearby():
    text = "A report by Human Rights Watch found that the militia had executed prisoners."
    assert _actor(text, "militia") in ("unresolved", None)
    # nor is a rights group the parse hung on the label its owner
    text = "Amnesty International accused Ethiopian soldiers of executing civilians in Merawi."
    assert _actor(text, "soldiers") == "Ethiopia"
    # a league of human rights is one too, and a phrase with no comma is no apposition to it
    text = (
        "The Togolese League of Human Rights (LTDH) accused security forces of chasing fleeing "
        "youths into the water and demanded an independent inquiry. Amnesty International urged "
        'the authorities to rein in the "armed men in plain clothes".'
    )
    assert _actor(text, "forces") in ("unresolved", None)
    assert _actor(text, "armed men") in ("unresolved", None)


def test_the_attackers_a_source_reports_on_are_not_the_source():
    text = (
        "The military's media wing, Inter-Services Public Relations (ISPR), said all six "
        "attackers were killed."
    )
    assert _actor(text, "attackers") in ("unresolved", None)


def test_a_branch_named_after_its_parent_group_stays_a_branch():
    # "Islamic State Mozambique Province" is a branch, not the full name of Islamic State
    text = (
        "Islamic State claimed the attack through its Amaq news agency. The group has claimed "
        "dozens of raids since 2019 and calls its branch there the Islamic State Mozambique "
        "Province."
    )
    assert _actor(text, "group") == "Islamic State"


def test_a_place_after_in_is_where_though_the_parse_hangs_it_elsewhere():
    text = "Rwanda has about 4,000 soldiers and police in Cabo Delgado under a bilateral agreement."
    assert _actor(text, "soldiers") != "Cabo Delgado"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a name with its own article, or in a list, shares no label with the noun after "and"
        ("Iran hanged a protester, drawing condemnation from the United Nations and rights "
         "groups.", "groups"),
        ("Authorities blamed the United States, Israel and Kurdish separatist groups.", "groups"),
        # soldiers are a state's, never those of an armed group labelled nearby
        ("The New People's Army (NPA) has waged an insurgency since 1969. Troops engaged about "
         "30 rebels after villagers reported extortion by the group. Karapatan said soldiers had "
         "labelled farmers as supporters.", "soldiers"),
    ],
)  # fmt: skip
def test_a_label_takes_no_name_it_only_stands_beside(text, word):
    assert _actor(text, word) not in ("United Nations", "Israel", "New People's Army")


def test_a_common_noun_opening_a_sentence_is_not_a_name():
    # The capital of "Watchdog" is only the sentence's: the text never writes it so elsewhere.
    text = (
        "Members of the Loyal White Knights of the Ku Klux Klan rallied in Pelham on Saturday, "
        "said Sheriff Tom Long of Caswell County. The rally drew fewer people than Klan leader "
        "Chris Barker had promised, according to the Associated Press and the Southern Poverty "
        "Law Center. Watchdog groups consider the Klan a hate group."
    )
    assert _actor(text, "groups") != "Watchdog"
    assert "Klan" in _actor(text, "hate group")


def test_a_one_word_name_ending_one_group_name_is_that_group():
    text = "Members of the Ku Klux Klan rallied on Saturday. Critics call the Klan a hate group."
    assert _actor(text, "hate group") == "Ku Klux Klan"


def test_a_country_ending_an_organisations_name_is_still_the_country():
    # "Amnesty International Kenya" is the branch in Kenya, not Kenya.
    text = (
        "Amnesty International Kenya condemned the crackdown. Kenya's rulers were unmoved, "
        "and the regime deployed more police."
    )
    assert _actor(text, "regime") == "Kenya"


def test_people_of_a_country_and_a_region_named_as_a_state_are_not_the_state():
    text = "The protests were organised by a movement of young Kenyans. Kenya's police fired."
    assert all(span.actor != "Kenya" for span in _labels(text) if span.text == "movement")
    text = (
        "Gunmen attacked a school in Kaduna state. Kaduna state governor Uba Sani said "
        "security forces were pursuing the gangs."
    )
    assert _actor(text, "gangs") != "Kaduna"


def test_an_accusation_about_them_is_not_about_the_speaker_but_a_denial_is():
    text = "Hamas fighters crossed the border. Israel says they are terrorists."
    assert _actor(text, "terrorists") == "Hamas"
    text = "The Klan members insisted in an interview they're not white supremacists."
    assert "Klan" in _actor(text, "white supremacists")


def test_a_dateline_a_hyphenated_place_and_a_named_coalition_on_a_new_story():
    text = (
        "PORT-AU-PRINCE, Haiti (Reuters) - Armed men seized two more neighborhoods of "
        "Port-au-Prince on Tuesday, residents said.\n\n"
        "The Viv Ansanm coalition, an alliance led by a former police officer, has declared war "
        'on the government. Prime Minister Garry Conille called the gang leaders "terrorists" '
        "and vowed they would face justice."
    )
    found = {s.text: (s.actor, s.voice) for s in _labels(text)}
    assert found["gang"] == ("Viv Ansanm", "reported")  # the object of "called" is his too
    assert found["terrorists"] == ("Viv Ansanm", "quoted")  # the name hung on it by the parse
    layer_names = {m.name for m in _mentions(text)}
    assert "Port-au-Prince" in layer_names
    assert not layer_names & {"PORT-AU-PRINCE", "PORT", "Port"}


def test_every_label_of_a_countrys_rulers_refers_to_the_same_rulers():
    text = (
        "Myanmar junta loses another border town\n\n"
        "An alliance of armed groups said it had taken the town.\n\n"
        "Myanmar's army seized power in 2021. Since then it has faced armed resistance.\n\n"
        '"The regime is collapsing," said Dr. Sasa, a spokesman for the National Unity '
        "Government. He said the junta had lost half the country."
    )
    found = [(s.text, s.actor) for s in _labels(text) if s.text in ("junta", "regime")]
    assert found == [("junta", "Myanmar"), ("regime", "Myanmar"), ("junta", "Myanmar")]


def test_a_wire_story_on_the_houthis():
    text = (
        "Yemen's Iran-aligned Houthi movement said on Monday it had fired missiles at a tanker."
        "\n\nThe Houthi movement said more attacks would follow."
        "\n\nWashington, which re-designated the Houthis as a terrorist organization earlier "
        "this year, has carried out strikes on the rebels."
    )
    found = [(s.text, s.actor, s.voice) for s in _labels(text)][1:]  # the first names Yemen
    assert found == [
        ("movement", "Houthis", "authorial"),  # one actor with "the Houthis"
        ("terrorist organization", "Houthis", "reported"),  # "as ..." hung on the object
        ("rebels", "Houthis", "authorial"),
    ]


def test_a_label_owned_by_a_label_and_a_definite_the_parse_garbles():
    text = (
        "The Houthis said the group's naval forces had targeted the vessel.\n\n"
        "Saudi-backed forces have fought the Houthis since 2014. The militia denies the charge."
    )
    found = [(s.text, s.actor) for s in _labels(text)]
    assert found[1] == ("forces", "Houthis")  # "the group's forces": the group's actor
    assert found[-1] == ("militia", "Houthis")  # "The militia denies": a definite all the same


def test_the_junta_with_no_country_nearby_rules_the_country_of_the_story():
    text = (
        "Militants killed 40 soldiers at an army base in central Mali on Friday, in one of the "
        "deadliest assaults since the junta seized power in 2020.\n\n"
        "The attack came a week after Mali expelled French troops."
    )
    assert _actor(text, "junta") == "Mali"


def test_a_label_for_the_attacker_is_not_a_label_for_the_attacked():
    text = "Paramilitary fighters overran the army's base outside the city."
    assert _actor(text, "fighters") not in ("army", "the army")
    text = "The Sudanese army said the militia attacked its positions."
    assert _actor(text, "militia") != "Sudan"


def test_a_label_does_not_name_the_actor_it_is_coordinated_with():
    text = "Talks between the group and the Taliban collapsed in Doha."
    assert _actor(text, "group") != "Taliban"


# --- rules from articles of our own on other stories ----------------------------------------------

_BENUE_POLICE = (
    "The Benue State Police Command confirmed the attack in a statement signed by its "
    "spokesperson, Superintendent of Police Terna Akaa, who described the assailants as "
    '"suspected armed herders" and said tactical teams of the command, working with soldiers '
    'of Operation Whirl Stroke, had been deployed to the area. "The hoodlums escaped into the '
    'bush on sighting our men. Efforts are ongoing to track them down," the statement read.'
)


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # "one of" a country's gangs, set beside a name, is that name's
        ("The Comando Vermelho, one of Brazil's oldest criminal organizations, controls the "
         "trade.", "criminal", "Comando Vermelho"),
        # "the paramilitary" is the force, not one person
        ("Fighters from the Rapid Support Forces (RSF) have cut off roads around El Obeid. Weeks "
         "after the same paramilitary seized El Fasher, aid groups fear Kordofan is next.",
         "paramilitary", "Rapid Support Forces"),
        # the group a label's people belong to
        ("The army said troops clashed with rebels near Kabankalan. The military said the slain "
         "insurgents belonged to a unit of the NPA's Negros regional command.", "insurgents",
         "NPA"),
        # the name a group goes under
        ("Around Rafah, an armed group led by Yasser Abu Shabab, a member of a local Bedouin "
         "clan, has emerged under the name Popular Forces.", "armed group", "Popular Forces"),
        # a country that keeps troops owns them
        ("Tripoli's armed groups clashed again in Libya. Turkey, which keeps troops and military "
         "advisers in Libya, called for calm.", "troops", "Turkey"),
        # soldiers no phrase sorts are the story country's, foreign troops nobody's named
        ("MEXICO CITY - Cartel gunmen set fire to buses across Mexico on Monday. The Defense "
         "Ministry said two soldiers were wounded. Mexico's government has sent more troops to "
         "Jalisco, Mexico's most violent state.", "soldiers", "Mexico"),
        ("Foreign troops arrived in Haiti on Monday, and Haiti's police chief welcomed them.",
         "troops", "unresolved"),
        # ... and nobody's where two countries are named alike, unless only one's army is named
        ("Pakistan says the militants shelter in Afghanistan. Pakistan struck Afghanistan last "
         "week, and Afghanistan says Pakistan killed civilians.\n\n"
         "Funerals of soldiers and policemen have become routine.", "soldiers", "unresolved"),
        ("Pakistan says the militants shelter in Afghanistan. Pakistan's army struck Afghanistan "
         "last week, and Afghanistan says Pakistan killed civilians.\n\n"
         "Funerals of soldiers and policemen have become routine.", "soldiers", "Pakistan"),
        # a country inside a longer name counts as that name ("Sudan People's Liberation ...")
        ("JUBA - Fighters seized an army base in South Sudan's Upper Nile state. Dozens of "
         "soldiers from the South Sudan People's Defence Forces were killed.\n\n"
         "On Wednesday, troops surrounded Machar's residence in Juba, the Sudan People's "
         "Liberation Movement-in-Opposition said. The Sudan People's Liberation Movement-in-"
         "Opposition called it a coup. The Sudan People's Liberation Movement-in-Opposition "
         "said its leaders were detained.", "troops", "South Sudan"),
        # armed men are no people and no migrants' centre, nor a rights body labelled near
        ("Roma families fled their homes, the Migrant Centre NI said. A source said there was no "
         "evidence that loyalist paramilitaries had organised the violence.", "paramilitaries",
         "unresolved"),
        ("More than 7,000 people have been killed since 2004, according to Deep South Watch, an "
         "independent group that monitors the violence. The Cross Cultural Foundation, a Thai "
         "rights organization, said it had received complaints. The group called on authorities "
         "to end the use of emergency laws. Human Rights Watch has also condemned the insurgents "
         "for repeatedly targeting teachers.", "insurgents", "unresolved"),
        # the name a possessive owns, not the country that owns it
        (
            "Forces loyal to Yemen's Southern Transitional Council seized the oil fields.",
            "Forces",
            "Southern Transitional Council",
        ),
        # the soldiers of the side whose officer reports them, not a rival named near
        (
            "M23 rebels, backed by Rwanda, advanced on Goma. Rwanda denies backing them. A "
            "Congolese army officer said the rebels had tried to push south and that soldiers "
            "had repelled the enemy.",
            "soldiers",
            "DR Congo",
        ),
        # "whose" owns the label: the name before the comma
        (
            "Troops hunted the warlord in Zamfara. Bello Turji, whose fighters control a swathe "
            "of territory straddling Zamfara, is accused of levying taxes.",
            "fighters",
            "Bello Turji",
        ),
        # "which" after the of-phrase's name, not the noun the parser hung the clause on
        (
            "Turkish officials have long described the SDF as the Syrian extension of the PKK, "
            "which Ankara and the European Union designate as a terrorist organisation.",
            "terrorist organisation",
            "PKK",
        ),
        # the name right after "group", whatever the parse made of the sentence
        (
            "Police arrested 200 people. The human rights group Karapatan accused police of "
            "sweeping up bystanders.",
            "group",
            "Karapatan",
        ),
        # "known by its Spanish initials as the EMBF": the name after "as"
        (
            "The dissidents split in 2024. One faction, known by its Spanish initials as the "
            "EMBF, has remained in talks with the government.",
            "faction",
            "EMBF",
        ),
        # a group the text calls a rights, medical or aid group gets no armed label
        (
            "The Rapid Support Forces (RSF) said on Sunday it had taken El Fasher.\n\nVideos "
            "appeared to show men in RSF uniforms shooting unarmed people. The Sudan Doctors "
            "Network, a medical group tracking the war, accused the paramilitaries of committing "
            '"genocide" and said at least 1,500 people had been killed.\n\n"What is happening '
            'in El Fasher is a massacre. The militia is going from house to house," said '
            "Mohammed Adam Ishaq, a volunteer.",
            "militia",
            "Rapid Support Forces",
        ),
        (
            "Fighters from the Baloch Liberation Army hijacked a train in March. Police broke up "
            "a sit-in led by the Baloch Yakjehti Committee, the rights group, and officials "
            "accused its members of removing the bodies of some of those militants from a "
            "hospital.",
            "militants",
            "Baloch Liberation Army",
        ),
        # a group's acronym in brackets right before the label modifies it
        ("Talks with the National Liberation Army (ELN) guerrilla group broke down in January.",
         "guerrilla", "National Liberation Army"),
        ("Police are looking at dissident factions of the former Revolutionary Armed Forces of "
         "Colombia (FARC) rebels who rejected the 2016 deal.", "rebels",
         "Revolutionary Armed Forces of Colombia"),
        # the name a group calls itself, with or without "which"
        ("A group calling itself Saraya Ansar al-Sunna claimed the bombing on Monday.", "group",
         "Saraya Ansar al-Sunna"),
        ("In the capital, a group of officers calling themselves the High Military Command said "
         "they had taken control.", "group", "High Military Command"),
        # "X is one of Mexico's ... organisations" is said of X; the country is where they are
        ("The Jalisco New Generation Cartel is one of Mexico's most powerful criminal "
         "organisations, officials say.", "criminal", "Jalisco New Generation Cartel"),
        # "federal forces" are the federation's, however often a neighbour is named
        ("Ethiopia's federal army is among Africa's largest. Eritrea has mobilised its "
         "reservists, and Eritrea says it wants peace. Eritrean officials deny any build-up, and "
         "Eritrea's minister called the reports a smear. The TPLF fought federal forces in a "
         "2020-2022 war.", "forces", "Ethiopia"),
        # soldiers in a country are no evidence against its being theirs
        ("Soldiers in Guinea-Bissau have seized power. Senegal closed its border, and Senegal's "
         "president called for calm. The electoral commission in Guinea-Bissau was stormed.",
         "Soldiers", "Guinea-Bissau"),
        # "the Zionist regime" is Israel's; named once, it makes Iran's forces no Israeli ones
        ("An Iranian lawmaker said the attack came weeks after aggression by the Zionist regime "
         "against Iran.", "regime", "Israel"),
        ("ZAHEDAN - Gunmen attacked a court in Zahedan, Iran. An Iranian MP said it came after "
         "aggression by the Zionist regime against Iran. Iran's judiciary chief vowed revenge. "
         "Activists have accused security forces of heavy-handed raids.", "forces", "Iran"),
        # "said in a statement that its forces ...", the "that" clause parsed as a relative one
        ("Jaish al-Adl claimed the attack on the court. Jaish al-Adl vowed more attacks, and "
         "Jaish al-Adl named the bombers. The Islamic Revolution Guards Corps (IRGC) Quds Base, "
         "which is responsible for security in the southeast, said in a statement that its "
         "forces had sealed off exits from the city.", "forces",
         "Islamic Revolution Guards Corps"),
        # "its" on a main subject refers to the group the sentence before is about
        ("The IRGC said it lost 27 men near Zahedan in 2019, and the IRGC vowed revenge. Jaish "
         "al-Adl has carried out attacks on border guards in the province. In October 2024 its "
         "fighters killed ten police officers.", "fighters", "Jaish al-Adl"),
        # a passive naming verb shares the subject of the verb it is coordinated with
        ("The terrorist group Jaish al-Adl, which operates from bases in Pakistan and is "
         "designated a terrorist organisation by Iran, claimed the attack.",
         "terrorist organisation", "Jaish al-Adl"),
        # a country's initials count toward what the story is about ("the US")
        ("A gunman shot two National Guard members near the White House. The suspect, an Afghan "
         "national, came to the US in 2021 after the US withdrawal from Afghanistan. Afghan "
         "groups condemned it, and Afghan refugees feared a backlash. The US government paused "
         'visas, and US officials ordered a review. "Then I saw the soldiers running," a '
         "witness said.", "soldiers", "United States"),
        # "the Security and Defence Council" is one name, and a state's council no militia
        ("PORT SUDAN - The Security and Defence Council on Tuesday announced the severing of "
         "diplomatic relations with the United Arab Emirates, which it accuses of arming the "
         "Rapid Support Forces.\n\nDrones launched by the rebel militia struck fuel depots on "
         "Sunday.", "militia", "Rapid Support Forces"),
        # the gunman who "opened/VBN fire" carried out the attack the story identifies him for
        ("A crazed gunman opened fire on two National Guard members near the White House on "
         "Wednesday. The alleged shooter was identified as Rahmanullah Lakanwal, 29.", "gunman",
         "Rahmanullah Lakanwal"),
        # "They call us terrorists": the speaker's side, a name tagged as an adjective included
        ('"They call us terrorists for defending our bread," CONAIE president Marlon Vargas '
         "told reporters.", "terrorists", "CONAIE"),
        # a surname modifying a group's label names the group called after the family
        ("Omar Maute founded the Maute Group with his brothers. Troops killed the leader of the "
         "Maute terrorist group on Monday.", "terrorist group", "Maute Group"),
        # "Philippine" is the Philippines' adjective: its troops are the story's state's
        ("The Philippine army said troops killed rebels near Marawi. Philippine officials "
         "said the fighting erupted when security forces tried to arrest Hapilon, who has a "
         "bounty on his head from the United States government.", "forces", "Philippines"),
        # "its" in a "that" clause the parse hung on a date is the government's
        ("Insurgents attacked Palma in Mozambique in March. Thousands fled to Pemba, according "
         "to the International Organization for Migration (IOM). Aid workers described scenes "
         "of panic in Mozambique's north. Many walked for days. Others hid in the bush. The "
         "government said in early April that its forces had retaken the town.", "forces",
         "Mozambique"),
        # a definite owner repeating the last word of a name just before is that name
        ("Hezbollah rushed reinforcements to the outskirts on Sunday, and Hezbollah said it "
         "would retake the town within days. The Nusra Front still held the town on Monday. "
         "Residents said the front's fighters had set up checkpoints near the mosque.",
         "fighters", "Nusra Front"),
        # and so an army chief's troops stay his state's, not the man's
        ("Sudan's army lost the city on Sunday. Army chief Abdel Fattah al-Burhan said in a "
         "televised address that his troops had pulled out.", "troops", "Sudan"),
        # a common noun's possessive inside a name: "People's", "Lord's"
        ("Soldiers from the People's Liberation Army (PLA) garrison cleared roadblocks on "
         "Saturday.", "Soldiers", "People's Liberation Army"),
        # an acronym of another language, with an accented capital, is still its name's
        ("Turkey blamed the coup attempt on the Fetullah Terrorist Organization (FETÖ). "
         "Hundreds of FETÖ putschists face trial.", "putschists",
         "Fetullah Terrorist Organization"),
        # a state official's troops are his state's, the country his title names
        ("Russian President Vladimir Putin ordered the offensive on Monday. Ukraine said "
         "Putin's troops shelled Kharkiv.", "troops", "Russia"),
        # "the group" as the subject goes on from the subject before, not the group named most
        ("The Kachin Independence Army (KIA) seized two bases in January. The KIA also took a "
         "jade town, and KIA fighters now guard its mines.\n\nIn Rakhine state in the west, the "
         "Arakan Army now holds 14 of 17 townships. The group has said no voting will be allowed "
         "there.", "group", "Arakan Army"),
        # the name a group's own clause says it calls itself
        ("Gunmen seized the gas plant in the desert on Wednesday. The gang behind the attack "
         "calls itself the \"Signed in Blood\" battalion.", "gang", "Signed in Blood battalion"),
        # two organisations named as often: the one armed men were said to be, not the letters
        ("Parents lose patience as Boko Haram threatens to sell girls\n\nMAIDUGURI - Three "
         "weeks after Boko Haram insurgents stormed the school in Chibok, parents say they have "
         "yet to see help.\n\nTheir anguish deepened this week after a video was released. \"I "
         "abducted your girls,\" Abubakar Shekau said in the recording.\n\nThe group, whose name "
         "means \"Western education is forbidden\", wants an Islamic state.\n\nOfficials of the "
         "ruling Peoples Democratic Party (PDP) dismissed the marchers.", "group", "Boko Haram"),
        # of two countries named as often, soldiers are the one's whose army the text names
        ("DHAKA, Bangladesh - Myanmar's army said on Friday that fighting in Rakhine had killed "
         "400 people, as refugees poured from Myanmar into Bangladesh.\n\nAid groups in "
         "Bangladesh said the camps were full. The Myanmar government blamed insurgents.\n\n"
         "Witnesses said soldiers had burned villages.", "soldiers", "Myanmar"),
        ("GOMA - Rwanda denied backing the rebels on Sunday, and Rwanda's president called for "
         "talks. The Congolese army said it had retaken two towns from them. Rwanda and DR Congo "
         "traded accusations at the UN, and DR Congo recalled its envoy.\n\nResidents said "
         "fleeing soldiers had looted shops.", "soldiers", "DR Congo"),
        # a politician's party in the source is not "the group" his words name after another
        ("A day earlier, Nationalist Movement Party (MHP) leader Devlet Bahceli suggested that "
         "jailed PKK ringleader Abdullah Ocalan could address parliament if he declared the "
         "dissolution of the group.", "group", "PKK"),
        # a tabloid's capitals count toward the country a story is about ("MEXICAN troops")
        ("MEXICAN troops freed a cartel boss on Thursday after gunmen besieged Culiacan. Mexico's "
         "president defended the decision in Mexico City. The United States had sought his "
         "extradition, and US officials said nothing.\n\nResidents said soldiers fled.",
         "soldiers", "Mexico"),
        # a leader's armed men are his group's: by his title, or a clause that says he leads it
        ("Fighting broke out in Juba on Friday. SPLA-IO leader Riek Machar fled the capital, and "
         "Machar's troops regrouped in the bush.", "troops", "SPLA-IO"),
        ("The Sudanese Armed Forces (SAF), led by General Abdel Fattah al-Burhan, retook the "
         "city on Tuesday. Activists described Burhan's forces as brutal.", "forces",
         "Sudanese Armed Forces"),
        ("Kinshasa accused Rwanda on Monday. M23 president Bertrand Bisimwa spoke in Goma. "
         "Bisimwa's troops advanced.", "troops", "M23"),
        # troops sent abroad do not make their country the one whose soldiers a story means
        ("PEMBA, Mozambique - Insurgents attacked the town of Palma on Wednesday. Rwandan troops "
         "arrived in July to help Mozambique. Mozambique's president thanked Rwanda.\n\n"
         "Residents said soldiers fled the town.", "soldiers", "Mozambique"),
    ],
)  # fmt: skip
def test_a_label_reaches_its_actor_on_other_stories(text, word, actor):
    assert _actor(text, word) == actor


@pytest.mark.parametrize(
    ("text", "word", "wrong"),
    [
        # a headline's kicker and a setting that opens the sentence are no appositions
        ("Northwest: Defence forces dislodge terrorists from Batibo hideouts", "terrorists",
         ("Northwest",)),
        ('According to the Interior Ministry, groups of "vandals" in Ait Amira set fire to cars.',
         "groups", ("Interior Ministry",)),
        # outlaws are not a state's security forces, guard, command, agency or office
        ("Elements of the Defence and Security Forces dismantled camps in the Northwest, while "
         "separatist fighters kidnapped teachers.", "separatist fighters", ("Security Forces",)),
        ("Governor Pablo Lemus said the National Guard had cleared the blockades. A U.S. official "
         "told us the group is no ordinary gang.", "group", ("National Guard",)),
        ("The army's Northwestern Command said the operation was a success. A general said the "
         "extremists had been reduced to small groups.", "extremists", ("Northwestern Command",)),
        (_article("portland_ice_facility"), "thugs",
         ("Immigration and Customs Enforcement", "ICE")),
        (_BENUE_POLICE, "hoodlums", ("Benue State Police Command",)),
        (_BENUE_POLICE, "assailants", ("Police Terna Akaa",)),
        # a state office is known by its head word
        ("The Philippines' Department of Migrant Workers said 17 sailors were missing. The "
         "militia launched its campaign in 2023.", "militia",
         ("Philippines' Department of Migrant Workers",)),
        # nor are armed men a union, the Army alone, a people or a port
        ("The Nigeria Union of Teachers condemned the attack. The Nigeria Union of Teachers said "
         "classes would stop.\n\nPolice said officers were searching the forest.\n\n"
         '"Then the bandits came like they knew," said a mother.', "bandits",
         ("Nigeria Union of Teachers",)),
        ("Army troops clashed with rebels in Negros on Monday. The Army said two soldiers were "
         "hurt, and the Army sent more troops. A village chief said the insurgents fled into the "
         "hills.", "insurgents", ("Army",)),
        ('"The Rwandans are good soldiers, but they are not everywhere," the source said. The '
         "Rwandans hold the gas site.\n\nHuman Rights Watch has documented the abduction of "
         "children by the armed group, which it said used boys as fighters.", "armed group",
         ("Rwandans",)),
        ("The ship sank off the Yemeni port of Hodeidah in the Red Sea. Israel had bombed "
         "Hodeidah. Just a day earlier the terror group sank another carrier.", "terror group",
         ("Hodeidah", "Red Sea")),
        # security forces are no rebel name ending in "Forces"
        ("People's Defence Forces (PDF), the local militias formed after the coup, have pushed "
         "the army out of hundreds of towns. Thousands have been killed by security forces since "
         "the coup in Myanmar.", "forces", ("People's Defence Forces", "Defence Forces")),
        # a lower-case word is a one-word name only after "the"
        ("The ministries sent General Security personnel. Damascus deployed internal security "
         "forces to the edge of the province.", "forces", ("Security",)),
        # a plural label before a person's office is the body he heads, not him
        ("Malaysia's facilitator, former armed forces chief Zulkifli Zainal Abidin, mediated.",
         "forces", ("Zulkifli Zainal Abidin",)),
        # a town the text sends people toward, or names as a sector, area or commune, is a place
        ("Many of the displaced headed toward Jowhar. Others went toward Jowhar's outskirts.\n\n"
         "An analyst said the insurgents were exploiting divisions.", "insurgents", ("Jowhar",)),
        ("The army said it neutralised 41 fighters during a sweep in the Banibangou sector of the "
         "Tillaberi region. Banibangou has been attacked before.\n\nThe air force tracked the "
         "assailants to their hideouts.", "assailants", ("Banibangou",)),
        ("Fighting spread across the Tepuche area overnight. Tepuche was calm by noon.\n\n"
         "Witnesses said the gunmen came in three trucks.", "gunmen", ("Tepuche",)),
        # "where" opens a relative clause, no apposition
        ("The attack hit the village of Dani Fari, in the rural commune of Banibangou, where "
         "armed bandits on motorcycles killed 12 villagers.", "bandits", ("Banibangou",)),
        # a town is no country with a regime, and a dateline in the colon form is no actor
        ("Gunmen attacked checkpoints in the countryside of Jableh on Thursday. Residents of "
         'Jableh fled to the hills.\n\n"This was an uprising by remnants of the defunct regime," '
         "the spokesman said.", "regime", ("Jableh",)),
        ("IMPHAL, Nov 3: Armed men opened fire on farmers harvesting paddy at Phubala on Sunday, "
         "police said. Central forces retaliated, after which the gunmen retreated towards the "
         "hills.", "gunmen", ("IMPHAL",)),
        ("QUETTA: Security forces on Wednesday concluded the operation to free the hostages held "
         "aboard the train, the military said. The attackers had blown up the track.",
         "attackers", ("QUETTA",)),
        # outlaws are no corps of a state's army, nor a legislature
        ("Four personnel of the Frontier Corps (FC) were killed during the siege. \"The "
         'terrorists had divided the hostages into groups," a soldier said.', "terrorists",
         ("Frontier Corps",)),
        ("Congress has not voted on the strikes. Congress was never consulted, Democrats said."
         '\n\nRelatives said the men were fishermen.\n\n"These narco-terrorists have been '
         'poisoning Americans," the secretary said.', "narco-terrorists", ("Congress",)),
        # an organisation's label is never one man's, whatever the parse made of the clause
        ("The men were members of Tren de Aragua, the Venezuelan prison gang President Trump has "
         "designated a terrorist organisation.", "gang", ("Trump",)),
        # a subject is never the group its own clause names
        ("The Pakistani Taliban attacked a post. The military's media wing, Inter-Services "
         "Public Relations (ISPR), rarely uses the group's name.", "group",
         ("Inter-Services Public Relations",)),
        # a place that opens the sentence is no apposition
        ("Tension is high in the Horn. In neighbouring Amhara, federal troops have been "
         "fighting Fano militias since 2023.", "troops", ("Amhara",)),
        # a tabloid's first name is the person's, no group
        ("FURY as yobs hijack Tommy's march\n\nThousands joined Tommy Robinson's rally in "
         "London, where Tommy's fans waved flags. Robinson told the crowd they were patriots. The "
         "day was marred by violent thugs who hurled bottles at police.", "thugs", ("Tommy",)),
        # what "-hurling" thugs hurl is not who they are
        ("BOTTLE-hurling thugs brought chaos to Epping last night. Police said officers were "
         "hurt.", "thugs", ("BOTTLE",)),
        # "Sistan and Baluchestan province" is a place, both its words
        ("Gunmen stormed a courthouse in Zahedan, capital of Sistan and Baluchestan province. "
         "Sistan and Baluchestan has long been restive, and Sistan and Baluchestan borders "
         'Pakistan. "These mercenaries came to kill judges," the deputy governor said.',
         "mercenaries", ("Sistan",)),
        # "in which" opens a relative clause, and "Indian-administered Kashmir" is a territory
        ("India blames the groups for the attack near Pahalgam in Indian-administered Kashmir, "
         "in which gunmen killed 26 men.", "gunmen", ("Kashmir",)),
        # "unidentified attackers" name no one
        ("The National Citizen Party held a rally in Gopalganj. Earlier in the day, "
         "unidentified attackers had targeted a police vehicle, officials said.", "attackers",
         ("National Citizen Party",)),
        # rulers are those of the capitals they seized power in
        ("France once kept 5,000 troops across the Sahel, but France's influence there has "
         "largely collapsed. The military juntas that seized power in Niamey and Ouagadougou "
         "have drawn closer to each other.", "military juntas", ("France",)),
        # "PM" is a title, no group
        ("Masked mob storms asylum hotel as PM warns rioters 'you will pay'\n\nMASKED thugs "
         "smashed their way into an asylum hotel last night. PM Keir Starmer said the rioters "
         "would face the full force of the law.", "thugs", ("PM",)),
        # "He said ..." after "a Hamas security official said": his words are not about Hamas
        ('Yasser Abu Shabab leads an armed group in Rafah. "These are armed gangs serving the '
         'occupation," a Hamas security official said. He said the Sahm unit had been ordered '
         "to pursue the militia's commanders.", "militia", ("Hamas",)),
        # "He is a criminal" is said of one man, never of a council named nearby
        ("The Muslim Council of Britain warned that no faith could excuse what it called an act "
         "of terror. Imam Tariq Farooq, of a mosque in nearby Cheetham Hill, said: \"The man who "
         'did this does not speak for Muslims. He is a criminal and a murderer."', "criminal",
         ("Muslim Council of Britain",)),
        # a state's armed forces named "of" their country are no attackers
        ("KINSHASA - The Armed Forces of the Democratic Republic of the Congo said they had "
         "foiled a coup attempt on Sunday. The attackers then made their way to the palace.",
         "attackers", ("Armed Forces of the Democratic Republic of the Congo",)),
        # nor is a military district the militants it fights
        ("The Western Military District said its units had repelled the incursion. The "
         "militants shelled Graivoron on Monday.", "militants", ("Western Military District",)),
        # a body that investigates attacks or fights terrorism is never the attackers
        ("Russia's Investigative Committee opened a criminal case. Among the dead attackers were "
         "two sons of a local official.", "attackers", ("Investigative Committee",)),
        ("The National Anti-Terrorism Committee declared an emergency. One of the gunmen had "
         "been a regional sports champion.", "gunmen", ("National Anti-Terrorism Committee",)),
        # the UN is no armed group's "group"
        ("Hezbollah fighters clashed with Israeli troops. The UN said hundreds were wounded, "
         "many of them at hospitals run by the group.", "group", ("UN",)),
        # a crowd is never the police who escort it
        ("Escorted at first by officers of the Federal District Military Police, the marchers "
         "broke through a thin cordon and climbed onto the roof of Congress.", "marchers",
         ("Federal District Military Police",)),
        # the source's own force is not what its spokeswoman condemns
        ("MANILA - Police clashed with youths on Sunday. The Manila Police District (MPD) said "
         "40 people were arrested. \"These were anarchists who came to destroy,\" said Maj. "
         "Rowena Baltazar, an MPD spokeswoman.", "anarchists", ("Manila Police District",)),
        # "as" opening a clause: no plural label is the one man after it
        ("Duterte declares Marawi liberated from terrorists as Hapilon, Omar Maute fall",
         "terrorists", ("Hapilon", "Isnilon Hapilon")),
        # no modifier or apposition reaches out of a quotation to its speaker
        ('"What we saw today was not a peaceful protest. It was a mob led by anarchists who '
         'want to grab power through the back door," Sri Lanka Podujana Peramuna (SLPP) MP '
         "Kamal Wijesundara told reporters, blaming the Janatha Vimukthi Peramuna (JVP).", "mob",
         ("Kamal Wijesundara", "MP Kamal Wijesundara", "Sri Lanka Podujana Peramuna")),
        # a company and the UN's migration agency are no insurgents' group
        ("The government hired Dyck Advisory Group, a South African firm. Dyck Advisory Group "
         "flew helicopters over Palma. Aid workers said both the insurgents and government "
         "troops had killed civilians.", "insurgents", ("Dyck Advisory Group",)),
        ("Thousands fled to Pemba, according to the International Organization for Migration "
         "(IOM).\n\nWho are the attackers?", "attackers",
         ("International Organization for Migration",)),
        # a people's adjective on one man says where he is from, not who he is
        ("JERUSALEM - A Palestinian gunman opened fire outside a synagogue on Friday, killing "
         "seven people, police said.", "gunman", ("Palestinians",)),
        # "a former X soldier" is no name for the soldiers of the story
        ("Special forces seized power in Guinea on Sunday. Their commander, Mamady Doumbouya, "
         "is a former French Foreign Legion soldier. Regional leaders described the soldiers as "
         "putschists.", "soldiers", ("French Foreign Legion",)),
        # an official's condemning quotation is not about the force he was introduced as heading
        ("Léon Charles, director general of the Haitian National Police (PNH), said the team "
         "was made up of 26 Colombians. \"These mercenaries came to our country to kill the "
         "head of state,\" Charles told reporters.", "mercenaries",
         ("Haitian National Police",)),
        # a phrase right before its finite verb is the subject, no apposition of a name
        ("Al Shabaab claimed the raid. In messages posted on Twitter, the group praised the "
         "attackers.", "group", ("Twitter",)),
        # a headline's noun before another is no owner, whatever the parse says
        ("Kenyan troops battle gunmen in Nairobi mall\n\nNAIROBI - Kenyan troops fought for a "
         "third day on Monday.", "gunmen", ("Kenya",)),
        # a country's defence forces are a state's: never the attackers its spokesman speaks of
        ("The Kenya Defence Forces took over the operation on Sunday. A military spokesman said "
         "soldiers were moving floor by floor. \"The attackers have nowhere to go,\" he said.",
         "attackers", ("Kenya Defence Forces", "Kenya")),
        # nor is a union of states' mission the "group" of armed men
        ("Al Shabaab said the attack was revenge for the war. Kenyan forces there serve in the "
         "African Union Mission in Somalia (AMISOM). In messages posted on Twitter, the group "
         "hailed the gunmen.", "group", ("African Union Mission in Somalia", "Twitter")),
        # a titled person "of" an organisation is two actors: his words do not name him
        ("Capt. Ron Johnson of the Missouri State Highway Patrol said troopers came under fire. "
         "\"These were criminals who hid behind the protesters,\" Johnson said.", "criminals",
         ("Ron Johnson of the Missouri State Highway Patrol", "Ron Johnson",
          "Missouri State Highway Patrol")),
        # a unit listed among a state's services is no armed group the story is about
        ("Gunmen stormed a cafe in Dhaka on Friday night. The rescue was led by army commandos, "
         "backed by members of the Navy, Air Force, police, Rapid Action Battalion (RAB) and "
         "Border Guard Bangladesh (BGB). Police said the Rapid Action Battalion sealed the area, "
         "and RAB officers searched homes.\n\nThe terrorists had planned the attack for weeks.",
         "terrorists", ("Rapid Action Battalion",)),
        # "The State's forces" are the story's state's, not a name "State"
        ("MADRID - The State's security forces dismantled hundreds of polling stations in "
         "Catalonia on Sunday.", "forces", ("State",)),
        # a label that describes one man's government names no later crowd after him
        ("Police closed polling stations on Sunday that the separatist government of Carles "
         "Puigdemont had opened. Officials said the separatists had long ago taken over public "
         "television.", "separatists", ("Carles Puigdemont",)),
        # a group's president commands no state's troops
        ("Kinshasa accused Rwanda on Monday. M23 president Bertrand Bisimwa spoke in Goma. "
         "Bisimwa's troops advanced.", "troops", ("DR Congo", "Rwanda")),
        # a name set off as a state's agency is the state's, never the insurgents'
        ("The separatists' commander in Sloviansk is a man Kyiv has identified as an officer of "
         "Russia's military intelligence agency, the GRU. Moscow denies that.\n\nThe insurgents "
         "say they answer to no one.", "insurgents", ("GRU",)),
        # an event or a venue modifying a label is what was attacked, not who attacked
        ("Two brothers were named as suspects on Friday. Police said the Boston Marathon "
         "bombers had fled.", "bombers", ("Boston Marathon",)),
        # a tabloid's opening word in capitals is no acronym
        ("SUICIDE bombers struck three churches on Sunday. Police said the suicide attacks "
         "killed 250 people.", "bombers", ("SUICIDE",)),
        # a unit the text gives the army as owner is the state's; a headquarters is a place
        ("Commandos of the army's Special Services Group (SSG) cleared the school on Tuesday. "
         "The SSG lost two men.\n\n\"The terrorists came to kill children,\" a spokesman said.",
         "terrorists", ("Special Services Group",)),
        ("Commandos cleared the school, Major General Asim Bajwa told reporters at Corps "
         "Headquarters. Bajwa spoke for an hour at Corps Headquarters.\n\n\"The terrorists came "
         "to kill children,\" he said.", "terrorists", ("Corps Headquarters",)),
    ],
)  # fmt: skip
def test_a_label_never_reaches_these_actors(text, word, wrong):
    assert _actor(text, word) not in wrong


def test_the_group_in_what_a_groups_spokesman_says_is_his_group():
    text = (
        "Student group Scholarism led the sit-in. The group has camped outside government "
        "headquarters. Robert Chow, spokesman for the Alliance for Peace and Democracy, said the "
        "group had collected more than a million signatures."
    )
    groups = [span.actor for span in _labels(text) if span.text == "group"]
    assert groups[1:] == ["Scholarism", "Alliance for Peace"]


def test_anti_fascists_are_no_use_of_fascists():
    text = "Counter-protesters included clergy and self-described anti-fascists."
    assert [span.text for span in _labels(text)] == []


def test_its_on_a_label_is_the_actor_its_clauses_subject_label_named():
    # "the group hailed its gunmen": the group's, not the group an earlier "gunmen" named
    text = (
        "Jaish gunmen attacked a bus in Kashmir on Monday. On Tuesday, Lashkar-e-Taiba said the "
        "attack on the bus was its work. In a statement, the group hailed its gunmen as heroes."
    )
    found = [(span.text, span.actor) for span in _labels(text) if span.text in ("group", "gunmen")]
    assert found == [
        ("gunmen", "Jaish"),
        ("group", "Lashkar-e-Taiba"),
        ("gunmen", "Lashkar-e-Taiba"),
    ]


def test_a_rights_group_is_no_armed_group_an_earlier_group_named():
    text = (
        "Residents fear Lakurawa, the jihadist group that has raided villages. Amnesty "
        "International condemned the abduction. The rights group accused the government of "
        "failing schools."
    )
    groups = [s.actor for s in _labels(text) if s.text == "group"]
    assert groups == ["Lakurawa", "Amnesty International"]


def test_troops_a_source_reports_are_its_countrys_whoever_was_named_last():
    text = (
        "Pakistani troops fired across the border, Indian officials said. An Indian security "
        "official said that troops had been ordered to respond firmly."
    )
    assert [s.actor for s in _labels(text) if s.text == "troops"] == ["Pakistan", "India"]


def test_neo_nazis_are_not_the_nazis():
    text = (
        'Kursk Region fully liberated from Ukrainian neo-Nazis\n\n"The neo-Nazis who came to '
        'our land to kill civilians have been destroyed," the Kremlin spokesman said.'
    )
    assert "Nazis" not in {s.actor for s in _labels(text)}


def test_a_definite_outlaw_label_with_no_group_near_is_the_storys_armed_group():
    # JNIM is named two paragraphs before the quotation; not the army the speaker speaks for
    quoted = [
        s for s in _labels(_article("mali_fuel_blockade"))
        if s.text == "terrorists" and s.voice == "quoted"
    ]  # fmt: skip
    assert [s.actor for s in quoted] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_soldiers_are_no_town_the_story_is_filed_from():
    # filed from Bamenda; Batibo is the place named most
    text = _article("cameroon_batibo")
    found = [s for s in _labels(text) if s.text == "soldiers" and s.voice == "reported"]
    assert [s.actor for s in found] == ["Cameroon"]


def test_later_labels_take_the_name_a_group_goes_under():
    # Fano named twice, then paragraphs with no group before "the extremists"
    text = (
        "The army has dismantled several cells of the extremist group operating under the name "
        "Fano in Gojjam, officials said on Tuesday. Fano has fought the government since 2023."
        "\n\nSchools reopened in Debre Markos on Monday. Traders said fuel had returned to the "
        "markets.\n\nThe regional president said the roads were safe again. Buses resumed "
        "service to Bahir Dar.\n\nA general told journalists that the extremists had been "
        '"reduced to small groups".'
    )
    assert [s.actor for s in _labels(text) if s.text == "extremists"] == ["Fano"]


def test_a_capitalised_opener_the_text_writes_in_lower_case_is_no_name():
    text = (
        "Grief hung over Yelwata, a farming community in Benue State, on Sunday. The Benue State "
        "Community Volunteer Guards arrived late. Community leaders said gunmen stormed the town "
        "at about 11pm."
    )
    assert "Community" not in {m.name for m in _mentions(text)}
    assert _actor(text, "gunmen") != "Community"


def test_an_office_after_a_title_and_of_is_no_part_of_the_name():
    for text, name in (
        ("Superintendent of Police Terna Akaa said the attackers fled.", "Terna Akaa"),
        ("Secretary of State Marco Rubio said the attackers fled.", "Marco Rubio"),
        ("Police Col. Somkiat Wongsuwan said the attackers fled.", "Somkiat Wongsuwan"),
    ):
        assert [m.name for m in _mentions(text) if m.kind == "person"] == [name]
    names = [m.name for m in _mentions("A spokesman for the command's Region 4 spoke.")]
    assert "Region" not in names


def test_a_label_of_another_kind_is_not_the_people_an_earlier_label_named():
    text = "Druze fighters held the city. Damascus deployed troops to keep the tribal fighters out."
    fighters = [s for s in _labels(text) if s.text == "fighters"]
    assert fighters[0].actor == "Druze"
    assert fighters[-1].actor != "Druze"


def test_a_backer_in_a_suspended_hyphen_is_no_name_of_the_group():
    text = "The U.S.- and Israeli-backed group began operating in May."
    assert all(m.role == "target" for m in _mentions(text))
    assert _actor(text, "group") != "U.S.-"


def test_a_count_or_a_title_alone_opens_no_name():
    assert [m.name for m in _mentions("Many Nigerians fled the town.")] == ["Nigerians"]
    text = "The Minister of State for Defence, Bello Matawalle, vowed to find the girls."
    assert [m.name for m in _mentions(text)] == ["Bello Matawalle"]


def test_an_acronym_known_as_names_the_name_before_when_its_initial_fits():
    layer = _layer("The Rapid Support Forces, known as RSF, attacked the city. The RSF denied it.")
    assert layer.actor_named("RSF") == "Rapid Support Forces"
    layer = _layer("The U.N. Integrated Office in Haiti, known as BINUH, reported 300 deaths.")
    assert layer.actor_named("BINUH") != "Haiti"


# --- words that are not labels -----------------------------------------------------------------


def test_fighter_jets_are_a_thing_not_a_label():
    assert _labels("Israeli fighter jets struck the camp at dawn.") == []


def test_fighter_bombers_are_aircraft_and_the_label_beside_them_still_counts():
    text = "Russian Su-34 fighter-bombers and militants struck positions overnight."
    assert [s.text for s in _labels(text)] == ["militants"]


def test_joining_forces_is_allying_not_a_label():
    text = "Russia will join forces with Iran, he said. The two parties joined forces last year."
    assert _labels(text) == []
    # forces described by a modifier are still forces someone commands
    assert [s.text for s in _labels("The army joined forces loyal to the general.")] == ["forces"]


def test_an_official_list_is_a_name_not_a_label():
    text = "The State Department added the group to its list of Foreign Terrorist Organizations."
    assert [s.text for s in _labels(text)] == ["group"]


def test_so_called_is_distancing_not_a_label():
    assert [s.text for s in _labels("The so-called rebels left.")] == ["rebels"]
    from analyzer.signals import hedging

    doc = build_document("The so-called rebels left.", config=NO_PACK)
    spans = hedging.detect(doc, NO_PACK)
    assert [(s.text, s.signal) for s in spans] == [("so-called", "distancing")]


def test_a_label_word_inside_a_name_is_part_of_the_name():
    text = "The Rapid Support Forces and the Popular Resistance Committees issued statements."
    assert _labels(text) == []


@pytest.mark.parametrize(
    ("text", "word", "tier"),
    [
        ("Paramilitaries loyal to the general entered the city.", "Paramilitaries",
         "descriptive"),
        ("Separatists fired on the checkpoint.", "Separatists", "contested"),
        ("The junta extended the curfew.", "junta", "contested"),
        ("Mercenaries guarded the mine.", "Mercenaries", "contested"),
        ("Armed gangs blocked the port road.", "Armed gangs", "value-laden"),
        ("The minister called them criminals.", "criminals", "value-laden"),
        ("State television blamed hooligans for the fires.", "hooligans", "value-laden"),
        ("The hijackers diverted the plane to Kandahar.", "hijackers", "descriptive"),
        ("The court jailed the putschists for life.", "putschists", "value-laden"),
        ("The source said the mutineers controlled the barracks.", "mutineers", "contested"),
        ("The minister called the protesters delinquents.", "delinquents", "value-laden"),
        ("The Proud Boys are white nationalists, the report said.", "white nationalists",
         "value-laden"),
        ("The senator called the Mungiki gang scum.", "scum", "dehumanizing"),
        ("The preacher said the Janjaweed were infidels.", "infidels", "value-laden"),
    ],
)  # fmt: skip
def test_labels_of_other_conflicts_are_in_the_lexicon(text, word, tier):
    found = [s for s in _labels(text) if s.text == word]
    assert [s.label for s in found] == [tier]


# --- story packs as a correction ---------------------------------------------------------------


def test_a_story_pack_renames_found_actors_and_names_it_lacks_are_kept():
    pack = story_pack_from_text(
        "actor,aliases,kind\nRSF,Rapid Support Forces;paramilitary RSF,group\n", name="sudan"
    )
    config = Config(story_pack=pack, strip_boilerplate=False)
    assert _actor("Rapid Support Forces fighters shelled El Fasher.", "fighters", config) == "RSF"
    text = "The Sudanese Armed Forces said M23 rebels were not involved."
    assert _actor(text, "rebels", config) == "M23", "a name the pack lacks is still an actor"


def test_storypack_suggest_lists_the_actors_of_a_collection(tmp_path):
    texts = [
        "M23 rebels seized Bunagana. The M23 said it would hold the town. "
        "Congolese troops withdrew as M23 fighters advanced.",
        "The Congolese army accused Rwanda of backing the M23. Rwanda denied it.",
    ]
    docs = [build_document(text, config=NO_PACK) for text in texts]
    actors = {a.actor: a for a in suggest_actors(docs)}
    assert "M23" in actors and actors["M23"].mentions >= 4 and actors["M23"].articles == 2
    assert "Rwanda" in actors
    pack_file = tmp_path / "storypack.csv"
    pack_file.write_text(story_pack_csv(actors.values()), encoding="utf-8")
    pack = load_story_pack(pack_file)
    assert {"M23", "Rwanda"} <= {actor.name for actor in pack.actors}


def test_storypack_suggest_command_writes_a_pack_that_loads(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Houthi rebels fired missiles at a ship. The Houthis said more would follow.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "The Houthis seized a second ship on Sunday, Houthi officials said.\n", encoding="utf-8"
    )
    out = tmp_path / "storypack.csv"
    assert main(["storypack", "suggest", str(folder), "-o", str(out), "--keep-boilerplate"]) == 0
    assert "wrote" in capsys.readouterr().out
    names = {actor.name for actor in load_story_pack(out).actors}
    assert any("Houthi" in name for name in names)


# --- warnings about a collection's actors ------------------------------------------------------


def test_a_story_pack_for_another_story_gets_a_warning(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Houthi rebels fired missiles at a ship.\n", encoding="utf-8")
    pack = tmp_path / "pack.csv"
    pack.write_text("actor,aliases,kind\nTaliban,,group\n", encoding="utf-8")
    code = main(["score", str(tmp_path / "a.txt"), "--story-pack", str(pack), "-o",
                 str(tmp_path / "out.csv"), "-q", "--keep-boilerplate"])  # fmt: skip
    assert code == 0
    assert "story pack 'pack' names none of the actors" in capsys.readouterr().err


def test_many_unresolved_labels_get_a_warning(tmp_path, capsys):
    text = "".join(f"The militants struck again on day {n}. " for n in range(6))
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    code = main(["score", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.csv"), "-q",
                 "--keep-boilerplate"])  # fmt: skip
    assert code == 0
    assert "6 of 6 actor labels name no actor found in the text" in capsys.readouterr().err


# --- voice by who speaks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Washington designated the Houthis a terrorist organisation in January.",
         "terrorist organisation"),
        ("The group was designated a terrorist organisation by the United States in 2019.",
         "terrorist organisation"),
        ("Police described the attackers as terrorists.", "terrorists"),
        ("The military has branded the People's Defense Forces, the armed wing of the shadow "
         "National Unity Government, as terrorists.", "terrorists"),
        ("The government accused the rebels of shelling the market.", "rebels"),
        ("The Kenyan government blamed the militants for the bombing.", "militants"),
        ("Analysts consider the Wagner Group a mercenary organisation.", "mercenary"),
        ("The minister went further in blaming the militants for the blackout.", "militants"),
        ("The Wagner commanders insisted in an interview, they're not mercenaries.",
         "mercenaries"),
        ("A police spokesman who confirmed details of the militants' plan was dismissed.",
         "militants"),
        # the name after "as" says who the police's "gunman" is: the object is their word
        ("Police in Nairobi identified the gunman as Ahmed Farah.", "gunman"),
        # the parser hung the subject on the verb as a compound
        ("The junta calls the resistance fighters terrorists.", "terrorists"),
        ("Damascus calls every armed opposition group a terrorist organization.",
         "terrorist organization"),
        # likening and referring name too
        ("The president likened the rebels to terrorists.", "terrorists"),
        ("Officials referred to the group as a terrorist organisation.",
         "terrorist organisation"),
        # a naming verb the tagger read as a noun, in a relative clause on the name
        ("Hezbollah, which the United States and Britain list as a terrorist organisation, said "
         "its fighters had hit an army post.", "terrorist organisation"),
        # the words before a quotation that its source and cue close are the source's claim
        ('The separatists are "bandits and criminals," the governor told state television.',
         "separatists"),
        # a passive's subject does what the verb it controls says
        ("The army has been criticised for calling the herders bandits.", "bandits"),
        ("Police were accused of labelling the protesters rioters.", "rioters"),
        # a second object the parser coordinated with the verb itself
        ("Washington designated Viv Ansanm and the allied Gran Grif gang as foreign terrorist "
         "organizations in May.", "terrorist organizations"),
    ],
)  # fmt: skip
def test_a_label_in_what_a_source_names_or_accuses_is_reported_speech(text, word):
    found = [s for s in _labels(text) if s.text == word]
    assert [s.voice for s in found] == ["reported"]


@pytest.mark.parametrize(
    "text",
    [
        "Democrat officials once again refused to condemn the mob.",
        "The mayor did not call the rioters terrorists.",
    ],
)
def test_what_a_source_refuses_to_say_or_does_not_say_is_the_outlets_own_words(text):
    assert {s.voice for s in _labels(text)} == {"authorial"}


def test_a_new_act_after_a_declaration_is_not_what_was_declared():
    text = (
        "The government declared a state of emergency on Wednesday, banned TikTok across the "
        "territory and deployed soldiers to secure the port."
    )
    assert [(s.text, s.voice) for s in _labels(text)] == [("soldiers", "authorial")]


def test_who_a_source_praises_as_a_hero_is_the_name_set_off_after_the_noun():
    text = (
        'Prime Minister Anthony Albanese praised the inspector, Amy Scott, as "a hero" who '
        "had saved many lives."
    )
    assert _actor(text, "hero") == "Amy Scott"
    text = "Washington, with some 1,100 troops in the country, has not called it a coup."
    assert _actor(text, "troops") == "United States"


def test_a_name_hung_on_a_passives_agent_names_the_subject_not_the_agent():
    text = (
        "QUITO, Nov 10 (Reuters) - A riot in an Ecuadorean prison killed 31 inmates. Noboa "
        "deployed the armed forces. Those behind the riot were described by the armed forces as "
        '"terrorist groups" seeking to regain control of the prisons.'
    )
    assert _actor(text, "terrorist groups") in ("unresolved", None)
    assert _actor("Ecuadorean soldiers regained control of the prison.", "soldiers") == "Ecuador"


def test_several_groups_said_to_be_thugs_are_not_the_organisation_named_most():
    text = (
        'The Ministry of Internal Affairs (MIA) said 48 people had been detained for "petty '
        'hooliganism." The ministry did not comment on the masked groups, which were described '
        "by opposition leaders as government-hired thugs."
    )
    assert _actor(text, "thugs") != "Ministry of Internal Affairs"


def test_who_is_described_after_a_passive_is_not_the_describer():
    found = _labels("The men were arrested after being described as militants.")
    assert [(s.text, s.voice) for s in found] == [("militants", "authorial")]


def test_two_objects_the_parse_reads_as_one_phrase_are_the_named_and_the_name():
    found = _labels("Police were accused of labelling the protesters rioters.")
    assert [(s.text, s.voice) for s in found] == [("protesters", "reported"),
                                                  ("rioters", "reported")]  # fmt: skip
    assert _actor("The junta called the M23 rebels terrorists.", "terrorists") == "M23"
    assert _actor("Kagame called the Hutu militias killers.", "killers") == "Hutus"  # a people


def test_what_a_naming_verb_calls_it_names_the_group_before():
    text = (
        "Darmanin singled out the Field Action Coordination Unit (CCAT), a radical wing of the "
        'movement, describing it as "a mafia-like group" that he accused of orchestrating looting.'
    )
    assert _actor(text, "group") == "Field Action Coordination Unit"


def test_whom_a_source_likens_to_something_is_named_in_the_sources_words():
    voices = {s.text: s.voice for s in _labels("The president likened the rebels to terrorists.")}
    assert voices == {"rebels": "reported", "terrorists": "reported"}


def test_a_clause_of_when_or_why_after_a_reporting_verb_is_the_outlets_own_words():
    text = (
        'Keir Starmer on Sunday condemned what he called "far-right thuggery" after rioters '
        "attacked a hotel in Rotherham."
    )
    assert [(s.text, s.voice) for s in _labels(text) if s.text == "rioters"] == [
        ("rioters", "authorial")
    ]


def test_a_label_in_what_a_named_organisations_report_says_is_reported_speech():
    label = [s for s in _labels("Rebels seized the airport, according to a UN report.")]
    assert [(s.text, s.voice) for s in label] == [("Rebels", "reported")]
    vague = _labels("Rebels seized the airport, according to local reports.")
    assert [(s.text, s.voice) for s in vague] == [("Rebels", "authorial")]


def test_what_the_writer_believes_is_the_writers_voice_and_a_gloss_is_too():
    assert [s.voice for s in _labels("I believe the rebels will lose the war.")] == ["authorial"]
    quoted = _labels("“I believe the rebels will lose,” the minister said.")
    assert [s.voice for s in quoted] == ["quoted"]
    gloss = _labels(
        "Police described the men as extremists, a word that critics give every militant."
    )
    assert [(s.text, s.voice) for s in gloss] == [("extremists", "reported"),
                                                  ("militant", "authorial")]  # fmt: skip


def test_a_passive_reports_with_its_agent_and_never_its_subject():
    # With an agent the label is the agent's; the people it is said of are the writer's word.
    described = _labels("The rebels were described as terrorists by the army.")
    assert [(s.text, s.voice) for s in described] == [
        ("rebels", "authorial"),
        ("terrorists", "reported"),
    ]
    heralded = _labels("If you vote their way, you're heralded as a national hero by the left.")
    assert [(s.text, s.voice) for s in heralded] == [("hero", "reported")]
    # With none, nobody can be held to the words: the writer's, as after "experts say".
    widely = _labels("The rebels are widely described as terrorists.")
    assert [s.voice for s in widely] == ["authorial", "authorial"]
    accused = _labels("The militants were accused of shelling the market.")
    assert [(s.text, s.voice) for s in accused] == [("militants", "authorial")]
    # the "as" phrase the parser hangs on the agent names the subject too
    agent_first = _labels("The rebels were described by the army as terrorists.")
    assert [(s.text, s.voice) for s in agent_first] == [
        ("rebels", "authorial"),
        ("terrorists", "reported"),
    ]


def test_an_apposition_on_a_named_passive_subject_is_the_writers_and_a_quoted_name_is_trimmed():
    text = (
        'The so-called "Cyber Partisans," a group of self-described hacktivists who oppose '
        "Lukashenko, have been designated a terrorist organisation by the Belarusian KGB."
    )
    found = {s.text: (s.actor, s.voice) for s in _labels(text)}
    assert found["group"] == ("Cyber Partisans", "authorial")
    assert found["terrorist organisation"] == ("Cyber Partisans", "reported")


def test_a_label_a_passive_naming_verb_gives_names_its_subject():
    text = "The M23 seized Goma in January. The rebels were described by the army as terrorists."
    assert [(s.text, s.actor) for s in _labels(text)][-1] == ("terrorists", "M23")
    text = (
        "Hezbollah fired rockets at Israel. Hezbollah was described by Israel as a terrorist group."
    )
    assert [(s.text, s.actor) for s in _labels(text)] == [("terrorist group", "Hezbollah")]
    text = (
        "Hezbollah fired rockets at Israel. The group, which is designated a terrorist "
        "organisation by Washington, denied the claim."
    )
    found = {s.text: s.actor for s in _labels(text)}
    assert found["terrorist organisation"] == "Hezbollah"


def test_a_naming_verb_keeps_its_complements_when_the_parse_strays():
    # "as" hung on the object, and a word of a coordinated clause hung on the naming verb
    text = 'The army spokesman described the RSF fighters as "terrorist militias" on Friday.'
    found = {s.text: (s.actor, s.voice) for s in _labels(text)}
    assert found["fighters"] == ("RSF", "reported")
    assert found["militias"] == ("RSF", "quoted")
    text = (
        "Burhan's government has branded the RSF a rebel group and refuses to negotiate with "
        'what it calls "mercenaries."'
    )
    found = {s.text: (s.actor, s.voice) for s in _labels(text)}
    assert found["rebel group"] == ("RSF", "reported")


def test_a_naming_verb_read_as_a_noun_still_reports():
    # "list" tagged a noun after "the European Union": it has an object, so it is a verb
    text = "The United States and the European Union list the ELN as a terrorist organization."
    found = {s.text: (s.actor, s.voice) for s in _labels(text)}
    assert found["terrorist organization"] == ("ELN", "reported")


def test_the_actor_who_has_the_fighters_owns_them():
    text = "The ELN, founded in 1964 by Catholic priests, has about 6,000 fighters."
    assert [(s.text, s.actor) for s in _labels(text)] == [("fighters", "ELN")]


def test_the_outlets_own_characterisation_stays_authorial_and_a_sources_object_is_reported():
    assert [s.voice for s in _labels("Militants attacked the convoy at dawn.")] == ["authorial"]
    # the object of a naming verb is the source's too (the held-out guideline: "including its
    # object"); the subject of its passive stays the writer's
    text = "Police described the group as militants."
    assert [(s.text, s.voice) for s in _labels(text)] == [
        ("group", "reported"),
        ("militants", "reported"),
    ]


def test_a_label_word_before_a_noun_for_people_still_labels_them():
    found = _labels("The radical left is planning an uprising, the senator said.")
    assert [s.text for s in found] == ["radical"]
    assert _labels("Experts warned of more terrorist attacks.") == []


def test_a_label_said_of_a_pronoun_refers_back():
    text = (
        "Masked Ku Klux Klan members rallied at night. "
        "The KKK members insisted they're not white supremacists."
    )
    # "Masked" describes, so the acronym joins the name it spells out
    assert _actor(text, "white supremacists") == "Ku Klux Klan"


@pytest.mark.parametrize(
    ("text", "voice"),
    [
        ("Officials said the terrorists may withdraw.", "reported"),
        ("As per reports, the terrorists may withdraw.", "authorial"),  # nobody to hold to it
    ],
)
def test_every_signal_reads_one_voice_rule(text, voice):
    from analyzer import analyze

    spans = [s for s in analyze(text).spans if s.signal in ("loaded", "hedge")]
    assert [(s.text, s.voice) for s in spans] == [("terrorists", voice), ("may", voice)]


def test_a_label_past_the_parsed_part_of_an_overlong_sentence_is_still_counted():
    text = "The militants " + "and the villagers " * 200 + "met the rebels near the town."
    assert [(s.text, s.actor) for s in _labels(text)] == [
        ("militants", "unresolved"),
        ("rebels", "unresolved"),
    ]


def test_as_a_source_calls_it_hands_the_word_to_the_source():
    voices = {s.text: s.voice for s in _labels("The regime, as critics call it, jailed thousands.")}
    assert voices == {"regime": "reported"}
    voices = {s.text: s.voice for s in _labels("The regime, as we call it, jailed thousands.")}
    assert voices == {"regime": "authorial"}


def test_which_a_source_calls_it_hands_the_word_to_the_source():
    text = "Meanwhile the Kurdish YPG, which Turkey regards as terrorists, has been fighting ISIS."
    assert [(s.text, s.actor, s.voice) for s in _labels(text)] == [
        ("terrorists", "YPG", "reported")
    ]  # the tagger reads "regards" as a plural noun here; the words still say who names whom
    text = "The PKK, which was designated a terrorist group in 1997, denies it."
    assert {s.text: s.voice for s in _labels(text)} == {"terrorist group": "authorial"}
    text = "The PKK, which we call a terrorist group, denies it."
    assert {s.text: s.voice for s in _labels(text)} == {"terrorist group": "authorial"}
    text = "Houthi rebels, whom Washington designated terrorists last year, fired two missiles."
    assert {s.text: (s.actor, s.voice) for s in _labels(text)}["terrorists"] == (
        "Houthi",
        "reported",
    )
    text = "The rebels, who the government says are terrorists, rejected the ceasefire."
    assert {s.text: s.voice for s in _labels(text)}["terrorists"] == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels, according to the United Nations, now control most of the province.",
        "According to the United Nations, rebels now control most of the province.",
        "Rebels now control most of the province, according to the United Nations.",
    ],
)
def test_a_sentence_carrying_according_to_is_reported_wherever_the_phrase_stands(text):
    assert [s.voice for s in _labels(text)] == ["reported"]


def test_a_reported_clause_goes_on_after_a_quotation_inside_it():
    text = (
        'The Defense Ministry said in a statement that soldiers came under fire from "members of '
        'a criminal group" and returned fire, killing four attackers and arresting six.'
    )
    voices = {s.text: s.voice for s in _labels(text)}
    assert voices["criminal group"] == "quoted"
    assert voices["attackers"] == "reported"


def test_a_reported_clause_goes_on_after_a_quotation_that_opens_it():
    text = (
        'A ministry spokesman told reporters that "unidentified snipers" had fired on both '
        "protesters and police."
    )
    voices = {s.text: s.voice for s in _labels(text)}
    assert voices["snipers"] == "quoted"
    assert voices["protesters"] == "reported"


def test_a_gloss_after_a_quotation_in_a_reported_clause_is_the_writers():
    text = (
        'The general urged the remnants to "come down from the mountains" and join the E-CLIP '
        "programme, which provides housing to former rebels."
    )
    assert {s.text: s.voice for s in _labels(text)}["rebels"] == "authorial"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # a group noun set off after a name makes it a group, however the parse hung the noun
        # a name with a group's head word in lower case, set beside a label
        ("The Radaa force, a powerful militia, denied that it had been defeated.", "militia",
         "Radaa"),
        # "refer to X as": the label is said of X, and takes the actor X's label named
        ("The West Papua National Liberation Army (TPNPB) claimed the killings. Indonesian "
         "authorities refer to the rebels as an armed criminal group.", "criminal group",
         "West Papua National Liberation Army"),
        ("Fighting erupted in Tripoli overnight. Hifter's forces have long described the Tripoli "
         "armed groups as terrorists.", "terrorists", "Tripoli groups"),
    ],
)  # fmt: skip
def test_a_label_reaches_the_actor_beside_it_or_the_label_it_is_said_of(text, word, actor):
    assert _actor(text, word) == actor


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a place after a preposition that the parser took for the subject of "were"
        ("Putin said the gunmen who killed 130 people at a concert hall outside Moscow were "
         "radical Islamists.", "Islamists"),
    ],
)  # fmt: skip
def test_a_place_or_a_language_is_never_the_labelled_actor(text, word):
    assert _actor(text, word) == "unresolved"
    # a language glued to "speaking" names no one
    text = "The attackers stormed a village in the English-speaking Northwest region."
    assert "English" not in [m.name for m in _mentions(text)]


def test_a_group_noun_set_off_after_a_name_makes_it_a_group():
    # however the parse hung the noun (here on the verb), the name is a group's, and "the
    # group" later refers to it, not to the nearest name
    text = (
        "Police arrested 500 people in support of Palestine Action, a group the government "
        "banned last month. She said the group had attacked a Royal Air Force base."
    )
    assert [(s.text, s.actor) for s in _labels(text)] == [
        ("group", "Palestine Action"),
        ("group", "Palestine Action"),
    ]
    # a possessive is no apposition: "the group's deputy director" is a person
    text = "The ban is a tool of repression, said Diana Eltahawy, the group's deputy director."
    assert [m.kind for m in _mentions(text) if m.name == "Diana Eltahawy"] == ["person"]


def test_an_acronym_of_another_language_in_brackets_names_the_party_before_it():
    text = (
        "The agency classified the far-right Alternative for Germany (AfD) as extremist. The "
        "AfD called the decision a heavy blow, and AfD fighters, so to speak, rallied."
    )
    names = {m.name: m.acronym_of for m in _mentions(text) if m.name == "AfD"}
    assert names == {"AfD": None}
    assert _actor(text, "fighters") == "Alternative for Germany"
    # the whole name the parse reads before it, small words and all
    text = (
        "Kinshasa pledged to neutralize the Democratic Forces for the Liberation of Rwanda "
        "(FDLR), a Hutu militia. Rwanda says its forces act in self-defense against the FDLR. "
        "Kinshasa denies arming FDLR fighters."
    )
    assert _actor(text, "fighters") == "Democratic Forces for the Liberation of Rwanda"
    # of the words' and the parse's readings, the longer is the whole name
    text = (
        "Ethiopia's government accused a faction of Tigray's ruling party of plotting with "
        "Eritrea, as a power struggle within the Tigray People's Liberation Front (TPLF) "
        "deepened. Forces loyal to TPLF chairman Debretsion Gebremichael seized the offices."
    )
    assert _actor(text, "Forces") == "Tigray People's Liberation Front"
    # a news agency's bracket closing a dateline expands nothing
    text = "SAN JUAN, Puerto Rico (AP) - Gunmen killed two people. AP fighters, so to speak, left."
    assert _actor(text, "fighters") != "Puerto Rico"


@pytest.mark.parametrize(
    "text",
    [
        "QUETTA: Security forces on Wednesday concluded the operation to free the hostages held "
        "aboard the train, the military said.",
        "CULIACÁN, Sin. – Prosecutors said 14 people were killed over the weekend.",
        "SITTWE, Myanmar/COX'S BAZAR, Bangladesh, March 4 - Officials said the border was shut.",
    ],
)
def test_a_dateline_in_the_colon_form_or_with_accents_names_no_actor(text):
    assert _layer(text).all_actors() == []


def test_the_city_of_a_dateline_is_a_place_and_never_the_attacker():
    text = (
        "FBI says New Orleans attacker acted alone\n\nNEW ORLEANS (AP) - The man who drove a "
        "truck into a crowd acted alone, the FBI said on Thursday."
    )
    assert _actor(text, "attacker") == "unresolved"
    layer = _layer(text)
    assert layer.kind(layer.actor_named("New Orleans")) == "place"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # the rulers are the story's country, not a country named before as a place
        ("Blockade chokes Mali's capital\n\nBAMAKO, Mali (AFP) - Queues formed across Bamako as "
         "a blockade imposed by militants entered its second month.\n\nIts fighters have since "
         "attacked fuel tankers on roads from Senegal and Ivory Coast.\n\nThe junta, led by "
         "General Assimi Goita, has deployed soldiers to escort convoys.", "junta", "Mali"),
        # a group named after "from" over the country whose people the phrase names
        ("Russian mercenaries from the Africa Corps are fighting alongside the army.",
         "mercenaries", "Africa Corps"),
        # the name a participle set off after the label identifies it as
        ("The attacker, identified by police as Joel Cauchi, 40, was shot by an inspector.",
         "attacker", "Joel Cauchi"),
        # a backer's phrase starts at the words glued to the label, not at a verb hung on it
        ("Long queues formed at petrol stations across Bamako on Sunday as a blockade imposed by "
         "al-Qaeda-linked militants on fuel imports entered its second month.", "militants",
         "al-Qaeda-linked militants"),
    ],
)  # fmt: skip
def test_the_actor_a_state_label_or_a_description_names(text, word, actor):
    assert _actor(text, word) == actor


def test_the_article_before_a_possessor_is_the_possessors():
    text = (
        "BAMAKO, Mali (AFP) - Queues formed in Mali's capital. The militants said they were "
        "targeting the ruling junta's supply lines."
    )
    assert "generic" not in next(s.rule for s in _labels(text) if s.text == "junta")


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # a later "the rebels" takes the side an earlier label of the kind named, however found
        ("Colombia's president suspended talks with the National Liberation Army (ELN) after "
         "the guerrilla group launched an offensive. He accused the rebels of war crimes.\n\n"
         "The defence ministry said troops had been sent to the region. Officials met in "
         "Bogota on Monday. Schools reopened.\n\nCritics say the policy allowed the rebels to "
         "expand.", "rebels", "National Liberation Army"),
        # government and security forces are the state's, never a region's named nearby
        ("KADUNA, Nigeria (Reuters) - Gunmen stormed a school in Nigeria's Kaduna state. "
         "Nigeria has struggled to stop kidnappings. Kaduna state governor Uba Sani said "
         "security forces were pursuing the bandits.", "forces", "Nigeria"),
        ("PEMBA, Mozambique (Reuters) - Insurgents raided a village in Mozambique's north. "
         "Mozambique's army is stretched. Rights groups have accused government forces of "
         "abuses.", "forces", "Mozambique"),
        # "federal troops" are those of the country the story is filed from
        ("ADDIS ABABA, Ethiopia - Ethiopia accused Eritrea of arming rebels. Eritrea denied "
         "it, and Eritrea's minister called it a smear. Eritrea has long been accused. The "
         "rebels have been fighting federal troops since 2023.", "troops", "Ethiopia"),
    ],
)  # fmt: skip
def test_the_side_a_kind_of_label_or_a_state_noun_names(text, word, actor):
    found = [s for s in _labels(text) if s.text == word]
    assert found[-1].actor == actor


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian forces retook the town on Monday. Officials said extremists had "
        "collaborated with hostile foreign forces.",
        "The federal government moved to disband regional security forces in Amhara. Ethiopia "
        "has long been divided, and Ethiopia's army is stretched.",
    ],
)
def test_foreign_or_regional_forces_are_not_the_state_named_before(text):
    last = [s for s in _labels(text) if s.text == "forces"][-1]
    assert last.actor != "Ethiopia"


def test_a_kind_of_group_is_not_the_group_described_before():
    text = (
        "U.S. strikes hit a port, the Houthi-run health ministry said, in the deadliest attack "
        "since Washington began its campaign against the Iran-aligned group. The Houthis have "
        "fired missiles at ships, and the Houthis say they will go on. Washington designated "
        "the movement a foreign terrorist organisation in March. Rights groups called for an "
        "investigation."
    )
    actors = {s.text: s.actor for s in _labels(text)}
    assert actors["groups"] == "unresolved"
    assert actors["terrorist organisation"] == "Houthis"


def test_looters_in_a_story_without_a_protest_are_no_protesters():
    text = "Rebels seized the city. Looters ransacked warehouses of the World Food Programme."
    assert _actor(text, "Looters") == "unresolved"
    text = "Protesters marched on parliament. Looters ransacked shops nearby."
    assert _actor(text, "Looters") == "protesters"
    # provocateurs are the crowd's, not a party named beside them
    text = (
        "Students marched on parliament on Monday. The CHP backed the rally. Police detained the "
        "provocateurs near the square."
    )
    assert _actor(text, "provocateurs") == "protesters"  # the crowd, not the party


def test_capitals_before_a_name_word_mid_sentence_belong_to_the_name():
    # "Just/ADV Stop/VERB Oil": the tagger's parts of speech, not the capitals, broke the name
    text = "Around 40 members of Just Stop Oil glued themselves to the road."
    assert "Just Stop Oil" in [m.name for m in _mentions(text)]
    # an adjective with an adverb of its own stays out ("the mostly Christian Kuki tribes")
    text = "Gunmen attacked villages of the mostly Christian Kuki tribes on Monday."
    assert "Christian Kuki" not in [m.name for m in _mentions(text)]


def test_another_form_of_a_one_word_name_in_lower_case_is_no_mention_of_it():
    text = (
        "The remarks drew criticism from civil liberties groups. Liberty, a human rights "
        "organisation, said so."
    )
    assert _actor(text, "groups") == "unresolved"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # a named state body's "its forces" are the state's, the country named on the body
        ("KYIV, Ukraine (Reuters) - Missiles struck Sumy, Ukrainian officials said. Ukraine "
         "asked for help. Russia's Defence Ministry said its forces had struck a meeting of "
         "commanders.", "forces", "Russia"),
        # foreign troops are not the story's own state
        ("PORT-AU-PRINCE, Haiti (AP) - Haiti's gangs control the capital. A gang leader said "
         "the foreign troops would be treated as invaders.", "troops", "unresolved"),
        # a country's name on one gang: a gang of the country, not its state
        ("A Haiti gang attacked the town on Monday.", "gang", "Haiti gang"),
    ],
)  # fmt: skip
def test_the_state_of_a_body_foreign_forces_and_a_country_gang(text, word, actor):
    assert _actor(text, word) == actor


def test_one_organisation_described_by_its_backer_is_the_story_s_organisation():
    text = (
        "Hezbollah, the militant group, confirmed the commander's death. Hezbollah said it "
        "would respond.\n\n"
        "Lebanon's president condemned the attack. The health ministry reported five dead. "
        "Officials met on Monday.\n\nThe United States has pressed the Lebanese army to disarm "
        "the Iran-backed group."
    )
    assert _actor(text, "group") == "Hezbollah"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # an organisation's head word, English or not, makes a name a group
        ("United Nations", "group"),
        ("Supreme Court", "group"),
        ("Associated Press", "group"),
        ("Carter Center", "group"),
        ("Jabhat al-Nusra", "group"),
        ("Syrian Observatory for Human Rights", "group"),
        # particles are no words of their own in a person's name
        ("Bashar al-Assad", "person"),
        ("Ursula von der Leyen", "person"),
        ("Osama bin Laden", "person"),
        # a town is a place, whatever group carries its name, and so is the home of residents
        ("Barsalogho", "place"),
        ("Maga", "place"),
        # a state or a republic of a federation or a region is a place; the Islamic State is not
        ("Borno State", "place"),
        ("Niger Republic", "place"),
        ("Islamic State", "group"),
    ],
)
def test_the_kind_of_a_name_read_from_its_words(name, kind):
    text = (
        "The United Nations said it. The Supreme Court ruled on Monday. The Associated Press "
        "reported it. He spoke to the Carter Center. Fighters of Jabhat al-Nusra left. He told "
        "the Syrian Observatory for Human Rights about it. The ousted president Bashar al-Assad "
        "fled. Ursula von der Leyen spoke. Osama bin Laden was killed in 2011. Men from the town "
        "of Barsalogho were killed, said Collectif Justice pour Barsalogho (CJB), a residents' "
        "group. Some residents of Maga blamed the police. Girls were taken from Chibok, Borno "
        "State, in 2014. Kebbi borders the Niger Republic. Islamic State fighters fled."
    )
    layer = _layer(text)
    assert layer.kind(layer.actor_named(name)) == kind


def test_outlaws_are_never_the_army_or_the_school_named_near_nor_a_numbered_unit():
    text = (
        "Bandits abducted 25 schoolgirls from the Government Girls Secondary School, Maga. The "
        "assailants arrived on motorcycles. In a statement, the Nigerian Army said troops of its "
        "8 Division were in pursuit. Its spokesperson said the troops had blocked routes used by "
        "the criminals."
    )
    assert _actor(text, "assailants") in ("unresolved", None)
    assert _actor(text, "criminals") in ("unresolved", None)
    assert "Division" not in [m.name for m in _mentions(text)]
    text = (
        "The Multinational Joint Task Force (MNJTF) said it had sent troops to the islands. "
        "Residents fled for fear of being caught between the militants and the army."
    )
    assert _actor(text, "militants") != "Multinational Joint Task Force"
    # nor is a people named near them
    text = (
        "Dozens of masked Israeli settlers attacked the Palestinian villages of Beit Lid and Deir "
        "Sharaf on Tuesday, wounding at least four Palestinians, according to the Palestinian Red "
        "Crescent.\n\nThe Israel Defense Forces (IDF) said in a statement that soldiers had "
        "arrived at the scene and that the attackers fled toward a nearby industrial zone."
    )
    assert _actor(text, "attackers") != "Palestinians"


def test_titles_are_no_part_of_a_name_and_a_shouted_headline_holds_no_acronym():
    text = (
        "The meeting was chaired by Chief Adviser Prof Muhammad Yunus. The Awami League accused "
        "the Yunus regime of lying."
    )
    assert _layer(text).actor_named("Yunus") == "Muhammad Yunus"
    headline = "BLOCKADERS' RAMPAGE: Foreign-funded mob attacks police in Belgrade"
    assert [m.name for m in _mentions(headline)] == ["Belgrade"]
    assert "MONUSCO" in [m.name for m in _mentions("The UN said MONUSCO troops left.")]


def test_outlaws_are_never_a_police_service_nor_the_state_named_near():
    text = (
        "The Kenya National Commission on Human Rights (KNCHR) accused the National Police "
        'Service (NPS) of using excessive force against young people. "Our monitors documented '
        'instances where the goons were ferried in vehicles to protest hotspots," the statement '
        'said. "They were criminals unleashed on citizens."'
    )
    assert _actor(text, "goons") != "National Police Service"
    text = (
        "Murkomen denied that the State had any links to the armed gangs, insisting they were "
        '"opportunistic criminals" taking advantage of the chaos.'
    )
    assert _actor(text, "criminals") != "State"


def test_a_courts_its_fighters_are_those_of_the_group_it_designated():
    text = (
        "Who are the Lakurawa, the armed group Nigeria has declared 'terrorists'?\n\n"
        "A Nigerian court has designated the Lakurawa, an armed group operating in the "
        "northwestern states of Sokoto and Kebbi, as a terrorist organisation, giving security "
        "forces wider powers to pursue its fighters and anyone who funds them."
    )
    assert _actor(text, "fighters") == "Lakurawa"


def test_one_national_is_a_person_not_the_country():
    text = (
        "Mr Benicio, himself an immigrant, had intervened. The Brazilian was described by the "
        'Lord Mayor of Dublin, Daithí de Róiste, as "a genuine hero".'
    )
    assert _actor(text, "hero") not in ("Brazil", "Daithí de Róiste")  # nor who names him
    assert "Brazil" not in [m.name for m in _mentions(text)]


def test_a_surname_after_a_title_and_a_particle_is_the_persons():
    text = (
        "The violence erupted when gunmen loyal to ousted president Bashar al-Assad ambushed "
        "patrols. Assad's rule lasted five decades."
    )
    assert _layer(text).actor_named("Assad") == "Bashar al-Assad"


def test_a_one_word_name_beside_a_noun_for_one_person_is_a_person():
    text = (
        'Fighters from the group attacked the town on Saturday. "They were not soldiers, they '
        'were farmers holding shovels," said Salif, a 31-year-old survivor.'
    )
    layer = _layer(text)
    assert layer.kind(layer.actor_named("Salif")) == "person"
    assert _actor(text, "soldiers") != "Salif"  # one person is no "they"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # countries beyond the demonym lexicon's first list, and their capitals' datelines
        ("COTONOU - The government confirmed that 54 soldiers were killed when jihadists "
         "attacked two army positions near the borders with Burkina Faso and Niger, the "
         "deadliest assault ever suffered by Benin's armed forces. Niger has closed the border. "
         "Benin will not retreat, he said.", "soldiers", "Benin"),
        # a country counts its demonyms: the regime is Syria's, not a town's named twice
        ("DAMASCUS (Reuters) - Syrian President Ahmed al-Sharaa pledged to punish killers. A "
         "Syrian security official said villages near Baniyas were attacked. \"The remnants of "
         "the former regime will be crushed,\" he said. A resident of Baniyas fled.", "regime",
         "Syria"),
        # a capital opening a sentence is its country, as anywhere else
        ("Syrian troops captured the town of Saraqeb. Turkey, which backs the rebels, sent "
         "troops to the Turkish border. Damascus says it is fighting terrorists. Regime forces "
         "have retaken dozens of villages.", "Regime", "Syria"),
        # rulers in a capital are that country's
        ("Netanyahu said Israel was acting to stop the regime in Damascus from deploying troops "
         "near Israel's border.", "regime", "Syria"),
        # a country named only in sentences with nothing to parse still makes the story's own
        ("Tanzania election: opposition says hundreds killed\n\nTanzania's main opposition party "
         "says hundreds of people have been killed. The government rejects the figure. Tanzania's "
         "leaders met in Dodoma. Foreign Minister Mahmoud Kombo insisted that the security forces "
         "had not used excessive force.", "forces", "Tanzania"),
        # "Gen Z Madagascar" is a movement's name: the country keeps its own
        ("ANTANANARIVO (AFP) - Madagascar's president has left the country. Young demonstrators "
         "organised online under the banner \"Gen Z Madagascar\". Soldiers from an elite unit "
         "joined them. \"The regime called us thugs,\" said Tojo, a student.", "regime",
         "Madagascar"),
    ],
)  # fmt: skip
def test_the_country_a_state_s_label_names(text, word, actor):
    assert _actor(text, word) == actor


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        # a state's office reports on the attackers; they are not its people
        ("Gunmen ambushed security patrols near Jableh. At least 16 members of the security "
         "forces were killed, according to the Interior Ministry. The attackers fled.",
         "attackers", "unresolved"),
        # "paramilitary forces": the label says whose, not the noun; a city is no force's
        ("The Rapid Support Forces (RSF) have besieged the city for a year. Paramilitary forces "
         "closed in on El Fasher on Sunday, the RSF said.", "Paramilitary forces",
         "Rapid Support Forces"),
        # an apposition after the label, its name opened by "the" and closed by its acronym
        ("Armed groups have blockaded dozens of towns, while the army and its auxiliary militia, "
         "the Volunteers for the Defence of the Homeland (VDP), have been accused of killing "
         "civilians.", "militia", "Volunteers for the Defence of the Homeland"),
        # a group's official speaks of his own group; a rights group speaking does not
        ("Hezbollah fighters clashed with Israeli troops on Monday. A Hezbollah official "
         "described the explosions as the biggest breach the group had suffered.", "group",
         "Hezbollah"),
        ("Hezbollah fighters clashed with Israeli troops on Monday. Amnesty International said "
         "the group had committed war crimes.", "group", "Hezbollah"),
        # "banned as" names what was banned
        ("The Freedom of Russia Legion, which is banned in Russia as a terrorist organization, "
         "is made up of Russian volunteers fighting for Ukraine.", "terrorist organization",
         "Freedom of Russia Legion"),
        # the army of a rebel movement is no state's army
        ("The Revolutionary Armed Forces of Colombia signed a peace deal in 2016. Dissidents of "
         "the rebels still operate in the south.", "rebels",
         "Revolutionary Armed Forces of Colombia"),
    ],
)  # fmt: skip
def test_who_a_label_can_refer_to(text, word, actor):
    assert _actor(text, word) == actor


def test_one_country_s_rulers_are_not_the_several_regimes_named_before():
    text = (
        "NIAMEY, Niger (AP) - Niger's generals ousted the president in July and expelled the "
        "French ambassador. Niger has since closed its airspace. The military regimes in Mali "
        "and Burkina Faso warned that any intervention would be a declaration of war. If the "
        "junta is allowed to stand, others will follow."
    )
    assert _actor(text, "junta") == "Niger"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Interim President Ahmed al-Sharaa", "Ahmed al-Sharaa"),
        ("Balochistan Chief Minister Sarfraz Bugti", "Sarfraz Bugti"),
        ("Communication Minister Jean-Emmanuel Ouedraogo", "Jean-Emmanuel Ouedraogo"),
        ("Supreme Leader Ayatollah Ali Khamenei", "Ali Khamenei"),
        ("Senate Majority Leader Mitch McConnell", "Mitch McConnell"),
        ("John Major", "John Major"),  # a title word closing a name is the name's
    ],
)
def test_a_title_inside_a_capitalised_run_is_no_part_of_the_name(written, name):
    layer = _layer(f"{written} said on Monday that the talks had failed.")
    assert name in layer.salience


def test_a_one_word_name_two_people_share_joins_neither():
    text = (
        "President Prabowo Subianto scrapped the allowances on Sunday. The national police "
        "chief, Listyo Sigit Prabowo, who is not related to the president, apologised. Mr "
        "Prabowo said the protests would be met firmly."
    )
    layer = _layer(text)
    assert layer.actor_named("Prabowo") != "Listyo Sigit Prabowo"


def test_a_count_opening_a_sentence_is_no_part_of_a_name():
    layer = _layer("Seven Brimob officers have been detained, police said.")
    assert "Seven Brimob" not in layer.salience


@pytest.mark.parametrize(
    ("text", "acronym", "name"),
    [
        # an acronym of two words in brackets names the name before
        ("At least 10 people have been killed, according to the National Commission on Human "
         "Rights (Komnas HAM). Komnas HAM called for an inquiry.", "Komnas HAM",
         "National Commission on Human Rights"),
        # a name with "in" inside
        ("Ayuk Bessong, a researcher with the Centre for Human Rights and Democracy in Africa "
         "(CHRDA), said villagers were trapped.", "CHRDA",
         "Centre for Human Rights and Democracy in Africa"),
        # a preposition opening the sentence is no part of the name
        ("Like the National Liberation Army (ELN), the country's last major leftist rebel group, "
         "it is fighting dissident factions.", "ELN", "National Liberation Army"),
    ],
)  # fmt: skip
def test_an_acronym_in_brackets_spells_the_name_before_it(text, acronym, name):
    assert _layer(text).actor_named(acronym) == name


def test_a_demonym_the_tagger_calls_an_adjective_is_its_country_and_a_hyphen_glues_a_name():
    found = [(m.name, m.kind) for m in _mentions("backed by French and U.S. troops")]
    assert ("France", "place") in found
    headline = "Grand-Bassam in mourning after terrorists turn beach into killing ground"
    assert [m.name for m in _mentions(headline)] == ["Grand-Bassam"]
    # a dash between words joins no name; a demonym after a kicker's colon opens one
    assert "Beirut - Lebanon" not in [m.name for m in _mentions("Beirut - Lebanon on Friday wept")]
    kicker = "Tayouneh massacre: Lebanese Forces snipers ambushed marchers"
    assert "Lebanese Forces" in [m.name for m in _mentions(kicker)]


def test_its_in_a_clause_an_object_controls_refers_to_that_object():
    text = (
        "Washington voiced alarm at the Serbian build-up near the Kosovo border and urged "
        "Belgrade to pull its troops back."
    )
    assert _actor(text, "troops") == "Serbia"


def test_a_rank_inside_a_capitalised_run_is_no_part_of_the_name():
    assert [m.name for m in _mentions("Police Sergeant Afrim Bunjaku was killed.")] == [
        "Afrim Bunjaku"
    ]


def test_an_office_alone_and_a_common_abbreviation_are_no_actors():
    text = (
        "The president went on national TV to say the attack was over. Later the Head of State "
        "said the Secretary of State would visit."
    )
    assert [m.name for m in _mentions(text)] == []


def test_a_particle_joins_a_city_s_name():
    names = [m.name for m in _mentions("Protesters marched in Dar es Salaam on Monday.")]
    assert names == ["Dar es Salaam"]


def test_a_two_place_dateline_files_the_story_from_its_first_country_whose_junta_rules():
    # Bangladesh is named more, but the story is filed from Myanmar, whose junta owns the troops
    text = (
        "SITTWE, Myanmar/COX'S BAZAR, Bangladesh, March 4 - The Arakan Army said its fighters "
        "had overrun a base in Myanmar's Rakhine State, leaving the ruling junta clinging to "
        "Sittwe.\n\nThousands have fled to Bangladesh. Camps in Bangladesh are full, and "
        "Bangladesh has shut the border. Rights groups say Rohingya men were forced to fight "
        "alongside government troops."
    )
    assert _actor(text, "fighters") == "Arakan Army"
    assert _actor(text, "junta") == "Myanmar"
    assert _actor(text, "troops") == "Myanmar"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Twenty members of the Barrio 18 gang escaped from Fraijanes II.", "Barrio 18"),
        ("Members of Calle 18 were arrested.", "Calle 18"),
        # a group named after a date
        ("The March 23 Movement takes its name from a 2009 peace deal.", "March 23 Movement"),
    ],
)
def test_a_number_that_belongs_to_a_name_stays_in_it(text, name):
    assert name in [actor for actor, *_ in _layer(text).all_actors()]


@pytest.mark.parametrize(
    "text",
    [
        "President Trump 3 times said it.",
        "Brazil 1, Germany 7 was the final score.",
        "On March 23 Police said two men died.",  # a date, then who
    ],
)
def test_a_count_or_a_score_after_a_name_is_no_part_of_it(text):
    assert not any(ch.isdigit() for actor, *_ in _layer(text).all_actors() for ch in actor)


def test_a_country_name_the_lexicon_leaves_ambiguous_is_still_a_place():
    # "Congo" is either Congo: no country's actor, but never a group
    layer = _layer("Congo accused the rebels of raiding villages near the border.")
    assert layer.kind(layer.actor_named("Congo")) == "place"


def test_a_roman_numeral_is_no_acronym_that_makes_a_group():
    text = "Twenty gang leaders escaped from Fraijanes II, a prison outside the capital."
    layer = _layer(text)
    assert layer.kind(layer.actor_named("Fraijanes II")) != "group"


def test_the_group_is_the_group_its_own_sentence_names():
    # not the medical group a "group" named before
    text = (
        "The Rapid Support Forces (RSF) took El Fasher. The Sudan Doctors Network, a medical "
        'group, counted the dead. Spokesman Ahmed Mustafa branded the RSF "a foreign-paid '
        'militia" and urged Western governments to designate the group as a terrorist '
        "organisation."
    )
    last = [span for span in _labels(text) if span.text == "group"][-1]
    assert last.actor == "Rapid Support Forces"


def test_our_forces_in_a_minister_s_quotation_are_the_state_s():
    text = (
        "MOGADISHU - Somalia's government lost another town on Tuesday. Somalia has fought "
        "the group for years.\n\nAl-Shabaab militants took Adan Yabaal, and Al-Shabaab said "
        'it would hold it. "Al-Shabaab cannot hold any town for long. Our forces and the '
        'brave macawisley are regrouping," Defence Minister Abdulkadir Mohamed Nur said.'
    )
    assert _actor(text, "forces") == "Somalia"


def test_our_forces_are_those_of_the_group_the_speaker_was_introduced_as_speaking_for():
    text = (
        "Captain Jules Ngongo, spokesman for FARDC operations in the Beni sector, said two "
        'assailants had been killed. "Our forces are on the heels of these ADF terrorists," '
        "he said."
    )
    assert _actor(text, "forces") == "FARDC"


def test_the_name_a_group_calls_itself_is_its_name():
    text = (
        "Gunmen clashed with Hamas security units in Rafah on Tuesday.\n\nThe armed group, "
        "which calls itself the Popular Forces, is led by Yasser Abu Shabab. Hamas has "
        "fought it for months."
    )
    assert _actor(text, "armed group") == "Popular Forces"


def test_a_label_said_of_those_who_attacked_someone_is_not_the_victims():
    text = (
        "A garda van was set alight as a protest outside the hotel turned into a running "
        "battle with the Garda Public Order Unit.\n\nGardaí said a number of people were "
        "arrested. Members of the Public Order Unit, some carrying shields and batons, pushed "
        "the crowd back.\n\nGarda Commissioner Justin Kelly said those who attacked his "
        "members were criminals, not protesters, and that they would be brought to court."
    )
    assert _actor(text, "criminals") == "unresolved"
    assert _actor(text, "protesters") != "Public Order Unit"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # an office written with capitals is a person's, whatever group word it holds
        (
            "The Minister of Communication and Government Spokesman, Rene Sadi, spoke.",
            "Government Spokesman",
            "person",
        ),
        (
            "The Minister of Territorial Administration warned the opposition.",
            "Minister of Territorial Administration",
            "person",
        ),
        (
            "Several officers attached to the station, including its Officer Commanding Station "
            "(OCS), have been arrested.",
            "Officer Commanding Station",
            "person",
        ),
        # a news outlet named after its medium is no group of the story
        (
            "In a statement read on public television ONAMA, army spokesman General Abdelkerim "
            "Souleymane said the attack had been repelled.",
            "ONAMA",
            "other",
        ),
    ],
)
def test_offices_and_outlets_are_no_groups(text, name, kind):
    layer = _layer(text)
    assert layer.kind(layer.actor_named(name)) == kind


def test_a_court_is_a_state_body():
    from analyzer.actors.kinds import state_body

    assert state_body("Constitutional Council")
    assert state_body("Supreme Court")
    assert not state_body("Southern Transitional Council")


def test_a_holiday_is_a_date_and_no_actor():
    text = "Police said that on Christmas Day groups of demonstrators had approached the prison."
    assert "Day" not in [actor for actor, *_ in _layer(text).all_actors()]
    assert _actor(text, "groups") == "unresolved"


def test_a_name_written_once_at_a_sentence_start_with_an_apposition_is_a_name():
    text = (
        "Settlers attacked the village of Kafr Malik on Wednesday, and the Israel Defense Forces "
        "said troops were sent. The IDF said soldiers came under fire near Ramallah, where the "
        "Palestinian Authority and its spokesman Nabil Abu Rudeineh condemned the raid. Israel "
        "Police and the Shin Bet opened an inquiry, and OCHA counted the wounded in Jenin and "
        "Tulkarm.\n\nB'Tselem, the Israeli "
        "rights group, said the attack fitted a pattern. The group said it was collecting "
        "testimony from villagers."
    )
    groups = [span.actor for span in _labels(text) if span.text == "group"]
    assert groups == ["B'Tselem", "B'Tselem"]


def test_a_group_joined_to_the_army_is_no_armed_group_the_story_is_about():
    # "army and VDP drive back terrorists": the VDP are the state's auxiliaries
    labels = _labels(_article("djibo_army_and_vdp"))
    quoted = [
        s.actor for s in labels if s.text in ("jihadists", "terrorists") and s.voice == "quoted"
    ]
    assert quoted and "Volunteers for the Defence of the Homeland" not in quoted


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # names listed after a place noun and "such as" or "including" are places
        ("In districts such as Bajaur, Khyber and North Waziristan, residents say they are "
         "caught between the militants and the army.", "Khyber", "place"),
        ("According to the governor, the militants shelled the town and entered several border "
         "villages, including Kozinka and Glotovo, early on Monday.", "Kozinka", "place"),
        # a name after "a spokesman for the federation," is the spokesman, not a group
        ('"This was a blow against all believers," said a spokesman for the federation, '
         "Boruch Gorin.", "Boruch Gorin", "person"),
    ],
)  # fmt: skip
def test_the_kind_of_a_name_read_from_the_words_around_it(text, name, kind):
    assert _layer(text).kind(name) == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the second name of a list takes the first's preposition
        ("Residents of Alawite villages near Jableh and Baniyas have described days of terror.",
         "Baniyas"),
        # "the streets of X": where something happens
        ("Soldiers carried him through the streets of Libreville on their shoulders.",
         "Libreville"),
    ],
)  # fmt: skip
def test_a_place_named_as_where_something_happens_is_a_location(text, name):
    roles = {m.name: m.role for m in _mentions(text)}
    assert roles[name] == "location"


def test_soldiers_are_their_country_s_wherever_in_its_capital_they_march():
    text = (
        "LIBREVILLE - Army officers in Gabon seized power on Wednesday. Gabon's new leader was "
        "sworn in on Monday. Gabon has been ruled by one family for decades. Soldiers carried "
        "him through the streets of Libreville on their shoulders."
    )
    assert _actor(text, "Soldiers") == "Gabon"


def test_an_acronym_of_common_words_is_no_actor():
    text = (
        "A counter-terrorist operation (CTO) regime was introduced across the region. According "
        "to the governor, the militants shelled the town. The CTO regime remained in force."
    )
    assert "CTO" not in {m.name for m in _mentions(text)}
    assert _actor(text, "militants") != "CTO"


def test_a_name_used_alone_from_inside_a_full_name_is_that_person():
    text = (
        "A week after Luiz Inácio Lula da Silva was sworn in, rioters stormed Congress. Lula "
        "decreed a federal intervention. Lula called the invaders fascists."
    )
    doc = build_document(text, config=NO_PACK)
    doc.words.parse_many([1, 2])  # the sentence with the full name is read by its words only
    sentences = tuple((s.start, s.end) for s in doc.sentences)
    layer = ActorLayer(text, sentences, doc.words, None, read={1, 2})
    assert layer.kind("Lula") == "person"


@pytest.mark.parametrize("rules", ["sanctions", "visa", "ceasefire", "counter-terrorist operation"])
def test_a_regime_of_rules_is_no_label_of_rulers(rules):
    text = f"Authorities declared a {rules} regime in the region. The Assad regime fell."
    assert [span.text for span in _labels(text)] == ["regime"]  # the Assad regime's only
    assert _actor(text, "regime") == "Assad"


def test_our_forces_are_those_of_a_group_whose_name_holds_a_slash():
    text = (
        '"The Kinshasa regime signs papers in Doha on Saturday and sends drones on Monday," '
        'AFC/M23 spokesman Lawrence Kanyuka said in a post on X. "Our forces will continue to '
        'protect the population."'
    )
    assert _actor(text, "forces") == "M23"


def test_what_it_called_a_regime_is_not_the_regime_of_whom_it_refers_to():
    text = (
        "Azerbaijan launched an offensive on Tuesday. Baku demanded that the Armenian "
        'formations hand over their weapons and that what it called the "puppet regime" '
        "dissolve itself."
    )
    assert _actor(text, "regime") != "Azerbaijan"


@pytest.mark.parametrize(
    ("named", "actor"),
    [
        # gunmen are no advocacy group the story names twice ...
        ("the U.S.-based group Sikhs for Justice (SFJ), which is banned in India. SFJ has called "
         "rallies outside Indian consulates", "unresolved"),
        # ... but they are an organisation whose name says it bears arms
        ("the U.S.-based group Khalistan Liberation Army (KLA), which is banned in India. KLA "
         "has called for revenge", "Khalistan Liberation Army"),
    ],
)  # fmt: skip
def test_armed_men_are_the_story_s_organisation_only_if_it_bears_arms(named, actor):
    text = (
        f"Nijjar was a leading organiser of a referendum run by {named}. Nijjar was shot dead in "
        "his pickup truck in June. Worshippers said they had feared for months that he would be "
        "killed. Police have made no arrests. The two gunmen were described by police as "
        "heavy-set men wearing hooded sweatshirts."
    )
    assert _actor(text, "gunmen") == actor


def test_a_name_joined_by_in_is_one_group_with_its_acronym():
    # "Al-Qaeda in the Arabian Peninsula (AQAP)": one group, not Al-Qaeda and a place
    text = (
        "A member of Al-Qaeda in the Arabian Peninsula (AQAP) told the Associated Press that "
        "the group had directed the attack. AQAP has claimed attacks before."
    )
    actors = {actor: kind for actor, kind, *_ in _layer(text).all_actors()}
    assert actors["Al-Qaeda in the Arabian Peninsula"] == "group"
    assert "Arabian Peninsula" not in actors
    assert _actor(text, "group") == "Al-Qaeda in the Arabian Peninsula"


def test_an_article_in_a_tabloids_capitals_is_no_name():
    text = "THE fanatics who massacred 12 people died in a hail of bullets yesterday."
    assert [actor for actor, *_ in _layer(text).all_actors()] == []


@pytest.mark.parametrize("name", ["Muslim Brotherhood", "Haqqani Network"])
def test_an_organisations_head_word_makes_a_two_word_name_a_group(name):
    # two capitalised words look like a person's name unless the last is an organisation's
    layer = _layer(f"The {name} denied any role in the attack on Monday.")
    assert layer.kind(name) == "group"


def test_a_tabloids_kicker_in_capitals_is_no_name():
    text = "MOB RULE: Trump fanatics storm Capitol as police flee\n\nA mob smashed its way in."
    assert "MOB RULE" not in [actor for actor, *_ in _layer(text).all_actors()]
