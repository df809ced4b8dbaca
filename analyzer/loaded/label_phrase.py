"""What a label's own phrase says, read from its parse and words: whether it is a title or a
name, a kind of group ("the rights group"), armed men, one organisation or several, the name
it goes under or calls itself, and the family of terms a later description refers back by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from analyzer.actors import ActorLayer, Mention
from analyzer.actors.kinds import PLAIN_ORGANISATION
from analyzer.actors.layer import is_title_case_sentence
from analyzer.actors.lexicon import known_countries, words_with_role
from analyzer.document import Document
from analyzer.loaded.syntax import SUBJECTS, case_marker, names_people
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def in_a_capitalised_title(sdoc: Doc, tokens: list[Token], doc: Document, index: int) -> bool:
    """A label word capitalised mid-sentence beside other capitalised words: an official title
    or list ("its list of Foreign Terrorist Organizations"), a name, not a label; a title-case
    headline capitalises every word and says nothing by it."""
    first, last = tokens[0].i, tokens[-1].i
    if first == 0 or not all(t.text[:1].isupper() for t in tokens):
        return False
    sentence = doc.sentences[index]
    if is_title_case_sentence(doc.text, sentence.start, sentence.end, index, sdoc):
        return False
    beside = [sdoc[k] for k in (first - 1, last + 1) if 0 < k < len(sdoc)]
    # a name's words, not a slogan's ("Trump Is A Racist" capitalises verbs and articles)
    return any(
        t.text[:1].isupper() and t.is_alpha and t.pos_ in ("NOUN", "PROPN", "ADJ") for t in beside
    )


def named_object_by_word_order(label: Token) -> list[Token]:
    """ "called the gang members 'terrorists'" with the parse garbled: the noun right before the
    label, when a naming verb opens its noun phrase, is the one the label is said of."""
    doc = label.doc
    before = label.i - 1  # the words, not the subtree: the parse may hang the object on it
    while before >= 0 and doc[before].is_quote:
        before -= 1
    if before < 0 or doc[before].pos_ not in ("NOUN", "PROPN"):
        return []
    k = before - 1
    while k >= 0 and doc[k].pos_ in ("DET", "ADJ", "NOUN", "NUM") and not doc[k].is_punct:
        k -= 1  # the rest of the object's noun phrase
    if k < 0 or not lemma_in(doc[k], words_with_role("names")) or doc[k].pos_ != "VERB":
        return []
    return [doc[before]]


def speakers_group(head: Token, mentions: list[Mention], layer: ActorLayer) -> set[str]:
    """The groups whose people say the clause ``head`` is in: "A Hezbollah official said the
    group had suffered" speaks of his own group ("Amnesty said the group ..." does not)."""
    above = {t.i for t in head.ancestors}
    found = set()
    for m in mentions:
        if m.first < 0:
            continue
        token = head.doc[m.head]
        person = token.head
        if (
            token.dep_ in ("compound", "nmod:poss")
            and person.dep_ == "nsubj"
            and person.head.i in above
            and people_noun(person)
        ):
            found.add(layer.actor(m))
    return found


def people_noun(noun: Token) -> bool:
    """A noun for people a label word may modify: a listed one ("cell", "leader"), or an agent
    noun in the plural ("sympathizers"); a singular "-er" word is as often a thing ("the junta
    seized power")."""
    return lemma_in(noun, words_with_role("person")) or (noun.tag_ == "NNS" and names_people(noun))


#: Labels of armed men outside the state and its law, which a state's army, police or task
#: force named near is not by being named near ("the army said troops had blocked routes used
#: by the criminals"; "caught between the militants and the army" after the MNJTF).
OUTLAWS = frozenset(
    ("criminal", "abductor", "kidnapper", "bandit", "hostage-taker", "militant", "insurgent",
     "jihadist", "rebel", "guerrilla", "terrorist", "goon", "thug", "looter", "vandal",
     "arsonist", "gang", "cartel", "extremist", "separatist", "secessionist", "hoodlum")
)  # fmt: skip
#: Armed men who may serve a state or not, but never a whole people.
ARMED_MEN = frozenset(("paramilitary", "militia", "militiaman", "fighter", "gunman", "combatant"))


