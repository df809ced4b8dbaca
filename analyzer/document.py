"""The document model: one analysis of the text, computed once and shared by every signal.

Like spaCy's ``Doc``, a :class:`Document` holds the raw text and its layers (lines with a
body/furniture verdict, paragraphs, sentences, quotations, attributions), every layer as
half-open character offsets into :attr:`Document.text`. Signals read it; none re-splits the text.
"""

from __future__ import annotations

import bisect
import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import overload

import numpy as np

from analyzer.boilerplate.classify import BLANK, LineVerdicts, judge_lines
from analyzer.boilerplate.kinds import dateline_end, kept_reasons, kind_of_reason
from analyzer.config import DEFAULT_CONFIG, Config
from analyzer.text.attributions import Attribution, find_attributions
from analyzer.text.lines import line_bounds, strip_span
from analyzer.text.quotes import Quote, find_quotes
from analyzer.text.reported_speech import BLOCK_QUOTATION
from analyzer.text.sentences import join_wrapped_lines, split_sentences
from analyzer.text.sources import classify_source
from analyzer.voice import named_by_a_source, reported_by_syntax
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
    #: What reading changed that a user should know (bytes dropped, an extractor's fallback);
    #: readers report each as an :class:`~analyzer.errors.InputWarning`.
    notes: tuple[str, ...] = ()
    #: Per line, the share of its characters inside links (HTML pages; ``analyzer.io.html``).
    link_shares: tuple[float, ...] | None = None


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

    @property
    def kind(self) -> str:
        """``body``, ``headline``, ``caption``, ``byline``, ``dateline``, ``furniture`` or ``blank``
        (:mod:`analyzer.boilerplate.kinds`)."""
        return kind_of_reason(self.reason, self.is_body)


class Lines(Sequence[Line]):
    """Every line of a document with its verdict, kept as arrays (about 30 bytes a line): a text
    of a million one-letter lines costs megabytes here, not the ~150 MB of a million objects.
    Indexing and iterating give :class:`Line` objects, made as they are asked for."""

    def __init__(self, starts: np.ndarray, ends: np.ndarray, verdicts: LineVerdicts) -> None:
        self._starts = starts
        self._ends = ends
        self._verdicts = verdicts

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Line, ...]: ...

    def __getitem__(self, index: int | slice) -> Line | tuple[Line, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        verdict = self._verdicts[index]
        return Line(
            int(self._starts[index]),
            int(self._ends[index]),
            verdict.is_body,
            verdict.reason,
            verdict.furniture_probability,
        )

    def __iter__(self) -> Iterator[Line]:
        for start in range(0, len(self), _LINES_PER_BATCH):
            stop = start + _LINES_PER_BATCH
            verdicts = self._verdicts
            reasons = verdicts.reasons
            yield from (
                Line(begin, end, body, reasons[code], probability)
                for begin, end, body, code, probability in zip(
                    self._starts[start:stop].tolist(),
                    self._ends[start:stop].tolist(),
                    verdicts.is_body[start:stop].tolist(),
                    verdicts.reason_codes[start:stop].tolist(),
                    verdicts.furniture_probability[start:stop].tolist(),
                    strict=True,
                )
            )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lines):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Lines({len(self)} lines)"

    def spans(self, *, body: bool) -> list[tuple[int, int]]:
        """``(start, end)`` of the lines kept in the text (``body=True``: article body, headline,
        captions, bylines, datelines) or of the furniture lines."""
        verdicts = self._verdicts
        kept = verdicts.is_body | kept_reasons(verdicts.reasons)[verdicts.reason_codes]
        if body:
            chosen = kept
        else:
            blank = verdicts.reasons.index(BLANK) if BLANK in verdicts.reasons else -1
            chosen = ~kept & (verdicts.reason_codes != blank)
        return list(zip(self._starts[chosen].tolist(), self._ends[chosen].tolist(), strict=True))

    def set_apart_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of the caption, byline and dateline lines: kept, not the outlet's voice."""
        verdicts = self._verdicts
        chosen = kept_reasons(verdicts.reasons)[verdicts.reason_codes]
        return list(zip(self._starts[chosen].tolist(), self._ends[chosen].tolist(), strict=True))

    def kind_at(self, offset: int) -> str:
        """The kind of the line holding ``offset`` (``blank`` past the end)."""
        index = int(np.searchsorted(self._starts, offset, side="right")) - 1
        if index < 0 or offset > self._ends[index]:
            return BLANK
        return self[index].kind

    def chars(self, *, body: bool) -> int:
        """Characters of the body lines, or of the furniture lines (line breaks excluded)."""
        return sum(end - start for start, end in self.spans(body=body))


