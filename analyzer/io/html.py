"""HTML input: the page's visible text, one block per line, with body hints from trafilatura.

The visible text keeps every line a reader could see (navigation and footers included), so the
boilerplate classifier decides, and explains, what is furniture. trafilatura, a strong
HTML-aware extractor, is asked for the article body; each visible line it kept is marked with a
body hint, which the classifier's HTML model weighs together with the line's own features.
Measured in cross-validation on the dev pages of AEB and trafilatura-eval-en
(``benchmarks/train_boilerplate.py``), the hints are the most useful single feature in HTML mode.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree

from analyzer.io.deep_html import flatten_deep_nesting
from analyzer.text.lines import split_lines

#: Elements whose content is never visible text (``head`` is read only for the title).
_INVISIBLE = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "head",
        "select",
        "datalist",
        "audio",
        "video",
        "map",
    }
)

#: Elements that start a new line (the block boxes of the HTML rendering model).
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "br",
        "dd",
        "details",
        "div",
        "dt",
        "fieldset",
        "figcaption",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "legend",
        "li",
        "main",
        "nav",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "center",
        "menu",
        "body",
        "html",
        "option",
        "dialog",
    }
)

#: Blocks set off by a blank line, as paragraphs are in scraped plain text; the plain-text model's
#: "blank line around" features then mean the same in both modes.
_PARAGRAPH = frozenset(
    {
        "blockquote",
        "dl",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ol",
        "p",
        "pre",
        "ul",
    }
)

_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TOKEN = re.compile(r"\w+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

#: Paragraphs of the extractor's body one line may match when aligning hints. Tables repeat
#: short cells ("0") and Q&A pages repeat questions in every paragraph; 16 was too few on AEB dev
#: (3 pages lost body), 256 loses none.
MAX_LINE_MATCHES = 256

#: Bound on all (line, paragraph) matches of one page, so a pathological page stays fast.
MAX_HINT_PAIRS = 50_000

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The visible text of a page, its title and one body hint per line of ``split_lines(text)``."""

    text: str
    title: str | None
    body_hints: tuple[bool, ...] | None


def extract_page(html: str) -> ExtractedPage:
    """Return the visible text of ``html`` (one block per line), its title and body hints.

    Never raises on malformed input: a page that cannot be parsed gives empty text. Script,
    style and noscript content never appears in the text.

    Parameters
    ----------
    html : str
        The decoded page.

    Returns
    -------
    ExtractedPage
        ``body_hints`` is None when the text is empty or trafilatura finds no body.
    """
    root = _parse(html)
    if root is None:
        return ExtractedPage("", None, None)
    title = _title(root)
    text = "\n".join(_visible_lines(root)).strip("\n")
    if not text:
        return ExtractedPage("", title, None)
    return ExtractedPage(text, title, _body_hints(html, text))


def _parse(html: str) -> lxml.html.HtmlElement | None:
    # lxml refuses str input carrying an XML encoding declaration; the text is already decoded.
    html = _XML_DECLARATION.sub("", html.replace("\x00", ""), count=1)
    if not html.strip():
        return None
    try:
        # huge_tree lifts libxml2's nesting limit: past ~255 levels the default parser silently
        # returns an empty document, losing the whole page, not just the deep part.
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.document_fromstring(html, parser=parser)
        if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
            # Even so it stops at 2,048 levels, dropping the rest of the page: flatten and retry.
            flat = flatten_deep_nesting(
                html, invisible=_INVISIBLE, blocks=_BLOCK | _PARAGRAPH, hidden_style=_HIDDEN_STYLE
            )
            root = lxml.html.document_fromstring(flat, parser=lxml.html.HTMLParser(huge_tree=True))
        return root
    except (etree.ParserError, ValueError, TypeError) as error:
        _log.debug("unparseable HTML: %s", error)
        return None


def _title(root: lxml.html.HtmlElement) -> str | None:
    # The social-card title is the headline without the " | Site" suffix <title> usually carries.
    for xpath in (
        '//meta[@property="og:title"]/@content',
        '//meta[@name="twitter:title"]/@content',
        "//h1",
        "//title",
    ):
        for found in root.xpath(xpath):
            value = found if isinstance(found, str) else found.text_content()
            value = _SPACE.sub(" ", value).strip()
            if value:
                return value
    return None


def _is_hidden(element: lxml.html.HtmlElement) -> bool:
    return element.get("hidden") is not None or bool(
        _HIDDEN_STYLE.search(element.get("style") or "")
    )


def _visible_lines(root: lxml.html.HtmlElement) -> Iterator[str]:
    """Walk the tree without recursion (pages nest deeply) and yield lines, blank ones included."""
    fragments: list[str] = []
    pending_blank = False
    emitted = False
    # Stack items: (element, False) before its content, (element, True) after it.
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        boundary = tag in _BLOCK or tag in _PARAGRAPH
        if not closing and tag and (tag in _INVISIBLE or _is_hidden(element)):
            if element.tail:
                fragments.append(element.tail)
            continue
        if boundary:
            line = _SPACE.sub(" ", "".join(fragments)).strip()
            fragments.clear()
            if line:
                if pending_blank and emitted:
                    yield ""
                pending_blank = False
                emitted = True
                yield line
            if tag in _PARAGRAPH:
                pending_blank = True
        if closing or not tag:
            # Comments and processing instructions show nothing but their tail.
            if element.tail:
                fragments.append(element.tail)
            continue
        if element.text:
            fragments.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    line = _SPACE.sub(" ", "".join(fragments)).strip()
    if line:
        if pending_blank and emitted:
            yield ""
        yield line


