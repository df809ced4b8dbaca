"""HTML input: visible text, title and trafilatura body hints (``analyzer.io.html``)."""

from __future__ import annotations

import pytest

from analyzer.boilerplate import classify_lines
from analyzer.io.html import ExtractedPage, align_hints, extract_page
from analyzer.text.lines import split_lines

BODY_PARAGRAPHS = (
    "Resistance fighters said on Monday that they had retaken three districts in the north of "
    "the country after two days of heavy fighting with government forces.",
    "The commander of the group told reporters that his men would hold the valley until talks "
    "began, and that they had enough supplies to last through the winter.",
    "Officials in the capital did not respond to requests for comment, but a spokesman said "
    "earlier this week that the army remained in control of every provincial centre.",
    "Analysts said the fighting could spread to neighbouring provinces if no agreement was "
    "reached before the end of the month, when roads into the valley close for snow.",
)

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Fighters retake districts | Example News</title>
<meta property="og:title" content="Fighters retake three districts">
<style>.nav {{ color: red; }}</style>
<script>var tracking = "do not show";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Fighters retake three districts</h1>
{"".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS)}
</article>
<aside><h3>Related</h3><ul><li><a href="/a">Storm hits the coast</a></li>
<li><a href="/b">Markets fall again</a></li></ul></aside>
<footer><p>&copy; 2021 Example News. All rights reserved.</p></footer>
</body></html>"""


def lines_of(page: ExtractedPage) -> list[str]:
    return [page.text[s:e] for s, e in split_lines(page.text)]


def test_visible_text_keeps_every_block_on_its_own_line() -> None:
    lines = lines_of(extract_page(ARTICLE_PAGE))
    for expected in ("Home", "World", "Fighters retake three districts", *BODY_PARAGRAPHS):
        assert expected in lines
    assert "© 2021 Example News. All rights reserved." in lines


def test_scripts_styles_and_head_are_dropped() -> None:
    text = extract_page(ARTICLE_PAGE).text
    assert "tracking" not in text
    assert "color: red" not in text
    assert "| Example News" not in text  # <title> is read for the title only


def test_hidden_elements_are_dropped() -> None:
    page = extract_page(
        "<html><body><p>Shown paragraph.</p><div hidden>Hidden by attribute</div>"
        '<p style="display: none">Hidden by style</p>'
        '<span style="visibility:hidden">Invisible span</span><p>Also shown.</p></body></html>'
    )
    assert lines_of(page) == ["Shown paragraph.", "", "Also shown."]


def test_entities_are_decoded() -> None:
    page = extract_page(
        "<html><body><p>Tom &amp; Jerry &mdash; &ldquo;caf&eacute;&rdquo; &#8364;5 &nbsp;x</p>"
        "</body></html>"
    )
    assert page.text == "Tom & Jerry — “café” €5 x"


def test_title_prefers_the_social_card_over_the_title_element() -> None:
    assert extract_page(ARTICLE_PAGE).title == "Fighters retake three districts"
    page = extract_page("<html><head><title> A  plain\n title </title></head><body>x</body></html>")
    assert page.title == "A plain title"


def test_title_falls_back_to_the_first_heading() -> None:
    page = extract_page("<html><body><h1>Only a heading</h1><p>Text.</p></body></html>")
    assert page.title == "Only a heading"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "\x00\x00",
        "<",
        "<html><body><p>Unclosed <b>bold <i>italic</p><div>next",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>After a declaration</p></body></html>",
        "<p>fragment only",
        "</div></div></span>stray closers",
        "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>",
    ],
)
def test_malformed_html_never_raises(html: str) -> None:
    page = extract_page(html)
    assert isinstance(page.text, str)
    if page.body_hints is not None:
        assert len(page.body_hints) == len(split_lines(page.text))


def test_malformed_html_keeps_its_text() -> None:
    page = extract_page("<html><body><p>Unclosed <b>bold <i>italic</p><div>next")
    assert lines_of(page) == ["Unclosed bold italic", "", "next"]
    deep = "<html><body>" + "<div>" * 1000 + "deep" + "</div>" * 1000 + "<p>after</p>"
    assert lines_of(extract_page(deep)) == ["deep", "", "after"]
    assert extract_page("<?xml version='1.0'?><html><body><p>ok</p></body></html>").text == "ok"


def test_empty_page_has_no_hints() -> None:
    assert extract_page("") == ExtractedPage("", None, None)
    assert extract_page("<html><body><script>x()</script></body></html>").body_hints is None


def test_body_hints_mark_the_article_not_the_furniture() -> None:
    page = extract_page(ARTICLE_PAGE)
    assert page.body_hints is not None
    lines = lines_of(page)
    assert len(page.body_hints) == len(lines)
    hinted = {line for line, hint in zip(lines, page.body_hints, strict=True) if hint}
    assert set(BODY_PARAGRAPHS) <= hinted
    assert not hinted & {"Home", "World", "Sport", "Related", "Storm hits the coast"}


def test_link_shares_give_each_line_its_share_of_link_text() -> None:
    page = extract_page(ARTICLE_PAGE)
    assert page.link_shares is not None
    shares = dict(zip(lines_of(page), page.link_shares, strict=True))
    assert shares["Home"] == shares["Storm hits the coast"] == 1.0  # navigation, teasers
    assert all(shares[p] == 0.0 for p in BODY_PARAGRAPHS)
    mixed = extract_page('<html><body><p>Read <a href="/x">the full report</a> here.</p>')
    # "thefullreport" (13) of "Readthefullreporthere." (22): text after </a> is outside the link
    assert mixed.link_shares == pytest.approx((13 / 22,))


TEASERS = (
    "Flooding forces thousands from their homes as the river breaks its banks in the south.",
    "The finance minister says the budget will cut taxes for families and small firms next year.",
    "A new study finds that city parks lower summer temperatures by several degrees.",
    "Police arrest two men after a break-in at the museum that houses the national archive.",
)


def _teaser_page(linked: bool) -> str:
    """The article with teasers for other stories inside its element, where trafilatura keeps
    them as body: as links (as pages have them) or as plain paragraphs."""
    teasers = (f'<a href="/story">{t}</a>' if linked else t for t in TEASERS)
    return f"""<html><head><title>Fighters retake three districts</title></head><body><article>
