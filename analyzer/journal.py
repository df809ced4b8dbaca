"""The resume journal: each article's rows, kept beside the scorecard while a run is going.

``framescope score -o scorecard.csv`` appends every scored article's rows to a hidden
``.scorecard.csv.resume`` as it goes (JSON Lines, flushed per article, so a killed run loses at
most the line it was writing) and removes it once every output is written. ``--resume`` reads it
back: an article found there, at the same place in the input and with the same path, is not
analysed again, and the final files are the same as an uninterrupted run's. The records are in
input order (results are journalled in the order they are written), so the journal is read back
in step with the inputs, one record at a time (:class:`Replay`): resuming a run of a million
articles does not hold a million records in memory. The journal's first
line records the settings the rows depend on (versions, inputs, story pack, switches); a journal
written under other settings is refused rather than mixed in.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from analyzer.config import Config
from analyzer.coverage import CoverageCounts
from analyzer.errors import FramescopeError
from analyzer.version import LEXICON_VERSION, __version__
from analyzer.workers import ArticleTables

FORMAT = 1
Key = tuple[int, str | None]


class JournalError(FramescopeError):
    """A journal that cannot be resumed from (other settings, unreadable)."""


def journal_path(output: str | Path) -> Path:
    """The hidden journal beside ``output`` (beside the file a symlink leads to)."""
    target = Path(os.path.realpath(output))
    return target.parent / f".{target.name}.resume"


def run_settings(paths: Sequence[str], config: Config, outlet: str | None) -> str:
    """A digest of everything an article's rows depend on besides its own text."""
    pack = config.story_pack
    described = repr(
        (
            __version__,
            LEXICON_VERSION,
            list(paths),
            outlet,
            config.strip_boilerplate,
            config.max_input_bytes,
            (pack.name, pack.actors) if pack is not None else None,
        )
    )
    return hashlib.sha256(described.encode("utf-8", "surrogatepass")).hexdigest()


class Journal:
    """Appends each scored article to the journal; on resume, first gives back those it holds."""

    def __init__(self, path: Path, settings: str) -> None:
        self.path = path
        self.settings = settings
        self._handle: IO[str] | None = None
        self.done: Replay | dict[Key, ArticleTables] = {}
        self._last_kept = -1

    def open(self, *, resume: bool) -> Replay | dict[Key, ArticleTables]:
        """Start the journal (afresh, or after the records of an earlier run when ``resume``).

        Returns the articles already scored, by (place in the input, path), read back as the
        inputs reach them.
        """
        kept = 0
        if resume and self.path.exists():
            kept, records, self._last_kept = self._check()
            if records:
                self.done = Replay(self.path, kept, records)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if kept:
                os.truncate(self.path, kept)  # a half line left by a kill
            handle = self.path.open("a" if kept else "w", encoding="utf-8", newline="\n")
            if not kept:
                handle.write(json.dumps({"journal": FORMAT, "settings": self.settings}) + "\n")
                handle.flush()
        except OSError as error:
            raise JournalError(
                f"{self.path}: cannot write the resume journal ({error.strerror})"
            ) from error
        self._handle = handle
        return self.done

    def record(self, place: int, tables: ArticleTables) -> None:
        """Append one scored article, unless it came from the journal itself (every article up
        to the last one journalled did: the inputs are journalled in order)."""
        if self._handle is None or place <= self._last_kept:
            return
        self._handle.write(json.dumps(_record(place, tables)) + "\n")
        self._handle.flush()

    def close(self, *, remove: bool) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if isinstance(self.done, Replay):
            self.done.close()
        if remove:
            self.path.unlink(missing_ok=True)

    def _check(self) -> tuple[int, int, int]:
        """The length of the complete records, how many there are and the last one's place.

        Only the place of each record is kept, not the record: the file may be very long.
        """
        offset = records = 0
        last = -1
        with self.path.open("rb") as handle:
            for number, raw in enumerate(handle):
                if not raw.endswith(b"\n"):
                    break  # the line a kill interrupted
                try:
                    record = json.loads(raw)
                except ValueError:
                    break
                if number == 0:
                    if record != {"journal": FORMAT, "settings": self.settings}:
                        raise JournalError(
                            f"{self.path}: the journal was written by a run with other inputs, "
                            "settings or version; run again without --resume"
                        )
                else:
                    records += 1
                    last = record["place"]
                offset += len(raw)
        return offset, records, last


class Replay:
    """The journal's records, read one at a time as the inputs reach their places.

    ``get((place, path))`` gives the record at that place when its path matches, else None;
    places must be asked for in increasing order, as the readers yield them.
    """

    def __init__(self, path: Path, end: int, records: int) -> None:
        self._handle: IO[bytes] | None = path.open("rb")
        self._handle.readline()  # the settings line
        self._end = end
        self._records = records
        self._next: tuple[int, ArticleTables] | None = self._read()

    def __len__(self) -> int:
        return self._records

    def get(self, key: Key, /) -> ArticleTables | None:
        place, file = key
        while self._next is not None and self._next[0] < place:
            self._next = self._read()
        if self._next is None or self._next[0] != place or self._next[1].row.get("file") != file:
            return None
        found = self._next[1]
        self._next = self._read()
        return found

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def _read(self) -> tuple[int, ArticleTables] | None:
        # Records appended by this run lie past the end of the earlier run's: not read back.
        if self._handle is None or self._handle.tell() >= self._end:
            self.close()
            return None
        return _tables(json.loads(self._handle.readline()))


def _record(place: int, tables: ArticleTables) -> dict[str, Any]:
    coverage = tables.coverage
    return {
        "place": place,
        "row": tables.row,
        "labels": tables.labels,
        "sources": tables.sources,
        "actor_sentiment": tables.actor_sentiment,
        "coverage": [coverage.labels, coverage.unresolved, sorted(coverage.named)],
    }


def _tables(record: dict[str, Any]) -> tuple[int, ArticleTables]:
    labels, unresolved, named = record["coverage"]
    return record["place"], ArticleTables(
        row=record["row"],
        labels=record["labels"],
        sources=record["sources"],
        actor_sentiment=record["actor_sentiment"],
        coverage=CoverageCounts(labels=labels, unresolved=unresolved, named=frozenset(named)),
    )