#: Lines turned into :class:`Line` objects at a time while iterating over :class:`Lines`.
_LINES_PER_BATCH = 2048


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the kept text; ``paragraph`` indexes :attr:`Document.paragraphs`.
    ``set_apart`` marks a caption, byline or dateline: signals find evidence in it, in the voice
    ``caption``, but it is not the article's prose (word counts and sentence shares leave it out)."""

    start: int
    end: int
    paragraph: int
    set_apart: bool = False


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
    lines: Lines
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    body_words: int
    words: WordLayer = field(repr=False, compare=False)
    _quoted: _IntervalIndex = field(repr=False, compare=False)
    _reported: _IntervalIndex = field(repr=False, compare=False)
    _set_apart: _IntervalIndex = field(repr=False, compare=False)
    _sentence_starts: tuple[int, ...] = field(repr=False, compare=False)
    _paragraph_starts: tuple[int, ...] = field(repr=False, compare=False)

    def voice_at(self, start: int, end: int) -> str:
        """Whose words ``text[start:end]`` are: ``quoted``, ``caption``, ``reported`` or
        ``authorial``. The one voice rule every signal uses: inside a direct quotation (or the
        paragraph a source introduces with a line ending in a colon, a block quotation); on a
        caption, byline or dateline line (the photo desk's or an agency's words, not the
        article's: :mod:`analyzer.boilerplate.kinds`); inside reported content whose source can
        be held to it (an attribution, or in a parsed sentence the object of a verb of saying or
        naming with a source: :mod:`analyzer.voice`); else the outlet's own. The headline is
        the outlet's own words: authorial."""
        if self._quoted.covers(start, end):
            return "quoted"
        if self._set_apart.covers(start, end):
            return "caption"
        if self._reported.covers(start, end) or named_by_a_source(self.text, start, end):
            return "reported"
        index = self.sentence_index(start)
        if index is not None and self.words.is_parsed(index):
            sdoc, base = self.words.parsed(index), self.words.offset(index)
            token = next((t.i for t in sdoc if base + t.idx + len(t) > start), None)
            if token is not None and reported_by_syntax(sdoc, token):
                return "reported"
        return "authorial"

    @functools.cached_property
    def prose_sentences(self) -> tuple[Sentence, ...]:
        """The article's own sentences: headline and body prose, without captions, bylines and
        datelines. Rates per 1,000 words and shares of sentences are taken over these."""
        return tuple(s for s in self.sentences if not s.set_apart)

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
        return self.lines.chars(body=True)

    @property
    def furniture_chars(self) -> int:
        return self.lines.chars(body=False)


