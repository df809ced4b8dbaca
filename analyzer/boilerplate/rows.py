"""The line model's feature rows, assembled a block of lines at a time.

A line's row adds to its own facts (``analyzer.boilerplate.features``) its place in the document,
its neighbours (the body is a run of long, punctuated, stopword-rich lines; furniture comes in runs
of short ones) and, in HTML mode, the extractor's body hints around it. Every neighbourhood is
bounded (windows of ``WINDOWS`` lines, distances capped at ``MAX_DISTANCE``) and the document-wide
figures are computed once, so any block of rows can be built alone: the classifier never holds
more than a block of the 142-158 float columns (a whole matrix costs 1.2 kB a line).

A block's values are exactly those of the whole matrix (the running sums behind the window means
are taken over the whole document, in the same order), so rows built block by block and rows built
at once give the same verdicts, to the bit.
"""

from __future__ import annotations

import math

import numpy as np

from analyzer.boilerplate.columns import (
    FEATURE_INDEX,
    HASH_BUCKETS,
    HTML_FEATURES,
    MARKER_CATEGORIES,
    PLAIN_FEATURES,
    WINDOWS,
)
from analyzer.boilerplate.features import CONTINUOUS, FLAGS, LineColumns
from analyzer.boilerplate.sequences import (
    MAX_DISTANCE,
    distance_to,
    main_block,
    running_sum,
    shifted,
    window_mean,
)

_C = FEATURE_INDEX
_CONTINUOUS_COLUMNS = [FEATURE_INDEX[name] for name in CONTINUOUS]
_FLAG_COLUMNS = [FEATURE_INDEX[name] for name in FLAGS]
_BOW = slice(FEATURE_INDEX["bow_00"], FEATURE_INDEX["bow_00"] + HASH_BUCKETS)
_BITS = np.arange(HASH_BUCKETS, dtype=np.uint64)
#: The window-mean column of each windowed series (``{}``: the half-width).
_WINDOW_COLUMNS = {
    "log_words": "window{}_log_words",
    "sentence_like": "window{}_sentence_share",
    "rule": "window{}_rule_share",
    "repeated": "window{}_repeat_share",
    "terminal": "window{}_terminal_share",
}


