"""``framescope score``: every input scored, straight into the output files.

The inputs are analysed here, in worker processes (``--jobs``) or on a Dask cluster
(``--dask``); the tables are streamed to their files (:mod:`analyzer.streaming`), and every
article scored is journalled for ``--resume`` (:mod:`analyzer.journal`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from analyzer.collection import iter_tables
from analyzer.command_files import (
    PROG,
    command_outputs,
    expected_articles,
    item_reporter,
    score_outputs,
    summarise,
)
from analyzer.config import Config
from analyzer.errors import FramescopeError, InputError
from analyzer.io.outputs import is_stdout
from analyzer.journal import Journal, JournalError, journal_path, run_settings
from analyzer.progress import progress_for
from analyzer.streaming import StreamedRun, stream_to_files
from analyzer.workers import ArticleTables, default_jobs


def score_command(args: argparse.Namespace, config: Config, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``framescope score``; the exit code (see :mod:`analyzer.cli`)."""
    try:
        journal = _open_journal(args, config)
    except JournalError as error:
        stderr.write(f"{PROG}: error: {error}\n")
        return 2
    if journal is not None and journal.done and not args.quiet:
        stderr.write(f"{PROG}: note: resuming: {len(journal.done):,} articles already scored\n")
    total = None if args.quiet else expected_articles(args.paths, args.max_bytes)
    progress = progress_for(stderr, quiet=args.quiet, total=total)
    warnings: list[str] = []
    try:
        items, client = _score_items(args, config, journal, warnings.append)
    except FramescopeError as error:
        stderr.write(f"{PROG}: error: {error}\n")
        if journal is not None:
            journal.close(remove=False)
        return 2
    finished = False
    try:
        try:
            run = stream_to_files(
                items,
                score_outputs(args),
                config,
                stdout=stdout,
                on_item=item_reporter(stderr, progress, journal),
                warnings=lambda: warnings,
            )
        finally:
            progress.close()  # before the "wrote" lines and the summary
        code = _report_score(args, run, stdout, stderr)
        finished = code != 2
    finally:
        if journal is not None:  # kept for --resume unless every output was written
            journal.close(remove=finished)
        if client is not None:
            client.close()
    return code


def _score_items(
    args: argparse.Namespace,
    config: Config,
    journal: Journal | None,
    warn: Callable[[str], None],
) -> tuple[Iterator[ArticleTables | InputError], Any]:
    """The scored inputs, from worker processes here or from a Dask cluster (and its client)."""
    done = journal.done if journal is not None else None
    if not args.dask:
        items = iter_tables(
            args.paths,
            config,
            outlet=args.outlet,
            on_warning=lambda warning: warn(str(warning)),
            jobs=args.jobs or default_jobs(),
            batch_size=args.batch_size,
            done=done,
        )
        return items, None
    from analyzer.dask import connect, iter_tables_on_cluster  # imports dask: only when asked

    try:
        client = connect(args.dask)
    except (OSError, ValueError) as error:  # also TimeoutError, an address of the wrong form
        raise FramescopeError(
            f"cannot reach the Dask scheduler at {args.dask} ({error})"
        ) from error
    items = iter_tables_on_cluster(
        args.paths,
        config,
        client=client,
        outlet=args.outlet,
        on_warning=lambda warning: warn(str(warning)),
        partition_size=args.batch_size,
        done=done,
    )
    return items, client


def _open_journal(args: argparse.Namespace, config: Config) -> Journal | None:
    """The resume journal beside ``-o``; None for ``-o -`` or a folder that cannot take it."""
    if is_stdout(args.output):
        if args.resume:
            raise JournalError("--resume needs -o FILE (standard output keeps no record)")
        return None
    journal = Journal(journal_path(args.output), run_settings(args.paths, config, args.outlet))
    try:
        journal.open(resume=args.resume)
    except JournalError:
        if args.resume:
            raise
        return None  # the run goes on without a journal; writing -o will say what is wrong
    return journal


def _report_score(
    args: argparse.Namespace, run: StreamedRun, stdout: TextIO, stderr: TextIO
) -> int:
    # A table on standard output is kept clean: the "wrote" lines go to the error stream.
    messages = stderr if any(is_stdout(path) for _, path in command_outputs(args)) else stdout
    for error in run.unwritten:  # one line each; the other outputs were still written
        stderr.write(f"{PROG}: error: {error}\n")
    if not args.quiet:
        for path, rows in run.written:
            messages.write(f"wrote {path} ({rows} rows)\n")
    for warning in run.warnings:
        stderr.write(f"{PROG}: warning: {warning}\n")
    code = summarise(run.articles, run.errors, stderr)
    return 2 if run.unwritten else code
