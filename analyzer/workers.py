"""Score articles in this process or in worker processes, with the same results in the same order.

The readers run in the calling process (they notice files reached twice, and their errors keep
their place in the stream); only the analysis, which is nearly all of the cost, goes to the
workers, in batches. A worker sends back each article's share of the collection tables
(:class:`ArticleTables`), not its :class:`~analyzer.analysis.Analysis`: the full analysis of a
3 kB article pickles to about 1 MB, its rows to about 2 kB. The results are yielded in input
order, whatever order the workers finish in, so ``jobs=2`` writes the same files as ``jobs=1``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol

from analyzer.analysis import Analysis, analyze
from analyzer.config import Config
from analyzer.coverage import CoverageCounts, count_coverage
from analyzer.document import Article
from analyzer.errors import InputError
from analyzer.scorecard import article_row
from analyzer.tables import actor_sentiment_rows, label_rows, source_rows
from analyzer.words import transient_words

#: Articles per task sent to a worker: at ~140 articles/s a batch is ~0.2 s of work, long enough
#: that pickling and queueing cost little, short enough that Ctrl-C and the last batch wait little.
DEFAULT_BATCH_SIZE = 32
#: Batches queued per worker: enough that a worker never waits for the reader, few enough that
#: memory stays bounded however long the collection is.
BATCHES_PER_WORKER = 3
#: Analysed in each new worker before its first batch, so every model and lexicon is loaded once.
_WARM_UP_TEXT = 'The minister said on Monday that "the plan is working", critics disagreed.'


@dataclass(frozen=True)
class ArticleTables:
    """One article's share of every collection table.

    Attributes
    ----------
    row : dict
        Its per-article scorecard row.
    labels, sources, actor_sentiment : list of dict
        Its rows of the label, source and actor-sentiment tables.
    coverage : CoverageCounts
        Its actor labels and story-pack actors, for the collection's warnings.
    analysis : Analysis or None
        The full analysis, when it was asked for (``keep_analyses=True``).
    """

    row: dict[str, Any]
    labels: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    actor_sentiment: list[dict[str, Any]]
    coverage: CoverageCounts
    analysis: Analysis | None = None


#: What the readers yield, or the rows of an article scored before (``done``).
Item = Article | InputError | ArticleTables


class Done(Protocol):
    """Articles an interrupted run scored, by (place among the inputs, path): a dict, or the
    resume journal read back in step with the inputs (:class:`analyzer.journal.Replay`)."""

    def get(self, key: tuple[int, str | None], /) -> ArticleTables | None: ...

    def __len__(self) -> int: ...


def tabulate(analysis: Analysis, config: Config, *, keep_analysis: bool) -> ArticleTables:
    """The rows one analysed article adds to the collection tables."""
    return ArticleTables(
        row=article_row(analysis),
        labels=label_rows(analysis),
        sources=source_rows(analysis, config),
        actor_sentiment=actor_sentiment_rows(analysis, config),
        coverage=count_coverage(analysis, config.story_pack),
        analysis=analysis if keep_analysis else None,
    )


def default_jobs() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity mask)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on macOS or Windows
        return max(1, os.cpu_count() or 1)


def score_items(
    items: Iterable[Article | InputError],
    config: Config,
    *,
    jobs: int = 1,
    keep_analyses: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    done: Done | None = None,
) -> Iterator[ArticleTables | InputError]:
    """Yield, in input order, the tables of each article or an error; one failure never stops
    the batch.

    ``jobs`` above 1 analyses in that many worker processes, each loading the models once. The
    workers start only when the input holds more than one batch; a smaller input is scored here.
    ``done`` holds articles already scored (by an interrupted run), by their place among the
    items and their path: those are given back as they are, not analysed again.
    """
    if jobs < 1 or batch_size < 1:
        raise ValueError("jobs and batch_size must be at least 1")
    iterator = iter(items) if not done else _settle(items, done)
    first = list(islice(iterator, batch_size))
    if jobs == 1 or len(first) < batch_size:
        for item in first:
            yield _score_one(item, config, keep_analyses)
        for item in iterator:
            yield _score_one(item, config, keep_analyses)
        return
    yield from _score_in_workers(_batches(first, iterator, batch_size), config, jobs, keep_analyses)


def _settle(
    items: Iterable[Article | InputError], done: Done
) -> Iterator[Article | InputError | ArticleTables]:
    for place, item in enumerate(items):
        found = done.get((place, item.meta.file)) if isinstance(item, Article) else None
        yield item if found is None else found


def _score_one(
    item: Article | InputError | ArticleTables, config: Config, keep_analysis: bool
) -> ArticleTables | InputError:
    if not isinstance(item, Article):
        return item
    try:
        if keep_analysis:
            return tabulate(analyze(item, config), config, keep_analysis=True)
        with transient_words():  # rows hold plain values: the article's new words can go
            return tabulate(analyze(item, config), config, keep_analysis=False)
    except Exception as error:
        return InputError(
            item.meta.file or "<text>",
            f"internal error while analysing ({error.__class__.__name__}: {error})",
        )


def _batches(first: list[Item], rest: Iterator[Item], size: int) -> Iterator[list[Item]]:
    yield first
    while batch := list(islice(rest, size)):
        yield batch


def _score_in_workers(
    batches: Iterator[list[Item]], config: Config, jobs: int, keep: bool
) -> Iterator[ArticleTables | InputError]:
    # forkserver (or spawn): a worker never inherits the reader's open files or threads, which
    # fork would copy mid-state. The server imports the package once; each worker forked from it
    # then only loads the models, in _start_worker.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["analyzer.workers"])
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(config,)
    )
    pending: deque[tuple[list[Item], Future[list[ArticleTables | InputError]]]]
    pending = deque()
    finished = False
    try:
        for batch in batches:
            articles = [item for item in batch if isinstance(item, Article)]
            pending.append((batch, pool.submit(_score_batch, articles, keep)))
            while len(pending) >= jobs * BATCHES_PER_WORKER:
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:  # Ctrl-C, or the caller stopped reading: stop the workers, do not finish the queue
            _stop_workers(pool)


def _merge(
    batch: list[Item], future: Future[list[ArticleTables | InputError]]
) -> Iterator[ArticleTables | InputError]:
    """The batch's reader errors and earlier rows in their places, its results between them."""
    results = iter(future.result())
    for item in batch:
        yield next(results) if isinstance(item, Article) else item


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now, mid-batch, and reap them (no zombie outlives the run)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    # Before 3.14 the executor offers no way to end a worker in the middle of a batch; its
    # process table is private, and emptied by shutdown(), so it is read first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


#: The run's configuration inside a worker process, set once by _start_worker. Module state, but
#: only in worker processes, each of which serves one run.
_worker_config: Config | None = None


def _start_worker(config: Config) -> None:
    global _worker_config
    # Ctrl-C reaches the whole process group; the parent alone handles it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_config = config
    analyze(_WARM_UP_TEXT, config)


def _score_batch(articles: list[Article], keep: bool) -> list[ArticleTables | InputError]:
    if _worker_config is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker started without its configuration")
    return [_score_one(article, _worker_config, keep) for article in articles]
