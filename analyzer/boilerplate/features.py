"""Numeric features of the non-blank lines of a text, for the line model.

One row per non-blank line. The columns describe the line itself (length, punctuation,
capitalisation, digits, link-like tokens, stopwords), its place in the document, its neighbours
(the body is a run of long, punctuated, stopword-rich lines; furniture comes in runs of short ones)
and, in HTML mode, the extractor's body hints around it. Only the first ``ANALYSED_CHARS``
characters of a line are inspected for the costlier ratios: a paragraph's opening is as telling as
its whole, and this keeps the cost per line flat.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analyzer.boilerplate.columns import (
    BOW_WORDS,
    FEATURE_INDEX,
    HASH_BUCKETS,
    HTML_FEATURES,
    LINE_FEATURES,
    MARKER_CATEGORIES,
    PLAIN_FEATURES,
    WINDOWS,
)
from analyzer.boilerplate.sequences import (
    MAX_DISTANCE,
    distance_to,
    main_block,
    shifted,
    window_mean,
)

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

_COLUMN = FEATURE_INDEX


@dataclass(frozen=True, slots=True)
class LineStats:
    """Per-line facts other stages reuse (word counts for reasons and main-block search)."""

    words: np.ndarray
    sentence_like: np.ndarray


def normalise_line(line: str) -> str:
    """Case- and space-folded text used to spot repeated lines and title copies."""
    return " ".join(_WORD.findall(line.lower()))


def compute_features(
    lines: Sequence[str],
    blank_before: Sequence[bool],
    blank_after: Sequence[bool],
    rule_categories: Sequence[str | None],
    *,
    title: str | None = None,
    hints: Sequence[bool] | None = None,
) -> tuple[np.ndarray, LineStats]:
    """Feature matrix (``PLAIN_FEATURES`` columns, plus ``HINT_FEATURES`` when ``hints`` is given).

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

    Returns
    -------
    tuple of numpy.ndarray and LineStats
        The matrix (one row per line) and the per-line word counts and prose flags.
    """
    n = len(lines)
    width = len(HTML_FEATURES) if hints is not None else len(PLAIN_FEATURES)
    matrix = np.zeros((n, width), dtype=np.float64)
    if n == 0:
        return matrix, LineStats(np.zeros(0), np.zeros(0, dtype=bool))
    c = _COLUMN
    title_key = normalise_line(title) if title else ""
    title_words = set(title_key.split())
    keys = [normalise_line(line) for line in lines]
    counts = Counter(keys)
    seen: set[str] = set()
    rows: list[list[float]] = []
    bow_rows: list[int] = []
    bow_columns: list[int] = []
    word_counts: list[int] = []
    for i, line in enumerate(lines):
        key = keys[i]
        first = key not in seen
        seen.add(key)
        values, bow, n_words = _line_features(line, key, title_key, title_words, counts[key], first)
        rows.append(values)
        bow_rows.extend([i] * len(bow))
        bow_columns.extend(bow)
        word_counts.append(n_words)
    # One bulk write per block instead of ~35 single-item writes per line.
    matrix[:, : len(LINE_FEATURES)] = rows
    matrix[bow_rows, np.asarray(bow_columns, dtype=np.intp) + c["bow_00"]] = 1.0
    words = np.array(word_counts, dtype=np.float64)
    matrix[:, c["rule_fired"]] = [category is not None for category in rule_categories]
    sentence_like = _sentence_like(matrix, words)
    matrix[:, c["sentence_like"]] = sentence_like
    _position_features(matrix, words)
    _context_features(matrix, words, sentence_like, blank_before, blank_after)
    _marker_features(matrix, rule_categories)
    if hints is not None:
        _hint_features(matrix, np.asarray(hints, dtype=np.float64))
    return matrix, LineStats(words, sentence_like)


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


def _sentence_like(matrix: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Lines that read as running prose; English function words are required only in English text."""
    c = _COLUMN
    stop = matrix[:, c["stopword_share"]]
    longer = words >= SENTENCE_MIN_WORDS
    doc_stop = float(np.average(stop[longer], weights=words[longer])) if longer.any() else 0.0
    matrix[:, c["doc_stopword_share"]] = doc_stop
    prose = longer & (matrix[:, c["ends_terminal"]] > 0)
    if doc_stop >= ENGLISH_MIN_STOPWORDS:
        prose &= stop >= SENTENCE_MIN_STOPWORDS
    return prose


