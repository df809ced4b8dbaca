"""Boilerplate: which lines of scraped text are page furniture and which are the article body.

Interface used by the document builder (``analyzer.document``):

- :class:`LineVerdict` and :func:`classify_lines` (plain-text line classifier),
- :class:`ExtractedPage` and ``analyzer.io.html.extract_page`` (HTML input).
"""

from __future__ import annotations

from analyzer.boilerplate.classify import LineVerdict, body_text, classify_lines

__all__ = ["LineVerdict", "body_text", "classify_lines"]
