"""Page hygiene and transparency: what the page says about who wrote it, when, and who pays.

Read from the line verdicts the document already has (the reasons of ``furniture_patterns.csv``)
and from the opening and closing body paragraphs. Span kinds (signal ``page``):

=================  ==============================================================================
``byline``         a byline line ("By Saima Siddiqui", "Author: ...").
``date``           a publication date line ("Published 6 September 2021", "Last Updated: ...").
``dateline``       a dateline opening the story ("KABUL (Reuters) -", "WASHINGTON, Sept. 6 -").
``correction``     a corrections or update notice ("Correction:", "An earlier version of this
                   article ...", "This story has been updated").
``donation ask``   a donation widget or "Support us" line.
``ad or teaser``   an advertisement label, an "Also Read" teaser, a related-articles heading, a
                   newsletter prompt.
=================  ==============================================================================
"""

from __future__ import annotations

import re

from analyzer.boilerplate.kinds import BODY, DATELINE, DATELINE_OPENER
from analyzer.credibility.headline import headline_bounds
from analyzer.document import Document
from analyzer.span import Span, make_span
from analyzer.text.lines import strip_span

LABELS = ("byline", "date", "dateline", "correction", "donation ask", "ad or teaser")
#: Which furniture reasons (``furniture_patterns.csv``) stand for which page label.
REASON_LABELS = {
    "byline": "byline",
    "publication date line": "date",
    "donation ask": "donation ask",
    "donation widget amount": "donation ask",
    "'Also Read' teaser": "ad or teaser",
    "related-articles heading": "ad or teaser",
    "advertisement label": "ad or teaser",
    "newsletter/subscription prompt": "ad or teaser",
}
#: A corrections notice is looked for in a line's first characters only: further in, "update:"
#: and "an earlier version of this story" are the story's own words, not a notice.
CORRECTION_SEARCH_CHARS = 200
#: A dateline opening the first body paragraph (the pattern the line kinds use for a dateline
#: alone on its line), followed by the story.
_DATELINE = re.compile(DATELINE_OPENER + r"\s")
#: Corrections and update notices (NewsGuard: "regularly corrects or clarifies errors").
_CORRECTION = re.compile(
    r"(?:correction|clarification|editor'?s note|update)\s*(?:\(|:)"
    r"|an earlier version of this (?:article|story|report|post)"
    r"|this (?:article|story|report|post) (?:has been|was) (?:updated|corrected|amended)",
    re.IGNORECASE,
)


def detect_page(doc: Document) -> list[Span]:
    """Byline, date, dateline, corrections, donation and advertising spans of the page."""
    text = doc.text
    spans: list[Span] = []
    for line in doc.lines:
        label = REASON_LABELS.get(line.reason)
        start, end = strip_span(text, line.start, line.end)
        if start >= end:
            continue
        if label is not None:
            spans.append(_span(text, start, end, label, f"page line: {line.reason}"))
            continue
        if line.kind == DATELINE:
            spans.append(
                _span(text, start, end, "dateline", "a dateline: where the story was filed")
            )
            continue
        found = _CORRECTION.search(text, start, min(end, start + CORRECTION_SEARCH_CHARS))
        if found is not None and (found.start() == start or line.is_body):
            spans.append(_span(text, start, end, "correction", "a corrections notice"))
    headline = headline_bounds(doc)
    opening = next(
        (
            p
            for p in doc.paragraphs
            if (headline is None or p[0] >= headline[1]) and doc.lines.kind_at(p[0]) == BODY
        ),
        None,
    )
    if opening is not None:
        found = _DATELINE.match(text, opening[0], opening[1])
        if found is not None:
            why = "a dateline: where the story was filed"
            spans.append(_span(text, *found.span(), "dateline", why))
    return spans


def _span(text: str, start: int, end: int, label: str, why: str) -> Span:
    start, end = strip_span(text, start, end)
    return make_span(text, start, end, signal="page", label=label, rule=why)
