"""Rule 9 of label attachment: whether a description refers to someone in particular, and which
actors it cannot refer to (those its side acts on, is acted on by, stands against or is
coordinated with)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from analyzer.actors import ActorLayer, Mention
from analyzer.actors.lexicon import words_with_role
from analyzer.loaded.syntax import (
    COORDINATORS,
    NOUN_PHRASE_TAGS,
    THIRD_PERSON,
    case_marker,
    clause_of,
    core_indices,
    objects_of,
    one_person,
    plural_tagged_a_name,
    subtree_indices,
)
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Token


def person_for_a_group(layer: ActorLayer, mention: Mention, head: Token) -> bool:
    return layer.kind(layer.actor(mention)) == "person" and not one_person(head)


def group_like(layer: ActorLayer, mention: Mention) -> bool:
    """A group, or a country acting; a name of unknown kind only when named more than once (a
    single capitalised word is as often a venue, a season or a sentence opener)."""
    actor = layer.actor(mention)
    kind = layer.kind(actor)
    return kind in ("group", "place") or (kind == "other" and layer.salience[actor] >= 2)


def specific(head: Token, label_words: frozenset[str] = frozenset()) -> bool:
    """Whether the label's noun phrase refers to someone in particular: a definite ("the rebels",
    "these gunmen", "its fighters"), or a bare plural that did something ("militants attacked")
    and that no common noun sorts into a kind ("rights groups"; a label word does not:
    "militia fighters")."""
    noun = head.head if head.dep_ in ("amod", "compound") and head.head.pos_ == "NOUN" else head
    if any(child.dep_ == "nmod:poss" for child in noun.children):
        return True  # "its fighters", "all of its fighters"
    if any(c.dep_ == "cop" for c in noun.children) and any(
        c.dep_ == "nsubj" and c.lower_ in _REFERRING_SUBJECTS for c in noun.children
    ):
        return True  # "they're not white supremacists", "it is a militant group": said of
        # someone named before
    if _named_pronoun(noun):
        return True  # "calling them losers": said of someone named before
    named_by_a_passive = noun.dep_ in ("obj", "xcomp", "obl") and any(
        c.dep_ == "nsubj:pass" and c.lower_ in _REFERRING_SUBJECTS for c in noun.head.children
    )
    if named_by_a_passive and lemma_in(noun.head, words_with_role("names")):
        return True  # "It is designated a terrorist organisation": said of someone named before
    indefinite = words_with_role("indefinite")
    if head.dep_ == "nmod" and head.head.lower_ in _FREE_CHOICE:
        return False  # "any of the white terrorists"; "many of these fighters" are some of them
    if any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children):
        return True  # the label's own "the", whatever phrase the parser hung it in
    if head.dep_ == "nmod:poss" and any(
        c.dep_ == "det" and c.lower_ in _DEFINITE and c.i < head.left_edge.i
        for c in head.head.children
    ):
        return True  # "the ruling junta's supply lines": the article is the possessor's
    if noun.dep_ == "nmod" and noun.head.lower_ in _FREE_CHOICE:
        return False  # "any of the terrorist groups"
    for child in noun.children:
        word = child.lower_
        if child.dep_ == "nmod:poss" or word in _DEFINITE:
            return True
        if child.dep_ in ("det", "amod", "nummod") and word in indefinite:
            return False
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.lower_ in _DEFINITE and before.dep_ in ("det", "amod"):
        return True  # "The militia denies ...", whatever the parser made of "denies"
    if state_forces(noun):
        return True  # "government forces", "federal troops": the state's own, in particular
    if bare(noun) and any(c.lower_ == "foreign" for c in noun.children if c.i < noun.i):
        return False  # "hostile foreign forces": some outsiders, no party named before
    # "security forces" are some of a state's, "student protesters" some of a protest's crowd
    of_a_whole = lemma_in(noun, words_with_role("state") | words_with_role("crowd"))
    if not of_a_whole and any(_kind_modifier(child, label_words) for child in noun.children):
        return False  # "Rights groups have accused ...": a kind of group, no one named
    plural = noun.tag_ in ("NNS", "NNPS") or "Number=Plur" in str(noun.morph)
    plural = plural or plural_tagged_a_name(noun)
    return plural and _took_part(noun)


#: Modifiers that make a state noun the state's own: "government forces", "federal troops".
_OF_THE_STATE = frozenset(
    ("government", "federal", "central", "security", "regime", "state", "armed")
)  # "central forces": India's federal ones


def state_forces(noun: Token) -> bool:
    """ "security forces", "government troops", "federal police": a state's, whatever armed
    group is named near."""
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    regional = bool(modifiers & {"regional", "provincial", "local"})  # a region's own forces
    return (
        lemma_in(noun, words_with_role("state"))
        and bool(modifiers & _OF_THE_STATE)
        and not regional
    )


def _took_part(noun: Token) -> bool:
    """Whether the noun is a participant (subject, object, oblique) of a verb that tells what
    happened: a past tense ("stormed", "has stormed", "were arrested"), also one the tagger read
    as a base form beside a past it is coordinated with ("set fire to banks and blocked")."""
    verb = noun.head
    return _past(verb) and noun.dep_ in ("nsubj", "nsubj:pass", "obj", "obl", "obl:agent")


def _past(verb: Token) -> bool:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "aux:pass")]
    if verb.tag_ == "VB" and not auxiliaries and verb.dep_ == "ROOT":
        # a finite base form with no auxiliary is a mistagged past when its coordinate is one
        return any(c.dep_ == "conj" and c.tag_ == "VBD" for c in verb.children)
    # "A gunman opened/VBN fire": a main verb with a subject and no auxiliary is finite
    mistagged = verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)
    return (verb.tag_ == "VBD" and not auxiliaries) or (
        verb.tag_ == "VBN"
        and (
            any(c.tag_ == "VBD" or c.lower_ in ("has", "have", "had") for c in auxiliaries)
            or (mistagged and not auxiliaries)
        )
    )


def counted_in_an_event(head: Token) -> bool:
    """A counted plural that took part in what happened: "hundreds of protesters stormed ...",
    "police fired at thousands of demonstrators", "some of the protesters were arrested". A
    protest's crowd has no name, so every such count is of the crowd; "any of the protesters"
    or "such protesters" is whoever."""
    if head.dep_ != "nmod" or case_marker(head) != "of" or head.head.pos_ not in _COUNTS:
        return False
    count = head.head
    words = {count.lower_, *(c.lower_ for c in head.children if c.dep_ == "det")}
    return not words & _FREE_CHOICE and _took_part(count)


#: Parts of speech of the word that counts a crowd: "thousands", "hundreds", "some", "200".
_COUNTS = frozenset(("NOUN", "NUM", "PRON", "DET", "ADJ"))


def kind_modified(noun: Token, label_words: frozenset[str]) -> bool:
    """Whether a common noun before the label sorts it into a kind ("rights groups")."""
    return any(_kind_modifier(child, label_words) for child in noun.children)


def _kind_modifier(child: Token, label_words: frozenset[str]) -> bool:
    """A common noun before a bare plural that says what kind of group it is ("rights groups",
    "aid workers"), not whose: not a name, nor a label or a word for armed people."""
    return (
        # the tagger may take a rarer noun for a modifier ("vigilante/ADV groups")
        child.dep_ in ("compound", "amod")
        and (child.pos_ == "NOUN" or child.tag_.startswith("NN"))
        and (child.is_lower or child.i == 0)
        and not lemma_in(child, label_words | words_with_role("member"))
    )


def _named_pronoun(noun: Token) -> bool:
    """Whether a naming verb says the label of a pronoun ("called them losers", "described
    him as a terrorist")."""
    return named_pronoun(noun) is not None


def named_pronoun(noun: Token) -> Token | None:
    """The object pronoun a naming verb gives the label to ("calling [them] terrorists",
    "describing [it] as a mafia-like group")."""
    verb = noun.head
    if noun.dep_ not in ("obj", "xcomp", "obl", "advcl") or not lemma_in(
        verb, words_with_role("names")
    ):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("obj", "iobj") and c.i < noun.i and c.lower_ in _OBJECT_PRONOUNS
        ),
        None,
    )


