"""The ``framescope`` command line. Parsing (:func:`parse_args`) is kept apart from running
(:func:`process_args`) so both can be tested without a shell.

Exit codes: 0 all inputs scored; 1 some inputs failed (the rest are scored and written, and a
summary says what failed); 2 the command line itself is wrong (or an output cannot be
written); 130 interrupted by Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from analyzer.actors.suggest import MIN_MENTIONS, story_pack_csv, suggest_actors
from analyzer.bundled import BUNDLED_SEEDS, DASHBOARD_APP
from analyzer.collection import CollectionResult, iter_analyses
from analyzer.command_files import (
    DASHBOARD_TABLES,
    PROG,
    analyse_inputs,
    check_command_outputs,
    report_error,
    story_pack_path,
    summarise,
)
from analyzer.config import DEFAULT_MAX_INPUT_BYTES, Config
from analyzer.credibility.table import credibility_frame
from analyzer.document import build_document
from analyzer.errors import FramescopeError, InputError, InputWarning
from analyzer.io.outputs import STDOUT
from analyzer.io.readers import iter_articles
from analyzer.io.writers import write_csv, write_text
from analyzer.render.text import render_explanation
from analyzer.score_command import score_command
from analyzer.scorecard import data_dictionary, data_dictionary_markdown
from analyzer.storypack import STORYPACK_FILENAME, load_story_pack
from analyzer.version import LEXICON_VERSION, __version__
from analyzer.workers import DEFAULT_BATCH_SIZE
from analyzer.worksheets.command import write_worksheets

#: Largest --max-bytes: 2 GB, which also fits the csv module's cell limit (a C long) everywhere.
MAX_BYTES_CEILING = 2_000_000_000


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Framing and source-credibility signals for news, each score backed by evidence.",
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__} (lexicons {LEXICON_VERSION})"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    score = commands.add_parser("score", help="score articles and write CSV scorecards")
    _add_input_options(score)
    score.add_argument(
        "-o",
        "--output",
        required=True,
        type=_table_path,
        metavar="FILE",
        help="per-article scorecard CSV (Parquet when FILE ends in .parquet; - for standard "
        "output); every table is written as the articles are scored",
    )
    score.add_argument(
        "--by-outlet", type=_table_path, metavar="FILE", help="per-outlet scorecard CSV"
    )
    score.add_argument(
        "--labels",
        type=_table_path,
        metavar="FILE",
        help="actor x label x voice x outlet counts CSV",
    )
    score.add_argument(
        "--sources",
        type=_table_path,
        metavar="FILE",
        help="whose voices are heard: sources per article CSV",
    )
    score.add_argument(
        "--credibility",
        type=_table_path,
        metavar="FILE",
        help="credibility indicators per outlet CSV (each with its unit in `framescope columns`)",
    )
    score.add_argument(
        "--actor-sentiment",
        type=_table_path,
        metavar="FILE",
        help="sentiment of sentences naming each actor CSV",
    )
    score.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print errors and the summary only (no progress display)",
    )
    score.add_argument(
        "-j",
        "--jobs",
        type=_positive_count,
        default=None,
        metavar="N",
        help="analyse in N worker processes; same output for any N (default: one per core; "
        "1 analyses in this process)",
    )
    score.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="analyse on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
        "same output as a local run",
    )
    score.add_argument(
        "--resume",
        action="store_true",
        help="go on from where an interrupted run with the same inputs and -o stopped",
    )
    score.add_argument(
        "--batch-size",
        type=_positive_count,
        default=DEFAULT_BATCH_SIZE,
        metavar="N",
        help=f"articles sent to a worker at a time (default {DEFAULT_BATCH_SIZE}); workers "
        "start only for more than one batch",
    )

    explain = commands.add_parser("explain", help="show each article's evidence spans and scores")
    _add_input_options(explain)
    explain.add_argument(
        "--json", action="store_true", help="print a JSON list, one object per article"
    )

    dashboard = commands.add_parser(
        "dashboard", help="write the scorecards for a collection, then open the dashboard on it"
    )
    _add_input_options(dashboard, required=False)
    dashboard.add_argument(
        "--out",
        type=Path,
        default=Path("out"),
        metavar="DIR",
        help="folder for scorecard.csv, outlets.csv, labels.csv, sources.csv, credibility.csv "
        "(default: out)",
    )
    dashboard.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    dashboard.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (default 127.0.0.1, this computer only; 0.0.0.0 lets anyone "
        "on the network open the dashboard and upload files to it)",
    )
    dashboard.add_argument("--headless", action="store_true", help="do not open a browser window")

    worksheet = commands.add_parser(
        "worksheet", help="write a printable classroom worksheet (and answer key) from 2-5 outlets"
    )
    _add_input_options(worksheet)
    worksheet.add_argument("-o", "--output", required=True, type=Path, help="worksheet file (HTML)")
    worksheet.add_argument(
        "--answers", type=Path, metavar="FILE", help="also write the answer key here"
    )
    worksheet.add_argument("--markdown", action="store_true", help="write Markdown instead of HTML")
    worksheet.add_argument(
        "--only-outlet",
        action="append",
        metavar="NAME",
        dest="only_outlets",
        help="use only this outlet (repeat for 2-5 outlets)",
    )
    worksheet.add_argument("--title", help="heading of the sheet")

    storypack = commands.add_parser("storypack", help="work with story packs (actors and aliases)")
    storypack_commands = storypack.add_subparsers(dest="storypack_command", required=True)
    suggest = storypack_commands.add_parser(
        "suggest", help="write the actors found in a collection as a story pack to edit"
    )
    _add_input_options(suggest)
    suggest.add_argument("-o", "--output", required=True, type=Path, help="story pack CSV to write")
    suggest.add_argument(
        "--min-mentions",
        type=int,
        default=MIN_MENTIONS,
        metavar="N",
        help=f"leave out actors named fewer than N times (default {MIN_MENTIONS})",
    )

    columns = commands.add_parser("columns", help="print the scorecard data dictionary")
    columns.add_argument("--markdown", action="store_true", help="as a Markdown table")

    evaluate = commands.add_parser(
        "eval",
        help="measure every detector on the evaluation datasets",
        description="The datasets are read from $FRAMESCOPE_EVAL_DIR, else ../shared/eval beside "
        "the project.",
    )
    evaluate.add_argument(
        "--split",
        choices=("test", "dev"),
        default="test",
        help="test to report (default), dev to tune",
    )
    evaluate.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="also write ACCURACY.md here"
    )

    return parser.parse_args(argv)


def _add_input_options(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument(
        "paths",
        nargs="+" if required else "*",
        metavar="PATH",
        help="article files, folders, manifest.csv, CSV, JSONL or Parquet collections (CSV and "
        "JSONL also gzipped: .csv.gz, .jsonl.gz), - for standard input"
        + ("" if required else " (default: the bundled seeds)"),
    )
    parser.add_argument("--outlet", help="outlet name for inputs that have no manifest")
    parser.add_argument(
        "--story-pack",
        type=Path,
        metavar="FILE",
        help=f"actors and aliases CSV (default: a {STORYPACK_FILENAME} beside the inputs)",
    )
    parser.add_argument("--no-story-pack", action="store_true", help="do not use any story pack")
    parser.add_argument(
        "--keep-boilerplate",
        action="store_true",
        help="treat every line as body (input is clean copy)",
    )
    parser.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=DEFAULT_MAX_INPUT_BYTES,
        metavar="N",
        help="refuse article files, and records of a collection, larger than N bytes "
        f"(default {DEFAULT_MAX_INPUT_BYTES:,})",
    )


def _table_path(value: str) -> Path | str:
    """A table's path; ``-`` stays the string that means standard output."""
    return value if value == STDOUT else Path(value)


