"""A reporting cue in its sentence (:class:`Site`), what follows it, and the parse it yields."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.text.context_rules import (
    AUXILIARIES,
    CLOSING_PUNCT,
    DETERMINERS,
    PREPOSITIONS,
    finite_verb_ahead,
    word_set,
)
from analyzer.text.cue_lexicons import Cue, cue_entries
from analyzer.text.phrases import TIME_OPENERS, TIME_WORDS, Tokens
from analyzer.text.quote_lookup import QuoteLookup
from analyzer.words import base_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Pronouns that open a reported clause right after a cue ("admitted she was", "said he will").
SUBJECTS = frozenset(("he", "she", "they", "we", "i", "there"))
WH_WORDS = frozenset(("what", "how", "why", "whether"))
#: Words that cannot open a that-less reported clause right after a cue.
_NON_CLAUSE_START = (
    PREPOSITIONS
    | AUXILIARIES
    | {"and", "but", "or", "then", "as", "so", "while", "when", "if", "not"}
)

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Parse:
    cue: Pair
    source: Pair | None
    content: Pair
    mode: str
    quote_index: int | None
    term: str
    category: str
    rule: str


@dataclass(frozen=True, slots=True)
class Site:
    """One cue in its sentence: the tokens, the cue's token range and its lexicon entry."""

    toks: Tokens
    first: int
    last: int
    cue: Cue
    sentence: Pair

    @property
    def span(self) -> Pair:
        return self.toks.starts[self.first], self.toks.end(self.last)

    def make(
        self, source: Pair | None, content: Pair, mode: str, why: str, quote: int | None = None
    ) -> Parse:
        return Parse(self.span, source, content, mode, quote, self.cue.term, self.cue.category, why)


def complement(site: Site, quotes: QuoteLookup) -> tuple[str, int]:
    """What follows a cue: ("quote", quote index), ("clause", its first token), or
    ("end" | "comma" | "none", token index). The windows scanned are the tokens' settings."""
    toks, frame, j = site.toks, site.cue.frame, site.last + 1
    settings = toks.settings
    lows, n = toks.lows, len(toks)
    if frame == "tell":
        k = _skip_object(toks, j)
        if j < k < n and lows[k] != "that" and (lows[k] in SUBJECTS or lows[k] in DETERMINERS):
            return "clause", k  # "told reporters the group would ..."
        j = k
    if j + 1 < n and lows[j] == "to" and frame == "claim":
        return "clause", j  # "claimed to have conquered"
    j = _past_when_and_where_said(toks, j)  # "said on Monday they had ...", "said in a statement"
    if frame in ("say", "claim") and _counted_subject(toks, j):
        return "clause", j  # "said at least 100 people were killed", "said about 20 died"
    if j < n and lows[j] in PREPOSITIONS:
        start = j
        while j < n and toks.word(j) and lows[j] != "that" and j - start <= settings.pp_max_words:
            j += 1
        if j < n and toks.word(j) and lows[j] != "that":
            return "none", j
    if j >= n:
        return "end", j
    t = lows[j]
    if t in (",", ":", ";", "that"):
        quote = quotes.quote_at(toks.starts[j + 1] if j + 1 < n else site.sentence[1])
        if quote is not None:
            return "quote", quote
        inserted = _inserted_phrase_end(toks, j) if t == "," else None
        if inserted is not None:
            return "clause", inserted  # "explains, in a satirical fashion, that ..."
        if t in (",", ";"):
            return "comma", j
        return ("clause", j + 1) if j + 1 < n else ("none", j)
    quote = quotes.quote_at(toks.starts[j])
    if quote is not None:
        return "quote", quote
    if all(lows[m] in CLOSING_PUNCT for m in range(j, n)):
        return "end", j
    if t in SUBJECTS or t in WH_WORDS:
        return "clause", j
    if frame == "say" and toks.word(j) and t not in _NON_CLAUSE_START:
        return "clause", j
    # "claimed the army had fled", but "claimed victory", "pledged allegiance to the group"
    if frame in ("that", "claim") and finite_verb_ahead(
        quotes.text, toks.starts[j], site.sentence[1], settings.thatless_max_words
    ):
        return "clause", j
    return "none", j


def _counted_subject(toks: Tokens, j: int) -> bool:
    """A that-less clause opening with a count, whose first word is a preposition only in form:
    "at least 100 people", "about 20 soldiers", "up to 300 families"."""
    lows, n = toks.lows, len(toks)
    if j + 1 < n and lows[j] == "at" and lows[j + 1] in ("least", "most"):
        return True
    if j + 2 < n and lows[j] == "up" and lows[j + 1] == "to":
        j += 1
    return j + 1 < n and lows[j] in _APPROXIMATELY and _a_number(lows[j + 1])


