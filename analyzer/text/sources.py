"""Who speaks: cue and source-noun lexicons, their context rules, and the source phrase of a cue.

The lexicons (``attribution_cues.csv``, ``source_nouns.csv``; ``hedges.csv`` through the hedging
signal) are data. This module loads and validates them once per process, interprets the small
context-rule language of their ``rule`` column, finds the source phrase next to a cue in one
sentence (:class:`Tokens`) and says what kind of source it is (:func:`classify_source`).

Context rules (clauses joined with ``&``; every clause must hold):

``lower``
    the match is lower case unless it opens a clause ("may", not "Theresa May");
``nominal`` / ``verbal``
    the word is (not) read as a noun or adjective: a determiner, possessive, preposition or a
    word such as "rejected" before it, or "of" after it ("all claims", "in remarks to");
``prev:`` / ``not_prev:`` / ``next:`` / ``not_next:`` + ``a|b|c``
    the word just before / after (only spaces between) is (not) one of these; ``next`` items may
    be phrases ("be seen"). Classes: ``#det`` determiners, ``#poss`` possessives, ``#num`` a
    number, ``#none`` no word (punctuation or the sentence edge).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from analyzer.errors import LexiconError
from analyzer.lexicons import Row, load_lexicon, validate
from analyzer.matching import TermMatcher
from analyzer.storypack import Actor, StoryPack

Entry = TypeVar("Entry")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CUE_CATEGORIES = ("neutral", "emphatic", "distancing", "tentative", "denial")
CUE_FRAMES = ("say", "claim", "tell", "that", "prep")
SOURCE_NOUN_KINDS = ("anonymous", "organisation")

DETERMINERS = _words(
    "the a an this that these those all some many several any no every each both such his her "
    "their its our your my another other few"
)
POSSESSIVES = _words("his her their its our your my")
#: Before a noun reading ("after claims of", "in remarks to", "recent reports"): prepositions
#: other than "to" (which also opens an infinitive), and words that take such nouns.
NOMINAL_PREV = _words(
    "after amid despite over against about of with per in on at for from by into under via "
    "through during before new false baseless unverified unconfirmed recent rejected denied "
    "dismissed reject deny dismiss rejecting denying dismissing"
)
PRONOUNS = {
    "he": "person",
    "she": "person",
    "i": "person",
    "they": "plural",
    "we": "plural",
    "it": "thing",
}
HONORIFICS = _words("mr mrs ms dr prof gen lt col maj capt sgt adm rev sen rep gov pres president")
NAME_SUFFIXES = _words("jr sr ii iii")
#: Words that end the head of a source phrase: what follows is a complement ("son of X").
COMPLEMENT_WORDS = _words("of for in with from at on to who which whose that")
AUXILIARIES = _words(
    "is are was were has have had will would can could should may might must do does did been "
    "being be"
)
PREPOSITIONS = _words(
    "of in on at to for with from by about into over under via through during after before"
)
QUOTE_CHARS = frozenset("\"“”„‟«»‘’'")
CLOSING_PUNCT = frozenset(".!?…\"”’'»)]")

_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")


# --- context rules ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Clause:
    test: str
    words: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ContextRule:
    """A compiled ``rule`` cell; :meth:`allows` checks one match against it."""

    source: str
    clauses: tuple[_Clause, ...]

    def allows(self, text: str, start: int, end: int, floor: int, ceiling: int) -> bool:
        """True when ``text[start:end]``, inside the sentence ``[floor, ceiling)``, passes."""
        prev = previous_word(text, start, floor)
        for clause in self.clauses:
            test = clause.test
            if test == "lower":
                ok = prev is None or not any(ch.isupper() for ch in text[start:end])
            elif test in ("nominal", "verbal"):
                ok = _is_nominal(prev, next_word(text, end, ceiling)) == (test == "nominal")
            elif test.endswith("prev"):
                ok = _word_in(prev, clause.words) == (test == "prev")
            else:
                ok = _next_in(text, end, ceiling, clause) == (test == "next")
            if not ok:
                return False
        return True


def compile_rule(cell: str, *, origin: str) -> ContextRule | None:
    """Parse a ``rule`` cell (None when empty); raise LexiconError on an unknown clause."""
    cell = cell.strip()
    if not cell:
        return None
    clauses = []
    for part in cell.split("&"):
        name, _, items = part.strip().partition(":")
        values = [item.strip().lower() for item in items.split("|") if item.strip()]
        if name in ("lower", "nominal", "verbal") and not values:
            clauses.append(_Clause(name))
        elif name in ("prev", "not_prev", "next", "not_next") and values:
            singles = frozenset(v for v in values if " " not in v)
            clauses.append(_Clause(name, singles, tuple(v for v in values if " " in v)))
        else:
            raise LexiconError(f"{origin}: unknown context rule {part.strip()!r}")
    return ContextRule(cell, tuple(clauses))


def previous_word(text: str, pos: int, floor: int) -> str | None:
    """The word just before ``pos`` (only spaces between), lower-cased; None after punctuation."""
    i = pos
    while i > floor and text[i - 1].isspace():
        i -= 1
    if i == floor or not text[i - 1].isalnum():
        return None
    j = i - 1
    while j > floor and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
        j -= 1
    return text[j:i].lower()


def next_word(text: str, pos: int, ceiling: int) -> str | None:
    """The word just after ``pos`` (only spaces between), lower-cased; None before punctuation."""
    match = _WORD.match(text, _skip_space(text, pos, ceiling), ceiling)
    return match.group().lower() if match else None


def _skip_space(text: str, pos: int, ceiling: int) -> int:
    while pos < ceiling and text[pos].isspace():
        pos += 1
    return pos


def _word_in(word: str | None, words: frozenset[str]) -> bool:
    if word is None:
        return "#none" in words
    if word in words or ("#det" in words and word in DETERMINERS):
        return True
    if "#poss" in words and (word in POSSESSIVES or word.endswith(("'s", "’s"))):
        return True
    return "#num" in words and word[0].isdigit()


def _next_in(text: str, end: int, ceiling: int, clause: _Clause) -> bool:
    if _word_in(next_word(text, end, ceiling), clause.words):
        return True
    at = _skip_space(text, end, ceiling)
    following = text[at : at + 24].lower()
    return any(
        following.startswith(p) and (len(following) == len(p) or not following[len(p)].isalnum())
        for p in clause.phrases
    )


def _is_nominal(prev: str | None, following: str | None) -> bool:
    if following == "of":
        return True
    return prev is not None and (
        prev in DETERMINERS or prev in NOMINAL_PREV or prev.endswith(("'s", "’s"))
    )


# --- lexicons ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """One reporting verb or phrase (a row of ``attribution_cues.csv``)."""

    term: str
    category: str
    frame: str
    rule: ContextRule | None


@dataclass(frozen=True, slots=True)
class SourceNoun:
    term: str
    kind: str
    vague: bool


def split_forms(row: Row) -> list[str]:
    """The base ``term`` and the ``forms`` cell of a lexicon row, as one list of surface forms."""
    return [row["term"], *(f.strip() for f in row.get("forms", "").split(";") if f.strip())]


@functools.cache
def cue_entries() -> tuple[tuple[str, Cue], ...]:
    """Every (surface form, cue) pair of ``attribution_cues.csv``, validated."""
    origin = "lexicon attribution_cues.csv"
    rows = load_lexicon("attribution_cues")
    validate(rows, origin=origin, required=("term", "category", "frame", "source"), key=("term",))
    pairs: list[tuple[str, Cue]] = []
    for row in rows:
        if row["category"] not in CUE_CATEGORIES or row["frame"] not in CUE_FRAMES:
            raise LexiconError(f"{origin}: {row['term']!r} has an unknown category or frame")
        rule = compile_rule(row.get("rule", ""), origin=origin)
        cue = Cue(row["term"], row["category"], row["frame"], rule)
        pairs.extend((form.lower(), cue) for form in split_forms(row))
    return tuple(pairs)


def grouped_matcher(pairs: Iterable[tuple[str, Entry]]) -> TermMatcher[tuple[Entry, ...]]:
    """An exact-form matcher whose payload is the tuple of every entry sharing a surface form
    ("claims" the distancing verb and "claims" the weasel noun; their rules decide)."""
    grouped: dict[str, list[Entry]] = {}
    for form, entry in pairs:
        grouped.setdefault(form.lower(), []).append(entry)
    # "=" asks for the form as written: these lexicons list every inflection themselves.
    return TermMatcher((f"={form}", tuple(entries)) for form, entries in grouped.items())


@functools.cache
def cue_matcher() -> TermMatcher[tuple[Cue, ...]]:
    return grouped_matcher(cue_entries())


#: Plural-only or invariable head nouns (no -s plural is generated for them).
_PLURAL_ONLY = _words("people some many most others media police spokespeople")


@functools.cache
def source_nouns() -> dict[str, tuple[SourceNoun, bool]]:
    """Lower-case head word -> (source noun, whether this form is plural)."""
    origin = "lexicon source_nouns.csv"
    rows = load_lexicon("source_nouns")
    validate(rows, origin=origin, required=("term", "kind", "vague", "source"), key=("term",))
    table: dict[str, tuple[SourceNoun, bool]] = {}
    for row in rows:
        if row["kind"] not in SOURCE_NOUN_KINDS or row["vague"] not in ("yes", "no"):
            raise LexiconError(f"{origin}: {row['term']!r} has an unknown kind or vague value")
        noun = SourceNoun(row["term"].lower(), row["kind"], row["vague"] == "yes")
        table.setdefault(noun.term, (noun, noun.term.endswith("s") or noun.term in _PLURAL_ONLY))
        for plural in plural_forms(noun.term):
            table.setdefault(plural, (noun, True))
    return table


def plural_forms(noun: str) -> set[str]:
    """Regular English plurals of ``noun`` (over-generation is harmless: lookups are exact)."""
    if noun in _PLURAL_ONLY or noun.endswith("s"):
        return set()
    forms = {noun + "s"}
    if noun.endswith(("sh", "ch", "x")):
        forms.add(noun + "es")
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms.add(noun[:-1] + "ies")
    if noun.endswith("man"):
        forms.add(noun[:-3] + "men")
    return forms


# --- what kind of source ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a source phrase is: kind, number, head word and whether it is a weasel source."""

    kind: str
    plural: bool
    vague: bool
    head: str
    head_start: int
    name_like: bool = False


