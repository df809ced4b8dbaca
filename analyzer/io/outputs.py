"""Refuse, before any work, an output that would overwrite an input of the run or another output.

Paths are compared as the files they lead to: symlinks are followed, and hard links are matched
by device and inode, so no second spelling of a path gets past. ``-`` is standard output.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from analyzer.errors import OutputError
from analyzer.io.decoding import display_name
from analyzer.io.files import FileId, file_id

STDOUT = "-"


def is_stdout(path: str | Path) -> bool:
    """Is ``path`` the ``-`` that means standard output? (A file named "-" is given as "./-".)"""
    return isinstance(path, str) and path == STDOUT


def check_outputs(
    outputs: Sequence[tuple[str, str | Path]], inputs: Callable[[], Iterable[Path]]
) -> None:
    """Raise :class:`OutputError` for the first output that is an input or repeats an output.

    Parameters
    ----------
    outputs : (option, path) pairs
        Such as ``("-o", Path("scores.csv"))``.
    inputs : callable
        Lists every file the run reads (articles, manifests, collections, the story pack). Only
        called when an output already exists, as a file not there yet cannot be an input.
    """
    claimed: dict[FileId | str, str] = {}
    existing: list[tuple[str, Path, FileId]] = []
    for option, path in outputs:
        identity = None if is_stdout(path) else file_id(Path(path))
        keys = [STDOUT if is_stdout(path) else _real_path(path), identity]
        for key in keys:
            if key is not None and key in claimed:
                raise OutputError(
                    _name(path),
                    f"given to both {claimed[key]} and {option} (each output needs its own file)",
                )
        claimed.update((key, option) for key in keys if key is not None)
        if identity is not None:
            existing.append((option, Path(path), identity))
    if not existing:
        return
    at_risk = {identity: (option, path) for option, path, identity in existing}
    for same in inputs():  # streamed: a folder of a million inputs is never held in memory
        identity = file_id(same)
        if identity in at_risk:
            option, path = at_risk[identity]
            also = "" if same == path else f" ({display_name(same)})"
            raise OutputError(
                display_name(path),
                f"{option} would overwrite an input of this run{also}; nothing was written",
            )


def _real_path(path: str | Path) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.fspath(path)


def _name(path: str | Path) -> str:
    return "standard output" if is_stdout(path) else display_name(path)