def _a_number(word: str) -> bool:
    return word.replace(",", "").replace(".", "").isdigit() or word in _NUMBER_WORDS


_APPROXIMATELY = frozenset(("about", "around", "over", "under", "nearly", "almost", "to"))
_NUMBER_WORDS = frozenset(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
     "hundreds", "thousands", "half", "twenty", "thirty", "forty", "fifty")
)  # fmt: skip


def _past_when_and_where_said(toks: Tokens, j: int) -> int:
    """Past phrases that say when or in what a cue's words were said, which news copy puts
    between the cue and a that-less clause: "said on Monday", "said late Tuesday", "said in a
    statement", "told reporters in an interview on Sunday"."""
    lows, n = toks.lows, len(toks)
    while j < n:
        k = j
        if lows[k] in TIME_OPENERS:
            k += 1
        while k < n and (lows[k].rstrip(".") in TIME_WORDS or (lows[k] == "." and k > j)):
            k += 1  # "Dec. 2": the abbreviation's full stop may be a token of its own
        if k > j and lows[k - 1].rstrip(".") in TIME_WORDS:
            j = k  # "on Monday", "late Tuesday", "on Dec. 2"
            continue
        medium = k + 2 < n and lows[j] == "in" and lows[j + 1] in ("a", "an", "the")
        if medium and lows[j + 2] in _SAYING_MEDIA:
            j += 3  # "in a statement", "in an interview"
            continue
        if lows[j] in ("earlier", "later"):
            j += 1  # "told the channel earlier (in the day) that"
            if j + 2 < n and lows[j : j + 2] == ["in", "the"] and lows[j + 2] in _PARTS_OF_TIME:
                j += 3
            continue
        break
    return j


#: Days, never a speaker however the parse reads them.
_DAY_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight"
)
#: "earlier in the day", "later in the week".
_PARTS_OF_TIME = word_set("day week month year morning afternoon evening")
#: Nouns for what words were said in: "said in a statement".
_SAYING_MEDIA = word_set(
    "statement interview speech post letter tweet email message video briefing address "
    "broadcast release report conversation"
)


def _inserted_phrase_end(toks: Tokens, comma: int) -> int | None:
    """First token of the clause after a prepositional phrase set off by commas and "that"."""
    j, n = comma + 1, len(toks)
    if j >= n or toks.lows[j] not in PREPOSITIONS:
        return None
    while j < n and toks.word(j) and j - comma <= toks.settings.pp_max_words:
        j += 1
    if j + 2 < n and toks.lows[j] == "," and toks.lows[j + 1] == "that":
        return j + 2
    return None


def _skip_object(toks: Tokens, j: int) -> int:
    """Past the object of a tell-type cue: up to ``object_max_words`` words, stopping before a
    preposition, "that", or a determiner or pronoun that opens the reported clause."""
    start = j
    while j < len(toks) and j - start < toks.settings.object_max_words:
        if not toks.word(j):
            if not _abbreviation_stop(toks, j, start):
                break
            j += 1  # "told U.S. prosecutors that": the last stop of "U.S."
            continue
        t = toks.lows[j]
        if t == "that" or t in PREPOSITIONS or (j > start and (t in SUBJECTS or t in DETERMINERS)):
            break
        j += 1
    return j


def _abbreviation_stop(toks: Tokens, j: int, start: int) -> bool:
    """The full stop closing an abbreviation written with stops ("U.S.", "U.N."), glued to it."""
    return (
        toks.lows[j] == "."
        and j > start
        and "." in toks.lows[j - 1]
        and toks.starts[j] == toks.end(j - 1)
    )


# --- the same cue read from its sentence's dependency parse ------------------------------------
#
# UD relations (the word layer is trained on UD English EWT): the subject of a reporting verb is
# its source, its clausal complement (ccomp) the reported clause; a postposed "..., the army
# said" is a parataxis (or the root with the clause as ccomp); "was described by X" has X as an
# oblique with "by".

