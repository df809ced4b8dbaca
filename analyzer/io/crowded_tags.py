"""Tags with absurdly many attributes, cut down before libxml2 parses the page.

libxml2 checks each new attribute of a tag against all the earlier ones, so a tag's cost grows
with the square of its attribute count: 100,000 attributes on one ``<div>`` took 51 CPU s (our
parse and trafilatura's). A real page has a few dozen at most; past ``MAX_TAG_ATTRIBUTES`` the
rest of a tag's attributes are dropped, and the page is otherwise read as it is.

Finding tags takes a tokenizer that agrees with libxml2's (which follows HTML5) on where markup
is: comments, raw text (``<script>``, ``<style>``, ``<textarea>`` ...), quoted attribute values
that hold ``>`` or ``<``, end tags with attributes. A single regular expression walks the page
with possessive steps only, so it never backtracks: the cost is linear in the page's length.
"""

from __future__ import annotations

import functools
import re

#: Attributes kept on one tag (see the module docstring); libxml2 parses this many in ~2 ms.
MAX_TAG_ATTRIBUTES = 1_000

_SPACE = r"[\t\n\x0c\r ]"  # HTML's whitespace: \x0b and \xa0 are not
_NAME = r"[^\t\n\x0c\r />][^\t\n\x0c\r />=]*+"  # "=" may open a name, not continue one
_VALUE = rf"""{_SPACE}*+={_SPACE}*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z)|[^\t\n\x0c\r >]++)?+"""
_ATTRIBUTE = rf"[\t\n\x0c\r /]*+{_NAME}(?>{_VALUE})?+"
_TAG_END = r"[\t\n\x0c\r /]*+(?:>|\Z)"
#: "/>" closes even a raw-text element for libxml2 (not for HTML5), unless the slash belongs to
#: an unquoted value ("<script a=1/>" opens a script).
_SELF_CLOSING = r"[\t\n\x0c\r /]++(?<=/)>"
_NAME_END = r"(?=[\t\n\x0c\r />]|\Z)"
#: Elements whose content is text up to their own end tag (libxml2 2.14 reads <noscript> as
#: markup); <plaintext> runs to the end of the page.
_RAW_TEXT = ("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title")
_ELEMENTS_OF_TEXT = (*_RAW_TEXT, "plaintext")


def _raw_text(name: str) -> str:
    """The text of a raw-text element, up to (not including) its end tag.

    Script text has HTML's escapes: after ``<!--``, a ``<script>`` opens a "double-escaped"
    stretch in which ``</script>`` does not end the element (libxml2 follows this), until
    ``-->``. Other raw-text elements simply end at their end tag; <plaintext> never ends.
    """
    if name == "plaintext":
        return r"(?s:.*)"
    end = rf"</(?i:{name}){_NAME_END}"
    if name != "script":
        return rf"(?s:.*?)(?={end}|\Z)"
    after_lt = rf"/(?i:script){_NAME_END}"  # the end tag, read after its "<"
    double_escaped = rf"<(?i:script){_NAME_END}(?:[^<-]++|-(?!->)|<(?!{after_lt}))*+(?:{end})?+"
    escaped = rf"(?:[^<-]++|-(?!->)|<(?!/?(?i:script){_NAME_END})|{double_escaped})*+"
    return rf"(?:[^<]++|<(?!{after_lt}|!--)|<!--(?:-*+>|{escaped}(?:-->|(?={end})|\Z)))*+"


def _text_after_tag(name: str) -> str:
    """The end of a raw-text element's start tag (after its attributes), and its text."""
    return rf"(?:{_SELF_CLOSING}|{_TAG_END}{_raw_text(name)})"


def _raw_element(name: str, limit: int) -> str:
    """A raw-text element with at most ``limit`` attributes, and its text.

    One alternative per name, not a back-reference: a capturing group inside the possessive walk
    trips a bug of Python 3.11's ``re`` ("The span of capturing group is wrong")."""
    attributes = rf"(?:{_ATTRIBUTE}){{0,{limit}}}+"
    return rf"<(?i:{name}){_NAME_END}{attributes}{_text_after_tag(name)}"


@functools.cache
def _next_crowded(limit: int) -> re.Pattern[str]:
    """Walks, from where it is matched, over everything but a start tag with more than ``limit``
    attributes: text, comments, doctype and other bogus comments, raw-text elements with their
    text, end tags, start tags with at most ``limit`` attributes. A crowded tag matches none of
    them, so the walk stops there and the groups ``kept`` and ``dropped`` split its attributes.
    No match: no crowded tag is left."""
    tokens = rf"""(?:
        [^<]++
      | <!--(?:-?>|(?s:.*?)(?:--!?>|\Z))
      | <[!?][^>]*+(?:>|\Z)
      | {"|".join(_raw_element(name, limit) for name in _ELEMENTS_OF_TEXT)}
      | </[A-Za-z][^\t\n\x0c\r />]*+(?:{_ATTRIBUTE})*+{_TAG_END}
      | </[^>]*+(?:>|\Z)
      | <[A-Za-z][^\t\n\x0c\r />]*+(?:{_ATTRIBUTE}){{0,{limit}}}+{_TAG_END}
      | <(?![A-Za-z])
    )*+"""
    crowded = rf"""
        (?P<kept><(?P<name>[A-Za-z][^\t\n\x0c\r />]*+)(?:{_ATTRIBUTE}){{{limit}}})
        (?P<dropped>(?:{_ATTRIBUTE})*+)"""
    return re.compile(tokens + crowded, re.VERBOSE)


#: After a crowded raw-text tag's kept attributes: the rest of the tag and its text.
_RAW_REST = {name: re.compile(_text_after_tag(name)) for name in _ELEMENTS_OF_TEXT}


def limit_attributes(html: str, limit: int = MAX_TAG_ATTRIBUTES) -> str:
    """``html`` with every tag cut to its first ``limit`` attributes (unchanged, the same object,
    when no tag has more)."""
    next_crowded = _next_crowded(limit)
    pieces = []
    position = 0
    while (found := next_crowded.match(html, position)) is not None:
        pieces.append(html[position : found.end("kept")])
        position = found.end("dropped")
        name = found.group("name").lower()
        if name in _RAW_REST:  # its text is not markup: resume after it
            rest = _RAW_REST[name].match(html, position)
            assert rest is not None  # the pattern matches at any position
            pieces.append(html[position : rest.end()])
            position = rest.end()
    if not pieces:
        return html
    pieces.append(html[position:])
    return "".join(pieces)