def _positive_count(value: str) -> int:
    """``--jobs``, ``--batch-size``: a whole number from 1."""
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number from 1")
    return count


def _byte_count(value: str) -> int:
    """``--max-bytes``: a whole number of bytes (``10_000_000`` or ``1e7``) in a sane range."""
    try:
        count = int(value)
    except ValueError:
        try:
            number = float(value)
            count = int(number) if number.is_integer() else -1
        except (ValueError, OverflowError):
            count = -1
    if not 1 <= count <= MAX_BYTES_CEILING:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a whole number of bytes from 1 to {MAX_BYTES_CEILING:,}"
        )
    return count


def process_args(
    args: argparse.Namespace, stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr
) -> int:
    if args.command == "columns":
        stdout.write(
            data_dictionary_markdown() if args.markdown else data_dictionary().to_csv(index=False)
        )
        return 0
    if args.command == "eval":
        from analyzer.evaluation.report import evaluate_and_write, summary_table

        stdout.write(summary_table(evaluate_and_write(args.split, args.output)))
        return 0
    if args.command == "dashboard" and not args.paths:
        args.paths = [str(BUNDLED_SEEDS)]

    def note(message: str) -> None:
        stderr.write(f"{PROG}: note: {message}\n")

    try:
        pack = None if args.no_story_pack else story_pack_path(args.story_pack, args.paths, note)
        # Before any work: a scorecard written over an article or a manifest loses it for good.
        check_command_outputs(args, pack)
        config = Config(
            story_pack=load_story_pack(pack) if pack else None,
            strip_boilerplate=not args.keep_boilerplate,
            max_input_bytes=args.max_bytes,
        )
    except FramescopeError as error:
        stderr.write(f"{PROG}: error: {error}\n")
        return 2
    if args.command == "score":
        return score_command(args, config, stdout, stderr)
    if args.command == "dashboard":
        return _dashboard(args, config, stdout, stderr)
    if args.command == "storypack":
        return _suggest_story_pack(args, config, stdout, stderr)
    if args.command == "worksheet":
        return write_worksheets(args, config, stdout, stderr)
    return _explain(args, config, stdout, stderr)


