"""Rules for unmistakable furniture, read from ``lexicons/furniture_patterns.csv``.

The first row (in file order) whose pattern matches at the start of a line fires. Long lines skip
the rules except for the copyright and comment-notice rows that can be long (a body paragraph is
never furniture by a rule, and skipping keeps classification fast).

Trying 49 patterns per line is the costly part of classification, so two exact filters pick the
rows worth trying: the characters a row's match can begin with (read from the parsed pattern;
"Home" only tries rows that can start with "h") and, for the rows that open with ``.{1,400}``
scans, text the line must contain (a ``:`` for "... Photo: AP"). A row is dropped only when it
cannot match, so the first row that fires is unchanged.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analyzer.errors import LexiconError
from analyzer.lexicons import load_lexicon, validate

try:  # the regex parser behind ``re`` (its home since Python 3.11)
    sre: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a later Python moved it: every row is tried
    sre = _parser = None

LEXICON = "furniture_patterns"

#: Lines with more words than this are body-sized; only rows marked ``long`` below are tried on
#: them. 60 words is longer than every furniture line in the seeds (the GDC copyright notice is
#: the longest at ~55) and shorter than most body paragraphs.
MAX_RULE_WORDS = 60

#: Categories whose lines can be paragraph-long (legal notices).
LONG_CATEGORIES = frozenset({"copyright", "comment", "anti_spam", "cookie", "share"})

#: A leading bullet, arrow or list number is layout, not content ("• facebook", "1. Home").
_LIST_MARKER = re.compile(r"^(?:[•·▪►▸‣◦●○■□*–—>»-]+|\d{1,2}[.)])\s*(?=\S)")

_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")

#: First characters ``_LIST_MARKER`` can match (digits are checked with ``str.isdigit``).
_MARKER_CHARS = frozenset("•·▪►▸‣◦●○■□*–—>»-")

#: Pattern -> for each tuple, a line (lower-cased) must contain one of its strings for that row to
#: be able to match. Only punctuation, and letters with no case-insensitive look-alikes other than
#: their ASCII capital (not "i", "s" or "k"), so the check is exact under ``re.IGNORECASE``. Rows
#: are found by their exact pattern: editing a pattern drops its filter rather than making it wrong.
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    (r"[^.!?>»›]{1,40}(\s+(>|»|›)\s+[^.!?>»›]{1,80})+$"): ((">", "»", "›"),),
    (r".{1,60}\b(on|at)\b.{0,40}\d{1,2}:\d{2}\s*([ap]\.?m\.?)?\s*(said|says|wrote)\s*:?$"): (
        (":",),
    ),
    (
        r".{1,400}[|(]\s*(photo|photos|image|picture|pic|credit|video)\s*(credit)?\s*:"
        r"[^.!?]{0,100}\)?\.?\s*$"
    ): (("|", "("), (":",)),
    (
        r".{1,400}\(\s*(ap|afp|reuters|getty|epa|upi|xinhua|ani|pti|ians|efe|dpa|anadolu)"
        r"\b[^)]{0,40}(photo|images?|pic)[^)]{0,60}\)\s*\.?$"
    ): (("(",),),
    (
        r".{1,400}(photo|image|picture)\s*:\s*(ap|afp|reuters|getty( images)?|epa|twitter|"
        r"facebook|instagram|file|supplied|handout|screenshot|courtesy)\b[^.!?]{0,60}$"
    ): ((":",),),
    (r".{0,200}\ball rights reserved\.?\s*$"): (("erve",),),
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the pattern file."""

    pattern: str
    category: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Row:
    """A compiled row and what a line must contain for it to be worth trying."""

    index: int
    pattern: re.Pattern[str]
    needs: tuple[tuple[str, ...], ...]


@functools.cache
def load_rules() -> tuple[Rule, ...]:
    """The validated rows of the pattern file, in file order."""
    rows = load_lexicon(LEXICON)
    validate(
        rows,
        origin=f"lexicon {LEXICON}.csv",
        required=("pattern", "category", "reason"),
        key=("pattern",),
    )
    rules = []
    for number, row in enumerate(rows, start=2):
        try:
            re.compile(row["pattern"], re.IGNORECASE)
        except re.error as error:
            raise LexiconError(
                f"lexicon {LEXICON}.csv: row {number} is not a valid regex ({error})"
            ) from error
        rules.append(Rule(row["pattern"], row["category"], row["reason"]))
    return tuple(rules)


@functools.cache
def _rows() -> tuple[tuple[_Row, frozenset[str] | None], ...]:
    """Every row with the set of characters it can begin with (None: any)."""
    out = []
    for index, rule in enumerate(load_rules()):
        needs = _NEEDS.get(rule.pattern, ())
        row = _Row(index, re.compile(rule.pattern, re.IGNORECASE), needs)
        out.append((row, first_characters(rule.pattern)))
    return tuple(out)


