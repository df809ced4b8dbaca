"""Which actor a label refers to, on stories framescope was not built on.

Every sentence here is written for these tests (no evaluation data) about conflicts, protests and
elections other than the seeds' Afghanistan story, with no story pack unless a test says so.
"""

from __future__ import annotations

import pytest

from analyzer import tables
from analyzer.actors.kinds import civil_organisation
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.signals import loaded
from analyzer.span import Span

NO_PACK = Config(strip_boilerplate=False)


def _labels(text: str, config: Config = NO_PACK) -> list[Span]:
    spans = loaded.detect(build_document(text, config=config), config)
    return [span for span in spans if span.label in tables.LABEL_TIERS]


def _actor(text: str, word: str, config: Config = NO_PACK) -> str | None:
    found = [span for span in _labels(text, config) if span.text == word]
    assert len(found) == 1, f"{word!r} not found once in {_labels(text, config)}"
    return found[0].actor


# --- the phrase around the label ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Gunmen from the Islamic State West Africa Province ambushed a convoy near Maiduguri.",
         "Gunmen", "Islamic State West Africa Province"),
        ("Fighters from the M23 took the hill on Sunday.", "Fighters", "M23"),
        ("Troops from Chad joined the operation in Niger.", "Troops", "Chad"),
        # through the group noun the name modifies
        ("Fighters from the Islamic State group attacked a checkpoint near Raqqa on Sunday.",
         "Fighters", "Islamic State"),
        ("Gunmen from the Sinaloa cartel attacked a police station in Culiacan on Monday.",
         "Gunmen", "Sinaloa"),
        ("Soldiers from the Nigerian army freed 20 hostages, the military said.", "Soldiers",
         "Nigeria"),
        ("The military junta in Myanmar extended the state of emergency.", "military junta",
         "Myanmar"),
    ],
)  # fmt: skip
def test_who_the_people_are_from_or_which_country_a_regime_rules(text, word, actor):
    assert _actor(text, word) == actor


def test_a_list_of_gangs_in_apposition_and_a_misparsed_headline():
    text = (
        "Noboa ordered the military to act. Among them are Los Choneros and Los Lobos, the two "
        "largest gangs, which authorities say work with Mexican drug cartels."
    )
    assert _actor(text, "gangs") == "Los Choneros"  # "Los" opens a plural name: no person's
    # "declares X as gangs seize TV station", parsed with the station as a second object: the
    # one a naming verb names comes before the name
    text = "Ecuador declares 'internal armed conflict' as gangs seize TV station"
    assert _actor(text, "gangs") != "TV"


def test_people_from_a_place_are_not_the_place_and_troops_in_a_country_not_its_own():
    assert _actor("Protesters from Kisumu marched on Nairobi.", "Protesters") != "Kisumu"
    text = "Troops in Niger came under fire near the border on Sunday."
    assert _actor(text, "Troops") != "Niger"


def test_a_label_opening_a_sentence_is_a_word_not_a_name():
    text = "Gunmen stormed the hotel in Mogadishu. Police said the gunmen fled."
    assert _actor(text, "Gunmen") == "unresolved"
    assert _actor(text, "gunmen") == "unresolved"


# --- what kind of actor a name is --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram fighters raided Konduga on Tuesday. The group later released the women.",
        "A faction of Boko Haram raided Konduga on Tuesday. The group later released the women.",
        "Boko Haram, the jihadist group, raided Konduga. The militants later released the women.",
        "The jihadist group Boko Haram raided Konduga. The militants later released the women.",
    ],
)
def test_a_name_shaped_like_a_persons_is_a_group_when_the_text_treats_it_as_one(text):
    later = "group" if "The group" in text else "militants"
    assert _actor(text, later) == "Boko Haram"


def test_a_name_with_an_organisations_last_word_is_a_group():
    text = (
        "Amnesty International said the schools were unprotected. The group called for an inquiry."
    )
    assert _actor(text, "group") == "Amnesty International"


def test_a_person_is_never_the_group_a_description_refers_to():
    text = "Police identified Omar Haddad, a security guard, on Friday. The group fled."
    assert _actor(text, "group") != "Omar Haddad"


# --- people: "the gunman", "that dictator" -----------------------------------------------------


def test_a_one_person_label_refers_to_the_person_an_earlier_label_named():
    text = (
        "Police identified the gunman as Omar Haddad, a former security guard. "
        "The attacker was shot dead by officers outside the synagogue."
    )
    assert _actor(text, "gunman") == "Omar Haddad"
    assert _actor(text, "attacker") == "Omar Haddad"


def test_a_one_person_label_is_never_a_group_named_nearby():
    text = "Al-Shabaab said it carried out the bombing in Mogadishu. The bomber was 19."
    assert _actor(text, "bomber") == "unresolved"


def test_a_label_in_the_predicate_of_a_clause_is_not_its_subject():
    text = "As Hun Sen's envoy, Sok Chenda was the public face of that tyrant's crackdown."
    assert _actor(text, "tyrant") == "Hun Sen"


def test_a_singular_label_with_a_plural_verb_is_a_group():
    text = "Al-Shabaab attacked the town. Troops fought the extremist, who have held it since May."
    assert _actor(text, "extremist") == "Al-Shabaab"


