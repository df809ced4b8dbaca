"""Rules 2-7 of label attachment: the actor a label names by the structure of its sentence.

A possessive's antecedent ("the Taliban said its fighters"), the name a label describes ("the
rebel M23") or that modifies it ("M23 rebels"), apposition, "X of Y", "X as Y", "groups like X",
"a group called X", the subject a label is predicated of, the object of a naming verb and the
leader of the label's side (:mod:`analyzer.loaded.attach` holds the order and the fallbacks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analyzer.actors import Mention
from analyzer.actors.kinds import PLAIN_ORGANISATION, civil_organisation, described_as_one_person
from analyzer.actors.lexicon import capitals, demonyms, known_countries, words_with_role
from analyzer.loaded.syntax import (
    CLOSING_QUOTES,
    COORDINATORS,
    MODIFIER_DEPS,
    SUBJECTS,
    THIRD_PERSON,
    affiliation_start,
    antecedent,
    case_marker,
    clause_of,
    marked_possessor,
    mention_in_core,
    mention_of,
    modifies,
    names_people,
    one_person,
)
from analyzer.voice import misread_second_object
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Relations by which a label modifies a name ("the rebel M23"); GUM's trees, on which the word
#: layer is trained, mark a title-like noun before a name as nmod:desc ("dictator Kim Jong Un").
_LABEL_AS_MODIFIER = frozenset(("compound", "amod", "flat", "nmod:desc"))
_POSSESSIVES = frozenset(("its", "their", "his", "her"))
#: Last words of the names of events and venues: a label they modify names their attackers or
#: their staff, never the event ("the Boston Marathon bombers", "the Manchester Arena bomber").
_EVENTS_AND_VENUES = frozenset(
    ("marathon", "olympics", "games", "festival", "cup", "championship", "championships",
     "summit", "conference", "expo", "carnival", "parade", "concert", "tournament", "arena",
     "stadium", "mall", "hotel", "airport", "theatre", "theater")
)  # fmt: skip


def by_structure(
    sdoc: Doc, head: Token, mentions: list[Mention], own: set[int]
) -> tuple[Mention, str] | None:
    """Rules 2-7."""
    owner = _pronoun_owner(head, mentions) or _whose_owner(head, mentions)
    if owner is not None:
        return owner, "the actor its possessive refers to"
    named = misread_second_object(head)
    found = mention_in_core(antecedent(named), mentions) if named is not None else None
    if found is not None:  # "called the M23 rebels terrorists" read as one noun phrase
        return found, f"the actor '{head.head.text}' names"
    found = _modified_name(head, mentions, own) or _name_right_after(head, mentions)
    if found is not None and _titled(sdoc, found) and _names_an_organisation(head):
        found = None  # "the prison gang President Trump designated": no gang is one man
    if found is not None:  # "Syrian madman Bashar al-Assad" labels al-Assad, not Syria
        return found, "the name it describes"
    container = _apposed_container(head, mentions)
    if container is None and head.dep_ in _LABEL_AS_MODIFIER:  # "... of Brazil's criminal gangs"
        container = _apposed_container(head.head, mentions)
    if container is not None:  # "The Fano, a loose network of ethnic Amhara fighters"
        return container, "the name its group stands in apposition to"
    modifier = _modifying_name(head, mentions, own)
    relational = lemma_in(head, words_with_role("relational"))
    if (modifier is None or relational) and _complement_of_naming(head):
        # "describe the TRF as a proxy of Lashkar-e-Taiba": the label is said of the object,
        # not of the name after "of"
        predicated = _predicated(head, mentions)
        if predicated is not None:
            return predicated
    named_beside = _named_beside(sdoc, head, mentions)
    if modifier is not None and modifier.kind == "place":
        # "Bashar al-Assad, the Syrian dictator": the country says where he is from, the
        # apposition who he is
        apposed = named_beside or _apposed_by_surface(head, mentions)
        if apposed is not None and "apposition" in apposed[1] and apposed[0].kind != "place":
            return apposed
        # "Russian mercenaries from the Africa Corps": the group, not the country's people
        after_from = named_beside if named_beside and named_beside[1].endswith("'from'") else None
        if after_from is not None and after_from[0].kind != "place":
            return after_from
        # "The CJNG is one of Mexico's most powerful criminal organisations": said of the CJNG;
        # the country is where they are
        partitive = _partitive(head)
        said_of = _predicated(partitive, mentions) if partitive is not None else None
        if said_of is not None and said_of[0].kind != "place":
            return said_of
    if modifier is not None:
        return modifier, "the name that modifies it"
    seat = _seat_of_rulers(head, mentions)
    if seat is not None:
        return seat, "the seat of government it is in"
    member = _belongs_to(head, mentions)
    if member is not None:  # "the slain insurgents belonged to a unit of the NPA"
        return member, "the group it belongs to"
    if named_beside is not None:
        return named_beside
    predicated = _predicated(head, mentions)
    return predicated if predicated is not None else _apposed_by_surface(head, mentions)


def _titled(sdoc: Doc, mention: Mention) -> bool:
    """A person's name with a title ("President Trump"), read in the parse."""
    return mention.first >= 0 and any(
        sdoc[i].lower_.rstrip(".") in words_with_role("title")
        for i in range(mention.first, mention.last + 1)
    )


def _names_an_organisation(head: Token) -> bool:
    """ "gang", "militia", "group": a noun for an organisation, never for one person."""
    return lemma_in(head, words_with_role("group") | words_with_role("collective"))


