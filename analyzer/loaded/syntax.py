"""Parse helpers the label-attachment rules share: where a label's phrase is, what it modifies,
and which name a token belongs to (:mod:`analyzer.loaded.attach`)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from analyzer.actors import Mention
from analyzer.actors.lexicon import words_with_role
from analyzer.text.cue_lexicons import cue_entries
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Dependency relations by which a name modifies a label ("M23 rebels", "Taliban's fighters").
MODIFIER_DEPS = frozenset(("compound", "amod", "nmod:poss", "flat", "nmod:npmod", "nmod"))
SUBJECTS = frozenset(("nsubj", "nsubj:pass", "csubj"))
_OBJECTS = frozenset(("obj", "iobj", "obl", "nmod", "xcomp"))
THIRD_PERSON = frozenset(("they", "he", "she"))


COORDINATORS = frozenset(("and", "or", "&"))
CLOSING_QUOTES = frozenset(("”", "’", '"', "'", ")"))
NOUN_PHRASE_TAGS = frozenset(("DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"))


def modifies(child: Token, head: Token) -> bool:
    """Whether ``child`` modifies the label ``head``: by its relation, or a name right before the
    label and hanging on it whatever the relation ("Antifa/nummod thugs"; "Myanmar/nsubj rebels"
    in a headline; "3 NPA/CD terrorists", an acronym after a number tagged a number)."""
    acronym = child.is_alpha and child.is_upper and len(child) > 1
    misparsed = (child.dep_ == "nummod" and (child.pos_ == "PROPN" or acronym)) or (
        child.i == head.i - 1 and child.pos_ == "PROPN"
    )
    return child.head.i == head.i and (child.dep_ in MODIFIER_DEPS or misparsed)


def inside_name(mentions: list[Mention], start: int, end: int) -> bool:
    """The label's words are part of a longer proper name ("National Resistance Front"), or it
    opens inside one: "a Specially Designated Global [Terrorist group]" is a designation's
    name, not the outlet's word."""
    return any(
        m.proper and m.role != "target"
        and (
            (m.start <= start and end <= m.end and (m.end - m.start) > (end - start))
            or m.start < start < m.end < end
        )
        for m in mentions
    )  # fmt: skip


def phrase_head(tokens: list[Token]) -> Token:
    """The token the label's words hang on ("group" in "armed group")."""
    indices = {t.i for t in tokens}
    for token in reversed(tokens):
        if token.head.i not in indices or token.head.i == token.i:
            return token
    return tokens[-1]


def modifies_a_thing(head: Token, label_words: frozenset[str]) -> bool:
    """ "fighter jets", "terrorist attacks", "militant nostalgia": the label word modifies a noun
    that is not a person, a group or another label, so it labels no one."""
    possessor = any(c.dep_ == "case" and c.tag_ == "POS" for c in head.children)
    if head.tag_ == "NNS" or possessor:
        # a plural is a modifier only in a mis-parse ("militants fired rockets"); a possessor is
        # someone ("the insurgents' attacks")
        return False
    between = head.doc[head.i + 1 : head.head.i]
    if head.dep_ in ("compound", "amod") and head.head.i != head.i:
        if any(t.pos_ == "VERB" for t in between):
            return False  # "since the junta seized power", misparsed as one noun phrase
        noun = head.head
    elif _noun_glued_after(head):
        noun = head.doc[head.i + 1]  # "his jihadist past", parsed as two nouns
    else:
        return False
    if noun.lower_ in words_with_role("thing"):
        return True
    if noun.lower_ in _QUANTITIES or noun.lower_ in _reporting_forms():
        return False  # "cost the junta dozens of bases", "which the junta calls": a misparse
    return noun.pos_ == "NOUN" and not names_people(noun) and not lemma_in(noun, label_words)


