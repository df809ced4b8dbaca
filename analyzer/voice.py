"""Reported speech read from the parse: words that are the object or complement of a verb of
saying or naming whose subject (or passive agent) is someone other than the writer; a verb with
no subject of its own ("in blaming ...", "a report describing ...") takes its controller's. A
passive without agent ("is widely described as ...") has no source: the writer's words.

"Watchdog groups consider the Klan a white supremacist organization", "the ADL described white
supremacists as ...", "Turkish authorities identified the gunman as ...", "Hezbollah, designated a
terrorist organisation by the US": the attribution finder reads clauses a reporting verb
introduces; this reads the phrases such verbs take as objects, which carry the source's
characterisation, not the outlet's; and so does "the regime, as critics call it," (read from the
words). Used by :meth:`analyzer.document.Document.voice_at` on the
sentences that are parsed (those that hold a label or a reporting cue), so every signal gets it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from analyzer.lexicons import load_lexicon
from analyzer.text.cue_lexicons import cue_entries
from analyzer.text.cue_sites import circumstance_clause
from analyzer.words import base_forms, lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How far up the tree a word may sit below the verb (a phrase inside a phrase inside its object).
MAX_DEPTH = 6
#: Relations by which a word belongs to what a verb of saying or naming says or names.
_CONTENT_DEPS = frozenset(("obj", "iobj", "xcomp", "ccomp", "obl", "advcl", "nsubj:pass"))
#: Writers' own pronouns: "we describe them as ..." in the outlet's text is its own voice.
_WRITER = frozenset(("i", "we"))


@functools.cache
def characterising_verbs() -> frozenset[str]:
    """Verbs whose object carries the subject's characterisation: the attribution cues that take
    an object ("accuse", "describe", "condemn") and the naming verbs ("designate", "consider")."""
    verbs = {cue.term.lower() for _, cue in cue_entries() if cue.frame == "object"}
    verbs |= {row["word"] for row in load_lexicon("actor_words") if row["role"] == "names"}
    verbs |= {row["word"] for row in load_lexicon("actor_words") if row["role"] == "characterises"}
    return frozenset(v for v in verbs if " " not in v)


@functools.cache
def speech_verbs() -> dict[str, frozenset[str]]:
    """Verbs of saying (the attribution cues with a clause frame) -> the relations by which a
    phrase is what they say: "insisted, they're not extremists" (parataxis), "confirmed details
    of the group's plans" (object); after "told" the object is who is told, not what."""
    content = {"tell": frozenset(("ccomp", "parataxis"))}
    default = frozenset(("ccomp", "parataxis", "obj"))
    return {
        cue.term.lower(): content.get(cue.frame, default)
        for _, cue in cue_entries()
        if cue.frame in ("say", "claim", "that", "tell") and " " not in cue.term
    }


def reported_by_syntax(sdoc: Doc, token_index: int) -> bool:
    """Whether the token lies in the object or complement of a characterising verb, or in what a
    verb of saying says, when the verb has a source (a subject other than the writer, or a
    passive agent "by X")."""
    verbs, saying = characterising_verbs(), speech_verbs()
    child: Token = sdoc[token_index]
    came_through: Token | None = None  # the child we climbed from
    for _ in range(MAX_DEPTH):
        verb = child.head
        if verb.i == child.i:
            return False
        is_verb = verb.pos_ in ("VERB", "AUX") or _participle_as_adjective(verb) or _noun_verb(verb)
        if circumstance_clause(child):
            return False  # "condemned the attack after rioters stormed a hotel": when, not what
        # the "as" phrase of a naming verb the tagger read as a noun is an nmod: "which the
        # United States and Britain list/NN as a terrorist organisation"
        as_of_noun_verb = child.dep_ == "nmod" and _noun_verb(verb) and _naming_case(child, verb)
        # a clause hung on the verb without "as", "of", "for" ... is no complement of it: in
        # "declared a state of emergency, banned TikTok and deployed soldiers" it is a new act
        loose_clause = child.dep_ == "advcl" and not any(
            c.dep_ in ("mark", "case") for c in child.children
        )
        relation = _object_relation(child)
        content = (relation in _CONTENT_DEPS and not loose_clause) or as_of_noun_verb
        if content and is_verb and lemma_in(verb, verbs):
            # The object is the source's too ("Police described [the group] as militants",
            # "labelling [the protesters] rioters"): the held-out guideline counts a verb's
            # object with what it reports ("X accused U.S. [forces] of ...")
            if came_through is not None and misread_second_object(child) == came_through:
                return _has_source(verb, child)
            the_name = came_through is not None and _hung_name(came_through, verbs)
            if relation == "nsubj:pass" and _names_it(verb, child) and not the_name:
                return False  # "[the rebels] were described as heroes": the writer's subject
            return _has_source(verb, child)
        said = _relations_of(verb, saying) if is_verb else None
        # "The regime has "crossed every line," she told supporters": the clause before the
        # verb, however the parse relates it (an unmarked adverbial clause here), is what is said
        before = child.dep_ == "advcl" and child.i < verb.i and _bare_clause(child)
        if said is not None and (child.dep_ in said or before):
            return _has_source(verb, child)
        if child.dep_ in ("nsubj", "csubj"):
            return False  # the subject of a clause is not what the clause reports
        if child.dep_ == "appos" and not _hung_name(child, verbs):
            return False  # "..., a label that is gaining traction ...": the writer's gloss
        if _set_off_relative(child):
            return False  # "urged them to join E-CLIP, which provides housing to former rebels"
        came_through, child = child, verb
    return False