_OBJECT_PRONOUNS = frozenset(("them", "him", "her", "it"))


def bare(head: Token) -> bool:
    """A plural with no determiner or quantifier of its own ("protesters gathered")."""
    plural = head.tag_ in ("NNS", "NNPS")
    return plural and not any(c.dep_ in ("det", "nummod", "nmod:poss") for c in head.children)


_DEFINITE = frozenset(("the", "this", "these", "those", "that"))
#: Subject pronouns that refer back to a party named before.
_REFERRING_SUBJECTS = THIRD_PERSON | {"it"}
#: Quantifiers over a whole class: "any of the terrorists" is whoever, not a set named before.
_FREE_CHOICE = frozenset(("any", "no", "none", "every", "each", "such"))


def _acted_on(phrase: Token) -> set[int]:
    """The words of an object phrase but its places ("the residence [in Juba]")."""
    places = [
        c for c in phrase.children
        if c.dep_ == "nmod" and case_marker(c) in ("in", "at", "near", "inside", "outside")
    ]  # fmt: skip
    # a name coordinated with the place is no place ("officials in Gaza and the United Nations")
    where = {i for c in places for i in subtree_indices(c)}
    where -= {i for c in places for k in c.children if k.dep_ == "conj" for i in subtree_indices(k)}
    return subtree_indices(phrase) - where


