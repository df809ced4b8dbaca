"""Reports carried by a noun: "confirmation by the FBI and CIA that ...", "Moscow's claim that ...".

A noun of ``report_nouns.csv`` followed by "that" and a clause reports its source's words when
the source is written: after "by" ("the claim by Moscow that the strike ..."), or as a possessive
before the noun, a name ("Russia's claim that", "the Kremlin's repeated insistence that") or a
source noun ("the ministry's statement that"). The content is the "that" clause, to the end of
the sentence or its first semicolon. Read from the words alone, so nothing is parsed for it; a
"that" followed by a verb is a relative pronoun ("the claim that was made"), not a report.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence

from analyzer.lexicons import load_lexicon
from analyzer.text.context_rules import AUXILIARIES
from analyzer.text.cue_lexicons import CUE_CATEGORIES, cue_matcher, plural_forms, source_nouns
from analyzer.text.cue_sites import Parse
from analyzer.text.quotes import Quote

#: Words after "that" that make it a relative pronoun: "the claim that was made".
_RELATIVE_NEXT = AUXILIARIES | frozenset(("has", "have", "had", "appeared", "seemed", "came"))


@functools.cache
def report_nouns() -> dict[str, tuple[str, str]]:
    """Surface form (singular or plural, lower case) -> (base noun, cue category)."""
    table: dict[str, tuple[str, str]] = {}
    for row in load_lexicon("report_nouns"):
        if row["category"] not in CUE_CATEGORIES:
            raise ValueError(f"report_nouns.csv: {row['term']!r} has an unknown category")
        term = row["term"].lower()
        for form in (term, *plural_forms(term)):
            table[form] = (term, row["category"])
    return table


def _noun_alternation() -> str:
    """The report nouns as a regular-expression alternation, longest first."""
    return "|".join(sorted(map(re.escape, report_nouns()), key=len, reverse=True))


@functools.cache
def _noun_then_that() -> re.Pattern[str]:
    """A report noun, then "that" within a few words: the cheap test a sentence passes before the
    source patterns are tried on it (most sentences hold neither)."""
    return re.compile(rf"\b(?i:{_noun_alternation()})\b[^.;:!?]{{0,90}}?\bthat\b")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = _noun_alternation()
    people = "|".join(sorted(map(re.escape, source_nouns()), key=len, reverse=True))
    by = re.compile(
        rf"\b(?P<cue>(?i:{nouns}))\s+by\s+(?P<source>[^,;:.!?\"“”()]{{2,80}}?)\s+that\s+"
    )
    owner = (
        r"(?:[Tt]he\s+)?(?:[A-Z][\w.&’'-]*\s+){0,4}[A-Z][\w.&-]*"  # "Russia", "the Kremlin"
        rf"|[Tt]he\s+(?:[a-z-]+\s+){{0,2}}(?i:{people})"  # "the ministry", "the army"
    )
    possessive = re.compile(
        rf"(?P<source>\b(?:{owner}))['’]s?\s+(?:[a-z-]+\s+){{0,2}}"
        rf"(?P<cue>(?i:{nouns}))\s+that\s+"
    )
    return by, possessive


def nominal_reports(
    text: str, sentences: Sequence[tuple[int, int]], quotes: Sequence[Quote]
) -> Iterator[tuple[Parse, int]]:
    """Each report noun with its source and "that" clause, with its sentence's index."""
    quote_starts = [q.start for q in quotes]
    for index, (start, end) in enumerate(sentences):
        if text.find("that", start, end) == -1 or not _noun_then_that().search(text, start, end):
            continue
        seen: set[int] = set()
        for pattern in _patterns():
            for match in pattern.finditer(text, start, end):
                cue_start, cue_end = match.span("cue")
                if cue_start in seen or _inside_quote(quotes, quote_starts, cue_start):
                    continue
                if cue_matcher().find(text, *match.span("source")):
                    continue  # "a report by Amnesty International found that": "found" reports
                content_start = match.end()
                next_word = text[content_start:end].split(maxsplit=1)[:1]
                if not next_word or next_word[0].lower() in _RELATIVE_NEXT:
                    continue
                content_end = _clause_end(text, content_start, end)
                term, category = report_nouns()[match.group("cue").lower()]
                seen.add(cue_start)
                yield (
                    Parse(
                        (cue_start, cue_end),
                        match.span("source"),
                        (content_start, content_end),
                        "indirect",
                        None,
                        term,
                        category,
                        f"report noun '{term}' with its source and a 'that' clause",
                    ),
                    index,
                )


def _inside_quote(quotes: Sequence[Quote], starts: list[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and quotes[i].kind == "direct" and offset < quotes[i].end


def _clause_end(text: str, start: int, end: int) -> int:
    """The end of the "that" clause: the sentence's end or its first semicolon, less the final
    punctuation."""
    semicolon = text.find(";", start, end)
    stop = semicolon if semicolon != -1 else end
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".!?"):
        stop -= 1
    return stop
