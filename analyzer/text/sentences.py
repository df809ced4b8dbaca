"""Rule-based sentence splitting over body paragraphs, with offsets into the original text.

News copy is regular enough that a careful rule splitter beats shipping a parser model: a break
is terminal punctuation (plus any closing quotes or brackets) followed by space and a capital,
a digit or an opening mark, unless the word before the dot is a known abbreviation or an initial.
"""

from __future__ import annotations

import re

from analyzer.text.lines import strip_span

#: Titles and abbreviations whose trailing dot does not end a sentence in news copy.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen gens lt col maj capt sgt cpl adm cmdr st jr sr rev hon pres
    brig lieut supt insp pvt cpt det fr
    inc corp co ltd llc bros no nos vol vs v etc al approx est dept univ ave blvd mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k u.n e.g i.e
    """.split()  # noqa: SIM905 - a word list reads best as words
)

#: A sentence longer than this is cut at a space: downstream scorers (VADER's negation check) are
#: quadratic in sentence length, and no edited news sentence comes near 1,000 characters.
MAX_SENTENCE_CHARS = 1000

#: Longest token examined before a dot ("p.m", "U.S", "Sept"); longer runs are never abbreviations.
_ABBREVIATION_WINDOW = 24

_BREAK = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])|[.!?…]+[\"'”’»)\]]*$")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PARAGRAPH_END = re.compile(r"[.!?…:;\"'”’»)\]]$")


def join_wrapped_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge hard-wrapped lines into paragraphs.

    A line that ends without closing punctuation and is followed by a line starting in lower case
    continues in the next line; everything else is a paragraph of its own.
    """
    paragraphs: list[tuple[int, int]] = []
    for start, end in lines:
        if paragraphs:
            prev_start, prev_end = paragraphs[-1]
            # Only the paragraph's last character is read: searching the whole paragraph so far
            # made a text of many short lower-case lines quadratic (one growing paragraph).
            ended = _PARAGRAPH_END.search(text, max(prev_start, prev_end - 1), prev_end)
            if not ended and text[start].islower():
                paragraphs[-1] = (prev_start, end)
                continue
        paragraphs.append((start, end))
    return paragraphs


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the paragraph ``text[start:end]`` into stripped, non-empty sentence spans."""
    paragraph = text[start:end]
    sentences = []
    cursor = 0
    for match in _BREAK.finditer(paragraph):
        if _is_abbreviation(paragraph, match.start()):
            continue
        sentences.append((cursor, match.end()))
        cursor = match.end()
    if cursor < len(paragraph):
        sentences.append((cursor, len(paragraph)))
    spans = []
    for rel_start, rel_end in sentences:
        s, e = strip_span(text, start + rel_start, start + rel_end)
        if s < e:
            spans.extend(_cap_length(text, s, e))
    return spans


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    if paragraph[dot] != ".":
        return False
    # Look back a bounded window: a search anchored at ``dot`` from 0 would rescan the paragraph.
    word = _WORD_BEFORE.search(paragraph, max(0, dot - _ABBREVIATION_WINDOW), dot)
    if word is None:
        return False
    token = word.group(1).rstrip(".").lower()
    if token == "x" and _ON_X.search(paragraph, max(0, dot - 6), dot + 1):
        return False  # "..., he wrote on X. Prime Minister ...": the platform, not an initial
    # An initial ("J. Smith") or a dotted acronym ("U.S.") rarely ends a news sentence.
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or "." in token


_ON_X = re.compile(r"\b(?:on|via) X\.$")


def _cap_length(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        piece = strip_span(text, start, cut)
        if piece[0] < piece[1]:
            pieces.append(piece)
        start = strip_span(text, cut, end)[0]
    if start < end:
        pieces.append((start, end))
    return pieces
