"""Headline evidence: clickbait cues, shouting, and headline words the body does not support.

The headline is the line the boilerplate stage recognised as the known title (reason
``headline``: the first copy of ``ArticleMeta.title`` in the text). An article read without a
title has no headline, and every headline figure is then 0.

Span kinds (signal ``headline``):

=========================  =====================================================================
``headline``               the headline itself (its words are ``headline_words``).
``second person``          you, your: the headline addresses the reader (``clickbait.csv``).
``withheld information``   this, these, here's why: forward reference that withholds the news.
``superlative``            best, worst, most, ever.
``sensational``            shocking, bombshell, destroys.
``question``               a headline that ends with a question mark (Betteridge's headlines).
``exclamation``            an exclamation mark.
``all caps``               a word of :data:`CAPS_MIN_LETTERS` or more letters in capitals.
``unsupported word``       a content word of the headline that the body never uses.
``label absent from body`` a loaded label or loaded word of the headline the body never uses.
=========================  =====================================================================
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from analyzer.boilerplate.classify import HEADLINE
from analyzer.document import Document
from analyzer.errors import LexiconError
from analyzer.lexicons import load_lexicon, validate
from analyzer.matching import TermMatcher
from analyzer.signals.loaded import FLAGGED_TIERS, LANGUAGE_LABEL, lexicon_entries
from analyzer.span import Span, make_span
from analyzer.text.lines import strip_span

CLICKBAIT_LABELS = ("second person", "withheld information", "superlative", "sensational")
PUNCTUATION_LABELS = ("question", "exclamation", "all caps")
#: Every label of a ``headline`` span.
LABELS = (
    "headline",
    *CLICKBAIT_LABELS,
    *PUNCTUATION_LABELS,
    "unsupported word",
    "label absent from body",
)
#: A word in capitals counts as shouting from this many letters: shorter ones are mostly
#: acronyms (US, FBI, NATO is four and is counted; Horne and Adali 2017 count all-caps words).
CAPS_MIN_LETTERS = 4
#: Shortest headline word checked against the body: shorter content words are mostly numbers
#: and abbreviations that the body spells out.
SUPPORT_MIN_LETTERS = 3
#: Loaded-lexicon labels that count in a headline: the flagged actor-label tiers and loaded
#: language (derived emotive words are left to the body's tone figures).
HEADLINE_LOADED_LABELS = (*FLAGGED_TIERS, LANGUAGE_LABEL)

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class _Cue:
    term: str
    label: str
    source: str


@functools.cache
def _clickbait_matcher() -> TermMatcher[_Cue]:
    rows = load_lexicon("clickbait")
    origin = "lexicon clickbait.csv"
    validate(rows, origin=origin, required=("term", "label", "source"), key=("term",))
    pairs: list[tuple[str, _Cue]] = []
    for row in rows:
        if row["label"] not in CLICKBAIT_LABELS:
            raise LexiconError(f"{origin}: {row['term']!r} has unknown label {row['label']!r}")
        cue = _Cue(row["term"], row["label"], row["source"])
        forms = [row["term"], *(f.strip() for f in row.get("forms", "").split(";") if f.strip())]
        pairs.extend((form, cue) for form in forms)
    return TermMatcher(pairs)


@functools.cache
def _loaded_matcher() -> TermMatcher[str]:
    return TermMatcher(
        (form, entry.term)
        for form, entry in lexicon_entries()
        if entry.label in HEADLINE_LOADED_LABELS
    )


def headline_bounds(doc: Document) -> tuple[int, int] | None:
    """``(start, end)`` of the headline line, or None when the text shows no known title."""
    for line in doc.lines:
        if line.reason == HEADLINE:
            start, end = strip_span(doc.text, line.start, line.end)
            return (start, end) if start < end else None
    return None


def detect_headline(doc: Document) -> list[Span]:
    """Every headline span of ``doc`` (empty without a headline)."""
    bounds = headline_bounds(doc)
    if bounds is None:
        return []
    start, end = bounds
    text = doc.text
    spans = [_span(doc, start, end, "headline", "the headline as the text shows it")]
    for match in _clickbait_matcher().find(text, start, end):
        cue = match.payload
        why = f"clickbait cue ({cue.label}): '{cue.term}' (after {cue.source})"
        spans.append(_span(doc, match.start, match.end, cue.label, why))
    stripped = text[start:end].rstrip()
    if stripped.endswith("?"):
        at = start + len(stripped) - 1
        spans.append(_span(doc, at, at + 1, "question", "the headline asks instead of telling"))
    for mark in re.finditer("!", text[start:end]):
        at = start + mark.start()
        spans.append(_span(doc, at, at + 1, "exclamation", "an exclamation mark in a headline"))
    words = list(_WORD.finditer(text, start, end))
    # A headline set all in capitals is a house style, not shouting word by word.
    shouting = all(w.group().isupper() for w in words if any(ch.isalpha() for ch in w.group()))
    for word in words:
        token = word.group()
        letters = sum(ch.isalpha() for ch in token)
        if not shouting and letters >= CAPS_MIN_LETTERS and token.isupper():
            spans.append(_span(doc, *word.span(), "all caps", f"'{token}' written in capitals"))
    spans.extend(_unsupported(doc, start, end, words))
    return spans


def _body_vocabulary(doc: Document, headline_end: int) -> set[str]:
    vocabulary: set[str] = set()
    for sentence in doc.sentences:
        if sentence.start >= headline_end:
            vocabulary.update(
                _stem(w) for w in _WORD.findall(doc.text, sentence.start, sentence.end)
            )
    return vocabulary


def _stem(word: str) -> str:
    """A crude shared form, so "Sanctions" matches "sanction" and "voters" matches "voter"."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for suffix in ("ing", "ed", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _unsupported(doc: Document, start: int, end: int, words: list[re.Match[str]]) -> list[Span]:
    vocabulary = _body_vocabulary(doc, end)
    if not vocabulary:
        return []  # no body to compare with: nothing is unsupported, nothing supported
    spans = []
    for word in words:
        token = word.group()
        if (
            sum(ch.isalpha() for ch in token) >= SUPPORT_MIN_LETTERS
            and token.lower() not in STOP_WORDS
            and not token.lower().replace("’", "'").endswith("n't")  # won't, can't: function words
            and _stem(token) not in vocabulary
        ):
            why = f"'{token}' is in the headline but nowhere in the body"
            spans.append(_span(doc, *word.span(), "unsupported word", why))
    for match in _loaded_matcher().find(doc.text, start, end):
        if all(_stem(w) not in vocabulary for w in _WORD.findall(doc.text, match.start, match.end)):
            why = f"loaded word '{match.payload}' in the headline; the body never uses it"
            spans.append(_span(doc, match.start, match.end, "label absent from body", why))
    return spans


def _span(doc: Document, start: int, end: int, label: str, why: str) -> Span:
    return make_span(doc.text, start, end, signal="headline", label=label, rule=why)