def a_rule_of_law(head: Token, label_words: frozenset[str]) -> bool:
    """ "the sanctions regime", "a counter-terrorist operation regime", "the visa regime": a set
    of rules, named by the common noun before it, not the rulers ("the Assad regime", "the
    military regime" name them)."""
    return head.lemma_.lower() == "regime" and any(
        c.dep_ == "compound" and c.i < head.i and c.pos_ == "NOUN" and c.is_lower
        and not names_people(c) and not lemma_in(c, label_words)
        for c in head.children
    )  # fmt: skip


def joins_forces(head: Token) -> bool:
    """ "joined forces with Iran": the idiom for allying, in which "forces" labels no one (a bare
    plural object of "join")."""
    bare = not any(
        c.dep_ in ("det", "amod", "compound", "nmod:poss", "nummod") for c in head.children
    )
    return head.lower_ == "forces" and bare and head.dep_ == "obj" and head.head.lemma_ == "join"


def _noun_glued_after(head: Token) -> bool:
    """A singular noun right after the label word that the parse hung beside it, not on it, at
    the end of the phrase ("wary of his jihadist past.")."""
    doc, k = head.doc, head.i + 1
    if head.tag_ != "NN" or k + 1 >= len(doc) or doc[k].head.i == head.i:
        return False
    noun, after = doc[k], doc[k + 1]
    return noun.tag_ == "NN" and noun.head.i != head.i and (after.is_punct or after.pos_ == "ADP")


#: Nouns of number a label never modifies ("the junta dozens" is "the junta" and "dozens").
_QUANTITIES = frozenset(("dozens", "hundreds", "thousands", "millions", "scores", "tens"))


@functools.cache
def _reporting_forms() -> frozenset[str]:
    """Third-person forms of reporting verbs ("calls", "says"), which the tagger may read as
    plural nouns after a label."""
    return frozenset(form for form, _ in cue_entries() if form.endswith("s") and " " not in form)


def names_people(noun: Token) -> bool:
    """A noun for people or a group of them: listed ("leader", "cell", "left"), or an agent noun
    by its ending ("supporters", "activists", "civilians", "migrants", "residents")."""
    if lemma_in(noun, words_with_role("person")):
        return True
    if lemma_in(noun, words_with_role("thing")) or noun.lower_.rstrip("s").endswith("ment"):
        return False  # "the Turkish border", "the Russian government": ending like agents
    return noun.lower_.rstrip("s").endswith(_AGENT_ENDINGS)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")


def plural_tagged_a_name(head: Token) -> bool:
    """ "Gunmen/NNP blasted their way in": a plural label opening a sentence, which the tagger
    took for a name by its capital."""
    return head.tag_ == "NNP" and head.lower_.endswith(("s", "men"))


def one_person(head: Token) -> bool:
    """A singular label that can name one person: not a plural (by its form or by the verb that
    agrees with it: "the extremist, who have seized"), not a collective noun."""
    singular = head.tag_ in ("NN", "NNP") and "Number=Plur" not in str(head.morph)
    singular = singular and not plural_tagged_a_name(head)
    if singular and _plural_agreement(head):
        return False
    collective = words_with_role("group") | words_with_role("camp") | words_with_role("collective")
    return singular and not lemma_in(head, collective)


