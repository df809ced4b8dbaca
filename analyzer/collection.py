"""Analyse a whole collection: every article, with the bad ones reported rather than fatal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analyzer.analysis import Analysis, analyze
from analyzer.config import DEFAULT_CONFIG, Config
from analyzer.coverage import ActorCoverage
from analyzer.document import Article
from analyzer.errors import InputError, InputWarning
from analyzer.io.readers import InputReader
from analyzer.scorecard import (
    ACTOR_SENTIMENT_COLUMNS,
    LABEL_COLUMNS,
    SOURCE_COLUMNS,
    article_frame,
    outlet_frame,
)
from analyzer.workers import DEFAULT_BATCH_SIZE, ArticleTables, Done, score_items

Source = str | Path | Article


@dataclass
class CollectionResult:
    """Everything the scorecards, the explain view and the dashboard show for a collection.

    Attributes
    ----------
    articles, outlets : DataFrame
        The per-article and per-outlet scorecards.
    labels : DataFrame
        Actor x term x tier x voice counts per outlet ("who is called what").
    sources : DataFrame
        Whose voices are heard: one row per speaker per article.
    actor_sentiment : DataFrame
        Mean VADER compound of the sentences naming each actor, per article.
    analyses : list of Analysis
        The full results (spans, documents), in input order; empty with ``keep_analyses=False``.
    errors : list of InputError
        One per input that could not be read or analysed.
    warnings : list of str
        About the inputs (an article listed twice, scored once) and the collection as a whole
        (a story pack for another story, many unresolved labels).
    """

    articles: pd.DataFrame
    outlets: pd.DataFrame
    labels: pd.DataFrame
    sources: pd.DataFrame
    actor_sentiment: pd.DataFrame
    analyses: list[Analysis] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def iter_analyses(
    sources: Iterable[Source],
    config: Config = DEFAULT_CONFIG,
    *,
    outlet: str | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
) -> Iterator[Analysis | InputError]:
    """Yield an analysis or an error per input; one failure never stops the batch.

    A file reached twice is analysed once; ``on_warning`` hears of the second time.
    """
    for item in _articles(sources, config, outlet, on_warning):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield analyze(item, config)
        except Exception as error:
            yield InputError(
                item.meta.file or "<text>",
                f"internal error while analysing ({error.__class__.__name__}: {error})",
            )


def iter_tables(
    sources: Iterable[Source],
    config: Config = DEFAULT_CONFIG,
    *,
    outlet: str | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
    jobs: int = 1,
    keep_analyses: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    done: Done | None = None,
) -> Iterator[ArticleTables | InputError]:
    """Yield each input's table rows (or its error) in input order, as they are produced.

    The streaming form of :func:`analyze_collection`: memory stays bounded however many
    articles there are. ``jobs`` above 1 analyses in that many worker processes (see
    :func:`analyzer.workers.score_items`); the rows and their order are the same for any
    ``jobs``. ``keep_analyses`` also sends each full :class:`Analysis` back (slow with workers).
    """
    yield from score_items(
        _articles(sources, config, outlet, on_warning),
        config,
        jobs=jobs,
        keep_analyses=keep_analyses,
        batch_size=batch_size,
        done=done,
    )


def analyze_collection(
    sources: Iterable[Source],
    config: Config = DEFAULT_CONFIG,
    *,
    outlet: str | None = None,
    keep_analyses: bool = True,
    on_item: Callable[[ArticleTables | InputError], None] | None = None,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    done: Done | None = None,
) -> CollectionResult:
    """Analyse files, folders, manifests or :class:`Article` objects into DataFrames.

    ``on_item`` is called with each result as it is produced (the CLI reports errors as they
    occur). ``jobs`` above 1 analyses in worker processes, with the same result.
    """
    analyses: list[Analysis] = []
    errors: list[InputError] = []
    warnings: list[str] = []
    article_rows, labels, speakers, actor_moods = [], [], [], []
    coverage = ActorCoverage(config.story_pack)

    def note(warning: InputWarning) -> None:
        warnings.append(str(warning))

    for item in iter_tables(
        sources,
        config,
        outlet=outlet,
        on_warning=note,
        jobs=jobs,
        keep_analyses=keep_analyses,
        batch_size=batch_size,
        done=done,
    ):
        if on_item is not None:
            on_item(item)
        if isinstance(item, InputError):
            errors.append(item)
            continue
        article_rows.append(item.row)
        labels.extend(item.labels)
        speakers.extend(item.sources)
        actor_moods.extend(item.actor_sentiment)
        coverage.add_counts(item.coverage)
        if item.analysis is not None:
            analyses.append(item.analysis)
    articles = article_frame(article_rows)
    return CollectionResult(
        articles=articles,
        outlets=outlet_frame(articles),
        labels=_label_frame(labels),
        sources=pd.DataFrame(speakers, columns=list(SOURCE_COLUMNS)),
        actor_sentiment=pd.DataFrame(actor_moods, columns=list(ACTOR_SENTIMENT_COLUMNS)),
        analyses=analyses,
        errors=errors,
        warnings=warnings + coverage.warnings(),
    )


def _articles(
    sources: Iterable[Source],
    config: Config,
    outlet: str | None,
    on_warning: Callable[[InputWarning], None] | None,
) -> Iterator[Article | InputError]:
    # One reader for every path, so a file named twice, or inside a folder also named, is
    # noticed and read once.
    reader = InputReader(outlet=outlet, max_bytes=config.max_input_bytes, on_warning=on_warning)
    for source in sources:
        if isinstance(source, Article):
            yield source
        else:
            yield from reader.read(source)


def _label_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Sum the per-article label counts into outlet x actor x term x tier x voice."""
    if not rows:
        return pd.DataFrame(columns=list(LABEL_COLUMNS))
    frame = pd.DataFrame(rows)
    keys = list(LABEL_COLUMNS[:-1])
    summed = frame.groupby(keys, sort=True, dropna=False)["count"].sum().reset_index()
    return summed[list(LABEL_COLUMNS)]
