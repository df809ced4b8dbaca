"""The side a source speaks for, found in the text itself: whose voices are heard, no story pack.

A source speaks for the group, institution or country its phrase names, and a named person for
the one written beside the name, else for themselves:

- "A Taliban spokesman", "a spokesman for the Taliban", "Taliban spokesman Zabihullah Mujahid"
  speak for the Taliban; "Israeli officials" and "Russia's foreign ministry" for the country;
- "Ali Karimi, a commander of the Northern Front," speaks for the Northern Front, and so do his
  later "Karimi said" and "he said" (the speaker's side is remembered);
- "Hamas said", "Ali Karimi said" (a name alone) speak for Hamas and Ali Karimi, and "a
  majority of Republicans" for the Republicans;
- "Residents" and "analysts" speak for no side, nor do a relative or an opponent ("the son of
  X", "a Taliban opponent"), "you", or a pronoun whose speaker was not heard before.

Only phrases that hold a name next to other words are parsed (the parse says which name the
phrase's head owns), and a capitalised word that only ever opens a sentence ("Supporters said",
"Hamas said": the tagger tells a name from a noun); a name alone is its own side, so most
sources cost no parse. Side names are merged as the actor layer merges names: an acronym with
its expansion, a capital with its country, a one-word name with its plural.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from analyzer.actors.layer import acronym_expansions, is_title_case, merge_names, name_key
from analyzer.actors.lexicon import words_with_role
from analyzer.actors.mentions import Mention, find_mentions
from analyzer.document import Document
from analyzer.text.attributions import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token

#: A source that is a name and nothing else: capitalised words, joined by "of", "for", "the",
#: "and", hyphens and initials, after an optional "the".
_NAME_ALONE = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+(?:(?:of|for|the|and|de|al)\s+)*[A-Z][\w.'’-]*)*"
)
#: A capitalised word that is not the article opening the phrase ("The commission" has none).
_CAPITALISED = re.compile(r"(?<!^)\b[A-Z]|^(?!(?:The|A|An)\b)[A-Z]")
#: After the source, a comma opening an apposition: "Ali Karimi, a commander of ...".
_APPOSITION = re.compile(r"\s*,\s+(?:a|an|the|who|[a-z]+\s+(?:of|for|at)|[A-Z])\b")
#: How a name says whose a word is: "Taliban spokesman", "Israeli officials", "Russia's foreign
#: ministry", "a spokesman for the Taliban", "a commander of the Northern Front".
_OWNER_DEPS = frozenset(("compound", "amod", "nmod:poss", "nmod", "nmod:desc"))
_OWNER_CASES = frozenset(("of", "for", "at", "from", "with"))
#: How a role word hangs on a person's name: "Taliban spokesman Zabihullah Mujahid", "Ali
#: Karimi, a commander of ...".
_ROLE_DEPS = frozenset(("compound", "nmod:desc", "appos"))
#: How a name hangs on the role word it names: "leader Abdul-Malik al-Houthi".
_NAME_DEPS = frozenset(("flat", "appos", "nmod:desc"))


def found_sides(doc: Document) -> dict[int, str]:
    """Position in ``doc.attributions`` -> the side its source speaks for, where one is found."""
    in_order = sorted(enumerate(doc.attributions), key=lambda pair: pair[1].source_start or 0)
    readings = {position: _reading(doc, a) for position, a in in_order}
    # One batch for every sentence the parse is needed in: cheaper than one at a time.
    doc.words.parse_many(
        a.sentence_index for p, a in in_order if readings[p] in ("parse", "opener")
    )
    remembered: dict[str, str] = {}  # speaker key -> side written beside the name once
    sides: dict[int, str] = {}
    for position, attribution in in_order:
        side = _side(doc, attribution, readings[position], remembered)
        if side:
            sides[position] = side
    if any(side.isupper() for side in sides.values()):  # "An RSF spokesman": the RSF's side
        expansions = acronym_expansions(doc.text)
        sides = {p: expansions.get(name_key(side), side) for p, side in sides.items()}
    canonical = merge_names({name_key(side): side for side in sides.values()})
    return {position: canonical[name_key(side)] for position, side in sides.items()}


def _reading(doc: Document, a: Attribution) -> str | None:
    """How a source's side is read: ``pronoun`` (the speaker's), ``name`` (a name alone is its
    own side), ``opener`` (one capitalised word only ever opening a sentence: the tagger says
    whether it is a name), ``parse`` (a name next to other words), or None (no source, or no
    name in it)."""
    if a.mode == "credit" or a.source_start is None or a.source_end is None:
        return None
    if a.source_kind == "pronoun":
        return "pronoun"
    text = doc.text
    source = text[a.source_start : a.source_end]
    if not _CAPITALISED.search(source) or _in_title_case(doc, a):
        return None  # "residents", "the commission"; "..., Says Lawmaker": capitals mean nothing
    alone = a.source_kind != "anonymous" and _NAME_ALONE.fullmatch(source)
    if not alone or _APPOSITION.match(text, a.source_end):
        return "parse"
    return "opener" if _only_opens_sentences(text, source) else "name"


def _in_title_case(doc: Document, a: Attribution) -> bool:
    """Is the source in a title-case headline, where most words are capitalised?"""
    sentence = doc.sentences[a.sentence_index]
    return is_title_case(doc.text, sentence.start, sentence.end)


def _side(
    doc: Document, a: Attribution, reading: str | None, remembered: dict[str, str]
) -> str | None:
    if a.source_start is None or a.source_end is None:
        return None
    source = doc.text[a.source_start : a.source_end]
    key = name_key(a.speaker or source)
    if reading == "pronoun":
        # only a speaker heard before: a pronoun resolved to a name never heard is too often
        # a name that was merely written before ("he" after "the Civil Rights Act"); "you" is
        # whoever is spoken to
        return None if source.lower() == "you" else remembered.get(key)
    side: str | None = None
    if reading == "name" or (reading == "opener" and _tagged_a_name(doc, a)):
        side = remembered.get(key) or _without_title(a.speaker or source)
    elif reading == "parse":
        side = _side_from_parse(doc, a)
    side = side or remembered.get(key)
    if side is not None and a.source_kind != "anonymous":
        remembered.setdefault(key, side)
    return side


def _only_opens_sentences(text: str, source: str) -> bool:
    """A one-word source the text never writes capitalised inside a sentence: "Supporters
    said" or "Hamas said"; the tagger tells which ("Clinton said" after "Hillary Clinton" is a
    name by its spelling)."""
    word = source.strip()
    if " " in word or not word[:1].isupper():
        return False
    return re.search(rf"[\w,;]\s+{re.escape(word)}\b", text) is None


def _tagged_a_name(doc: Document, a: Attribution) -> bool:
    assert a.source_start is not None
    sdoc, base = doc.words.parsed(a.sentence_index), doc.words.offset(a.sentence_index)
    token = next((t for t in sdoc if base + t.idx >= a.source_start), None)
    return token is not None and token.pos_ == "PROPN"


def _side_from_parse(doc: Document, a: Attribution) -> str | None:
    """The name the source phrase's head is, or the nearest name that says whose head it is."""
    assert a.source_start is not None and a.source_end is not None
    sdoc, base = doc.words.parsed(a.sentence_index), doc.words.offset(a.sentence_index)
    inside = [t for t in sdoc if a.source_start <= base + t.idx < a.source_end]
    if not inside:
        return None
    head = next((t for t in inside if t.head not in inside or t.head.i == t.i), inside[-1])
    names = [
        m
        for m in find_mentions(sdoc, a.sentence_index, base, doc.text)
        if m.role == "actor" and _in_phrase(m, inside, head)
    ]
    own = next((m for m in names if m.covers(head.i)), None) or next(
        (m for m in names if sdoc[m.head].head.i == head.i and sdoc[m.head].dep_ in _NAME_DEPS),
        None,
    )
    owners = [
        (arcs, abs(m.head - head.i), m)
        for m in names
        if m is not own and (own is None or m.kind != "person")
        for arcs in (_owner_arcs(sdoc[m.head], head),)
        if arcs is not None
    ]
    if owners:
        return min(owners, key=lambda row: row[:2])[2].name  # its spokesman, minister, army
    if own is None:
        return None
    return _without_title(own.name) if own.kind == "person" else own.name