def _set_off_relative(clause: Token) -> bool:
    """A relative clause set off by a comma and opened by "which" or "who": the writer's gloss
    on a noun, not part of what the verb above reports."""
    if clause.dep_ != "acl:relcl":
        return False
    first = clause.left_edge.i
    while first < clause.i and clause.doc[first].is_punct:
        first += 1  # the parse may hang the comma on the clause
    comma = clause.doc[first - 1].text == "," if first > 0 else False
    return comma and clause.doc[first].lower_ in ("which", "who")


def _object_relation(token: Token) -> str:
    """The token's relation, "obj" for a second object the parser coordinated with the verb
    itself ("designated Viv Ansanm and [the allied Gran Grif gang]/conj as ...")."""
    verb = token.head
    second_object = (
        token.dep_ == "conj"
        and token.pos_ in ("NOUN", "PROPN")
        and verb.pos_ == "VERB"
        and any(c.dep_ == "obj" and c.i < token.i for c in verb.children)
    )
    return "obj" if second_object else token.dep_


def _bare_clause(clause: Token) -> bool:
    """A clause with a subject of its own and no subordinating word: a statement ("the regime
    has crossed every line"), not "if ...", "when asked ..." or "asked about ..."."""
    opened = any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ in ("WRB", "IN"))
        for c in clause.children
    )
    return not opened and any(c.dep_ in ("nsubj", "nsubj:pass") for c in clause.children)


def _hung_name(token: Token, verbs: frozenset[str]) -> bool:
    """The name a naming verb gives its object, which the parser hung on the object: "designated
    the Houthis [as a terrorist organization]", "called the leaders ["terrorists"]"."""
    holder = token.head
    placed = _object_relation(holder) in ("obj", "nsubj:pass")
    if not placed or holder.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = holder.head
    if not lemma_in(verb, verbs):
        return False
    if token.dep_ in ("nmod", "conj") and _naming_case(token, verb):
        return True  # "as" taken for a second object: "branded the PDF, ..., as terrorists"
    # An apposition is the name only where no "as" phrase gives one: in "described the men as
    # extremists, a word that ..." it is a gloss; nor where the passive names its subject with a
    # complement of its own ("X, a group of hacktivists, have been designated a terrorist
    # organisation": the apposition is the writer's)
    as_phrase = any(_has_case(c, "as") for c in (*verb.children, *holder.children))
    named = holder.dep_ == "nsubj:pass" and any(c.dep_ in ("obj", "xcomp") for c in verb.children)
    # "banned the PTM, a rights movement": a verb that names only with "as" gives no second object
    only_as = lemma_in(verb, _NAMING_ONLY_WITH_AS)
    return token.dep_ == "appos" and not as_phrase and not named and not only_as


#: Naming verbs that give a name only in an "as" phrase ("banned X as a terrorist group"), never
#: as a second object.
_NAMING_ONLY_WITH_AS = frozenset(
    ("ban", "outlaw", "proscribe", "describe", "list", "classify", "regard", "view")
)


