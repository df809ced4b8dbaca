"""``analyze``: one article in, evidence spans and scores out."""

from __future__ import annotations

import time
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

from analyzer.config import DEFAULT_CONFIG, Config
from analyzer.document import Article, ArticleMeta, Document, build_document
from analyzer.signals import SIGNALS, Signal
from analyzer.span import SENTENCE_SIGNALS, Span


@dataclass(frozen=True)
class Analysis:
    """The result for one article: the document, every evidence span (sorted) and the scores."""

    document: Document
    spans: tuple[Span, ...]
    scores: Mapping[str, float]

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def meta(self) -> ArticleMeta:
        return self.document.meta

    def spans_of(self, *signals: str) -> list[Span]:
        return [span for span in self.spans if span.signal in signals]

    @property
    def marks(self) -> list[Span]:
        """The spans that point at words in the text: every span but the whole-sentence measures."""
        return [span for span in self.spans if span.signal not in SENTENCE_SIGNALS]

    def to_dict(self) -> dict[str, Any]:
        """The ``framescope explain --json`` object for this article."""
        doc = self.document
        compounds = {span.start: span.weight for span in self.spans_of("sentiment")}
        return {
            "file": doc.meta.file,
            "outlet": doc.meta.outlet,
            "title": doc.meta.title,
            "url": doc.meta.url,
            "published": doc.meta.published,
            "text": doc.text,
            "scores": dict(self.scores),
            "spans": [
                {**span.to_dict(), "paragraph": doc.paragraph_index(span.start)}
                for span in self.spans
            ],
            "sentences": [
                {
                    "start": s.start,
                    "end": s.end,
                    "paragraph": s.paragraph,
                    "sentiment_compound": round(compounds.get(s.start) or 0.0, 4),
                }
                for s in doc.sentences
            ],
        }


def analyze(
    source: str | Article,
    config: Config = DEFAULT_CONFIG,
    *,
    meta: ArticleMeta | None = None,
    signals: Sequence[Signal] = SIGNALS,
    timings: MutableMapping[str, float] | None = None,
) -> Analysis:
    """Analyse one article.

    Parameters
    ----------
    source : str or Article
        The article text, or an :class:`Article` from one of the readers in ``analyzer.io``.
    config : Config
        Story pack and switches.
    meta : ArticleMeta, optional
        File, outlet and title when ``source`` is a plain string.
    signals : sequence of Signal
        Which signals to run (all registered ones by default).
    timings : mutable mapping, optional
        Seconds per stage and per signal are added here (used by ``benchmarks/speed.py``).

    Returns
    -------
    Analysis
        ``.spans`` (sorted by offset) and ``.scores`` (one float per declared feature).
    """
    wanted = [signal.parses for signal in signals if signal.parses is not None]

    def parse_also(text: str, sentences: Sequence[tuple[int, int]]) -> set[int]:
        return {index for parses in wanted for index in parses(text, sentences, config)}

    if isinstance(source, Article):
        doc = build_document(
            source.text,
            source.meta,
            config,
            body_hints=source.body_hints,
            link_shares=source.link_shares,
            timings=timings,
            parse_also=parse_also,
        )
    else:
        doc = build_document(source, meta, config, timings=timings, parse_also=parse_also)
    spans: list[Span] = []
    scores: dict[str, float] = {}
    for signal in signals:
        started = time.perf_counter()
        found = signal.detect(doc, config)
        scores.update(signal.score(doc, found))
        spans.extend(found)
        if timings is not None:
            key = f"signal: {signal.name}"
            timings[key] = timings.get(key, 0.0) + time.perf_counter() - started
    spans.sort(key=lambda span: span.sort_key)
    return Analysis(doc, tuple(spans), scores)
