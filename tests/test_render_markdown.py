"""User fields shown where Streamlit reads Markdown come out as the text itself, never as markup.

A CommonMark renderer (markdown-it, with GitHub's tables and strikethrough) stands in for the
browser: the escaped field must render to one paragraph holding exactly the field's text.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from analyzer.render.markdown import markdown_text

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered_text(markdown: str) -> str:
    """The text a reader sees, or an AssertionError if the Markdown made anything but text."""
    out = _MARKDOWN.render(markdown).strip()
    if not out:
        return ""
    assert out.startswith("<p>") and out.endswith("</p>"), out
    inner = out[3:-4]
    assert "<" not in inner, out  # no <img>, <a>, <em>, <code>, <br> ... inside the paragraph
    return html.unescape(inner)


@pytest.mark.parametrize(
    "field",
    [
        "![pixel](https://203.0.113.7/track.png)",
        "[click here](javascript:alert(1))",
        "<https://203.0.113.7/>",
        '<img src="https://203.0.113.7/x.png" onerror="alert(1)">',
        "**Daily** _Paper_ ~~old~~ `code`",
        "# Breaking\n- one\n1. two\n> quote",
        "| outlet | date |\n|---|---|",
        "$e^{i\\pi}$ :red[alarm] &amp; &#60;",
        "    indented like code",
        "C:\\Users\\teacher\\news.csv",
    ],
)
def test_markdown_in_a_field_shows_as_its_own_text(field: str) -> None:
    assert rendered_text(markdown_text(field)) == " ".join(field.split())


@given(st.text())
def test_any_field_renders_to_exactly_its_text(field: str) -> None:
    # Markdown drops NUL and control characters a browser would not show either.
    visible = " ".join(field.replace("\x00", "\ufffd").split())
    assert rendered_text(markdown_text(field)) == re.sub(r"\s+", " ", visible).strip()


def test_non_strings_are_shown_as_their_text() -> None:
    assert markdown_text(2021) == "2021"
    assert markdown_text(ValueError("bad *row* 3")) == "bad \\*row\\* 3"
