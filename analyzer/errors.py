"""The project's own error type: every bad input surfaces as one readable line naming the file."""

from __future__ import annotations

import re

#: C0/C1 controls, DEL, the Unicode line separators and lone surrogates (how Python spells the
#: undecodable bytes of a file name). A file name or a parser's message may hold them; printed raw
#: they would split the one-line message, drive the terminal (ANSI) or fail to encode.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class FramescopeError(Exception):
    """Base class for errors framescope reports to its users."""


class InputError(FramescopeError):
    """A file could not be read as an article.

    ``str(error)`` is the one-line message shown to users: ``"<path>: <problem>"``, with any
    control character in either part written as an escape (``\\n``, ``\\x1b``) so the message
    stays one line and cannot drive a terminal. ``path`` and ``problem`` keep the raw values.
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{printable(path)}: {printable(problem)}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Errors travel back from worker processes (``--jobs``); the default pickling would call
        # ``InputError(message)`` and fail for want of the second argument.
        return (type(self), (self.path, self.problem))


def printable(text: str) -> str:
    """``text`` with control characters and line separators escaped as Python would write them."""
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)


class InputWarning(FramescopeError):
    """Something about an input the user should know, though nothing failed (an article listed
    twice, read once). Reported, never raised; ``str(warning)`` is ``"<path>: <note>"``."""

    def __init__(self, path: str, note: str) -> None:
        self.path = path
        self.note = note
        super().__init__(f"{printable(path)}: {printable(note)}")


class OutputError(FramescopeError):
    """An output file could not be written; ``str(error)`` is ``"<path>: <problem>"``."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{printable(path)}: {printable(problem)}")


class LexiconError(FramescopeError):
    """A lexicon or story-pack data file is malformed."""
