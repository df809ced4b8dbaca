"""Actor mentions in the body, and which actor a label ("terrorists", "the insurgents") names.

With a story pack, mentions are the pack's aliases (one Aho-Corasick pass over the body). A label
attaches, in this order, to:

1. the actor it is itself a name for ("the resistance" is an alias of the NRF);
2. an adjacent name before it ("Taliban terrorists", "Hamas militants");
3. a name after "of" ("terrorists of the Taliban");
4. a name after it across title words ("resistance icon Ahmad Shah Massoud");
5. an appositive ("the Northern Alliance, the rebel group ..."; "his hero, Ahmad Shah Massoud.");
6. else the most salient group actor (most mentioned in the article) named in its sentence or the
   previous one, leaving out the actors its side opposes: those named after "against", "take
   on", "fight" ... later in the sentence, the X of an "anti-X" right before it, and an actor
   coordinated with it ("talks between the group and the Taliban");
7. else the nearest person named before it in the sentence; else ``"unresolved"``.

"anti-Taliban" is not a mention of the Taliban: a name glued to anti-/pro- is the *target* of the
phrase. A target never takes a label by adjacency but stays a candidate for rule 6 ("the
anti-Taliban sentiment grew before the insurgents captured Kabul" points at the Taliban). The seed
pack also lists "anti-Taliban" as an alias of the National Resistance Front, so "anti-Taliban
fighters" are the NRF's fighters (rule 2).

Without a pack, mentions are the capitalised names of the label's sentence
(:mod:`analyzer.loaded.names`); rules 2-5 apply to them, then the nearest name in the sentence,
else ``"unresolved"``. Every rule looks at most :data:`REACH_CHARS` away, so a label costs the
same in a 1 MB text as in a short one.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from analyzer.document import Document
from analyzer.loaded.names import (
    TARGET_PREFIX,
    TITLE_CASE_SHARE,
    WORD,
    Mention,
    capitalised_names,
    is_not_name,
    is_proper,
    outside,
)
from analyzer.storypack import StoryPack

UNRESOLVED = "unresolved"

_ADJACENT_BEFORE = re.compile(r"(?:['’]s)?\s{1,3}")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_APPOSITIVE_BEFORE = re.compile(
    r"\s*[,–—]\s*(?:the|a|an|our|his|her|their|its)\s+(?:[^\W\d_][\w-]*\s+){0,2}", re.I
)
_APPOSITIVE_AFTER = re.compile(r"[”\"’']?\s*[,–—(]\s*(?:the\s+)?", re.IGNORECASE)
#: What may follow the name of an appositive after a label: the end of the phrase, not a verb
#: ("the militants, Saleh said" is an attribution, not an apposition).
_CLOSES_APPOSITIVE = re.compile(r"\s*(?:[.,;:)–—]|$)")
_DASHES = re.compile(r"[-–—]")
_OPPOSITION = re.compile(
    r"\b(?:against|versus|vs|take on|took on|taking on|fight|fights|fighting|fought|battle|"
    r"battled|battling|resist|resisted|resisting)\b",
    re.IGNORECASE,
)
_AND_AFTER = re.compile(r"\s+and\s+(?:the\s+|other\s+)?", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\s+and\s+(?:the\s+)?(?:other\s+)?", re.IGNORECASE)
#: Words that may stand between a label and the name it describes ("icon Ahmad Shah Massoud",
#: "legendary mujahideen commander Ahmad Shah Massoud"): titles and roles, not verbs.
_TITLES = "commander leader chief founder head president vice general minister cleric spokesman"
_TITLE_MODIFIERS = (
    "former late veteran military resistance mujahideen guerrilla rebel militant afghan"
)
TITLE_WORDS = frozenset(f"{_TITLES} {_TITLE_MODIFIERS}".split())
#: How far (characters) from a label its actor is looked for, within the sentence and the one
#: before: two long news sentences. The bound keeps each label's cost constant on huge inputs.
REACH_CHARS = 400
#: At most this many title words between a label and a following name.
MAX_TITLE_GAP_WORDS = 3


@dataclass(frozen=True, slots=True)
class Attachment:
    actor: str
    how: str


class ActorIndex:
    """The actor mentions of one document, indexed for attaching labels. Build once per document."""

    def __init__(self, doc: Document, pack: StoryPack | None) -> None:
        self._doc = doc
        self._pack = pack
        names, targets = _pack_mentions(doc, pack) if pack is not None else ([], [])
        self._names = names
        self._starts = [m.start for m in names]
        self._ends = [m.end for m in names]
        self._targets = targets
        self._target_starts = [m.start for m in targets]
        self.salience = Counter(m.actor for m in names)
        self._by_sentence: dict[int, tuple[list[Mention], list[int]]] = {}
        self._title_cased: dict[int, bool] = {}

    def in_proper_name(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` is part of a longer capitalised name ("National Resistance
        Front"): its words are a name, not a label. Without a pack: a capitalised word next to
        another capitalised word, mid-sentence, in a sentence that is not in title case."""
        if self._pack is not None:
            mention = self._covering(start, end)
            return (
                mention is not None
                and mention.end - mention.start > end - start
                and is_proper(self._doc.text[mention.start : mention.end])
            )
        index = self._doc.sentence_index(start)
        text = self._doc.text
        if index is None or not text[start].isupper():
            return False
        sentence = self._doc.sentences[index]
        if WORD.search(text, sentence.start, start) is None:
            return False  # a sentence opener is capitalised anyway
        if self._title_case(index):
            return False
        before = WORD.findall(text, max(sentence.start, start - 40), start)
        after = WORD.search(text, end, min(sentence.end, end + 40))
        neighbours = [*before[-1:], *([after.group()] if after else [])]
        return any(w[0].isupper() and not is_not_name(w) for w in neighbours)

    def attach(self, start: int, end: int, *, near_only: bool = False) -> Attachment | None:
        """The actor the label at ``[start, end)`` names, and by which rule (see module doc).

        With ``near_only`` only rules 1-5 apply, and None means "not a label here"."""
        index = self._doc.sentence_index(start)
        if index is None:
            return None if near_only else Attachment(UNRESOLVED, "outside the body")
        sentence = self._doc.sentences[index]
        pinned = self._naming(start, end)
        if pinned is not None:
            return Attachment(pinned, "it is a name for the actor")
        lo, hi = max(sentence.start, start - REACH_CHARS), min(sentence.end, end + REACH_CHARS)
        if self._pack is None:
            found_here, starts = self._sentence_names(index)
            window = found_here[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]
            names = outside(self._doc.text, window, start, end)
        else:
            names = self._names[bisect.bisect_left(self._starts, lo) : self._upto(hi)]
        found = _by_syntax(self._doc.text, names, start, end, hi)
        if found is not None or near_only:
            return found
        if self._pack is None:
            return _nearest(names, start, end)
        return self._by_salience(index, start, end)

    def _sentence_names(self, index: int) -> tuple[list[Mention], list[int]]:
        """Capitalised names of one sentence (no pack) and their starts, found once per sentence."""
        if index not in self._by_sentence:
            sentence = self._doc.sentences[index]
            names = capitalised_names(self._doc.text, sentence.start, sentence.end)
            self._by_sentence[index] = (names, [m.start for m in names])
        return self._by_sentence[index]

    def _title_case(self, index: int) -> bool:
        """Whether a sentence is a title-case headline (its capitals do not mark names)."""
        if index not in self._title_cased:
            sentence = self._doc.sentences[index]
            words = WORD.findall(self._doc.text, sentence.start, sentence.end)
            capitalised = sum(w[0].isupper() for w in words)
            self._title_cased[index] = capitalised > TITLE_CASE_SHARE * len(words)
        return self._title_cased[index]

    def _upto(self, offset: int) -> int:
        """Index past the last name mention that ends by ``offset``."""
        return bisect.bisect_right(self._ends, offset)

    def _covering(self, start: int, end: int) -> Mention | None:
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._names[i].end >= end:
            return self._names[i]
        return None

    def _naming(self, start: int, end: int) -> str | None:
        """The actor the label span is itself an alias for: an alias inside the span first ("lion
        of Panjshir" within "son of the lion of Panjshir"), else an alias overlapping it ("the
        resistance" over "resistance forces")."""
        if self._pack is None:
            return None
        inner = self._pack.matcher.find(self._doc.text, start, end)
        if inner:
            return inner[0].payload.name
        i = bisect.bisect_left(self._ends, start + 1)
        if i < len(self._names) and self._names[i].start < end:
            return self._names[i].actor
        return None

    def _by_salience(self, index: int, start: int, end: int) -> Attachment:
        doc = self._doc
        sentence = doc.sentences[index]
        first = doc.sentences[index - 1].start if index > 0 else sentence.start
        lo, hi = max(first, start - REACH_CHARS), min(sentence.end, end + REACH_CHARS)
        in_window = [
            m
            for names, starts in ((self._names, self._starts), (self._targets, self._target_starts))
            for m in names[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
            if m.end <= hi
        ]
        opposed = _opposed(doc.text, in_window, start, end, hi)
        groups = [m for m in in_window if m.kind == "group" and m.actor not in opposed]
        if groups:
            best = min(groups, key=lambda m: (-self.salience[m.actor], abs(m.start - start)))
            return Attachment(best.actor, "the most salient group named nearby")
        people = [
            m
            for m in in_window
            if m.kind == "person" and not m.target and sentence.start <= m.end <= start
        ]
        if people:
            return Attachment(people[-1].actor, "the nearest person named before it")
        return Attachment(UNRESOLVED, "no actor named nearby")


def _by_syntax(
    text: str, names: list[Mention], start: int, end: int, ceiling: int
) -> Attachment | None:
    """Rules 2-5: a name next to the label, after "of", after title words, or in apposition."""
    before = [m for m in names if m.end <= start and not m.target]
    after = [m for m in names if m.start >= end and not m.target]
    previous = before[-1] if before else None
    following = after[0] if after else None
    if previous is not None and _ADJACENT_BEFORE.fullmatch(text, previous.end, start):
        return Attachment(previous.actor, "the name right before it")
    if following is not None and _OF_AFTER.fullmatch(text, end, following.start):
        return Attachment(following.actor, "the name after 'of'")
    if following is not None and _only_titles(text[end : following.start]):
        return Attachment(following.actor, "the name it describes")
    if previous is not None and _APPOSITIVE_BEFORE.fullmatch(text, previous.end, start):
        return Attachment(previous.actor, "the name it stands in apposition to")
    if (
        following is not None
        and _APPOSITIVE_AFTER.fullmatch(text, end, following.start)
        and _CLOSES_APPOSITIVE.match(text, following.end, ceiling)
    ):
        return Attachment(following.actor, "the name it stands in apposition to")
    return None


def _opposed(text: str, mentions: list[Mention], start: int, end: int, ceiling: int) -> set[str]:
    """Actors the label's side stands against: named after "against", "take on", "fight" ...
    later in the sentence, the X of an "anti-X" right before it, or coordinated with it
    ("between the group and the Taliban")."""
    opposed = set()
    cue = _OPPOSITION.search(text, end, ceiling)
    for m in mentions:
        if cue is not None and m.start > cue.start():
            opposed.add(m.actor)
        elif m.target and m.end <= start and _ADJACENT_BEFORE.fullmatch(text, m.end, start):
            opposed.add(m.actor)  # "anti-Taliban fighters" fight the Taliban
        elif _coordinated(text, m, start, end):
            opposed.add(m.actor)
    return opposed


def _coordinated(text: str, mention: Mention, start: int, end: int) -> bool:
    if mention.start >= end:
        return _AND_AFTER.fullmatch(text, end, mention.start) is not None
    return mention.end <= start and _AND_BEFORE.fullmatch(text, mention.end, start) is not None


def _only_titles(gap: str) -> bool:
    words = _DASHES.sub(" ", gap).split()
    if not gap or gap[0] not in " \t\n-–—" or len(words) > MAX_TITLE_GAP_WORDS:
        return False
    return all(word.lower() in TITLE_WORDS for word in words)


def _nearest(names: list[Mention], start: int, end: int) -> Attachment:
    if not names:
        return Attachment(UNRESOLVED, "no name in the sentence")
    best = min(names, key=lambda m: (m.start - end) if m.start >= end else (start - m.end))
    return Attachment(best.actor, "the nearest name in the sentence")


def _pack_mentions(doc: Document, pack: StoryPack) -> tuple[list[Mention], list[Mention]]:
    """Story-pack mentions inside body sentences: names, and targets of anti-/pro- phrases."""
    if not doc.sentences:
        return [], []
    text = doc.text
    names: list[Mention] = []
    targets: list[Mention] = []
    for match in pack.matcher.find(text, doc.sentences[0].start, doc.sentences[-1].end):
        index = doc.sentence_index(match.start)
        if index is None or match.end > doc.sentences[index].end:
            continue
        actor = match.payload
        if TARGET_PREFIX.search(text, max(0, match.start - 6), match.start):
            targets.append(Mention(match.start, match.end, actor.name, actor.kind, target=True))
            continue
        surface = text[match.start : match.end]
        names.append(Mention(match.start, match.end, actor.name, actor.kind))
        prefix = re.match(r"(?:anti|pro)[-‐\s]", surface, re.IGNORECASE)
        if prefix is not None:  # an alias such as "anti-Taliban" still points at the Taliban
            for inner in pack.matcher.find(text, match.start + prefix.end(), match.end):
                targets.append(
                    Mention(inner.start, inner.end, inner.payload.name, inner.payload.kind, True)
                )
    targets.sort(key=lambda m: m.start)
    return names, targets
