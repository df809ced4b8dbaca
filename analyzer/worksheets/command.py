"""``framescope worksheet``: analyse the inputs, build one worksheet, write it (and its key)."""

from __future__ import annotations

import argparse
from typing import IO, TextIO

from analyzer.command_files import PROG, analyse_inputs
from analyzer.config import Config
from analyzer.io.writers import atomic_write
from analyzer.worksheets.render import render_worksheet_html, render_worksheet_markdown
from analyzer.worksheets.worksheet import WorksheetError, build_worksheet


def write_worksheets(
    args: argparse.Namespace, config: Config, stdout: TextIO, stderr: TextIO
) -> int:
    """Exit code 0 when written from every input, 1 when some inputs or the sheet failed."""
    result = analyse_inputs(args, config, stderr, keep_analyses=True)
    try:
        ws = build_worksheet(result.analyses, outlets=args.only_outlets, title=args.title)
    except WorksheetError as error:
        stderr.write(f"{PROG}: cannot make a worksheet: {error}\n")
        return 1
    if ws.left_out:
        stderr.write(f"{PROG}: note: no excerpt from {', '.join(ws.left_out)}\n")
    render = render_worksheet_markdown if args.markdown else render_worksheet_html
    targets = [(args.output, False), (args.answers, True)]
    for path, answers in targets:
        if path is None:
            continue
        page = render(ws, answers=answers)

        def write(handle: IO[str], page: str = page) -> None:
            handle.write(page)

        atomic_write(path, write)
        what = "answer key" if answers else "worksheet"
        stdout.write(
            f"wrote {path} ({what}: {len(ws.excerpts)} outlets, {len(ws.questions)} questions)\n"
        )
    if result.errors:
        stderr.write(f"{PROG}: {len(result.errors)} input(s) could not be used (listed above)\n")
        return 1
    return 0
