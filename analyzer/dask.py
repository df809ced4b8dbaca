"""Score a collection on a Dask cluster: the same rows, in the same order, as a run on one machine.

Two ways in:

* :func:`score` (and ``framescope score --dask ADDRESS``): the inputs are read here, as in any
  run (so a file reached twice, or a broken record, is reported as it always is), cut into
  partitions of articles and scored on the cluster's workers; each partition's rows come back
  and are written, in input order, by the same streaming writers as a local run
  (:mod:`analyzer.streaming`). The resume journal works as it does locally.
* :func:`score_bag`: for records already on the cluster (``dask.bag.read_text(...)`` of JSON
  Lines on shared storage), a ``map_partitions`` that turns each partition of records into
  article rows, to be written per partition (``.to_dataframe().to_parquet(folder)``).

Dask is imported only here, and only when called: ``import analyzer`` and local runs do not pay
for it. Which cluster is a matter of the scheduler's address; see the README ("Scoring on a
cluster") for dask-jobqueue and Kubernetes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from analyzer.collection import Source, _articles
from analyzer.config import DEFAULT_CONFIG, Config
from analyzer.document import Article
from analyzer.errors import InputError, InputWarning
from analyzer.io.records import meta_from_row
from analyzer.scorecard import article_columns
from analyzer.streaming import StreamedRun, stream_to_files
from analyzer.workers import (
    ArticleTables,
    Done,
    Item,
    _batches,
    _merge,
    _score_one,
    _settle,
)

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client

#: Articles per task: ~1-2 s of work on a worker, long enough that the scheduler's overhead
#: (~1 ms a task) is nothing, short enough that the work spreads evenly over the workers.
DEFAULT_PARTITION_SIZE = 128
#: Partitions in flight per worker thread: the workers never wait, memory stays bounded.
PARTITIONS_PER_THREAD = 2


def connect(scheduler: str | Client | None) -> Client:
    """A client of the cluster at ``scheduler`` (``tcp://host:8786``), or of a new local one."""
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler
    return Client(scheduler) if scheduler else Client(processes=True)


def iter_tables_on_cluster(
    sources: Iterable[Source],
    config: Config = DEFAULT_CONFIG,
    *,
    client: Client,
    outlet: str | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    done: Done | None = None,
) -> Iterator[ArticleTables | InputError]:
    """:func:`analyzer.collection.iter_tables`, with the analysis done on ``client``'s cluster.

    Yields each input's rows (or its error) in input order, whatever order the partitions
    finish in. ``done`` holds articles an interrupted run already scored (see
    :mod:`analyzer.journal`); they are not sent to the cluster.
    """
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    read = _articles(sources, config, outlet, on_warning)
    items: Iterator[Item] = _settle(read, done) if done else iter(read)
    # The configuration (story pack included) goes to every worker once, not with each task.
    [shared_config] = client.scatter([config], broadcast=True)
    threads = sum(client.nthreads().values()) or 1
    pending: deque[tuple[list[Item], Any]] = deque()
    first = list(islice(items, partition_size))
    try:
        for partition in _batches(first, items, partition_size):
            articles = [item for item in partition if isinstance(item, Article)]
            future = client.submit(_score_partition, articles, shared_config, pure=False)
            pending.append((partition, future))
            while len(pending) >= threads * PARTITIONS_PER_THREAD:
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())
    finally:
        for _, future in pending:  # stopped early: the cluster need not finish the queue
            future.cancel()


def score(
    sources: Iterable[Source],
    outputs: Mapping[str, str | Path],
    config: Config = DEFAULT_CONFIG,
    *,
    scheduler: str | Client | None = None,
    outlet: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    stdout: TextIO | None = None,
    on_item: Callable[[ArticleTables | InputError], None] | None = None,
) -> StreamedRun:
    """Score ``sources`` on a Dask cluster into ``outputs`` (table name -> path).

    ``outputs`` names tables of :data:`analyzer.streaming.TABLES` (``articles``, ``outlets``,
    ``labels``, ``sources``, ``actor_sentiment``); a ``.parquet`` path writes Parquet.
    ``scheduler`` is the cluster's address, a :class:`distributed.Client`, or None for a
    cluster of local processes. The files are the same as a local run's.
    """
    client = connect(scheduler)
    warnings: list[str] = []
    try:
        items = iter_tables_on_cluster(
            sources,
            config,
            client=client,
            outlet=outlet,
            on_warning=lambda warning: warnings.append(str(warning)),
            partition_size=partition_size,
        )
        return stream_to_files(
            items, outputs, config, stdout=stdout, on_item=on_item, warnings=lambda: warnings
        )
    finally:
        if client is not scheduler:
            client.close()


def score_bag(records: dask.bag.Bag, config: Config = DEFAULT_CONFIG) -> dask.bag.Bag:
    """Per-article scorecard rows of a bag of records (dicts with ``text`` and, optionally,
    ``file``, ``outlet``, ``title``, ``url``, ``published``), partition by partition.

    A record that cannot be scored gives a row with its error in ``error`` and no scores, so
    the rows stay one per record. ``config`` is sent with every partition.
    """
    return records.map_partitions(_score_records, config)


def _score_partition(articles: list[Article], config: Config) -> list[ArticleTables | InputError]:
    # keep_analysis=False: a full analysis pickles to ~1 MB an article, its rows to ~2 kB.
    return [_score_one(article, config, False) for article in articles]


def _score_records(records: Iterable[Mapping[str, Any]], config: Config) -> list[dict[str, Any]]:
    rows = []
    for number, record in enumerate(records, start=1):
        cells = {str(key).lower(): "" if value is None else str(value)
                 for key, value in record.items()}  # fmt: skip
        meta = meta_from_row(cells, file=cells.get("file") or f"record {number}", outlet=None)
        failed = dict.fromkeys(article_columns()) | {"file": meta.file, "outlet": meta.outlet}
        text = cells.get("text", "")
        if not text.strip():
            rows.append(failed | {"error": "empty 'text' cell"})
            continue
        scored = _score_one(Article(text, meta), config, False)
        if isinstance(scored, InputError):
            rows.append(failed | {"error": scored.problem})
        else:
            rows.append({**scored.row, "error": None})
    return rows