def opposing_tokens(head: Token, *, speaker: bool = True) -> set[int]:
    """Tokens of the actors the label's side is not: its own modifiers other than names ("rebels
    backed by Rwanda"), what its clause does to or against others, who does it to the label, and
    what it is coordinated with ("talks between the group and the Taliban"); with ``speaker``,
    also who says the clause it is in ("the army said the militia attacked")."""
    own = {t.i for t in head.subtree}
    out: set[int] = own - {head.i}
    predicate = any(c.dep_ == "cop" for c in head.children)  # "they're not extremists"
    clause = None if predicate else clause_of(head)
    if clause is not None:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "csubj")), None)
        in_subject = subject is not None and head.i in {t.i for t in subject.subtree}
        if in_subject:  # the label acts: what it acts on or against is someone else
            # ("retook territory held by the Islamic State": the whole object phrase)
            # but not where it is: "surrounded Machar's residence in Juba" is against Machar
            out.update(i for t in objects_of(clause) for i in _acted_on(t) if i not in own)
            for token in clause.subtree:  # "retook the town (held) by the Islamic State"
                if token.dep_ == "obl:agent" and token.i not in own:
                    out.update(core_indices(token))
        elif not lemma_in(clause, words_with_role("leads")):
            doer = clause
            if subject is None and clause.dep_ in ("xcomp", "advcl") and clause.head.i != clause.i:
                doer = clause.head  # "X decided to attack the militants": X attacks
            passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in clause.children)
            for child in (*clause.children, *(doer.children if doer is not clause else ())):
                # the label is acted on by someone else ("designated ... by the United Nations",
                # the agent parsed as a plain "by" phrase)
                agent = passive and child.dep_ == "obl" and case_marker(child) == "by"
                if child.dep_ in ("nsubj", "obl:agent") or agent:
                    out.update(core_indices(child))
            for doer_phrase in _subject_read_as_object(clause, subject):
                out.update(core_indices(doer_phrase))
        pronoun_subject = subject is not None and subject.pos_ == "PRON"
        if clause.dep_ == "ccomp" and not pronoun_subject and speaker:
            # "the army said the militia attacked": not the speaker (but "X insisted they are
            # not extremists" is said of X)
            for child in clause.head.children:
                if child.dep_ == "nsubj":
                    out.update(core_indices(child))
        scope = [t for t in clause.subtree if not in_subject or t.i not in own]
        opposes = words_with_role("opposes")
        for token in scope:
            inside_subject = subject is not None and token in subject.subtree
            if (
                token.dep_ in ("nmod", "obl")
                and case_marker(token) in opposes
                and not inside_subject
            ):
                out.update(t.i for t in token.subtree if t.i not in own)
    elif not predicate:
        out.update(_subject_above(head))
    for conjunct in head.conjuncts:
        out.update(t.i for t in conjunct.subtree)
    out.update(_coordinated_by_surface(head))
    return out


