"""HTML input: the page's visible text, one block per line, with body hints from trafilatura.

The visible text keeps every line a reader could see (navigation and footers included), so the
boilerplate classifier decides, and explains, what is furniture. trafilatura, a strong
HTML-aware extractor, is asked for the article body; each visible line it kept is marked with a
body hint, which the classifier's HTML model weighs together with the line's own features.
Measured in cross-validation on the dev pages of AEB and trafilatura-eval-en
(``benchmarks/train_boilerplate.py``), the hints are the most useful single feature in HTML mode.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree

from analyzer.io.crowded_tags import limit_attributes
from analyzer.io.deep_html import flatten_deep_nesting
from analyzer.io.hints import align_hints

#: Elements whose content is never visible text. ``head`` itself is not among them: a browser
#: ends the head at the first element that does not belong there (an unknown ``<mbox>``, a stray
#: ``<div>``) and shows it and what follows, while libxml2 keeps the whole page inside ``head``.
#: The head's own elements (title, meta, link, base, script, style) show nothing.
_INVISIBLE = frozenset(
    {
        "title",
        "meta",
        "link",
        "base",
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
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

#: Pages with more <p> elements than this get no hints (the plain-text model judges their lines):
#: trafilatura's search for paragraphs grows with the square of their number (70 CPU s for
#: 200,000), and the most in any page of the AEB and trafilatura evaluation sets is 697.
MAX_HINTED_PARAGRAPHS = 10_000

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """The visible text of a page, its title and one body hint per line of ``split_lines(text)``.

    ``notes`` say what the reader should know about how the text was found (a fallback used).
    ``link_shares`` give, per line, the share of its characters inside links (navigation and
    teaser lists are mostly links, article prose rarely); None when the text is not the page walk's.
    """

    text: str
    title: str | None
    body_hints: tuple[bool, ...] | None
    notes: tuple[str, ...] = ()
    link_shares: tuple[float, ...] | None = None


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
        ``body_hints`` is None when the text is empty, trafilatura finds no body, or the page
        has more than ``MAX_HINTED_PARAGRAPHS`` paragraphs.
    """
    html = limit_attributes(html)
    root = _parse(html)
    if root is None:
        return ExtractedPage("", None, None)
    title = _title(root)
    walked = list(_visible_lines(root))
    text = "\n".join(line for line, _ in walked)
    link_shares = tuple(share for _, share in walked)
    if not text:
        # A page is refused only when no extractor finds text: trafilatura reads some pages the
        # visible walk finds empty (a body hidden by an anti-flicker style until a script shows
        # it). ``noscript`` content is left out: a browser running scripts never shows it.
        body = _fallback_body(root)
        if not body:
            return ExtractedPage("", title, None)
        text = "\n".join(line.strip() for line in body.splitlines()).strip("\n")
        note = "no visible text found by the page walk; the article body is trafilatura's"
        return ExtractedPage(text, title, align_hints(text, body), (note,))
    if sum(1 for _ in root.iter("p")) > MAX_HINTED_PARAGRAPHS:
        return ExtractedPage(text, title, None)
    return ExtractedPage(text, title, _body_hints(html, text), link_shares=link_shares)


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


def _visible_lines(root: lxml.html.HtmlElement) -> Iterator[tuple[str, float]]:
    """Walk the tree without recursion (pages nest deeply) and yield lines, blank ones included,
    each with the share of its non-space characters inside a link (0.0 for a blank line)."""
    fragments: list[str] = []
    linked = 0  # non-space characters of ``fragments`` inside a link
    pending_blank = False
    emitted = False
    links_open = 0
    # Stack items: (element, False) before its content, (element, True) after it.
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        boundary = tag in _BLOCK or tag in _PARAGRAPH
        if not closing and tag and (tag in _INVISIBLE or _is_hidden(element)):
            if element.tail:
                fragments.append(element.tail)
                linked += _solid_length(element.tail) if links_open else 0
            continue
        if boundary:
            line = _SPACE.sub(" ", "".join(fragments)).strip()
            fragments.clear()
            if line:
                if pending_blank and emitted:
                    yield "", 0.0
                pending_blank = False
                emitted = True
                yield line, _link_share(line, linked)
            linked = 0
            if tag in _PARAGRAPH:
                pending_blank = True
        if closing and tag == "a":
            links_open -= 1  # before the tail: text after </a> is outside the link
        if closing or not tag:
            # Comments and processing instructions show nothing but their tail.
            if element.tail:
                fragments.append(element.tail)
                linked += _solid_length(element.tail) if links_open else 0
            continue
        if tag == "a":
            links_open += 1
        if element.text:
            fragments.append(element.text)
            linked += _solid_length(element.text) if links_open else 0
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    line = _SPACE.sub(" ", "".join(fragments)).strip()
    if line:
        if pending_blank and emitted:
            yield "", 0.0
        yield line, _link_share(line, linked)


def _solid_length(text: str) -> int:
    """Characters of ``text`` that are not white space."""
    return sum(map(len, text.split()))


def _link_share(line: str, linked: int) -> float:
    """The share of a walked line's non-space characters that lie inside links."""
    return min(linked / max(len(line) - line.count(" "), 1), 1.0)


def _body_hints(html: str, text: str) -> tuple[bool, ...] | None:
    body = _trafilatura_body(html)
    if not body:
        return None
    return align_hints(text, body)


def _fallback_body(root: lxml.html.HtmlElement) -> str | None:
    """trafilatura's body of a page whose visible walk found no text, ``noscript`` removed."""
    tree = copy.deepcopy(root)
    for element in tree.xpath("//noscript"):
        element.drop_tree()
    body = _trafilatura_body(tree)
    return body if body and body.strip() else None


def _trafilatura_body(html: str | lxml.html.HtmlElement) -> str | None:
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
