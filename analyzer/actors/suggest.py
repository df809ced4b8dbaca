"""A story pack suggested from a collection: the actors found in its articles, for a teacher to edit.

Every body sentence is parsed (a one-off job on a lesson's few articles), actors are found and
grouped per article as in :mod:`analyzer.actors.layer`, then merged across articles by name. The
CSV it writes is a story pack (``actor,aliases,kind``) with two more columns a teacher reads and
framescope ignores: how many times and in how many articles each actor is named.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from analyzer.actors.layer import ActorLayer, name_key
from analyzer.document import Document

#: Actors named fewer times than this in the whole collection are left out of the suggestion.
MIN_MENTIONS = 2


@dataclass
class SuggestedActor:
    actor: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: int = 0


def document_actors(doc: Document) -> list[tuple[str, str, list[str], int]]:
    """(actor, kind, names, mentions) of one document, parsing every body sentence."""
    doc.words.parse_many(range(len(doc.sentences)))
    spans = tuple((s.start, s.end) for s in doc.sentences)
    return ActorLayer(doc.text, spans, doc.words, None).all_actors()


def suggest_actors(
    docs: Iterable[Document], min_mentions: int = MIN_MENTIONS
) -> list[SuggestedActor]:
    """Actors of a collection, most mentioned first; places used only as locations left out."""
    merged: dict[str, SuggestedActor] = {}
    for doc in docs:
        for actor, kind, names, count in document_actors(doc):
            if kind == "place" and count == 0:
                continue
            entry = merged.setdefault(name_key(actor), SuggestedActor(actor, kind))
            if len(actor) > len(entry.actor):
                entry.actor = actor  # the fullest spelling becomes the canonical name
            entry.aliases.update(names)
            entry.mentions += count
            entry.articles += 1
    found = [a for a in merged.values() if a.mentions >= min_mentions]
    return sorted(found, key=lambda a: (-a.mentions, a.actor))


def story_pack_csv(actors: Iterable[SuggestedActor]) -> str:
    """The suggestion as a story-pack CSV with a header that says how to edit it."""
    out = io.StringIO()
    out.write(
        "# Story pack suggested by `framescope storypack suggest` from the actors named in the\n"
        "# articles. Edit before use: merge rows that are one actor (move the aliases, delete the\n"
        "# row), rename, fix `kind` (person, group, place, other), delete what is not an actor.\n"
        "# `mentions` and `articles` are for reading only; framescope ignores them.\n"
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["actor", "aliases", "kind", "mentions", "articles"])
    claimed: set[str] = set()  # a story pack gives each alias to one actor: the most mentioned
    for a in actors:
        claimed.add(name_key(a.actor))
        aliases = sorted(alias for alias in a.aliases if name_key(alias) not in claimed)
        claimed.update(name_key(alias) for alias in aliases)
        kind = a.kind if a.kind in ("person", "group", "place") else "other"
        writer.writerow([a.actor, ";".join(aliases), kind, a.mentions, a.articles])
    return out.getvalue()
