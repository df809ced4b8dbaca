"""Numeric facts about each non-blank line of a text, for the line model.

One row per non-blank line. This module computes what a line says about itself (length,
punctuation, capitalisation, digits, link-like tokens, stopwords, its opening words, how often it
repeats); ``analyzer.boilerplate.rows`` adds its place in the document, its neighbours and the
extractor's body hints when it assembles the model's rows. Only the first ``ANALYSED_CHARS``
characters of a line are inspected for the costlier ratios: a paragraph's opening is as telling as
its whole, and this keeps the cost per line flat.

The facts are kept in compact arrays (:class:`LineColumns`, about 130 bytes a line): a text of a
million one-letter lines must not cost a kilobyte a line, as a full feature matrix would.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.boilerplate.columns import BOW_WORDS, HASH_BUCKETS, LINE_FEATURES, MARKER_CATEGORIES

# The thresholds below shape the features the line model was trained on: they are fixed by the
# model file (recorded there and checked on load, ``analyzer.boilerplate.thresholds``), not
# settings on Config that a sweep may change.

#: Characters of a line inspected for word-level ratios (see module docstring).
ANALYSED_CHARS = 240

#: A "sentence-like" line: at least this many words, closing punctuation and enough function words.
#: 8 words is a short real sentence; shorter lines are headings, labels or links.
SENTENCE_MIN_WORDS = 8

#: Function-word share above which a line reads as running English prose (body lines on AEB dev
#: have a median of ~0.40, navigation lines ~0.05).
SENTENCE_MIN_STOPWORDS = 0.15

#: Characters per word above which a line is in an unspaced script (Chinese, Japanese, Thai):
#: its "words" are then counted as characters / UNSPACED_CHARS_PER_WORD.
UNSPACED_MEAN_WORD_LENGTH = 12.0
UNSPACED_CHARS_PER_WORD = 2.0

#: Document stopword share (over its longer lines) below which the text is not English, so
#: "sentence-like" stops requiring English function words.
ENGLISH_MIN_STOPWORDS = 0.12

_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PUNCT = re.compile(r"[^\w\s]")
_LINKISH = re.compile(r"https?:|www\.|\.(?:com|org|net|co\.uk)\b|@\w|#\w")
_BULLET_START = re.compile(r"^(?:[•·▪►▸‣◦●○■□*–—>»|-]|\d{1,2}[.)]\s)")
_CLOSERS = "\"'”’)]»›* \u00a0"
_SEPARATORS = ("|", ">", "»", "•", "·", "/", "›")
_ASCII_DIGITS = "0123456789"
_FOLD_DIGITS = str.maketrans("123456789", "000000000")
_SAYS = re.compile(r"\b(?:says|said|wrote|writes|commented)\s*:$", re.IGNORECASE)

#: English function words (closed-class words; a textbook list, not tuned).
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "more",
        "most",
        "my",
        "no",
        "not",
        "of",
        "on",
        "one",
        "or",
        "other",
        "our",
        "out",
        "over",
        "said",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)

#: ``LINE_FEATURES`` holding fractions and logs, kept as float64; the others are flags and small
#: counts (0-5), kept as int8. Both convert back to exactly the float64 the model reads.
CONTINUOUS = (
    "log_chars",
    "log_words",
    "mean_word_length",
    "comma_rate",
    "capitalised_share",
    "digit_share",
    "punct_share",
    "stopword_share",
    "title_similarity",
    "repeat_count",
    "head_capitalised_share",
)
FLAGS = tuple(name for name in LINE_FEATURES if name not in CONTINUOUS)
CONTINUOUS_INDEX = {name: i for i, name in enumerate(CONTINUOUS)}
FLAG_INDEX = {name: i for i, name in enumerate(FLAGS)}
_CONTINUOUS_AT = [LINE_FEATURES.index(name) for name in CONTINUOUS]
_FLAGS_AT = [LINE_FEATURES.index(name) for name in FLAGS]

#: Lines handled per block: a line's features are Python objects (~1 kB) only until its block is
#: written to arrays, and the model's temporaries for a block stay near 25 MB.
BLOCK_LINES = 2048


@dataclass(frozen=True, slots=True)
class LineStats:
    """Per-line facts other stages reuse (word counts for reasons and main-block search)."""

    words: np.ndarray
    sentence_like: np.ndarray


@dataclass(frozen=True, slots=True)
class LineColumns:
    """Everything the model's rows are assembled from, one array entry per non-blank line.

    Attributes
    ----------
    continuous, flags : numpy.ndarray
        The ``CONTINUOUS`` (float64) and ``FLAGS`` (int8) columns of ``LINE_FEATURES``.
    bow : numpy.ndarray
        uint64; bit k is set when bag-of-words bucket k occurs in the line's opening.
    words : numpy.ndarray
        Word counts (float64).
    sentence_like : numpy.ndarray
        Lines that read as running prose (bool).
    doc_stopword_share : float
        Stopword share of the document's longer lines.
    blank_before, blank_after : numpy.ndarray
        Whether a blank line separates a line from its predecessor / successor (bool).
    markers : numpy.ndarray
        int8: 1 + the index in ``MARKER_CATEGORIES`` of the rule category a line tripped, else 0.
    hints : numpy.ndarray or None
        The extractor's body hints (bool), switching on the HTML columns.
    links : numpy.ndarray or None
        In HTML mode, the share of each line's characters inside links (float64; zeros when the
        page's links are unknown).
    key_ids, keys : numpy.ndarray and list of str
        Each line's normalised text (``normalise_line``) as an index into ``keys``, its distinct
        values: repeated lines share one entry.
    """

    continuous: np.ndarray
    flags: np.ndarray
    bow: np.ndarray
    words: np.ndarray
    sentence_like: np.ndarray
    doc_stopword_share: float
    blank_before: np.ndarray
    blank_after: np.ndarray
    markers: np.ndarray
    hints: np.ndarray | None
    links: np.ndarray | None
    key_ids: np.ndarray
    keys: list[str]

    def __len__(self) -> int:
        return len(self.words)

    def column(self, name: str) -> np.ndarray:
        """One ``LINE_FEATURES`` column as float64."""
        if name in CONTINUOUS_INDEX:
            return self.continuous[:, CONTINUOUS_INDEX[name]]
        return self.flags[:, FLAG_INDEX[name]].astype(np.float64)

    @property
    def stats(self) -> LineStats:
        return LineStats(self.words, self.sentence_like)


def normalise_line(line: str) -> str:
    """Case- and space-folded text used to spot repeated lines and title copies."""
    return " ".join(_WORD.findall(line.lower()))


def describe_lines(
    lines: Sequence[str],
    blank_before: Sequence[bool],
    blank_after: Sequence[bool],
    rule_categories: Sequence[str | None],
    *,
    title: str | None = None,
    hints: Sequence[bool] | None = None,
    links: Sequence[float] | None = None,
) -> LineColumns:
    """The per-line columns of the model's rows (see ``analyzer.boilerplate.rows``).

    Parameters
    ----------
    lines : sequence of str
        The stripped non-blank lines, in order.
    blank_before, blank_after : sequence of bool
        Whether a blank line separates each line from its predecessor / successor.
    rule_categories : sequence of str or None
        The category of the furniture rule each line tripped (None: no rule).
    title : str, optional
        The article title, to recognise headline copies.
    hints : sequence of bool, optional
        Body hints from an HTML-aware extractor, one per line.
    links : sequence of float, optional
        With ``hints``: the share of each line's characters inside links.
    """
    n = len(lines)
    title_key = normalise_line(title) if title else ""
    title_words = set(title_key.split())
    vocabulary: dict[str, int] = {}
    key_ids = np.fromiter(
        (vocabulary.setdefault(normalise_line(line), len(vocabulary)) for line in lines),
        dtype=np.int32,
        count=n,
    )
    keys = list(vocabulary)
    counts = np.bincount(key_ids, minlength=len(keys)).tolist()
    seen = bytearray(len(keys))
    continuous = np.zeros((n, len(CONTINUOUS)))
    flags = np.zeros((n, len(FLAGS)), dtype=np.int8)
    bow = np.zeros(n, dtype=np.uint64)
    words = np.zeros(n)
    for block in range(0, n, BLOCK_LINES):
        stop = min(block + BLOCK_LINES, n)
        rows: list[list[float]] = []
        masks: list[int] = []
        word_counts: list[int] = []
        for i, k in enumerate(key_ids[block:stop].tolist(), start=block):
            key = keys[k]
            first = not seen[k]
            seen[k] = 1
            values, buckets, n_words = _line_features(
                lines[i], key, title_key, title_words, counts[k], first
            )
            mask = 0
            for bucket in buckets:
                mask |= 1 << bucket
            rows.append(values)
            masks.append(mask)
            word_counts.append(n_words)
        # One bulk write per block instead of ~35 single-item writes per line.
        values_block = np.array(rows, dtype=np.float64)
        continuous[block:stop] = values_block[:, _CONTINUOUS_AT]
        flags[block:stop] = values_block[:, _FLAGS_AT]
        bow[block:stop] = np.array(masks, dtype=np.uint64)
        words[block:stop] = word_counts
    flags[:, FLAG_INDEX["rule_fired"]] = [category is not None for category in rule_categories]
    sentence_like, doc_stop = _sentence_like(continuous, flags, words)
    flags[:, FLAG_INDEX["sentence_like"]] = sentence_like
    marker_codes = {category: code for code, category in enumerate(MARKER_CATEGORIES, start=1)}
    return LineColumns(
        continuous=continuous,
        flags=flags,
        bow=bow,
        words=words,
        sentence_like=sentence_like,
        doc_stopword_share=doc_stop,
        blank_before=np.array(blank_before, dtype=bool).reshape(n),
        blank_after=np.array(blank_after, dtype=bool).reshape(n),
        markers=np.array(
            [marker_codes.get(category or "", 0) for category in rule_categories], dtype=np.int8
        ).reshape(n),
        hints=None if hints is None else np.array(hints, dtype=bool).reshape(n),
        links=_html_links(hints, links, n),
        key_ids=key_ids,
        keys=keys,
    )


def _html_links(
    hints: Sequence[bool] | None, links: Sequence[float] | None, n: int
) -> np.ndarray | None:
    """HTML mode's link shares (zeros when the page's links are unknown); None in plain text."""
    if hints is None:
        return None
    return np.zeros(n) if links is None else np.array(links, dtype=np.float64).reshape(n)


def _line_features(
    line: str,
    key: str,
    title_key: str,
    title_words: set[str],
    count: int,
    first: bool,
) -> tuple[list[float], list[int], int]:
    """The ``LINE_FEATURES`` values of ``line`` (rule_fired and sentence_like are filled later),
    its bag-of-words columns and its word count."""
    n_chars = len(line)
    line_words = line.split()
    n_words = len(line_words)
    unspaced = n_chars / n_words > UNSPACED_MEAN_WORD_LENGTH
    if unspaced:
        n_words = max(n_words, int(n_chars / UNSPACED_CHARS_PER_WORD))
    short = n_chars <= ANALYSED_CHARS
    head = line if short else line[:ANALYSED_CHARS]
    head_words = line_words if short else head.split()
    n_head_words = len(head_words)
    n_head = len(head)
    tail = line.rstrip(_CLOSERS)
    ellipsis = tail.endswith(("...", "…"))
    capitalised = [word[0].isupper() for word in head_words[:24]]
    opening = capitalised[:6]
    digits = sum(map(head.count, _ASCII_DIGITS))
    # Set lookups over word tokens: the same count as a \b-delimited regex alternation of the
    # stopwords, at a third of the cost. A line within ANALYSED_CHARS is its own head, so its key
    # already holds the head's tokens.
    tokens = key.split() if short else _WORD.findall(head.lower())
    stopwords = sum(map(STOPWORDS.__contains__, tokens))
    similarity = 0.0
    title_equal = False
    if title_words and key:
        key_words = set(key.split())
        similarity = len(key_words & title_words) / len(key_words | title_words)
        title_equal = key == title_key
    values = [
        math.log1p(n_chars),  # log_chars
        math.log1p(n_words),  # log_words
        min(n_chars / n_words, 20.0),  # mean_word_length
        tail.endswith((".", "!", "?", "。", "！", "？")) and not ellipsis,  # ends_terminal
        tail.endswith((":", ":-", "-")),  # ends_colon
        ellipsis,  # ends_ellipsis
        tail.endswith(("?", "？")),  # ends_question
        min(head.count(". ") + head.count("? ") + head.count("! ") + head.count("。"), 5),  # breaks
        (head.count(",") + head.count("、")) / n_head_words,  # comma_rate
        sum(capitalised) / len(capitalised),  # capitalised_share
        head.isupper(),  # upper_line
        line[0].islower(),  # lower_start
        digits / n_head,  # digit_share
        len(_PUNCT.findall(head)) / n_head,  # punct_share
        _LINKISH.search(head) is not None,  # link_like
        _BULLET_START.match(line) is not None,  # bullet_start
        min(sum(map(head.count, _SEPARATORS)), 5),  # separators
        stopwords / n_head_words,  # stopword_share
        "“" in head or "”" in head or '"' in head or "«" in head,  # quote_marks
        ("19" in head or "20" in head) and _YEAR.search(head) is not None,  # has_year
        similarity,  # title_similarity
        title_equal,  # title_equal
        math.log(count),  # repeat_count
        first,  # first_occurrence
        0.0,  # rule_fired
        0.0,  # sentence_like
        sum(opening) / len(opening),  # head_capitalised_share
        unspaced,  # unspaced_script
        # ``$`` also matches before a final newline.
        tail.endswith((":", ":\n")) and _SAYS.search(tail) is not None,  # ends_says_colon
    ]
    opening_text = " ".join(head_words[:BOW_WORDS]).lower()
    if digits:  # no digit in the head, none to fold in its first words
        opening_text = opening_text.translate(_FOLD_DIGITS)
    bow = [_bucket(token) for token in _WORD.findall(opening_text)]
    return values, bow, n_words


#: Bag-of-words bucket of tokens seen so far (line openings repeat a small vocabulary).
_BUCKETS: dict[str, int] = {}
_BUCKET_CACHE_SIZE = 200_000


def _bucket(token: str) -> int:
    bucket = _BUCKETS.get(token)
    if bucket is None:
        bucket = zlib.crc32(token.encode()) % HASH_BUCKETS
        if len(_BUCKETS) < _BUCKET_CACHE_SIZE:
            _BUCKETS[token] = bucket
    return bucket


def _sentence_like(
    continuous: np.ndarray, flags: np.ndarray, words: np.ndarray
) -> tuple[np.ndarray, float]:
    """Lines that read as running prose, and the document's stopword share; English function
    words are required only in English text."""
    stop = continuous[:, CONTINUOUS_INDEX["stopword_share"]]
    longer = words >= SENTENCE_MIN_WORDS
    doc_stop = float(np.average(stop[longer], weights=words[longer])) if longer.any() else 0.0
    prose = longer & (flags[:, FLAG_INDEX["ends_terminal"]] > 0)
    if doc_stop >= ENGLISH_MIN_STOPWORDS:
        prose &= stop >= SENTENCE_MIN_STOPWORDS
    return prose, doc_stop