#: Parts of speech that show a cue word is not a reporting verb here ("six of the seven states",
#: "the pledges", "press reports"): the parse decides where the word-list rules cannot.
NOT_VERB_POS = frozenset(("NOUN", "PROPN", "ADJ", "NUM", "ADP", "DET"))
SUBJECT_DEPS = frozenset(("nsubj", "nsubj:pass", "csubj"))
#: Relations of a cue's dependents that carry what an object-frame cue reports ("urged voters to
#: stay calm", "described the flood as a catastrophe", "called for a strike").
OBJECT_DEPS = frozenset(("obj", "iobj", "xcomp", "ccomp", "obl", "advcl", "dep"))
#: Relative pronouns whose antecedent is the real subject ("Devocht, who had told ...").
RELATIVE_SUBJECTS = frozenset(("who", "which", "that"))
#: Object-frame cues that report only when they name their object ("called the deal a mistake";
#: "consider X a threat", not "consider a bill"), by lemma or by term ("branded", "labelled":
#: the terms of verbs whose base forms read mostly as nouns).
NAMING_CUES = frozenset(("call", "consider", "brand", "label", "branded", "labelled"))
#: Object-frame cues that report even with nothing after them: the report is that nothing was said.
SILENT_CUES = frozenset(("decline to comment",))
#: What a denial's object names besides a report ("denied involvement", "denies any role"):
#: the source's position on a charge.
DENIED_NOUNS = frozenset(
    ("involvement", "responsibility", "wrongdoing", "role", "links", "knowledge", "guilt")
)
#: Object-frame cues that report only with this word among their object's dependents: "described
#: the flood as a catastrophe" labels it, "described the scene" only tells what happened.
OBJECT_NEEDS = {"describe": "as", "dismiss": "as", "call on": "to"}  # "called on X to ..."
#: Subordinating words that make a cue's clause a condition or a time, not a report ("When I
#: wrote my poems", "While checks will continue, ..."). A concessive or causal clause still
#: asserts its report ("although a poll found ...", "because the mayor said ..."), and so does a
#: clause of what came before or after ("days after Israel accused the group of smuggling
#: weapons": the accusation was made), so "although", "though", "because", "before" and "after"
#: are not among them.
SUBORDINATORS = frozenset(
    (
        "if",
        "when",
        "whenever",
        "while",
        "since",
        "until",
        "unless",
        "once",
    )
)
#: That-frame verbs whose that-less clause the parse is asked for when the word rules reject it
#: ("found [reduction of crop yields] exceeded ...", "explained [the obsession] began ..."). The
#: others ("wrote a book", "announced a plan", "revealed the figures", "denied the charge") took
#: an object in over 95% of such sentences in news text, and parsing is the cost; they are
#: parsed only for an object that quotes the speaker (:func:`quoted_object`).
THATLESS_FROM_PARSE = frozenset(
    ("find", "explain", "estimate", "conclude", "suggest", "confirm", "recall", "note", "observe",
     "discover", "recognise", "realise", "acknowledge", "admit", "concede", "reiterate", "insist")
)  # fmt: skip
#: Penn tags of a finite verb or modal; and the parts of speech a subject noun phrase holds.
FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))
NOUN_PHRASE_POS = frozenset(("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART", "ADP"))


def tree_subject(verb: Token) -> Token | None:
    """The source of a reporting verb: its subject, the agent of a passive ("was described by
    X"), the subject shared with a coordinated verb, or the antecedent of a relative pronoun."""
    seen = 0
    while seen < 4:  # a short chain of coordinated verbs, never a cycle
        seen += 1
        # A line break the parser took for a subject is none. Of two subjects the nearest is
        # the verb's ("Troops and fighters clashed near X, local officials told Reuters").
        # "An alliance ... said Wednesday that": the day, parsed as a subject, is not one; nor is
        # a noun before the verb's own "and" ("... the violence and called for"): the verb is
        # coordinated, and its subject is the first verb's
        joined = [c.i for c in verb.children if c.dep_ == "cc" and c.i < verb.i]
        subject = min(
            (
                c for c in verb.children
                if c.dep_ in SUBJECT_DEPS and c.text.strip() and c.lower_ not in _DAY_WORDS
                and not _when(c)  # "... and this week described": a time is no subject
                and not any(c.i < k for k in joined)
            ),
            key=lambda c: abs(c.i - verb.i),
            default=None,
        )  # fmt: skip
        # The passive auxiliary decides ("was described"): a subject labelled passive without
        # one is more often a mislabelled active subject ("The results ..., revealed that").
        passive = any(c.dep_ == "aux:pass" for c in verb.children)
        if subject is not None and passive:
            agent = _passive_agent(verb)
            if agent is not None:
                return agent
            return None  # "the flood was described as ...": no source is written
        if subject is not None:
            if subject.lower_ in RELATIVE_SUBJECTS:  # "the official who told reporters ..."
                return _antecedent(verb.head) if verb.dep_.startswith("acl") else None
            return subject
        swallowed = _swallowed_by_relative(verb)
        if swallowed is not None:
            return swallowed
        if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i:
            # "The prosecutor accused the bank ..." parsed as a noun phrase with a reduced
            # relative clause: with no other predicate in the sentence the noun is the subject.
            return verb.head
        coordinated = verb.dep_ in ("conj", "advcl") and bool(joined)
        # "The army shelled the town, saying ...": the participle's subject is its clause's
        participle = (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and all(c.is_punct or c.dep_ in _TIME_MODIFIERS for c in verb.lefts)
            and verb.head.i < verb.i
        )
        if (coordinated or participle or verb.dep_ == "xcomp") and verb.head is not verb:
            # "tweeted to Mohamed and said ...", "wanted to say ..."; a comma alone between two
            # verbs is more often two sentences run together than a shared subject.
            verb = verb.head
            continue
        return _lost_subject(verb)
    return None


