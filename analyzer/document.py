"""The document model: one analysis of the text, computed once and shared by every signal.

Like spaCy's ``Doc``, a :class:`Document` holds the raw text and its layers (lines with a
body/furniture verdict, paragraphs, sentences, quotations, attributions), every layer as
half-open character offsets into :attr:`Document.text`. Signals read it; none re-splits the text.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field

from analyzer.boilerplate import LineVerdict, classify_lines
from analyzer.config import DEFAULT_CONFIG, Config
from analyzer.text.attributions import Attribution, find_attributions
from analyzer.text.lines import split_lines, strip_span
from analyzer.text.quotes import Quote, find_quotes
from analyzer.text.sentences import join_wrapped_lines, split_sentences
from analyzer.text.sources import classify_source
from analyzer.voice import reported_by_syntax
from analyzer.words import WordLayer

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text (from a manifest or the command line)."""

    file: str | None = None
    outlet: str = "unknown"
    title: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read from a file, before analysis."""

    text: str
    meta: ArticleMeta = ArticleMeta()
    body_hints: tuple[bool, ...] | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the text (line break excluded) and the boilerplate verdict on it."""

    start: int
    end: int
    is_body: bool
    reason: str
    furniture_probability: float

    @property
    def is_blank(self) -> bool:
        return self.reason == "blank"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A body sentence; ``paragraph`` indexes :attr:`Document.paragraphs`."""

    start: int
    end: int
    paragraph: int


class _IntervalIndex:
    """Which of a set of (possibly nested) intervals contain a position, in O(log n)."""

    def __init__(self, intervals: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(intervals)
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]
        self._max_end: list[int] = []
        running = -1
        for end in self._ends:
            running = max(running, end)
            self._max_end.append(running)

    def covers(self, start: int, end: int) -> bool:
        """True when one interval contains all of ``[start, end)``."""
        i = bisect.bisect_right(self._starts, start) - 1
        while i >= 0 and self._max_end[i] >= end:
            if self._ends[i] >= end:
                return True
            i -= 1
        return False


@dataclass(frozen=True)
class Document:
    """The analysed text and its layers. Build it with :func:`build_document`."""

    text: str
    meta: ArticleMeta
    lines: tuple[Line, ...]
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    body_words: int
    words: WordLayer = field(repr=False, compare=False)
    _quoted: _IntervalIndex = field(repr=False, compare=False)
    _reported: _IntervalIndex = field(repr=False, compare=False)
    _sentence_starts: tuple[int, ...] = field(repr=False, compare=False)
    _paragraph_starts: tuple[int, ...] = field(repr=False, compare=False)

    def voice_at(self, start: int, end: int) -> str:
        """Whose words ``text[start:end]`` are: ``quoted``, ``reported`` or ``authorial``. The one
        voice rule every signal uses: inside a direct quotation, inside reported content whose
        source can be held to it (an attribution, or in a parsed sentence the object of a verb of
        saying or naming with a source: :mod:`analyzer.voice`), else the outlet's own."""
        if self._quoted.covers(start, end):
            return "quoted"
        if self._reported.covers(start, end):
            return "reported"
        index = self.sentence_index(start)
        if index is not None and self.words.is_parsed(index):
            sdoc, base = self.words.parsed(index), self.words.offset(index)
            token = next((t.i for t in sdoc if base + t.idx + len(t) > start), None)
            if token is not None and reported_by_syntax(sdoc, token):
                return "reported"
        return "authorial"

    def sentence_index(self, offset: int) -> int | None:
        """Index of the body sentence containing ``offset``, or None outside the body."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def paragraph_index(self, offset: int) -> int | None:
        """Index of the body paragraph containing ``offset``, or None outside the body."""
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i][1]:
            return i
        return None

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    @property
    def body_chars(self) -> int:
        return sum(line.end - line.start for line in self.lines if line.is_body)

    @property
    def furniture_chars(self) -> int:
        return sum(
            line.end - line.start for line in self.lines if not line.is_body and not line.is_blank
        )


def build_document(
    text: str,
    meta: ArticleMeta | None = None,
    config: Config = DEFAULT_CONFIG,
    *,
    body_hints: Sequence[bool] | None = None,
    timings: MutableMapping[str, float] | None = None,
) -> Document:
    """Analyse ``text`` into a :class:`Document`.

    Parameters
    ----------
    text : str
        The article as read (plain text, or the visible text of an HTML page).
    meta : ArticleMeta, optional
        File, outlet and title; the title helps recognise duplicated headlines.
    config : Config
        Story pack and switches.
    body_hints : sequence of bool, optional
        One per line, from an HTML-aware extractor (see ``analyzer.io.html``).
    timings : mutable mapping, optional
        Seconds spent per stage are added here (for the speed benchmark).
    """
    meta = meta or ArticleMeta()
    clock = _Stopwatch(timings)
    lines = _classify(text, meta, config, body_hints)
    clock.lap("document: lines and boilerplate")
    body = [strip_span(text, line.start, line.end) for line in lines if line.is_body]
    paragraphs = join_wrapped_lines(text, [span for span in body if span[0] < span[1]])
    sentences = [
        Sentence(start, end, index)
        for index, (p_start, p_end) in enumerate(paragraphs)
        for start, end in split_sentences(text, p_start, p_end)
    ]
    clock.lap("document: sentences")
    quotes = find_quotes(text, paragraphs)
    clock.lap("document: quotations")
    sentence_spans = [(s.start, s.end) for s in sentences]
    words = WordLayer(text, sentence_spans)
    attributions = find_attributions(text, sentence_spans, quotes, config, words=words)
    clock.lap("document: attributions")
    body_words = sum(len(_WORD.findall(text, s.start, s.end)) for s in sentences)
    return Document(
        text=text,
        meta=meta,
        lines=tuple(lines),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        quotes=tuple(quotes),
        attributions=tuple(attributions),
        body_words=body_words,
        words=words,
        _quoted=_IntervalIndex([(q.content_start, q.content_end) for q in quotes]),
        _reported=_IntervalIndex(
            [
                (a.content_start, a.content_end)
                for a in attributions
                if a.mode != "direct" and _held_to_its_words(text, a)
            ]
        ),
        _sentence_starts=tuple(s.start for s in sentences),
        _paragraph_starts=tuple(start for start, _ in paragraphs),
    )


def _held_to_its_words(text: str, attribution: Attribution) -> bool:
    """Whether reported content has a source someone can be held to. "As per reports, ...",
    "experts say ...", "it is claimed that ...": a vague or missing source leaves the words the
    outlet's own (the Reuters rule: make clear it is the *source's* word, which an unnamed
    "reports" cannot be)."""
    if attribution.source_start is None or attribution.source_end is None:
        return False
    source = text[attribution.source_start : attribution.source_end]
    if source.strip().lower() in _WRITER:  # "I believe ...", outside quotation marks: the writer
        return False
    return not classify_source(text, attribution.source_start, attribution.source_end).vague


#: The writer's own pronouns as a source: what "I believe" introduces is the outlet's voice.
_WRITER = frozenset(("i", "we"))


class _Stopwatch:
    """Adds the seconds since the last lap to ``timings[stage]``; does nothing without a mapping."""

    def __init__(self, timings: MutableMapping[str, float] | None) -> None:
        self._timings = timings
        self._last = time.perf_counter() if timings is not None else 0.0

    def lap(self, stage: str) -> None:
        if self._timings is not None:
            now = time.perf_counter()
            self._timings[stage] = self._timings.get(stage, 0.0) + now - self._last
            self._last = now


def _classify(
    text: str, meta: ArticleMeta, config: Config, body_hints: Sequence[bool] | None
) -> list[Line]:
    spans = split_lines(text)
    if config.strip_boilerplate:
        verdicts = classify_lines(text, spans, title=meta.title, body_hints=body_hints)
    else:
        verdicts = [
            LineVerdict(True, "body", 0.0)
            if text[s:e].strip()
            else LineVerdict(False, "blank", 0.0)
            for s, e in spans
        ]
    return [
        Line(start, end, verdict.is_body, verdict.reason, verdict.furniture_probability)
        for (start, end), verdict in zip(spans, verdicts, strict=True)
    ]
