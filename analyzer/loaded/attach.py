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
   ("the US designated the Houthis a terrorist organisation"), or the leader of its side ("the
   Taliban massed forces", "Massoud, who led an army of freedom fighters");
7. an apposition or a shared modifier read from the words when the parse missed it ("the
   Northern Alliance, the rebel group that ..."; "US and allied forces");
8. the actor of another label it is said of ("the Houthi rebels are terrorists", "described the
   M23 rebels as criminals");
9. else, for a definite description ("the rebels", "these gunmen"): the actor an earlier label of
   the same term named, else the most salient group named in its sentence or the two before,
   leaving out the actors its side acts on or is acted on by ("the militia overran the army's
   base" does not label the army), stands against, is coordinated with, or whose words it is in;
   a generic or indefinite use ("terrorists who shoot up schools", "a terrorist") and a
   description with no actor near are ``"unresolved"``.

People without a name are an actor named by the phrase: a name before a relational noun is the
party they stand toward ("Trump protesters" are not Trump), a country before a label other than
its own forces describes its people ("Syrian rebels" are not Syria; "Syrian forces" are), and a
label on a political camp labels the camp ("the radical left" -> "the left"). A later bare or
definite use of the same term refers to them ("protesters returned").

A label word inside a name ("National Resistance Front", "Rapid Support Forces") is part of the
name, not a label, and so is a label word that modifies a thing ("fighter jets", "terrorist
attacks"). Dates, places used as locations and sentence openers are never actors: names are found
by part of speech.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.actors import UNRESOLVED, ActorLayer, Mention
from analyzer.actors.lexicon import words_with_role
from analyzer.document import Document
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Sentences before a description in which its actor is looked for (coreference window).
LOOKBACK_SENTENCES = 2
#: Dependency relations by which a name modifies a label ("M23 rebels", "Taliban's fighters").
_MODIFIER_DEPS = frozenset(("compound", "amod", "nmod:poss", "flat", "nmod:npmod", "nmod"))
#: Relations by which a label modifies a name ("the rebel M23").
_LABEL_AS_MODIFIER = frozenset(("compound", "amod", "flat"))
_SUBJECTS = frozenset(("nsubj", "nsubj:pass", "csubj"))
_POSSESSIVES = frozenset(("its", "their", "his", "her"))
_OBJECTS = frozenset(("obj", "iobj", "obl", "nmod", "xcomp"))


@dataclass(frozen=True, slots=True)
class Attachment:
    actor: str
    how: str


class LabelAttacher:
    """Attaches the labels of one document, in text order (descriptions refer back)."""

    def __init__(self, doc: Document, layer: ActorLayer, label_words: frozenset[str]) -> None:
        self._doc = doc
        self._layer = layer
        self._label_words = label_words  # one-word label terms: "rebel" in "rebel fighters"
        self._by_term: dict[str, list[tuple[int, str]]] = {}
        self._descriptions: set[str] = set()  # actors named by a phrase ("Trump protesters")
        self._labelled_groups: set[str] = set()  # names a plural or collective label described
        self._by_token: dict[tuple[int, int], str] = {}  # (sentence, noun) -> actor of a label
        self._phrase: tuple[int, int] | None = None  # the label being attached

    def attach(self, start: int, end: int, term: str, *, near_only: bool) -> Attachment | None:
        """The actor the label at ``[start, end)`` names, and by which rule (module doc); None
        when the words are not a label here (inside a name, a thing, or a near-only word that
        names nobody)."""
        self._phrase = None
        attached = self._attach(start, end, term, near_only=near_only)
        if attached is not None and self._phrase is not None:  # a later label may be said of it
            self._by_token[self._phrase] = attached.actor
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
        if _inside_name(mentions, start, end):
            return None
        head = _phrase_head(tokens)
        phrase = self._phrase_noun(head)
        self._phrase = (index, phrase.i)
        named = layer.pack_actor_at(start, end)
        if named is not None:
            return Attachment(named, "it is a name for the actor")
        if _modifies_a_thing(head, self._label_words) and _mention_of(head.head, mentions) is None:
            return None
        own = {t.i for t in tokens}
        found = _by_structure(sdoc, head, mentions, own)
        if found is None and phrase.i != head.i:
            if lemma_in(phrase, words_with_role("camp")):  # "the radical left"
                return self._described(index, term, f"the {phrase.text}", "the camp it describes")
            # "white supremacist organization": the noun's place in the clause
            found = _by_structure(sdoc, phrase, mentions, own | {phrase.i})
        if (
            found is not None
            and "apposition" in found[1]
            and _person_for_a_group(layer, found[0], head)
        ):
            found = None  # "After meeting Kagame, the group ...": a group is no person
        if found is not None:
            mention, how = found
            description = self._description(head, mention)
            if description is not None:
                return self._described(index, term, description, "the people the phrase names")
            actor = layer.actor(mention)
            self._by_term.setdefault(term, []).append((index, actor))
            if not _one_person(head):  # "Wagner mercenaries": Wagner is a group
                self._labelled_groups.add(actor)
            return Attachment(actor, how)
        if near_only:
            return None
        chained = self._said_of_a_label(index, phrase)
        if chained is not None:  # "the Houthi rebels are terrorists"
            return Attachment(chained, "the label it is said of")
        return self._by_reference(index, phrase, start, term, mentions)

    def _said_of_a_label(self, index: int, phrase: Token) -> str | None:
        """The actor of another label this one is predicated of: the subject of "X are Y", the
        object of "called X Y" / "described X as Y"; or of the predicate label it is coordinated
        with ("called the RSF 'rebels' and 'mercenaries'")."""
        if phrase.dep_ == "conj" and _predicate_label(phrase.head):
            actor = self._by_token.get((index, phrase.head.i))
            if actor is not None and actor != UNRESOLVED:
                return actor
        verb = phrase.head
        others: list[Token] = []
        if any(c.dep_ == "cop" for c in phrase.children):
            others = [c for c in phrase.children if c.dep_ in _SUBJECTS]
        elif phrase.dep_ in ("xcomp", "obj", "obl", "advcl") and lemma_in(
            verb, words_with_role("names")
        ):
            others = [c for c in verb.children if c.dep_ == "obj" and c.i < phrase.i]
        for other in others:
            actor = self._by_token.get((index, other.i))
            if actor is not None and actor != UNRESOLVED:
                return actor
        return None

    def _description(self, head: Token, mention: Mention) -> str | None:
        """A name modifying the label that is not the labelled party: "Trump protesters" stand
        against Trump, "Syrian rebels" are not Syria's state. The actor is the phrase itself."""
        if mention.head not in {c.i for c in head.children if c.dep_ in _MODIFIER_DEPS}:
            return None
        relational = lemma_in(head, words_with_role("relational"))
        of_a_country = (
            self._layer.kind(self._layer.actor(mention)) == "place"
            and not lemma_in(head, words_with_role("state"))
            and head.tag_ in ("NNS", "NNPS")  # "Syrian rebels", not "a Syrian rebel commander"
        )
        if not (relational or of_a_country) or mention.role == "location":
            return None
        return f"{self._doc.text[mention.start : mention.end]} {head.text}"

    def _description_for(self, term: str) -> str | None:
        """The actor named by a phrase that an earlier use of ``term`` labelled, if any."""
        earlier = (actor for _, actor in reversed(self._by_term.get(term, [])))
        return next((actor for actor in earlier if actor in self._descriptions), None)

    def _described(self, index: int, term: str, actor: str, how: str) -> Attachment:
        """An actor without a name, named by the phrase; later uses of the term may refer to it."""
        self._descriptions.add(actor)
        self._by_term.setdefault(term, []).append((index, actor))
        return Attachment(actor, how)

    def _phrase_noun(self, head: Token) -> Token:
        """The noun a label word modifies when that noun is a person, a group or another label
        ("terrorist cell", "rebel leader"): it, not the modifier, has a role in the clause."""
        token = head
        while (
            token.dep_ in ("compound", "amod")
            and token.head.pos_ == "NOUN"
            and token.head.i != token.i
            and (_names_people(token.head) or lemma_in(token.head, self._label_words))
        ):
            token = token.head
        return token

    def _by_reference(
        self, index: int, head: Token, start: int, term: str, mentions: list[Mention]
    ) -> Attachment:
        """Rule 9: a definite description refers back to an actor; a generic or indefinite use
        ("terrorists who shoot up schools", "a terrorist") names no one."""
        layer = self._layer
        if not _specific(head):
            # "protesters gathered" after "Trump protesters": the same people
            earlier = self._description_for(term)
            if earlier is not None and _bare(head):
                return Attachment(earlier, f"an earlier '{term}' named these people")
            backed = self._backed_description(index, head, mentions) if _bare(head) else None
            if backed is not None:  # "Anti-Taliban fighters regrouped"
                return self._described(index, term, backed, "the people the phrase names")
            return Attachment(UNRESOLVED, "a generic or indefinite use names no one in particular")
        opposed_tokens = _opposed(head)
        opposed = {layer.actor(m) for m in mentions if m.first >= 0 and m.head in opposed_tokens}
        candidates = [
            m
            for i in range(max(0, index - LOOKBACK_SENTENCES), index + 1)
            for m in (mentions if i == index else layer.mentions(i))
            if m.role != "location" and layer.actor(m) not in opposed and not self._names_a_thing(m)
        ]
        actors = {layer.actor(m) for m in candidates}
        for _, actor in reversed(self._by_term.get(term, [])):
            if actor in actors or actor in self._descriptions:
                return Attachment(actor, f"an earlier '{term}' named this actor")
        # A country is its state's "forces" or "regime", never "the militants" or "the group".
        state = lemma_in(head, words_with_role("state"))
        groups = [
            m
            for m in candidates
            if (_group_like(layer, m) or layer.actor(m) in self._labelled_groups)
            and (state or layer.kind(layer.actor(m)) != "place")
        ]
        countries = [m for m in groups if layer.kind(layer.actor(m)) == "place"]
        if state and countries:  # "the regime" is a country's, not a city's
            groups = countries
        if groups:
            best = max(groups, key=lambda m: (layer.salience[layer.actor(m)], m.prominence,
                                              m.sentence, m.start))  # fmt: skip
            return Attachment(layer.actor(best), "the most salient group named nearby")
        people = [m for m in candidates if m.sentence == index and m.end <= start]
        if people and _one_person(head):  # "the gunman", never "the group" or "the rebels"
            return Attachment(layer.actor(people[-1]), "the nearest person named before it")
        backed = self._backed_description(index, head, mentions)
        if backed is not None:  # "U.S.-backed forces": no name, but a description that tells
            return self._described(index, term, backed, "the people the phrase names")
        return Attachment(UNRESOLVED, "no actor named nearby")

    def _names_a_thing(self, mention: Mention) -> bool:
        """ "the Pulse massacre", "the Christmas market": a name that only modifies a thing is
        where or when, not someone a description can refer to."""
        if mention.first < 0:
            return False
        token = self._doc.words.parsed(mention.sentence)[mention.head]
        noun = token.head
        return (
            token.dep_ in ("compound", "amod")
            and noun.pos_ == "NOUN"
            and not _names_people(noun)
            and not lemma_in(noun, self._label_words)
        )

    def _backed_description(self, index: int, head: Token, mentions: list[Mention]) -> str | None:
        """ "U.S.-backed forces", "Turkish-trained rebels": the phrase from its backer's name."""
        inside = {t.i for t in head.subtree}
        if not any(m.role == "target" and m.first in inside and m.last < head.i for m in mentions):
            return None
        first = next(t for t in head.subtree if t.dep_ != "det" and not t.is_punct)
        base = self._doc.words.offset(
            index
        )  # "[Anti-Taliban fighters]", "the [U.S.-backed forces]"
        return self._doc.text[base + first.idx : base + head.idx + len(head)]


def _predicate_label(token: Token) -> bool:
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


def _person_for_a_group(layer: ActorLayer, mention: Mention, head: Token) -> bool:
    return layer.kind(layer.actor(mention)) == "person" and not _one_person(head)


def _one_person(head: Token) -> bool:
    """A singular label that can name one person: not a plural, not a collective noun."""
    singular = head.tag_ in ("NN", "NNP") and "Number=Plur" not in str(head.morph)
    collective = words_with_role("group") | words_with_role("camp")
    return singular and not lemma_in(head, collective)


def _group_like(layer: ActorLayer, mention: Mention) -> bool:
    """A group, or a country acting; a name of unknown kind only when named more than once (a
    single capitalised word is as often a venue, a season or a sentence opener)."""
    actor = layer.actor(mention)
    kind = layer.kind(actor)
    return kind in ("group", "place") or (kind == "other" and layer.salience[actor] >= 2)


def _specific(head: Token) -> bool:
    """Whether the label's noun phrase refers to someone in particular: a definite ("the rebels",
    "these gunmen", "its fighters"), or a bare plural that did something ("militants attacked")."""
    noun = head.head if head.dep_ in ("amod", "compound") and head.head.pos_ == "NOUN" else head
    if any(child.dep_ == "nmod:poss" for child in noun.children):
        return True  # "its fighters", "all of its fighters"
    if any(c.dep_ == "cop" for c in noun.children) and any(
        c.dep_ == "nsubj" and c.lower_ in _THIRD_PERSON for c in noun.children
    ):
        return True  # "they're not white supremacists": said of someone named before
    indefinite = words_with_role("indefinite")
    if noun.dep_ == "nmod" and noun.head.lower_ in indefinite:
        return False  # "any of the white terrorists"
    for child in noun.children:
        word = child.lower_
        if child.dep_ == "nmod:poss" or word in _DEFINITE:
            return True
        if child.dep_ in ("det", "amod", "nummod") and word in indefinite:
            return False
    plural = noun.tag_ in ("NNS", "NNPS") or "Number=Plur" in str(noun.morph)
    verb = noun.head
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    past = (verb.tag_ == "VBD" and not auxiliaries) or (
        verb.tag_ == "VBN"
        and any(c.tag_ == "VBD" or c.lower_ in ("has", "have", "had") for c in auxiliaries)
    )
    return plural and past and noun.dep_ in ("nsubj", "nsubj:pass", "obj", "obl", "obl:agent")


def _bare(head: Token) -> bool:
    """A plural with no determiner or quantifier of its own ("protesters gathered")."""
    plural = head.tag_ in ("NNS", "NNPS")
    return plural and not any(c.dep_ in ("det", "nummod", "nmod:poss") for c in head.children)


_DEFINITE = frozenset(("the", "this", "these", "those", "that"))
_THIRD_PERSON = frozenset(("they", "he", "she"))


def _inside_name(mentions: list[Mention], start: int, end: int) -> bool:
    """The label's words are part of a longer proper name ("National Resistance Front")."""
    return any(
        m.start <= start and end <= m.end and (m.end - m.start) > (end - start) and m.proper
        and m.role != "target"
        for m in mentions
    )  # fmt: skip


def _phrase_head(tokens: list[Token]) -> Token:
    """The token the label's words hang on ("group" in "armed group")."""
    indices = {t.i for t in tokens}
    for token in reversed(tokens):
        if token.head.i not in indices or token.head.i == token.i:
            return token
    return tokens[-1]


def _modifies_a_thing(head: Token, label_words: frozenset[str]) -> bool:
    """ "fighter jets", "terrorist attacks", "militant nostalgia": the label word modifies a noun
    that is not a person, a group or another label, so it labels no one."""
    if head.dep_ not in ("compound", "amod") or head.head.i == head.i or head.tag_ == "NNS":
        return False  # a plural is a modifier only in a mis-parse ("militants fired rockets")
    if any(child.dep_ == "case" for child in head.children):
        return False  # "the insurgents' attacks": a possessor is someone
    noun = head.head
    if noun.lower_ in words_with_role("thing"):
        return True
    return noun.pos_ == "NOUN" and not _names_people(noun) and not lemma_in(noun, label_words)


def _names_people(noun: Token) -> bool:
    """A noun for people or a group of them: listed ("leader", "cell", "left"), or an agent noun
    by its ending ("supporters", "activists", "civilians", "migrants", "residents")."""
    if lemma_in(noun, words_with_role("person")):
        return True
    return noun.lower_.rstrip("s").endswith(_AGENT_ENDINGS)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")


def _mention_in_core(token: Token, mentions: list[Mention]) -> Mention | None:
    """The name a phrase is, else the first name among its modifiers and owners."""
    for i in sorted(_core(token), key=lambda i: i != token.i):
        found = _mention_of(token.doc[i], mentions)
        if found is not None:
            return found
    return None


def _mention_of(token: Token, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.first >= 0 and m.covers(token.i) and m.role != "target":
            return m
    return None


def _by_structure(
    sdoc: Doc, head: Token, mentions: list[Mention], own: set[int]
) -> tuple[Mention, str] | None:
    """Rules 2-7."""
    owner = _pronoun_owner(head, mentions)
    if owner is not None:
        return owner, "the actor its possessive refers to"
    found = _modified_name(head, mentions, own)
    if found is not None:  # "Syrian madman Bashar al-Assad" labels al-Assad, not Syria
        return found, "the name it describes"
    for child in head.children:
        misparsed = child.dep_ == "nummod" and child.pos_ == "PROPN"  # "Antifa/nummod thugs"
        if (child.dep_ in _MODIFIER_DEPS or misparsed) and child.i not in own:
            if child.dep_ == "nmod" and _case(child) not in ("", "'s", "’s"):
                continue  # "of"/"in" phrases are rule 5 or places
            found = _mention_of(child, mentions)
            if found is None and lemma_in(child, words_with_role("state")):
                found = _state_owner(child, mentions)  # "Syrian government troops"
            if found is not None and found.role == "actor":
                return found, "the name that modifies it"
    named_beside = _named_beside(sdoc, head, mentions)
    if named_beside is not None:
        return named_beside
    predicated = _predicated(head, mentions)
    return predicated if predicated is not None else _apposed_by_surface(head, mentions)


def _named_beside(sdoc: Doc, head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """Rule 5: apposition, "of"/"as", "like", "a group called X"."""
    if head.dep_ == "appos":  # "Massoud, the rebel leader"; "my father, Massoud, our hero"
        for token in (head.head, *(c for c in head.head.children if c.dep_ == "appos")):
            found = _mention_of(token, mentions)
            if found is not None and found.role == "actor" and token.i != head.i:
                return found, "the name it stands in apposition to"
    for child in head.children:
        named = _mention_of(child, mentions)
        if named is None:
            continue
        if child.dep_ == "appos" and named.role == "actor":
            return named, "the name it stands in apposition to"
        if child.dep_ == "nmod" and _case(child) in ("of", "as") and named.role != "target":
            return named, f"the name after '{_case(child)}'"  # "terrorists of X", "gunman as X"
        if child.dep_ == "nmod" and _case(child) in _LISTING and named.role == "actor":
            return named, "the first party it lists"  # "groups like the Klan"
    for child in head.children:  # "a group called 'X'", "groups including Daesh"
        if child.dep_ in ("acl", "acl:relcl") and child.lower_ in _NAMING_PARTICIPLES:
            following = range(child.i + 1, child.i + 4)  # the parser may hang the name elsewhere
            for named in mentions:
                if named.role == "actor" and (named.first in following
                                              or child.is_ancestor(sdoc[named.head])):  # fmt: skip
                    return named, f"the name it is {child.text}"
    return None


#: Prepositions that introduce members of a category: "groups like the Klan", "such as Hamas".
_LISTING = frozenset(("like", "including", "such"))
#: Participles that name the noun they modify: "a group called X", "groups including Daesh".
_NAMING_PARTICIPLES = frozenset(("called", "named", "dubbed", "known", "including"))


def _state_owner(state: Token, mentions: list[Mention]) -> Mention | None:
    """The name on a state noun that modifies the label: "[Syrian] government troops"."""
    for child in state.children:
        if child.dep_ in _MODIFIER_DEPS:
            found = _mention_of(child, mentions)
            if found is not None:
                return found
    return None


def _apposed_by_surface(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """ "the Northern Alliance, the rebel group that ..."; "the group, Hamas, said": an
    apposition read from the commas when the parse missed it."""
    doc = head.doc
    if head.dep_ == "nmod:poss":
        return None  # "Prigozhin, the group's founder": the apposition is the founder
    first = head.left_edge.i
    while first < head.i and (doc[first].is_punct or doc[first].lower_ in _COORDINATORS):
        first += 1  # the parser may hang the comma or the "and" itself on the label
    comma = first - 1
    if comma >= 1 and doc[comma].text == ",":
        for m in mentions:
            if m.last == comma - 1 and m.role == "actor":
                return m, "the name it stands in apposition to"
    after = head.i + 1
    while after < len(doc) and doc[after].text in _CLOSING_QUOTES:
        after += 1  # his “hero”, Ahmad Shah Massoud
    if after + 1 < len(doc) and doc[after].text == ",":
        for m in mentions:
            closes = m.last + 1 >= len(doc) or doc[m.last + 1].text in (",", ".", ";", ")")
            if m.first == after + 1 and m.role == "actor" and closes:
                return m, "the name it stands in apposition to"
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
    opener = doc[first]
    shared = opener.i < head.i and opener.dep_ in ("amod", "compound") and first >= 2
    if shared and doc[first - 1].lower_ in _COORDINATORS:
        for m in mentions:
            if m.last == first - 2 and m.role == "actor":
                return m, "the name that modifies it (shared with another modifier)"
    return None


def _modified_name(head: Token, mentions: list[Mention], own: set[int]) -> Mention | None:
    """Up a chain of modifiers to a name: "rebel M23", "resistance icon Ahmad Shah Massoud"."""
    token = head
    for _ in range(3):
        if token.dep_ not in _LABEL_AS_MODIFIER or token.head.i == token.i:
            return None
        token = token.head
        if token.i in own:
            continue
        found = _mention_of(token, mentions)
        if found is not None:
            return found if found.role == "actor" else None
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
    return None


def _predicated(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """Rule 6: "X is a terrorist group"; "designated X a terrorist group"; "X was designated ...";
    and the leader of the label's side: "the Taliban massed forces", "X led an army of fighters"."""
    leader = _leader(head, mentions)
    if leader is not None:
        return leader
    if any(child.dep_ == "cop" for child in head.children):
        for child in head.children:
            if child.dep_ in _SUBJECTS:
                found = _mention_of(child, mentions)
                if found is None and child.lower_ in _THIRD_PERSON:
                    found = _speaker_of(head, mentions)  # "X insisted they're not extremists"
                if found is not None:
                    return found, "the subject it is said of"
    verb = head.head
    if head.dep_ in ("obj", "nsubj:pass"):  # "identified the gunman as Mevlut Mert Altintas"
        for child in verb.children:
            if child.dep_ in ("obl", "advcl", "xcomp") and _case(child) == "as":
                found = _mention_of(child, mentions)
                if found is not None and found.role == "actor":
                    return found, f"the name it is {verb.text} as"
    if head.dep_ in ("xcomp", "obl", "advcl", "obj") and lemma_in(verb, words_with_role("names")):
        for child in verb.children:
            if child.i != head.i and child.dep_ in ("obj", "iobj", "nsubj:pass"):
                # "Hamas, which the US designates a terrorist organisation"; "described
                # Ukraine's leadership as a regime": the object, else who owns it
                found = _mention_in_core(_antecedent(child), mentions)
                if found is not None:
                    return found, f"the actor '{verb.text}' names"
    return None


def _leader(head: Token, mentions: list[Mention]) -> tuple[Mention, str] | None:
    token = head
    while token.dep_ in ("nmod", "conj", "appos") and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head  # "an army of [freedom fighters]"
    verb = token.head
    participle = next((c for c in token.lefts if c.dep_ == "amod" and c.pos_ == "VERB"), None)
    if participle is not None and lemma_in(participle, words_with_role("leads")):
        pass  # "the Taliban had massed forces" parsed with "massed" as an adjective
    elif token.dep_ != "obj" or not lemma_in(verb, words_with_role("leads")):
        return None
    for child in verb.children:
        if child.dep_ == "nsubj":
            subject = _antecedent(child)
            found = _mention_of(subject, mentions)
            if found is not None and found.role == "actor":
                return found, f"the actor who {verb.text} them"
    return None


def _pronoun_owner(head: Token, mentions: list[Mention]) -> Mention | None:
    """ "The Taliban said its fighters ...": a possessive pronoun on the label refers to the
    subject of the clause that governs the label's own (or of the label's clause itself)."""
    if not any(c.dep_ == "nmod:poss" and c.pos_ == "PRON" and c.lower_ in _POSSESSIVES
               for c in head.children):  # fmt: skip
        return None
    clause = _clause_of(head)
    while clause is not None:
        for child in clause.children:
            if child.dep_ == "nsubj" and child.i != head.i and head not in child.subtree:
                found = _mention_of(child, mentions)
                return found if found is not None and found.role == "actor" else None
        clause = clause.head if clause.dep_ in ("ccomp", "xcomp", "conj", "advcl") else None
    return None


def _speaker_of(head: Token, mentions: list[Mention]) -> Mention | None:
    """The subject of the verb whose clause holds ``head``: "they" in "the KKK members insisted
    they're not supremacists" stands for that subject (when it names an actor)."""
    reported = ("ccomp", "xcomp", "parataxis")  # "X insisted, they're not Y" is parataxis
    clause = head if head.dep_ in reported else _clause_of(head)
    if clause is None or clause.dep_ not in reported or clause.head.i == clause.i:
        return None
    for child in clause.head.children:
        if child.dep_ == "nsubj":
            for token in child.subtree:
                found = _mention_of(token, mentions)
                if found is not None and found.role == "actor":
                    return found
    return None


def _antecedent(token: Token) -> Token:
    """ "who"/"which" of a relative clause stands for the noun the clause modifies."""
    if token.lower_ in ("who", "which", "that"):
        clause = token.head
        if clause.dep_ in ("acl:relcl", "acl") and clause.head.i != clause.i:
            return clause.head
        before = token.i - 1  # ", who led ...": the noun right before the comma
        while before > 0 and token.doc[before].is_punct:
            before -= 1
        return token.doc[before]
    return token


def _case(token: Token) -> str:
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")


def _opposed(head: Token) -> set[int]:
    """Tokens of the actors the label's side is not: its own modifiers other than names ("rebels
    backed by Rwanda"), what its clause does to or against others, who does it to the label, and
    what it is coordinated with ("talks between the group and the Taliban")."""
    own = {t.i for t in head.subtree}
    out: set[int] = own - {head.i}
    predicate = any(c.dep_ == "cop" for c in head.children)  # "they're not extremists"
    clause = None if predicate else _clause_of(head)
    if clause is not None:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "csubj")), None)
        in_subject = subject is not None and head.i in {t.i for t in subject.subtree}
        if in_subject:  # the label acts: what it acts on or against is someone else
            # ("retook territory held by the Islamic State": the whole object phrase)
            out.update(i for t in _objects_of(clause) for i in _subtree(t) if i not in own)
            for token in clause.subtree:  # "retook the town (held) by the Islamic State"
                if token.dep_ == "obl:agent" and token.i not in own:
                    out.update(_core(token))
        elif not lemma_in(clause, words_with_role("leads")):
            for child in clause.children:  # the label is acted on: the doer is someone else
                if child.dep_ in ("nsubj", "obl:agent"):
                    out.update(_core(child))
        pronoun_subject = subject is not None and subject.pos_ == "PRON"
        if clause.dep_ == "ccomp" and not pronoun_subject:
            # "the army said the militia attacked": not the speaker (but "X insisted they are
            # not extremists" is said of X)
            for child in clause.head.children:
                if child.dep_ == "nsubj":
                    out.update(_core(child))
        scope = [t for t in clause.subtree if not in_subject or t.i not in own]
        opposes = words_with_role("opposes")
        for token in scope:
            inside_subject = subject is not None and token in subject.subtree
            if token.dep_ in ("nmod", "obl") and _case(token) in opposes and not inside_subject:
                out.update(t.i for t in token.subtree if t.i not in own)
    for conjunct in head.conjuncts:
        out.update(t.i for t in conjunct.subtree)
    out.update(_coordinated_by_surface(head))
    return out


def _coordinated_by_surface(head: Token) -> set[int]:
    """Noun phrases joined to the label's by "and"/"or", read from the words themselves: the
    parser often hangs both conjuncts on the verb ("the militants and the Taliban signed")."""
    doc, out = head.doc, set()
    left = min(t.i for t in head.lefts) if head.n_lefts else head.i
    after = head.i + 1
    if after + 1 < len(doc) and doc[after].lower_ in _COORDINATORS:
        k = after + 1
        while k < len(doc) and doc[k].pos_ in _NOUN_PHRASE_TAGS:
            out.add(k)
            k += 1
    before = left - 1
    if before >= 1 and doc[before].lower_ in _COORDINATORS:
        k = before - 1
        while k >= 0 and doc[k].pos_ in _NOUN_PHRASE_TAGS:
            out.add(k)
            k -= 1
    return out


_COORDINATORS = frozenset(("and", "or", "&"))
_CLOSING_QUOTES = frozenset(("”", "’", '"', "'", ")"))
_NOUN_PHRASE_TAGS = frozenset(("DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"))


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _core(token: Token) -> set[int]:
    """A phrase's head and the words that name it or its owner ("the army's base" -> base, army)."""
    out = {token.i}
    for child in token.children:
        if child.dep_ in ("compound", "flat", "nmod:poss", "amod", "appos"):
            out |= _core(child)
    return out


def _clause_of(head: Token) -> Token | None:
    """The verb whose argument the label phrase is (through a "conj" or "flat" chain)."""
    token = head
    while token.dep_ in ("conj", "appos", "flat") and token.head.i != token.i:
        token = token.head
    verb = token.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i != token.i else None


def _objects_of(verb: Token) -> Iterator[Token]:
    """The objects of a verb (and of verbs coordinated with it): "overran [the army's base]"."""
    for child in verb.children:
        if child.dep_ in _OBJECTS:
            yield child
        if child.dep_ == "conj" and child.pos_ == "VERB":
            yield from _objects_of(child)
