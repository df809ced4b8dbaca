"""Word classes and the context-rule language of the lexicons' ``rule`` column.

A rule is a few clauses joined with ``&``; every clause must hold:

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

import re
from dataclasses import dataclass

from analyzer.errors import LexiconError


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


DETERMINERS = word_set(
    "the a an this that these those all some many several any no every each both such his her "
    "their its our your my another other few"
)
POSSESSIVES = word_set("his her their its our your my")
#: Before a noun reading ("after claims of", "in remarks to", "recent reports"): prepositions
#: other than "to" (which also opens an infinitive), and words that take such nouns.
NOMINAL_PREV = word_set(
    "after amid despite over against about of with per in on at for from by into under via "
    "through during before new false baseless unverified unconfirmed recent rejected denied "
    "dismissed reject deny dismiss rejecting denying dismissing"
)
PRONOUNS = {
    "he": "person",
    "she": "person",
    "i": "person",
    "you": "person",
    "they": "plural",
    "we": "plural",
    "it": "thing",
}
HONORIFICS = word_set(
    "mr mrs ms dr prof gen gens lt col maj capt sgt adm rev sen rep gov pres president "
    "brig lieut supt insp pvt cpt cpl cmdr det fr"
)
NAME_SUFFIXES = word_set("jr sr ii iii")
#: Words that end the head of a source phrase: what follows is a complement ("son of X").
COMPLEMENT_WORDS = word_set("of for in with from at on to who which whose that")
AUXILIARIES = word_set(
    "is are was were has have had will would can could should may might must do does did been "
    "being be"
)
PREPOSITIONS = word_set(
    "of in on at to for with from by about into over under via through during after before"
)
QUOTE_CHARS = frozenset("\"“”„‟«»‘’'")
CLOSING_PUNCT = frozenset(".!?…\"”’'»)]")

_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")


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


#: Finite verbs that show a that-less clause follows ("noted the findings show pollution is ...").
FINITE_MARKERS = word_set(
    "is are was were has have had will would can could should may might must does did"
)
#: Words that end the noun phrase a that-less clause would open with.
_CLAUSE_BREAKS = word_set("that of to which who whom whose and or but as for with from by")


def finite_verb_ahead(text: str, pos: int, ceiling: int, max_words: int) -> bool:
    """True when a finite auxiliary follows within ``max_words`` words of ``pos``, with only words
    and spaces between and no word that ends a noun phrase: a that-less reported clause
    ("announced the flag would fly"), not a plain object ("announced their flag")."""
    for count, match in enumerate(_WORD.finditer(text, pos, ceiling)):
        gap = text[pos : match.start()]
        if count >= max_words or (gap and not gap.isspace()):
            return False
        word = match.group().lower()
        if word in FINITE_MARKERS:
            return count > 0
        if word in _CLAUSE_BREAKS:
            return False
        pos = match.end()
    return False


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