#: A phrase of time between a verb and its participle ("issued a report last year describing").
_TIME_MODIFIERS = frozenset(("obl:unmarked", "obl:tmod"))


#: Prepositions before a place: "active across the Sahel".
_PLACE_CASES = frozenset(
    ("in", "at", "across", "throughout", "near", "outside", "inside", "around")
)


def _antecedent(noun: Token) -> Token:
    """Who a relative clause's noun is: the name it stands in apposition to ("Chris Barker, a
    Klan leader who confirmed ..." is Chris Barker speaking), else the noun itself; not a place
    a modifier names ("the affiliate active across the Sahel, which said" is the affiliate)."""
    cases = {c.lower_ for c in noun.children if c.dep_ == "case"}
    place = noun.dep_ in ("obl", "nmod") and bool(cases & _PLACE_CASES)
    if place and noun.head.dep_ in ("amod", "acl") and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        return noun.head
    # The parse may hang the apposition elsewhere ("with help of Chris Barker, a KKK leader
    # who ..." read as an object of the main verb): a name, a comma, then the article.
    first = next(t for t in noun.subtree if not t.is_punct)
    if noun.pos_ == "NOUN" and first.lower_ in ("a", "an", "the") and first.i >= 2:
        comma, name = noun.doc[first.i - 1], noun.doc[first.i - 2]
        if comma.text == "," and name.pos_ == "PROPN":
            return _head_of_name(name)
    return noun


def _head_of_name(last: Token) -> Token:
    """The head of the capitalised name that ends at ``last`` ("Group for the Support of Islam
    and Muslims" ends at "Muslims" but is headed by "Group"): its word whose head is outside."""
    doc, k = last.doc, last.i
    while k > 0 and (doc[k - 1].is_title or doc[k - 1].lower_ in _NAME_JOINS):
        k -= 1
    inside = range(k, last.i + 1)
    return next((t for t in doc[k : last.i + 1] if t.head.i not in inside), last)


#: Small words inside a name: "Group for the Support of Islam and Muslims".
_NAME_JOINS = frozenset(("of", "for", "the", "and", "-"))


#: Reporting verbs with no noun of the same form: "denies", "accuses" tagged as plural nouns
#: (the tagger reads "The ministry denies ..." as a noun phrase) are verbs all the same.
_NEVER_NOUNS = frozenset(
    ("deny", "say", "accuse", "insist", "argue", "admit", "allege", "confirm", "announce",
     "explain", "believe", "suggest", "describe", "condemn", "dismiss", "reject", "acknowledge",
     "add", "tell", "warn", "threaten", "predict", "assert", "contend", "declare", "reveal")
)  # fmt: skip


def mistagged_verb(token: Token) -> bool:
    """A third-person form of a reporting verb that is never a noun, tagged as a noun."""
    return (
        token.pos_ == "NOUN"
        and token.lower_.endswith("s")
        and any(form in _NEVER_NOUNS for form in (token.lemma_.lower(), *base_forms(token.lower_)))
    )


def _lost_subject(verb: Token) -> Token | None:
    """ "the ambassador, Samantha Power, accused ...": a main verb the parser left without a
    subject (or hung on a noun it took for the root), right after a name set off by commas;
    that name is the subject it lost; as is a name the parser hung on the verb as a compound,
    reading the verb as a noun ("Islamabad/compound denies/ROOT the charge")."""
    glued = [c for c in verb.children if c.dep_ == "compound" and c.i == verb.i - 1]
    a_verb = verb.pos_ == "VERB" or mistagged_verb(verb)
    if verb.dep_ == "ROOT" and a_verb and glued and glued[0].pos_ in ("PROPN", "NOUN"):
        return glued[0]
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBD" and before is not None and before.pos_ == "PROPN":
        # "..., provincial Information Minister Azma Bokhari branded ...": a past verb right
        # after a name, whatever the parse made of the name, has it for its subject; not a
        # name after a preposition ("on Tuesday urged", "wrote on X. Prime Minister ...")
        head = _head_of_name(before)
        first = min(t.i for t in head.subtree)
        after_preposition = any(c.dep_ == "case" for c in head.children) or (
            first > 0 and verb.doc[first - 1].dep_ == "case"
        )
        modifier = verb.dep_ == "acl"  # "the group within Scientology called/acl the Sea Org"
        if (
            before.lower_ not in _DAY_WORDS
            and not (after_preposition or modifier)
            and head.i < verb.i
        ):
            return head
    if verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    relative = _closed_relative(verb)
    if relative is not None:  # "X, who has faced criticism ..., called ..." hung in the clause
        named = relative.head if relative.head.pos_ == "PROPN" else _name_before_clause(relative)
        return named or relative.head
    misplaced = verb.dep_ == "conj" and verb.head.pos_ not in ("VERB", "AUX")
    if verb.dep_ != "ROOT" and not misplaced:
        return None
    before = verb.doc[verb.i - 2]
    while before.dep_ == "flat" and before.head.i < before.i:
        before = before.head  # "Najib [Mikati]": the name's first word heads it
    set_off = _set_off_phrase(before)
    if set_off is not None:
        return set_off
    if before.pos_ == "PROPN" or (before.pos_ == "NOUN" and before.is_title):
        return before
    return None