def build_document(
    text: str,
    meta: ArticleMeta | None = None,
    config: Config = DEFAULT_CONFIG,
    *,
    body_hints: Sequence[bool] | None = None,
    link_shares: Sequence[float] | None = None,
    timings: MutableMapping[str, float] | None = None,
    parse_also: Callable[[str, Sequence[tuple[int, int]]], Iterable[int]] | None = None,
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
    link_shares : sequence of float, optional
        One per line: the share of its characters inside links (HTML pages).
    timings : mutable mapping, optional
        Seconds spent per stage are added here (for the speed benchmark).
    parse_also : callable, optional
        ``(text, sentence spans) -> sentence indices`` the signals will have parsed: they are
        parsed in the same batch as the attribution sentences.
    """
    meta = meta or ArticleMeta()
    clock = _Stopwatch(timings)
    lines = _classify(text, meta, config, body_hints, link_shares)
    clock.lap("document: lines and boilerplate")
    body = [strip_span(text, start, end) for start, end in lines.spans(body=True)]
    paragraphs = join_wrapped_lines(text, [span for span in body if span[0] < span[1]])
    set_apart = _IntervalIndex(lines.set_apart_spans())
    sentences = [
        Sentence(start, end, index, set_apart.covers(start, end))
        for index, (p_start, p_end) in enumerate(paragraphs)
        for start, end in split_sentences(text, p_start, p_end)
    ]
    clock.lap("document: sentences")
    quotes = find_quotes(text, paragraphs, config.quotes)
    clock.lap("document: quotations")
    sentence_spans = [(s.start, s.end) for s in sentences]
    words = WordLayer(text, sentence_spans)
    if parse_also is not None:
        words.expect(parse_also(text, sentence_spans))
    attributions = find_attributions(text, sentence_spans, quotes, config, words=words)
    clock.lap("document: attributions")
    body_words = sum(len(_WORD.findall(text, s.start, s.end)) for s in sentences if not s.set_apart)
    return Document(
        text=text,
        meta=meta,
        lines=lines,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        quotes=tuple(quotes),
        attributions=tuple(attributions),
        body_words=body_words,
        words=words,
        _quoted=_IntervalIndex(
            [(q.content_start, q.content_end) for q in quotes]
            + [(a.content_start, a.content_end) for a in attributions if a.rule == BLOCK_QUOTATION]
        ),
        _reported=_IntervalIndex(
            [
                span
                for a in attributions
                if _held_to_its_words(text, a)
                for span in _reported_spans(text, a, sentences[a.sentence_index].start)
                + _after_inner_quote(text, a, quotes, sentences[a.sentence_index].end)
            ]
        ),
        _set_apart=set_apart,
        _sentence_starts=tuple(s.start for s in sentences),
        _paragraph_starts=tuple(start for start, _ in paragraphs),
    )


def _reported_spans(
    text: str, attribution: Attribution, sentence_start: int
) -> list[tuple[int, int]]:
    """What an attribution reports beyond its quotation: its content, and for "according to X"
    set into the middle of a sentence ("Rebels, according to the UN, now control ...") also the
    words before it; for a quotation inside a sentence that its source and cue close ("The
    separatists are "bandits and criminals," the governor said") the words before it, the
    source's claim paraphrased."""
    if attribution.mode == "direct":
        return _paraphrase_before(text, attribution, sentence_start)
    spans = [(attribution.content_start, attribution.content_end)]
    if attribution.mode == "according_to" and attribution.content_start > attribution.cue_start:
        before = text[sentence_start : attribution.cue_start].rstrip()
        if before.endswith(",") and len(before) > 1:
            spans.append((dateline_end(text, sentence_start), sentence_start + len(before) - 1))
    return spans


def _after_inner_quote(
    text: str, attribution: Attribution, quotes: Sequence[Quote], sentence_end: int
) -> list[tuple[int, int]]:
    """The rest of a reported clause after a quotation inside it, which cut the clause's
    content short: in 'The ministry said soldiers came under fire from "members of a criminal
    group" and returned fire, killing four attackers' the killing is the ministry's account too
    (up to the sentence end or a semicolon); so is the rest of a clause a quotation opens right
    after "that" ('told reporters that "unidentified snipers" had fired on protesters')."""
    if attribution.mode == "indirect":
        end = attribution.content_end
        i = bisect.bisect_left([q.start for q in quotes], end)
        if i >= len(quotes) or quotes[i].kind != "direct":
            return []
        if text[end : quotes[i].start].strip(' ,"“'):
            return []
    elif attribution.quote_index is not None and _opens_a_that_clause(text, attribution, quotes):
        # 'told reporters that "unidentified snipers" had fired on protesters': the quotation
        # opens the reported clause, whose rest is the source's account too
        i = attribution.quote_index
    else:
        return []
    tail_start = quotes[i].end
    # up to a semicolon, or the writer's gloss in a relative clause set off by a comma
    # ("... and avail themselves of E-CLIP, which provides assistance to former rebels")
    tail_end = min(
        (k for k in (text.find(mark, tail_start, sentence_end) for mark in _TAIL_ENDS) if k != -1),
        default=sentence_end,
    )
    return [(tail_start, tail_end)] if tail_end > tail_start else []


_TAIL_ENDS = (";", ", which ", ", who ")


def _opens_a_that_clause(text: str, attribution: Attribution, quotes: Sequence[Quote]) -> bool:
    """A direct attribution whose quotation comes right after the cue's "that"."""
    i = attribution.quote_index
    if attribution.mode != "direct" or i is None or not 0 <= i < len(quotes):
        return False
    between = text[attribution.cue_end : quotes[i].start].split()  # empty if the cue follows
    return bool(between) and between[-1] == "that"


def _paraphrase_before(
    text: str, attribution: Attribution, sentence_start: int
) -> list[tuple[int, int]]:
    if attribution.cue_start < attribution.content_end:
        return []  # the cue comes first: 'He said the rebels were "terrorists"'
    start = dateline_end(text, sentence_start)
    before = text[start : attribution.content_start].rstrip()
    before = before[:-1].rstrip() if before[-1:] in _OPENING_QUOTES else before
    if not before or before.endswith((":", ",", ".")):
        return []  # a whole quotation, or one a colon or a clause introduces
    return [(start, start + len(before))]


_OPENING_QUOTES = frozenset("\"“‘'")


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
    text: str,
    meta: ArticleMeta,
    config: Config,
    body_hints: Sequence[bool] | None,
    link_shares: Sequence[float] | None,
) -> Lines:
    starts, ends = line_bounds(text)
    if config.strip_boilerplate:
        verdicts = judge_lines(
            text,
            starts,
            ends,
            title=meta.title,
            body_hints=body_hints,
            link_shares=link_shares,
            settings=config.boilerplate,
        )
    else:
        filled = np.array(
            [bool(text[s:e].strip()) for s, e in zip(starts.tolist(), ends.tolist(), strict=True)],
            dtype=bool,
        ).reshape(len(starts))
        # Reason 0 is "blank", 1 is "body".
        verdicts = LineVerdicts(
            filled, filled.astype(np.int32), (BLANK, "body"), np.zeros(len(starts))
        )
    return Lines(starts, ends, verdicts)
