"""Sentiment: VADER per body sentence, summarised per article and per actor.

A whole-article VADER compound saturates (DOMAIN.md), so the article scores are the mean of
sentence compounds and the shares of clearly negative and positive sentences. Sentiment gives no
highlight spans; its evidence is the per-sentence table returned by :func:`sentence_sentiments`,
so its columns are declared document-level (``from_spans=False``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.adapters.vader import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, polarity
from analyzer.config import Config
from analyzer.document import Document
from analyzer.signals.base import Feature, Signal, share, share_feature
from analyzer.span import Span

FEATURES = (
    Feature(
        "sentiment_mean_compound",
        "score",
        "Mean VADER compound over body sentences, from -1 (negative) to +1 (positive).",
        "mean",
        -1.0,
        1.0,
        from_spans=False,
    ),
    share_feature(
        "sentiment_negative_share",
        f"Share of body sentences with VADER compound <= {NEGATIVE_THRESHOLD}.",
        from_spans=False,
    ),
    share_feature(
        "sentiment_positive_share",
        f"Share of body sentences with VADER compound >= {POSITIVE_THRESHOLD}.",
        from_spans=False,
    ),
)


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    index: int
    start: int
    end: int
    compound: float


def compound_of(sentence: str) -> float:
    """VADER compound of one sentence, the figure every sentiment measure is built from.

    Tables and views call this rather than the VADER adapter, so sentiment has one door.
    """
    return polarity(sentence).compound


def sentence_sentiments(doc: Document) -> list[SentenceSentiment]:
    """VADER compound for every body sentence, in order."""
    return [
        SentenceSentiment(i, s.start, s.end, compound_of(doc.text[s.start : s.end]))
        for i, s in enumerate(doc.sentences)
    ]


def detect(doc: Document, config: Config) -> list[Span]:
    return []


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    compounds = [s.compound for s in sentence_sentiments(doc)]
    n = len(compounds)
    return {
        "sentiment_mean_compound": sum(compounds) / n if n else 0.0,
        "sentiment_negative_share": share(sum(c <= NEGATIVE_THRESHOLD for c in compounds), n),
        "sentiment_positive_share": share(sum(c >= POSITIVE_THRESHOLD for c in compounds), n),
    }


SIGNAL = Signal("sentiment", FEATURES, detect, score)
