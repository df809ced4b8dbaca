"""GUM's gold entities: mentions from the ``Entity=`` brackets, their names, and the definite
descriptions of people and groups whose entity was named before (the cases of
:mod:`analyzer.evaluation.gum_coref`).

The bracket format is GUM's (``# global.Entity = GRP-etype-infstat-salience-centering-minspan-
link-identity``): ``(3-organization-new-sssss-cf1-5-coref-Afghan_Girls_Robotics_Team`` opens a
mention of entity 3 on a token, ``3)`` closes it on a later one, ``(5-person-...)`` is a
one-token mention. Mentions nest. The Wikipedia identity is percent-encoded, so it holds no
brackets.

A mention's *names* are its runs of capitalised words (not opening a sentence) holding a proper
noun (gold UPOS ``PROPN``), joined by "of", "for", "the", "&", a hyphen or a number: "Medical
Journal of Australia", "Movimento 5 Stelle", "Afghan Girls Robotics Team" (GUM tags "Afghan"
ADJ). The words of a mention of another entity nested in it are that entity's: a run needs a
proper noun of its own ("the leader of Hamas" names Hamas, not the leader), and the nested part
is kept beside the name so that naming only it is not naming the entity ("Gary Fan of the Neo
Democrats").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from analyzer.evaluation.gum import GoldDocument

ENTITY_TYPES = ("organization", "person")
_DETERMINERS = frozenset(("the", "this", "these", "those"))
_POSSESSIVES = frozenset(("my", "your", "his", "her", "its", "our", "their"))
#: Words that stay inside a proper name between two name words ("Bank of the West").
_NAME_JOINERS = frozenset(("of", "for", "the", "&", "-"))
#: An opening bracket, closed at once when a ``)`` follows it, or a closing one (``3)``).
_BRACKET = re.compile(r"\((?P<open>\d+-[^()]*)(?P<single>\))?|(?P<close>\d+)\)")


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One gold mention: tokens ``first..last`` (inclusive, over the document) of ``entity``."""

    entity: int
    etype: str
    first: int
    last: int
    identity: str = ""  # the Wikipedia title, spaced and decoded ("Alice Mak (politician)")


@dataclass(frozen=True, slots=True)
class Name:
    """A name of ``entity``: tokens ``first..last``; ``nested`` are the spans in it that belong
    to other entities ("the Neo Democrats" in "Gary Fan of the Neo Democrats")."""

    entity: int
    first: int
    last: int
    nested: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Case:
    """A definite description of a person or group whose entity was named before it."""

    description: EntityMention
    head: int  # the description's head noun (token index)
    names: tuple[Name, ...]  # the entity's names before the description
    identity: str
    nearest: Name  # the baseline's answer: the nearest earlier name of any entity


def parse_entities(misc: Sequence[str]) -> list[EntityMention]:
    """The mentions of a document from its MISC column, by first token then longest first."""
    found: list[EntityMention] = []
    still_open: dict[int, list[tuple[list[str], int]]] = {}
    for index, column in enumerate(misc):
        spec = next((f[7:] for f in column.split("|") if f.startswith("Entity=")), "")
        for match in _BRACKET.finditer(spec):
            if match.group("close") is not None:
                fields, first = still_open[int(match.group("close"))].pop()
                found.append(_mention(fields, first, index))
                continue
            fields = match.group("open").split("-", 7)
            if match.group("single"):
                found.append(_mention(fields, index, index))
            else:
                still_open.setdefault(int(fields[0]), []).append((fields, index))
    return sorted(found, key=lambda m: (m.first, -m.last))


def _mention(fields: list[str], first: int, last: int) -> EntityMention:
    # GRP-etype-infstat-salience-centering-minspan-link[-identity]
    identity = unquote(fields[7]).replace("_", " ") if len(fields) > 7 else ""
    return EntityMention(int(fields[0]), fields[1], first, last, identity)


def mention_names(
    gold: GoldDocument, mention: EntityMention, mentions: Sequence[EntityMention]
) -> list[Name]:
    """The names in ``mention`` (module doc); ``mentions`` are the document's, to find the
    mentions of other entities nested in it."""
    nested = [
        (o.first, o.last)
        for o in mentions
        if o.entity != mention.entity
        and mention.first <= o.first <= o.last <= mention.last
        and (o.first, o.last) != (mention.first, mention.last)
    ]
    taken = {i for first, last in nested for i in range(first, last + 1)}
    openers = {s.start for s in gold.sentences}
    names, i = [], mention.first
    while i <= mention.last:
        if not _name_word(gold, i, openers):
            i += 1
            continue
        last = j = i
        while j < mention.last and (_name_word(gold, j + 1, openers) or _joiner(gold, j + 1)):
            j += 1
            last = j if _name_word(gold, j, openers) else last
        if any(gold.upos[k] == "PROPN" and k not in taken for k in range(i, last + 1)):
            inside = tuple((max(f, i), min(e, last)) for f, e in nested if f <= last and i <= e)
            names.append(Name(mention.entity, i, last, inside))
        i = last + 1
    return names


def _joiner(gold: GoldDocument, i: int) -> bool:
    """A word that stays in a name between two name words ("Movimento 5 Stelle")."""
    return gold.tokens[i].lower() in _NAME_JOINERS or gold.upos[i] == "NUM"


def _name_word(gold: GoldDocument, i: int, openers: set[int]) -> bool:
    """A proper noun, or a capitalised word not opening its sentence: GUM tags "Afghan" in
    "Afghan Girls Robotics Team" ADJ and "Sent" in "Heaven Sent Gaming" VERB."""
    if gold.upos[i] == "PROPN":
        return True
    capitalised = gold.tokens[i][:1].isupper()
    return capitalised and gold.upos[i] not in ("PUNCT", "PRON") and i not in openers


def description_head(gold: GoldDocument, mention: EntityMention) -> int | None:
    """The head noun of a definite description of a person or a group ("the team", "its
    members", "this guy named Mario"), else None."""
    if mention.etype not in ENTITY_TYPES:
        return None
    opener = gold.tokens[mention.first].lower()
    if opener not in _DETERMINERS and opener not in _POSSESSIVES:
        return None
    span = range(mention.first, mention.last + 1)
    head = next((i for i in span if gold.heads[i] not in span), mention.last)
    return head if gold.upos[head] == "NOUN" else None


def find_cases(gold: GoldDocument) -> list[Case]:
    """Every definite description of a person or group whose entity was named before it, in
    text order."""
    mentions = parse_entities(gold.misc)
    names = sorted(
        {n for m in mentions for n in mention_names(gold, m, mentions)},
        key=lambda n: (n.last, n.first),
    )
    identities = {m.entity: m.identity for m in mentions if m.identity}
    cases = []
    for mention in mentions:
        head = description_head(gold, mention)
        if head is None:
            continue
        before = [n for n in names if n.last < mention.first]
        own = tuple(n for n in before if n.entity == mention.entity)
        if own:
            # The nearest name ends last; of names ending together, the innermost.
            nearest = max(before, key=lambda n: (n.last, n.first))
            cases.append(Case(mention, head, own, identities.get(mention.entity, ""), nearest))
    return sorted(cases, key=lambda c: c.head)