def _modifying_name(head: Token, mentions: list[Mention], own: set[int]) -> Mention | None:
    """An actor's name among the label's modifiers: "M23 rebels", "the Taliban's fighters"; the
    first one written where there are several, a group before a place ("Yemen's Houthi
    movement" is the Houthis')."""
    found_place = None
    before = head.doc[head.i - 1] if head.i > 0 else None
    # "after Hamas/nsubj militants/nsubj attacked": a name the parse split off as a second
    # subject (or object) of the label's own verb still modifies it
    split = (
        [before]
        if before is not None and before.pos_ == "PROPN" and before.head.i == head.head.i
        and before.dep_ == head.dep_ and head.head.i != head.i
        else []
    )  # fmt: skip
    # "the M23 rebel group": the name may modify the label's own first word
    inner = [c for t in head.children if t.i in own for c in t.children if modifies(c, t)]
    for child in (*head.children, *split, *inner):
        if (child in split or child in inner or modifies(child, head)) and child.i not in own:
            if any(t.text == "," for t in head.doc[child.i + 1 : head.i]):
                continue  # "Congo, M23 rebels sign ...": a headline's list, not a modifier
            if child.dep_ == "nmod" and case_marker(child) not in ("", "'s", "’s"):
                continue  # "of"/"in" phrases are rule 5 or places
            if child.dep_ == "nmod:poss" and not marked_possessor(child):
                continue  # "Kenyan troops battle gunmen": a headline's subject, no owner
            found = mention_of(child, mentions)
            if found is not None and found.name.lower() in ("state", "government"):
                found = None  # "The State's security forces": a common noun's capital
            if found is not None and found.name.lower().split()[-1] in _EVENTS_AND_VENUES:
                continue  # "the Boston Marathon bombers": what they attacked, not who they are
            if found is None and lemma_in(child, words_with_role("state")):
                found = _state_owner(child, mentions)  # "Syrian government troops"
            civil = found is not None and civil_organisation(found.name)
            if civil and not lemma_in(head, PLAIN_ORGANISATION):
                continue  # "Amnesty International accused Ethiopian soldiers", misparsed
            if found is not None and found.role == "actor" and not _nationality(head, found):
                if found.kind != "place":
                    return found
                found_place = found_place or found
    return found_place or _name_glued_before(head, mentions)


def _name_glued_before(head: Token, mentions: list[Mention]) -> Mention | None:
    """ "supplied weapons to Fano militiamen fighting ...", parsed with the name on "weapons" and
    the label as a subject of its own: a group's name written right before a plural label still
    modifies it, unless it is a verb's object ("told Reuters militants had fled"). A label the
    tagger took for a verb is a plural all the same ("from Wagner Group mercenaries/VBZ")."""
    before = head.doc[head.i - 1] if head.i > 0 else None
    acronym = _acronym_right_before(head, mentions)
    if acronym is not None:
        return acronym
    plural = head.tag_ in ("NNS", "VBZ")
    # an acronym whatever its tag ("police and KFOR/VERB troops")
    if before is None or not (before.pos_ == "PROPN" or _acronym_word(before)):
        return None
    if not plural or before.head.i == head.i:
        return None
    if before.dep_ in ("obj", "iobj", "nsubj", "nsubj:pass", "appos"):
        return None
    found = mention_of(before, mentions)
    if found is None or found.role != "actor" or found.kind == "person":
        return None
    # A country's demonym before a state's body: "the army and Rwandan troops", the demonym
    # parsed as a conjunct of "army"; a place's name before other labels is where they are.
    of_a_state = not found.proper and lemma_in(head, words_with_role("state"))
    if found.kind == "place" and not of_a_state:
        return None
    return found if found.last == before.i else None


def _acronym_word(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token) > 1


def _acronym_right_before(head: Token, mentions: list[Mention]) -> Mention | None:
    """ "Revolutionary Armed Forces of Colombia (FARC) rebels", "the National Liberation Army
    (ELN) guerrilla group": a group's acronym in brackets right before the label's phrase
    modifies it, however the parse hung the brackets."""
    doc, first = head.doc, head
    while (
        first.i > 0
        and doc[first.i - 1].dep_ in ("compound", "amod")
        and (doc[first.i - 1].head.i in (first.i, head.i))
    ):
        if _past_verb(doc[first.i - 1]) and doc[first.i - 1].lower_ != "armed":
            return None  # "the League (LTDH) accused/amod security forces": a verb, misparsed
        first = doc[first.i - 1]
    if first.i < 3 or doc[first.i - 1].text != ")" or doc[first.i - 3].text != "(":
        return None
    found = mention_of(doc[first.i - 2], mentions)
    if found is None or found.kind != "group" or found.role != "actor":
        return None
    return found


def _apposed_container(head: Token, mentions: list[Mention]) -> Mention | None:
    """A label in "of" after a word for a body of people, or "one", set off beside a name ("The
    Fano, a loose network of Amhara fighters"; "the Syrian National Army, an umbrella of rebel
    factions"; "the Comando Vermelho, one of Brazil's oldest criminal organizations"): the
    label's people are that name's."""
    body = head.head
    if head.dep_ != "nmod" or case_marker(head) != "of" or body.dep_ != "appos":
        return None
    bodies = words_with_role("collective") | words_with_role("group") | {"umbrella"}
    if not (lemma_in(body, bodies) or body.lower_ == "one"):  # "X, one of Brazil's oldest gangs"
        return None
    named = mention_of(body.head, mentions)
    return named if named is not None and named.role == "actor" else None


