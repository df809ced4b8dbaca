"""Hedging: how sure the text sounds, counted apart from whom it leans on (DOMAIN.md).

Hyland's metadiscourse model separates hedges from boosters, and CoNLL-2010 separates weasels
(claims with no checkable source) from hedges. Four counts, each with its own span ``signal``:

=============  ===================================================================================
``hedge``      lowers commitment. Labels: ``modal`` (may, might, could), ``epistemic adverb``
               (perhaps, possibly, apparently), ``evidential adverb`` (reportedly, allegedly),
               ``epistemic adjective`` (likely, possible, unclear, the alleged ...), ``epistemic
               verb`` (appears to, seems, suggests; "I think", "we believe" after I / we),
               ``approximator`` (roughly, an estimated).
``booster``    raises commitment. Labels: ``certainty adverb`` (clearly, undoubtedly, in fact),
               ``intensifier`` (completely, totally), ``certainty verb`` (proves that),
               ``certainty adjective`` / ``certainty phrase`` (it is clear, undeniable).
``weasel``     leans on nobody in particular. Labels: ``impersonal passive`` (it is believed),
               ``agentless passive`` (were reported, is said to), ``vague consensus`` (widely
               believed), ``vague source`` (experts say, some argue: from the lexicon, and from any
               attribution whose source noun is marked vague in ``source_nouns.csv``), ``vague
               evidential`` (as per reports), ``unattributed report noun`` (rumours, "rejected all
               claims", "after claims of"), ``vague quantifier`` (some, many, most standing for
               people or opinion without a number: "many fear", not "some 300", "the most").
``distancing`` a reporting verb whose choice signals doubt (claimed, alleged, admitted,
               conceded, insisted): the ``distancing`` rows of ``attribution_cues.csv``, in noun
               and adjective readings excluded ("all claims" is a weasel noun, "the alleged
               attack" a hedge). Label ``distancing verb``. Also the ``distancing`` rows of
               ``hedges.csv``: words that put a name in doubt ("so-called"), label
               ``distancing word``.
=============  ===================================================================================

Every span carries its ``voice`` (authorial, quoted, reported) from the document, so the outlet's
own hedging is told apart from the hedging it quotes; a caption, byline or dateline (voice
``caption``) is not the article's prose and is left out. Lexicons: ``hedges.csv`` and
``attribution_cues.csv``; context rules: :mod:`analyzer.text.sources`.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.config import Config
from analyzer.document import Document
from analyzer.errors import LexiconError
from analyzer.lexicons import load_lexicon, validate
from analyzer.matching import TermMatcher
from analyzer.signals.base import Feature, Signal, rate, rate_feature
from analyzer.span import Span, make_span
from analyzer.text.sources import (
    ContextRule,
    classify_source,
    compile_rule,
    cue_entries,
    grouped_matcher,
    source_nouns,
    split_forms,
)

CATEGORIES = ("hedge", "booster", "weasel", "distancing")
#: Lexicon categories of hedges.csv (distancing verbs come from attribution_cues.csv; hedges.csv
#: holds the distancing words that are not reporting verbs, such as "so-called").
LEXICON_CATEGORIES = ("hedge", "booster", "weasel", "distancing")
#: The labels of each category, as the module docstring lists them; a hedges.csv row with another
#: label is a lexicon error. "distancing verb" and "vague source" are also given by code.
LABELS = {
    "hedge": (
        "modal",
        "epistemic adverb",
        "evidential adverb",
        "epistemic adjective",
        "epistemic verb",
        "approximator",
    ),
    "booster": (
        "certainty adverb",
        "intensifier",
        "certainty verb",
        "certainty adjective",
        "certainty phrase",
    ),
    "weasel": (
        "impersonal passive",
        "agentless passive",
        "vague consensus",
        "vague source",
        "vague evidential",
        "unattributed report noun",
        "vague quantifier",
    ),
    "distancing": ("distancing verb", "distancing word"),
}
_WHY = {
    "hedge": "hedge ({label}): '{term}' lowers the writer's commitment to the claim",
    "booster": "booster ({label}): '{term}' raises the writer's commitment to the claim",
    "weasel": "weasel ({label}): '{term}' leans on an unnamed source or an unstated consensus",
    "distancing": "distancing ({label}): '{term}' casts doubt on what it introduces",
}

FEATURES: tuple[Feature, ...] = (
    *(
        feature
        for category in CATEGORIES
        for feature in (
            rate_feature(f"{category}_rate", f"{category.capitalize()} expressions, any voice."),
            rate_feature(
                f"{category}_authorial_rate",
                f"{category.capitalize()} expressions in the outlet's own voice (outside quotes "
                "and reported speech).",
            ),
        )
    ),
    Feature(
        "hedge_booster_balance",
        "score",
        "Calibration in the outlet's own voice: (hedges - boosters) / (hedges + boosters); +1 all "
        "hedged, -1 all boosted, 0 balanced or neither.",
        "mean",
        -1.0,
        1.0,
    ),
)


@dataclass(frozen=True, slots=True)
class _Entry:
    signal: str
    label: str
    term: str
    rule: ContextRule | None


@functools.cache
def _entries() -> tuple[tuple[str, _Entry], ...]:
    """(surface form, entry) for hedges.csv plus the distancing cues, validated once."""
    origin = "lexicon hedges.csv"
    rows = load_lexicon("hedges")
    validate(rows, origin=origin, required=("term", "category", "label", "source"), key=("term",))
    pairs: list[tuple[str, _Entry]] = []
    for row in rows:
        if row["category"] not in LEXICON_CATEGORIES:
            raise LexiconError(
                f"{origin}: {row['term']!r} has unknown category {row['category']!r}"
            )
        if row["label"] not in LABELS[row["category"]]:
            raise LexiconError(f"{origin}: {row['term']!r} has unknown label {row['label']!r}")
        entry = _Entry(
            row["category"],
            row["label"],
            row["term"],
            compile_rule(row.get("rule", ""), origin=origin),
        )
        pairs.extend((form.lower(), entry) for form in split_forms(row))
    for form, cue in cue_entries():
        if cue.category == "distancing":
            pairs.append((form, _Entry("distancing", "distancing verb", cue.term, cue.rule)))
    return tuple(pairs)


@functools.cache
def _matcher() -> TermMatcher[tuple[_Entry, ...]]:
    return grouped_matcher(_entries())


def detect(doc: Document, config: Config) -> list[Span]:
    """Hedge, booster, weasel and distancing spans in the body sentences, with their voice."""
    if not doc.sentences:
        return []
    text = doc.text
    spans: list[Span] = []
    for match in _matcher().find(text, doc.sentences[0].start, doc.sentences[-1].end):
        index = doc.sentence_index(match.start)
        if index is None or match.end > doc.sentences[index].end:
            continue
        floor, ceiling = doc.sentences[index].start, doc.sentences[index].end
        entry = next(
            (
                e
                for e in match.payload
                if e.rule is None or e.rule.allows(text, match.start, match.end, floor, ceiling)
            ),
            None,
        )
        if entry is not None:
            spans.append(_span(doc, match.start, match.end, entry.signal, entry.label, entry.term))
    spans.extend(_vague_sources(doc, spans, config.hedging.vague_source_max_gap_words))
    spans.sort(key=lambda span: span.sort_key)
    # Captions are read for their labels, but calibration and sourcing are the article's prose.
    return [span for span in spans if span.voice != "caption"]


def _span(doc: Document, start: int, end: int, signal: str, label: str, term: str) -> Span:
    return make_span(
        doc.text,
        start,
        end,
        signal=signal,
        label=label,
        rule=_WHY[signal].format(label=label, term=term),
        voice=doc.voice_at(start, end),
        term=term,
    )


def _vague_sources(doc: Document, found: Sequence[Span], max_gap_words: int) -> list[Span]:
    """Weasel spans for attributions to vague sources ("experts say") the lexicon did not catch:
    the source and its cue, or the source alone when more than ``max_gap_words`` words separate
    them (``HedgingSettings.vague_source_max_gap_words``)."""
    taken = sorted((s.start, s.end) for s in found if s.signal == "weasel")
    starts = [s for s, _ in taken]
    extra: list[Span] = []
    seen: set[tuple[int, int]] = set()
    for a in doc.attributions:
        if a.source_start is None or a.source_end is None or a.source_kind != "anonymous":
            continue
        info = classify_source(doc.text, a.source_start, a.source_end)
        if not info.vague:
            continue
        start, end = min(a.source_start, a.cue_start), max(a.source_end, a.cue_end)
        between = doc.text[min(a.source_end, a.cue_end) : max(a.source_start, a.cue_start)]
        if len(between.split()) > max_gap_words:
            start, end = a.source_start, a.source_end
        i = bisect.bisect_left(starts, end)
        overlaps = i > 0 and taken[i - 1][1] > start
        if not overlaps and (start, end) not in seen:
            seen.add((start, end))
            noun = source_nouns().get(info.head)
            # The lexicon's base form ("critic"), or the head after a quantifier ("historians").
            term = noun[0].term if noun is not None else info.head
            extra.append(_span(doc, start, end, "weasel", "vague source", term))
    return extra


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    """Rates per 1,000 body words for each category, all voices and authorial, and the balance."""
    every = dict.fromkeys(CATEGORIES, 0)
    own = dict.fromkeys(CATEGORIES, 0)
    for span in spans:
        if span.signal in every:
            every[span.signal] += 1
            own[span.signal] += span.voice == "authorial"
    scores: dict[str, float] = {}
    for category in CATEGORIES:
        scores[f"{category}_rate"] = rate(every[category], doc.body_words)
        scores[f"{category}_authorial_rate"] = rate(own[category], doc.body_words)
    hedges, boosters = own["hedge"], own["booster"]
    scores["hedge_booster_balance"] = (
        (hedges - boosters) / (hedges + boosters) if hedges + boosters else 0.0
    )
    return scores


SIGNAL = Signal(
    "hedging",
    FEATURES,
    detect,
    score,
    tuple((category, label) for category in CATEGORIES for label in LABELS[category]),
)