def _plural_agreement(noun: Token) -> bool:
    """A verb in the plural agrees with the noun, as its subject or through "who" ("the
    extremist, who have seized"; "the militant were")."""
    verbs = [noun.head] if noun.dep_ == "nsubj" else []
    verbs += [
        c
        for c in noun.children
        if c.dep_ == "acl:relcl"
        and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that", "which") for s in c.children)
    ]
    for verb in verbs:
        for word in (verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass", "cop"))):
            if word.tag_ == "VBP" or word.lower_ == "were":
                return True
    return False


def mention_in_core(token: Token, mentions: list[Mention]) -> Mention | None:
    """The name a phrase is, else the first name among its modifiers and owners."""
    for i in sorted(core_indices(token), key=lambda i: i != token.i):
        found = mention_of(token.doc[i], mentions)
        if found is not None:
            return found
    return None


def mention_of(token: Token, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.first >= 0 and m.covers(token.i) and m.role != "target":
            return m
    return None


def marked_possessor(token: Token) -> bool:
    """An ``nmod:poss`` the text marks as an owner: a possessive pronoun or a noun with "'s". A
    headline's unmarked noun before another ("Kenyan troops battle gunmen") is no owner, whatever
    the parse says."""
    return token.dep_ == "nmod:poss" and (
        token.pos_ == "PRON" or any(c.dep_ == "case" and c.tag_ == "POS" for c in token.children)
    )


def case_marker(token: Token) -> str:
    """The preposition of a phrase: its own, or one the parser hung on the phrase's first
    modifier ("as [neo]-Nazis") or possessor ("of [Brazil]'s oldest gangs")."""
    own = next((c.lower_ for c in token.children if c.dep_ == "case"), "")
    if own:
        return own
    for modifier in token.lefts:
        if modifier.dep_ in ("amod", "compound"):
            return next((c.lower_ for c in modifier.children if c.dep_ == "case"), "")
        if modifier.dep_ == "nmod:poss":
            return next(
                (c.lower_ for c in modifier.lefts if c.dep_ == "case" and c.tag_ == "IN"), ""
            )
    return ""


def antecedent(token: Token) -> Token:
    """ "who"/"which" of a relative clause stands for the noun the clause modifies."""
    if token.lower_ in ("who", "which", "that"):
        clause = token.head
        before = token.i - 1
        # "the extension of the PKK, which ... designate": the parser often hangs the clause on
        # the first noun; the name of the of-phrase right before the comma is the likelier one
        named = token.doc[before - 1] if before > 0 and token.doc[before].text == "," else None
        if (
            named is not None
            and named.pos_ in ("PROPN", "NOUN")
            and named.dep_ == "nmod"
            and named.head.i == clause.head.i
            and any(c.lower_ == "of" for c in named.children)
            and (named.pos_ == "PROPN" or named.text.isupper())
        ):
            return named
        if clause.dep_ in ("acl:relcl", "acl") and clause.head.i != clause.i:
            return clause.head  # ", who led ...": the noun right before the comma
        while before > 0 and token.doc[before].is_punct:
            before -= 1
        return token.doc[before]
    return token


def subtree_indices(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def core_indices(token: Token) -> set[int]:
    """A phrase's head and the words that name it, its owner or its side ("the army's base" ->
    base, army; "fighters linked to al Qaeda" -> fighters, al, Qaeda)."""
    out = {token.i}
    for child in token.children:
        if child.dep_ in ("compound", "flat", "nmod:poss", "amod", "appos"):
            out |= core_indices(child)
    side = affiliation_start(token)
    if side is not None:  # the name's capitalised words and particles
        doc, k = token.doc, side
        while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].lower_ in ("al", "-")):
            out.add(k)
            k += 1
    return out


def affiliation_start(head: Token) -> int | None:
    """Where the side named right after a label begins ("jihadists linked to [al-Qaeda]",
    "fighters loyal to [Haftar]"), read from the words: the parser often takes "linked" for the
    main verb."""
    doc, k = head.doc, head.i + 1
    if k + 2 >= len(doc) or _AFFILIATIONS.get(doc[k].lower_) != doc[k + 1].lower_:
        return None
    return k + 2 + (doc[k + 2].lower_ == "the")


#: Words that tie a label to its side, with the preposition that follows them.
_AFFILIATIONS = {
    "linked": "to",
    "loyal": "to",
    "tied": "to",
    "affiliated": "with",
    "aligned": "with",
    "belonging": "to",
}


def clause_of(head: Token) -> Token | None:
    """The verb whose argument the label phrase is (through a "conj" or "flat" chain)."""
    token = head
    while token.dep_ in ("conj", "appos", "flat") and token.head.i != token.i:
        token = token.head
    verb = token.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i != token.i else None


def objects_of(verb: Token) -> Iterator[Token]:
    """The objects of a verb (and of verbs coordinated with it): "overran [the army's base]"."""
    for child in verb.children:
        if child.dep_ in _OBJECTS:
            yield child
        if child.dep_ == "conj" and child.pos_ == "VERB":
            yield from objects_of(child)
