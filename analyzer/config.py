"""Explicit, immutable configuration passed to every stage (no module-level mutable state)."""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.storypack import StoryPack

#: Larger inputs are refused with a clear message: a news article is rarely above 200 kB of text,
#: and a 10 MB file is almost always a dump or the wrong file. Raise it with ``--max-bytes``.
DEFAULT_MAX_INPUT_BYTES = 10_000_000


@dataclass(frozen=True)
class Config:
    """Settings for one analysis run.

    Attributes
    ----------
    story_pack : StoryPack or None
        Actors and aliases of the story; labels attach to these actors.
    strip_boilerplate : bool
        Classify lines as furniture and keep them away from the other signals. Turn off for text
        already known to be clean body copy (evaluation sets of single sentences).
    max_input_bytes : int
        Files above this size are refused by the readers.
    """

    story_pack: StoryPack | None = None
    strip_boilerplate: bool = True
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES


DEFAULT_CONFIG = Config()