def _explain(args: argparse.Namespace, config: Config, stdout: TextIO, stderr: TextIO) -> int:
    errors: list[InputError] = []
    objects = []
    done = 0
    warn = _warning_printer(stderr)
    for item in iter_analyses(args.paths, config, outlet=args.outlet, on_warning=warn):
        if isinstance(item, InputError):
            errors.append(item)
            stderr.write(f"{PROG}: error: {item}\n")
            continue
        done += 1
        if args.json:
            objects.append(item.to_dict())
        else:
            stdout.write(render_explanation(item) + "\n")
    if args.json:
        json.dump(objects, stdout, ensure_ascii=False, indent=1)
        stdout.write("\n")
    return summarise(done, errors, stderr)


def _dashboard(args: argparse.Namespace, config: Config, stdout: TextIO, stderr: TextIO) -> int:
    """Write the scorecards, then serve the Streamlit app in this process.

    Running Streamlit in-process means the app's first page load finds analyzer, pandas and
    textstat already imported and warm, which keeps the first chart quick.
    """
    result = analyse_inputs(args, config, stderr)
    frames = [result.articles, result.outlets, result.labels, result.sources]
    frames.append(credibility_frame(result.outlets))
    for name, frame in zip(DASHBOARD_TABLES, frames, strict=True):
        write_csv(frame, args.out / name)
        stdout.write(f"wrote {args.out / name} ({len(frame)} rows)\n")
    _report_warnings(result, stderr)
    if result.errors:
        summarise(len(result.articles), result.errors, stderr)
    if not DASHBOARD_APP.is_file():
        stderr.write(
            f"{PROG}: the dashboard app is not at {DASHBOARD_APP} (reinstall framescope)\n"
        )
        return 1
    from streamlit.web import cli as streamlit_cli

    app_args = [*args.paths]
    if args.story_pack:
        app_args += ["--story-pack", str(args.story_pack)]
    if args.outlet:
        app_args += ["--outlet", args.outlet]
    sys.argv = [
        "streamlit",
        "run",
        str(DASHBOARD_APP),
        "--server.port",
        str(args.port),
        "--server.address",
        args.host,
        "--server.headless",
        "true" if args.headless else "false",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",  # no "Deploy" button in front of a class
        "--",
        *app_args,
    ]
    streamlit_cli.main()
    return 0


def _suggest_story_pack(
    args: argparse.Namespace, config: Config, stdout: TextIO, stderr: TextIO
) -> int:
    """``framescope storypack suggest``: the actors of the inputs, as a story pack to edit."""
    docs, errors = [], []
    for item in iter_articles(
        args.paths,
        outlet=args.outlet,
        max_bytes=config.max_input_bytes,
        on_warning=_warning_printer(stderr),
    ):
        if isinstance(item, InputError):
            errors.append(item)
            report_error(item, stderr)
            continue
        docs.append(
            build_document(
                item.text,
                item.meta,
                config,
                body_hints=item.body_hints,
                link_shares=item.link_shares,
            )
        )
    actors = suggest_actors(docs, min_mentions=args.min_mentions)
    write_text(story_pack_csv(actors), args.output)
    stdout.write(f"wrote {args.output} ({len(actors)} actors from {len(docs)} articles)\n")
    return summarise(len(docs), errors, stderr)


def _report_warnings(result: CollectionResult, stderr: TextIO) -> None:
    for warning in result.warnings:
        stderr.write(f"{PROG}: warning: {warning}\n")


def _warning_printer(stderr: TextIO) -> Callable[[InputWarning], None]:
    def report(warning: InputWarning) -> None:
        stderr.write(f"{PROG}: warning: {warning}\n")

    return report


def main(argv: Sequence[str] | None = None) -> int:
    # The streams are looked up now: process_args' defaults were bound at import time and would
    # miss a later redirection (contextlib.redirect_stdout, pytest's capsys).
    try:
        return process_args(parse_args(argv), sys.stdout, sys.stderr)
    except (
        FramescopeError
    ) as error:  # e.g. an output that cannot be written: one line, no traceback
        sys.stderr.write(f"{PROG}: error: {error}\n")
        return 2
    except KeyboardInterrupt:  # Ctrl-C: outputs are atomic, so each is old or new, never half
        sys.stderr.write(f"{PROG}: interrupted; files not yet written were left as they were\n")
        return 130
    except BrokenPipeError:  # `framescope score ... -o - | head`: the reader left early
        # Python would report the pipe again when it flushes stdout at exit.
        with contextlib.suppress(OSError, ValueError):
            target = sys.stdout.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, target)
            os.close(devnull)
        sys.stderr.write(f"{PROG}: error: standard output was closed before all was written\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