# --- labels in someone's words -----------------------------------------------------------------


def test_we_in_a_quotation_is_the_speakers_side():
    text = (
        '"We are not terrorists, we are freedom fighters," said a spokesman for the Baloch '
        "Liberation Army, which attacked a train in Balochistan."
    )
    assert _actor(text, "terrorists") == "Baloch Liberation Army"
    assert _actor(text, "freedom fighters") == "Baloch Liberation Army"


def test_we_in_the_writers_own_words_is_nobody_named():
    text = "The Baloch Liberation Army attacked a train. We are not terrorists, readers wrote."
    assert _actor(text, "terrorists") != "Baloch Liberation Army"


def test_a_condemning_label_in_a_speakers_words_is_not_the_speakers_side():
    text = (
        "Hamas said its fighters had destroyed three Israeli tanks near Khan Younis. Its "
        'spokesman Abu Obeida spoke on television. "The occupiers will be driven out of Gaza. '
        'They will pay," he said.'
    )
    assert _actor(text, "fighters") == "Hamas"
    assert _actor(text, "occupiers") != "Hamas"


def test_a_source_described_by_its_names_last_word_is_not_the_side_it_condemns():
    text = (
        "U.S. Africa Command said an airstrike near Jilib killed three militants. The insurgents "
        "had been preparing an attack, the command said."
    )
    assert _actor(text, "insurgents") != "U.S. Africa Command"


# --- definite descriptions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("The Rapid Support Forces took Wad Madani in December, witnesses said. Sudan's army "
         "retreated to Sennar. Residents fled south. The forces were accused of looting.",
         "forces", "Rapid Support Forces"),
        ("The Arakan Army took Maungdaw in December. Myanmar's junta denied it. Refugees fled "
         "into Bangladesh. The army now holds the whole border.", "junta", "Myanmar"),
    ],
)  # fmt: skip
def test_a_description_repeating_a_names_head_word_refers_to_that_name(text, word, actor):
    assert _actor(text, word) == actor


_GOMA = (
    "M23 rebels seized the airport of Goma on Tuesday after fighting with the Congolese army. "
    "President Felix Tshisekedi accused Kigali of backing them. Rwanda denied it. "
    "The insurgents dismissed the accusation. Congolese soldiers and allied militias known as "
    "Wazalendo retreated toward Bukavu, a military source said. Human Rights Watch accused both "
    "the rebels and the militiamen of summary executions."
)
_PORT_AU_PRINCE = (
    "The United States listed Viv Ansanm and the Gran Grif gang as terrorists in May. Residents "
    "fled to Saint-Marc. Kenyan police have struggled to hold the road. Officers were killed. "
    "The gangsters burned the station, police said."
)


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        (_GOMA, "rebels", "M23"),  # the opening's rebels, though the militias were named since
        (_GOMA, "insurgents", "M23"),  # no group named nearby: whom "rebels" named
        (_PORT_AU_PRINCE, "gangsters", "Gran Grif"),
    ],
)  # fmt: skip
def test_a_side_keeps_its_label_and_its_labels_kin_through_the_story(text, word, actor):
    found = [span.actor for span in _labels(text) if span.text == word]
    assert found[-1] == actor


_ANKARA = (
    "Turkey regards the main Kurdish militia in the alliance, the People's Protection Units "
    "(YPG), as an extension of the outlawed Kurdistan Workers' Party (PKK), which it calls "
    "a terrorist group."
)
_KHARKIV = (
    "Russian forces pounded Kharkiv overnight. The Kremlin said the strikes hit sites used by "
    '"the Kyiv regime". Pro-Russian separatists in Donetsk reported shelling overnight.'
)


_QUETTA = (
    "The outlawed Baloch Liberation Army said its fighters had seized the train. The BLA has "
    "waged an insurgency for decades. Security forces freed the passengers, the military said. "
    "The minister praised the troops. Activists say abuses by the army fuel the insurgency. "
    "A spokesman for the group, Jeeyand Baloch, warned that more attacks would follow."
)


def test_the_rulers_of_a_country_are_the_country_not_their_leader_or_a_militia():
    text = (
        "Burkina Faso's government has recruited civilian auxiliaries known as the Volunteers "
        "for the Defence of the Homeland (VDP). Captain Ibrahim Traore, the junta leader, has "
        "vowed to crush the insurgents. The junta did not respond to a request for comment."
    )
    assert {span.actor for span in _labels(text) if span.text == "junta"} == {"Burkina Faso"}