class FeatureRows:
    """Builds any block of the model's rows from a page's :class:`LineColumns`."""

    def __init__(self, columns: LineColumns) -> None:
        self._columns = columns
        n = len(columns)
        self.width = len(HTML_FEATURES) if columns.hints is not None else len(PLAIN_FEATURES)
        words = columns.words
        prose = columns.sentence_like
        # Views of the columns (no copies); flags become floats only block by block.
        self._series: dict[str, np.ndarray] = {
            "log_words": columns.continuous[:, CONTINUOUS.index("log_words")],
            "terminal": columns.flags[:, FLAGS.index("ends_terminal")],
            "rule": columns.flags[:, FLAGS.index("rule_fired")],
            "sentence_like": prose,
        }
        # Taken once over the whole page, as one matrix (one window pass per width serves every
        # series): every block's window means read them.
        windowed = {name: self._series[name] for name in ("log_words", "sentence_like", "rule")}
        if columns.hints is None:
            # Plain text only (zero in HTML rows): on dev they raised the plain model's figures
            # on both sets but lowered the HTML model's, whose hints mark the article's run.
            # Menus, teaser lists and date stamps repeat, an article's paragraphs do not; body
            # paragraphs sit among closed sentences, teaser headlines among open lines.
            windowed["repeated"] = columns.continuous[:, CONTINUOUS.index("repeat_count")] > 0
            windowed["terminal"] = self._series["terminal"]
        self._windowed_columns = [_WINDOW_COLUMNS[name] for name in windowed]
        matrix = np.column_stack(list(windowed.values())).astype(np.float64)
        self._windowed = (matrix, running_sum(matrix))
        self._running: dict[str, np.ndarray] = {}
        self._words_before = np.cumsum(words) - words
        self._total_words = max(float(words.sum()), 1.0)
        found = np.flatnonzero(prose)
        self._sentences = (int(found[0]), int(found[-1])) if len(found) else None
        self._main_block = main_block(words, prose) if n else (0, 0)
        self._sentence_share = float(prose.mean()) if n else 0.0
        self._hinted: tuple[int, int] | None = None
        self._hint_share = 0.0
        if columns.hints is not None:
            hints = columns.hints
            self._series["hints"] = hints
            self._running["hints"] = running_sum(hints)
            found = np.flatnonzero(hints)
            self._hinted = (int(found[0]), int(found[-1])) if len(found) else None
            self._hint_share = float(hints.mean()) if n else 0.0
        if columns.links is not None:
            self._series["links"] = columns.links
            self._running["links"] = running_sum(columns.links)

    def __len__(self) -> int:
        return len(self._columns)

    def block(self, start: int, stop: int) -> np.ndarray:
        """Rows ``start`` to ``stop`` (half-open) of the feature matrix."""
        columns = self._columns
        rows = np.zeros((stop - start, self.width))
        rows[:, _CONTINUOUS_COLUMNS] = columns.continuous[start:stop]
        rows[:, _FLAG_COLUMNS] = columns.flags[start:stop]
        rows[:, _BOW] = (columns.bow[start:stop, None] >> _BITS) & np.uint64(1)
        rows[:, _C["doc_stopword_share"]] = columns.doc_stopword_share
        self._position(rows, start, stop)
        self._context(rows, start, stop)
        self._markers(rows, start, stop)
        if "hints" in self._series:
            self._hint_columns(rows, start, stop)
        return rows

    def _position(self, rows: np.ndarray, start: int, stop: int) -> None:
        n = len(self)
        index = np.arange(start, stop, dtype=np.float64)
        rows[:, _C["relative_position"]] = index / max(n - 1, 1)
        rows[:, _C["relative_word_position"]] = self._words_before[start:stop] / self._total_words
        rows[:, _C["log_lines_before"]] = np.log1p(np.minimum(index, MAX_DISTANCE))
        rows[:, _C["log_lines_after"]] = np.log1p(np.minimum(n - 1 - index, MAX_DISTANCE))

    def _context(self, rows: np.ndarray, start: int, stop: int) -> None:
        n = len(self)
        columns = self._columns
        for name in ("log_words", "terminal", "rule", "sentence_like"):
            values = self._series[name]
            rows[:, _C[f"prev_{name}"]] = shifted(values, 1, start=start, stop=stop)
            rows[:, _C[f"next_{name}"]] = shifted(values, -1, start=start, stop=stop)
        rows[:, _C["blank_before"]] = columns.blank_before[start:stop]
        rows[:, _C["blank_after"]] = columns.blank_after[start:stop]
        matrix, running = self._windowed
        for w in WINDOWS:
            means = window_mean(matrix, w, running=running, start=start, stop=stop)
            for j, column in enumerate(self._windowed_columns):
                rows[:, _C[column.format(w)]] = means[:, j]
        above, below = _distances(columns.sentence_like, start, stop)
        rows[:, _C["log_distance_sentence_above"]] = np.log1p(above)
        rows[:, _C["log_distance_sentence_below"]] = np.log1p(below)
        index = np.arange(start, stop)
        if self._sentences is not None:
            first, last = self._sentences
            rows[:, _C["before_first_sentence"]] = index < first
            rows[:, _C["after_last_sentence"]] = index > last
        begin, end = self._main_block
        if end > begin:
            rows[:, _C["in_main_block"]] = (index >= begin) & (index < end)
            gap = np.maximum(begin - index, index - (end - 1)).clip(0, MAX_DISTANCE)
            rows[:, _C["log_distance_main_block"]] = np.log1p(gap)
            rows[:, _C["main_block_position"]] = ((index - begin) / max(end - 1 - begin, 1)).clip(
                -1.0, 2.0
            )
        else:
            rows[:, _C["log_distance_main_block"]] = math.log1p(MAX_DISTANCE)
        rows[:, _C["doc_log_lines"]] = math.log1p(n)
        rows[:, _C["doc_sentence_share"]] = self._sentence_share

    def _markers(self, rows: np.ndarray, start: int, stop: int) -> None:
        for code, category in enumerate(MARKER_CATEGORIES, start=1):
            above, below = _distances(self._columns.markers == code, start, stop)
            rows[:, _C[f"log_distance_{category}_above"]] = np.log1p(above)
            rows[:, _C[f"log_distance_{category}_below"]] = np.log1p(below)

    def _hint_columns(self, rows: np.ndarray, start: int, stop: int) -> None:
        hints = self._series["hints"]
        self._around(rows, start, stop, "hints", ("hint", "prev_hint", "next_hint", "hint_share"))
        rows[:, _C["doc_hint_share"]] = self._hint_share
        index = np.arange(start, stop)
        if self._hinted is not None:
            first, last = self._hinted
            rows[:, _C["before_first_hint"]] = index < first
            rows[:, _C["after_last_hint"]] = index > last
        above, below = _distances(hints, start, stop)
        rows[:, _C["log_distance_hint"]] = np.log1p(np.minimum(above, below))
        if "links" in self._series:
            names = ("link_share", "prev_link_share", "next_link_share", "link_share")
            self._around(rows, start, stop, "links", names)

    def _around(
        self, rows: np.ndarray, start: int, stop: int, series: str, names: tuple[str, ...]
    ) -> None:
        """A series' own, previous, next and window-mean columns: ``names`` gives the first
        three columns and the window columns' stem (``window{w}_<stem>``)."""
        values = self._series[series]
        own, before, after, stem = names
        rows[:, _C[own]] = values[start:stop]
        rows[:, _C[before]] = shifted(values, 1, start=start, stop=stop)
        rows[:, _C[after]] = shifted(values, -1, start=start, stop=stop)
        for w in WINDOWS:
            rows[:, _C[f"window{w}_{stem}"]] = self._window_mean(series, start, stop, w)

    def _window_mean(self, name: str, start: int, stop: int, half: int) -> np.ndarray:
        running = self._running[name]
        return window_mean(self._series[name], half, running=running, start=start, stop=stop)


def _distances(mask: np.ndarray, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
    """``sequences.distance_to(mask)`` for lines ``start`` to ``stop``: distances are capped at
    ``MAX_DISTANCE``, so that many lines either side decide them."""
    low, high = max(start - MAX_DISTANCE, 0), min(stop + MAX_DISTANCE, len(mask))
    above, below = distance_to(mask[low:high])
    return above[start - low : stop - low], below[start - low : stop - low]
