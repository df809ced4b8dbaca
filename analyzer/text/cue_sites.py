"""A reporting cue in its sentence (:class:`Site`), what follows it, and the parse it yields."""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.text.context_rules import (
    AUXILIARIES,
    CLOSING_PUNCT,
    DETERMINERS,
    PREPOSITIONS,
    finite_verb_ahead,
)
from analyzer.text.cue_lexicons import Cue
from analyzer.text.phrases import Tokens
from analyzer.text.quote_lookup import QuoteLookup

#: After a tell-type cue, an object of up to this many words ("told The National newspaper").
OBJECT_MAX_WORDS = 4
#: After a cue, a prepositional phrase of up to this many words before "that" or the sentence end
#: ("said in a letter to Levy on August 16"); a longer run is more likely the content itself.
PP_MAX_WORDS = 8
#: A that-less clause after a that-frame cue shows a finite verb within this many words ("noted
#: the new findings show"): the subject noun phrase of a news clause is rarely longer.
THATLESS_MAX_WORDS = 6

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
    ("end" | "comma" | "none", token index)."""
    toks, frame, j = site.toks, site.cue.frame, site.last + 1
    lows, n = toks.lows, len(toks)
    if frame == "tell":
        k = _skip_object(toks, j)
        if j < k < n and lows[k] != "that" and (lows[k] in SUBJECTS or lows[k] in DETERMINERS):
            return "clause", k  # "told reporters the group would ..."
        j = k
    if j + 1 < n and lows[j] == "to" and frame == "claim":
        return "clause", j  # "claimed to have conquered"
    if j < n and lows[j] in PREPOSITIONS:
        start = j
        while j < n and toks.word(j) and lows[j] != "that" and j - start <= PP_MAX_WORDS:
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
    if frame in ("say", "claim") and toks.word(j) and t not in _NON_CLAUSE_START:
        return "clause", j
    if frame == "that" and finite_verb_ahead(
        quotes.text, toks.starts[j], site.sentence[1], THATLESS_MAX_WORDS
    ):
        return "clause", j
    return "none", j


def _inserted_phrase_end(toks: Tokens, comma: int) -> int | None:
    """First token of the clause after a prepositional phrase set off by commas and "that"."""
    j, n = comma + 1, len(toks)
    if j >= n or toks.lows[j] not in PREPOSITIONS:
        return None
    while j < n and toks.word(j) and j - comma <= PP_MAX_WORDS:
        j += 1
    if j + 2 < n and toks.lows[j] == "," and toks.lows[j + 1] == "that":
        return j + 2
    return None


def _skip_object(toks: Tokens, j: int) -> int:
    """Past the object of a tell-type cue: up to OBJECT_MAX_WORDS words, stopping before a
    preposition, "that", or a determiner or pronoun that opens the reported clause."""
    start = j
    while j < len(toks) and toks.word(j) and j - start < OBJECT_MAX_WORDS:
        t = toks.lows[j]
        if t == "that" or t in PREPOSITIONS or (j > start and (t in SUBJECTS or t in DETERMINERS)):
            break
        j += 1
    return j
