"""The word layer: tokens with part of speech, lemma and a dependency parse, per body sentence.

The model is framescope's own spaCy pipeline, trained on the UD English Web Treebank by
``benchmarks/train_word_layer.py`` and shipped in ``analyzer/models/word_layer`` (see its
SOURCE.md). Nothing is downloaded at run time.

Parsing costs far more than the rest of the analysis, so a :class:`WordLayer` parses a sentence
only when a signal asks for it (a sentence holding a label or a reporting cue) and keeps the
result: every signal that asks again gets the same parse. Token offsets are relative to the
sentence; :meth:`WordLayer.offset` turns them into offsets into the document text.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterable, Iterator, Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING

import numpy

if TYPE_CHECKING:  # spaCy is imported when the first sentence is parsed, not at start-up
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL_DIR = Path(__file__).resolve().parent / "models" / "word_layer"
#: Sentences longer than this (characters) are cut before parsing: a scraped "sentence" of 50 kB
#: is a table or a list, and the parser's cost grows with its length.
MAX_SENTENCE_CHARS = 2_000
#: Sentences parsed together in one call of the pipeline (spaCy batches the network's work).
BATCH_SIZE = 64


@functools.cache
def pipeline() -> Language:
    """The shipped spaCy pipeline, loaded once per process. ``FRAMESCOPE_WORD_MODEL`` may name
    another model folder trained by the same script (to compare models in the benchmarks)."""
    return load_pipeline(Path(os.environ.get("FRAMESCOPE_WORD_MODEL", MODEL_DIR)))


def load_pipeline(folder: Path) -> Language:
    """The spaCy pipeline in ``folder`` with its lemmas from the shipped table
    (:mod:`analyzer.lemmas`); a network lemmatizer a trial model holds is left out."""
    import spacy

    from analyzer.lemmas import COMPONENT, register

    register(MODEL_DIR)
    nlp = spacy.load(folder, exclude=["trainable_lemmatizer"])
    nlp.add_pipe(COMPONENT)
    return nlp


@contextlib.contextmanager
def transient_words() -> Iterator[None]:
    """A block whose new words the word layer forgets at its end.

    spaCy's vocabulary keeps every string it ever met (each new name, number and typo), so a
    process scoring a million articles would grow without end. Inside this block those strings
    live in a spaCy memory zone and are freed when it closes; no parse made inside may be used
    after it (so only runs that keep rows, not analyses, use it). Blocks must not nest.
    """
    with pipeline().memory_zone():
        yield


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


class WordLayer:
    """Parses of the body sentences of one text, computed on demand and cached.

    Parameters
    ----------
    text : str
        The document text.
    sentences : sequence of (start, end)
        Half-open character offsets of the sentences, in order.
    """

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]]) -> None:
        self._text = text
        self._sentences = tuple(sentences)
        self._parsed: dict[int, Doc] = {}
        self._expected: set[int] = set()

    def __len__(self) -> int:
        return len(self._sentences)

    def offset(self, index: int) -> int:
        """Where sentence ``index`` starts in the document text."""
        return self._sentences[index][0]

    def is_parsed(self, index: int) -> bool:
        return index in self._parsed

    def parsed(self, index: int) -> Doc:
        """The spaCy ``Doc`` of sentence ``index`` (tokens, ``pos_``, ``tag_``, ``lemma_``,
        ``dep_``, ``head``); ``token.idx`` counts from the sentence start."""
        if index not in self._parsed:
            self.parse_many((index,))
        return self._parsed[index]

    def expect(self, indices: Iterable[int]) -> None:
        """Sentences a signal will ask for later: the next batch parses them too (one batch of
        ten sentences costs less than two of five)."""
        self._expected.update(i for i in indices if 0 <= i < len(self._sentences))

    def parse_many(self, indices: Iterable[int]) -> None:
        """Parse the given sentences, and those expected, in one batch (those parsed before are
        skipped)."""
        wanted = {*indices, *self._expected}
        self._expected.clear()
        todo = sorted(i for i in wanted if i not in self._parsed)
        if not todo:
            return
        texts = [self._sentence_text(i) for i in todo]
        for index, sdoc in zip(todo, pipeline().pipe(texts, batch_size=BATCH_SIZE), strict=True):
            sdoc.tensor = _NO_TENSOR  # the network's 64 floats a word: nothing reads them later
            self._parsed[index] = sdoc

    def char_span(self, index: int, first: int, last: int) -> tuple[int, int]:
        """Document offsets of tokens ``first..last`` (inclusive) of sentence ``index``."""
        sdoc = self.parsed(index)
        base = self.offset(index)
        return base + sdoc[first].idx, base + sdoc[last].idx + len(sdoc[last])

    def _sentence_text(self, index: int) -> str:
        start, end = self._sentences[index]
        return self._text[start : min(end, start + MAX_SENTENCE_CHARS)]


def lemma_in(token: Token, lemmas: Set[str]) -> bool:
    """Whether the token's lemma is one of ``lemmas``, also when the lemma is wrong for a
    mistagged word ("designated" read as an adjective): the regular English inflections of the
    form are tried too."""
    if token.lemma_.lower() in lemmas:
        return True
    form = token.lower_
    return any(candidate in lemmas for candidate in base_forms(form))


@functools.lru_cache(maxsize=8192)
def base_forms(form: str) -> tuple[str, ...]:
    """Candidate base forms of a regularly inflected English word ("designated" -> "designate",
    "designat"; "parties" -> "party"; "fought" is irregular and not guessed)."""
    out = [form]
    for suffix, replacements in _INFLECTIONS:
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out.extend(stem + ending for ending in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "controlled" -> "control"
    return tuple(dict.fromkeys(out))


_INFLECTIONS = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
)
