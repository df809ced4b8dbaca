"""Find direct quotations in news copy that is rarely typeset cleanly.

Handles, without voiding the rest of the article on one odd mark:

- straight and curly double marks mixed in one quotation (``"the resistance is alive.”``);
- multi-paragraph quotations, where each paragraph opens and only the last one closes;
- an opening mark never closed (the quotation ends with its paragraph);
- a closing mark with no opening (lost in a scrape: the opening is inferred after the nearest
  reporting cue, colon or sentence start);
- single-quoted words nested in or standing apart from double quotations (``'Sharia'``),
  told apart from apostrophes (``Afghans’``, ``father’s``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analyzer.settings import QuoteSettings

#: The tuned choices used when none are given.
DEFAULT_SETTINGS = QuoteSettings()

_DOUBLE_MARKS = re.compile(r"[\"“”„‟«»]")
_OPENERS = frozenset("“„‟«")
_CLOSERS = frozenset("”»")
_OPEN_CONTEXT = frozenset("([{—–-/ \t")  # characters after which a straight mark opens
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-/ \t…")  # characters before which a straight mark closes
_INFERRED_OPENING = re.compile(
    r"(?:\b(?:said|says|saying|added|adds|told|tells|stated|states|wrote|writes|warned|stressed|"
    r"insisted|declared|announced|explained|noted|asserted|tweeted)\b(?:\s+that\b)?[\s,]*|:\s*)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_SENTENCE_MARK = re.compile(r"[.!?…](?:\s|$)")
_STATEMENT_END = (",", ".", "!", "?", "…", ";", ":")


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation.

    ``start``/``end`` include the quotation marks; ``content_start``/``content_end`` are the words
    inside them. ``kind`` is ``"direct"`` (a statement) or ``"short"`` (scare or partial quote).
    ``rule`` says how the boundaries were found.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    kind: str
    rule: str


def find_quotes(
    text: str, paragraphs: list[tuple[int, int]], settings: QuoteSettings = DEFAULT_SETTINGS
) -> list[Quote]:
    """Return the direct quotations in ``paragraphs`` (body paragraphs in reading order), sorted;
    ``settings`` (``Config.quotes``) tells quotations from scare quotes and apostrophes."""
    quotes = _double_quotes(text, paragraphs, settings.short_quote_max_words)
    quotes.extend(_single_quotes(text, paragraphs, quotes, settings))
    quotes.sort(key=lambda q: (q.start, q.end))
    return [q for q in quotes if not _nickname(text, q)]


#: A capitalised word, a space, the marked words, a space and a capitalised word: a name.
_NAME_AROUND = re.compile(r"[A-Z][\w.'’-]* $")
_NAME_AFTER = re.compile(r" [A-Z]")


def _nickname(text: str, quote: Quote) -> bool:
    """Hugo "El Pollo" Carvajal, Jimmy "Barbecue" Cherizier: one to three capitalised words
    marked inside a person's name are a nickname, not words anyone is quoted saying."""
    words = text[quote.content_start : quote.content_end].split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and _NAME_AROUND.search(text, max(0, quote.start - 30), quote.start) is not None
        and _NAME_AFTER.match(text, quote.end) is not None
    )


def _double_quotes(
    text: str, paragraphs: list[tuple[int, int]], short_max_words: int
) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None  # offset of the opening mark of the quotation in progress
    rule = "paired quotation marks"
    for index, (p_start, p_end) in enumerate(paragraphs):
        for match in _DOUBLE_MARKS.finditer(text, p_start, p_end):
            pos = match.start()
            role = _role(text, pos, p_start, p_end, in_quote=open_at is not None)
            if open_at is not None and pos == p_start and open_at < p_start and role == "open":
                continue  # the continuation mark of a multi-paragraph quotation
            if role == "open" and open_at is None:
                open_at = pos
            elif role == "close" and open_at is not None:
                quotes.append(_make_quote(text, open_at, pos + 1, rule, short_max_words))
                open_at, rule = None, "paired quotation marks"
            elif role == "close":
                quotes.append(_infer_opening(text, p_start, pos))
        if open_at is not None:
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is not None and text[following] in '"“„‟«':
                rule = "multi-paragraph quotation (each paragraph opens, the last one closes)"
                continue
            quotes.append(
                _make_quote(
                    text,
                    open_at,
                    p_end,
                    "opening mark never closed: ends with its paragraph",
                    short_max_words,
                )
            )
            open_at, rule = None, "paired quotation marks"
    return quotes