def classify_source(text: str, start: int, end: int) -> SourceInfo:
    """Kind of the source phrase ``text[start:end]``: pronoun, anonymous, organisation, named...

    Named follows GUM's rule (the phrase holds a proper name), refined three ways: a known source
    noun as head decides first ("Taliban officials" are anonymous, "The National newspaper" is an
    organisation); "the" + a capitalised head, or an acronym, is an organisation ("the Taliban",
    "The NRF"); a capitalised modifier before a lower-case head is not a name ("Afghan commandos").
    """
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]
    if not words:
        return SourceInfo("unknown", False, False, "", start)
    first = words[0][1].lower()
    if len(words) == 1 and first in PRONOUNS:
        return SourceInfo("pronoun", PRONOUNS[first] == "plural", False, first, words[0][0])
    head_index = len(words) - 1
    for i in range(1, len(words)):
        if words[i][1].lower() in COMPLEMENT_WORDS:
            head_index = i - 1
            break
    if head_index > 0 and words[head_index][1].lower().rstrip(".") in NAME_SUFFIXES:
        head_index -= 1
    head_start, head = words[head_index]
    low = head.lower()
    noun = source_nouns().get(low)
    if noun is not None:
        return SourceInfo(noun[0].kind, noun[1], noun[0].vague, low, head_start)
    if head[0].isupper():
        if (first == "the" and head_index > 0) or (len(head) > 1 and head.isupper()):
            return SourceInfo("organisation", False, False, low, head_start)
        name_like = all(w[0].isupper() for _, w in words)
        return SourceInfo("named", False, False, low, head_start, name_like)
    if any(w[0].isupper() for _, w in words[head_index + 1 :]):
        return SourceInfo("named", False, False, low, head_start)  # "the son of ... Masud"
    return SourceInfo("unknown", low.endswith("s"), False, low, head_start)