def civil_description(noun: Token) -> bool:
    """ "the rights group", "a medical group", "an aid organisation": a label whose modifier
    says the organisation is a non-combatant one."""
    if not lemma_in(noun, PLAIN_ORGANISATION):
        return False
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    return bool(modifiers & _CIVIL_MODIFIERS)


#: Modifiers that make a group a non-combatant one.
_CIVIL_MODIFIERS = frozenset(
    ("rights", "aid", "humanitarian", "medical", "advocacy", "charity", "relief", "watchdog",
     "monitoring", "campaign", "civic")
)  # fmt: skip


def said_of_whoever(phrase: Token) -> bool:
    """A predicate label whose subject is "those who ...", "anyone who ...", "whoever ...":
    said of the people a clause describes, never of a party named near (often their target)."""
    if not any(c.dep_ == "cop" for c in phrase.children):
        return False
    subjects = [c for c in phrase.children if c.dep_ in SUBJECTS]
    return any(s.lower_ in _WHOEVER and (s.lower_ == "whoever" or any(
        c.dep_ in ("acl:relcl", "acl") for c in s.children)) for s in subjects)  # fmt: skip


#: Pronouns that stand for people a relative clause describes: "those who", "anyone who".
_WHOEVER = frozenset(("those", "anyone", "anybody", "whoever", "everyone", "everybody"))


def organisation_number(noun: Token) -> str | None:
    """ "one" for a singular noun for one organisation ("the gang", "the militia"), "several" for
    its plural ("the gangs", "the groups"), None for any other noun ("rebels", "the forces")."""
    if not lemma_in(noun, words_with_role("collective") | words_with_role("group")):
        return None
    if lemma_in(noun, _PLURAL_OF_ONE):
        return None
    plural = noun.tag_ in ("NNS", "NNPS") and noun.lower_ != noun.lemma_.lower()
    return "several" if plural else "one"


#: Organisation nouns whose plural still names one organisation's people ("the forces" are the
#: Rapid Support Forces, "the guards" the Revolutionary Guards), and "state", whose plural is
#: countries or peoples ("the Arab states"), not organisations.
_PLURAL_OF_ONE = frozenset(("force", "guard", "brigade", "unit", "troop", "state"))


def subjects_its_refers_to(noun: Token) -> list[Token]:
    """The subject of the verb whose object or subject ``noun`` is, when "its" or "their"
    owns the noun ("the group hailed its gunmen"); not a subject further up ("warned Nairobi to
    pull its soldiers out": Nairobi's)."""
    if not any(c.dep_ == "nmod:poss" and c.lower_ in ("its", "their") for c in noun.children):
        return []
    return [c for c in noun.head.children if c.dep_ in SUBJECTS and c.i != noun.i]


def armed_word(noun: Token, term: str) -> bool:
    """A label of armed men or outlaws ("the jihadist group", "M23 rebels", "gunmen")."""
    words = {term, noun.lemma_.lower(), *(c.lemma_.lower() for c in noun.children)}
    return bool(words & (OUTLAWS | ARMED_MEN)) or label_family(term) == "(perpetrator)"


def in_a_clause_apart(head: Token, mention: Mention) -> bool:
    """A name inside a relative clause the label is not in ("security forces tried to arrest
    Hapilon, who has a bounty from the United States government"): background to the label's
    clause, as if named in another sentence."""
    token = head.doc[mention.head]
    for ancestor in (token, *token.ancestors):
        # the parser may hang ", who has ..." on the main verb: a relative pronoun subject says
        if ancestor.dep_ == "acl:relcl" or any(
            c.dep_ in SUBJECTS and c.tag_ in ("WP", "WDT") for c in ancestor.children
        ):
            return not (ancestor.left_edge.i <= head.i <= ancestor.right_edge.i)
    return False


