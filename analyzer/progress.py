"""How far a long run has got, on standard error: a bar on a terminal, a plain line in a log.

On a terminal tqdm draws one self-updating line (articles done, rate, ETA when the number of
articles is known, errors so far). Redirected to a file or a pipe, a plain line is written every
:data:`LINE_EVERY_ARTICLES` articles or :data:`LINE_EVERY_SECONDS` seconds, whichever comes
first, so a log of a day-long run shows it is alive without filling up::

    framescope: progress: 2,000 of 10,000 articles (20%), 3 errors, 141.2 articles/s, ETA 0:00:57
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol, TextIO

from tqdm import tqdm

from analyzer.errors import InputError

PREFIX = "framescope: progress: "
#: A plain progress line at least this often in articles ...
LINE_EVERY_ARTICLES = 1_000
#: ... and in seconds (counted from the first article done, so that loading the models is not a
#: reason for a line and a run of a handful of articles prints none).
LINE_EVERY_SECONDS = 10.0


class Progress(Protocol):
    def update(self, item: object) -> None:
        """Count one input done: an article scored, or an :class:`InputError`."""

    def write(self, line: str) -> None:
        """Write a message line (an error) without breaking the display."""

    def close(self) -> None:
        """End the display."""


def progress_for(stream: TextIO, *, quiet: bool, total: int | None = None) -> Progress:
    """The display suited to ``stream``: none when ``quiet``, a bar on a terminal, else lines."""
    if quiet:
        return SilentProgress(stream)
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        return BarProgress(stream, total)
    # The module's constants are read now, not bound at definition, so a test can shorten them.
    return LineProgress(
        stream, total, every_articles=LINE_EVERY_ARTICLES, every_seconds=LINE_EVERY_SECONDS
    )


class SilentProgress:
    """No display; messages still go out."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def update(self, item: object) -> None:
        pass

    def write(self, line: str) -> None:
        self._stream.write(line)

    def close(self) -> None:
        pass


class LineProgress:
    """A plain line now and then, for logs."""

    def __init__(
        self,
        stream: TextIO,
        total: int | None = None,
        *,
        every_articles: int = LINE_EVERY_ARTICLES,
        every_seconds: float = LINE_EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._total = total
        self._every_articles = every_articles
        self._every_seconds = every_seconds
        self._clock = clock
        self._start = clock()
        self._last_line: float | None = None
        self._last_done = 0
        self.done = 0
        self.errors = 0

    def update(self, item: object) -> None:
        self.done += 1
        self.errors += isinstance(item, InputError)
        now = self._clock()
        if self._last_line is None:
            self._last_line = now
        if (
            self.done - self._last_done >= self._every_articles
            or now - self._last_line >= self._every_seconds
        ):
            self._stream.write(self.line(now) + "\n")
            self._last_line, self._last_done = now, self.done

    def line(self, now: float) -> str:
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        # The count in advance misses paths that do not exist and records of collections; past
        # it, the line shows what is done and for how long.
        known = bool(self._total) and self.done <= (self._total or 0)
        done = f"{self.done:,}"
        if known and self._total:
            done += f" of {self._total:,} articles ({self.done / self._total:.0%})"
        else:
            done += " articles"
        text = f"{PREFIX}{done}, {_errors(self.errors)}, {rate:,.1f} articles/s"
        if known and self._total and rate > 0:
            text += f", ETA {_clock_time((self._total - self.done) / rate)}"
        else:
            text += f", {_clock_time(elapsed)} elapsed"
        return text

    def write(self, line: str) -> None:
        self._stream.write(line)

    def close(self) -> None:
        pass


class BarProgress:
    """tqdm's bar on the terminal, errors counted beside it."""

    def __init__(self, stream: TextIO, total: int | None = None) -> None:
        # The rate always in articles per second (tqdm would turn a slow one into s/article).
        counted = "{n_fmt}/{total_fmt} [{elapsed}<{remaining}"
        if not total:
            counted = "{n_fmt} articles [{elapsed}"
        self._bar = tqdm(
            total=total,
            file=stream,
            unit=" articles",
            dynamic_ncols=True,
            mininterval=0.5,
            bar_format=("{l_bar}{bar}| " if total else "")
            + counted
            + ", {rate_noinv_fmt}{postfix}]",
        )
        self._stream = stream
        self.errors = 0

    def update(self, item: object) -> None:
        if isinstance(item, InputError):
            self.errors += 1
            self._bar.set_postfix_str(_errors(self.errors), refresh=False)
        self._bar.update(1)

    def write(self, line: str) -> None:
        self._bar.clear()
        self._stream.write(line)
        self._bar.refresh()

    def close(self) -> None:
        self._bar.close()


def _errors(count: int) -> str:
    return f"{count:,} error" + ("" if count == 1 else "s")


def _clock_time(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"