def resolve_actor(
    pack: StoryPack | None, text: str, start: int, end: int, head_start: int
) -> Actor | None:
    """The story-pack actor whose alias covers the head of the source phrase, longest alias first.

    Only an alias covering the head counts: in "the son of former Afghan commander Ahmad Shah
    Masud" the head is "son", so the father's alias alone does not resolve it; an alias such as
    "son of ... Masud" does.
    """
    if pack is None:
        return None
    best = None
    for match in pack.matcher.find(text, start, end):
        covers = match.start <= head_start < match.end
        if covers and (best is None or match.end - match.start > best.end - best.start):
            best = match
    return best.payload if best is not None else None


def kind_of_actor(actor: Actor) -> str:
    """Source kind of a story-pack actor: people are named, groups and places organisations."""
    return "organisation" if actor.kind in ("group", "place") else "named"


# --- the source phrase next to a cue ------------------------------------------------------------

#: A source phrase longer than this is more likely a clause than a name ("the son of former
#: Afghan commander Ahmad Shah Masud" has 8 words; GUM's longest news sources have about 10).
MAX_SOURCE_WORDS = 12
#: How far back an appositive may reach ("Ahmad Massoud – the son of ..., who ... – said"): the
#: longest in the seeds is about 50 tokens; the bound keeps each cue's scan constant-time.
APPOSITIVE_MAX_TOKENS = 80
#: Words after a source that still "close the sentence" ("in a statement", "on Twitter").
TRAILING_PP_MAX_WORDS = 6