def _set_off_phrase(last: Token) -> Token | None:
    """The subject a phrase set off by commas belongs to, when ``last`` ends that phrase: its
    relative clause ("Fernando Dias, who had claimed victory on Monday, accused ...") or a
    description ("ECOWAS, the Economic Community of West African States, condemned ...")."""
    for token in (last, *last.ancestors):
        if token.head.i >= token.i:
            return None
        if token.dep_ == "acl:relcl":
            return _antecedent(token.head)
        if token.dep_ == "appos":
            # a description is said of the name before it; a name set off after a description
            # is the speaker ("the U.S. ambassador ..., Samantha Power, accused")
            first = next(t for t in token.subtree if not t.is_punct)
            return token.head if first.lower_ in ("the", "a", "an") else None
    return None


def _swallowed_by_relative(verb: Token) -> Token | None:
    """ "A community leader who asked not to be named said ...": a main verb of its own (a past
    form with no subject, auxiliary or "to"), which the parser hung inside the relative clause
    before it; the clause's noun is its subject."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("xcomp", "ccomp", "conj"):
        return None
    if any(c.dep_ in (*SUBJECT_DEPS, "aux", "aux:pass", "mark", "cc") for c in verb.children):
        return None
    relative = next((t for t in verb.ancestors if t.dep_ == "acl:relcl"), None)
    if relative is None or relative.head.i > relative.i:
        return None
    pronoun = [c for c in relative.children if c.dep_ in SUBJECT_DEPS]
    if not pronoun or pronoun[0].lower_ not in RELATIVE_SUBJECTS:
        return None
    return _antecedent(relative.head)


def _name_before_clause(relative: Token) -> Token | None:
    """The name right before the comma that opens a relative clause, which the parse hung on
    another noun ("In a televised address, Chief Adviser Muhammad Yunus, who has led ...")."""
    first = relative.left_edge.i
    comma = first if relative.doc[first].text == "," else first - 1
    before = relative.doc[comma - 1] if comma >= 1 and relative.doc[comma].text == "," else None
    if before is None or before.pos_ != "PROPN":
        return None
    return _head_of_name(before)


def _closed_relative(verb: Token) -> Token | None:
    """The relative clause on a name that ends at the comma before ``verb``, when the parser hung
    the verb inside it ("DeSantis, who has faced criticism ..., called ..." with "called" read as
    part of the clause)."""
    relative = next((t for t in verb.ancestors if t.dep_ == "acl:relcl"), None)
    if relative is None or relative.head.i > relative.i:
        return None
    if relative.head.pos_ != "PROPN" and _name_before_clause(relative) is None:
        return None
    first = relative.left_edge.i
    opened = verb.doc[first].text == "," or (first > 0 and verb.doc[first - 1].text == ",")
    closes = verb.doc[verb.i - 2].i in {t.i for t in relative.subtree}
    return relative if opened and closes else None


def _passive_agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
        if child.dep_ == "obl" and any(
            c.lower_ == "by" and c.dep_ == "case" for c in child.children
        ):
            return child
    return None


def phrase_bounds(head: Token) -> tuple[int, int]:
    """First and last token index of the noun phrase headed by ``head``: without a leading
    preposition ("by X"), without a relative clause or apposition after the head, and cut before
    the first comma, dash or parenthesis after it ("Tom Molomby, SC, said" -> "Tom Molomby")."""
    sdoc = head.doc
    first = head.left_edge.i
    while first < head.i and (
        sdoc[first].dep_ in _NOT_PHRASE_START
        or sdoc[first].is_punct
        or sdoc[first].is_space
        or sdoc[first].lower_ == "whose"  # "Hifter, whose [Libyan National Army] described"
    ):
        first += 1
    for k in range(first + 1, head.i):  # the parse may join a quotation's end to its speaker:
        if sdoc[k].tag_ in ("``", "''") and sdoc[k - 1].text in _QUOTE_CLOSERS:
            first = k + 1  # '... the back door," Sri Lanka Podujana Peramuna MP X told'
    last = head.i
    for child in head.rights:
        if _joining_hyphen(child):
            continue  # "Bashar al-Assad": the hyphen inside a name
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == last + 1:
            last = child.right_edge.i  # "Irakli Kobakhidze" parsed as a name and its apposition
            continue
        if child.dep_.split(":")[0] in _NOT_IN_PHRASE or _as(child):
            break  # "by the governor [as a catastrophe]": the "as" phrase is what is said
        if _when(child):
            break  # "The government [on Sunday] accused": when, not who
        charge = passive_charge(head.head) if head.dep_ == "obl:agent" else None
        if charge is not None and charge.i == child.i:
            break  # "blamed by the UN [for the massacre]": what the agent blames, not who
        last = child.right_edge.i
    for k in range(head.i + 1, last + 1):
        if sdoc[k].text in _PHRASE_BREAKS and not _joining_hyphen(sdoc[k]):
            last = k - 1
            break
    while last > head.i and (sdoc[last].is_punct or sdoc[last].is_space):
        last -= 1
    return first, last


def _joining_hyphen(token: Token) -> bool:
    """A hyphen written between two words without spaces ("al-Assad"), not a dash."""
    return (
        token.text == "-"
        and 0 < token.i < len(token.doc) - 1
        and not token.whitespace_
        and not token.nbor(-1).whitespace_
    )


def _when(token: Token) -> bool:
    """A phrase of time hung on a noun: "on Sunday", "last week"."""
    words = [t.lower_.rstrip(".") for t in token.subtree if not t.is_punct]
    return (
        token.dep_ != "flat"  # the rest of a name: "Theresa May"
        and bool(words)
        and words[-1] in TIME_WORDS
        and all(w in TIME_WORDS or w in TIME_OPENERS for w in words)
    )


#: Dependents before a source's head that do not open it ("[by] X", "[and] health checks",
#: "[are] the numerous vulnerabilities").
_NOT_PHRASE_START = frozenset(("case", "fixed", "cc", "mark", "advmod", "cop", "aux"))
#: Dependents after a source's head that are not part of its name ("the official [who told ...]").
_NOT_IN_PHRASE = frozenset(("acl", "appos", "parataxis", "advcl", "punct", "dep"))
_PHRASE_BREAKS = frozenset((",", "(", "–", "—", "-", ";", ":"))
#: Punctuation that ends a quotation right before its closing mark.
_QUOTE_CLOSERS = frozenset((",", ".", "?", "!"))


def clause_bounds(head: Token) -> tuple[int, int]:
    """First and last token index of the subtree of ``head`` without edge punctuation."""
    first, last = head.left_edge.i, head.right_edge.i
    sdoc = head.doc
    while first < last and sdoc[first].is_punct:
        first += 1
    while last > first and sdoc[last].is_punct:
        last -= 1
    return first, last


def thatless_clause(verb: Token, max_tokens: int) -> int | None:
    """Index of the first token of a that-less reported clause read from the tags alone: a noun
    phrase of at most ``max_tokens`` tokens (``AttributionSettings.thatless_max_tokens``), then
    a finite verb ("explained [Warhol's obsession with celebrities began ...]"); the arcs of a
    long sentence are less reliable than its tags. None when anything else follows (an object, a
    pronoun object, punctuation)."""
    sdoc, start = verb.doc, verb.i + 1
    if start >= len(sdoc) or sdoc[start].pos_ in ("ADP", "PART"):
        return None  # "told [about] mathematics": a prepositional object, not a clause
    for k in range(start, min(len(sdoc), start + max_tokens + 1)):
        token = sdoc[k]
        if token.tag_ in FINITE_TAGS or "Fin" in token.morph.get("VerbForm", []):
            return start if k > start else None
        if token.pos_ not in NOUN_PHRASE_POS or token.text in _PHRASE_BREAKS:
            return None
        if token.pos_ == "PRON" and "Yes" not in token.morph.get("Poss", []):
            return None  # "found his brother [he] had ..." : an object, then a new clause
    return None


def reported_clause(verb: Token) -> Token | None:
    """The clausal complement of a reporting verb ("said [the troops would stay]")."""
    return next((c for c in verb.children if c.dep_ == "ccomp"), None)


def subordinate(verb: Token) -> bool:
    """True when the cue's clause is introduced by "if", "when", "while" ...; a "while" clause
    after the main clause contrasts two reports ("X accused Y, while Moscow blamed Z")."""
    return any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS and not _contrast(c) for c in verb.children
    )


def _contrast(mark: Token) -> bool:
    """ "..., while Moscow blamed ...": "while" after a comma mid-sentence sets two reports side
    by side; opening a sentence ("While checks continue, ...") it is a time or a concession."""
    return mark.lower_ == "while" and mark.i > 0 and mark.doc[mark.i - 1].text == ","


def clause_like(head: Token) -> bool:
    """True when ``head`` heads a clause of its own: a verb, or a predicate with a copula, that
    has a subject ("[the obsession began]"), not a plain object ("[a penalty which ...]")."""
    if not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in head.children):
        return False
    return head.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in head.children)


def _object_parts(verb: Token) -> list[Token]:
    """What an object-frame cue reports. When it names its object with an "as" phrase
    ("described [the group] as militants"; the parser may hang "as ..." on the object or on the
    passive agent) or a second noun ("called [the leaders] "terrorists"", which the parser may
    hang on the object), the object is only the referent, the writer's words, and the report is
    the name."""
    parts = [
        c
        for c in verb.children
        if c.dep_ in OBJECT_DEPS and c.i > verb.i and not circumstance_clause(c) and not _new_act(c)
    ]
    naming = [c for c in verb.children if c.i > verb.i and c.dep_ in _AS_PHRASE_DEPS and _as(c)]
    calls = verb.lemma_.lower() in NAMING_CUES
    for holder in verb.children:
        if holder.dep_ in ("obj", "obl:agent") and holder.i > verb.i:
            naming += [c for c in holder.children if c.dep_ in ("nmod", "acl") and _as(c)]
            if calls:  # "called the gang leaders "terrorists"", the name hung on the object
                naming += [c for c in holder.children if c.dep_ == "appos" and c.i > holder.i]
            named_as = _after_a_relative(verb.doc, holder, "as")
            if named_as is not None:  # hung on the relative clause's verb
                name = verb.doc[named_as].head
                if name.i > named_as and name.pos_ in ("NOUN", "PROPN", "ADJ"):
                    naming.append(name)  # a noun or adjective, not "as protests grew"
    if naming:
        return sorted({c.i: c for c in naming}.values(), key=lambda c: c.i)
    charge = passive_charge(verb)
    return [*parts, charge] if charge is not None else parts


def _new_act(clause: Token) -> bool:
    """A participle clause with no "of", "for" or "to" to tie it to the verb: "branded them
    terrorists[, drawing criticism from ...]" tells what followed, not what was said."""
    marked = any(c.dep_ in ("mark", "case") for c in clause.children)
    # "described by an official, speaking anonymously, as a way to ...": the name the parser
    # hung on an inserted participle is still the report, unless the participle reports it
    # itself ("..., describing the group as a proxy")
    names = any(_as(c) for c in clause.children) and clause.lower_ not in _cue_forms()
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and not marked and not names


