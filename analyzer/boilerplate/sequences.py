"""Array helpers over a document's sequence of lines: neighbourhood means, distances, best runs.

Shared by the feature rows (``analyzer.boilerplate.rows``) and the classifier's fallback
(``analyzer.boilerplate.classify``); all work on numpy vectors with one value per non-blank line.
The neighbourhood helpers can give the rows ``start`` to ``stop`` of their result alone, with
exactly the values the whole result has there, so a page's rows can be built a block at a time.
"""

from __future__ import annotations

import numpy as np

#: Capped distances (in non-blank lines) so far-away structure saturates.
MAX_DISTANCE = 40


def running_sum(values: np.ndarray) -> np.ndarray:
    """Sums of ``values[:i]`` for i = 0..n (a leading zero row), added in order: the sum over any
    window is then the difference of two entries. Columns of a matrix are summed on their own."""
    zero = np.zeros((1, *values.shape[1:]))
    return np.concatenate((zero, np.cumsum(values, axis=0, dtype=np.float64)))


def window_mean(
    values: np.ndarray,
    half: int,
    *,
    running: np.ndarray | None = None,
    start: int = 0,
    stop: int | None = None,
) -> np.ndarray:
    """Mean of ``values`` over ``[i - half, i + half]`` (clipped at the ends), excluding ``i``,
    for the lines ``start`` to ``stop`` (all by default).

    ``values`` may be a matrix: each column is averaged on its own (one pass for several series).
    ``running`` is ``running_sum(values)``, given to compute it once for many blocks.
    """
    n = len(values)
    stop = n if stop is None else stop
    running = running_sum(values) if running is None else running
    index = np.arange(start, stop)
    low = np.maximum(index - half, 0)
    high = np.minimum(index + half + 1, n)
    total = running[high] - running[low] - values[start:stop]
    size = (high - low - 1).reshape(-1, *([1] * (values.ndim - 1)))
    return np.divide(total, size, out=np.zeros(total.shape), where=size > 0)


def shifted(
    values: np.ndarray, step: int, *, start: int = 0, stop: int | None = None
) -> np.ndarray:
    """``values`` moved by ``step`` places (``+1``: the previous line's value), zero-filled, for
    the lines ``start`` to ``stop`` (all by default); float64."""
    stop = len(values) if stop is None else stop
    out = np.zeros(stop - start)
    low, high = max(start - step, 0), min(stop - step, len(values))
    if high > low:
        out[low - start + step : high - start + step] = values[low:high]
    return out


def distance_to(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lines to the nearest ``True`` at or above / at or below each line (capped)."""
    n = len(mask)
    index = np.arange(n)
    flags = np.asarray(mask, dtype=bool)
    # Running last/next True index (none yet: far enough away to hit the cap).
    last = np.maximum.accumulate(np.where(flags, index, -MAX_DISTANCE))
    following = np.minimum.accumulate(np.where(flags, index, n + MAX_DISTANCE)[::-1])[::-1]
    above = np.minimum(index - last, MAX_DISTANCE).astype(np.float64)
    below = np.minimum(following - index, MAX_DISTANCE).astype(np.float64)
    return above, below


def main_block(words: np.ndarray, sentence_like: np.ndarray) -> tuple[int, int]:
    """The run of lines with the most prose: maximum-sum segment of +words (prose) / -words (other).

    This is the body-text-extraction idea of Finn et al. (2001) on lines instead of tags.
    """
    return best_segment(np.where(sentence_like, words, -np.minimum(words, 12.0) - 1.0))


def best_segment(scores: np.ndarray) -> tuple[int, int]:
    """``(start, end)`` of the maximum-sum run of ``scores`` (Kadane); ``(0, 0)`` if none is positive."""
    best, best_start, best_end = 0.0, 0, 0
    running, start = 0.0, 0
    for i, score in enumerate(scores.tolist()):
        if running <= 0:
            running, start = 0.0, i
        running += score
        if running > best:
            best, best_start, best_end = running, start, i + 1
    return best_start, best_end
