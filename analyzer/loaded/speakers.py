"""Who speaks where a label stands: the actors named in the source of the quotation or reported
speech that holds it.

A label in someone's words is said from their side. "We are not terrorists," said a spokesman
for the Baloch Liberation Army: "we" is the speaker's side, so the label is said of it. "The
terrorists will pay," said the prime minister after the attack: a condemning label in a
speaker's words names the speaker's adversary, never the speaker.
"""

from __future__ import annotations

import re

from analyzer.actors import ActorLayer, Mention, name_key
from analyzer.document import Document
from analyzer.words import base_forms


def speaker_mentions(
    doc: Document, layer: ActorLayer, start: int, *, pronouns: bool = True
) -> list[Mention]:
    """The actor mentions of the source whose quotation or reported content holds ``start``: the
    names inside the source phrase ("a spokesman for the Baloch Liberation Army"), or for a
    pronoun source ("he said") the name it resolves to, unless ``pronouns`` is False."""
    for attribution in doc.attributions:
        if not attribution.content_start <= start < attribution.content_end:
            continue
        if attribution.source_start is None or attribution.source_end is None:
            return []
        lo, hi = attribution.source_start, _past_apposition(doc.text, attribution.source_end)
        index = doc.sentence_index(lo)
        if index is None:
            return []
        inside = [
            m
            for m in layer.mentions(index)
            if m.start < hi and lo < m.end and m.role not in ("location", "target")
        ]
        if doc.words.is_parsed(index):
            inside = [m for m in inside if m.first < 0 or _speaks_for(doc, index, lo, hi, m)]
        if inside or attribution.speaker is None or not pronouns:
            return inside
        return _named_before(layer, index, attribution.speaker)
    return []


def affiliations(doc: Document, layer: ActorLayer, person: str) -> set[str]:
    """The groups a person speaks for in any source phrase of the text that names him ("Léon
    Charles, director general of the Haitian National Police (PNH), said"): whose people he
    is, when a later quotation of his condemns someone."""
    found: set[str] = set()
    for attribution in doc.attributions:
        if attribution.source_start is None or attribution.source_end is None:
            continue
        lo, hi = attribution.source_start, _past_apposition(doc.text, attribution.source_end)
        index = doc.sentence_index(lo)
        if index is None:
            continue
        inside = [m for m in layer.mentions(index) if m.start < hi and lo < m.end]
        if not any(layer.actor(m) == person for m in inside):
            continue
        parsed = doc.words.is_parsed(index)
        found |= {
            layer.actor(m)
            for m in inside
            if layer.kind(layer.actor(m)) == "group"
            and m.role == "actor"
            # a name in the apposition after the source says whom he speaks for as it stands
            and (m.start >= attribution.source_end or not parsed or m.first < 0
                 or _speaks_for(doc, index, lo, hi, m))
        }  # fmt: skip
    return found


def _past_apposition(text: str, end: int) -> int:
    """The end of a description set off after the source's name ("Derrick Johnson, [president
    of the NAACP]"), which says whom the source speaks for; else ``end``."""
    found = _APPOSITION.match(text, end)
    return found.end() if found is not None else end


#: ", a lower-case description of a few words" closed by a comma, a full stop or a quotation;
#: a bracketed acronym may end it (", director general of the Haitian National Police (PNH),").
_APPOSITION = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?[a-z][\w'’.-]*(?:\s+[\w'’.&-]+){0,7}?"
    r"(?:\s+\([\w.&-]+\))?(?=[,.;\"”]|$)"
)


def _speaks_for(doc: Document, index: int, lo: int, hi: int, mention: Mention) -> bool:
    """Whether a name in a source phrase is the source or whom it speaks for: "Netanyahu", "a
    spokesman for X", "X's spokesman", "X spokesman Y"; not a name describing something else
    in the phrase ("a man with a Midwestern accent")."""
    sdoc, base = doc.words.parsed(index), doc.words.offset(index)
    inside = [t for t in sdoc if lo <= base + t.idx < hi]
    if not inside:
        return True
    heads = [t for t in inside if not lo <= base + t.head.idx < hi or t.head.i == t.i]
    if not heads:
        return True
    # the word that governs most of the phrase: "Baltazar", not a title the parse cut off
    # before it ("Maj. Rowena Baltazar, an MPD spokeswoman")
    head = max(heads, key=lambda t: sum(1 for d in t.subtree if lo <= base + d.idx < hi))
    token = sdoc[mention.head]
    if token.i == head.i or head.i in range(mention.first, mention.last + 1):
        return True
    # "an Indian security official", "CONAIE/amod president Marlon Vargas": a demonym or a
    # name (tagged as an adjective) on the source's own words, not "a man with an Indian accent"
    demonym = mention.kind in ("place", "group") and token.dep_ == "amod"
    for _ in range(2):  # "X spokesman Y", and "X military spokesman Y" through the title
        case = next((c.lower_ for c in token.children if c.dep_ == "case"), "")
        if token.dep_ not in _SPEAKS_FOR and case not in ("for", "of") and not demonym:
            return False
        demonym = False
        if token.head.i == head.i:
            return True
        token = token.head
    return False


#: Relations by which a name in a source phrase says whom the source speaks for.
_SPEAKS_FOR = frozenset(("compound", "nmod:poss", "appos", "flat", "nmod:desc"))


def _named_before(layer: ActorLayer, index: int, speaker: str) -> list[Mention]:
    """The latest mention, at or before its sentence, of the name a pronoun source resolved to,
    or of the name a definite description source repeats the last word of ("the command" after
    "U.S. Africa Command", "the ministry" after "the Foreign Ministry")."""
    key = name_key(speaker)
    described = _DESCRIPTION.fullmatch(speaker)
    noun = described.group(1).lower() if described else None
    forms = set(base_forms(noun)) | {noun} if noun else set()
    for i in range(index, -1, -1):
        for m in reversed(layer.mentions(i)):
            if m.role != "actor":
                continue
            if name_key(m.name) == key or name_key(layer.actor(m)) == key:
                return [m]
            words = m.name.split()
            if forms and m.proper and len(words) > 1 and words[-1].lower() in forms:
                return [m]
    # "he" resolved to "a Hamas official": the name inside the description
    if speaker[1:] == speaker[1:].lower():
        return []  # no capital after the first letter: no name inside
    for i in range(index, -1, -1):
        for m in reversed(layer.mentions(i)):
            inside = m.name in speaker and re.search(rf"\b{re.escape(m.name)}\b", speaker)
            if m.role == "actor" and inside:
                return [m]
    return []


#: A source that is a definite description of one word: "the command", "the ministry".
_DESCRIPTION = re.compile(r"(?:the|The)\s+([a-z]+)")