@functools.cache
def _cue_forms() -> frozenset[str]:
    return frozenset(form for form, _ in cue_entries())


#: The preposition that brings the charge of a judging verb: "accused of", "blamed for".
_CHARGE_CASES = {
    "accuse": "of",
    "blame": "for",
    "criticise": "for",
    "criticize": "for",
    "condemn": "for",
    "fault": "for",
    "praise": "for",
    "charge": "with",
    "credit": "with",
}


def passive_charge(verb: Token) -> Token | None:
    """ "was accused by Israel [of violating the ceasefire]", "blamed by the UN [for the
    massacre]": the charge the parser hung on the passive agent, which is what the cue reports
    (the agent's last such phrase: "by the head of the mission of lying")."""
    # the lemma, else the base form the tagger's lemma missed ("blamed" -> "blam")
    forms = (verb.lemma_.lower(), *base_forms(verb.lower_))
    case = next((_CHARGE_CASES[f] for f in forms if f in _CHARGE_CASES), None)
    agent = next((c for c in verb.children if c.dep_ == "obl:agent" and c.i > verb.i), None)
    if case is None or agent is None:
        return None
    charges = [
        c
        for c in agent.children
        if c.i > agent.i
        and c.dep_ in ("acl", "nmod")
        and c.pos_ != "PROPN"  # "by the Ministry of Defence": part of the name
        and any(m.dep_ in ("mark", "case") and m.lower_ == case for m in c.children)
    ]
    return charges[-1] if charges else None


