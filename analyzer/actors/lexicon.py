"""The word lists actor finding reads (``actor_words.csv``, ``demonyms.csv``), loaded once."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from analyzer.errors import LexiconError
from analyzer.lexicons import load_lexicon, validate

WORD_ROLES = (
    "not-name",
    "title",
    "locative",
    "group",
    "thing",
    "opposes",
    "leads",
    "person",
    "not-alone",
    "indefinite",
    "names",
    "characterises",
    "relational",
    "state",
    "camp",
    "domestic",
    "member",
    "part",
    "collective",
    "ruling",
    "crowd",
    "perpetrator",
    "rebellion",
    "gangland",
    "kin",
    "civil",
    "status",
)


@dataclass(frozen=True, slots=True)
class Demonym:
    actor: str
    kind: str


@functools.cache
def words_with_role(role: str) -> frozenset[str]:
    """Lowercase words of ``actor_words.csv`` that play ``role``."""
    if role not in WORD_ROLES:
        raise ValueError(f"unknown role {role!r}")
    rows = load_lexicon("actor_words")
    origin = "lexicon actor_words.csv"
    validate(rows, origin=origin, required=("word", "role"), key=("word", "role"))
    for row in rows:
        if row["role"] not in WORD_ROLES:
            raise LexiconError(f"{origin}: {row['word']!r} has unknown role {row['role']!r}")
    return frozenset(row["word"].lower() for row in rows if row["role"] == role)


@functools.cache
def capitals() -> dict[str, str]:
    """Capital city (lowercase) -> the country it stands for as an actor."""
    rows = load_lexicon("capitals")
    validate(rows, origin="lexicon capitals.csv", required=("capital", "actor"), key=("capital",))
    return {row["capital"].lower(): row["actor"] for row in rows}


@functools.cache
def cities() -> dict[str, str]:
    """City other than a capital (folded to ASCII, lowercase) -> its country; for datelines only
    ("CULIACÁN, Sin. -" is Mexico's): in running text a city's name is as often a person's."""
    rows = load_lexicon("cities")
    validate(rows, origin="lexicon cities.csv", required=("city", "country"), key=("city",))
    return {row["city"]: row["country"] for row in rows}


def fold_name(name: str) -> str:
    """Lower case without accents, the key of :func:`cities` ("Culiacán" -> "culiacan")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()


@functools.cache
def country_names() -> dict[str, str]:
    """Short name, abbreviation or official name (lowercase) -> the country it names ("u.s." ->
    "United States", "russian federation" -> "Russia")."""
    rows = load_lexicon("country_names")
    validate(rows, origin="lexicon country_names.csv", required=("name", "actor"), key=("name",))
    return {row["name"].lower(): row["actor"] for row in rows}


@functools.cache
def demonyms() -> dict[str, Demonym]:
    """Demonym (lowercase, singular) -> the actor it stands for."""
    rows = load_lexicon("demonyms")
    validate(
        rows, origin="lexicon demonyms.csv", required=("demonym", "actor", "kind"), key=("demonym",)
    )
    return {row["demonym"].lower(): Demonym(row["actor"], row["kind"]) for row in rows}


@functools.cache
def known_countries() -> frozenset[str]:
    """The actors the demonym and capital lexicons name as countries ("Colombia", "Rwanda")."""
    by_demonym = (entry.actor for entry in demonyms().values() if entry.kind == "place")
    return frozenset((*by_demonym, *capitals().values()))
