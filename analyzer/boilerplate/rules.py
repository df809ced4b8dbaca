"""Rules for unmistakable furniture, read from ``lexicons/furniture_patterns.csv``.

All patterns are compiled once into a single alternation with one named group per row, so a
line costs one ``re.match`` call whatever the number of rules; ``match.lastgroup`` tells which
row fired. Long lines skip the rules except for the copyright and comment-notice rows that can be
long (a body paragraph is never furniture by a rule, and skipping keeps classification fast).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.errors import LexiconError
from analyzer.lexicons import load_lexicon, validate

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


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the pattern file."""

    pattern: str
    category: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Compiled:
    rules: tuple[Rule, ...]
    all_rows: re.Pattern[str]
    long_rows: re.Pattern[str]


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
def _compiled() -> _Compiled:
    rules = load_rules()

    def alternation(indices: Sequence[int]) -> re.Pattern[str]:
        body = "|".join(f"(?P<r{i}>{rules[i].pattern})" for i in indices)
        return re.compile(body, re.IGNORECASE)

    every = range(len(rules))
    long_only = [i for i in every if rules[i].category in LONG_CATEGORIES]
    return _Compiled(rules, alternation(every), alternation(long_only))


def strip_list_marker(line: str) -> str:
    """``line`` without a leading bullet or list number (and without outer whitespace)."""
    line = line.strip()
    return _LIST_MARKER.sub("", line, count=1)


def match_rule(line: str, words: int) -> Rule | None:
    """The first rule that fires on the stripped ``line`` of ``words`` words, or None."""
    compiled = _compiled()
    pattern = compiled.all_rows if words <= MAX_RULE_WORDS else compiled.long_rows
    found = pattern.match(strip_list_marker(line))
    if found is None or found.lastgroup is None:
        return None
    return compiled.rules[int(found.lastgroup[1:])]


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