#: Conjunctions of a clause that says when or why, not what a verb reports or names.
_CIRCUMSTANCE_MARKS = frozenset(
    ("after", "before", "when", "while", "because", "since", "until", "once")
)


def circumstance_clause(token: Token) -> bool:
    """An adverbial clause of time or reason: "condemned X [after rioters attacked a hotel]"."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in token.children
    )


def _as(token: Token) -> bool:
    """An "as" phrase: "as militants", "as slow" (the parser may call "as" an adverb)."""
    return any(c.dep_ in ("case", "mark", "advmod") and c.lower_ == "as" for c in token.children)


_AS_PHRASE_DEPS = frozenset(("obl", "advcl", "advmod", "xcomp", "acl"))


def object_reports(verb: Token, term: str) -> bool:
    """False when an object-frame cue lacks the word it needs to report (``OBJECT_NEEDS``) or
    its clause is subordinate ("If you study physics you should describe ...")."""
    needed = OBJECT_NEEDS.get(term)
    parts = _object_parts(verb)
    # or right after the object, where the parse hung it elsewhere ("who asked not to be named
    # described the bill as ...", with "as" on "asked")
    after = [verb.doc[p.right_edge.i + 1] for p in parts if p.right_edge.i + 1 < len(verb.doc)]
    found = any(t.lower_ == needed for p in parts for t in p.subtree) or any(
        t.lower_ == needed for t in after
    )
    if needed is not None and not found:
        return False
    if term in NAMING_CUES and not _names_something(verb, parts):
        return False
    return not subordinate(verb)


def _after_a_relative(doc: Doc, part: Token, needed: str) -> int | None:
    """ "described the gunman, who grew up in Grafton, New South Wales, as a terrorist": the
    index of the word (``needed``) after a relative clause set off by commas on the object,
    which the parse hung on the relative clause's verb."""
    after = part.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return None
    if doc[after + 1].lower_ not in ("who", "which"):
        return None
    for t in doc[after + 2 : min(len(doc) - 1, after + 2 + _RELATIVE_WORDS)]:
        if t.text == "," and doc[t.i + 1].lower_ == needed:
            return t.i + 1
    return None


