"""Input files as bytes: read without hanging, never more than the limit, each one known by identity.

A named pipe is opened without waiting for a writer (a plain ``open()`` blocks until one comes,
forever if none does); a socket is refused; a device such as ``/dev/zero`` is read up to one byte
past the limit. A folder is listed with what cannot be read in it said out loud: symlink loops,
broken links, links leading out of the folder, pipes, sockets and devices.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import InputError
from analyzer.io.decoding import display_name

#: (device, inode): the same for every name of a file, through symlinks and hard links.
FileId = tuple[int, int]

#: The most read from a pipe before waiting on its writer.
_PIPE_CHUNK = 1 << 16


def file_id(path: Path) -> FileId | None:
    """The identity of the file ``path`` leads to, or None when it cannot be reached."""
    try:
        info = path.stat()
    except (OSError, ValueError, RuntimeError):
        return None
    # Some file systems (FAT on Windows) give every file inode 0: no identity to compare.
    return (info.st_dev, info.st_ino) if info.st_ino else None


def special_kind(mode: int) -> str | None:
    """ "a named pipe", "a socket" or "a device" for such a file; None for a file or a folder."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, or :class:`InputError` when it is over ``max_bytes`` or unreadable."""
    name = display_name(path)
    try:
        info = path.stat()
        if stat.S_ISSOCK(info.st_mode):
            raise InputError(name, "not a regular file (a socket)")
        if info.st_size > max_bytes:
            raise InputError(
                name,
                f"too large ({size_text(info.st_size)}; the limit is {size_text(max_bytes)}, "
                "raise it with --max-bytes)",
            )
        if stat.S_ISFIFO(info.st_mode):
            data = _read_pipe(path, max_bytes)
        else:
            # At most one byte past the limit: a device (/dev/zero) reports size 0 and could
            # otherwise fill the memory.
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
    except IsADirectoryError as error:
        raise InputError(name, "is a folder, not a file") from error
    except OSError as error:
        raise read_error(name, error) from error
    return _within_limit(data, name, max_bytes)


def read_error(name: str, error: OSError) -> InputError:
    """The one-line error for a file the system would not let us read."""
    if isinstance(error, PermissionError):
        return InputError(name, "permission denied")
    return InputError(name, f"cannot read ({error.strerror or error.__class__.__name__})")


def read_stream(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read ``stream`` (standard input) to its end, refusing it past ``max_bytes``."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        raise read_error(name, error) from error
    return _within_limit(data, name, max_bytes)


def _read_pipe(path: Path, max_bytes: int) -> bytes:
    # O_NONBLOCK lets open() return at once; a first read then tells an idle pipe (end of file:
    # no writer) from one whose writer has not written yet (EAGAIN), which is worth waiting for.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        try:
            first = os.read(descriptor, min(_PIPE_CHUNK, max_bytes + 1))
        except BlockingIOError:
            first = None
        if first == b"":
            raise InputError(
                display_name(path), "named pipe with nothing writing to it (nothing to read)"
            )
        os.set_blocking(descriptor, True)
        head = first or b""
        return head + handle.read(max_bytes + 1 - len(head))


def _within_limit(data: bytes, name: str, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise InputError(
            name,
            f"too large (more than the limit of {size_text(max_bytes)}; raise it with --max-bytes)",
        )
    return data


def size_text(count: int) -> str:
    """A byte count as people read it: "12.3 MB", or "4,096 bytes" below 100 kB."""
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count:,} bytes"


def list_folder(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path | InputError]:
    """The files under ``folder`` named with one of ``suffixes``, sorted, hidden ones left out.

    An entry so named that cannot be read as an article is an error, not a silent skip: a symlink
    loop, a broken link, a link to a file outside the folder (refused, as a manifest refuses it),
    a named pipe (reading one would wait for a writer), a socket or a device.
    """
    root = folder.resolve()
    for path in _sorted_walk(folder):
        if path.suffix.lower() not in suffixes:
            continue
        problem = _entry_problem(path, root)
        if problem is None:
            yield path
        elif problem:
            yield InputError(display_name(path), problem)


def _sorted_walk(folder: Path) -> Iterator[Path]:
    """Every entry under ``folder`` but its subfolders, in the order of ``sorted(rglob("*"))``
    (each folder's names sorted, a subfolder's entries where its name sorts), hidden names left
    out, symlinked folders not entered. One folder's names are held at a time, not the whole
    tree's paths: a folder of a million articles is listed in a few megabytes."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(
                ((entry.name, entry.is_dir(follow_symlinks=False)) for entry in listing),
            )
    except OSError:
        return  # an unreadable subfolder is skipped, as rglob skips it
    for name, is_folder in entries:
        if name.startswith("."):
            continue
        if is_folder:
            yield from _sorted_walk(folder / name)
        else:
            yield folder / name


def _entry_problem(path: Path, root: Path) -> str | None:
    """Why a folder entry is not read ("" for a subfolder, skipped quietly), None if it is."""
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except RuntimeError:  # pathlib's report of a symlink loop before Python 3.13
        return "symlink loop"
    except FileNotFoundError:
        return "broken symlink (its target is missing)"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop"
        return f"cannot use this path ({error.strerror or error.__class__.__name__})"
    if stat.S_ISDIR(mode):
        return ""  # a folder named like an article; rglob lists its files
    if not target.is_relative_to(root):
        return "symlink to a file outside the folder (refused)"
    kind = special_kind(mode)
    return None if kind is None else f"not a regular file ({kind})"