def _relations_of(verb: Token, saying: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """The content relations of a verb of saying, by its lemma or (when the lemmatizer slips,
    "insisted" -> "insiste") by a regular base form of the word."""
    for form in (verb.lemma_.lower(), *base_forms(verb.lower_)):
        if form in saying:
            return saying[form]
    return None


def _names_it(verb: Token, obj: Token) -> bool:
    """Whether the verb gives its object a second complement, after it, that names it ("called the
    militants terrorists", "described the group as militants"); in "consider the Klan a racist
    group" the second object is the name, not the referent."""
    # A coordinated verb in between ends the verb's own complements: in "branded the RSF a rebel
    # group and refuses to ... what it calls 'mercenaries'" the parser may hang the last word on
    # "branded".
    clause_end = min(
        (c.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")),
        default=len(verb.doc),
    )
    if any(
        ((c.dep_ in ("nmod", "conj") and _naming_case(c, verb)) or c.dep_ == "appos")
        and not _a_name(c)
        for c in obj.children
    ):
        # "described the fighters as militias", "called the leaders 'terrorists'": the second
        # complement hung on the object
        return True
    agents = [c for c in verb.children if c.dep_ == "obl:agent"] if obj.dep_ == "nsubj:pass" else []
    if any(
        c.dep_ == "nmod" and _naming_case(c, verb) and not _a_name(c)
        for agent in agents
        for c in agent.children
    ):
        return True  # "the rebels were described by the army as terrorists", hung on the agent
    return any(
        obj.i < c.i < clause_end
        and (c.dep_ in ("xcomp", "obj") or (c.dep_ in ("obl", "advcl") and _naming_case(c, verb)))
        and not _a_name(c)
        for c in verb.children
    )


#: Naming verbs whose name may follow the object bare: "called the protesters rioters".
_TWO_OBJECT_NAMING = frozenset(("call", "label", "brand", "dub", "term", "deem", "name"))


def misread_second_object(label: Token) -> Token | None:
    """The object of "labelling the protesters rioters" when the parser read the two objects as
    one noun phrase (a compound): a plural noun right before the naming verb's object modifies
    nothing (English modifiers are singular: "rebel groups"), it is the one named."""
    if label.i == 0 or label.dep_ != "obj" or not lemma_in(label.head, _TWO_OBJECT_NAMING):
        return None
    before = label.doc[label.i - 1]
    plural_modifier = before.dep_ == "compound" and before.tag_ == "NNS"
    return before if plural_modifier and before.head.i == label.i else None


def _a_name(complement: Token) -> bool:
    """A person's or group's name as the second complement: "identified the gunman as Mevlut
    Mert Altintas" says who the authorities' "gunman" is; the object is their word."""
    return complement.tag_ == "NNP" and _has_case(complement, "as")  # not "as Nazis"


def _naming_case(complement: Token, verb: Token) -> bool:
    """The preposition of a second complement that names the object: "as", and "to" after
    "liken" ("likened the rebels to terrorists")."""
    return _has_case(complement, "as") or (
        lemma_in(verb, _LIKENING) and _has_case(complement, "to")
    )


#: Naming verbs whose name comes after "to".
_LIKENING = frozenset(("liken",))


def _has_case(token: Token, word: str) -> bool:
    return any(c.dep_ in ("case", "mark") and c.lower_ == word for c in token.children)


def _has_source(verb: Token, content: Token) -> bool:
    """A subject other than the writer, or a passive agent "by X" (the parser may hang the "by"
    phrase on the object: "designated a terrorist organisation by the United States"). A verb
    without a subject of its own takes its controller's: "X jumped ahead in blaming ...", "a
    report describing ... as"."""
    if _unsaid(verb):
        return False  # "refused to condemn the mob", "did not call them terrorists": unsaid
    for c in verb.children:
        if c.i == content.i:
            continue
        if c.dep_ == "obl:agent" or (c.dep_ == "nsubj" and c.lower_ not in _WRITER):
            return True
    subjectless = not any(c.dep_ in ("nsubj", "nsubj:pass", "expl") for c in verb.children)
    if (
        subjectless
        and (verb.tag_ in ("VBZ", "VBD") or _noun_verb(verb))
        and any(
            c.dep_ == "compound" and c.i == verb.i - 1 and c.pos_ in ("NOUN", "PROPN")
            for c in verb.children
        )
    ):
        # "The junta calls ...", "Damascus calls/NNS ...": the noun the parser hung on the verb
        return True
    # "In a joint statement, Alliance and UNSA-Police described ...": the names right before a
    # finite verb, whatever phrase the parser hung them in
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        subjectless
        and verb.tag_ in ("VBZ", "VBD", "VBP")
        and before is not None
        and before.pos_ == "PROPN"
        and before.i not in {t.i for t in content.subtree}
    ):
        return True
    if subjectless and _noun_verb(verb):
        # "The US and the EU list the ELN as ...": the names before the misread verb are its
        # subject, parsed as the phrase it belongs to
        head = verb.head
        return head.i < verb.i and head.pos_ in ("PROPN", "NOUN") and head.lower_ not in _WRITER
    if subjectless and verb.tag_ in ("VBG", "VB", "VBN") and verb.head.i != verb.i:
        controller = verb.head
        if verb.dep_ in ("acl", "acl:relcl") and controller.pos_ in ("NOUN", "PROPN"):
            return True  # "a report describing white supremacists as": the report says it
        if verb.dep_ in ("advcl", "xcomp") and controller.pos_ in ("VERB", "AUX"):
            # "Police were accused of labelling the protesters rioters": a passive's subject
            # does what the verb it controls says
            doer = not _passive(verb) and any(
                c.dep_ == "nsubj:pass" and c.lower_ not in _WRITER for c in controller.children
            )
            return doer or _has_source(controller, verb)
    # A passive reports only with its agent ("heralded as heroes by the left"): with none ("is
    # widely described as ...") nobody can be held to the words, which stay the writer's, as
    # after a vague source (Document.voice_at). Its subject ("the rebels were accused of ...")
    # is the writer's word either way.
    return (
        content.dep_ != "nsubj:pass"
        and (_passive(verb) or _participle_as_adjective(verb))
        and any(
            c.dep_ in ("nmod", "obl") and _has_case(c, "by")
            for c in (*verb.children, *content.children)
        )
    )


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)