def test_after_a_dateline_a_capitalised_label_is_a_word_and_the_side_it_is_linked_to_acts():
    text = (
        "OUAGADOUGOU (Reuters) - Jihadist fighters linked to al Qaeda killed at least 50 soldiers "
        "in an attack on an army base in northern Burkina Faso, security sources said."
    )
    assert _actor(text, "fighters") == "al Qaeda"  # no actor "Jihadist"
    assert _actor(text, "soldiers") != "al Qaeda"  # whom they killed is not their side


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sarah Bradley, a spokeswoman for Sock It Forward, a group that gives socks to the "
         "homeless, said the march was peaceful.", "Sock It Forward"),
        ("Maria Lopez, who heads Mothers Against Violence, a group that campaigns for victims' "
         "families, spoke.", "Mothers Against Violence"),
        ("The Movement for Democratic Change, a group founded by trade unionists, won in Harare.",
         "Movement for Democratic Change"),
        # a name its acronym closes holds "for the" and "and"; a title-like first word stays
        ("The Group for the Support of Islam and Muslims (JNIM), a group active in the Sahel, "
         "said it had attacked the school.", "Group for the Support of Islam and Muslims"),
        ("The Justice and Equality Movement (JEM), a group from Darfur, seized the town.",
         "Justice and Equality Movement"),
        ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM), a group linked to al Qaeda, said it had "
         "attacked the base.", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("The Volunteers for the Defence of the Homeland (VDP), a group of civilian auxiliaries, "
         "took the town.", "Volunteers for the Defence of the Homeland"),
        ("Lashkar-e-Taiba, a group based in Pakistan, denied any role.", "Lashkar-e-Taiba"),
    ],
)  # fmt: skip
def test_a_name_with_function_words_is_one_name(text, name):
    assert _actor(text, "group") == name


def test_a_quoted_title_case_slogan_is_not_a_name():
    text = "We were taught chants like 'Dump Trump' and 'Trump Is A Racist', a protester said."
    assert "Racist" in [s.text for s in _labels(text)]


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Officials said Omar al-Bashir, the Sudanese strongman, had fled Khartoum.", "strongman",
         "Omar al-Bashir"),
        ("Protesters burned posters of Nicolas Maduro, the Venezuelan dictator, in Miami.",
         "dictator", "Nicolas Maduro"),
    ],
)  # fmt: skip
def test_a_person_in_apposition_is_labelled_not_the_country_of_the_demonym(text, word, actor):
    assert _actor(text, word) == actor


def test_a_plural_label_on_members_of_a_camp_labels_the_camp():
    text = "Police in Dresden arrested dozens of far-right extremists after the march."
    assert _actor(text, "extremists") == "the far-right"
    text = "The minister blamed right-wing agitators for the riot in Leipzig."
    assert _actor(text, "agitators") == "the right"
    # a plain adjective describes people, it names no camp
    assert _actor("Liberal groups sued the state of Texas.", "groups") != "the liberal"


def test_a_bare_label_coordinated_with_another_shares_its_modifiers():
    text = "Witnesses said al-Shabaab militants and looters emptied the market in Baidoa."
    assert _actor(text, "looters") == "al-Shabaab"
    text = "The minister called them left-wing thugs and traitors."
    assert _actor(text, "traitors") == _actor(text, "thugs") == "the left"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("The warning came from Eritrean strongman Isaias Afwerki on Tuesday.", "strongman",
         "Isaias Afwerki"),
        ("Yesterday Belarusian dictator Alexander Lukashenko jailed three more reporters.",
         "dictator", "Alexander Lukashenko"),
        ("On Monday South Sudanese warlord Peter Gadet crossed the border.", "warlord",
         "Peter Gadet"),
    ],
)  # fmt: skip
def test_a_label_before_a_persons_name_labels_the_person(text, word, actor):
    assert _actor(text, word) == actor


def test_a_country_modifying_a_label_for_one_person_is_not_that_person():
    text = "Reporters waited for hours. On Friday the Belarusian dictator jailed three more."
    assert _actor(text, "dictator") != "Belarus"
    assert _actor("A Belarusian soldier was captured near Kyiv.", "soldier") == "Belarus"
    assert _actor("The Eritrean regime closed the border.", "regime") == "Eritrea"


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        pytest.param("Israeli strike kills Hezbollah commander in Lebanon, group says\n\n"
                     "An Israeli airstrike killed a senior Hezbollah commander on Wednesday, the "
                     "group said.", "group", "Hezbollah", id="a bare singular is definite"),
        pytest.param("Gunmen kill 26 tourists in Kashmir; India blames Pakistan\n\nPakistan "
                     "denied any involvement. Pakistan said it condemned attacks on civilians.",
                     "Gunmen", "unresolved", id="a perpetrator's label is never the country's"),
        pytest.param("Police fire tear gas as protesters occupy university campus\n\nPolice "
                     "fired tear gas and rubber bullets at a university campus on Sunday, as the "
                     "city's unrest entered one of its most violent phases.", "protesters",
                     "protesters", id="a headline's crowd is the protest's crowd"),
    ],
)  # fmt: skip
def test_the_label_in_a_headline(text, word, actor):
    config = Config(story_pack=None)  # the boilerplate stage finds the headline
    first = next(s for s in _labels(text, config) if s.text == word)
    assert first.actor == actor


def test_counter_protesters_are_not_a_use_of_the_crowds_label():
    text = "Rioters attacked a hotel on Friday. Counter-protesters gathered on Saturday."
    assert [s.text for s in _labels(text)] == ["Rioters"]


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Far-right rioters attacked a mosque in Southport on Tuesday. In Liverpool, hundreds of "
         "anti-racism demonstrators formed a human chain outside a mosque.", "demonstrators",
         "anti-racism protesters"),
        ("Police clashed with protesters in Nairobi on Tuesday. In Mombasa, hundreds of "
         "pro-government demonstrators marched to the port.", "demonstrators",
         "pro-government protesters"),
    ],
)  # fmt: skip
def test_a_crowd_named_by_its_stance_is_a_crowd_of_its_own(text, word, actor):
    assert _actor(text, word) == actor


