"""Text from uploaded files, made safe to show where Streamlit reads Markdown.

Captions, messages and widget labels in the dashboard are Markdown. An outlet named
``![x](https://example.org/pixel.png)`` in an uploaded CSV would be an image there, fetched by the
browser of everyone who opens the page; ``[click](https://...)`` would be a link the class trusts
because the dashboard shows it. :func:`markdown_text` makes such a field plain text: every ASCII
punctuation character is backslash-escaped, which CommonMark (and GitHub's dialect, which
Streamlit renders) defines as that character, literally.
"""

from __future__ import annotations

import re
import string

#: CommonMark lets any ASCII punctuation be escaped with a backslash, and nothing else.
_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}]")


def markdown_text(value: object) -> str:
    """``str(value)`` as Markdown that shows exactly that text, on one line.

    No link, image, emphasis, heading, list, table, HTML, math or colour directive survives.
    Whitespace runs (line breaks included) become one space, as a browser shows them anyway: a
    field in a caption or a label is one line, and leading spaces would make a code block.
    """
    text = " ".join(str(value).split())
    return _PUNCTUATION.sub(r"\\\g<0>", text)
