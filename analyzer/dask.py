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
cluster") for dask-jobqueue and Kubernetes, and for :data:`CLUSTER_SETTINGS`, with which a
cluster scores faster and in flat memory (the clusters started here, :func:`local_cluster`, have
them).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack
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
    default_jobs,
)

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client, LocalCluster

#: Articles per task: ~1-2 s of work on a worker, long enough that the scheduler's overhead
#: (~1 ms a task) is nothing, short enough that the work spreads evenly over the workers.
DEFAULT_PARTITION_SIZE = 128
#: Partitions in flight per worker thread: the workers never wait, memory stays bounded.
PARTITIONS_PER_THREAD = 2
#: Messages of each connection that Dask keeps for debugging (its default: 1,000). A message to
#: the scheduler, and one from it to a worker, holds a whole partition of articles: with the
#: default, the client and the scheduler grew by ~14 kB an article scored.
MESSAGE_LOG_LENGTH = 10
#: Dask settings (``dask.config`` keys) for a cluster that scores articles; :func:`local_cluster`
#: applies them, the README gives them as environment variables for ``dask scheduler`` and ``dask
#: worker``. None changes a row. Two Dask defaults each cost a worker ~5% more CPU an article
#: (measured side by side on one LocalCluster): the statistical profiler, which samples the
#: running task every 10 ms and keeps the last 1,000 s of samples (the worker also grew ~40 kB an
#: article), and the nanny's ``MALLOC_TRIM_THRESHOLD_``, with which glibc hands memory back after
#: every parse and faults it in again (~700 page faults an article instead of ~40).
CLUSTER_SETTINGS: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # None: left unset
    "distributed.admin.low-level-log-length": MESSAGE_LOG_LENGTH,
}


def connect(scheduler: str | Client | LocalCluster) -> Client:
    """A client of the cluster at ``scheduler`` (``tcp://host:8786``, or a cluster object) that
    keeps the last :data:`MESSAGE_LOG_LENGTH` messages it sent, not 1,000 partitions."""
    import dask.config
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler
    with dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG_LENGTH}):
        return Client(scheduler)


def local_cluster(n_workers: int | None = None, **options: Any) -> LocalCluster:
    """A cluster of ``n_workers`` local worker processes (default: one per core), one thread
    each (the analysis holds the GIL), with :data:`CLUSTER_SETTINGS`. ``options`` go to
    :class:`distributed.LocalCluster` (``dashboard_address=None``, ``memory_limit``)."""
    import dask.config
    from distributed import LocalCluster

    # The scheduler and the nannies read the settings as they start, and the nannies keep them
    # for the worker processes they start and restart: they need not outlive this call.
    with dask.config.set(CLUSTER_SETTINGS):
        return LocalCluster(
            n_workers=n_workers or default_jobs(), threads_per_worker=1, processes=True, **options
        )


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
    scheduler: str | Client | LocalCluster | None = None,
    outlet: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    stdout: TextIO | None = None,
    on_item: Callable[[ArticleTables | InputError], None] | None = None,
) -> StreamedRun:
    """Score ``sources`` on a Dask cluster into ``outputs`` (table name -> path).

    ``outputs`` names tables of :data:`analyzer.streaming.TABLES` (``articles``, ``outlets``,
    ``labels``, ``sources``, ``actor_sentiment``); a ``.parquet`` path writes Parquet.
    ``scheduler`` is the cluster's address, a :class:`distributed.Client` or cluster object, or
    None for a :func:`local_cluster` started for this call. The files are the same as a local
    run's.
    """
    warnings: list[str] = []
    with ExitStack() as stack:  # closes what was opened here, the client before the cluster
        if scheduler is None:
            scheduler = stack.enter_context(local_cluster(dashboard_address=None))
        client = connect(scheduler)
        if client is not scheduler:
            stack.callback(client.close)
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