def _role(text: str, pos: int, p_start: int, p_end: int, *, in_quote: bool) -> str:
    """Decide whether the double mark at ``pos`` opens or closes a quotation."""
    mark = text[pos]
    before = text[pos - 1] if pos > p_start else " "
    after = text[pos + 1] if pos + 1 < p_end else " "
    can_open = before in _OPEN_CONTEXT or before in '"“”'
    can_close = after in _CLOSE_CONTEXT or after in "\"“”’'"
    if mark in _OPENERS and (can_open or not can_close):
        return "open"
    if mark in _CLOSERS and (can_close or not can_open):
        return "close"
    # Straight marks, and curly marks typed the wrong way round: context decides, then state.
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "close" if in_quote else "open"


def _make_quote(text: str, start: int, end: int, rule: str, short_max_words: int) -> Quote:
    """A quotation; ``short`` (a scare or partial quote) when it has at most ``short_max_words``
    words and no sentence punctuation inside."""
    content_start = start + 1
    content_end = end - 1 if end - 1 > start and text[end - 1] in "\"”»“’'" else end
    content = text[content_start:content_end]
    words = len(_WORD.findall(content))
    # Punctuation inside the marks ("We will never surrender," he said) shows a full quotation;
    # a scare or partial quote ("his “hero”") is a bare phrase inside running text.
    is_statement = _SENTENCE_MARK.search(content) is not None or content.rstrip().endswith(
        _STATEMENT_END
    )
    kind = "short" if words <= short_max_words and not is_statement else "direct"
    return Quote(start, end, content_start, content_end, kind, rule)


def _infer_opening(text: str, p_start: int, close: int) -> Quote:
    """Reconstruct a quotation whose opening mark is missing: it starts after the last reporting
    cue or colon before the closing mark, or else at the start of that sentence."""
    window_start = max(p_start, _sentence_start(text, p_start, close))
    start = window_start
    for match in _INFERRED_OPENING.finditer(text, window_start, close):
        start = match.end()
    start = min(start, close)
    quote = Quote(
        start,
        close + 1,
        start,
        close,
        "direct",
        "closing mark without an opening one: opening inferred after the reporting cue",
    )
    return quote


def _sentence_start(text: str, p_start: int, pos: int) -> int:
    for i in range(pos - 1, p_start, -1):
        if text[i] in ".!?" and text[i + 1].isspace():
            return i + 1
    return p_start


def _single_quotes(
    text: str, paragraphs: list[tuple[int, int]], doubles: list[Quote], settings: QuoteSettings
) -> list[Quote]:
    found = []
    pair = _single_pair(settings.max_single_quote_chars)
    for p_start, p_end in paragraphs:
        for match in pair.finditer(text, p_start, p_end):
            start, end = match.span()
            if any(q.start == start or q.end == end for q in doubles):
                continue
            quote = _make_quote(
                text, start, end, "single quotation marks", settings.short_quote_max_words
            )
            found.append(quote)
    return found


@functools.cache
def _single_pair(max_chars: int) -> re.Pattern[str]:
    """A single-quoted span of at most ``max_chars`` characters, its marks told from
    apostrophes (``Afghans’``, ``father’s``) by the letters around them."""
    return re.compile(
        r"(?<![\w’'])[‘'](?=\w)([^\n‘’']{1," + str(max_chars) + r"}?)(?<=[\w.,!?])[’'](?![\w’'])"
    )
