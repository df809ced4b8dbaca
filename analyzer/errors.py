"""The project's own error type: every bad input surfaces as one readable line naming the file."""

from __future__ import annotations


class FramescopeError(Exception):
    """Base class for errors framescope reports to its users."""


class InputError(FramescopeError):
    """A file could not be read as an article.

    ``str(error)`` is the one-line message shown to users: ``"<path>: <problem>"``.
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class LexiconError(FramescopeError):
    """A lexicon or story-pack data file is malformed."""
