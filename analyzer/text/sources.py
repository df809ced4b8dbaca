"""Who speaks: the kind of a source phrase and the story-pack actor it names.

:func:`classify_source` says what kind of source a phrase is (pronoun, named, organisation,
anonymous); :func:`resolve_actor` finds the story-pack actor it names. The pieces this builds on
live in their own modules and are re-exported here, where callers have always imported them:
word classes and context rules (:mod:`analyzer.text.context_rules`), the cue and source-noun
lexicons (:mod:`analyzer.text.cue_lexicons`) and the sentence tokens that find a cue's source
phrase (:mod:`analyzer.text.phrases`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analyzer.lexicons import load_lexicon
from analyzer.storypack import Actor, StoryPack
from analyzer.text.context_rules import (
    AUXILIARIES,
    CLOSING_PUNCT,
    COMPLEMENT_WORDS,
    DETERMINERS,
    HONORIFICS,
    NAME_SUFFIXES,
    NOMINAL_PREV,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_CHARS,
    ContextRule,
    compile_rule,
    next_word,
    previous_word,
)
from analyzer.text.cue_lexicons import (
    CUE_CATEGORIES,
    CUE_FRAMES,
    SOURCE_NOUN_KINDS,
    Cue,
    SourceNoun,
    cue_entries,
    cue_matcher,
    grouped_matcher,
    plural_forms,
    source_nouns,
    split_forms,
)
from analyzer.text.phrases import Tokens

__all__ = [
    "AUXILIARIES",
    "CLOSING_PUNCT",
    "COMPLEMENT_WORDS",
    "CUE_CATEGORIES",
    "CUE_FRAMES",
    "DETERMINERS",
    "HONORIFICS",
    "NAME_SUFFIXES",
    "NOMINAL_PREV",
    "OTHER_PRONOUNS",
    "POSSESSIVES",
    "PREPOSITIONS",
    "PRONOUNS",
    "QUOTE_CHARS",
    "SOURCE_NOUN_KINDS",
    "ContextRule",
    "Cue",
    "SourceInfo",
    "SourceNoun",
    "Tokens",
    "classify_source",
    "compile_rule",
    "cue_entries",
    "cue_matcher",
    "grouped_matcher",
    "kind_of_actor",
    "next_word",
    "plural_forms",
    "previous_word",
    "resolve_actor",
    "source_nouns",
    "split_forms",
]

#: Object and possessive pronouns a source span may consist of (GUM types them as pronouns).
OTHER_PRONOUNS = {
    **dict.fromkeys(("me", "my", "him", "his", "her", "your"), "person"),
    **dict.fromkeys(("us", "our", "them", "their"), "plural"),
}
#: A quantifier opening a source makes it vague (MOS:WEASEL: "some people say", "many scholars").
VAGUE_QUANTIFIERS = frozenset(("some", "many", "most", "several", "numerous", "various"))

_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a source phrase is: kind, number, head word and whether it is a weasel source."""

    kind: str
    plural: bool
    vague: bool
    head: str
    head_start: int
    name_like: bool = False