#: Between a source and its cue: auxiliaries and adverbs ("could be seen saying", "also said").
PRE_CUE_SKIP = _words(
    "also has have had 's 've could would will can may might must did does do be been being seen "
    "heard then later further once again earlier previously repeatedly reportedly allegedly "
    "publicly privately separately recently already just first often still now subsequently not "
    "never long"
)
#: "Ahmad Masud on Monday said": a day or medium between source and cue.
DAY_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday twitter facebook"
)
#: Clause boundaries that end a source phrase scanned from its cue.
NP_STOP = _words(
    "that which who whom whose when while where as because although though if since until unless "
    "but and or nor so then than however whether once yet also"
)
APPOSITIVE_STARTS = _words("who which whose the a an former himself herself itself")
_DASHES = frozenset("–—-")
_APPOSITIVE_OPENERS = {
    ",": frozenset(","),
    ")": frozenset("("),
    "–": _DASHES,
    "—": _DASHES,
    "-": _DASHES,
}


class Tokens:
    """Word and punctuation tokens of one sentence, with the scans that find a cue's source."""

    _PATTERN = re.compile(r"(\s*)(\w+(?:['’\-.&]\w+)*|[^\w\s])")

    def __init__(self, text: str, start: int, end: int) -> None:
        sentence = text[start:end]
        lowered = sentence.lower()
        if len(lowered) != len(sentence):  # "İ" lower-cases to two code points: keep offsets
            lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in sentence)
        pairs = self._PATTERN.findall(lowered)  # (spaces before, token): offsets by addition
        self.text = text
        self.lows: list[str] = [token for _, token in pairs]
        self.starts: list[int] = []
        pos = start
        for space, token in pairs:
            pos += len(space)
            self.starts.append(pos)
            pos += len(token)
        self.cues: set[int] = set()

    def __len__(self) -> int:
        return len(self.lows)

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.lows[i])

    def word(self, i: int) -> bool:
        return self.lows[i][0].isalnum()

    def cap(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()

    def _name_word(self, i: int) -> bool:
        """A stop word that is part of a name: an acronym ("WHO say") or "and" between names."""
        token = self.text[self.starts[i] : self.end(i)]
        if len(token) > 1 and token.isupper():
            return True
        return (
            self.lows[i] == "and" and 0 < i < len(self) - 1 and self.cap(i - 1) and self.cap(i + 1)
        )

    def skip_back(self, i: int) -> int:
        """Index of the first token at or before ``i`` that is not an auxiliary or adverb."""
        while i >= 0 and (self.lows[i] in PRE_CUE_SKIP or self.lows[i].endswith(("n't", "n’t"))):
            i -= 1
        return i

    def left_source(self, cue: int) -> tuple[int, int, int] | None:
        """First and last token of the source before ``cue``, and the token that bounds it (-1)."""
        lows = self.lows
        i = self.skip_back(cue - 1)
        if i >= 1 and lows[i] in DAY_WORDS and lows[i - 1] in ("on", "last", "this"):
            i = self.skip_back(i - 2)
        if i >= 0 and lows[i] in _APPOSITIVE_OPENERS:
            i = self._before_appositive(i)
        if i < 0 or not self.word(i):
            return None
        last = i
        while i >= 0:
            if not self.word(i):
                if lows[i] == "." and i > 0 and lows[i - 1] in HONORIFICS:
                    i -= 1
                    continue
                break
            if i in self.cues or (lows[i] in NP_STOP and not self._name_word(i)):
                break
            if last - i >= MAX_SOURCE_WORDS:
                return None
            i -= 1
        return (i + 1, last, i) if self._plausible(i + 1, last) else None

    def right_source(self, first: int) -> tuple[int, int] | None:
        """First and last token of the source phrase that starts at ``first``."""
        lows, j = self.lows, first
        while j < len(lows):
            if not self.word(j):
                if lows[j] == "." and j > 0 and lows[j - 1] in HONORIFICS:
                    j += 1
                    continue
                break
            if j in self.cues or (lows[j] in NP_STOP and not self._name_word(j)):
                break
            if j - first >= MAX_SOURCE_WORDS:
                return None
            j += 1
        return (first, j - 1) if j > first and self._plausible(first, j - 1) else None

    def closes_sentence(self, k: int) -> bool:
        """True when only a short prepositional phrase and closing marks follow token ``k``."""
        lows, n = self.lows, len(self.lows)
        if k < n and lows[k] in PREPOSITIONS:
            start = k
            while k < n and self.word(k) and k not in self.cues:
                k += 1
            if k - start > TRAILING_PP_MAX_WORDS:
                return False
        return all(lows[m] in CLOSING_PUNCT for m in range(k, n))

    def _before_appositive(self, close: int) -> int:
        """The last token before the appositive that ends at ``close``, or -1."""
        openers, k = _APPOSITIVE_OPENERS[self.lows[close]], close - 1
        while k >= 0 and self.lows[k] not in openers:
            if close - k > APPOSITIVE_MAX_TOKENS or self.lows[k] in QUOTE_CHARS or k in self.cues:
                return -1
            k -= 1
        first = k + 1
        if k < 1 or first >= close or not self.word(k - 1) or not self.word(first):
            return -1
        # An appositive opens with "who", "the", a lower-case title ("leader of ...") or holds a
        # lower-case word ("Panama coach"); "SC" or "Kabul" alone is more likely a list.
        lower = any(self.word(m) and not self.cap(m) for m in range(first, close))
        return k - 1 if self.lows[first] in APPOSITIVE_STARTS or lower else -1

    def _plausible(self, first: int, last: int) -> bool:
        """A source phrase ends in a content word and holds no auxiliary (else it is a clause)."""
        if first > last or not self.word(last):
            return False
        tail = self.lows[last]
        if (
            tail not in source_nouns()
            and tail not in PRONOUNS
            and (tail in DETERMINERS or tail in PREPOSITIONS)
        ):
            return False
        return not any(self.lows[m] in AUXILIARIES for m in range(first, last + 1))
