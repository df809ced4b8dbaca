"""Story packs: the actors of one story and every name they go by, as a CSV data file.

Columns: ``actor`` (canonical name), ``aliases`` (``;``-separated; the canonical name is always
an alias too), optional ``kind`` (``person``, ``group``, ``place`` or ``other``) and optional
``side`` (the actor a person speaks for: "Ahmad Massoud" speaks for the "National Resistance
Front"; it must be another actor of the pack; empty means the actor speaks for itself). An alias
of at most :data:`MAX_ACRONYM_LENGTH` capital letters ("US", "UN", "NRF") matches case-sensitively,
so "US" names the United States and "us" stays a pronoun. A label such as "the insurgents" is
attached to an actor from the pack; without a pack it attaches to the nearest capitalised name or
is reported as unresolved.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import LexiconError
from analyzer.lexicons import Row, parse_table, read_table, validate
from analyzer.matching import TermMatcher

ACTOR_KINDS = ("person", "group", "place", "other")
#: The file a collection folder may hold next to its manifest; it is used automatically.
STORYPACK_FILENAME = "storypack.csv"
#: Longest all-capital alias matched case-sensitively: short acronyms collide with ordinary words
#: ("US"/"us", "IT"/"it", "AIM"/"aim"); longer ones ("NATO", "USSR") rarely do, and stay
#: case-insensitive so that a title-case "Nato" still matches.
MAX_ACRONYM_LENGTH = 3


def is_acronym(alias: str) -> bool:
    """True for a short all-capital alias ("US", "UN", "NRF"), matched case-sensitively."""
    return alias.isalpha() and alias.isupper() and len(alias) <= MAX_ACRONYM_LENGTH


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    aliases: tuple[str, ...]
    kind: str = "other"
    side: str | None = None

    @property
    def speaks_for(self) -> str:
        """The side whose voice this actor's words are: its ``side``, else itself."""
        return self.side or self.name


@dataclass(frozen=True)
class StoryPack:
    """The actors of a story. Immutable; the alias matcher is built once on first use."""

    name: str
    actors: tuple[Actor, ...]

    @functools.cached_property
    def matcher(self) -> TermMatcher[Actor]:
        return TermMatcher(
            ((alias, actor) for actor in self.actors for alias in actor.aliases),
            case_sensitive=is_acronym,
        )

    def actor(self, name: str) -> Actor | None:
        return next((actor for actor in self.actors if actor.name == name), None)


def load_story_pack(path: Path) -> StoryPack:
    """Read and validate a story-pack CSV."""
    return story_pack_from_rows(read_table(path), name=path.stem, origin=str(path))


def story_pack_from_text(content: str, *, name: str = "custom") -> StoryPack:
    """Build a story pack from CSV text (the dashboard's editable table round-trips through this)."""
    return story_pack_from_rows(parse_table(content, origin=name), name=name, origin=name)


def story_pack_from_rows(rows: tuple[Row, ...], *, name: str, origin: str) -> StoryPack:
    validate(rows, origin=origin, required=("actor",), key=("actor",))
    actors = []
    claimed: dict[str, str] = {}
    for row in rows:
        kind = (row.get("kind") or "other").lower()
        if kind not in ACTOR_KINDS:
            raise LexiconError(f"{origin}: actor {row['actor']!r} has unknown kind {kind!r}")
        aliases = [row["actor"], *(a.strip() for a in (row.get("aliases") or "").split(";"))]
        unique = tuple(dict.fromkeys(a for a in aliases if a))
        for alias in unique:
            owner = claimed.setdefault(alias.lower(), row["actor"])
            if owner != row["actor"]:
                raise LexiconError(
                    f"{origin}: alias {alias!r} belongs to both {owner!r} and {row['actor']!r}"
                )
        actors.append(Actor(row["actor"], unique, kind, (row.get("side") or "").strip() or None))
    names = {actor.name for actor in actors}
    for actor in actors:
        if actor.side is not None and actor.side not in names:
            raise LexiconError(
                f"{origin}: actor {actor.name!r} has side {actor.side!r}, which is not an actor "
                "of the pack"
            )
    return StoryPack(name, tuple(actors))
