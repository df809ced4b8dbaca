"""A pointer from a comparison back to the sentence it came from, so every figure has evidence."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from analyzer.analysis import Analysis


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Body sentence ``sentence`` of ``analyses[article]``, with its outlet and text."""

    outlet: str
    article: int
    sentence: int
    start: int
    end: int
    text: str
    file: str | None = None


def iter_sentences(
    analyses: Sequence[Analysis], *, prose_only: bool = False
) -> Iterator[SentenceRef]:
    """Every body sentence of every article, in input order; with ``prose_only``, without the
    sentences of captions, bylines and datelines (:attr:`analyzer.document.Sentence.set_apart`)."""
    for article, analysis in enumerate(analyses):
        for index, sentence in enumerate(analysis.document.sentences):
            if not (prose_only and sentence.set_apart):
                yield _ref(analysis, article, index)


def sentence_of(analysis: Analysis, article: int, offset: int) -> SentenceRef | None:
    """The body sentence holding ``offset`` in ``analysis`` (number ``article``), if any."""
    index = analysis.document.sentence_index(offset)
    return None if index is None else _ref(analysis, article, index)


def _ref(analysis: Analysis, article: int, index: int) -> SentenceRef:
    doc = analysis.document
    sentence = doc.sentences[index]
    return SentenceRef(
        outlet=doc.meta.outlet,
        article=article,
        sentence=index,
        start=sentence.start,
        end=sentence.end,
        text=doc.text[sentence.start : sentence.end],
        file=doc.meta.file,
    )