def test_a_crowd_named_by_its_stance_is_one_actor_whichever_crowd_noun_names_it():
    text = (
        "Anti-government demonstrators blocked roads across the country on Saturday. By "
        "evening, anti-government protesters had set fire to banks."
    )
    assert {s.actor for s in _labels(text)} == {"anti-government protesters"}


def test_a_describing_adjective_opening_a_sentence_is_no_part_of_a_name():
    text = (
        "Suspected Kuki militants shot dead 10 people in Manipur, police said. The attackers fled."
    )
    assert _actor(text, "militants") == "Kuki"
    # a capitalised adjective with an adverb of its own describes: "mostly Christian"
    text = (
        "Clashes pit the majority Meitei community against the mostly Christian Kuki tribes. "
        "Kuki militants shot dead 10 people on Monday."
    )
    assert _actor(text, "militants") == "Kuki"


def test_people_named_by_their_status_are_no_group_named_nearby():
    text = (
        "Cartel Invasion: Illegal Aliens Pour Across Border as Biden Looks Away\n\n"
        "The southern border is under siege. Border Patrol agents apprehended more than 8,000 "
        "illegal aliens in a single day this week, as Mexican cartels cash in on the chaos. "
        "Abbott has deployed troops, defying the Biden administration."
    )
    assert {s.actor for s in _labels(text) if s.text.lower() == "illegal aliens"} == {"unresolved"}


def test_a_name_written_as_a_target_elsewhere_is_not_the_labelled_party_there():
    text = (
        "Pro-Hamas Mob Takes Over Columbia Campus\n\nHamas praised the students. Hamas, which "
        "the United States designates as a terrorist group, killed 1,200 people."
    )
    assert _actor(text, "Mob") != "Hamas"


def test_the_country_of_a_wire_storys_dateline_rules_and_commands():
    text = (
        "OUAGADOUGOU (AFP) - Jihadists killed at least 33 soldiers in an attack on a base, the "
        "latest in a string of assaults on the West African country's forces.\n\n"
        "Rights groups accuse the army of abuses. The junta rejected the report as baseless."
    )
    found = {s.text: s.actor for s in _labels(text)}
    assert found["forces"] == "Burkina Faso"  # the country's, not the jihadists'
    assert found["junta"] == "Burkina Faso"
    # a country's possessive on a label of people who are not its state is no state's
    text = (
        "PORT-AU-PRINCE, Haiti (Reuters) - The Viv Ansanm coalition, an alliance of the "
        "country's most powerful gangs, claimed the attacks."
    )
    assert _actor(text, "gangs") != "Haiti"


def test_those_the_reported_clause_s_doer_acts_on_are_not_the_doer():
    # the parse reads "the defence and security forces" as the object of "said"
    text = (
        "Interior Minister Hamed Bakayoko said the defence and security forces (FDS) had "
        '"neutralised" six attackers after an intervention lasting two hours.'
    )
    assert _actor(text, "attackers") != "FDS"


def test_a_local_paper_s_dateline_city_names_the_country_it_never_names():
    # no capital and no country named: the dateline's city is in Cameroon (the city table)
    text = (
        "BAMENDA - Separatist fighters ambushed a patrol on the Bafut road on Tuesday.\n\n"
        "The separatists have fought government troops since 2017."
    )
    assert _actor(text, "troops") == "Cameroon"
    # the accents of the dateline are no part of the match, nor a state's abbreviation after it
    text = "CULIACÁN, Sin. - Government troops came under fire north of the city on Saturday."
    assert _actor(text, "troops") == "Mexico"


def test_a_definite_label_of_the_same_kind_right_after_names_the_same_side():
    text = (
        "JNIM fighters attacked a base near Djibo on Monday, killing 30 soldiers. The Volunteers "
        "for the Defence of the Homeland (VDP) said on Tuesday that they had chased the "
        "insurgents into the forest. Rights groups accuse both the jihadists and the army of "
        "massacres."
    )
    found = [(s.text, s.actor) for s in _labels(text)]
    assert ("jihadists", "JNIM") in found


def test_a_partisan_headline_and_a_dictatorship_name_the_rulers():
    text = (
        "SHOCK REPORT: Maduro Regime Hiding Hezbollah Terror Cells In Venezuela, Defector Says\n\n"
        "A former Venezuelan intelligence chief has blown the whistle on the socialist "
        "dictatorship's ties to Iranian-backed terrorists. Hezbollah runs camps on Margarita "
        "Island, he said. Maduro and his thugs have turned Venezuela into a narco-state, and "
        "Nicolas Maduro's regime gave passports to Hezbollah operatives."
    )
    found = {s.text: s.actor for s in _labels(text)}
    # "Maduro" opens its sentence but is written mid-sentence too: a name, in the headline too
    assert found["Regime"] == "Nicolas Maduro"
    assert found["dictatorship"] == "Venezuela"  # a country's rulers, never Hezbollah


