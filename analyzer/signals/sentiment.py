"""Sentiment: VADER per body sentence, summarised per article and per actor.

A whole-article VADER compound saturates (DOMAIN.md), so the article scores are the mean of
sentence compounds and the shares of clearly negative and positive sentences. Every body sentence
is one span (``negative``, ``neutral`` or ``positive``) whose ``weight`` is its compound, so the
scores summarise exactly the spans, and the per-actor table and ``explain --json`` read the same
figures instead of scoring the sentences again. The spans cover whole sentences: no view marks
them inside the text (:data:`analyzer.span.SENTENCE_SIGNALS`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from analyzer.adapters.vader import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, polarity
from analyzer.config import Config
from analyzer.document import Document
from analyzer.signals.base import Feature, Signal, share, share_feature
from analyzer.span import Span, make_span

FEATURES = (
    Feature(
        "sentiment_mean_compound",
        "score",
        "Mean VADER compound over body sentences, from -1 (negative) to +1 (positive).",
        "mean",
        -1.0,
        1.0,
    ),
    share_feature(
        "sentiment_negative_share",
        f"Share of body sentences with VADER compound <= {NEGATIVE_THRESHOLD}.",
    ),
    share_feature(
        "sentiment_positive_share",
        f"Share of body sentences with VADER compound >= {POSITIVE_THRESHOLD}.",
    ),
)

KINDS = (("sentiment", "negative"), ("sentiment", "neutral"), ("sentiment", "positive"))


def compound_of(sentence: str) -> float:
    """VADER compound of one sentence, the figure every sentiment measure is built from.

    Views that score text outside an article (a worksheet excerpt) call this rather than the
    VADER adapter, so sentiment has one door.
    """
    return polarity(sentence).compound


def tone_of(compound: float) -> str:
    """``negative``, ``neutral`` or ``positive`` by VADER's documented thresholds."""
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    return "neutral"


def detect(doc: Document, config: Config) -> list[Span]:
    spans = []
    for sentence in doc.prose_sentences:  # the article's tone, not its captions'
        compound = compound_of(doc.text[sentence.start : sentence.end])
        spans.append(
            make_span(
                doc.text,
                sentence.start,
                sentence.end,
                signal="sentiment",
                label=tone_of(compound),
                rule=f"VADER compound of the sentence: {compound:+.3f}",
                weight=compound,
            )
        )
    return spans


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    sentences = [span for span in spans if span.signal == "sentiment"]
    n = len(sentences)
    # fsum is exact, so the mean does not depend on the order of the spans.
    total = math.fsum(span.weight or 0.0 for span in sentences)
    return {
        "sentiment_mean_compound": total / n if n else 0.0,
        "sentiment_negative_share": share(sum(s.label == "negative" for s in sentences), n),
        "sentiment_positive_share": share(sum(s.label == "positive" for s in sentences), n),
    }


SIGNAL = Signal("sentiment", FEATURES, detect, score, KINDS)