<h1>Fighters retake three districts</h1>{"".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS)}
{"".join(f"<p>{t}</p>" for t in teasers)}</article></body></html>"""


def test_link_text_counts_against_lines_the_extractor_kept() -> None:
    def furniture(linked: bool) -> tuple[list[float], list[bool]]:
        page = extract_page(_teaser_page(linked))
        spans = split_lines(page.text)
        verdicts = classify_lines(
            page.text,
            spans,
            title=page.title,
            body_hints=page.body_hints,
            link_shares=page.link_shares,
        )
        by_line = {page.text[s:e]: v for (s, e), v in zip(spans, verdicts, strict=True)}
        return [by_line[t].furniture_probability for t in TEASERS], [
            by_line[p].is_body for p in BODY_PARAGRAPHS
        ]

    (linked, body_kept), (unlinked, body_kept_too) = furniture(True), furniture(False)
    assert sum(linked) / len(linked) > sum(unlinked) / len(unlinked) + 0.2
    assert all(body_kept) and all(body_kept_too)


def test_align_hints_matches_lines_split_differently() -> None:
    text = "Menu\nFirst half of a paragraph,\nsecond half of it.\nFooter"
    body = "First half of a paragraph, second half of it."
    assert align_hints(text, body) == (False, True, True, False)


def test_align_hints_marks_only_the_copy_in_reading_order() -> None:
    # The headline appears in the menu, as the article heading and in a "most read" box.
    text = "Big story here\nHome\n\nBig story here\nThe first body line.\nBig story here"
    body = "Big story here\nThe first body line."
    hints = align_hints(text, body)
    assert hints == (False, False, False, True, True, False)


def test_align_hints_ignores_punctuation_and_spacing_differences() -> None:
    text = "Price:  5 $ ,  said   the “shop”."
    assert align_hints(text, "Price: 5$, said the shop.") == (True,)


def test_align_hints_without_matches_marks_nothing() -> None:
    assert align_hints("One\n\nTwo", "Something else entirely") == (False, False, False)


SENTENCE = "The army withdrew from the city on Monday, officials said in a statement."


@pytest.mark.parametrize(
    "head",
    [
        "<head><title>T</title><mbox>tracking</mbox></head>",  # closed unknown tag
        "<head><title>T</title><mbox><meta name='a' content='b'>",  # unclosed: wraps the body
        "<head><title>T</title><div class='x'></div></head>",
    ],
)
def test_unknown_tags_in_head_do_not_hide_the_page(head: str) -> None:
    # Browsers end the head at an element that does not belong there; libxml2 does not.
    page = extract_page(f"<html>{head}<body><p>{SENTENCE}</p></body></html>")
    assert SENTENCE in lines_of(page)
    assert page.title == "T"
    assert "T" not in lines_of(page)  # the title element still shows nothing


def test_page_hidden_until_a_script_runs_is_read_by_the_fallback_extractor() -> None:
    html = (
        "<html><head><title>T</title></head><body style='opacity:1;display:none'>"
        f"<article><p>{SENTENCE}</p><p>{BODY_PARAGRAPHS[0]}</p></article>"
        "<noscript><p>Please enable JavaScript to read this site properly.</p></noscript>"
        "</body></html>"
    )
    page = extract_page(html)
    assert SENTENCE in lines_of(page) and BODY_PARAGRAPHS[0] in lines_of(page)
    assert "enable JavaScript" not in page.text  # noscript content is not the fallback's
    assert page.notes and "trafilatura" in page.notes[0]
    assert page.body_hints is not None and all(page.body_hints)


def test_page_with_no_text_anywhere_stays_empty() -> None:
    page = extract_page("<html><body><script>x()</script><noscript>Enable JS</noscript></body>")
    assert page.text == "" and page.notes == ()