def test_whoever_carried_out_the_attack_is_the_attacker_the_story_identifies():
    text = (
        'Trump spoke on Monday. He added that a "radical Islamic terrorist" had assassinated '
        "the diplomat, Andrei Karlov.\n\nTurkish authorities identified the gunman as Mevlut "
        "Mert Altintas, a member of the riot police."
    )
    assert _actor(text, "terrorist") == "Mevlut Mert Altintas"
    # a terrorist who did nothing in particular, or two attackers identified: no one
    generic = text.replace("had assassinated the diplomat, Andrei Karlov", "was to blame")
    assert _actor(generic, "terrorist") == "unresolved"
    two = text + " Police identified the Berlin attacker as Anis Amri."
    assert _actor(two, "terrorist") == "unresolved"


def test_a_definite_label_of_one_person_is_the_attacker_a_lone_attack_story_names():
    text = (
        "The killer was named by German media as Philipp F., 35. Police said he had quit the "
        "congregation.\n\nWitnesses described the scene. As officers burst in, the shooter "
        "fled upstairs. Investigators are asking how the maniac got his weapon."
    )
    found = {s.text: s.actor for s in _labels(text)}
    assert found["killer"] == found["shooter"] == found["maniac"] == "Philipp F."


def test_the_attackers_are_the_group_that_claimed_the_attack():
    text = (
        "Gunmen stormed a hotel in Ouagadougou on Friday, killing 29 people.\n\nThe attackers "
        "held parts of the hotel for hours. Al-Qaeda in the Islamic Maghreb (AQIM) claimed "
        "responsibility for the attack in a statement."
    )
    assert _actor(text, "attackers") == "Al-Qaeda in the Islamic Maghreb"
    # a bare plural that did something too, though the tagger read its capital as a name's
    assert _actor(text, "Gunmen") == "Al-Qaeda in the Islamic Maghreb"
    # and the outlaws a quotation condemns, though the claim comes later in the story
    quoted = (
        'Gunmen stormed a hotel in Ouagadougou.\n\nThe president condemned "the terrorists who '
        'attacked us".\n\nSurvivors described the night.\n\nOn Sunday, Al-Qaeda in the Islamic '
        "Maghreb (AQIM) claimed responsibility for the attack."
    )
    assert _actor(quoted, "terrorists") == "Al-Qaeda in the Islamic Maghreb"
    # two groups claiming it: no one in particular
    two = text + " The Islamic State also claimed the attack."
    assert _actor(two, "attackers") == "unresolved"


def test_soldiers_who_seized_power_in_a_country_are_that_country_s():
    # France is named more often, but the soldiers seized power in Niger
    text = (
        "Soldiers who seized power in Niger are holding its president. France condemned the "
        "coup, French citizens were evacuated and France has 1,500 troops there. A French "
        "diplomat said France would not leave."
    )
    assert _actor(text, "Soldiers") == "Niger"


def test_a_state_body_may_report_on_its_own_troops():
    text = "The Israeli military said troops were sent to disperse the rioters."
    assert _actor(text, "troops") == "Israel"
    # a condemning label in its words is still someone else's
    text = "The Israeli military said the terrorists had fled to Jenin."
    assert _actor(text, "terrorists") != "Israel"


def test_people_loyal_to_a_described_leader_are_his_side():
    text = (
        "Fighters loyal to the new government clashed with gunmen loyal to ousted President "
        "Bashar al-Assad in Latakia on Thursday."
    )
    assert _actor(text, "gunmen") == "Bashar al-Assad"


def test_its_after_a_state_body_named_by_a_common_noun_is_the_states():
    text = (
        "Hayat Tahrir al-Sham led the offensive on Damascus. Syria's new rulers face a test. "
        "The interior ministry said its forces had launched an operation in Syria's Latakia "
        "province. HTS fighters were sent to the coast."
    )
    assert _actor(text, "forces") == "Syria"


def test_a_pronoun_a_passive_naming_verb_names_refers_back():
    text = (
        "Hayat Tahrir al-Sham, the group that led the offensive, toppled Assad in December. It "
        "is still designated a terrorist organisation by the United Nations."
    )
    assert _actor(text, "terrorist organisation") == "Hayat Tahrir al-Sham"


def test_a_protests_crowd_is_never_an_organisation_named_nearby():
    text = (
        "Police fired tear gas at thousands of protesters against the decision to suspend talks "
        "on joining the European Union. The prime minister described the demonstrators as "
        '"violent extremists."'
    )
    found = {span.text: span.actor for span in _labels(text)}
    # a counted crowd that something happened to is the protest's crowd
    assert found["protesters"] == found["demonstrators"] == found["extremists"] == "protesters"
    # a crowd that did nothing in particular is no one in particular
    text = "The law lets police fine any of the protesters who block a road."
    assert {span.actor for span in _labels(text)} == {"unresolved"}
    text = 'The minister called the marchers "looters" and said "treasonous mobs" would be stopped.'
    assert {span.actor for span in _labels(text)} == {"protesters"}
    # A crowd a phrase describes keeps that description.
    text = "Hong Kong protesters marched again on Sunday. The protesters blocked a road."
    assert {span.actor for span in _labels(text)} == {"Hong Kong protesters"}


def test_a_label_modifying_allies_or_proxies_labels_people():
    found = [span.text for span in _labels("Terrorist allies of the junta shelled the town.")]
    assert "Terrorist" in found


