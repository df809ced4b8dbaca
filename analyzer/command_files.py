"""What the commands share: the files a command reads besides its articles, the files it writes,
and the analysis of its inputs.

The story pack is looked for beside the inputs; the outputs are the ones the command line names.
Both are settled before any work, so that an output which would overwrite an input (an article,
a manifest, the story pack) or another output is refused while nothing is written yet. The
command line, the worksheet command and the dashboard all import from here, never from each other.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from itertools import count
from pathlib import Path
from typing import TextIO

from analyzer.collection import CollectionResult, analyze_collection
from analyzer.config import Config
from analyzer.errors import InputError
from analyzer.io.collections import collection_format
from analyzer.io.outputs import check_outputs
from analyzer.io.readers import MANIFEST_NAME, STDIN, input_files
from analyzer.journal import Journal
from analyzer.progress import Progress
from analyzer.storypack import STORYPACK_FILENAME
from analyzer.workers import DEFAULT_BATCH_SIZE, ArticleTables

PROG = "framescope"

#: The tables ``framescope dashboard`` writes into its --out folder.
DASHBOARD_TABLES = (
    "scorecard.csv",
    "outlets.csv",
    "labels.csv",
    "sources.csv",
    "credibility.csv",
)


def story_pack_path(
    explicit: Path | None, paths: Sequence[str], note: Callable[[str], None] | None = None
) -> Path | None:
    """The explicit story pack, else the first ``storypack.csv`` beside the inputs.

    ``note`` hears when several packs were found and which one is used.
    """
    if explicit is not None:
        return explicit
    found: list[Path] = []
    for raw in paths:
        if raw == STDIN:
            continue  # standard input has no folder to look in
        path = Path(raw)
        folder = path if path.is_dir() else path.parent
        candidate = folder / STORYPACK_FILENAME
        if candidate.is_file() and candidate.resolve() not in {f.resolve() for f in found}:
            found.append(candidate)
    if len(found) > 1 and note is not None:
        note(f"several story packs found; using {found[0]} (choose with --story-pack)")
    return found[0] if found else None


def command_outputs(args: argparse.Namespace) -> list[tuple[str, Path | str]]:
    """The files the command writes, each with the option naming it."""
    if args.command == "score":
        options = ["-o", "--by-outlet", "--labels", "--sources", "--actor-sentiment"]
        options.append("--credibility")
        paths = [getattr(args, option) for option in SCORE_TABLES]
    elif args.command == "worksheet":
        options, paths = ["-o", "--answers"], [args.output, args.answers]
    elif args.command == "storypack":
        options, paths = ["-o"], [args.output]
    elif args.command == "dashboard":
        options = ["--out"] * len(DASHBOARD_TABLES)
        paths = [args.out / name for name in DASHBOARD_TABLES]
    else:
        return []
    return [(option, path) for option, path in zip(options, paths, strict=True) if path is not None]


#: ``framescope score``'s table options, by the table each writes.
SCORE_TABLES = {
    "output": "articles",
    "by_outlet": "outlets",
    "labels": "labels",
    "sources": "sources",
    "actor_sentiment": "actor_sentiment",
    "credibility": "credibility",
}


def score_outputs(args: argparse.Namespace) -> dict[str, Path | str]:
    """The tables ``framescope score`` was asked for, by table name, in option order."""
    chosen = ((table, getattr(args, option)) for option, table in SCORE_TABLES.items())
    return {table: path for table, path in chosen if path is not None}


def check_command_outputs(args: argparse.Namespace, story_pack: Path | None) -> None:
    """Raise :class:`~analyzer.errors.OutputError` for an output that is an input or repeats one."""

    def inputs() -> Iterator[Path]:
        yield from input_files(args.paths, max_bytes=args.max_bytes)
        if story_pack is not None:
            yield story_pack

    check_outputs(command_outputs(args), inputs)


def analyse_inputs(
    args: argparse.Namespace,
    config: Config,
    stderr: TextIO,
    *,
    keep_analyses: bool = False,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    journal: Journal | None = None,
) -> CollectionResult:
    """Analyse the command's inputs, writing one line per bad input to ``stderr`` as it comes.

    ``progress`` counts each input done and writes the error lines around its display.
    ``journal`` records each article scored, and gives back those an interrupted run scored.
    """
    on_item = item_reporter(stderr, progress, journal)
    return analyze_collection(
        args.paths,
        config,
        outlet=args.outlet,
        keep_analyses=keep_analyses,
        on_item=on_item,
        jobs=jobs,
        batch_size=batch_size,
        done=journal.done if journal is not None else None,
    )


def item_reporter(
    stderr: TextIO, progress: Progress | None, journal: Journal | None
) -> Callable[[object], None]:
    """What a command does with each input done: journal it, count it, report its error."""
    places = count()

    def on_item(item: object) -> None:
        place = next(places)
        if journal is not None and isinstance(item, ArticleTables):
            journal.record(place, item)
        if progress is None:
            report_error(item, stderr)
            return
        if isinstance(item, InputError):
            progress.write(f"{PROG}: error: {item}\n")
        progress.update(item)

    return on_item


def expected_articles(paths: Sequence[str], max_bytes: int) -> int | None:
    """How many articles ``paths`` hold, for a progress ETA; None when only reading tells
    (standard input, CSV and JSONL collections). A file reached twice is counted twice."""
    count = 0
    for raw in paths:
        if raw == STDIN or collection_format(Path(raw)) is not None:
            return None
        count += sum(path.name != MANIFEST_NAME for path in input_files([raw], max_bytes=max_bytes))
    return count


def report_error(item: object, stderr: TextIO) -> None:
    """One line for an input that could not be used; nothing for anything else."""
    if isinstance(item, InputError):
        stderr.write(f"{PROG}: error: {item}\n")


def summarise(done: int, errors: list[InputError], stderr: TextIO) -> int:
    """Say which inputs failed, if any; the exit code: 0 all scored, 1 some failed."""
    if not errors:
        return 0
    total = done + len(errors)
    stderr.write(f"{PROG}: scored {done} of {total} inputs; {len(errors)} failed:\n")
    for error in errors:
        stderr.write(f"  - {error}\n")
    return 1
