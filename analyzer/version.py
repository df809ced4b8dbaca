"""Versions stamped on every scorecard row, so a figure can be traced to the code and data behind it."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("framescope")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

#: Bump when any lexicon or story-pack file changes meaning (a term added, a tier moved).
LEXICON_VERSION = "2026.12.19"