def test_a_title_case_headline_the_tagger_read_as_names_still_labels():
    text = (
        "Sudan's RSF Militia Accused of Massacre in El Fasher\n\nThe paramilitary Rapid Support "
        "Forces (RSF) killed at least 200 people in El Fasher, activists said on Tuesday."
    )
    assert _actor(text, "Militia") == "Rapid Support Forces"
    assert "RSF Militia Accused of Massacre" not in {span.actor for span in _labels(text)}


_SHOOTING = (
    "Sheriff T.K. Waters identified the shooter as Ryan Palmeter, 21. Palmeter shot himself as "
    "officers closed in. The FBI opened an investigation. Civil rights leaders spoke out. "
    'Florida Governor Ron DeSantis called the gunman "a scumbag" at a news conference.'
)
_BRANDED = (
    "The military has branded the People's Defense Forces, the armed wing of the shadow National "
    "Unity Government, as terrorists."
)


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        pytest.param(  # "criminals" is read as a verb; the word order still says who is called that
            "This is a politician who kicked off his campaign by calling Venezuelans “criminals” "
            "who were “bringing drugs” to this country.", "criminals", "Venezuelans",
            id="naming verb, label misparsed"),
        pytest.param("The Houthis seized the port on Sunday. Residents called them terrorists.",
                     "terrorists", "Houthis", id="naming verb, pronoun object"),
        pytest.param("Residents fear terrorists.", "terrorists", "unresolved",
                     id="bare plural, no naming verb"),
        pytest.param("The Hezbollah movement was founded in 1982. Washington says it is a "
                     "terrorist organisation.", "terrorist organisation", "Hezbollah",
                     id="said of it"),
        pytest.param("Alexander Lukashenko is the dictator of Belarus.", "dictator",
                     "Alexander Lukashenko", id="one person of a country"),
        pytest.param("Witnesses said the terrorists of the so-called Rapid Support Forces fired "
                     "first.", "terrorists", "Rapid Support Forces", id="members of a group"),
        pytest.param("Jihadists linked to al-Qaeda attacked a school.", "Jihadists", "al-Qaeda",
                     id="linked to"),
        pytest.param("Fighters loyal to Khalifa Haftar shelled the airport.", "Fighters",
                     "Khalifa Haftar", id="loyal to"),
        pytest.param("Mali's military government said on Tuesday its forces had retaken the "
                     "town.", "forces", "Mali", id="its: the subject's owner"),
        pytest.param("YANGON, Myanmar (AP) — Myanmar's military government said Sunday that its "
                     "troops had retaken a border town.", "troops", "Myanmar",
                     id="its: past a dateline parsed as a subject"),
        pytest.param('The president called the demonstrators "criminals" on Monday. "We will deal '
                     'with these anarchists," he told a press conference at State House.',
                     "anarchists", "unresolved", id="where a thing happens is no actor"),
        pytest.param("The Taliban took the valley. Many of these fighters came from Pakistan.",
                     "fighters", "Taliban", id="some of a group named before"),
        pytest.param("The Taliban took the valley. People fear any of the terrorists who shoot "
                     "at schools.", "terrorists", "unresolved", id="any of them is anyone"),
        pytest.param("Putin has repeatedly described Ukraine's leaders as \"neo-Nazis,\" a claim "
                     "historians reject.", "neo-Nazis", "Ukraine",
                     id="as hung on the label's first word"),
        pytest.param("Moscow pressed an offensive in the Donbas region. The Donbas has seen heavy "
                     "fighting. The separatists' leader said his men would keep advancing.",
                     "separatists", "unresolved", id="a region is no group"),
        pytest.param("Russian-backed separatists seized parts of the Donbas in 2014.",
                     "separatists", "Russian-backed separatists", id="a demonym's backing"),
        pytest.param("The Houthis, who control much of northern Yemen, have attacked more than "
                     "100 ships in the Red Sea since November.\n\n\"Our forces will continue to "
                     "target Israeli-linked vessels until the aggression on Gaza stops,\" Houthi "
                     "military spokesman Yahya Saree said.", "forces", "Houthis",
                     id="our: the side named before a title"),
        pytest.param("Myanmar's army seized power in 2021. The offensive has cost the junta "
                     "dozens of bases.", "junta", "Myanmar", id="no modifier of 'dozens'"),
        pytest.param(_QUETTA, "group", "Baloch Liberation Army",
                     id="labelled nearby, none named; the spokesman's name is his"),
        pytest.param("The Volunteers for the Defence of the Homeland (VDP) fight beside the army. "
                     "Rights groups have accused the volunteers of killing civilians.", "groups",
                     "unresolved", id="a bare plural a common noun sorts into a kind"),
        pytest.param("The Wagner Group arrived in Bamako. Militia fighters attacked the convoy on "
                     "Sunday.", "fighters", "Wagner Group", id="a label word sorts into no kind"),
        pytest.param(_ANKARA, "militia", "People's Protection Units",
                     id="a name set off after the label's own phrase"),
        pytest.param(_ANKARA, "terrorist group", "Kurdistan Workers' Party",
                     id="the name before ', which X calls'"),
        pytest.param(_KHARKIV, "regime", "Ukraine", id="a capital acting is its country"),
        pytest.param(_KHARKIV, "separatists", "Pro-Russian separatists",
                     id="a bare plural with its side, not the Kremlin nearby"),
        pytest.param("The Fano, a loose network of ethnic Amhara fighters, turned against the "
                     "government.", "fighters", "Fano", id="a network of X set off by a name"),
        pytest.param("The Syrian National Army, an umbrella of rebel factions armed by Ankara, said "
                     "it had captured two villages.", "rebel", "Syrian National Army",
                     id="an umbrella of X set off by a name"),
        pytest.param("Insurgents linked to the Islamic State beheaded villagers in Cabo Delgado. "
                     "The militants, known locally as al-Shabab, have waged an insurgency since "
                     "2017.", "militants", "al-Shabab", id="known as, the parse missing it"),
        pytest.param("Police fired tear gas and rubber bullets at thousands of student protesters "
                     "in Bangladesh's capital on Thursday as clashes over government job quotas "
                     "left at least 32 people dead. Prime Minister Sheikh Hasina's government "
                     "blamed the violence on the opposition Bangladesh Nationalist Party and its "
                     'Islamist ally Jamaat-e-Islami, calling them "terrorists" bent on toppling '
                     "the state.", "terrorists", "Bangladesh Nationalist Party",
                     id="them: the party named before, not the police"),
        pytest.param("Trump went after the protesters, calling them terrorists.", "terrorists",
                     "protesters", id="them: the people labelled before"),
        pytest.param("M23 fighters took Goma. The rebels are a proxy of Rwanda, the government "
                     "says.", "proxy", "M23", id="a proxy of X is not X"),
        pytest.param("U.S.-backed fighters pushed into the last village held by Islamic State. "
                     "The SDF said it had taken positions from the jihadists.", "jihadists",
                     "Islamic State", id="a backer's country is no group"),
        pytest.param("Ankara threatened an offensive once U.S. troops withdraw.", "troops",
                     "United States", id="the U.S. is the United States"),
        pytest.param("BEIRUT (Reuters) - U.S.-backed fighters pushed into the last village held "
                     "by Islamic State.", "fighters", "U.S.-backed fighters",
                     id="a backed description without its dateline"),
        pytest.param("Demonstrators set fire to banks and blocked roads in Tehran.",
                     "Demonstrators", "protesters", id="a past the tagger read as a base form"),
        pytest.param("Iran raised fuel prices on Friday. State television said security forces "
                     "had arrested about 1,000 people.", "forces", "Iran",
                     id="a state's forces of some branch"),
        pytest.param('The government described some of the marchers as "vandals".', "vandals",
                     "protesters", id="said of some of a crowd: the crowd"),
        pytest.param("Bolivian troops fired on a roadblock.", "troops", "Bolivia",
                     id="a demonym of a country"),
        pytest.param("Hong Kong police arrested 37 people on Monday after black-clad protesters "
                     "threw petrol bombs and bricks at officers in the Mong Kok district.",
                     "protesters", "protesters",
                     id="a crowd with a kind before it is still the crowd"),
        pytest.param("Protesters marched on Sunday. Last month a mob of men armed with rods "
                     "attacked protesters at a station.", "mob", "unresolved",
                     id="a crowd set against the protesters is another"),
        pytest.param("Erdogan accused the United States of supporting terrorist groups in Syria, "
                     "including ISIS, the Kurdish YPG and the PYD.", "terrorist groups", "ISIS",
                     id="the first party listed after a place, the list hung on the verb"),
        pytest.param("The Sinaloa cartel controls the border crossings.", "cartel", "Sinaloa",
                     id="a cartel named"),
        pytest.param("Syrian troops captured the town of Saraqeb on Thursday. Regime forces have "
                     "retaken dozens of villages, forcing civilians to flee toward the Turkish "
                     "border.", "Regime", "Syria", id="a country before a thing is where"),
        pytest.param("Syrian troops, backed by Iranian-backed militias, captured the town.",
                     "militias", "Iranian-backed militias", id="a backed description, not its 'by'"),
        pytest.param("The Syrian Democratic Forces pushed east on Monday. The weather was cold. "
                     "Roads were closed. Food ran short. SDF fighters captured the village.",
                     "fighters", "Syrian Democratic Forces",
                     id="an acronym the story spells out, unbracketed, in a sentence not parsed"),
        pytest.param("Al-Shabaab extremists stormed a hotel. The president vowed war against the "
                     'jihadists, whom he called "khawarij" and "terrorists who kill our children".',
                     "terrorists", "Al-Shabaab", id="the second name a relative clause gives"),
        pytest.param("Yemen's Houthi movement fired two missiles at a tanker.", "movement",
                     "Houthi", id="a group's name before a country's possessive"),
        pytest.param("Petro suspended talks with the National Liberation Army (ELN) after an "
                     "attack on a military base that killed two soldiers.", "soldiers",
                     "unresolved", id="soldiers are a state's, not the armed group's near"),
        pytest.param("Jihadist groups Boko Haram and its offshoot ISWAP have waged an insurgency "
                     "since 2009.", "groups", "Boko Haram", id="a name hung on the label after it"),
        pytest.param("The exchange is the latest in months of cross-border fighting that began "
                     "after Hamas militants attacked southern Israel on Oct. 7.", "militants",
                     "Hamas", id="a name the parse split off as a second subject"),
        pytest.param("The Resistance Front, which Indian security agencies say is a proxy of the "
                     "Pakistan-based Lashkar-e-Taiba, claimed responsibility.", "proxy",
                     "Resistance Front", id="said of the name a relative clause hangs on"),
        pytest.param('Army spokesman Nabil Abdallah described the RSF as a "terrorist militia" and a '
                     '"rebel force" in a statement.', "rebel", "RSF",
                     id="a second name the parse coordinated with the naming verb"),
        pytest.param("Sudan's army shelled the city. The RSF blamed \"the Islamist remnants of the "
                     "old regime\" in Darfur.", "regime", "Sudan",
                     id="a region named near has no rulers of its own"),
        pytest.param(_SHOOTING, "gunman", "Ryan Palmeter",
                     id="a perpetrator keeps the name an earlier label gave him"),
        pytest.param(_SHOOTING, "scumbag", "Ryan Palmeter", id="the name the label is said of"),
        pytest.param('The NAACP held a vigil on Sunday. "These extremists are not lone wolves," '
                     "said Derrick Johnson, president of the NAACP.", "extremists", "unresolved",
                     id="not the side the speaker speaks for"),
        pytest.param(_BRANDED, "terrorists", "People's Defense Forces",
                     id="as taken for a second object of a naming verb"),
        pytest.param("Myanmar rebels seize key border town", "rebels", "Myanmar rebels",
                     id="a country's name the parse took for the label's subject"),
        pytest.param("Richard Horsey works at the International Crisis Group. The town fell on "
                     "Monday. Fighting went on for days. Shops stayed shut. Beijing has ties to "
                     "several of the armed groups along its border.", "armed groups",
                     "unresolved", id="a plural is not a name whose singular head it repeats"),
        pytest.param("The Houthis seized the port. Saudi Arabia, which led a coalition against "
                     "the rebels for years, is negotiating a truce.", "rebels", "Houthis",
                     id="led a coalition against them: not the leader's"),
        pytest.param("Haiti's gangs burned two neighbourhoods. Prime Minister Alix Didier "
                     'Fils-Aimé called the gang members "terrorists" on Thursday.',
                     "terrorists", "Haiti gangs", id="the object of a naming verb, itself a label"),
        pytest.param("Haiti's armed gangs burned two neighbourhoods. Police said the Gran Grif "
                     "gang led the attack. The gangs deny targeting civilians.",
                     "gangs", "Haiti gangs", id="several organisations are not the one named"),
        pytest.param("The Boko Haram group is active in the north, where ISWAP also operates. "
                     "Officials said the gangs had kidnapped 80 pupils.", "gangs", "unresolved",
                     id="several organisations are not a group named once"),
        pytest.param("Armed gangs have forged links with jihadist groups such as Boko Haram. The "
                     "group's fighters attacked a base on Monday.", "group", "Boko Haram",
                     id="a name a group noun lists is a group's"),
        pytest.param("Armed gangs have forged links with Boko Haram and its offshoot. The group's "
                     "fighters attacked a base on Monday.", "group", "Boko Haram",
                     id="a name with an offshoot of its own is a group's"),
        pytest.param('President Gustavo Petro called the ELN leadership "drug traffickers" who '
                     "had abandoned their ideals.", "traffickers", "ELN",
                     id="a naming verb's object the parse merged with the quoted label"),
        pytest.param("The United States redesignated the Houthis as a foreign terrorist "
                     "organisation in January.", "terrorist organisation", "Houthis",
                     id="redesignated as"),
        pytest.param("Fano is an armed movement. A spokesman said that Asmara had supplied weapons "
                     "to Fano militiamen fighting federal troops.", "militiamen", "Fano",
                     id="a name right before the label, which the parse hung elsewhere"),
        pytest.param("Critics say the cities are being taken over by Marxist agitators.",
                     "agitators", "unresolved", id="an ideology's adjective is no name"),
        pytest.param("Viv Ansanm claimed the attack, and Viv Ansanm's leader warned of more. "
                     "Some residents have formed vigilante groups "
                     "to defend their streets.", "groups", "unresolved",
                     id="a kind of group, however the tagger reads the kind"),
    ],
)  # fmt: skip
def test_the_actor_a_label_names_on_other_stories(text, word, actor):
    assert _actor(text, word) == actor


def test_a_label_word_before_a_thing_the_parse_hung_beside_it_labels_no_one():
    text = "He has struggled to win over minorities wary of his jihadist past."
    assert _labels(text) == []
    # but a possessor is someone ("the junta seized power", misparsed as "junta power", is in
    # test_actors' test of the story's country)
    assert [s.text for s in _labels("The insurgents' attacks continued.")] == ["insurgents"]


@pytest.mark.parametrize(
    ("name", "civil"),
    [
        ("U.N. Mission in South Sudan", True),  # the head word comes before "in"
        ("Migrant Centre NI", True),  # a place's initials after the head word
        ("Nigeria Union of Teachers", True),
        ("Islamic State in Iraq", False),
        ("Rapid Support Forces", False),
    ],
)
def test_a_non_combatant_organisation_is_known_by_its_head_word(name: str, civil: bool) -> None:
    assert civil_organisation(name) is civil
