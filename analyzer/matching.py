"""Fast multi-term matching with inflection, case and hyphen variants, on word boundaries.

One Aho-Corasick automaton (pyahocorasick) scans a text once for every term of a lexicon, so the
cost does not grow with the lexicon. A lexicon entry names the base form ("terrorist", "freedom
fighter"); the matcher also finds "Terrorists", "freedom-fighters" and "terrorist's".

Matching runs on a folded view of the text so that invisible or look-alike characters cannot hide a
term: each character is NFKC-folded ("ｔｅｒｒｏｒ" -> "terror"), curly apostrophes become "'",
zero-width characters and soft hyphens are dropped, every whitespace run (NBSP, a line break)
becomes one space (a blank line between paragraphs stays, as no term spans it), and Cyrillic or
Greek look-alikes inside a Latin word ("tеrrorist" with a Cyrillic "е") become Latin letters.
Offsets are mapped back, so a match still slices the original text exactly. Folding is skipped
where the text has nothing to fold, and shared by the matchers that scan the same window.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

import ahocorasick

Payload = TypeVar("Payload")

# Endings added to the last word of a term; over-generation ("thugss") is harmless because such
# strings never occur, while a missed plural would silently undercount. "es" is added only where
# English plurals take it (after s, x, z, ch, sh, o): "rat" + "es" would find "rates".
_SUFFIXES = ("", "s", "es")
_ES_ENDINGS = ("s", "x", "z", "ch", "sh", "o")

# Characters that render as nothing but split a word for a plain string search: soft hyphen,
# combining grapheme joiner, Mongolian vowel separator, zero-width space/non-joiner/joiner,
# directional marks and embeddings, word joiner and invisible operators, BOM.
_INVISIBLE = "\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
# Look-alikes NFKC leaves alone: apostrophes and hyphens typed by word processors.
_LOOKALIKES = dict.fromkeys("\u2018\u2019\u201b\u02bc", "'") | dict.fromkeys("\u2010\u2011", "-")
_INVISIBLE_CHARS = re.compile(f"[{_INVISIBLE}]")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Cyrillic and Greek letters drawn like Latin ones. They are folded only inside a word that also
# holds a Latin letter ("tеrrorist" with a Cyrillic "е"), so Russian or Greek prose is untouched.
_HOMOGLYPHS = dict(
    zip(
        "аеорсухіјѕһԁԛԝАВЕКМНОРСТХІЈЅοινκρΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijshdqwABEKMHOPCTXIJSoivkpABEZHIKMNOPTYX",
        strict=True,
    )
)
_GAP = f"[\\s{_INVISIBLE}]"
_HOMOGLYPH = f"[{''.join(_HOMOGLYPHS)}]"
_HOMOGLYPHS_TO_LATIN = str.maketrans(_HOMOGLYPHS)
# A Latin letter beside a homoglyph, and the word from there on (after the other folding, so
# invisible characters are gone and full-width letters are Latin). Folding is one character for
# one, so offsets do not move.
_MIXED_PAIR = f"(?:[A-Za-z]{_HOMOGLYPH}|{_HOMOGLYPH}[A-Za-z])"
_MIXED_WORD = re.compile(f"{_HOMOGLYPH}*{_MIXED_PAIR}[^\\W\\d_]*")
# Whitespace/invisible runs other than one plain space before a visible character: one that
# starts with another whitespace or invisible character, or with a space and goes on.
_GAP_RUN = f"[^\\S ]{_GAP}*|[{_INVISIBLE}]{_GAP}*| {_GAP}+"
_GAP_RUNS = re.compile(_GAP_RUN)
_ANY_HOMOGLYPH = re.compile(_HOMOGLYPH)
_ANY_MIXED_PAIR = re.compile(_MIXED_PAIR)


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
            exact = (
                fold(term.strip()) if case_sensitive is not None and case_sensitive(term) else None
            )
            self._exact.append(exact)
            for variant in _variants(term) if exact is None else {exact.lower()}:
                # Longest key wins on collisions; a later duplicate variant keeps the first payload.
                if variant not in self._automaton:
                    self._automaton.add_word(variant, (index, len(variant)))
        self._empty = len(self._payloads) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match[Payload]]:
        """Non-overlapping matches in ``text[start:end]``, leftmost-longest first, sorted by offset.

        Matching sees the folded text; the offsets returned are into ``text`` as given.
        """
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return []
        view = _folded_view(text, start, end)
        folded = view.text
        haystack = _lower_same_length(folded)
        candidates = []
        for last, (index, length) in self._automaton.iter(haystack):
            m_start, m_end = last - length + 1, last + 1
            if self._prefix[index]:
                while m_end < len(haystack) and _is_word_char(haystack[m_end]):
                    m_end += 1
            exact = self._exact[index]
            if exact is not None and folded[m_start:m_end] != exact:
                continue
            if _on_boundary(haystack, m_start, m_end):
                candidates.append((m_start, -(m_end - m_start), m_end, index))
        candidates.sort()
        matches: list[Match[Payload]] = []
        taken_until = -1
        for m_start, _, m_end, index in candidates:
            if m_start >= taken_until:
                o_start, o_end = view.original_span(m_start, m_end)
                matches.append(Match(start + o_start, start + o_end, self._payloads[index]))
                taken_until = m_end
        return matches


class _FoldedView:
    """``text`` folded for matching, with a map from folded offsets back to the original.

    The map is the sorted rewritten pieces (folded start, folded end, original start, original
    end), four arrays of 8 bytes an entry; between pieces the two texts agree character for
    character. A paragraph hard-wrapped into a million short lines has a million pieces (each line
    break becomes a space), so they are not kept as tuples of ints (about 190 bytes each).
    """

    __slots__ = ("_folded_ends", "_folded_starts", "_original_ends", "_original_starts", "text")

    def __init__(self, original: str) -> None:
        folded_starts, folded_ends = array("q"), array("q")
        original_starts, original_ends = array("q"), array("q")
        parts: list[str] = []
        copied_until = 0
        folded_len = 0
        for hit in _fold_pattern_for(original).finditer(original):
            run = hit.group()
            replacement = _fold_run(run)
            if replacement == run:
                continue
            o_start, o_end = hit.span()
            parts.append(original[copied_until:o_start])
            folded_len += o_start - copied_until
            parts.append(replacement)
            folded_starts.append(folded_len)
            folded_ends.append(folded_len + len(replacement))
            original_starts.append(o_start)
            original_ends.append(o_end)
            folded_len += len(replacement)
            copied_until = o_end
        if folded_starts:
            parts.append(original[copied_until:])
            folded = "".join(parts)
        else:
            folded = original
        # The homoglyph scan is a quick one; only text that has one pays for the pair scan.
        if _ANY_HOMOGLYPH.search(folded) and _ANY_MIXED_PAIR.search(folded):
            folded = _MIXED_WORD.sub(lambda word: word[0].translate(_HOMOGLYPHS_TO_LATIN), folded)
        self.text = folded
        self._folded_starts, self._folded_ends = folded_starts, folded_ends
        self._original_starts, self._original_ends = original_starts, original_ends

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded characters ``[start, end)`` (``end > start``).

        The span runs from the first character's original start to the last one's original end,
        so dropped invisible characters at either edge stay outside it.
        """
        if not self._folded_starts:
            return start, end
        return self._to_original(start), self._to_original(end - 1, char_end=True)

    def _to_original(self, position: int, *, char_end: bool = False) -> int:
        at = bisect_right(self._folded_starts, position) - 1
        width = 1 if char_end else 0
        if at < 0:
            return position + width
        f_end, o_end = self._folded_ends[at], self._original_ends[at]
        if position < f_end:  # inside a rewritten piece: it maps as a whole
            return o_end if char_end else self._original_starts[at]
        return o_end + (position - f_end) + width


