"""Reader comment threads: the run of comments under an article, found by its repeated headers.

A blog or news page in plain text often ends with its readers' comments: prose the line model
keeps, since a comment reads like a paragraph. What gives a thread away is its structure, one
short header per comment ("Milan on September 12, 2018 at 4:47 pm said:", "joetoronto says:").
Three or more such headers after some kept article prose make a thread, and everything from the
first header to the next furniture rule after the last one is comments, not article body.
"""

from __future__ import annotations

import re

import numpy as np

from analyzer.boilerplate.table import LineTable

#: A commenter's header: a short line ending in a speech verb and a colon ("jbaxt says:").
_HEADER = re.compile(r".{1,80}?\b(?:says|said|wrote|writes|commented)\s*:\s*$", re.IGNORECASE)

#: Words a header line may have (a name, a date and a time).
MAX_HEADER_WORDS = 10

#: Headers that make a thread: one or two "X said:" lines can be an article's own quotations.
MIN_HEADERS = 3

#: The furniture rule whose lines are comment headers with their date and time.
AUTHOR_LINE_REASON = "comment author line"


def comment_headers(table: LineTable) -> list[int]:
    """Indices of the lines that open a reader comment."""
    words = table.stats.words
    found = []
    for k, (line, rule) in enumerate(zip(table.lines, table.rules, strict=True)):
        if rule is not None:
            if rule.reason == AUTHOR_LINE_REASON:
                found.append(k)
        elif words[k] <= MAX_HEADER_WORDS and _HEADER.match(line):
            found.append(k)
    return found


def comment_thread(table: LineTable, kept: np.ndarray) -> np.ndarray:
    """True on the lines of the page's comment thread (none when it has no thread).

    ``kept`` are the lines kept as body so far: the thread must follow some of them, since a
    page whose first kept line comes after the headers is not an article followed by comments.
    """
    thread = np.zeros(len(table.lines), dtype=bool)
    headers = comment_headers(table)
    if len(headers) < MIN_HEADERS or not kept[: headers[0]].any():
        return thread
    end = headers[-1] + 1
    while end < len(table.lines) and table.rules[end] is None:
        end += 1  # the last comment runs to the next furniture rule ("Leave a Reply")
    thread[headers[0] : end] = True
    return thread