def classify_source(text: str, start: int, end: int) -> SourceInfo:
    """Kind of the source phrase ``text[start:end]``: pronoun, anonymous, organisation, named...

    Named follows GUM's rule (the phrase holds a proper name), refined three ways: a known source
    noun as head decides first ("Taliban officials" are anonymous, "The National newspaper" is an
    organisation); "the" + a capitalised head, or an acronym, is an organisation ("the Taliban",
    "The NRF"); a capitalised modifier before a lower-case head is not a name ("Afghan commandos").
    """
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]
    if not words:
        return SourceInfo("unknown", False, False, "", start)
    first = words[0][1].lower()
    if len(words) == 1 and words[0][1].isupper() and len(first) > 1:
        first = words[0][1]  # "US says": the country, not "us" (and "WE" is not news copy)
    if len(words) == 1 and first in PRONOUNS:
        return SourceInfo("pronoun", PRONOUNS[first] == "plural", False, first, words[0][0])
    if len(words) == 1 and first in OTHER_PRONOUNS:  # "told us", "in my view": still a pronoun
        plural = OTHER_PRONOUNS[first] == "plural"
        return SourceInfo("pronoun", plural, False, first, words[0][0])
    head_index = len(words) - 1
    for i in range(1, len(words)):
        if words[i][1].lower() in COMPLEMENT_WORDS:
            head_index = i - 1
            break
    if head_index > 0 and words[head_index][1].lower().rstrip(".") in NAME_SUFFIXES:
        head_index -= 1
    head_start, head = words[head_index]
    low = head.lower()
    noun = source_nouns().get(low)
    if noun is not None and head[0].isupper() and head_index > 0 and words[0][1][0].isupper():
        # A capitalised source noun inside a capitalised phrase ends a name: "Saudi Arabia's
        # Civil Defense Authority", "the Home Office" (but "Taliban officials" stay anonymous).
        return SourceInfo("organisation", False, False, low, head_start)
    if noun is not None and noun[0].vague and _named_owner(words[:head_index]):
        # "a UN report", "a Reuters report": a document someone named stands behind
        return SourceInfo("organisation", False, False, low, head_start)
    person = noun is not None and noun[0].kind == "anonymous"
    plural = noun is not None and noun[1]
    if person and not plural and head[0].isupper() and _names_after(words, head_index):
        # a title with the name after it: "Minister of Education Stefania Giannini" (a plural is
        # people from a place: "Residents of Gondar", "Diplomats in Addis Ababa")
        return SourceInfo("named", False, False, low, head_start)
    if noun is not None:
        return SourceInfo(noun[0].kind, noun[1], noun[0].vague, low, head_start)
    if len(words) == 1 and head[:1].isupper() and _label_word(low):
        # "Protesters said", "Rebels claimed": a capital opening the sentence, not a name
        return SourceInfo("anonymous", low.endswith("s"), False, low, head_start)
    if head[0].isupper() or _PARTICLE_NAME.match(head):
        if _titled_name(words, head_index):
            # "the army spokesman Paul Njuguna": a person's name after a title, however the
            # phrase opens
            return SourceInfo("named", False, False, low, head_start)
        if (first == "the" and head_index > 0) or (len(head) > 1 and head.isupper()):
            return SourceInfo("organisation", False, False, low, head_start)
        name_like = all(w[0].isupper() for _, w in words)
        return SourceInfo("named", False, False, low, head_start, name_like)
    if any(w[0].isupper() for _, w in words[head_index + 1 :]):
        return SourceInfo("named", False, False, low, head_start)  # "the son of ... Masud"
    if first in VAGUE_QUANTIFIERS:  # "some historians", "many scholars": nobody in particular
        return SourceInfo("anonymous", True, True, low, head_start)
    return SourceInfo("unknown", low.endswith("s"), False, low, head_start)


def _label_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a one-word actor label or its plural ("protesters")."""
    terms = _label_terms()
    return word in terms or word.removesuffix("s") in terms or word.removesuffix("es") in terms


@functools.cache
def _label_terms() -> frozenset[str]:
    rows = load_lexicon("actor_labels")
    return frozenset(row["term"].lstrip("=").lower() for row in rows if " " not in row["term"])


def _titled_name(words: list[tuple[int, str]], head_index: int) -> bool:
    """A lower-case noun for one person ("spokesman", "commander") followed by capitalised
    words up to the head: "the army spokesman Paul Njuguna"."""
    for i in range(head_index - 1, -1, -1):
        word = words[i][1]
        if word[0].isupper():
            continue
        noun = source_nouns().get(word)
        return (
            i < head_index - 1 and noun is not None and noun[0].kind == "anonymous" and not noun[1]
        )
    return False


def _names_after(words: list[tuple[int, str]], head_index: int) -> bool:
    return any(w[0].isupper() for _, w in words[head_index + 1 :])


#: A surname after a lower-case particle: "al-Muslimi", "el-Sisi", "ad-Din".
_PARTICLE_NAME = re.compile(r"[a-z]{1,3}-[A-Z]")


def _named_owner(modifiers: list[tuple[int, str]]) -> bool:
    """A name among the words before a source noun: an acronym anywhere, or a capitalised word
    after the first (a capital on the first word may only open the sentence: "Some experts")."""
    return any(
        (len(w) > 1 and w.isupper()) or (i > 0 and w[0].isupper())
        for i, (_, w) in enumerate(modifiers)
    )


def resolve_actor(
    pack: StoryPack | None, text: str, start: int, end: int, head_start: int
) -> Actor | None:
    """The story-pack actor whose alias covers the head of the source phrase, longest alias first.

    Only an alias covering the head counts: in "the son of former Afghan commander Ahmad Shah
    Masud" the head is "son", so the father's alias alone does not resolve it; an alias such as
    "son of ... Masud" does.
    """
    if pack is None:
        return None
    best = None
    for match in pack.matcher.find(text, start, end):
        covers = match.start <= head_start < match.end
        if covers and (best is None or match.end - match.start > best.end - best.start):
            best = match
    return best.payload if best is not None else None


def kind_of_actor(actor: Actor) -> str:
    """Source kind of a story-pack actor: people are named, groups and places organisations."""
    return "organisation" if actor.kind in ("group", "place") else "named"