def _belongs_to(head: Token, mentions: list[Mention]) -> Mention | None:
    """The group a label's people belong to: the first group named in the "to" phrase of
    "belong" ("the slain insurgents belonged to a unit of the NPA's Negros command")."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() != "belong":
        return None
    for child in verb.children:
        if child.dep_ == "obl" and case_marker(child) == "to":
            for token in child.subtree:
                found = mention_of(token, mentions)
                if found is not None and found.role == "actor" and found.kind != "place":
                    return found
    return None


def _seat_of_rulers(head: Token, mentions: list[Mention]) -> Mention | None:
    """ "the regime in Damascus", "the junta in Niamey": rulers are those of the country or the
    capital they are in (a capital stands for its country)."""
    if not lemma_in(head, words_with_role("ruling")):
        return None
    for child in head.children:
        if child.dep_ == "nmod" and case_marker(child) == "in":
            found = mention_of(child, mentions)
            seat = found is not None and (
                found.name.lower() in capitals() or found.name in known_countries()
            )
            return found if seat else None
    return None


def _nationality(head: Token, named: Mention) -> bool:
    """ "the Palestinian militant group", "a Lebanese movement", "the Afghan team": a demonym
    on one organisation says where it is from; the organisation is someone else, named or
    referred to (a country's own "regime" or "army" is the country's)."""
    words = head.doc[named.first : named.last + 1]
    return (
        words.text.lower() in demonyms()
        and head.tag_ == "NN"
        and lemma_in(head, words_with_role("group") | words_with_role("collective"))
        and not lemma_in(head, words_with_role("state") | words_with_role("ruling"))
    )


def _past_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.tag_ in ("VBD", "VBN")


#: Marks that open an apposition.
_SETTING_OFF = frozenset((",", "(", "—", "–", "-", ":", ";", '"', "“", "'", "‘"))


def _named_beside(sdoc: Doc, head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """Rule 5: apposition, "of"/"as", "like", "a group called X"."""
    opening = head.left_edge.i
    while opening < head.i and head.doc[opening].is_punct:
        opening += 1  # the parse may hang the comma on the apposition
    # an apposition is set off, and opens with no past verb: "the League (LTDH) accused
    # security forces" and "Maly Socheata, accused Thai soldiers" are none, whatever the parse
    set_off = opening > 0 and head.doc[opening - 1].text in _SETTING_OFF
    set_off = set_off and not _past_verb(head.doc[opening])
    if set_off and head.doc[opening - 1].text == ":" and head.head.i < opening <= 4:
        set_off = False  # a headline's kicker: "Northwest: Defence forces dislodge terrorists"
    if head.dep_ == "appos" and set_off:  # "Massoud, the rebel leader"; "my father, Massoud"
        # "His faction and the Chapitos, a group led by ...": the conjunct right before the
        # comma, which the parse left as the first conjunct's
        last_conjunct = [
            c for c in head.head.children if c.dep_ == "conj" and c.right_edge.i == opening - 2
        ]
        for token in (
            *last_conjunct,
            head.head,
            *(c for c in head.head.children if c.dep_ == "appos"),
        ):
            found = mention_of(token, mentions) or _name_of_group_noun(
                token, mentions, after_preposition=False
            )  # "The Radaa force, a powerful Islamist-leaning militia"
            fronted = found is not None and _fronted(head.doc, found.first)
            if found is not None and found.role == "actor" and token.i != head.i and not fronted:
                # not "In neighbouring Amhara, federal troops have been fighting"
                return found, "the name it stands in apposition to"
    for child in head.children:
        named = mention_of(child, mentions) or _name_of_group_noun(child, mentions)
        if named is None:
            continue
        if (
            child.dep_ == "appos"
            and named.role == "actor"
            and not _persons_apposition(head, named)
            and not _fronted(head.doc, named.first)
            and not _across_a_quote(head, child)
        ):
            return named, "the name it stands in apposition to"
        case = case_marker(child) if child.dep_ == "nmod" else ""
        if case == "of" and one_person(head) and named.kind == "place":
            continue  # "the dictator of Syria" is a person of the country, not the country
        if case == "of" and named.kind == "place" and child.tag_ in ("NNS", "NNPS"):
            continue  # "a movement of young Kenyans" is of a people, not of the state
        if case == "of" and lemma_in(head, words_with_role("relational")):
            continue  # "a proxy of Lashkar-e-Taiba" is someone else, who stands toward it
        if case == "as" and _one_person_for_many(head, child, named):
            continue  # "liberated from terrorists as Hapilon ... were killed": "as" opens a clause
        if case in ("of", "as") and named.role != "target":
            return named, f"the name after '{case}'"  # "terrorists of X", "gunman as X"
        if case == "from" and (named.role == "actor" or _state_of(head, named)):
            return named, "the name after 'from'"  # "gunmen from X", "troops from Chad"
        if case == "in" and _state_of(head, named) and _domestic(head):
            return named, "the country it rules"  # "the junta in Myanmar"
        if child.dep_ == "nmod" and case_marker(child) in _LISTING and named.role == "actor":
            return named, "the first party it lists"  # "groups like the Klan"
    affiliated = _affiliated_name(head, mentions)
    if affiliated is not None:
        return affiliated
    for child in head.children:  # "The attacker, identified by police as Joel Cauchi, 40,"
        if child.dep_ == "acl" and child.lower_ in ("identified", "named"):
            for token in child.subtree:
                named = next((m for m in mentions if m.first == token.i + 1), None)
                if token.lower_ == "as" and named is not None and named.role == "actor":
                    return named, f"the name it is {child.text} as"
    for child in head.children:  # "a group called 'X'", "groups including Daesh"
        if child.dep_ in ("acl", "acl:relcl") and child.lower_ in _NAMING_PARTICIPLES:
            following = range(child.i + 1, child.i + 4)  # the parser may hang the name elsewhere
            as_word = next((k for k in range(child.i + 1, min(child.i + 7, len(sdoc)))
                            if sdoc[k].lower_ == "as"), None)  # fmt: skip
            if as_word is not None:  # "known by its Spanish initials as the EMBF": after "as"
                following = range(as_word + 1, as_word + 3)
            for named in mentions:
                hung = as_word is None and child.is_ancestor(sdoc[named.head])
                if named.role == "actor" and (named.first in following or hung):
                    return named, f"the name it is {child.text}"
    return (
        _known_as_by_word_order(head, mentions)
        or _listed_by_word_order(head, mentions)
        or _calls_itself(head, mentions)
    )


def _calls_itself(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """ "The armed group, which calls itself the Popular Forces", "a group calling itself
    Saraya Ansar al-Sunna", "a group of officers calling themselves ...": the name it gives
    itself."""
    doc, k = head.doc, head.i + 1
    k += k < len(doc) and doc[k].text == ","
    if k + 2 < len(doc) and doc[k].lower_ in ("which", "who", "that"):
        k += 1
    elif k + 3 < len(doc) and doc[k].lower_ == "of" and doc[k + 1].tag_ == "NNS":
        k += 2  # "a group of officers calling themselves"
    if k + 1 >= len(doc) or doc[k].lemma_.lower() != "call" or doc[k + 1].lower_ not in _REFLEXIVES:
        return None
    k += 2
    k += k < len(doc) and doc[k].text in _OPENING_QUOTES  # calls itself "the Popular Forces"
    named = next((m for m in mentions if m.first in (k, k + 1) and m.role == "actor"), None)
    return (named, "the name it calls itself") if named is not None else None


_REFLEXIVES = frozenset(("itself", "themselves", "himself", "herself"))


def _name_of_group_noun(
    token: Token, mentions: list[Mention], *, after_preposition: bool = True
) -> Mention | None:
    """The name modifying a group noun after a preposition: "fighters from [the Islamic State
    group]", "gunmen from [the Sinaloa cartel]", "soldiers from [the Nigerian army]" are the
    group's; or anywhere, with ``after_preposition`` False ("[The Radaa force], a militia")."""
    if after_preposition and token.dep_ != "nmod":
        return None
    if not lemma_in(token, words_with_role("group")):
        return None
    for child in token.children:
        if child.dep_ in ("compound", "flat", "amod"):
            named = mention_of(child, mentions)
            if named is not None and named.role == "actor":
                return named
    return None


