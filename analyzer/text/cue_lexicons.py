"""The attribution lexicons as data: reporting cues and source nouns, loaded and validated once.

``attribution_cues.csv`` lists reporting verbs and phrases with their category and frame;
``source_nouns.csv`` the head nouns that tell what kind of source an attribution names. Both are
read once per process (``functools.cache``); a bad row raises :class:`LexiconError`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from analyzer.errors import LexiconError
from analyzer.lexicons import Row, load_lexicon, validate
from analyzer.matching import TermMatcher
from analyzer.text.context_rules import ContextRule, compile_rule

Entry = TypeVar("Entry")

CUE_CATEGORIES = ("neutral", "emphatic", "distancing", "tentative", "denial")
CUE_FRAMES = ("say", "claim", "tell", "that", "prep", "object")
SOURCE_NOUN_KINDS = ("anonymous", "organisation")


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
_PLURAL_ONLY = frozenset(
    ["people", "some", "many", "most", "others", "media", "police", "spokespeople"]
)


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
        plural = noun.term.endswith("s") and not noun.term.endswith("ss")  # not "witness"
        table.setdefault(noun.term, (noun, plural or noun.term in _PLURAL_ONLY))
        for form in plural_forms(noun.term):
            table.setdefault(form, (noun, True))
    return table


def plural_forms(noun: str) -> set[str]:
    """Regular English plurals of ``noun`` (over-generation is harmless: lookups are exact)."""
    if noun.endswith("ss"):
        return {noun + "es"}  # "witnesses"
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
