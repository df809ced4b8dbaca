"""Matching the seeds' analyses against the hand annotation, one signal at a time.

Used by :mod:`analyzer.evaluation.seeds`; see there for the scoring rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from analyzer.analysis import Analysis
from analyzer.document import Document
from analyzer.evaluation.base import ErrorCase
from analyzer.evaluation.loaded_spans import is_loaded
from analyzer.evaluation.metrics import PRF, harmonic
from analyzer.span import Span

HEDGING_SIGNALS = ("hedge", "booster", "weasel", "distancing")
#: The loaded signal's label for general loaded language (not an actor-label tier).
GENERAL_TIER = "loaded-language"


def locate(text: str, context: str, term: str | None = None) -> tuple[int, int]:
    """Offsets of ``term`` inside the one occurrence of ``context`` (all of it without a term)."""
    if text.count(context) != 1:
        raise ValueError(f"context must occur exactly once: {context!r}")
    start = text.index(context)
    if term is None:
        return start, start + len(context)
    inner = context.lower().index(term.lower())
    return start + inner, start + inner + len(term)


def _overlaps(start: int, end: int, spans: Iterable[Span]) -> list[Span]:
    return [s for s in spans if s.start < end and start < s.end]


def furniture_counts(
    result: Analysis, gold: list[str]
) -> tuple[int, int, int, list[str], list[str]]:
    text = result.text
    predicted = Counter(
        text[line.start : line.end].strip()
        for line in result.document.lines
        if not line.is_body and not line.is_blank
    )
    expected = Counter(gold)
    tp = sum((predicted & expected).values())
    missed = list((expected - predicted).elements())
    extra = list((predicted - expected).elements())
    return tp, len(extra), len(missed), missed, extra


@dataclass
class Tally:
    """Matched counts on both sides (an item can match several on the other side)."""

    found_gold: int = 0
    gold: int = 0
    correct_predicted: int = 0
    predicted: int = 0
    agree: int = 0  # among found gold items: voice / source kind right
    compared: int = 0
    actor_agree: int = 0  # among found actor labels: attached to the annotated actor
    actor_compared: int = 0
    errors: list[ErrorCase] = field(default_factory=list)

    def prf(self) -> PRF:
        precision = self.correct_predicted / self.predicted if self.predicted else 0.0
        recall = self.found_gold / self.gold if self.gold else 0.0
        return PRF(precision, recall, harmonic(precision, recall))


def _in_scope(span: Span) -> bool:
    """Loaded spans the annotation covers: non-descriptive tiers, no general language in quotes."""
    return is_loaded(span) and not (span.label == GENERAL_TIER and span.voice == "quoted")


def score_labels(
    name: str,
    result: Analysis,
    gold: list[dict],
    tally: Tally,
    canonical: Callable[[str | None], str],
) -> None:
    """Loaded spans of a non-descriptive tier against the non-descriptive annotations."""
    text = result.text
    every = result.spans_of("loaded")
    predicted = [s for s in every if _in_scope(s)]
    located = [(locate(text, g["context"], g["term"]), g) for g in gold]
    for (start, end), g in located:
        hits = _overlaps(start, end, every)
        if hits:  # voice and actor are checked on every label found, descriptive ones too
            tally.compared += 1
            tally.agree += any(h.voice == g["voice"] for h in hits)
            if g["tier"] != "general":  # general loaded language names no actor
                tally.actor_compared += 1
                tally.actor_agree += any(canonical(h.actor) == canonical(g["actor"]) for h in hits)
        if g["tier"] == "descriptive":
            continue
        tally.gold += 1
        if _overlaps(start, end, predicted):
            tally.found_gold += 1
        else:
            tally.errors.append(
                ErrorCase(
                    name,
                    f"{g['tier']} '{g['term']}' ({g['voice']})",
                    "not flagged as loaded",
                    g["context"],
                )
            )
    loaded_gold = [(span, g) for span, g in located if g["tier"] != "descriptive"]
    for span in predicted:
        tally.predicted += 1
        if any(s < span.end and span.start < e for (s, e), _ in loaded_gold):
            tally.correct_predicted += 1
        else:
            tally.errors.append(
                _false_positive(name, text, span, "no loaded term annotated", f"({span.voice})")
            )


def _false_positive(name: str, text: str, span: Span, expected: str, note: str = "") -> ErrorCase:
    """A highlight the hand annotation does not have (half the weight of a missed item)."""
    kind = span.label if span.signal == "loaded" else span.signal
    found = f"{kind} '{span.text}' {note}".rstrip()
    return ErrorCase(name, expected, found, _around(text, span.start, span.end), 0.5)


def score_hedging(name: str, result: Analysis, gold: list[dict], tally: Tally) -> None:
    text = result.text
    predicted = result.spans_of(*HEDGING_SIGNALS)
    located = [(locate(text, g["context"], g["term"]), g) for g in gold]
    for (start, end), g in located:
        tally.gold += 1
        if any(h.signal == g["signal"] for h in _overlaps(start, end, predicted)):
            tally.found_gold += 1
        else:
            found = ", ".join(f"{h.signal} '{h.text}'" for h in _overlaps(start, end, predicted))
            tally.errors.append(
                ErrorCase(
                    name, f"{g['signal']} '{g['term']}'", found or "not flagged", g["context"]
                )
            )
    for span in predicted:
        tally.predicted += 1
        if any(
            s < span.end and span.start < e and g["signal"] == span.signal for (s, e), g in located
        ):
            tally.correct_predicted += 1
        else:
            tally.errors.append(_false_positive(name, text, span, "nothing annotated"))


def score_attributions(name: str, result: Analysis, gold: list[dict], tally: Tally) -> None:
    """Sentences carrying an attribution cue or an attributed quotation, against the annotation."""
    doc = result.document
    carriers = [s for s in result.spans_of("attribution", "quote") if s.source is not None]
    predicted: set[int] = set()
    for span in carriers:
        predicted |= _sentences_of(doc, span.start, span.end)
    expected: set[int] = set()
    for g in gold:
        sentences: set[int] = set()
        for start, end in snippet_spans(doc.text, g):
            sentences |= _sentences_of(doc, start, end)
        expected |= sentences
        tally.gold += 1
        found = sentences & predicted
        if found:
            tally.found_gold += 1
            tally.compared += 1
            tally.agree += any(
                s.source_kind == g["kind"]
                for i in found
                for s in _overlaps(doc.sentences[i].start, doc.sentences[i].end, carriers)
            )
        else:
            tally.errors.append(
                ErrorCase(
                    name,
                    f"{g['kind']} source '{g['source']}'",
                    "no attribution found",
                    g["snippet"],
                )
            )
    for index in sorted(predicted):
        tally.predicted += 1
        if index in expected:
            tally.correct_predicted += 1
        else:
            tally.errors.append(
                ErrorCase(
                    name,
                    "no attribution annotated",
                    "attribution",
                    doc.sentence_text(index)[:200],
                    0.5,
                )
            )


def snippet_spans(text: str, gold: dict) -> list[tuple[int, int]]:
    """Where an attribution snippet sits: once, every copy (``any_occurrence``), up to ``until``."""
    if gold.get("any_occurrence"):
        snippet = gold["snippet"]
        starts, at = [], text.find(snippet)
        while at >= 0:
            starts.append(at)
            at = text.find(snippet, at + 1)
        return [(start, start + len(snippet)) for start in starts]
    start, end = locate(text, gold["snippet"])
    if "until" in gold:
        end = text.index(gold["until"], start) + len(gold["until"])
    return [(start, end)]


def _sentences_of(doc: Document, start: int, end: int) -> set[int]:
    """Indices of the body sentences that overlap ``[start, end)``."""
    return {i for i, s in enumerate(doc.sentences) if s.start < end and start < s.end}


def _around(text: str, start: int, end: int, width: int = 50) -> str:
    return " ".join(text[max(0, start - width) : end + width].split())
