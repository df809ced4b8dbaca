"""The highlighted article: escaped text, fixed colours per signal, reasons on hover."""

from __future__ import annotations

from html.parser import HTMLParser

from analyzer.analysis import Analysis, analyze
from analyzer.document import ArticleMeta
from analyzer.render.html import (
    article_html,
    describe_span,
    highlight,
    legend_html,
    mark_word,
)
from analyzer.render.kinds import KIND_BY_KEY, KINDS, READING_KINDS, style_of
from analyzer.span import Span, make_span

PAYLOAD = '<script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=1">'


class _Collector(HTMLParser):
    """Every tag with its attributes, and the text content with entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.pieces: list[tuple[str, dict[str, str | None]]] = []  # text, innermost tag's attrs
        self._open: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.pieces.append((data, self._open[-1] if self._open else {}))


def parse(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector


def _with_spans(text: str, spans: list[Span]) -> Analysis:
    base = analyze(text, meta=ArticleMeta(file="x.txt", outlet="Test"))
    return Analysis(base.document, tuple(sorted(spans, key=lambda s: s.sort_key)), base.scores)


def test_article_markup_holds_only_our_tags_and_the_text_round_trips():
    text = f"Officials said the attack {PAYLOAD} may have been planned.\nLeave a Reply\n"
    analysis = analyze(text, meta=ArticleMeta(file="x.txt", outlet="Test"))
    parsed = parse(article_html(analysis))
    assert {tag for tag, _ in parsed.tags} <= {"div", "span"}
    allowed = {"class", "data-signal", "data-kind", "style", "title", "tabindex"}
    assert all(set(attrs) <= allowed for _, attrs in parsed.tags)
    assert "".join(parsed.text) == text  # every character shown, as text
    assert "<script" not in article_html(analysis) and "<img" not in article_html(analysis)


def test_hostile_span_fields_cannot_break_out_of_the_title_attribute():
    text = "The rebels advanced."
    start = text.index("rebels")
    rule = 'contested" onmouseover="window.__pwned=1'
    span = make_span(
        text,
        start,
        start + 6,
        signal="loaded",
        label="contested",
        rule=rule,
        voice="authorial",
        actor="<b>X</b>",
    )
    parsed = parse(highlight(text, [span]))
    marked = [attrs for tag, attrs in parsed.tags if attrs.get("data-signal") == "loaded"]
    assert len(marked) == 1
    assert "onmouseover" not in marked[0]
    assert marked[0]["title"] == describe_span(span)


def test_overlapping_spans_take_the_most_specific_colour_and_list_both_reasons():
    text = 'He said "they may come back" today.'
    q_start, q_end = text.index("they"), text.index('" today')
    may = text.index("may")
    quote = make_span(text, q_start, q_end, signal="quote", label="direct", rule="direct quotation")
    hedge = make_span(
        text, may, may + 3, signal="hedge", label="modal", rule="modal verb", voice="quoted"
    )
    parsed = parse(highlight(text, [quote, hedge]))
    by_text = dict(parsed.pieces)
    assert by_text["may"]["data-signal"] == "hedge"
    assert style_of("hedge") in by_text["may"]["style"]
    assert style_of("quote") in by_text["may"]["style"]  # still underlined as part of the quote
    assert "quote: direct" in by_text["may"]["title"] and "hedge: modal" in by_text["may"]["title"]
    assert by_text["they "]["data-signal"] == "quote"


def test_furniture_is_greyed_and_struck_through():
    text = "Leave a Reply\nThe talks resumed on Sunday."
    span = make_span(text, 0, 13, signal="boilerplate", label="furniture", rule="comment prompt")
    analysis = _with_spans(text, [span])
    tags = parse(article_html(analysis)).tags
    furniture = [a for _, a in tags if a.get("data-signal") == "boilerplate"]
    assert len(furniture) == 1 and "line-through" in furniture[0]["style"]


def test_a_range_shows_only_that_sentence_with_spans_clipped_to_it():
    text = 'First sentence here. He said "they may come. Then they left." End.'
    start, end = text.index("Then"), text.index(" End.")
    quote = make_span(
        text,
        text.index("they may"),
        text.index('." End'),
        signal="quote",
        label="direct",
        rule="direct quotation",
    )
    parsed = parse(highlight(text, [quote], start, end))
    assert "".join(parsed.text) == text[start:end]
    assert [a["data-signal"] for _, a in parsed.tags] == ["quote"]


def test_legend_names_every_kind_drawn_as_its_highlights_are():
    legend = legend_html()  # the reading views': every kind they draw
    for kind in READING_KINDS:
        assert kind.name in legend and style_of(kind.key) in legend
    assert KIND_BY_KEY["hedge"].colour in legend
    everything = legend_html(KINDS)  # the credibility page's
    for kind in KINDS:
        assert kind.name in everything and style_of(kind.key) in everything


def test_mark_word_marks_whole_words_in_any_case_and_escapes_the_rest():
    marked = mark_word("Regime <b>change</b>: the regime's regimes, REGIME.", "regime")
    parsed = parse(marked)
    marked_words = [text for text, attrs in parsed.pieces if attrs]
    assert marked_words == ["Regime", "REGIME"]  # not "regime's" or "regimes"
    assert "".join(parsed.text) == "Regime <b>change</b>: the regime's regimes, REGIME."


def test_the_focused_span_is_outlined_and_the_others_are_not():
    text = "The rebels met the militants."
    rebels, militants = (
        make_span(
            text,
            text.index(w),
            text.index(w) + len(w),
            signal="loaded",
            label="contested",
            rule="test",
        )
        for w in ("rebels", "militants")
    )
    pieces = dict(parse(highlight(text, [rebels, militants], focus=militants)).pieces)
    assert "outline" in pieces["militants"]["style"]
    assert "outline" not in pieces["rebels"]["style"]
