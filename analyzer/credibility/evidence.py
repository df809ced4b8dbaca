"""Verifiability evidence: what an article points to that a reader could check.

Span kinds (signal ``evidence``), all in body sentences:

======================  ========================================================================
``document``            a report, filing, court record, letter (``evidence_terms.csv``).
``study``               a study, survey, poll, research.
``data``                data, statistics, census figures, estimates.
``official statement``  a statement, press release, briefing, testimony.
``sourced number``      a number in a sentence that names where it comes from (an attribution
                        or an evidence reference in the same sentence).
``unsourced number``    a number in a sentence that says nothing of where it comes from.
``date``                a date of an event: a month with a day, a weekday, a year.
``link``                a web address written in the text.
======================  ========================================================================
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analyzer.document import Document
from analyzer.errors import LexiconError
from analyzer.lexicons import load_lexicon, validate
from analyzer.matching import Match, TermMatcher
from analyzer.span import Span, make_span

REFERENCE_LABELS = ("document", "study", "data", "official statement")
NUMBER_LABELS = ("sourced number", "unsourced number")
LABELS = (*REFERENCE_LABELS, *NUMBER_LABELS, "date", "link")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
#: "August 15", "15 August 2021", "Aug. 15, 2021", "2021-09-06", "on Friday", "in 2016".
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:in|since|until|by|of|from)\s+(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
#: A number written in digits (with a decimal point, thousands commas, a percent sign).
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?%?(?![\w])")
_LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'”’)]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Reference:
    term: str
    label: str
    source: str


@functools.cache
def _reference_matcher() -> TermMatcher[_Reference]:
    rows = load_lexicon("evidence_terms")
    origin = "lexicon evidence_terms.csv"
    validate(rows, origin=origin, required=("term", "label", "source"), key=("term",))
    pairs: list[tuple[str, _Reference]] = []
    for row in rows:
        if row["label"] not in REFERENCE_LABELS:
            raise LexiconError(f"{origin}: {row['term']!r} has unknown label {row['label']!r}")
        reference = _Reference(row["term"], row["label"], row["source"])
        forms = [row["term"], *(f.strip() for f in row.get("forms", "").split(";") if f.strip())]
        pairs.extend((form, reference) for form in forms)
    return TermMatcher(pairs)


def detect_evidence(doc: Document) -> list[Span]:
    """Evidence references, numbers (sourced or not), dates and links in the body sentences."""
    if not doc.sentences:
        return []
    text = doc.text
    spans: list[Span] = []
    attributed = {a.sentence_index for a in doc.attributions if a.mode != "credit"}
    referencing: set[int] = set()
    references = _references_by_sentence(doc)
    for index, sentence in enumerate(doc.sentences):
        taken: list[tuple[int, int]] = []
        for found in _LINK.finditer(text, sentence.start, sentence.end):
            spans.append(_span(text, *found.span(), "link", "a web address to the source"))
            taken.append(found.span())
        for found in _DATE.finditer(text, sentence.start, sentence.end):
            spans.append(_span(text, *found.span(), "date", "a date a reader can check"))
            taken.append(found.span())
        for match in references.get(index, ()):
            if any(s <= match.start < e for s, e in taken):
                continue  # a word of a web address ("example.org/report")
            ref = match.payload
            why = f"points to a {ref.label}: '{ref.term}' (after {ref.source})"
            spans.append(_span(text, match.start, match.end, ref.label, why))
            referencing.add(index)
        sourced = index in attributed or index in referencing
        for found in _NUMBER.finditer(text, sentence.start, sentence.end):
            if any(s <= found.start() < e for s, e in taken):
                continue  # the day or year of a date, a number inside a link
            if sourced:
                label, why = "sourced number", "a number in a sentence that names its source"
            else:
                label, why = "unsourced number", "a number with no source in its sentence"
            spans.append(_span(text, *found.span(), label, why))
    return spans


def _references_by_sentence(doc: Document) -> dict[int, list[Match[_Reference]]]:
    """Evidence terms per body sentence, from one scan of the body (not one per sentence); a
    term running across a sentence end belongs to neither."""
    out: dict[int, list[Match[_Reference]]] = {}
    body = (doc.sentences[0].start, doc.sentences[-1].end)
    for match in _reference_matcher().find(doc.text, *body):
        index = doc.sentence_index(match.start)
        if index is not None and match.end <= doc.sentences[index].end:
            out.setdefault(index, []).append(match)
    return out


def _span(text: str, start: int, end: int, label: str, why: str) -> Span:
    return make_span(text, start, end, signal="evidence", label=label, rule=why)