#: How far a relative clause on a reporting verb's object is read for the word after it.
_RELATIVE_WORDS = 20


def _names_something(verb: Token, parts: list[Token]) -> bool:
    """ "called the deal a mistake" / "called the deal "a historic mistake"": an object and what
    it is called (a second noun phrase or a quotation), not "called the office"."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return True
    if sum(c.dep_ == "obj" for c in verb.children) >= 2:
        return True  # "consider the militia a threat", parsed as two objects
    return any(t.text in _QUOTE_MARKS for p in parts for t in p.subtree)


_QUOTE_MARKS = frozenset("\"“”‘’'«»")


def quoted_object(verb: Token) -> bool:
    """True when a reporting verb's object quotes its subject: a quotation of two words or more
    ("declared the format "the most effective""), not a scare-quoted word ("denied the
    "baseless" charges") nor one inside a clause of the object's own ("wrote a book called
    "War and Peace"", a title)."""
    if subordinate(verb):
        return False
    sdoc = verb.doc
    marks = sorted(t.i for p in _object_parts(verb) for t in p.subtree if t.text in _QUOTE_MARKS)
    for opening, closing in zip(marks[::2], marks[1::2], strict=False):
        quoted = [t for t in sdoc[opening + 1 : closing] if not t.is_punct]
        if len(quoted) >= 2 and not _in_own_clause(quoted[0], verb):
            return True
    return False


def _in_own_clause(token: Token, verb: Token) -> bool:
    """True when ``token`` lies in a clause that modifies a noun below ``verb``."""
    while token.i != verb.i and token.head.i != token.i:  # spaCy tokens are views: compare .i
        if token.dep_.startswith("acl"):
            return True
        token = token.head
    return False


def object_bounds(verb: Token) -> tuple[int, int] | None:
    """Token range of what an object-frame cue reports: its dependents after it ("urged [voters
    to stay calm]", "called for [a strike]"), or None when nothing follows."""
    parts = _object_parts(verb)
    if not parts:
        return None
    return min(clause_bounds(c)[0] for c in parts), max(clause_bounds(c)[1] for c in parts)


def governed_clause(verb: Token, max_tokens: int) -> tuple[int, int] | None:
    """For a cue set off as a parenthetical ("..., the army said." / "X, Wikinews observed, was
    ..."), the token range of the clause it comments on: the head's subtree without the cue's.
    A cue clause longer than ``max_tokens`` (``AttributionSettings.parenthetical_max_tokens``)
    is a sentence of its own."""
    if verb.dep_ != "parataxis" or verb.head is verb or subordinate(verb):
        return None
    own_first, own_last = verb.left_edge.i, verb.right_edge.i
    if own_last - own_first + 1 > max_tokens:
        return None
    first, last = clause_bounds(verb.head)
    if own_last >= last:  # the cue clause closes the sentence: the content ends before it
        last = own_first - 1
    elif own_first <= first:  # it opens it: "The army said, ..." is a ccomp, not this
        first = own_last + 1
    sdoc = verb.doc
    while last > first and sdoc[last].is_punct:
        last -= 1
    return (first, last) if last >= first else None