@functools.cache
def _needles() -> tuple[str, ...]:
    """Every string some row needs (see ``_NEEDS``), in a fixed order."""
    return tuple(sorted({part for row, _ in _rows() for any_of in row.needs for part in any_of}))


@functools.cache
def _candidates(long: bool, first: str | None, present: tuple[bool, ...]) -> tuple[_Row, ...]:
    """The rows, in file order, that can match a line beginning with ``first`` (lower-cased ASCII;
    None for any other character) and containing the ``present`` ones of ``_needles()``."""
    rules = load_rules()
    found = {needle for needle, there in zip(_needles(), present, strict=True) if there}
    return tuple(
        row
        for row, starts in _rows()
        if (not long or rules[row.index].category in LONG_CATEGORIES)
        and (first is None or starts is None or first in starts)
        and all(found.intersection(any_of) for any_of in row.needs)
    )


class _AnyStart(Exception):
    """A pattern piece whose first character is not worked out (the row is always tried)."""


#: Non-ASCII characters that match an ASCII letter under ``re.IGNORECASE``.
_ASCII_LOOKALIKES = frozenset("İıſK")


def first_characters(pattern: str) -> frozenset[str] | None:
    """Lower-cased ASCII characters a case-insensitive match of ``pattern`` can begin with.

    None when that is not worked out (anything but literals, character classes without negation,
    groups, alternations and repeats) or when the pattern can match the empty string. Non-ASCII
    characters are left out: a line starting with one tries every row.
    """
    if _parser is None or sre is None:
        return None
    try:
        chars, nullable = _first_of(_parser.parse(pattern, re.IGNORECASE).data)
    except _AnyStart:
        return None
    return None if nullable else frozenset(chars)


def _first_of(items: Sequence[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """(first characters, can be empty) of a parsed sequence."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            return chars | _folded(arg), False
        if op is sre.IN:
            return chars | _class_chars(arg), False
        if op is sre.AT:  # anchors and \b take no character
            continue
        if op is sre.SUBPATTERN:
            found, nullable = _first_of(arg[3])
        elif op is sre.BRANCH:
            found, nullable = set(), False
            for branch in arg[1]:
                branch_chars, branch_nullable = _first_of(branch)
                found |= branch_chars
                nullable = nullable or branch_nullable
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found, nullable = _first_of(arg[2])
            nullable = nullable or arg[0] == 0
        else:
            raise _AnyStart
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


def _folded(code: int) -> set[str]:
    char = chr(code)
    if char in _ASCII_LOOKALIKES:
        raise _AnyStart
    return {char.lower()} if char.isascii() else set()


def _class_chars(items: Sequence[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars |= _folded(arg)
        elif op is sre.RANGE and arg[1] < 128:
            for code in range(arg[0], arg[1] + 1):
                chars |= _folded(code)
        elif op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            chars |= set("0123456789")  # the ASCII ones; other digits are non-ASCII starts
        else:
            raise _AnyStart
    return chars


def strip_list_marker(line: str) -> str:
    """``line`` without a leading bullet or list number (and without outer whitespace)."""
    line = line.strip()
    if not line or (line[0] not in _MARKER_CHARS and not line[0].isdigit()):
        return line
    return _LIST_MARKER.sub("", line, count=1)


def match_rule(line: str, words: int) -> Rule | None:
    """The first rule that fires on the stripped ``line`` of ``words`` words, or None."""
    text = strip_list_marker(line)
    first = text[0].lower() if text and text[0].isascii() else None
    lowered = text.lower()
    present = tuple([needle in lowered for needle in _needles()])
    for row in _candidates(words > MAX_RULE_WORDS, first, present):
        if row.pattern.match(text) is not None:
            return load_rules()[row.index]
    return None


def breadcrumb_trail(lines: Sequence[str], rules: Sequence[Rule | None]) -> list[bool]:
    """Mark numbered runs that start with a navigation item ("1. Home", "2. World", "3. <title>").

    A breadcrumb rendered as an ordered list repeats the headline as its last item; alone, that
    item looks like body, so the whole run is judged by its first item.
    """
    marked = [False] * len(lines)
    i = 0
    while i < len(lines):
        first = _NUMBERED.match(lines[i])
        rule = rules[i]
        if first and first.group(1) == "1" and rule is not None and rule.category == "navigation":
            j = i + 1
            expected = 2
            while j < len(lines):
                item = _NUMBERED.match(lines[j])
                if not item or int(item.group(1)) != expected:
                    break
                expected += 1
                j += 1
            if j - i >= 2:
                marked[i:j] = [True] * (j - i)
            i = j
        else:
            i += 1
    return marked
