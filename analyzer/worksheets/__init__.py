"""Classroom worksheets with answer keys, made from real articles about one story.

A worksheet puts short excerpts of the same events from 2-5 outlets side by side, marks the
evidence spans in fixed colours, traces each mark to its outlet, paragraph and rule, and asks the
lateral-reading questions with an answer key generated from the same spans::

    ws = build_worksheet(collection.analyses)
    html = render_worksheet_html(ws)                 # student sheet
    key = render_worksheet_html(ws, answers=True)    # teacher's answer key
"""

from __future__ import annotations

from analyzer.worksheets.render import render_worksheet_html, render_worksheet_markdown
from analyzer.worksheets.worksheet import Worksheet, WorksheetError, build_worksheet

__all__ = [
    "Worksheet",
    "WorksheetError",
    "build_worksheet",
    "render_worksheet_html",
    "render_worksheet_markdown",
]