def _fold_pattern_for(text: str) -> re.Pattern[str]:
    """A pattern for the runs of ``text`` to rewrite: whitespace/invisible runs, and the characters
    of this text that fold to something else (found from its set of characters, so prose in any
    script that needs no folding is not scanned character by character in Python)."""
    if text.isascii():
        return _GAP_RUNS
    if unicodedata.is_normalized("NFKC", text):  # a scan in C; then only look-alikes can fold
        return _compiled_fold_pattern("".join(_LOOKALIKES))
    chars = set(text)
    foldable = "".join(sorted(ch for ch in chars if not ch.isascii() and _fold_char(ch) != ch))
    return _compiled_fold_pattern(foldable)


@lru_cache(maxsize=256)
def _compiled_fold_pattern(foldable: str) -> re.Pattern[str]:
    return re.compile(f"{_GAP_RUN}|[{re.escape(foldable)}]" if foldable else _GAP_RUN)


# Every lexicon signal scans the same document window in turn; fold it once for all of them.
@lru_cache(maxsize=16)
def _folded_view(text: str, start: int, end: int) -> _FoldedView:
    return _FoldedView(text[start:end])


def fold(text: str) -> str:
    """``text`` as the matcher sees it, before lower-casing (used to fold lexicon terms)."""
    return _FoldedView(text).text


def _fold_run(run: str) -> str:
    if len(run) == 1 and not run.isspace():
        return _fold_char(run)
    if not any(ch.isspace() for ch in run):
        return ""
    # A blank line ends a paragraph, and no term runs across one: leave it as it is.
    return run if len(_LINE_BREAK.findall(run)) > 1 else " "


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    if _INVISIBLE_CHARS.match(ch):
        return ""
    return unicodedata.normalize("NFKC", ch)


def variants(term: str) -> set[str]:
    """The lower-case strings a case-insensitive ``term`` matches (for lexicon builders)."""
    return _variants(term)


def _variants(term: str) -> set[str]:
    term = fold(term)
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