def _listed_by_word_order(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """ "terrorist groups in Syria, including ISIS, the YPG and the PYD": the first party a plural
    label lists, read from the words where the parser hung the list on the verb; a short phrase
    of place may stand between ("in Syria")."""
    doc, k = head.doc, head.i + 1
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    if k < len(doc) and doc[k].lower_ in ("in", "from", "across") and doc[k].pos_ == "ADP":
        k += 1
        while k < len(doc) and k <= head.i + 5 and doc[k].pos_ in ("DET", "PROPN", "ADJ"):
            k += 1
    k += k < len(doc) and doc[k].text == ","
    if k >= len(doc) or doc[k].lower_ not in ("including", "like"):
        return None
    named = next((m for m in mentions if m.first == k + 1 and m.role == "actor"), None)
    return (named, "the first party it lists") if named is not None else None


def _known_as_by_word_order(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """ "The militants, known locally as al-Shabab, ...": the name a naming participle right
    after the label gives it, read from the words where the parser hung the participle elsewhere
    (on the verb, with the label as its subject)."""
    doc, k = head.doc, head.i + 1
    k += k < len(doc) and doc[k].text == ","
    if k >= len(doc) or doc[k].lower_ not in _NAMING_PARTICIPLES - {"including"}:
        return None
    participle, k = doc[k], k + 1
    while k < len(doc) and doc[k].pos_ == "ADV":  # "locally", "widely", "also"
        k += 1
    k += k < len(doc) and doc[k].lower_ == "as"
    named = next((m for m in mentions if m.first == k and m.role == "actor"), None)
    return (named, f"the name it is {participle.text}") if named is not None else None


def _affiliated_name(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """ "jihadists linked to al-Qaeda", "fighters loyal to Haftar": the side named right after
    the label, read from the words (the parser often takes "linked" for the main verb)."""
    first = affiliation_start(head)
    if first is None:
        return None
    doc, k = head.doc, head.i + 1
    for named in mentions:
        # "loyal to [ousted President] Bashar al-Assad": a description or title may come first
        between = doc[first : max(named.first, first)]
        described = len(between) <= 3 and all(
            t.pos_ in ("ADJ", "PROPN") or t.tag_ == "VBN" for t in between
        )
        if named.first >= first and described and named.role != "target":
            return _possessed(
                doc, named, mentions
            ), f"the side it is {doc[k].text} {doc[k + 1].text}"
    return None


def _possessed(doc: Doc, named: Mention, mentions: list[Mention]) -> Mention:
    """ "loyal to Yemen's Southern Transitional Council": the name the possessive owns, when
    one follows within a few words, is the side."""
    after = named.last + 1
    if after >= len(doc) or doc[after].lower_ not in ("'s", "’s"):
        return named
    owned = [m for m in mentions if after < m.first <= after + 3 and m.role != "target"]
    between_ok = owned and all(
        doc[i].pos_ in ("ADJ", "PROPN", "NOUN") for i in range(after + 1, owned[0].first)
    )
    return owned[0] if between_ok else named


def _state_of(head: Token, named: Mention) -> bool:
    """A state's own body ("troops", "regime") and a country (or its capital) after it."""
    return named.kind == "place" and (
        lemma_in(head, words_with_role("state"))
        or any(
            c.dep_ == "compound" and lemma_in(c, words_with_role("state")) for c in head.children
        )
    )


def _domestic(head: Token) -> bool:
    """ "the regime", "security forces": a state body that acts at home (not "troops")."""
    domestic = words_with_role("domestic")
    return lemma_in(head, domestic) or any(
        c.dep_ == "compound" and lemma_in(c, domestic) for c in head.children
    )


#: Prepositions that introduce members of a category: "groups like the Klan", "such as Hamas".
_LISTING = frozenset(("like", "including", "such"))
#: Participles that name the noun they modify: "a group called X", "groups including Daesh".
_NAMING_PARTICIPLES = frozenset(("called", "named", "dubbed", "known", "including"))


def _state_owner(state: Token, mentions: list[Mention]) -> Mention | None:
    """The name on a state noun that modifies the label: "[Syrian] government troops"."""
    for child in state.children:
        if child.dep_ in MODIFIER_DEPS:
            found = mention_of(child, mentions)
            if found is not None:
                return found
    return None


def _apposed_after_phrase(head: Token, mentions: list[Mention]) -> Mention | None:
    """ "the main Kurdish militia in the alliance, the People's Protection Units (YPG), ...": a
    name set off by a comma after the label's own prepositional phrase."""
    doc = head.doc
    tails = [c for c in head.children if c.i > head.i and c.dep_ == "nmod" and case_marker(c)]
    if not tails:
        return None
    comma = max(t.right_edge.i for t in tails) + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    first = comma + 1 + (doc[comma + 1].lower_ == "the")
    for m in mentions:
        closes = m.last + 1 >= len(doc) or doc[m.last + 1].text in (",", ".", ";", ")", "(")
        if m.first == first and m.role == "actor" and closes and m.kind != "person":
            return m
    return None


def _persons_apposition(head: Token, named: Mention) -> bool:
    """ "a spokesman for the group, Jeeyand Baloch, said": a person's name after a label that
    hangs on a noun for one person names that person, not the label."""
    owner = head.head
    return (
        named.kind == "person"
        and head.dep_ == "nmod"
        and owner.i < head.i
        and one_person(owner)
        and names_people(owner)
    )


def _one_person_for_many(head: Token, child: Token, named: Mention) -> bool:
    """A plural label and one person after "as", with no other name beside him: no plural is
    one man ("gunmen as X and Y" may be, so a conjunct keeps the reading)."""
    return (
        head.tag_ in ("NNS", "NNPS")
        and named.kind not in ("group", "place")  # a lone surname is not yet known a person
        and not any(c.dep_ == "conj" for c in child.children)
    )


def _fronted(doc: Doc, first: int) -> bool:
    """The name closes a phrase that opens the sentence with a preposition or a participle
    ("According to the Interior Ministry, groups of vandals ..."; "In Mali, soldiers ..."): a
    setting, and what follows its comma is the clause, no apposition."""
    opener = doc[0]
    # "In" tagged a subordinator still opens a setting; "Because Hamas, the group, ..." does not;
    # nor does a participle's phrase ("Escorted by the Military Police, the marchers broke ...")
    preposition = opener.pos_ == "ADP" or opener.lower_ in ("according", "in", "across", "near")
    preposition = preposition or (opener.tag_ in ("VBN", "VBG") and opener.is_title)
    return preposition and all(
        not t.is_punct and (t.pos_ not in ("VERB", "AUX") or t.dep_ == "amod" or t.tag_ == "VBG")
        for t in doc[1:first]
    )  # "In/SCONJ neighbouring/VBG Amhara, federal troops ..."


def _subject_of_the_next_verb(head: Token) -> bool:
    """ "In messages posted on Twitter, the group hailed ...", "... in Kenya, the group said": the
    phrase after the comma is the subject of the finite verb right after it, no apposition."""
    after = head.i + 1
    if after >= len(head.doc):
        return False
    verb = head.doc[after]  # read from the words: the parse may hang the verb on the phrase
    return verb.tag_ in _FINITE_TAGS or (verb.pos_ == "AUX" and verb.head.i != head.i)


_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))


def _apposed_by_surface(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """ "the Northern Alliance, the rebel group that ..."; "the group, Hamas, said": an
    apposition read from the commas when the parse missed it."""
    doc = head.doc
    if head.dep_ == "nmod:poss":
        return None  # "Prigozhin, the group's founder": the apposition is the founder
    first = head.left_edge.i
    while first < head.i and (doc[first].is_punct or doc[first].lower_ in COORDINATORS):
        first += 1  # the parser may hang the comma or the "and" itself on the label
    comma = first - 1
    # "Maly Socheata, accused/amod Thai soldiers of ...": a past verb opening the phrase is the
    # name's predicate, which the parser took for a modifier; "X, as 'a hero'" is a complement
    # "Banibangou, where armed bandits ...", "Kashmir, in which gunmen killed ...": a relative
    # clause, no apposition
    opens_apposition = (
        not _past_verb(doc[first])
        and doc[first].lower_ != "as"
        and all(t.tag_[:1] != "W" for t in doc[first : head.i])
        and not _subject_of_the_next_verb(head)
    )
    if comma >= 1 and doc[comma].text == "," and opens_apposition:
        for m in mentions:
            if m.last == comma - 1 and m.role == "actor" and not _fronted(doc, m.first):
                conjunct = doc[m.head]
                if head.tag_ == "NNS" and conjunct.dep_ == "conj":
                    # "Los Choneros and Los Lobos, the two largest gangs": the list, by its first
                    listed = mention_of(conjunct.head, mentions)
                    if listed is not None and listed.role == "actor":
                        return listed, "the first party of the list it stands in apposition to"
                return m, "the name it stands in apposition to"
    after = head.i + 1
    while after < len(doc) and doc[after].text in CLOSING_QUOTES:
        after += 1  # his “hero”, Ahmad Shah Massoud
    if after + 1 < len(doc) and doc[after].text == ",":
        named = after + 1 + (doc[after + 1].lower_ == "the")  # "its militia, the Volunteers ..."
        for m in mentions:
            # closed by a comma, a stop or its acronym: "the Volunteers for ... Homeland (VDP),"
            closes = m.last + 1 >= len(doc) or doc[m.last + 1].text in (",", ".", ";", ")", "(")
            if m.first == named and m.role == "actor" and closes:
                return (
                    None
                    if _persons_apposition(head, m)
                    else (m, "the name it stands in apposition to")
                )
    after_phrase = _apposed_after_phrase(head, mentions)
    if after_phrase is not None:
        return after_phrase, "the name it stands in apposition to"
    listing = after < len(doc) and doc[after].lower_ in _LISTING  # "groups like ISIS and ..."
    if listing:
        first_named = after + (2 if doc[after].lower_ == "such" else 1)
        while first_named < len(doc) and doc[first_named].lower_ == "the":
            first_named += 1
        for m in mentions:
            if m.first == first_named and m.role == "actor":
                return m, "the first party it lists"
    # "US and allied forces": a name and a modifier share the label ("US forces and allied
    # forces"); with a determiner ("the Taliban and the militants") they are two phrases.
    # A common noun modifies only its own phrase ("the United Nations and rights groups"), and
    # a name with its own article or in a list is a phrase of its own ("the United States,
    # Israel and Kurdish separatist groups").
    opener = doc[first]
    shared = (
        opener.i < head.i
        and opener.dep_ in ("amod", "compound")
        and opener.pos_ != "NOUN"
        and first >= 2
    )
    if shared and doc[first - 1].lower_ in COORDINATORS:
        for m in mentions:
            if m.last == first - 2 and m.role == "actor" and not _own_phrase(doc, m.first):
                return m, "the name that modifies it (shared with another modifier)"
    return None


def _own_phrase(doc: Doc, first: int) -> bool:
    """A name after an article or a list's comma heads a phrase of its own."""
    before = doc[first - 1].lower_ if first > 0 else ""
    return before in ("the", "a", "an", ",")


def _modified_name(head: Token, mentions: list[Mention], own: set[int]) -> Mention | None:
    """Up a chain of modifiers to a name: "rebel M23", "resistance icon Ahmad Shah Massoud"."""
    token = head
    for _ in range(3):
        if token.dep_ not in _LABEL_AS_MODIFIER or token.head.i == token.i:
            return None
        token = token.head
        if token.i in own:
            continue
        if _across_a_quote(head, token):
            return None  # "It was a mob ...," MP Kamal Wijesundara told: the speaker, misparsed
        found = mention_of(token, mentions)
        if found is not None and found.kind == "person" and head.tag_ in ("NNS", "NNPS"):
            return None  # "armed forces chief Zulkifli": the body he heads, not him
        if found is not None:
            return found if found.role == "actor" else None
        if token.pos_ != "NOUN":  # "icon" in "resistance icon X"; a capital that names no
            return None  # one ends the chain ("Maduro Regime Hiding Hezbollah ...", a headline)
    return None


def _across_a_quote(head: Token, other: Token) -> bool:
    """A quotation mark between two words: the parse may join a quotation's last phrase to
    its speaker's name, but no modifier or apposition reaches out of a quotation."""
    low, high = sorted((head.i, other.i))
    return any(t.tag_ in ("``", "''") for t in head.doc[low + 1 : high])


def _name_right_after(head: Token, mentions: list[Mention]) -> Mention | None:
    """A name hung on the label right after it: "jihadist groups [Boko Haram]", "the militant
    group [Hamas]" (as apposition, flat name or, misparsed, object)."""
    if head.i + 1 >= len(head.doc):
        return None
    name = head.doc[head.i + 1]
    introduced = next((m for m in mentions if m.first == name.i and m.kind == "group"), None)
    if introduced is not None and introduced.role == "actor":
        return introduced  # "the group Just Stop Oil", whatever the parse made of "Just Stop"
    if lemma_in(head, PLAIN_ORGANISATION) and head.tag_ == "NN":
        # "The human rights group Karapatan accused ...", whatever the parse made of it
        titled = next((m for m in mentions if m.first == name.i and m.role == "actor"), None)
        if titled is not None and titled.kind != "place" and name.pos_ == "PROPN":
            return titled
    # "Human rights group Karapatan said", parsed as two subjects of one verb
    split_subject = name.dep_ == head.dep_ == "nsubj" and name.head.i == head.head.i
    hung_on_label = name.head.i == head.i and name.dep_ in _NAME_AFTER_DEPS
    if name.pos_ != "PROPN" or not (hung_on_label or split_subject):
        return None
    found = mention_of(name, mentions)
    return found if found is not None and found.role == "actor" else None


_NAME_AFTER_DEPS = frozenset(("appos", "flat", "obj", "compound", "dep"))


def _complement_of_naming(head: Token) -> bool:
    """The "as" complement of a naming verb: "described X as [a proxy]", "designated X as"."""
    if case_marker(head) != "as":
        return False
    names = words_with_role("names")
    return lemma_in(head.head, names) or (
        head.dep_ in ("nmod", "conj") and lemma_in(head.head.head, names)
    )


def _predicated(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """Rule 6: "X is a terrorist group"; "designated X a terrorist group"; "X was designated ...";
    and the leader of the label's side: "the Taliban massed forces", "X led an army of fighters"."""
    leader = _leader(head, mentions)
    if leader is not None:
        return leader
    if any(child.dep_ == "cop" for child in head.children):
        for child in head.children:
            if child.dep_ in SUBJECTS and not _after_preposition(child):
                found = mention_of(child, mentions)
                if found is None and child.lower_ in THIRD_PERSON and _denied(head):
                    # "X insisted they're not extremists" is X's own denial; "Israel says they
                    # are terrorists" is said of someone else
                    found = _speaker_of(head, mentions)
                if found is not None:
                    return found, "the subject it is said of"
        said = head.head  # "X, which agencies say is a proxy of Y": the predicate lost its "which"
        if (
            not any(child.dep_ in SUBJECTS for child in head.children)
            and head.dep_ == "ccomp"
            and said.dep_ == "acl:relcl"
            and said.head.i < head.i
        ):
            found = mention_of(said.head, mentions)
            if found is not None and found.role == "actor":
                return found, "the subject it is said of"
    verb = head.head
    # "identified the gunman as Mevlut Mert Altintas"; "The shooter, identified by police as
    # Mauricio Garcia, ...": a participle set off after the label, parsed with it as subject
    identified = head.dep_ == "nsubj" and verb.tag_ == "VBN" and verb.i > head.i
    if head.dep_ in ("obj", "nsubj:pass") or identified:
        for child in verb.children:
            if child.dep_ in ("obl", "advcl", "xcomp") and case_marker(child) == "as":
                found = mention_of(child, mentions)
                if found is not None and found.role == "actor":
                    return found, f"the name it is {verb.text} as"
    # ("conj": a second name the parse coordinated with the verb itself: "described the RSF as
    # a 'terrorist militia' and a 'rebel force'")
    # a naming verb the tagger took for a noun still has its subject: "which the United States
    # and Britain list/NN as a terrorist organisation"
    as_of_a_noun_verb = (
        head.dep_ == "nmod"
        and case_marker(head) == "as"
        and any(c.dep_ == "nsubj" for c in verb.children)
    )
    # "praised the inspector, Amy Scott, as 'a hero'": an "as" phrase of a verb that
    # characterises its object names it too
    as_characterised = case_marker(head) == "as" and lemma_in(
        verb, words_with_role("characterises")
    )
    names_it = lemma_in(verb, words_with_role("names")) or as_characterised
    if (head.dep_ in ("xcomp", "obl", "advcl", "obj", "conj") or as_of_a_noun_verb) and names_it:
        for child in verb.children:
            # the one named comes before its name: not "declares X as gangs seize TV station"
            # misparsed, with the station an object after the label
            if child.i < head.i and child.dep_ in ("obj", "iobj", "nsubj:pass"):
                # "Hamas, which the US designates a terrorist organisation"; "described
                # Ukraine's leadership as a regime": the object, else who owns it
                found = mention_in_core(antecedent(child), mentions) or _name_set_off_after(
                    child, mentions
                )
                if found is not None:
                    return found, f"the actor '{verb.text}' names"
        found = _relative_antecedent(verb, mentions)
        if found is not None:  # "the PKK, which it calls a terrorist group", "which" misparsed
            return found, f"the actor '{verb.text}' names"
        found = _shared_passive_subject(verb, mentions)
        if found is not None:  # "Jaish al-Adl, which operates from Pakistan and is designated
            return found, f"the actor '{verb.text}' names"  # a terrorist organisation by Iran"
    naming = verb.head
    if (
        head.dep_ in ("nmod", "conj")
        and case_marker(head) == "as"
        and lemma_in(naming, words_with_role("names"))
    ):
        # "designated the Houthis as a terrorist organisation", "as" hung on the object (or
        # taken for a second object: "branded the PDF, the armed wing of X, as terrorists")
        for named in (verb, *passive_subjects(verb)):
            found = mention_in_core(named, mentions)
            if found is not None:
                return found, f"the actor '{naming.text}' names"
    found = named_in_a_relative_clause(head, mentions)
    if found is not None:
        return found, "the actor a ', which X calls' clause names"
    return _named_by_word_order(head, mentions)


def _partitive(head: Token) -> Token | None:
    """The "one" a label is the "of" phrase of ("one of the gangs"), if it is a predicate."""
    one = head.head
    if head.dep_ != "nmod" or case_marker(head) != "of" or one.lower_ not in ("one", "some"):
        return None
    return one if any(c.dep_ == "cop" for c in one.children) else None


def _name_set_off_after(noun: Token, mentions: list[Mention]) -> Mention | None:
    """ "praised the inspector, Amy Scott, as ...": the name set off right after a noun for one
    person is the one named, however the parse hung it."""
    comma = noun.right_edge.i + 1
    if noun.tag_ != "NN" or comma + 1 >= len(noun.doc) or noun.doc[comma].text != ",":
        return None
    found = next((m for m in mentions if m.first == comma + 1 and m.role == "actor"), None)
    return found if found is not None and found.kind == "person" else None


def _after_preposition(subject: Token) -> bool:
    """ "killed people at a hall outside [Moscow] were radical Islamists": a subject right after
    a preposition is the parser's misreading of a place."""
    first = subject.left_edge.i
    return (
        first > 0 and subject.doc[first - 1].pos_ == "ADP" and subject.doc[first - 1].dep_ == "case"
    )


def passive_subjects(holder: Token) -> list[Token]:
    """ "Hezbollah was described by Israel as a terrorist group": the "as" phrase hung on the
    agent (``holder``) names the passive verb's subject (through "which" to its antecedent)."""
    if holder.dep_ != "obl:agent":
        return []
    return [antecedent(c) for c in holder.head.children if c.dep_ == "nsubj:pass"]


def _shared_passive_subject(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The subject a passive naming verb shares with the verb it is coordinated with ("X, which
    operates ... and is designated ..."; "X operates ... and is designated ...")."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if not any(c.dep_ == "aux:pass" for c in verb.children):
        return None
    first = verb.head
    found = _relative_antecedent(first, mentions)
    if found is not None:
        return found
    subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    found = mention_in_core(subject, mentions) if subject is not None else None
    return found if found is not None and found.role == "actor" else None


def _relative_antecedent(verb: Token, mentions: list[Mention]) -> Mention | None:
    """The name a ", which"/", whom" clause hangs on, read from the words: the phrase that ends
    right before the comma (or the acronym in brackets closing there)."""
    pronoun = next(
        (c for c in verb.children if c.lower_ in ("which", "whom") and c.i < verb.i), None
    )
    if pronoun is None or pronoun.i < 2 or verb.doc[pronoun.i - 1].text != ",":
        return None
    last = pronoun.i - 2
    if verb.doc[last].text == ")" and last > 0:
        last -= 1  # "the Kurdistan Workers' Party (PKK), which ..."
    found = mention_in_core(verb.doc[last], mentions)  # "the Azov brigade, which ..."
    return found if found is not None and found.role == "actor" else None


def _named_by_word_order(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """ "calling Mexicans “rapists”" with the label misparsed (as a verb, hung elsewhere): a
    naming verb, its object and right after it the label still say who is called what."""
    first = min(t.i for t in head.subtree if not t.is_punct) if head.pos_ != "VERB" else head.i
    own_first = _own_words_start(head)
    if own_first > first:
        # 'called the ELN leadership "drug traffickers"' parsed as one noun phrase: the quotation
        # mark says the object ends before the label's own words
        before = own_first - 1
        while before >= 0 and head.doc[before].text in _OPENING_QUOTES:
            before -= 1
        obj, verb = head.doc[before], head.head
        if (
            before < first
            or head.dep_ not in ("obj", "xcomp")
            or not lemma_in(verb, words_with_role("names"))
        ):
            return None
        found = mention_in_core(antecedent(obj), mentions)
        return (found, f"the actor '{verb.text}' names") if found is not None else None
    before = first - 1
    while before >= 0 and head.doc[before].text in _OPENING_QUOTES:
        before -= 1
    if before < 0:
        return None
    obj = head.doc[before]
    while obj.dep_ in ("compound", "flat", "amod") and obj.head.i > obj.i:
        obj = obj.head  # the last word of the object is its head or one of its modifiers
    while obj.dep_ in ("flat", "conj") and obj.head.i < obj.i:
        obj = obj.head
    verb = obj.head
    if (
        obj.dep_ not in ("obj", "iobj")
        or not lemma_in(verb, words_with_role("names"))
        or obj.right_edge.i != before
        or head in obj.subtree
        or verb in head.subtree
    ):
        return None
    found = mention_in_core(antecedent(obj), mentions)
    return (found, f"the actor '{verb.text}' names") if found is not None else None


def _own_words_start(head: Token) -> int:
    """The first word of the label's own phrase: its subtree's words back to a quotation mark
    ("the ELN leadership [“drug traffickers”]"), or the subtree's first word."""
    words = {t.i for t in head.subtree}
    start = head.i
    while start - 1 in words and head.doc[start - 1].text not in _QUOTE_MARKS:
        start -= 1
    return start


def named_in_a_relative_clause(head: Token, mentions: list[Mention]) -> Mention | None:
    """ "the Kurdish YPG, which Turkey regards as terrorists" with the naming verb misparsed
    (tagged a plural noun): read from the words, ", which|whom NAME VERB (as) (a) LABEL" names
    the phrase before the comma. The writer's own "which we call" is no one else's naming."""
    token = naming_clause_antecedent(head)
    found = mention_in_core(token, mentions) if token is not None else None
    return found if found is not None and found.role == "actor" else None


def naming_clause_antecedent(head: Token) -> Token | None:
    """The last word before ", which|whom NAME VERB (as) ... LABEL", read from the words; the
    label may follow another the verb gives ("whom he called 'khawarij' and 'terrorists'")."""
    doc, names = head.doc, words_with_role("names")
    k = head.i - 1  # back over the label's own words ("a [terrorist] organisation"), not its
    while k >= 0 and (  # subtree, which a garbled parse may give the verb ("designated")
        doc[k].text in _OPENING_QUOTES
        or doc[k].lower_ in _ARTICLES
        or (doc[k].head.i == head.i and doc[k].dep_ in _OWN_WORDS and not lemma_in(doc[k], names))
    ):
        k -= 1
    if k >= 0 and doc[k].lower_ in ("and", "or"):  # a second name: back over the first
        k -= 1
        while k >= 0 and head.i - k <= _NAMES_SPAN and not lemma_in(doc[k], names):
            k -= 1
    if k >= 0 and doc[k].lower_ == "as":
        k -= 1
    if k < 0 or not lemma_in(doc[k], names):  # "regards", whatever its tag
        return None
    for pronoun in range(k - 1, max(k - 6, 0), -1):
        if doc[pronoun].lower_ in ("which", "whom"):
            break
    else:
        return None
    namer = doc[pronoun + 1 : k]
    if not namer or namer[0].lower_ in _NO_NAMER or doc[pronoun - 1].text != ",":
        return None  # "which we call", "which was designated": no one else's naming
    last = pronoun - 2
    if doc[last].text == ")" and last > 0:
        last -= 1  # "the Kurdistan Workers' Party (PKK), which ..."
    return doc[last]


#: How far before the label a naming verb may give two names ("called 'khawarij' and ...").
_NAMES_SPAN = 8
_ARTICLES = frozenset(("a", "an", "the"))
_OWN_WORDS = frozenset(("amod", "compound", "det"))
_NO_NAMER = frozenset(("we", "i", "is", "was", "are", "were", "be", "been", "has", "have", "had"))
_OPENING_QUOTES = frozenset(("“", "‘", '"', "'"))
_QUOTE_MARKS = _OPENING_QUOTES | {"”", "’"}


def _leader(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    token = head
    while token.dep_ in ("nmod", "conj", "appos") and token.head.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "nmod" and case_marker(token) not in ("of", ""):
            return None  # "led a coalition against the rebels": not the leader's own
        token = token.head  # "an army of [freedom fighters]"
    verb = token.head
    participle = next((c for c in token.lefts if c.dep_ == "amod" and c.pos_ == "VERB"), None)
    if participle is not None and lemma_in(participle, words_with_role("leads")):
        pass  # "the Taliban had massed forces" parsed with "massed" as an adjective
    elif token.dep_ != "obj" or not lemma_in(verb, words_with_role("leads")):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "X, founded in 1964, has 6,000 fighters"
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    for child in subjects:
        found = mention_of(antecedent(child), mentions)
        if found is not None and found.role == "actor":
            return found, f"the actor who {verb.text} them"
    return None


def _pronoun_owner(head: Token, mentions: list[Mention]) -> Mention | None:
    """ "The Taliban said its fighters ...": a possessive pronoun on the label refers to the
    subject of the clause that governs the label's own (or of the label's clause itself)."""
    pronoun = _possessive(head)
    if pronoun is None:
        return None
    for child in possessive_subjects(head):  # a dateline the parser took for a subject names
        if child.pos_ == "NOUN" and lemma_in(child, words_with_role("civil")):
            continue  # "A Nigerian court has designated X ..., to pursue its fighters": X's
        found = mention_in_core(child, mentions)  # no one; "Mali's government said its forces"
        if found is not None and found.kind == "person" and pronoun == "its":
            return None  # "The rebel group's spokesman, Lawrence Kanyuka, said its fighters"
        if found is not None and found.role == "actor":
            return found
    return None


def _whose_owner(head: Token, mentions: list[Mention]) -> Mention | None:
    """ "Turji, whose fighters control ...": the name right before ", whose", read from the
    words (the parser often loses the relative clause)."""
    doc, k = head.doc, head.i - 1
    while k >= 0 and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].dep_ in ("amod", "compound"):
        k -= 1  # "whose armed fighters"
    if k < 2 or doc[k].lower_ != "whose" or doc[k - 1].text != ",":
        return None
    return next((m for m in mentions if m.last == k - 2 and m.role == "actor"), None)


def _possessive(head: Token) -> str | None:
    """The possessive pronoun on the label ("its", "their"), lower-cased, if any."""
    return next(
        (c.lower_ for c in head.children
         if c.dep_ == "nmod:poss" and c.pos_ == "PRON" and c.lower_ in _POSSESSIVES),
        None,
    )  # fmt: skip


def possessive_subjects(head: Token) -> list[Token]:
    """The subjects a possessive pronoun on the label may refer to: those of the clause that
    governs the label's own (or of the label's clause itself); none without a possessive."""
    if _possessive(head) is None:
        return []
    clause = clause_of(head)
    while clause is not None:
        subjects = [c for c in clause.children
                    if c.dep_ == "nsubj" and c.i != head.i and head not in c.subtree]  # fmt: skip
        if subjects:
            return subjects
        if _content_of_a_statement(clause):  # "said in a statement that its forces had ...",
            clause = clause.head.head  # the "that" clause parsed as the statement's relative
            continue
        controller = [c for c in clause.head.children if c.dep_ == "obj"]
        if clause.dep_ == "xcomp" and controller:  # "urged Belgrade to pull its troops back"
            return controller
        clause = clause.head if clause.dep_ in ("ccomp", "xcomp", "conj", "advcl") else None
    return []


def _content_of_a_statement(clause: Token) -> bool:
    """A "that" clause hung on a statement noun as if a relative clause: "said in a statement
    that its forces had sealed off the city", "said in early April that its forces had retaken
    the town" (the "that" is a conjunction, not a pronoun)."""
    noun = clause.head
    return (
        clause.dep_ == "acl:relcl"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        and (lemma_in(noun, _STATEMENT_NOUNS) or lemma_in(noun.head, _SAYING))
        and noun.dep_ == "obl"
        and noun.head.pos_ == "VERB"
    )


_STATEMENT_NOUNS = frozenset(("statement", "communique", "communiqué", "post", "video", "message"))
#: Verbs whose "that" clause is what was said, wherever the parser hangs it.
_SAYING = frozenset(("say", "announce", "state", "claim", "report", "tell", "confirm", "add"))


def _denied(head: Token) -> bool:
    """A negation before the predicate noun ("they're not white supremacists"; the parser may
    hang "not" on the adjective)."""
    return any(t.lower_ in _NEGATIONS for t in head.subtree if t.i < head.i)


_NEGATIONS = frozenset(("not", "n't", "n’t", "never", "no"))


def _speaker_of(head: Token, mentions: list[Mention]) -> Mention | None:
    """The subject of the verb whose clause holds ``head``: "they" in "the KKK members insisted
    they're not supremacists" stands for that subject (when it names an actor)."""
    reported = ("ccomp", "xcomp", "parataxis")  # "X insisted, they're not Y" is parataxis
    clause = head if head.dep_ in reported else clause_of(head)
    if clause is None or clause.dep_ not in reported or clause.head.i == clause.i:
        return None
    for child in clause.head.children:
        if child.dep_ == "nsubj":
            for token in child.subtree:
                found = mention_of(token, mentions)
                # "'They were not soldiers,' said Salif, a survivor": one person is no "they"
                one = found is not None and (
                    found.kind == "person" or described_as_one_person(head.doc[found.head])
                )
                if found is not None and found.role == "actor" and not one:
                    return found
    return None


def predicate_label(token: Token) -> bool:
    """A noun said of something: a copula's complement or a naming verb's second complement."""
    if any(c.dep_ == "cop" for c in token.children):
        return True
    if not lemma_in(token.head, words_with_role("names")):
        return False
    if token.dep_ in ("xcomp", "obl", "advcl"):
        return True  # "described them as terrorists"
    return token.dep_ == "obj" and any(  # "called them terrorists" (two objects)
        c.dep_ == "obj" and c.i < token.i for c in token.head.children
    )