def _subject_read_as_object(clause: Token, subject: Token | None) -> list[Token]:
    """ "said the security forces (FDS) had neutralised six attackers", parsed with the reported
    clause's subject as the object of "said": that object, and what it is coordinated with, is
    who does the reported clause."""
    if subject is not None or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return []
    said = clause.head
    found = next((c for c in said.children if c.dep_ == "obj" and c.i < clause.i), None)
    return [found, *found.conjuncts] if found is not None else []


def _subject_above(head: Token) -> set[int]:
    """A label inside a phrase of a clause, not in its subject, is not that subject: in "Karlov
    was the public face of that dictator's crimes" the dictator is not Karlov."""
    token = head
    while (
        token.head.i != token.i
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.dep_ not in ("nsubj", "nsubj:pass")
    ):
        token = token.head
    if token.i == head.i or token.dep_ in ("nsubj", "nsubj:pass"):
        return set()
    if any(c.dep_ == "cop" for c in token.children):
        clause = token
    elif token.head.pos_ in ("VERB", "AUX") and token.head.i != token.i:
        clause = token.head
    else:
        return set()
    out: set[int] = set()
    for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")):
        out |= _name_tokens(subject)
    return out


def _name_tokens(token: Token) -> set[int]:
    """A phrase's head and the words of its name ("Sok Chenda"), not its owners ("Hun Sen's")."""
    return {token.i} | {c.i for c in token.children if c.dep_ in ("compound", "flat")}


def _coordinated_by_surface(head: Token) -> set[int]:
    """Noun phrases joined to the label's by "and"/"or", read from the words themselves: the
    parser often hangs both conjuncts on the verb ("the militants and the Taliban signed")."""
    doc, out = head.doc, set()
    left = min(t.i for t in head.lefts) if head.n_lefts else head.i
    after = head.i + 1
    if after + 1 < len(doc) and doc[after].lower_ in COORDINATORS:
        k = after + 1
        while k < len(doc) and doc[k].pos_ in NOUN_PHRASE_TAGS:
            out.add(k)
            k += 1
    before = left - 1
    if before >= 1 and doc[before].lower_ in COORDINATORS:
        k = before - 1
        while k >= 0 and doc[k].pos_ in NOUN_PHRASE_TAGS:
            out.add(k)
            k -= 1
    return out


def did_the_killing(head: Token) -> bool:
    """The label is who carried out a killing or an attack that happened: the subject of "had
    assassinated the diplomat", the agent of "was assassinated by a radical terrorist"."""
    verb = head.head
    opened_fire = verb.lemma_.lower() == "open" and any(
        c.lower_ == "fire" and c.dep_ == "obj" for c in verb.children
    )  # "a gunman opened fire on two Guard members"
    if not (lemma_in(verb, _KILLING) or opened_fire) or verb.i == head.i:
        return False
    if head.dep_ == "nsubj":
        return _past(verb)
    passive = any(c.dep_ == "aux:pass" for c in verb.children) or verb.tag_ == "VBN"
    return head.dep_ in ("obl:agent", "obl") and case_marker(head) == "by" and passive


#: Verbs of killing or attacking someone.
_KILLING = frozenset(
    ("kill", "assassinate", "murder", "shoot", "stab", "attack", "behead", "execute", "slay")
)
