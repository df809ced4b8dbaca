"""Line kinds: what a kept line is, beyond body or furniture.

A page's text holds lines that are neither the article's prose nor furniture: the headline, photo
captions, bylines and datelines. They stay in the text (every signal reads them, the views show
them) but captions, bylines and datelines are set apart from the article's own voice: a caption's
words are the photo desk's or an agency's (:meth:`analyzer.document.Document.voice_at` gives them
the voice ``caption``). The headline is the outlet's own words and keeps the authorial voice.

Kinds come from the furniture rules' categories (``lexicons/furniture_patterns.csv``: a
``byline`` row makes a byline, a ``caption`` or ``image_credit`` row a caption) and, for lines no
rule takes, from general credit patterns built on ``lexicons/photo_credits.csv`` and the dateline
pattern the credibility signal also reads (:data:`DATELINE_OPENER`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np

from analyzer.boilerplate.rules import load_rules
from analyzer.lexicons import load_lexicon, validate

BLANK = "blank"
FURNITURE = "furniture"
BODY = "body"
HEADLINE = "headline"
CAPTION = "caption"
BYLINE = "byline"
DATELINE = "dateline"
#: Every kind a line can have, in the order the views list them.
LINE_KINDS = (BLANK, FURNITURE, BODY, HEADLINE, CAPTION, BYLINE, DATELINE)
#: Kinds kept in the text but not in the outlet's voice.
SET_APART_KINDS = frozenset((CAPTION, BYLINE, DATELINE))

#: Reasons given to lines the patterns below recognise (no furniture rule took them).
CAPTION_REASON = "photo caption (credit line)"
DATELINE_REASON = "dateline"

#: Furniture-rule categories whose lines are kept as a kind of their own.
_RULE_CATEGORY_KINDS = {"caption": CAPTION, "image_credit": CAPTION, "byline": BYLINE}

#: Longer lines are paragraphs, not captions: the furniture rules' own limit
#: (``rules.MAX_RULE_WORDS``), and longer than the captions of the seeds and AEB pages.
MAX_CAPTION_WORDS = 60
#: A line that is only a dateline is a handful of words ("KABUL, Aug 16 (Reuters) -").
MAX_DATELINE_WORDS = 10
#: Credits sit at a caption's end; only its last characters are searched.
CREDIT_SEARCH_CHARS = 160

#: Capital letters, accented ones too ("CULIACÁN").
_CAPITAL = "A-ZÀ-ÖØ-Þ"
#: "KABUL (Reuters) -", "WASHINGTON, Sept. 6 (AP) —", "NEW YORK —", "SITTWE, Myanmar/COX'S
#: BAZAR, Bangladesh, March 4 -": a place in capitals, optional country, second place, date and
#: agency, then a dash. Case-sensitive: the capitals are the signal.
DATELINE_OPENER = (
    rf"[{_CAPITAL}][{_CAPITAL} .'-]{{2,40}}(?:[,/]\s*[A-Z][\w .'’]{{1,30}}){{0,4}}\s*"
    r"(?:\([\w .]{2,30}\)\s*)?[-—–]{1,2}"
)
_DATELINE_LINE = re.compile(DATELINE_OPENER + r"\s*$")
_DATELINE_START = re.compile(DATELINE_OPENER + r"\s")
#: The South Asian press's form, "QUETTA:" or "IMPHAL, Nov 3:", opening a paragraph.
_COLON_DATELINE = re.compile(
    rf"([{_CAPITAL}][{_CAPITAL} .'-]{{2,40}})(?:,\s*[A-Z][\w .]{{1,30}})?:\s"
)
#: Capitals before a colon that are a kicker, not a place ("BREAKING: ...").
_KICKERS = frozenset(
    ("breaking", "update", "updated", "watch", "exclusive", "opinion", "analysis", "live",
     "video", "photos", "editorial", "explainer", "fact check", "review", "just in", "alert")
)  # fmt: skip
#: A kicker heads a short headline; a dateline opens a paragraph.
_MIN_COLON_PARAGRAPH = 80


def dateline_end(text: str, start: int) -> int:
    """Where a dateline opening the sentence at ``start`` ends ("PORT-AU-PRINCE, Haiti (Reuters)
    -", "QUETTA:"), or ``start`` when there is none: where the story was filed, not who acts or
    speaks."""
    dateline = _DATELINE_START.match(text, start)
    if dateline is not None:
        return dateline.end()
    colon = _COLON_DATELINE.match(text, start)
    if colon is None or colon.group(1).strip().lower() in _KICKERS:
        return start
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return colon.end() if line_end - start >= _MIN_COLON_PARAGRAPH else start


def kind_of_reason(reason: str, is_body: bool) -> str:
    """The kind of a line from its verdict (:mod:`analyzer.boilerplate.classify`)."""
    kind = _reason_kinds().get(reason)
    if kind is not None:
        return kind
    return BODY if is_body else FURNITURE


def kept_reasons(reasons: Sequence[str]) -> np.ndarray:
    """Per reason: whether its lines stay in the text although they are not article body
    (captions, bylines, datelines)."""
    kinds = _reason_kinds()
    return np.array([kinds.get(r) in SET_APART_KINDS for r in reasons], dtype=bool)


def set_apart_reason(line: str, words: int) -> str | None:
    """The reason for a caption or dateline line no furniture rule took, else None."""
    if words > MAX_CAPTION_WORDS:
        return None
    stripped = line.strip()
    if words <= MAX_DATELINE_WORDS and _DATELINE_LINE.match(stripped):
        return DATELINE_REASON
    patterns = _caption_patterns()
    if patterns.opening.match(stripped):
        return CAPTION_REASON
    tail = max(0, len(stripped) - CREDIT_SEARCH_CHARS)
    if patterns.credit.search(stripped, tail) is not None:
        return CAPTION_REASON
    return None


@functools.cache
def _reason_kinds() -> dict[str, str]:
    kinds = {BLANK: BLANK, HEADLINE: HEADLINE, CAPTION_REASON: CAPTION, DATELINE_REASON: DATELINE}
    for rule in load_rules():
        kind = _RULE_CATEGORY_KINDS.get(rule.category)
        if kind is not None:
            kinds.setdefault(rule.reason, kind)
    return kinds


class _CaptionPatterns:
    """The compiled caption patterns (see :func:`_caption_patterns`)."""

    def __init__(self, opening: re.Pattern[str], credit: re.Pattern[str]) -> None:
        self.opening = opening
        self.credit = credit


@functools.cache
def _caption_patterns() -> _CaptionPatterns:
    """Caption patterns from the credit lexicon.

    - ``opening``: a line opening "File photo", "A handout picture": a caption's own convention.
    - ``credit``: a credit closing a line, after a sentence end, a bracket, a bar or a dash (so
      "a Reuters/Ipsos poll" inside a sentence is no credit): a slash credit ("REUTERS/Stringer",
      "Jane Doe/AFP via Getty Images"), "(Photo by ...)", a picture agency ("Getty Images"), or a
      wire with a credit word ("AP Photo", "Photo: AFP"); a bare wire name credits the story.
    """
    rows = load_lexicon("photo_credits")
    validate(rows, origin="lexicon photo_credits.csv", required=("credit", "kind"), key=("credit",))
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row["credit"])
    wire, pictures, word = (_alternation(by_kind.get(k, [])) for k in ("wire", "pictures", "word"))
    agency = f"(?:{wire}|{pictures})"
    before = r"(?:^|[.!?\"”)]\s+|[(|]\s*|\s[-–—]\s*)"
    name = r"[^/.!?()\s]+(?:\s+[^/.!?()\s]+){0,3}"
    credit = (
        rf"(?:{agency}(?:\s+{word})?\s*/\s*{name}"  # REUTERS/Stringer, AP Photo/Jane Doe
        rf"|{name}\s*/\s*{agency}\b[^/.!?()]{{0,40}}"  # Jane Doe/AFP via Getty Images
        rf"|(?:{word}\s*(?::|by)?\s*)?{pictures}\b"  # Getty Images, Photo: EPA
        rf"|{word}\s*(?::|by)?\s*{wire}\b"  # Photo: AFP
        rf"|{wire}\s+{word})"  # AP Photo, Reuters Pictures
    )
    by_line = rf"\(\s*{word}\s*(?:by|:|courtesy(?:\s+of)?|credit\s*:?)\s*[^()]{{1,80}}\)"
    return _CaptionPatterns(
        opening=re.compile(rf"(?:an?\s+|the\s+)?(?:file|archive|handout)\s+{word}\b", re.I),
        credit=re.compile(rf"(?:{before}{credit}\s*\)?|\s{by_line})\s*\.?\s*$", re.I),
    )


def _alternation(terms: Sequence[str]) -> str:
    """A regex alternation of ``terms``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(terms), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered) + ")"
