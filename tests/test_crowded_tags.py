"""Tags with absurdly many attributes are cut down; no other markup is touched.

libxml2 itself is the judge: after ``limit_attributes``, no element it parses has more attributes
than the limit, however the crowded tags are hidden among comments, scripts, quoted ``>`` and
end tags. (The quadratic parse is timed by ``benchmarks/large_input.py``, not here.)
"""

from __future__ import annotations

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from analyzer.io.crowded_tags import MAX_TAG_ATTRIBUTES, limit_attributes
from analyzer.io.html import extract_page

#: Markup that moves the border between tags and text: comments, raw text and its escapes, quotes,
#: self-closing slashes, end tags with attributes, doctype and processing instructions.
PIECES = [
    "<", ">", '"', "'", "=", " ", "/", "\t", "\xa0", "\x0b", "a", "-", "!", "?",
    "<!--", "-->", "--!>", "<!-->", "<script>", "<script ", "</script>", "</script ", "<SCRIPT>",
    "<style>", "</style>", "<title>", "</title>", "<textarea>", "</textarea>", "<noscript>",
    "</noscript>", "<plaintext>", "<p>", "</p>", '<div x="', '</div y=">', "<![CDATA[", "]]>",
    "<!DOCTYPE", "<?x", "<b ", "c=", "d='",
]  # fmt: skip
LIMIT = 5


def _most_attributes(page: str) -> int:
    root = lxml.html.document_fromstring(page)
    return max((len(e.attrib) for e in root.iter() if isinstance(e.tag, str)), default=0)


@st.composite
def _crowded_tag(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(["div", "span", "p", "script", "title", "textarea"]))
    count = draw(st.integers(LIMIT + 1, LIMIT + 6))
    values = st.sampled_from(["", "=v", '="q"', "='q'", '=">"', "='<'"])
    return f"<{name} " + " ".join(f"k{i}{draw(values)}" for i in range(count)) + ">"


_NOISE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join)


@given(st.lists(st.one_of(_crowded_tag(), _NOISE), min_size=1, max_size=10).map("".join))
def test_no_element_keeps_more_attributes_than_the_limit(markup: str) -> None:
    page = "<html><body>" + markup
    assert _most_attributes(limit_attributes(page, LIMIT)) <= LIMIT


def test_a_tag_with_100000_attributes_keeps_its_first_1000_and_the_page_is_read() -> None:
    attributes = " ".join(f'data-k{i}="v{i}"' for i in range(100_000))
    page = (
        "<html><head><title>Talks resume</title></head><body>"
        f"<div {attributes}><p>Officials said the talks resumed on Monday.</p></div>"
        "<script>var s = '<b c=1>';</script><p>Second paragraph.</p></body></html>"
    )
    limited = limit_attributes(page)
    assert limited.startswith(page[: page.index(f" data-k{MAX_TAG_ATTRIBUTES}=")])
    assert limited.endswith(page[page.index("><p>Officials") :])
    extracted = extract_page(page)
    assert extracted.title == "Talks resume"
    assert extracted.text.split("\n\n") == [
        "Officials said the talks resumed on Monday.",
        "Second paragraph.",
    ]


def test_pages_without_a_crowded_tag_are_returned_as_they_are() -> None:
    page = (
        "<!DOCTYPE html><html><head><script>if (a < b && c > d) x = '<p k=\"1\">';</script>"
        "<!-- <div a b c d e f g> --></head><body><p class='lede' id=x>Text</p></body></html>"
    )
    assert limit_attributes(page, LIMIT) is page
