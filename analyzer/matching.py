"""Fast multi-term matching with inflection, case and hyphen variants, on word boundaries.

One Aho-Corasick automaton (pyahocorasick) scans a text once for every term of a lexicon, so the
cost does not grow with the lexicon. A lexicon entry names the base form ("terrorist", "freedom
fighter"); the matcher also finds "Terrorists", "freedom-fighters" and "terrorist's".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

Payload = TypeVar("Payload")

# Endings added to the last word of a term; over-generation ("thugss") is harmless because such
# strings never occur, while a missed plural would silently undercount. "es" is added only where
# English plurals take it (after s, x, z, ch, sh, o): "rat" + "es" would find "rates".
_SUFFIXES = ("", "s", "es")
_ES_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


@dataclass(frozen=True, slots=True)
class Match(Generic[Payload]):
    start: int
    end: int
    payload: Payload


class TermMatcher(Generic[Payload]):
    """Find lexicon terms in text.

    Parameters
    ----------
    terms : iterable of (term, payload)
        Base forms with the value returned for each hit. A term ending in ``*`` matches any word
        continuation ("dehumaniz*"); a term written ``=word`` matches that exact form only.
    case_sensitive : callable, optional
        Terms for which it returns True match only as written, without variants ("US" the country
        but not "us" the pronoun). By default every term is case-insensitive.
    """

    def __init__(
        self,
        terms: Iterable[tuple[str, Payload]],
        *,
        case_sensitive: Callable[[str], bool] | None = None,
    ) -> None:
        self._automaton = ahocorasick.Automaton()
        self._payloads: list[Payload] = []
        self._prefix: list[bool] = []
        self._exact: list[str | None] = []
        for term, payload in terms:
            index = len(self._payloads)
            self._payloads.append(payload)
            self._prefix.append(term.endswith("*"))
            exact = term.strip() if case_sensitive is not None and case_sensitive(term) else None
            self._exact.append(exact)
            for variant in _variants(term) if exact is None else {exact.lower()}:
                # Longest key wins on collisions; a later duplicate variant keeps the first payload.
                if variant not in self._automaton:
                    self._automaton.add_word(variant, (index, len(variant)))
        self._empty = len(self._payloads) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match[Payload]]:
        """Non-overlapping matches in ``text[start:end]``, leftmost-longest first, sorted by offset."""
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return []
        haystack = _lower_same_length(text[start:end])
        candidates = []
        for last, (index, length) in self._automaton.iter(haystack):
            m_start, m_end = last - length + 1, last + 1
            if self._prefix[index]:
                while m_end < len(haystack) and _is_word_char(haystack[m_end]):
                    m_end += 1
            exact = self._exact[index]
            if exact is not None and text[start + m_start : start + m_end] != exact:
                continue
            if _on_boundary(haystack, m_start, m_end):
                candidates.append((m_start, -(m_end - m_start), m_end, index))
        candidates.sort()
        matches: list[Match[Payload]] = []
        taken_until = -1
        for m_start, _, m_end, index in candidates:
            if m_start >= taken_until:
                matches.append(Match(start + m_start, start + m_end, self._payloads[index]))
                taken_until = m_end
        return matches


def variants(term: str) -> set[str]:
    """The lower-case strings a case-insensitive ``term`` matches (for lexicon builders)."""
    return _variants(term)


def _variants(term: str) -> set[str]:
    base = term.strip().lower().rstrip("*")
    if base.startswith("="):
        return {base[1:]}
    if term.strip().endswith("*"):
        return {base}
    forms = {base}
    if " " in base:
        forms.add(base.replace(" ", "-"))
    if "-" in base:
        forms.add(base.replace("-", " "))
    found = set()
    for form in forms:
        for suffix in _SUFFIXES:
            if suffix != "es" or form.endswith(_ES_ENDINGS):
                found.add(form + suffix)
        if form.endswith("y") and len(form) > 2 and form[-2] not in "aeiou":
            found.add(form[:-1] + "ies")
        if form.endswith("man"):
            found.add(form[:-3] + "men")
    return found


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters ("İ") lower-case to two code points; keep them as they are so offsets hold.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _on_boundary(text: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not _is_word_char(text[start - 1])
    after_ok = end == len(text) or not _is_word_char(text[end])
    return before_ok and after_ok
