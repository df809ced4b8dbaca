"""Capitalised names and actor mentions: the pieces :mod:`analyzer.actors` builds on.

Without a story pack, the names a label may attach to are the capitalised word runs of its
sentence, minus sentence openers, days, months and adjectives of religion or people ("Islamic
extremists" names no one).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

#: "anti-" or "pro-" glued before a name: the name is the phrase's target, not its subject.
TARGET_PREFIX = re.compile(r"\b(?:anti|pro)[-‐]$", re.IGNORECASE)
#: A word, with inner apostrophes, hyphens and dots ("U.S.", "Massoud's").
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: Above this share of capitalised words a sentence is a title-case headline, where capitals do
#: not mark names.
TITLE_CASE_SHARE = 0.6
#: Capitalised words that do not make a name on their own (sentence openers, days, months).
_NOT_NAMES_TEXT = (
    "the a an this that these those some many several most other another armed his her their "
    "its our we he she they it i in on at by for from with as after before but and or if when "
    "while despite following through according yet also however currently later "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december "
    # adjectives of religion, people and region: "Islamic extremists" names no one
    "islamic islamist muslim christian jewish sunni shia shiite pashtun tajik afghan arab "
    "american british french russian soviet moroccan pakistani western northern southern "
    "eastern"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
_CAPITALISED_RUN = re.compile(
    r"\b(?:(?:al|el|bin|ibn)[-\s])?[A-Z][\w'’.-]*(?:\s+(?:(?:of|al|bin|de|the)\s+)?[A-Z][\w'’.-]*)*"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in the body. ``target`` marks X in "anti-X" (named, but not as the subject)."""

    start: int
    end: int
    actor: str
    kind: str
    target: bool = False


def is_proper(surface: str) -> bool:
    """ "National Resistance Front", "Afghan Resistance": every content word capitalised."""
    words = [w for w in surface.split() if w.lower() not in ("of", "the", "and", "al")]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def capitalised_names(text: str, lo: int, hi: int) -> list[Mention]:
    """Capitalised names in ``text[lo:hi]`` (one sentence), for documents without a pack."""
    names = []
    for match in _CAPITALISED_RUN.finditer(text, lo, hi):
        words = list(WORD.finditer(text, *match.span()))
        while words and is_not_name(words[0].group()):
            words.pop(0)
        if not words:
            continue
        m_start, m_end = words[0].start(), words[-1].end()
        if text[m_end - 2 : m_end] in ("'s", "’s"):
            m_end -= 2
        if m_end > m_start and not TARGET_PREFIX.search(text, max(lo, m_start - 6), m_start):
            names.append(Mention(m_start, m_end, text[m_start:m_end].rstrip("."), "name"))
    return names


def outside(text: str, names: list[Mention], start: int, end: int) -> list[Mention]:
    """The names that do not overlap the label; a run that reaches into it keeps its part before
    it ("Taliban" of "Taliban Terrorists" in a title-case line)."""
    kept = []
    for m in names:
        if m.start < start < m.end:
            cut = m.start + len(text[m.start : start].rstrip())
            m = Mention(m.start, cut, text[m.start : cut].rstrip("."), "name")
        if m.end > m.start and (m.end <= start or m.start >= end):
            kept.append(m)
    return kept


@functools.lru_cache(maxsize=4096)
def is_not_name(word: str) -> bool:
    return word.lower().rstrip(".") in _NOT_NAMES
