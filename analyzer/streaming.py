"""Score a collection straight into its output files, in memory that does not grow with it.

Per-article tables (the scorecard, sources, actor sentiment) are written row by row as the
articles are scored; the outlet and label tables are summed up as they go
(:mod:`analyzer.aggregates`) and written at the end. Every file is written under a hidden
partial name and renamed into place once the run is complete. A table is described once in
:data:`TABLES`: a new per-article table, or a new column of one, needs no other change here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TextIO

import pandas as pd

from analyzer.aggregates import CountAggregate, OutletAggregate
from analyzer.config import Config
from analyzer.coverage import ActorCoverage
from analyzer.credibility.table import CREDIBILITY_COLUMNS, credibility_frame
from analyzer.errors import InputError, OutputError
from analyzer.io.outputs import is_stdout
from analyzer.io.row_writers import RowWriter, StreamRowWriter, row_writer
from analyzer.io.writers import write_csv_to_stream
from analyzer.scorecard import (
    ACTOR_SENTIMENT_COLUMNS,
    LABEL_COLUMNS,
    SOURCE_COLUMNS,
    article_columns,
    outlet_columns,
)
from analyzer.workers import ArticleTables


class Aggregate(Protocol):
    def add(self, rows: Iterable[Mapping[str, Any]]) -> None: ...

    def frame(self) -> pd.DataFrame: ...


@dataclass(frozen=True)
class TableSpec:
    """How one output table is made from each article's :class:`ArticleTables`.

    ``aggregate`` is None for a table of per-article rows, written as they come; else it makes
    the running summary whose frame is written at the end.
    """

    columns: Callable[[], Sequence[str]]
    rows: Callable[[ArticleTables], Iterable[Mapping[str, Any]]]
    aggregate: Callable[[], Aggregate] | None = None


class CredibilityAggregate(OutletAggregate):
    """``credibility.csv``: the outlet table cut to its indicator columns, so the two agree."""

    def frame(self) -> pd.DataFrame:
        return credibility_frame(super().frame())


#: The tables of ``framescope score``, by name (the CLI's -o, --by-outlet, ... map onto these).
TABLES: dict[str, TableSpec] = {
    "articles": TableSpec(article_columns, lambda item: [item.row]),
    "outlets": TableSpec(outlet_columns, lambda item: [item.row], OutletAggregate),
    "labels": TableSpec(
        lambda: LABEL_COLUMNS, lambda item: item.labels, lambda: CountAggregate(LABEL_COLUMNS)
    ),
    "sources": TableSpec(lambda: SOURCE_COLUMNS, lambda item: item.sources),
    "actor_sentiment": TableSpec(
        lambda: ACTOR_SENTIMENT_COLUMNS, lambda item: item.actor_sentiment
    ),
    "credibility": TableSpec(
        lambda: CREDIBILITY_COLUMNS, lambda item: [item.row], CredibilityAggregate
    ),
}


@dataclass
class StreamedRun:
    """What a streamed run did: rows written per output, errors, warnings, unwritten outputs."""

    articles: int = 0
    written: list[tuple[str | Path, int]] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unwritten: list[OutputError] = field(default_factory=list)


class TableSink:
    """The open outputs of one run: rows go in as each article is scored."""

    def __init__(
        self, outputs: Mapping[str, str | Path], config: Config, stdout: TextIO | None = None
    ) -> None:
        self.result = StreamedRun()
        self._coverage = ActorCoverage(config.story_pack)
        self._writers: dict[str, RowWriter] = {}
        self._aggregates: dict[str, Aggregate] = {}
        self._paths = dict(outputs)
        self._stdout = stdout
        for name, path in outputs.items():
            spec = TABLES[name]
            if spec.aggregate is not None:
                self._aggregates[name] = spec.aggregate()
                continue
            try:
                self._writers[name] = (
                    StreamRowWriter(stdout, spec.columns())
                    if is_stdout(path) and stdout is not None
                    else row_writer(path, spec.columns())
                )
            except OutputError as error:  # one line; the other outputs are still written
                self.result.unwritten.append(error)

    def add(self, item: ArticleTables | InputError) -> None:
        if isinstance(item, InputError):
            self.result.errors.append(item)
            return
        self.result.articles += 1
        self._coverage.add_counts(item.coverage)
        for name, writer in list(self._writers.items()):
            try:
                writer.write(TABLES[name].rows(item))
            except OutputError as error:  # a full disk: this output is given up, not the run
                writer.discard()
                del self._writers[name]
                self.result.unwritten.append(error)
        for name, aggregate in self._aggregates.items():
            aggregate.add(TABLES[name].rows(item))

    def finish(self, warnings: Iterable[str] = ()) -> StreamedRun:
        """Put every output in place, in the order the outputs were given."""
        result = self.result
        for name, path in self._paths.items():
            try:
                if name in self._writers:
                    self._writers[name].commit()
                    rows = self._writers[name].rows
                elif name in self._aggregates:
                    rows = self._write_frame(path, self._aggregates[name].frame())
                else:
                    continue  # could not be opened: already reported
            except OutputError as error:
                result.unwritten.append(error)
                continue
            if not is_stdout(path):
                result.written.append((path, rows))
        result.warnings = [*warnings, *self._coverage.warnings()]
        return result

    def discard(self) -> None:
        """An interrupted run: every target is left as it was."""
        for writer in self._writers.values():
            writer.discard()

    def _write_frame(self, path: str | Path, frame: pd.DataFrame) -> int:
        if is_stdout(path) and self._stdout is not None:
            write_csv_to_stream(frame, self._stdout)
            return len(frame)
        writer = row_writer(path, list(frame.columns))
        try:
            writer.write_frame(frame)
        except BaseException:
            writer.discard()
            raise
        writer.commit()
        return len(frame)


def stream_to_files(
    items: Iterable[ArticleTables | InputError],
    outputs: Mapping[str, str | Path],
    config: Config,
    *,
    stdout: TextIO | None = None,
    on_item: Callable[[ArticleTables | InputError], None] | None = None,
    warnings: Callable[[], Iterable[str]] = list,
) -> StreamedRun:
    """Write ``items`` (from :func:`analyzer.collection.iter_tables`) to ``outputs``.

    ``outputs`` maps table names of :data:`TABLES` to paths (``-``: ``stdout``). ``on_item``
    sees each item first. ``warnings`` gives the readers' warnings once every item is read.
    Interrupted (Ctrl-C, an error), no target is touched.
    """
    sink = TableSink(outputs, config, stdout)
    finished = False
    try:
        for item in items:
            if on_item is not None:
                on_item(item)
            sink.add(item)
        finished = True
    finally:
        if not finished:
            sink.discard()
    return sink.finish(warnings())