def _unsaid(verb: Token) -> bool:
    """A verb of saying or naming that is negated, or that its subject refuses or fails to do:
    its object is then the writer's word, not one the subject used."""
    if any(c.dep_ == "advmod" and c.lower_ in _NEGATIONS for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DECLINING


_NEGATIONS = frozenset(("not", "n't", "never", "n’t"))
#: Verbs whose complement is left undone: "refused to condemn", "failed to call".
_DECLINING = frozenset(("refuse", "fail", "decline", "refrain", "neglect"))


def _noun_verb(token: Token) -> bool:
    """A verb the tagger read as a noun: it has an object ("the EU [list] the ELN as ...")."""
    return token.pos_ == "NOUN" and any(c.dep_ == "obj" for c in token.children)


def _participle_as_adjective(token: Token) -> bool:
    """A passive participle the tagger read as an adjective after "be" ("you're heralded as")."""
    return (
        token.pos_ == "ADJ"
        and token.lower_.endswith("ed")
        and any(c.dep_ == "cop" for c in token.children)
    )


#: "the regime, as critics call it,": a parenthetical that hands the word before it to a source.
_AS_THEY_CALL_IT = re.compile(
    r"[\"'”’]?,?\s+as\s+(?!(?:we|i)\s)(?:[\w'’-]+\s+){1,4}?"  # "as we call them": the writer's
    r"(?:call|calls|called|describe|describes|described|dub|dubs|dubbed|term|terms|termed|"
    r"label|labels|labelled|labeled|brand|brands|branded)\s+"
    r"(?:it|them|him|her|itself|themselves|himself|herself)\b",
    re.IGNORECASE,
)


def _naming_forms() -> str:
    """The inflected forms of the naming verbs, as one regular-expression alternation."""
    forms = set()
    for verb in _NAMING_VERBS:
        forms |= {verb, f"{verb}s"}
        if verb.endswith("y"):
            forms |= {f"{verb[:-1]}ies", f"{verb[:-1]}ied"}
        elif verb.endswith("e"):
            forms.add(f"{verb}d")
        else:
            forms |= {f"{verb}ed", f"{verb}{verb[-1]}ed"}  # "labelled", "labeled"
    return "|".join(sorted(forms, key=len, reverse=True))


_SAYING = "says|said|claims|claimed|believes|believed|alleges|alleged|insists|insisted|thinks"
_NAMING_VERBS = (
    "regard", "consider", "call", "designate", "describe", "label", "brand", "view", "deem",
    "list", "classify", "dub", "term",
)  # fmt: skip
#: ", which Turkey regards as [terrorists]", ", who the government says are [terrorists]": a
#: relative clause whose subject names the word after it; read from the words, since the tagger
#: often takes the verb for a plural noun. A passive (", which was designated a ...") has no
#: namer.
_WHICH_THEY_CALL = re.compile(
    r",\s*(?:which|whom|who)\s+(?!(?:we|i|is|was|are|were|be|been|has|have|had)\s)"
    rf"(?:[\w.'’-]+\s+){{1,4}}?(?:(?:{_naming_forms()})\s+(?:as\s+)?"
    rf"|(?:{_SAYING})\s+(?:is|are|was|were|to\s+be)\s+)"  # "who the government says are"
    r"(?:(?:a|an|the)\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)
#: How far before a word such a clause may start.
_RELATIVE_WINDOW = 100


def named_by_a_source(text: str, start: int, end: int) -> bool:
    """Whether the words ``text[start:end]`` are handed to a source by "as X call(s) it" after
    them or ", which X calls" before them."""
    if _AS_THEY_CALL_IT.match(text, end) is not None:
        return True
    window = text[max(0, start - _RELATIVE_WINDOW) : start]
    return _WHICH_THEY_CALL.search(window) is not None