def _in_phrase(m: Mention, inside: list[Token], head: Token) -> bool:
    """Inside the source phrase, or in the apposition after its head."""
    if inside[0].i <= m.head <= inside[-1].i:
        return True
    appositions = [child for child in head.children if child.dep_ == "appos"]
    return any(a.left_edge.i <= m.head <= a.right_edge.i for a in appositions)


def _owner_arcs(token: Token, head: Token) -> int | None:
    """1 when ``token`` says whose ``head`` is ("Taliban spokesman"), 2 when it says whose a
    role word of the head is ("Taliban spokesman Zabihullah Mujahid", "Ali Karimi, a commander
    of the Northern Front"), else None ("a volunteer at the Saudi hospital": the hospital's)."""
    if token.dep_ not in _OWNER_DEPS or not _owner_case(token):
        return None
    if token.head.lemma_.lower() in _other_party():
        return None  # "the son of Ahmad Shah Masud", "Taliban opponents": not the name's side
    if token.head.i == head.i:
        return 1
    role = token.head
    return 2 if role.head.i == head.i and role.dep_ in _ROLE_DEPS else None


@functools.cache
def _other_party() -> frozenset[str]:
    """Heads whose name is someone else: a relative's, a friend's, an opponent's."""
    return words_with_role("kin") | words_with_role("relational")


def _owner_case(token: Token) -> bool:
    """An ``nmod`` says whose only after "of", "for" ... ("ambassador to Britain" does not)."""
    cases = [child.lower_ for child in token.children if child.dep_ == "case"]
    return token.dep_ != "nmod" or any(case in _OWNER_CASES for case in cases)


def _without_title(name: str) -> str:
    """ "President William Ruto" -> "William Ruto", "Interior Minister Kipchumba Murkomen" ->
    "Kipchumba Murkomen", "Secretary of State Mike Pompeo" -> "Mike Pompeo"."""
    words = name.split()
    titles = words_with_role("title") | {"the"}
    last_title = max(
        (i for i, word in enumerate(words[:-1]) if word.lower().rstrip(".") in titles), default=-1
    )
    rest = words[last_title + 1 :]
    while len(rest) > 2 and rest[0] in ("of", "for"):
        rest = rest[2:]  # "of State"
    return " ".join(rest)