def _position_features(matrix: np.ndarray, words: np.ndarray) -> None:
    c = _COLUMN
    n = len(words)
    index = np.arange(n, dtype=np.float64)
    matrix[:, c["relative_position"]] = index / max(n - 1, 1)
    cumulative = np.cumsum(words) - words
    matrix[:, c["relative_word_position"]] = cumulative / max(words.sum(), 1.0)
    matrix[:, c["log_lines_before"]] = np.log1p(np.minimum(index, MAX_DISTANCE))
    matrix[:, c["log_lines_after"]] = np.log1p(np.minimum(n - 1 - index, MAX_DISTANCE))


def _context_features(
    matrix: np.ndarray,
    words: np.ndarray,
    sentence_like: np.ndarray,
    blank_before: Sequence[bool],
    blank_after: Sequence[bool],
) -> None:
    c = _COLUMN
    n = len(words)
    log_words = matrix[:, c["log_words"]]
    terminal = matrix[:, c["ends_terminal"]]
    rule = matrix[:, c["rule_fired"]]
    prose = sentence_like.astype(np.float64)
    for name, values in (
        ("log_words", log_words),
        ("terminal", terminal),
        ("rule", rule),
        ("sentence_like", prose),
    ):
        matrix[:, c[f"prev_{name}"]] = shifted(values, 1)
        matrix[:, c[f"next_{name}"]] = shifted(values, -1)
    matrix[:, c["blank_before"]] = np.asarray(blank_before, dtype=np.float64)
    matrix[:, c["blank_after"]] = np.asarray(blank_after, dtype=np.float64)
    series = np.column_stack((log_words, prose, rule))
    for w in WINDOWS:
        means = window_mean(series, w)
        matrix[:, c[f"window{w}_log_words"]] = means[:, 0]
        matrix[:, c[f"window{w}_sentence_share"]] = means[:, 1]
        matrix[:, c[f"window{w}_rule_share"]] = means[:, 2]
    above, below = distance_to(sentence_like)
    matrix[:, c["log_distance_sentence_above"]] = np.log1p(above)
    matrix[:, c["log_distance_sentence_below"]] = np.log1p(below)
    index = np.arange(n)
    if sentence_like.any():
        found = np.flatnonzero(sentence_like)
        matrix[:, c["before_first_sentence"]] = index < found[0]
        matrix[:, c["after_last_sentence"]] = index > found[-1]
    start, end = main_block(words, sentence_like)
    if end > start:
        matrix[start:end, c["in_main_block"]] = 1.0
        gap = np.maximum(start - index, index - (end - 1)).clip(0, MAX_DISTANCE)
        matrix[:, c["log_distance_main_block"]] = np.log1p(gap)
        matrix[:, c["main_block_position"]] = ((index - start) / max(end - 1 - start, 1)).clip(
            -1.0, 2.0
        )
    else:
        matrix[:, c["log_distance_main_block"]] = math.log1p(MAX_DISTANCE)
    matrix[:, c["doc_log_lines"]] = math.log1p(n)
    matrix[:, c["doc_sentence_share"]] = prose.mean()


def _marker_features(matrix: np.ndarray, rule_categories: Sequence[str | None]) -> None:
    c = _COLUMN
    found = np.array(rule_categories, dtype=object)
    for category in MARKER_CATEGORIES:
        mask = found == category
        above, below = distance_to(mask)
        matrix[:, c[f"log_distance_{category}_above"]] = np.log1p(above)
        matrix[:, c[f"log_distance_{category}_below"]] = np.log1p(below)


def _hint_features(matrix: np.ndarray, hints: np.ndarray) -> None:
    c = _COLUMN
    n = len(hints)
    matrix[:, c["hint"]] = hints
    matrix[:, c["prev_hint"]] = shifted(hints, 1)
    matrix[:, c["next_hint"]] = shifted(hints, -1)
    for w in WINDOWS:
        matrix[:, c[f"window{w}_hint_share"]] = window_mean(hints, w)
    matrix[:, c["doc_hint_share"]] = hints.mean()
    index = np.arange(n)
    if hints.any():
        found = np.flatnonzero(hints)
        matrix[:, c["before_first_hint"]] = index < found[0]
        matrix[:, c["after_last_hint"]] = index > found[-1]
    above, below = distance_to(hints > 0)
    matrix[:, c["log_distance_hint"]] = np.log1p(np.minimum(above, below))