def in_country(head: Token, mention: Mention, layer: ActorLayer) -> bool:
    """A country named after "in" inside the label's phrase ("soldiers in Mali")."""
    if mention.first < 0 or layer.actor(mention) not in known_countries():
        return False
    token = head.doc[mention.head]
    return case_marker(token) == "in" and token.i in {t.i for t in head.subtree}


def seized_power_in(head: Token, in_countries: list[Mention]) -> Mention | None:
    """The country a label's own clause says its people seized power in ("soldiers who seized
    power in Niger", "troops that staged a coup in Gabon")."""
    for mention in in_countries:
        verb = head.doc[mention.head].head
        taken = {c.lemma_.lower() for c in verb.children if c.dep_ == "obj"}
        if (lemma_in(verb, _SEIZE) and "power" in taken) or (
            verb.lemma_.lower() == "stage" and taken & {"coup", "putsch"}
        ):
            return mention
    return None


_SEIZE = frozenset(("seize", "take", "grab", "usurp"))


def named_under(noun: Token, mentions: list[Mention]) -> Mention | None:
    """ "an armed group led by X has emerged under the name Popular Forces", "the extremist
    group operating under the name Fano": a group noun and, later in its sentence, the name it
    goes under."""
    if not lemma_in(noun, words_with_role("group")):
        return None
    doc = noun.doc
    for k in range(noun.i + 1, len(doc) - 3):
        if [t.lower_ for t in doc[k : k + 3]] == ["under", "the", "name"]:
            named = k + 3 + (doc[k + 3].lower_ == "of")
            return next((m for m in mentions if m.first == named and m.role != "target"), None)
    return None


def name_it_calls_itself(noun: Token) -> str | None:
    """ "The gang behind the atrocity calls itself the "Signed in Blood" battalion": the name a
    group noun's own clause says it goes by, read from the words (the parse often garbles it):
    the quotation after "calls itself", with the noun that closes it."""
    doc = noun.doc
    for k in range(noun.i + 1, min(len(doc) - 2, noun.i + _CALLS_ITSELF_WORDS)):
        if doc[k].lower_ in ("calls", "called", "call") and doc[k + 1].lower_ in _REFLEXIVES:
            first = k + 2 + (doc[k + 2].lower_ == "the")
            if first >= len(doc) or doc[first].text not in _OPENING_QUOTES:
                return None
            close = next((t.i for t in doc[first + 1 :] if t.text in _CLOSING_QUOTES), None)
            if close is None or close == first + 1:
                return None
            name = doc[first + 1 : close].text
            after = doc[close + 1] if close + 1 < len(doc) else None
            if after is not None and after.pos_ == "NOUN" and after.is_lower:
                return f"{name} {after.text}"  # "the "Signed in Blood" battalion"
            return name
        if doc[k].text in (".", ";"):
            return None
    return None


#: How far after its noun "calls itself" is looked for.
_CALLS_ITSELF_WORDS = 12


_REFLEXIVES = frozenset(("itself", "themselves"))


_OPENING_QUOTES = frozenset(('"', "“", "'", "‘"))


_CLOSING_QUOTES = frozenset(('"', "”", "'", "’"))


def label_family(term: str) -> str:
    """The key under which earlier uses of a term are remembered: one for every label of a
    country's rulers ("the junta" after "the regime"), one for every label of an attack's
    perpetrator ("the gunman" after "the shooter"), one for every label of a protest's crowd
    ("the demonstrators" after "protesters"), else the term itself."""
    if term in words_with_role("ruling"):
        return "(rulers)"
    if term in words_with_role("perpetrator"):
        return "(perpetrator)"  # "the gunman" after "identified the shooter as X"
    return "(crowd)" if term in words_with_role("crowd") else term