def _body_hints(html: str, text: str) -> tuple[bool, ...] | None:
    body = _trafilatura_body(html)
    if not body:
        return None
    return align_hints(text, body)


def align_hints(text: str, body: str) -> tuple[bool, ...]:
    """Mark the lines of ``text`` that an extractor's ``body`` kept, in reading order.

    A line matches a body paragraph when its word tokens occur in that paragraph as one run
    (paragraph splits rarely agree exactly between extractors). Repeated lines (a headline in
    the menu, the page title, the article) would all match; the hinted lines are the heaviest
    chain whose matched paragraphs never go backwards, so only the copy in the article's place is
    kept. Measured on AEB dev, this keeps trafilatura's own score (0.958 vs 0.959 direct), where
    marking every line whose 4-grams occur anywhere in the body lost 0.009 of precision.
    """
    paragraphs = [
        " " + " ".join(words) + " " for words in map(_TOKEN.findall, body.split("\n")) if words
    ]
    joined = "\n".join(paragraphs)
    starts = list(itertools.accumulate((len(p) + 1 for p in paragraphs[:-1]), initial=0))
    spans = split_lines(text)
    pairs: list[tuple[int, int, int, bool]] = []  # (line, paragraph, weight, whole paragraph)
    for line, (start, end) in enumerate(spans):
        words = _TOKEN.findall(text, start, end)
        if not words:
            continue
        key = " " + " ".join(words) + " "
        found = joined.find(key)
        matches = 0
        while found >= 0 and matches < MAX_LINE_MATCHES and len(pairs) < MAX_HINT_PAIRS:
            paragraph = bisect.bisect_right(starts, found) - 1
            pairs.append((line, paragraph, len(words), len(key) == len(paragraphs[paragraph])))
            matches += 1
            found = joined.find(key, starts[paragraph] + len(paragraphs[paragraph]))
    hints = [False] * len(spans)
    for line in _heaviest_chain(pairs, len(paragraphs)):
        hints[line] = True
    return tuple(hints)


def _heaviest_chain(pairs: list[tuple[int, int, int, bool]], n_paragraphs: int) -> list[int]:
    """Lines of the heaviest chain of ``pairs`` with increasing line and non-decreasing paragraph.

    ``pairs`` come ordered by line. Two whole-paragraph matches may not share a paragraph (that
    would be a repeated line). A Fenwick tree of prefix maxima over paragraphs keeps this
    O(pairs log paragraphs).
    """
    size = n_paragraphs + 1
    empty = (0, -1)  # (chain weight, last pair): weight 0, no pair
    tree: list[tuple[int, int]] = [empty] * (size + 1)  # prefix maxima by paragraph
    partial: list[tuple[int, int]] = [empty] * size  # best chain ending in a part-paragraph match

    def prefix_best(paragraph: int) -> tuple[int, int]:  # best over paragraphs < paragraph
        best, i = empty, paragraph
        while i > 0:
            best = max(best, tree[i])
            i -= i & -i
        return best

    def record(paragraph: int, entry: tuple[int, int]) -> None:
        i = paragraph + 1
        while i <= size:
            tree[i] = max(tree[i], entry)
            i += i & -i

    value: list[int] = []
    link: list[int] = []
    k = 0
    while k < len(pairs):
        group_end = k
        while group_end < len(pairs) and pairs[group_end][0] == pairs[k][0]:
            group_end += 1
        # Every pair of one line is scored before any is recorded: a line cannot chain onto itself.
        for m in range(k, group_end):
            _, paragraph, weight, whole = pairs[m]
            before = prefix_best(paragraph + (0 if whole else 1))
            if whole:
                before = max(before, partial[paragraph])
            value.append(before[0] + weight)
            link.append(before[1])
        for m in range(k, group_end):
            _, paragraph, _, whole = pairs[m]
            # Between equal weights the later pair wins: of two copies of a line (the headline in
            # the menu and above the article) the one nearer the rest of the chain is kept.
            record(paragraph, (value[m], m))
            if not whole:
                partial[paragraph] = max(partial[paragraph], (value[m], m))
        k = group_end
    chain = []
    m = max(range(len(pairs)), key=value.__getitem__) if pairs else -1
    while m >= 0:
        chain.append(pairs[m][0])
        m = link[m]
    return chain


def _trafilatura_body(html: str) -> str | None:
    # Imported here: trafilatura costs ~0.4 s to import and only HTML input needs it.
    import trafilatura

    try:
        # fast=True skips trafilatura's fallback extractors: twice as fast and, on AEB dev, no
        # worse (F1 0.959 vs 0.955 for the default).
        return trafilatura.extract(
            html, fast=True, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception as error:  # a third-party extractor on arbitrary HTML: hints are optional
        _log.debug("trafilatura failed: %s", error)
        return None
