"""People without a name: an actor named by the label's own phrase.

A name before a relational noun is the party the people stand toward ("Trump protesters" are
not Trump); a country before a plural label other than its own forces describes its people
("Syrian rebels" are not Syria's state); a backer's name glued to a participle describes the
people it backs ("U.S.-backed forces", "Anti-Taliban fighters"). The attacher
(:mod:`analyzer.loaded.attach`) keeps these actors so a later use of the same term refers to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analyzer.actors import ActorLayer, Mention
from analyzer.actors.lexicon import capitals, known_countries, words_with_role
from analyzer.boilerplate.kinds import dateline_end
from analyzer.document import Document
from analyzer.loaded.syntax import modifies
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Token


def phrase_description(layer: ActorLayer, text: str, head: Token, mention: Mention) -> str | None:
    """A name modifying the label that is not the labelled party: "Trump protesters" stand
    against Trump, "Syrian rebels" are not Syria's state. The actor is the phrase itself."""
    if mention.head not in {c.i for c in head.children if modifies(c, head)}:
        return None
    relational = lemma_in(head, words_with_role("relational"))
    actor = layer.actor(mention)
    # "Syrian rebels", not "a Syrian rebel commander" (a Syrian); but "the New Orleans
    # attacker", one person of a city, is the phrase's too
    several_or_of_a_city = (
        head.tag_ in ("NNS", "NNPS")
        or (actor not in known_countries() and actor.lower() not in capitals())
        or lemma_in(head, words_with_role("gangland"))  # "Haiti gang leader": a gang of Haiti
    )
    of_a_place = (
        layer.kind(actor) == "place"
        and not lemma_in(head, words_with_role("state"))
        and several_or_of_a_city
    )
    if not (relational or of_a_place) or mention.role == "location":
        return None
    return f"{text[mention.start : mention.end]} {head.text}"


def backed_description(
    doc: Document, index: int, head: Token, mentions: list[Mention]
) -> str | None:
    """ "U.S.-backed forces", "Turkish-trained rebels": the phrase from its backer's name."""
    inside = {t.i for t in head.subtree}
    if not any(m.role == "target" and m.first in inside and m.last < head.i for m in mentions):
        return None
    base = doc.words.offset(index)  # "[Anti-Taliban fighters]", "the [U.S.-backed forces]"
    # "BEIRUT (Reuters) - U.S.-backed fighters": the parser may hang the dateline on the phrase
    opening = dateline_end(doc.text, base) - base
    # the words glued before the head, not "the" or "and", nor a "by" or a verb the parser hung
    # on the phrase ("a blockade [imposed by] al-Qaeda-linked militants")
    first = head.i
    while (
        first - 1 in inside
        and head.doc[first - 1].dep_ not in ("det", "case", "cc")
        and head.doc[first - 1].text not in (",", ";", "(", ")")
        and head.doc[first - 1].idx >= opening
    ):
        first -= 1
    return doc.text[base + head.doc[first].idx : base + head.idx + len(head)]


def camp_of_members(head: Token) -> str | None:
    """ "left-wing terrorists", "far-right extremists": a plural label on members of a political
    camp labels the camp ("the left"). Only a hyphenated camp word counts: "liberal groups" or
    "conservative Americans" describe people without naming a camp."""
    if head.tag_ not in ("NNS", "NNPS"):
        return None  # "a far-right extremist" is one person, not the camp
    modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound")]
    if not modifiers:
        return None
    words = head.doc[min(c.left_edge.i for c in modifiers) : head.i].text.lower().split()
    for word in words:
        camp = word.removesuffix("-wing")
        if "-" in word and camp in words_with_role("camp"):
            return f"the {camp}"
    return None


#: Prefixes of a modifier that says what a crowd stands for or against.
_STANCES = ("anti", "pro", "counter")


def stance_description(head: Token) -> str | None:
    """ "anti-racism demonstrators", "pro-government marchers": a crowd named by its stance is a
    crowd of its own, not the protest's crowd named before. The actor is the phrase."""
    modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound")]
    if not modifiers:
        return None
    first = min(c.left_edge.i for c in modifiers)
    opener = head.doc[first]
    glued = first + 1 < head.i and head.doc[first + 1].text == "-" and not opener.whitespace_
    stance = opener.lower_.split("-")[0] if "-" in opener.text else opener.lower_
    if stance not in _STANCES or not ("-" in opener.text or glued):
        return None
    phrase = head.doc[first : head.i + 1].text
    return phrase[0].lower() + phrase[1:]  # "Pro-government marchers" opening a sentence
