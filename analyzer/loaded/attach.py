"""Which actor a label names, read from the sentence's dependency parse.

A label attaches, in this order, to:

1. the actor it is itself a name for (a story-pack alias such as "the resistance");
2. the actor a possessive on it refers to ("the Taliban said its fighters ...");
3. the name it describes: "the rebel M23", "Syrian madman Bashar al-Assad";
4. a name that modifies it: "M23 rebels", "the Taliban's fighters", "Ukrainian forces";
5. a name in apposition, after "of" / "as", the name it is called or the first party it lists:
   "M23, a rebel group"; "the terrorists of the so-called X Forces"; "identified the gunman as
   X"; "a group called 'X'"; "groups like ISIS";
6. the subject it is predicated of ("Hezbollah is a terrorist group"; "X insisted they're not
   extremists" is said of X), the object of a naming verb
   ("the US designated the Houthis a terrorist organisation"; read from the word order when the
   parse garbles the label: "calling Mexicans “rapists”"), or the leader of its side ("the
   Taliban massed forces", "Massoud, who led an army of freedom fighters");
7. an apposition or a shared modifier read from the words when the parse missed it ("the
   Northern Alliance, the rebel group that ..."; "US and allied forces");
8. the actor of another label it is said of ("the Houthi rebels are terrorists", "described the
   M23 rebels as criminals"), stands in apposition to, is owned by ("the group's forces") or
   whose modifiers it shares ("al-Shabaab militants and looters");
9. else, for a definite description ("the rebels", "these gunmen", or a label said of a pronoun:
   "they are terrorists", "called them terrorists"): the actor an earlier label of
   the same term named, else the most salient group named in its sentence or the two before,
   leaving out the actors its side acts on or is acted on by ("the militia overran the army's
   base" does not label the army), stands against, is coordinated with, or whose words it is in
   (and, for a plural organisation noun, "the gangs", any organisation named alone, "the Gran
   Grif gang", unless a plural noun named it: "KKK groups");
   a generic or indefinite use ("terrorists who shoot up schools", "a terrorist") and a
   description with no actor near are ``"unresolved"``. Every label of a country's rulers
   ("the regime", "the junta") refers back alike, and with no country near rules the country
   the story is most about. Every label of a protest's crowd ("protesters", "the
   demonstrators") refers back alike, to the crowd a phrase described or else to the crowd
   itself ("protesters"), never to an organisation named nearby.

People without a name are an actor named by the phrase: a name before a relational noun is the
party they stand toward ("Trump protesters" are not Trump), a country before a label other than
its own forces describes its people ("Syrian rebels" are not Syria; "Syrian forces" are), and a
label on a political camp or its members labels the camp ("the radical left", "left-wing
terrorists" -> "the left"). A later bare or
definite use of the same term refers to them ("protesters returned").

A label word inside a name ("National Resistance Front", "Rapid Support Forces") is part of the
name, not a label, and so is a label word that modifies a thing ("fighter jets", "terrorist
attacks"). Dates, places used as locations and sentence openers are never actors: names are found
by part of speech.

What a label's own phrase says is read in :mod:`analyzer.loaded.label_phrase`, the words and
names of states in :mod:`analyzer.loaded.states`, and the facts of the whole story the fallbacks
use (the country it is most about, its dateline) in :mod:`analyzer.loaded.story`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.actors import UNRESOLVED, ActorLayer, Mention
from analyzer.actors.kinds import (
    PLAIN_ORGANISATION,
    civil_organisation,
    commercial,
    intergovernmental,
)
from analyzer.actors.lexicon import (
    demonyms,
    known_countries,
    words_with_role,
)
from analyzer.document import Document
from analyzer.loaded.descriptions import (
    backed_description,
    camp_of_members,
    phrase_description,
    stance_description,
)
from analyzer.loaded.label_phrase import (
    ARMED_MEN,
    OUTLAWS,
    armed_word,
    civil_description,
    in_a_capitalised_title,
    in_a_clause_apart,
    in_country,
    label_family,
    name_it_calls_itself,
    named_object_by_word_order,
    named_under,
    organisation_number,
    people_noun,
    said_of_whoever,
    seized_power_in,
    speakers_group,
    subjects_its_refers_to,
)
from analyzer.loaded.reference import (
    bare,
    counted_in_an_event,
    did_the_killing,
    group_like,
    kind_modified,
    named_pronoun,
    opposing_tokens,
    person_for_a_group,
    specific,
    state_forces,
)
from analyzer.loaded.speakers import affiliations, speaker_mentions
from analyzer.loaded.states import (
    COUNTRY_NOUNS,
    STATE_ARMS,
    STATE_BODIES,
    STATE_ONLY,
    STATE_TITLES,
    a_people,
    domestic_forces,
    federal,
    state_force,
    title_words,
)
from analyzer.loaded.story import StoryFacts
from analyzer.loaded.structure import (
    by_structure,
    naming_clause_antecedent,
    passive_subjects,
    possessive_subjects,
    predicate_label,
)
from analyzer.loaded.syntax import (
    SUBJECTS,
    a_rule_of_law,
    antecedent,
    case_marker,
    inside_name,
    joins_forces,
    marked_possessor,
    mention_in_core,
    mention_of,
    modifies_a_thing,
    names_people,
    one_person,
    phrase_head,
)
from analyzer.words import base_forms, lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Roles of actor_words.csv whose labels name one side alike ("the insurgents" after "rebels").
_KINDRED_ROLES = ("rebellion", "gangland")

#: Words of a noun phrase's own that keep a conjunct from sharing its partner's modifiers.
_OWN_DETERMINERS = frozenset(("det", "amod", "compound", "nmod:poss", "nummod", "flat"))

#: How labels get an actor from their own modifiers; a bare label coordinated with one shares
#: those modifiers ("left-wing [terrorists and traitors]").
CAMP_OF_MEMBERS = "the camp its members belong to"
MODIFIER_RULES = frozenset(
    ("the name that modifies it", "the people the phrase names", CAMP_OF_MEMBERS)
)

#: The actor of a protest's crowd no phrase describes more closely.
CROWD = "protesters"
#: The neutral words for a protest's crowd: another crowd set against them is not them.
_PROTEST_CROWD = frozenset(("protester", "demonstrator"))
#: The words between two coordinated parties: "and", "and its ally", "and its Islamist ally".
_COORDINATION_GAP = re.compile(r"(?:,\s*)?(?:and|or)(?:\s+(?:its|their)(?:\s+[\w-]+){1,2})?")
#: Modifiers by which the text says it does not know whom a label names.
_UNKNOWN = frozenset(("unidentified", "unknown", "unnamed"))
#: What "our" makes a state's when the speaker's side is not named: "our forces", "our troops".
_OUR_FORCES = STATE_ONLY | {"force"}
#: Adjectives that keep a label on the people an earlier one named ("the remaining rebels").
_SAME_PEOPLE = frozenset(
    ("armed", "same", "other", "remaining", "suspected", "alleged", "former", "slain", "captured",
     "surviving", "fleeing", "retreating", "heavily", "many", "several", "few", "last")
)  # fmt: skip
#: Warplanes named by two label words: "fighter-bombers".
_AIRCRAFT = re.compile(r"\bfighter[-‐]bombers?\b", re.IGNORECASE)
#: Determiners of a definite description: "the jihadists", "these insurgents".
_DEFINITE = frozenset(("the", "these", "those"))
#: Dependencies of a name that is what a clause is about, not who acts in it.
_OBJECT_DEPS = frozenset(("obj", "iobj", "obl", "nmod"))
#: Attachments by the label's own phrase, whose number is its actor's: "Haiti's gangs" are
#: several organisations, "the Gran Grif gang" one.
_OWN_NUMBER_RULES = MODIFIER_RULES | {"the name it describes"}
#: Armed men a leader commands, whose owner's state or group they are ("Machar's troops").
_COMMANDED = STATE_ONLY | ARMED_MEN | {"force", "rebel", "guerrilla", "loyalist"}
#: Words in the names of organisations that bear arms.
_ARMED_NAME_WORDS = frozenset(
    ("army", "forces", "front", "brigade", "brigades", "militia", "state", "jihad", "mujahideen",
     "shabaab", "haram", "taliban", "liberation", "resistance", "battalion", "legion", "guard",
     "cartel", "gang", "corps", "maoist", "muslimin", "wal-muslimin", "province", "tehrik")
)  # fmt: skip


def how_names(how: str) -> bool:
    """Whether a structure rule found the actor as the object of a naming verb."""
    return how.startswith("the actor '") and how.endswith("' names")


@dataclass(frozen=True, slots=True)
class Attachment:
    actor: str
    how: str


class LabelAttacher:
    """Attaches the labels of one document, in text order (descriptions refer back); a
    description's actor is looked for up to ``lookback`` sentences before it
    (``LabelSettings.lookback_sentences``)."""

    def __init__(
        self, doc: Document, layer: ActorLayer, label_words: frozenset[str], lookback: int
    ) -> None:
        self._doc = doc
        self._lookback = lookback
        self._layer = layer
        self._story = StoryFacts(doc, layer)  # facts of the whole story, computed once
        self._label_words = label_words  # one-word label terms: "rebel" in "rebel fighters"
        self._by_term: dict[str, list[tuple[int, str]]] = {}
        self._labelled: list[tuple[int, str]] = []  # (sentence, actor) of every label attached
        self._kin_uses: list[tuple[int, str, str]] = []  # (sentence, term, actor), however found
        self._descriptions: set[str] = set()  # actors named by a phrase ("Trump protesters")
        self._labelled_groups: set[str] = set()  # names a plural or collective label described
        self._group_names: set[str] = set()  # names a group goes under ("operating as Fano")
        self._people: list[tuple[int, str]] = []  # (sentence, actor) of one-person labels
        self._by_token: dict[tuple[int, int], str] = {}  # (sentence, noun) -> actor of a label
        self._by_modifiers: set[tuple[int, int]] = set()  # labels whose modifiers named the actor
        self._phrase: tuple[int, int] | None = None  # the label being attached
        self._several: set[str] = set()  # actors a plural organisation noun named
        self._condemns = False  # whether it condemns (its speaker's adversary, not the speaker)
        self._affiliation_cache: dict[str, set[str]] = {}
        self._civil_described: set[str] = set()  # actors the text calls a rights or aid group
        self._armed_named: set[str] = set()  # actors a label of armed men or outlaws named

    def attach(
        self, start: int, end: int, term: str, *, near_only: bool, condemns: bool = False
    ) -> Attachment | None:
        """The actor the label at ``[start, end)`` names, and by which rule (module doc); None
        when the words are not a label here (inside a name, a thing, or a near-only word that
        names nobody). A label that ``condemns`` ("terrorists", "rebels") in someone's words
        never refers back to the speaker's side."""
        self._phrase = None
        self._condemns = condemns
        attached = self._attach(start, end, term, near_only=near_only)
        if attached is not None and self._phrase is not None:  # a later label may be said of it
            noun = self._doc.words.parsed(self._phrase[0])[self._phrase[1]]
            # by its own phrase, not "designated X and Y as terrorist organisations"
            if attached.how in _OWN_NUMBER_RULES and organisation_number(noun) == "several":
                self._several.add(attached.actor)
            self._by_token[self._phrase] = attached.actor
            if attached.actor != UNRESOLVED and civil_description(noun):
                self._civil_described.add(attached.actor)  # "the rights group": no armed men's
            if attached.actor != UNRESOLVED and armed_word(noun, term):
                self._armed_named.add(attached.actor)  # "the jihadist group JNIM"
            if attached.actor != UNRESOLVED:
                self._labelled.append((self._phrase[0], attached.actor))
                self._kin_uses.append((self._phrase[0], term, attached.actor))
            if attached.how in MODIFIER_RULES:
                self._by_modifiers.add(self._phrase)
            # not "the military regimes in Mali and Burkina Faso" for a later "the junta"
            several = label_family(term) == "(rulers)" and noun.tag_ == "NNS"
            if label_family(term) != term and attached.actor != UNRESOLVED and not several:
                # the rulers, however found, for a later "the junta" after "the regime"
                uses = self._by_term.setdefault(label_family(term), [])
                if (self._phrase[0], attached.actor) not in uses:
                    uses.append((self._phrase[0], attached.actor))
        return attached

    def _attach(self, start: int, end: int, term: str, *, near_only: bool) -> Attachment | None:
        doc, layer = self._doc, self._layer
        index = doc.sentence_index(start)
        if index is None:
            return None if near_only else Attachment(UNRESOLVED, "outside the body")
        sdoc, base = doc.words.parsed(index), doc.words.offset(index)
        tokens = [t for t in sdoc if base + t.idx < end and start < base + t.idx + len(t)]
        mentions = layer.mentions(index)
        if not tokens:  # past the part of an overlong "sentence" that is parsed
            return None if near_only else Attachment(UNRESOLVED, "sentence too long to parse")
        if inside_name(mentions, start, end) or in_a_capitalised_title(sdoc, tokens, doc, index):
            return None
        if doc.text[max(0, start - 8) : start].lower() == "counter-":
            return None  # "counter-protesters" are the other crowd, not a use of "protesters"
        if doc.text[max(0, start - 5) : start].lower() == "anti-":
            return None  # "anti-fascists" are against fascists, no use of "fascists"
        if any(m.start() < end and start < m.end() for m in _AIRCRAFT.finditer(
            doc.text, max(0, start - 8), min(len(doc.text), end + 8)
        )):  # fmt: skip
            return None  # "Su-34 fighter-bombers" are aircraft
        head = phrase_head(tokens)
        phrase = self._phrase_noun(head)
        self._phrase = (index, phrase.i)
        named = layer.pack_actor_at(start, end)
        if named is not None:
            return Attachment(named, "it is a name for the actor")
        if modifies_a_thing(head, self._label_words) and mention_of(head.head, mentions) is None:
            return None
        if joins_forces(head) or a_rule_of_law(head, self._label_words):
            return None
        own = {t.i for t in tokens}
        found = by_structure(sdoc, head, mentions, own)
        if found is None and phrase.i != head.i:
            if lemma_in(phrase, words_with_role("camp")):  # "the radical left"
                return self._described(index, term, f"the {phrase.text}", "the camp it describes")
            # "white supremacist organization": the noun's place in the clause
            found = by_structure(sdoc, phrase, mentions, own | {phrase.i})
        if found is not None and found[1] == "the actor its possessive refers to":
            body_state = self._state_of_a_body(found[0], phrase, mentions)
            if body_state is not None:  # "Russia's Defence Ministry said its forces ..."
                return Attachment(body_state, "the state its possessive refers to")
        owner = self._labelled_owner(index, head, phrase) if found is None else None
        if owner is not None:  # "the group's naval forces" after "the group" was attached
            return Attachment(owner, "the actor of the label that owns it")
        owner = self._described_owner(index, start, head, phrase) if found is None else None
        if owner is not None:  # "the brigade's fighters" after "the 444 Brigade"
            return Attachment(owner, "the name its owner's noun repeats")
        state = self._state_body_owner(phrase, mentions) if found is None else None
        if state is not None:  # "The interior ministry said its forces ..."
            return Attachment(state, "the state its possessive refers to")
        before = self._previous_subject(index, phrase) if found is None else None
        if before is not None:  # "Jaish al-Adl ... has carried out attacks. In 2024 its fighters"
            return Attachment(before, "the group its possessive refers to, the last subject")
        if found is None:
            camp = camp_of_members(phrase)
            if camp is not None:  # "left-wing terrorists"
                return self._described(index, term, camp, CAMP_OF_MEMBERS)
        if (
            found is not None
            and ("apposition" in found[1] or "lists" in found[1])
            and person_for_a_group(layer, found[0], head)
        ):
            # "After meeting Kagame, the group ...", "defectors from the organization including
            # Tom Devocht": a group is no person
            found = None
        if found is not None and self._country_for_a_person(found[0], head, found[1]):
            found = None  # "the Syrian dictator" is a person from Syria, not Syria
        if found is not None and how_names(found[1]):
            # "described the Tripoli armed groups as terrorists": the actor the object label
            # named (a description), not a name inside the object
            chained = self._said_of_a_label(index, phrase)
            if chained is not None:
                return Attachment(chained, "the label it is said of")
        if found is not None:
            mention, how = found
            description = phrase_description(layer, doc.text, head, mention)
            if description is not None:
                return self._described(index, term, description, "the people the phrase names")
            actor = layer.actor(mention)
            if how == "the name that modifies it" and not one_person(head):
                # "the Maute terrorist group", "the Maute fighters": named after the family
                actor = self._group_named_after(mention, actor) or actor
            commanded = how == "the name that modifies it" and lemma_in(phrase, _COMMANDED)
            if commanded and layer.kind(actor) == "person":
                # "Abhisit's troops" after "Prime Minister Abhisit Vejjajiva": his state's;
                # "Machar's troops" after "SPLA-IO leader Riek Machar": his group's
                # (a president's "fighters" or "militia" may be his own, not his state's)
                state = (
                    self._story.state_of_an_official(actor)
                    if lemma_in(phrase, STATE_ONLY)
                    else None
                )
                if state is not None:
                    return Attachment(state, "the state of the official who commands them")
                group = self._story.group_a_person_leads(actor)
                if group is not None:
                    return Attachment(group, "the group whose leader commands them")
            former = any(c.lower_ in ("former", "ex") for c in head.children)
            # "the separatist government of Carles Puigdemont": the word describes his
            # government, so no later "the separatists" are the one man
            carried = phrase.i != head.i and layer.kind(actor) == "person"
            if (
                not (label_family(term) == "(rulers)" and head.tag_ == "NNS")
                and not former
                and not carried
            ):
                # not "the military regimes in Mali and Burkina Faso" for a later "the junta";
                # nor "a former French Foreign Legion soldier" for a later "the soldiers"
                self._by_term.setdefault(label_family(term), []).append((index, actor))
            if not one_person(head):  # "Wagner mercenaries": Wagner is a group
                if layer.kind(actor) != "person":  # not "Resistance Commander Ahmad Massoud"
                    self._labelled_groups.add(actor)
            elif layer.kind(actor) not in ("group", "place"):
                self._people.append((index, actor))
            return Attachment(actor, how)
        under = named_under(phrase, mentions)
        if under is not None:  # "an armed group ... has emerged under the name Popular Forces"
            self._group_names.add(layer.actor(under))
            return Attachment(layer.actor(under), "the name it goes under")
        called = name_it_calls_itself(phrase)
        if called is not None:  # "The gang ... calls itself the "Signed in Blood" battalion"
            self._group_names.add(called)
            return self._described(index, term, called, "the name it calls itself")
        if near_only:
            return None
        chained = self._said_of_a_label(index, phrase)
        if chained is not None:  # "the Houthi rebels are terrorists"
            return Attachment(chained, "the label it is said of")
        own_side = self._speakers_side(phrase, start)
        if own_side is not None:  # "'We are not terrorists,' said a spokesman for X"
            return Attachment(own_side, "the speaker's own side ('we', 'our')")
        own_group = self._speakers_organisation(phrase, start)
        if own_group is not None:  # "Robert Chow, spokesman for the Alliance for Peace and
            # Democracy, said the group had collected ...": his organisation, not one before
            return Attachment(own_group, "the organisation its speaker speaks for")
        if predicate_label(phrase) and any(
            c.dep_ in SUBJECTS and c.lower_ in ("he", "she") for c in phrase.children
        ):  # "He is a criminal and a murderer": one man, never a group named nearby
            return Attachment(UNRESOLVED, "said of one person the text calls he or she")
        crowd = label_family(term) == "(crowd)"  # "those who burned shops are not protesters"
        if not crowd and said_of_whoever(phrase):  # "those who attacked them were criminals"
            return Attachment(UNRESOLVED, "said of whoever a clause describes, no one named")
        return self._by_reference(index, phrase, start, term, mentions)

    def _previous_subject(self, index: int, phrase: Token) -> str | None:
        """For "its" on the subject of a sentence's main clause, the group that is the subject
        of the sentence before ("Jaish al-Adl has carried out attacks ... In 2024 its fighters
        killed ten police officers")."""
        main_subject = phrase.dep_ in ("nsubj", "nsubj:pass") and phrase.head.dep_ == "ROOT"
        if (
            index == 0
            or not main_subject
            or not any(c.dep_ == "nmod:poss" and c.lower_ == "its" for c in phrase.children)
        ):
            return None
        if not self._doc.words.is_parsed(index - 1):
            return None
        root = next((t for t in self._doc.words.parsed(index - 1) if t.dep_ == "ROOT"), None)
        if root is None:
            return None
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        found = mention_in_core(subject, self._layer.mentions(index - 1)) if subject else None
        if found is None or found.role != "actor":
            return None
        actor = self._layer.actor(found)
        return actor if self._layer.kind(actor) == "group" else None

    def _subject_before(self, index: int, phrase: Token, groups: list[Mention]) -> str | None:
        """For "the ..." opening a sentence as its main clause's subject, the group among
        ``groups`` that is the subject of the sentence before's main clause."""
        if index == 0 or phrase.dep_ not in SUBJECTS or phrase.head.dep_ != "ROOT":
            return None
        if phrase.left_edge.i != 0:
            return None  # "One worker told his family the killers had ...": not where it opens
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.children):
            return None
        if not self._doc.words.is_parsed(index - 1):
            return None
        root = next((t for t in self._doc.words.parsed(index - 1) if t.dep_ == "ROOT"), None)
        subject = next((c for c in root.children if c.dep_ in SUBJECTS), None) if root else None
        before = [m for m in groups if m.sentence == index - 1]
        found = mention_in_core(subject, before) if subject is not None else None
        return self._layer.actor(found) if found is not None else None

    def _state_of_a_body(self, body: Mention, phrase: Token, mentions: list[Mention]) -> str | None:
        """The state whose named body or titled official owns a state noun ("Russia's Defence
        Ministry said its forces", "Army chief X said ... his troops"): the country named on
        the body, else the story's country; None when the owner is neither."""
        sdoc = phrase.doc
        last = sdoc[body.last] if body.last >= 0 else None
        if last is None or not lemma_in(phrase, words_with_role("state")):
            return None
        person = self._layer.kind(self._layer.actor(body)) == "person"
        titled = person and any(lemma_in(t, STATE_TITLES) for t in title_words(sdoc, body))
        if not lemma_in(last, STATE_BODIES | {"ministry"}) and not titled:
            return None  # "Army chief Abdel Fattah al-Burhan said ... his troops": the army's
        for token in sdoc[body.first : body.last + 1]:
            for child in (*token.children, token):
                country = mention_of(child, mentions)
                if country is not None and country is not body:
                    actor = self._layer.actor(country)
                    if self._layer.kind(actor) == "place":
                        return actor
        return self._story.country(set())

    def _state_body_owner(self, phrase: Token, mentions: list[Mention]) -> str | None:
        """ "The interior ministry said its forces had launched an operation", "the country's
        forces": a possessive that refers to a state's body or to the country by a common noun
        is the state's, the country the story is in; not the group it is about."""
        for subject in possessive_subjects(phrase):
            if mention_of(subject, mentions) is not None:
                return None
            state_body = lemma_in(subject, words_with_role("state") | STATE_BODIES)
            if state_body and lemma_in(phrase, words_with_role("state")):
                return self._story.country(set())
        if lemma_in(phrase, words_with_role("state")) and any(
            c.dep_ == "nmod:poss" and c.lemma_.lower() in COUNTRY_NOUNS for c in phrase.children
        ):  # "the country's forces", not "the country's most powerful gangs"
            return self._story.country(set())
        return None

    def _described_owner(self, index: int, start: int, head: Token, phrase: Token) -> str | None:
        """A definite owner that repeats the last word of a name in its sentence or the one
        before: "the brigade's fighters" after "the 444 Brigade" are the 444 Brigade's (not,
        far on, "the movement's fighters" a Hezbollah leader speaks of after the Amal Movement)."""
        for noun in dict.fromkeys((head, phrase)):
            for child in noun.children:
                # "the" before it, wherever the parse hangs it ("the front's fighters")
                definite = child.i > 0 and child.doc[child.i - 1].lower_ == "the"
                # not "the army's troops": a state's army is no "Arakan Army" named before
                state = lemma_in(child, words_with_role("state") | STATE_ARMS)
                if marked_possessor(child) and child.pos_ == "NOUN" and definite and not state:
                    return self._named_alike(index, start, child, set(), since=index - 1)
        return None

    def _labelled_owner(self, index: int, head: Token, phrase: Token) -> str | None:
        """The actor of an earlier label that owns this one: "the group's forces", or "the group
        hailed its gunmen", a possessive pronoun referring to a label as the clause's subject."""
        for noun in dict.fromkeys((head, phrase)):
            owners = [c for c in noun.children if marked_possessor(c) and c.pos_ != "PRON"]
            for owner in (*owners, *subjects_its_refers_to(noun)):
                actor = self._by_token.get((index, owner.i))
                if actor is not None and actor != UNRESOLVED:
                    return actor
        return None

    def _speakers_organisation(self, phrase: Token, start: int) -> str | None:
        """For "the group" (an organisation's plain noun, definite) in what a person says, the
        one organisation the source phrase says he speaks for; None for a condemning label or
        a source that names no person or several organisations, or when what he says names
        another group before it ("MHP leader Devlet Bahçeli suggested that PKK ringleader
        Abdullah Öcalan could declare ... the dissolution of the group": the PKK)."""
        if self._condemns or not lemma_in(phrase, PLAIN_ORGANISATION) or phrase.tag_ != "NN":
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.children):
            return None
        layer = self._layer
        speakers = speaker_mentions(self._doc, layer, start, pronouns=False)
        kinds = {layer.actor(m): layer.kind(layer.actor(m)) for m in speakers}
        groups = [actor for actor, kind in kinds.items() if kind == "group"]
        person = "person" in kinds.values()
        if not person or len(groups) != 1:
            return None
        index = self._doc.sentence_index(start)
        others = [
            m
            for m in (layer.mentions(index) if index is not None else [])
            if m.end <= start and m.role == "actor" and m not in speakers
            and layer.kind(layer.actor(m)) == "group" and layer.actor(m) not in kinds
        ]  # fmt: skip
        return None if others else groups[0]

    def _earlier_of_family(self, term: str, head: Token, opposed: set[str]) -> str | None:
        """A news story keeps one name for one side: "the rebels" are the M23 rebels of its
        opening however far back, unless the term has named someone else since; but not a
        side named once in passing ("toppled in 2013 by the Seleka rebels") over the side the
        story is about, named as often by the term and far more in all."""
        layer = self._layer
        valid = [
            actor
            for _, actor in self._by_term.get(label_family(term), [])
            if actor != UNRESOLVED
            and actor not in opposed
            and (not state_forces(head) or layer.kind(actor) == "place")  # "federal forces"
        ]
        if not valid:
            return None
        latest, times = valid[-1], Counter(valid)
        salience = layer.salience
        main = max(times, key=lambda a: (times[a], salience.get(a, 0)))
        if times[main] >= times[latest] and salience.get(main, 0) > 2 * salience.get(latest, 0):
            return main
        return latest

    def _affiliations(self, speakers: set[str]) -> set[str]:
        """The groups the people among ``speakers`` speak for anywhere in the text."""
        found: set[str] = set()
        for person in speakers:
            if self._layer.kind(person) == "person":
                if person not in self._affiliation_cache:
                    self._affiliation_cache[person] = affiliations(self._doc, self._layer, person)
                found |= self._affiliation_cache[person]
        return found

    def _group_named_after(self, mention: Mention, actor: str) -> str | None:
        """The one group the story names after a person a group's label is modified by ("the
        Maute fighters" are the Maute Group's, not Omar Maute's); None for no such person."""
        layer = self._layer
        if layer.kind(actor) != "person":
            return None
        surname = mention.name.split()[-1].lower()
        groups = {
            a for a in layer.salience
            if layer.kind(a) == "group" and surname in a.lower().split()[:-1]
        }  # fmt: skip
        return groups.pop() if len(groups) == 1 else None

    def _country_for_a_person(self, mention: Mention, head: Token, how: str) -> bool:
        """A country modifying a label for one person ("the North Korean dictator") says where
        the person is from; only a state label ("the Syrian regime") is the country's own."""
        actor = self._layer.actor(mention)
        return (
            how == "the name that modifies it"
            and (self._layer.kind(actor) == "place" or a_people(actor))  # "a Palestinian gunman"
            and one_person(head)
            and not lemma_in(head, words_with_role("state"))
        )

    def _speakers_side(self, phrase: Token, start: int) -> str | None:
        """The actor a first-person subject or owner stands for in a quotation ("we are not
        terrorists", "our fighters"): the speaker's group for "we"/"our", the speaker for "I"."""
        first_person = [
            c.lower_
            for c in phrase.children
            if (c.dep_ in SUBJECTS and c.lower_ in ("i", "we") and predicate_label(phrase))
            or (c.dep_ == "nmod:poss" and c.lower_ in ("my", "our"))
        ]
        verb = phrase.head  # "They call us terrorists": the object a naming verb names
        if verb.i != phrase.i and lemma_in(verb, words_with_role("names")):
            first_person += [
                {"us": "we", "me": "i"}[c.lower_]
                for c in verb.children
                if c.lower_ in ("us", "me") and c.dep_ in ("obj", "iobj") and c.i < phrase.i
            ]
        if not first_person:
            return None
        speakers = speaker_mentions(self._doc, self._layer, start, pronouns=False)
        plural = first_person[0] in ("we", "our")
        kinds = ("group", "place") if plural else ("person",)
        layer = self._layer
        fitting = [m for m in speakers if layer.kind(layer.actor(m)) in kinds]
        if fitting:
            return layer.actor(fitting[-1])
        armed = plural and (lemma_in(phrase, _OUR_FORCES) or state_forces(phrase))
        if armed:  # "Captain X, spokesman for the FARDC, said: 'Our forces ...'": his group's
            people = {layer.actor(m) for m in speaker_mentions(self._doc, layer, start)}
            sides = self._affiliations(people)
            if len(sides) == 1:
                return sides.pop()
        # "'Our forces and the brave macawisley are regrouping,' the defence minister said":
        # a state's forces, the country's the story is about, never the group they fight
        return self._home_forces(phrase, ours=True) if armed else None

    def _said_of_a_label(self, index: int, phrase: Token) -> str | None:
        """The actor of another label this one is predicated of: the subject of "X are Y", the
        object of "called X Y" / "described X as Y", the label it stands in apposition to; or of
        the predicate label it is coordinated with ("called the RSF 'rebels' and 'mercenaries'")."""
        shares_modifiers = (index, phrase.head.i) in self._by_modifiers and not any(
            c.dep_ in _OWN_DETERMINERS for c in phrase.children
        )  # "left-wing terrorists and traitors", not "M23 rebels and the army's soldiers"
        if phrase.dep_ == "conj" and (predicate_label(phrase.head) or shares_modifiers):
            actor = self._by_token.get((index, phrase.head.i))
            if actor is not None and actor != UNRESOLVED:
                return actor
        verb = phrase.head
        others: list[Token] = []
        if any(c.dep_ == "cop" for c in phrase.children):
            others = [c for c in phrase.children if c.dep_ in SUBJECTS]
        elif phrase.dep_ in ("xcomp", "obj", "obl", "advcl") and lemma_in(
            verb, words_with_role("names")
        ):
            others = [
                c
                for c in verb.children
                if c.i < phrase.i
                and (c.dep_ == "obj" or (c.dep_ == "obl" and case_marker(c) == "to"))
            ]  # "refer to the rebels as an armed criminal group"
            # "the group, which is designated a terrorist organisation": the passive subject
            others += [antecedent(c) for c in verb.children if c.dep_ == "nsubj:pass"]
        elif (
            phrase.dep_ == "nmod"
            and case_marker(phrase) == "as"
            and lemma_in(verb.head, words_with_role("names"))
        ):  # "described the RSF fighters as 'terrorist militias'", "as" hung on the object;
            # "the rebels were described by the army as terrorists", hung on the agent
            # the agent names; only an object is named
            others = passive_subjects(verb) if verb.dep_ == "obl:agent" else [verb]
        elif phrase.dep_ == "appos":  # "the gang leaders, 'terrorists' ...": the same people
            others = [verb]
        named = naming_clause_antecedent(phrase)
        if named is not None:  # "the jihadists, whom he called 'terrorists'"
            others.append(named)
        others.extend(named_object_by_word_order(phrase))
        for other in others:
            # "described some of the marchers as vandals": the label said of the part's whole
            wholes = [c for c in other.children if c.dep_ == "nmod" and case_marker(c) == "of"]
            for token in (other, *wholes):
                actor = self._by_token.get((index, token.i))
                if actor is not None and actor != UNRESOLVED:
                    return actor
            definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in other.children)
            if definite and lemma_in(other, PLAIN_ORGANISATION) and other.tag_ == "NN":
                # "designated the movement a foreign terrorist organisation": the story's group
                # ("the masked groups, which were described as thugs" are several, not it)
                return self._story_organisation(set())
        return None

    def _description_for(self, term: str) -> str | None:
        """The actor named by a phrase that an earlier use of ``term`` labelled, if any."""
        earlier = (actor for _, actor in reversed(self._by_term.get(label_family(term), [])))
        return next((actor for actor in earlier if actor in self._descriptions), None)

    def _recent_kindred(self, term: str, opposed: set[str], since: int) -> str | None:
        """The actor a label of the same kind as ``term`` named, however it was found, in
        sentence ``since`` or later (the latest such label)."""
        kind = next((k for k in map(words_with_role, _KINDRED_ROLES) if term in k), None)
        if kind is None:
            return None
        recent = [
            actor
            for sentence, word, actor in self._kin_uses
            if word in kind and sentence >= since and actor not in opposed
        ]
        return recent[-1] if recent else None

    def _kindred_label(self, term: str, opposed: set[str]) -> str | None:
        """The actor the latest earlier label of the same kind named ("rebels", "insurgents",
        "guerrillas" are one side's names), however it was found, if ``term`` is of a kind."""
        return self._recent_kindred(term, opposed, since=0)

    def _described(self, index: int, term: str, actor: str, how: str) -> Attachment:
        """An actor without a name, named by the phrase; later uses of the term may refer to it."""
        self._descriptions.add(actor)
        self._by_term.setdefault(label_family(term), []).append((index, actor))
        return Attachment(actor, how)

    def _phrase_noun(self, head: Token) -> Token:
        """The noun a label word modifies when that noun is a person, a group or another label
        ("terrorist cell", "rebel leader"): it, not the modifier, has a role in the clause."""
        token = head
        while (
            token.dep_ in ("compound", "amod")
            and token.head.pos_ == "NOUN"
            and token.head.i != token.i
            and (people_noun(token.head) or lemma_in(token.head, self._label_words))
            # a quotation mark between ends the phrase: "the gang members 'terrorists'"
            and not any(t.is_quote for t in token.doc[token.i + 1 : token.head.i])
        ):
            token = token.head
        return token

    def _by_reference(
        self, index: int, head: Token, start: int, term: str, mentions: list[Mention]
    ) -> Attachment:
        """Rule 9: a definite description refers back to an actor; a generic or indefinite use
        ("terrorists who shoot up schools", "a terrorist") names no one."""
        layer = self._layer
        if any(t.lower_ in _UNKNOWN for t in head.doc[max(0, head.i - 2) : head.i]):
            # "unidentified attackers", whatever the parse made of "unidentified"
            return Attachment(UNRESOLVED, "the text says no one knows who they are")
        if term in words_with_role("status"):  # "illegal aliens" are no group named nearby
            return Attachment(UNRESOLVED, "people of a status, whom no organisation stands for")
        if one_person(head) and did_the_killing(head) and self._story.identified_perpetrator:
            # "a radical Islamic terrorist had assassinated the diplomat" ... "authorities
            # identified the gunman as Mevlut Mert Altintas"
            return Attachment(
                self._story.identified_perpetrator, "the attacker the story identifies"
            )
        # Headlines drop their articles and tell in the present: "..., group says" is the group,
        # "Militants attack ..." some militants in particular
        headline = head.tag_.startswith("NN") and self._doc.lines.kind_at(start) == "headline"
        crowd = label_family(term) == "(crowd)"
        if crowd and (
            specific(head, self._label_words)
            or headline  # "Protesters occupy campus"
            or counted_in_an_event(head)  # "thousands of protesters gathered"
            or self._description_for(term) is not None
        ):
            return self._crowd(index, term, head, mentions)
        if lemma_in(head, STATE_ONLY):
            countries = [m for m in mentions if in_country(head, m, layer)]
            seized = seized_power_in(head, countries)
            if seized is not None:
                # "soldiers who seized power in Niger" are Niger's, however often France is named
                return Attachment(layer.actor(seized), "the country it seized power in")
        if not specific(head, self._label_words) and not headline:
            # "protesters gathered" after "Trump protesters": the same people
            earlier = self._description_for(term)
            if earlier is not None and bare(head) and not kind_modified(head, self._label_words):
                # not "Rights groups called for ..." after "the Iran-aligned group"
                return Attachment(earlier, f"an earlier '{term}' named these people")
            backed = backed_description(self._doc, index, head, mentions) if bare(head) else None
            if backed is not None:  # "Anti-Taliban fighters regrouped"
                return self._described(index, term, backed, "the people the phrase names")
            federal = self._federal_forces(head, set())
            if federal is not None:  # "federal troops" after "Ethiopia's federal army"
                return federal
            home = self._home_forces(head)
            if home is not None:  # "Two soldiers were wounded" in a story about Mexico
                by_rulers = home == self._rulers_country(set())
                why = "the country whose rulers the story names" if by_rulers else None
                return Attachment(home, why or "the country the story is most about")
            return Attachment(UNRESOLVED, "a generic or indefinite use names no one in particular")
        # "The Israeli military said troops were sent": a state's own forces may be its speaker's
        own_forces = lemma_in(head, words_with_role("state")) and not self._condemns
        opposed_tokens = opposing_tokens(head, speaker=not own_forces)
        opposed = {layer.actor(m) for m in mentions if m.first >= 0 and m.head in opposed_tokens}
        in_countries = [m for m in mentions if in_country(head, m, layer)]
        if in_countries and label_family(term) == "(rulers)":  # "the juntas that seized power in
            # Niamey and Ouagadougou": the rulers of the first country their own phrase names
            return Attachment(layer.actor(in_countries[0]), "the country its phrase puts it in")
        if lemma_in(head, STATE_ONLY):  # "Soldiers in Guinea-Bissau have seized power",
            # "carried him through the streets of Libreville": where a state's soldiers are
            # says nothing against their being its own
            opposed -= {
                layer.actor(m) for m in mentions if m in in_countries or m.role == "location"
            }
        # "'The terrorists will pay,' Netanyahu said": not his side; nor do "the attackers" a
        # source reports on name the source ("ISPR said all six attackers were killed").
        if self._condemns or label_family(term) == "(perpetrator)":
            speakers = {layer.actor(m) for m in speaker_mentions(self._doc, layer, start)}
            opposed |= speakers
            # "'These mercenaries ...,' Charles told reporters", "'The attackers have nowhere to
            # go,' Wekesa said": not the police or army the speaker was introduced as speaking for
            opposed |= self._affiliations(speakers)
        namer = self._namer_of_its_sentence(head, mentions) if self._condemns else None
        if namer is not None:  # "Baku demanded ... that what it called the "puppet regime"
            opposed.add(namer)  # dissolve itself": not Baku's own regime
        if lemma_in(head, PLAIN_ORGANISATION) and not self._condemns:
            opposed -= speakers_group(head, mentions, layer)
        number = organisation_number(head)
        if number == "several":  # "the gangs" are not the Gran Grif gang
            opposed |= self._not_several()
        candidates = [
            m
            for i in range(max(0, index - self._lookback), index + 1)
            for m in (mentions if i == index else layer.mentions(i))
            if m.role != "location"
            and layer.actor(m) not in opposed
            and not self._never_referred_to(m)
        ]
        pronoun = named_pronoun(self._phrase_noun(head))
        antecedent = self._pronoun_antecedent(index, pronoun, opposed) if pronoun else None
        if antecedent is not None:  # "blamed X and its ally Y, calling them terrorists"
            return Attachment(antecedent, "the party the pronoun it is said of refers to")
        # "the tribal fighters" after "Druze fighters", "the rights group" after "the jihadist
        # group": a kind of its own, not the same people
        own_kind = civil_description(head) or any(
            c.dep_ == "amod" and c.pos_ == "ADJ" and c.is_lower and c.i < head.i
            and c.lower_ not in _SAME_PEOPLE and not lemma_in(c, self._label_words)
            for c in head.children
        )  # fmt: skip
        named_before = self._group_named_before(index, head, mentions, opposed, start)
        if named_before is not None:  # "branded the RSF terrorists and urged ... to designate
            # the group": the group its own sentence names, not one a "group" named long before
            return Attachment(named_before, "the group named before it in its sentence")
        reporter = self._reporting_country(start, opposed) if lemma_in(head, STATE_ONLY) else None
        if reporter is not None:  # "An Indian security official said ... troops had been
            # ordered to respond": his country's, whoever's troops the story named last
            return Attachment(reporter, "the country of the source that reports it")
        earlier = self._earlier_of_family(term, head, opposed) if not own_kind else None
        if earlier is not None:
            return Attachment(earlier, f"an earlier '{term}' named this actor")
        alike = self._named_alike(index, start, head, opposed)
        if alike is not None:  # "the Rapid Support Forces ... the forces"
            return Attachment(alike, "the name whose head word it repeats")
        backed = backed_description(self._doc, index, head, mentions) if bare(head) else None
        if backed is not None:  # "Pro-Russian separatists shelled ...": they, not a group named
            return self._described(index, term, backed, "the people the phrase names")  # near
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
        recent = self._recent_kindred(term, opposed, since=index - 1) if definite else None
        if recent is not None:  # "... to fight the insurgents. Rights groups accuse the
            # jihadists": one side's names in a row, not the militia named in between
            return Attachment(recent, "a label of the same kind just before named this actor")
        person = lemma_in(head, self._label_words) or names_people(head)
        # "the junta leader": the junta is the rulers; "the dictatorship", though its entry is
        # "dictator", is rulers too
        rulers = label_family(term) == "(rulers)" or lemma_in(head, words_with_role("ruling"))
        if one_person(head) and person and not rulers:  # "the gunman" is a person, not a group
            return self._person_before(index, start, head, candidates)
        # A country is its state's "forces" or "regime", never "the militants" or "the group";
        # soldiers, troops and police are a state's, never those of an armed group named near
        # ("an attack that killed two soldiers" after the ELN).
        # "paramilitary forces", "rebel forces": the label, not the noun it rides on, says whose
        carried = " " not in term and term not in (head.lower_, head.lemma_.lower())
        state = (lemma_in(head, words_with_role("state")) and not carried) or rulers
        # soldiers, police and "security forces" are a state's, never an armed group's
        state_only = lemma_in(head, STATE_ONLY) or (
            state_forces(head)  # "security forces", "government troops"
        )
        # "the militia" near "Human Rights Watch": a rights group, an agency or a newspaper is
        # "the group" or "the organisation", never the militia, the rebels or the gunmen
        organisation_noun = lemma_in(head, PLAIN_ORGANISATION)
        # "rebel forces", "separatist fighters": the label word says so, whatever the noun
        outlaws = (
            label_family(term) == "(perpetrator)" or lemma_in(head, OUTLAWS) or term in OUTLAWS
        )
        # nor is a state's army or guard "the group" ("the group is no ordinary gang")
        outlaws = outlaws or head.lemma_.lower() == "group"
        # a people is no armed men's group ("loyalist paramilitaries" near "Roma families")
        armed = lemma_in(head, ARMED_MEN) or term == "armed men"
        groups = [
            m
            for m in candidates
            if (group_like(layer, m) or layer.actor(m) in self._labelled_groups)
            and (state or layer.kind(layer.actor(m)) != "place")
            and (not state_only or layer.kind(layer.actor(m)) == "place")
            and (organisation_noun or not self._civil(layer.actor(m)))
            and not self._story.a_state_body(layer.actor(m))
            and not ((outlaws or armed or organisation_noun) and intergovernmental(layer.actor(m)))
            and not ((outlaws or armed) and commercial(layer.actor(m)))
            and not (outlaws and state_force(layer.actor(m)))
            and not (outlaws and layer.actor(m) in self._story.state_allies)
            and not ((outlaws or armed) and a_people(layer.actor(m)))
        ]
        countries = [m for m in groups if layer.kind(layer.actor(m)) == "place"]
        if state and any(c.lower_ == "foreign" for c in head.children if c.i < head.i):
            # "the foreign troops would be treated as invaders": not the story's own state
            return Attachment(UNRESOLVED, "foreign forces are no state named near")
        if rulers or state_only:  # a region or a city named near has no rulers or army
            countries = [m for m in countries if layer.actor(m) in known_countries()]
        if (state and countries) or rulers or state_only:  # "the regime" is a country's, never
            groups = countries  # a militia's; "security forces" never a region's ("Kaduna state")
        federal = self._federal_forces(head, opposed)
        if federal is not None:  # "fought federal forces" after "Ethiopia's federal army"
            return federal
        home = self._story.dateline_country if domestic_forces(head) else None
        if home is not None and home not in opposed and layer.salience.get(home, 0) > 0:
            # "ADDIS ABABA (Reuters) - ... Fano militiamen fighting federal troops": the
            # government of the country the story is filed from, when the story names it
            return Attachment(home, "the government of the country the story is filed from")
        reporter = self._reporting_country(start, opposed) if state or state_only else None
        if reporter is not None:  # "A Congolese army officer said ... soldiers had repelled
            # the enemy": the soldiers of the side that reports them, not a rival named near
            return Attachment(reporter, "the country of the source that reports it")
        if (
            (rulers or state_only)
            and groups
            and all(m.sentence != index or in_a_clause_apart(head, m) for m in groups)
        ):
            # "BAMAKO, Mali - ... fuel from Senegal ... The junta deployed soldiers": the story's
            # own country, unless a country named before it is named more
            ruled = self._rulers_country(opposed) if state_only else None
            if ruled is not None:  # "the junta's troops" after "the junta" was Myanmar's
                return Attachment(ruled, "the country whose rulers the story names")
            story = self._country_for(opposed, state_only=state_only)
            top = max(self._story.times_named(layer.actor(m)) for m in groups)
            if story is not None and self._story.times_named(story) >= top:
                return Attachment(story, "the country the story is most about")
        continued = self._subject_before(index, head, groups)
        if continued is not None:  # "the Arakan Army (AA) now holds 14 of 17 townships. The
            # group has said ...": the subject goes on, whatever group the story names most
            return Attachment(continued, "the subject of the sentence before")
        # The story's main actor first (a news story's "the group" is mostly its subject),
        # then the subject of a clause over an object, then the latest named; with none named,
        # a group labelled nearby ("a spokesman for the group").
        ranked = [((layer.salience[layer.actor(m)], self._role_rank(m), m.sentence, m.start),
                   layer.actor(m)) for m in groups]  # fmt: skip
        # soldiers are no armed group's, nor "the tribal fighters" the group labelled before
        if not ranked and not rulers and not state_only and not own_kind:
            # the same bodies as above stay out: "Deep South Watch, an independent group ...
            # has also condemned the insurgents"
            ranked = [((layer.salience[actor], 0, -1, -1), actor)
                      for actor in self._labelled_near(index, opposed)
                      if (organisation_noun or not self._civil(actor))
                      and not self._story.a_state_body(actor) and not (outlaws and state_force(actor))
                      and not ((outlaws or armed) and a_people(actor))]  # fmt: skip
        if ranked:
            return Attachment(max(ranked)[1], "the most salient group named nearby")
        group_noun = lemma_in(head, words_with_role("group")) and not state_only
        # "These terrorists want Malians to turn against their army": the armed group the
        # story is about, when no group is named near
        outlaws_named = outlaws and definite and not own_kind
        one = number != "several" or outlaws_named
        main = (
            self._story_organisation(
                opposed, armed=outlaws_named, named_armed=armed_word(head, term)
            )
            if (group_noun or outlaws_named) and one
            else None
        )
        if main is not None:  # "the group", "the Iran-backed group": one organisation
            return Attachment(main, "the organisation the story is most about")
        # "The attackers held the hotel", "Gunmen kill 19 at hotel", "terrorists turn beach into
        # killing ground": the one group the story says claimed the attack, unless the story
        # names another armed organisation more ("the ADF ... Islamic State claimed the attack")
        outlaw_word = lemma_in(head, OUTLAWS) or term in OUTLAWS
        perpetrators = label_family(term) == "(perpetrator)" or outlaw_word
        claimant = self._story.claimant if perpetrators and not one_person(head) else None
        if claimant is not None and claimant not in opposed:
            story_armed = self._story_organisation(opposed, armed=True, named_armed=True)
            if story_armed in (None, claimant):
                return Attachment(claimant, "the group that claimed the attack")
        backed = backed_description(self._doc, index, head, mentions)
        if backed is not None:  # "the U.S.-backed forces" with no group named nearby
            return self._described(index, term, backed, "the people the phrase names")
        kindred = self._kindred_label(term, opposed)
        if kindred is not None:  # "the insurgents" after "M23 rebels", no group named nearby
            return Attachment(kindred, "an earlier label of the same kind named this actor")
        if rulers or state_only:  # "the junta", "soldiers": the story's country
            ruled = self._rulers_country(opposed) if state_only else None
            if ruled is not None:
                return Attachment(ruled, "the country whose rulers the story names")
            country = self._country_for(opposed, state_only=state_only)
            if country is not None:
                return Attachment(country, "the country the story is most about")
        return Attachment(UNRESOLVED, "no actor named nearby")

    def _country_for(self, opposed: set[str], *, state_only: bool) -> str | None:
        """The country a state's label means when no phrase says: for soldiers, police and
        security forces, the one whose forces the text names among those named most."""
        story = self._story
        return story.country_of_forces(opposed) if state_only else story.country(opposed)

    def _namer_of_its_sentence(self, head: Token, mentions: list[Mention]) -> str | None:
        """For a label that "it" or "they" gives by a naming verb ("what it called the puppet
        regime"), the subject of its sentence's main clause, whom the pronoun refers to."""
        verb = head.head
        if verb.i == head.i or not lemma_in(verb, words_with_role("names")):
            return None
        if not any(c.dep_ == "nsubj" and c.lower_ in ("it", "they") for c in verb.children):
            return None
        root = next((t for t in head.doc if t.dep_ == "ROOT"), None)
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root else None
        found = mention_in_core(subject, mentions) if subject is not None else None
        return self._layer.actor(found) if found is not None and found.role == "actor" else None

    def _reporting_country(self, start: int, opposed: set[str]) -> str | None:
        """The one country whose demonym describes the source of the reported speech at
        ``start`` ("a Congolese army officer"), unless the source condemns; a country that is
        itself the source ("Israel says ... government forces") may speak of anyone's."""
        if self._condemns:
            return None
        layer, text = self._layer, self._doc.text
        found = {
            layer.actor(m)
            for m in speaker_mentions(self._doc, layer, start, pronouns=False)
            if text[m.start : m.end].lower() in demonyms()
        } & known_countries()
        found -= opposed
        return found.pop() if len(found) == 1 else None

    def _civil(self, actor: str) -> bool:
        """A non-combatant organisation, by its name ("Human Rights Watch") or by what the text
        calls it ("the BYC ... the rights group")."""
        return civil_organisation(actor) or actor in self._civil_described

    def _rulers_country(self, opposed: set[str]) -> str | None:
        """The country an earlier "junta" or "regime" named, whose soldiers and troops a story
        about those rulers means; not a country named once in passing ("the aggression by the
        Zionist regime" in a story about Iran)."""
        ruled = (a for _, a in reversed(self._by_term.get("(rulers)", [])) if a not in opposed)
        return next(
            (a for a in ruled if a in known_countries() and self._story.times_named(a) >= 2), None
        )

    def _federal_forces(self, head: Token, opposed: set[str]) -> Attachment | None:
        """ "Federal troops" of the one country the text calls federal."""
        country = self._story.federal_country if federal(head) and state_forces(head) else None
        if country is None or country in opposed:
            return None
        return Attachment(country, "the country the text calls federal")

    def _home_forces(self, head: Token, ours: bool = False) -> str | None:
        """Soldiers, troops or police no phrase sorts into anyone's (or, ``ours``, any "our
        forces"): the story country's, when the story is about one country and does not call
        them foreign."""
        if not (ours or lemma_in(head, STATE_ONLY) or state_forces(head)):
            return None
        if any(c.lower_ in ("foreign", "international", "peacekeeping") for c in head.children):
            return None
        ruled = self._rulers_country(set())
        if ruled is not None:  # "the junta" was Myanmar's: so are its soldiers
            return ruled
        story = self._story.country_of_forces(set())
        if story is None:
            return None
        # only a story clearly about one country: not Pakistan's war named as often as
        # Afghanistan, unless only one of them has its army or police named by it
        times, story_forces = self._story.times_named(story), self._story.names_forces_of(story)
        rivals = [
            c
            for c in known_countries()
            if c != story
            and self._story.times_named(c) >= times
            and not (story_forces and not self._story.names_forces_of(c))
        ]
        return None if rivals else story

    def _crowd(self, index: int, term: str, head: Token, mentions: list[Mention]) -> Attachment:
        """ "The demonstrators", "the protesters": the people an earlier label of the crowd
        named, else a description ("Hong Kong protesters"), else the crowd itself; never the
        European Union or the ministry named nearby. An indefinite crowd ("thousands of
        protesters") names no one in particular, as any indefinite label."""
        if not lemma_in(head, _PROTEST_CROWD) and any(
            lemma_in(head.doc[i], _PROTEST_CROWD) for i in opposing_tokens(head)
        ):
            # "a mob of men attacked protesters": a crowd set against the protesters is another
            return Attachment(UNRESOLVED, "a crowd set against the protest's crowd")
        stance = stance_description(head)
        if stance is not None:  # "anti-racism demonstrators" are not the rioters named before
            if lemma_in(head, _PROTEST_CROWD):
                # "anti-government demonstrators" and "anti-government protesters": one crowd
                stance = stance[: len(stance) - len(head.text)] + CROWD
            return self._described(index, term, stance, "the crowd its stance names")
        earlier = self._description_for(term)
        if earlier is not None:
            return Attachment(earlier, "the crowd an earlier label named")
        backed = backed_description(self._doc, index, head, mentions) if bare(head) else None
        if backed is not None:
            return self._described(index, term, backed, "the people the phrase names")
        if not lemma_in(head, _PROTEST_CROWD) and not self._story.has_a_protest:
            # "Looters ransacked warehouses" in a war story: no protest's crowd to be part of
            return Attachment(UNRESOLVED, "no protest in the story for the crowd to be part of")
        return self._described(index, term, CROWD, "the people in the street it names")

    def _not_several(self) -> set[str]:
        """The actors "the gangs" or "the groups" cannot refer to: every actor but those a plural
        organisation noun named, here or anywhere in the text ("Haiti's gangs", "KKK groups": a
        movement of several). A named group is one organisation ("the Gran Grif gang", ISWAP)."""
        several = self._several | self._story.named_as_several
        named = set(self._layer.salience) | {actor for _, actor in self._labelled}
        return named - several

    def _group_named_before(
        self, index: int, head: Token, mentions: list[Mention], opposed: set[str], start: int
    ) -> str | None:
        """For a definite "the group" or "the organisation": the one armed or political group
        named before it in its sentence, not the sentence's speaker."""
        # only "the group" itself: "the U.S.-backed group" is described, a reference of its own
        if [c.lower_ for c in head.children if c.dep_ != "case"] != ["the"]:
            return None
        if not lemma_in(head, PLAIN_ORGANISATION):
            return None
        layer = self._layer
        speakers = {layer.actor(m) for m in speaker_mentions(self._doc, layer, start)}
        # an object of the sentence ("branded the RSF"): a subject is never the group its own
        # clause names ("ISPR rarely uses the group's name")
        named = {
            layer.actor(m)
            for m in mentions
            if 0 <= m.last < head.i and m.role == "actor"
            and head.doc[m.head].dep_ in _OBJECT_DEPS and not self._never_referred_to(m)
        }  # fmt: skip
        named = {
            actor for actor in named - opposed - speakers
            if layer.kind(actor) == "group" and not civil_organisation(actor)
            and not self._story.a_state_body(actor) and not state_force(actor) and not a_people(actor)
        }  # fmt: skip
        return named.pop() if len(named) == 1 else None

    def _pronoun_antecedent(self, index: int, pronoun: Token, opposed: set[str]) -> str | None:
        """The group or country named last before "them" in its sentence (the first of a
        coordination: "the BNP and its ally Jamaat"), not the side that says it."""
        layer, sdoc = self._layer, pronoun.doc
        before = [
            m
            for m in layer.mentions(index)
            if m.first >= 0 and m.last < pronoun.i and m.role == "actor"
            and layer.actor(m) not in opposed and group_like(layer, m)
        ]  # fmt: skip
        named = {layer.actor(m) for m in layer.mentions(index) if m.last < pronoun.i}
        labelled = [  # "went after the protesters, calling them losers": people not named
            (i, actor)
            for (sentence, i), actor in self._by_token.items()
            if sentence == index and i < pronoun.i and actor not in (UNRESOLVED, *opposed, *named)
        ]
        if labelled and (not before or max(labelled)[0] > before[-1].last):
            return max(labelled)[1]
        if not before:
            return None
        first = before[-1]  # by the words: "the BNP and its Islamist ally Jamaat"
        for previous in reversed(before[:-1]):
            if not _COORDINATION_GAP.fullmatch(sdoc[previous.last + 1 : first.first].text):
                break
            first = previous
        token = sdoc[first.head]  # by the parse: the first conjunct
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return layer.actor(mention_of(token, before) or first)

    def _labelled_near(self, index: int, opposed: set[str]) -> set[str]:
        """The organisations a label named in this sentence or the ``lookback`` before it."""
        layer = self._layer
        return {
            actor
            for sentence, actor in self._labelled
            if sentence >= index - self._lookback
            and actor not in opposed
            and layer.kind(actor) == "group"
        }

    def _story_organisation(
        self, opposed: set[str], *, armed: bool = False, named_armed: bool = False
    ) -> str | None:
        """The organisation named most in the body, where it is named more than once; a state's
        police, army or agency is no "group" ("the same core group every night" near ICE), nor
        is a people ("the Rwandans"); nor, for ``armed`` men, a union or a rights group; and for
        a label that says they are armed ("the two gunmen"), only one whose name or an earlier
        label says it is armed (not an advocacy group the story names twice)."""
        layer = self._layer
        groups = [(count, actor) for actor, count in layer.salience.items()
                  if (layer.kind(actor) == "group" or actor in self._group_names)
                  and actor not in opposed and count >= 2
                  and not state_force(actor) and not self._story.a_state_body(actor)
                  and not a_people(actor)
                  and not (armed and (self._civil(actor) or commercial(actor)))
                  and not (named_armed and not self._armed(actor))
                  and not (armed and actor in self._story.state_allies)]  # fmt: skip
        if not groups:
            return None
        # Ties go to a group that bears arms, for armed men, then to the one named first: not
        # "Peoples Democratic Party" over "Boko Haram" for "the group" by its letters.
        first = self._story.first_named
        return max(
            groups,
            key=lambda g: (
                g[0],
                armed and self._armed(g[1]),
                -first.get(g[1], len(self._doc.text)),
            ),
        )[1]

    def _armed(self, actor: str) -> bool:
        """An organisation an earlier label of armed men or outlaws named, or whose name says it
        bears arms ("Allied Democratic Forces", "Islamic State Sahel Province", "Arakan Army")."""
        words = set(re.split(r"[\s-]+", actor.lower()))
        return actor in self._armed_named or bool(words & _ARMED_NAME_WORDS)

    def _person_before(
        self, index: int, start: int, head: Token, candidates: list[Mention]
    ) -> Attachment:
        """ "the gunman", "that dictator": the nearest person named before it in its sentence,
        else the person an earlier one-person label named in the sentences before ("identified
        the gunman as X. The attacker ..."); never a group, a place or a name of unknown kind
        ("flew to Kabul, where agents met the gunman")."""
        layer = self._layer
        people = [
            m
            for m in candidates
            if m.sentence == index
            and m.end <= start
            and layer.kind(layer.actor(m)) == "person"
            and layer.actor(m) not in self._labelled_groups
        ]
        if people:
            return Attachment(layer.actor(people[-1]), "the nearest person named before it")
        named = {layer.actor(m) for m in candidates}
        for sentence, actor in reversed(self._people):
            if sentence >= index - self._lookback and actor in named | self._descriptions:
                return Attachment(actor, "the person an earlier label named")
        if not lemma_in(head, self._label_words):
            # "the boy", "the prime minister": the most salient person named before; a label
            # ("the gunman") names a perpetrator the story may not name at all
            before = [
                m
                for m in candidates
                if (m.sentence < index or m.end <= start)
                and layer.kind(layer.actor(m)) not in ("group", "place")
                and layer.actor(m) not in self._labelled_groups
            ]
            if before:
                best = max(before, key=lambda m: (layer.salience[layer.actor(m)], m.prominence,
                                                  m.sentence, m.start))  # fmt: skip
                return Attachment(layer.actor(best), "the most salient person named before it")
        if self._story.identified_perpetrator is not None:
            # "The killer was named by German media as Philipp F. ... the shooter fled"
            return Attachment(
                self._story.identified_perpetrator, "the attacker the story identifies"
            )
        return Attachment(UNRESOLVED, "no person named nearby")

    def _named_alike(
        self, index: int, start: int, head: Token, opposed: set[str], since: int = 0
    ) -> str | None:
        """The latest name before the description, anywhere earlier in the body (from sentence
        ``since`` on), whose last word is the description's noun: "the movement" after "the
        Five Star Movement", "the forces" after "the Rapid Support Forces" (a name of two words
        or more)."""
        layer = self._layer
        forms = {head.lemma_.lower(), *base_forms(head.lower_)}
        for i in range(index, max(since, 0) - 1, -1):
            for m in reversed(layer.mentions(i)):
                if i == index and m.end > start:
                    continue
                words = m.name.split()
                if len(words) < 2 or m.role != "actor" or not m.proper:
                    continue
                last = words[-1].lower()
                if head.tag_ == "NNS" and last != head.lower_:
                    continue  # "the armed groups" are not the International Crisis Group
                if state_forces(head) and not state_force(layer.actor(m)):
                    continue  # "security forces" are no "People's Defence Forces"
                if (last in forms or forms & set(base_forms(last))) and (
                    layer.actor(m) not in opposed
                ):
                    return layer.actor(m)
        return None

    def _role_rank(self, mention: Mention) -> int:
        """Centering order: the subject of the main clause, another subject, an object, the rest.
        A name modifying a noun ("JNIM fighters", "the Taliban's fighters") ranks as that noun."""
        if mention.first < 0:
            return 0
        token = self._doc.words.parsed(mention.sentence)[mention.head]
        while (
            token.dep_ in ("compound", "amod", "nmod:poss", "flat", "appos")
            and token.head.i != token.i
            and token.head.pos_ in ("NOUN", "PROPN")
        ):
            token = token.head
        if token.dep_ in ("nsubj", "nsubj:pass", "obl:agent"):
            return 3 if token.head.dep_ == "ROOT" else 2
        return 1 if token.dep_ in ("obj", "iobj") else 0

    def _never_referred_to(self, mention: Mention) -> bool:
        """ "the Pulse massacre", "the Christmas market": a name that only modifies a thing is
        where or when, not someone a description can refer to; nor is the one a source talks
        to ("Military sources told AFP that the jihadists ...")."""
        if mention.first < 0 or mention.role == "target":
            return False  # "anti-Taliban sentiment" still names the Taliban, as the target
        token = self._doc.words.parsed(mention.sentence)[mention.head]
        noun = token.head
        if token.dep_ in ("obj", "iobj") and noun.lemma_ == "tell":
            return True
        return (
            token.dep_ in ("compound", "amod")
            and noun.pos_ == "NOUN"
            and not names_people(noun)
            and not lemma_in(noun, self._label_words)
            # "the Israeli military", "the Russian government": the state acting, no thing
            and not lemma_in(noun, words_with_role("state"))
        )
