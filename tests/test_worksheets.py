"""Classroom worksheets: what a teacher relies on when printing one from the bundled seeds."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from analyzer.analysis import Analysis, analyze
from analyzer.cli import parse_args, process_args
from analyzer.collection import analyze_collection
from analyzer.config import Config
from analyzer.document import Article, ArticleMeta
from analyzer.render.kinds import KIND_BY_KEY
from analyzer.span import make_span
from analyzer.worksheets import (
    WorksheetError,
    build_worksheet,
    render_worksheet_html,
    render_worksheet_markdown,
)
from analyzer.worksheets.excerpts import MAX_WORDS, MIN_WORDS
from analyzer.worksheets.items import CONTESTED_NOT_WRONG, REWRITE
from analyzer.worksheets.worksheet import content_note
from tests.conftest import SEEDS

#: Debian's chromium, as in tests/test_browser.py (FRAMESCOPE_REQUIRE_BROWSER=1 makes it required).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def analyses(seed_config: Config) -> list[Analysis]:
    result = analyze_collection([SEEDS], seed_config)
    assert not result.errors
    return result.analyses


@pytest.fixture(scope="module")
def worksheet(analyses: list[Analysis]):
    return build_worksheet(analyses)


def test_one_excerpt_per_outlet_two_to_five_outlets_of_lesson_length(worksheet) -> None:
    outlets = worksheet.outlets
    assert 2 <= len(outlets) <= 5
    assert len(set(outlets)) == len(outlets)
    for excerpt in worksheet.excerpts:
        assert MIN_WORDS <= excerpt.words <= MAX_WORDS, (excerpt.outlet, excerpt.words)


def test_excerpts_share_words_with_the_other_outlets(worksheet) -> None:
    for excerpt in worksheet.excerpts:
        others = [e for e in worksheet.excerpts if e is not excerpt]
        shared = set(excerpt.shared_terms)
        assert shared, excerpt.outlet
        assert any(shared & set(other.shared_terms) for other in others)


def test_every_highlight_is_traceable_to_outlet_paragraph_and_rule(worksheet) -> None:
    key = render_worksheet_html(worksheet, answers=True)
    student = render_worksheet_html(worksheet)
    assert sum(len(e.highlights) for e in worksheet.excerpts) >= 5
    for excerpt in worksheet.excerpts:
        doc = excerpt.analysis.document
        for h in excerpt.highlights:
            start, end = doc.paragraphs[h.paragraph - 1]
            assert start <= h.span.start and h.span.end <= end
            assert any(s <= h.span.start and h.span.end <= e for s, e in excerpt.parts)
            where = f"{_esc(excerpt.outlet)}, paragraph {h.paragraph}"
            full = _trace_line(key, excerpt, h.number)
            assert where in full and _esc(h.span.rule) in full
            # The student sheet names the kind of mark but not the rule, which gives answers away.
            short = _trace_line(student, excerpt, h.number)
            assert where in short and KIND_BY_KEY[h.category].name in short
            assert _esc(h.span.rule) not in short


def test_rendering_is_deterministic(analyses, worksheet) -> None:
    again = build_worksheet(analyses)
    assert render_worksheet_html(again, answers=True) == render_worksheet_html(worksheet, True)


def test_date_and_source_of_each_excerpt_are_shown(worksheet) -> None:
    page = render_worksheet_html(worksheet)
    for excerpt in worksheet.excerpts:
        section = _section(page, excerpt)
        meta = excerpt.analysis.meta
        assert _esc(meta.title or "") in section
        expected = f"published {meta.published}" if meta.published else "date not given"
        assert expected in section
    assert "published 2021-09-06" in page  # teleSUR's date, from the manifest


def test_reading_level_and_content_note_are_stated(worksheet) -> None:
    page = render_worksheet_html(worksheet)
    grade = worksheet.reading_level.excerpt_grade
    assert 5 < grade < 25  # news prose, not an empty or garbled text
    assert f"Flesch-Kincaid grade {grade:.1f}" in page
    assert "Content note: these excerpts describe war and violence" in page
    assert content_note("The council approved the school budget on Tuesday.").startswith(
        "Content note: no words of war violence"
    )


def test_questions_cover_the_three_questions_and_a_rewrite_task(worksheet) -> None:
    headings = {q.heading for q in worksheet.questions}
    assert {"Who is behind it?", "What is the evidence?", "What do other sources say?"} <= headings
    rewrite = [q for q in worksheet.questions if q.heading == REWRITE]
    assert len(rewrite) == 1 and rewrite[0].quote
    assert any(rewrite[0].quote in excerpt.text for excerpt in worksheet.excerpts)


def test_answers_appear_only_in_the_answer_key(worksheet) -> None:
    student = render_worksheet_html(worksheet)
    key = render_worksheet_html(worksheet, answers=True)
    for question in worksheet.questions:
        assert _esc(question.prompt) in student
        assert _esc(question.answer) in key
        assert _esc(question.answer) not in student


def test_seed_answer_key_calls_own_voice_value_laden_labels_contested_not_wrong(worksheet) -> None:
    own_voice = [
        h.span.text
        for e in worksheet.excerpts
        for h in e.highlights
        if h.span.signal == "loaded"
        and h.span.label == "value-laden"
        and h.span.voice == "authorial"
    ]
    assert own_voice  # the seeds call the Taliban "terrorists" in their own voice
    keyed = [q.answer for q in worksheet.questions if q.prompt.startswith("Which word does")]
    value_laden = [a for a in keyed if "value-laden" in a and "own voice" in a]
    assert value_laden
    assert all(CONTESTED_NOT_WRONG in answer for answer in value_laden)


def test_value_laden_label_in_own_voice_is_keyed_contested_not_wrong(analyses) -> None:
    republic = next(a for a in analyses if a.meta.outlet == "Republic World")
    labelled = _with_label(republic, "terrorists", voice="authorial", tier="value-laden")
    ws = build_worksheet([labelled, *[a for a in analyses if a is not republic]])
    excerpt = next(e for e in ws.excerpts if e.outlet == "Republic World")
    assert any(h.category == "label" for h in excerpt.highlights)
    question = next(q for q in ws.questions if "Which word does Republic World" in q.prompt)
    assert "Taliban" in question.prompt
    assert "own voice" in question.answer and CONTESTED_NOT_WRONG in question.answer
    assert CONTESTED_NOT_WRONG in render_worksheet_html(ws, answers=True)


def test_label_inside_a_quotation_is_keyed_as_the_sources_word(analyses) -> None:
    republic = next(a for a in analyses if a.meta.outlet == "Republic World")
    labelled = _with_label(republic, "Mujahedeen", voice="quoted", tier="honorific")
    ws = build_worksheet([labelled, *[a for a in analyses if a is not republic]])
    question = next(q for q in ws.questions if "Which word does Republic World" in q.prompt)
    assert "inside a direct quotation from Ahmad Massoud" in question.answer
    assert CONTESTED_NOT_WRONG not in question.answer


def test_the_student_sheet_never_prints_the_tier_of_a_marked_label(worksheet) -> None:
    student = render_worksheet_html(worksheet)
    labels = [(e, h) for e in worksheet.excerpts for h in e.highlights if h.span.signal == "loaded"]
    assert any(h.span.label == "value-laden" for _, h in labels)
    for excerpt, h in labels:
        line = _trace_line(student, excerpt, h.number)
        assert h.span.label not in line, line
    for question in worksheet.questions:  # nor does a question give it away
        assert "value-laden" not in question.prompt and "descriptive" not in question.prompt
    assert "(value-laden)" not in render_worksheet_markdown(worksheet)


def test_no_sheet_shows_a_file_path_and_the_key_names_only_the_file(worksheet) -> None:
    student = render_worksheet_html(worksheet)
    key = render_worksheet_html(worksheet, answers=True)
    files = [e.analysis.meta.file for e in worksheet.excerpts if e.analysis.meta.file]
    assert files
    for file in files:
        assert str(Path(file).parent) not in student and str(Path(file).parent) not in key
        assert Path(file).name not in student
    no_url = [e for e in worksheet.excerpts if not e.analysis.meta.url]
    for excerpt in no_url:
        assert f"file {Path(excerpt.analysis.meta.file).name}" in _section(key, excerpt)
        assert "no address given" in _section(student, excerpt)


def test_the_answer_key_explains_each_alternative_it_offers(analyses) -> None:
    republic = next(a for a in analyses if a.meta.outlet == "Republic World")
    labelled = _with_label(republic, "terrorists", voice="authorial", tier="value-laden")
    ws = build_worksheet([labelled, *[a for a in analyses if a is not republic]])
    question = next(q for q in ws.questions if "Which word does Republic World" in q.prompt)
    assert "value-laden: judges the group" in question.answer
    assert "Descriptive alternatives (descriptive: says who they are" in question.answer
    assert "'armed group' (Global Press Style Guide)" in question.answer
    assert "'fighter' (AP Stylebook, BBC Editorial Guidelines)" in question.answer
    assert "fighters, attackers, armed group" not in render_worksheet_html(ws, answers=True)


def test_each_excerpt_is_printed_once_without_marks_to_read_first(worksheet) -> None:
    for page in (render_worksheet_html(worksheet), render_worksheet_html(worksheet, True)):
        plain = page[page.index("<h2>Read first") : page.index("<h2>Legend")]
        assert "<mark" not in plain and "<sup>" not in plain
        for excerpt in worksheet.excerpts:
            first = excerpt.analysis.text[slice(*excerpt.parts[0])]
            assert _esc(first) in plain, excerpt.outlet


def test_colours_are_fixed_whatever_the_content(worksheet, analyses) -> None:
    other = build_worksheet(analyses[:2])
    assert _style(render_worksheet_html(other)) == _style(render_worksheet_html(worksheet))
    assert "@media print" in _style(render_worksheet_html(worksheet))


def test_hostile_article_prints_as_text() -> None:
    hostile = "<script>alert('x')</script> <img src=x onerror=alert(1)>"
    ws = build_worksheet([analyze(a, Config(strip_boilerplate=False)) for a in _hostile(hostile)])
    assert any("<script>" in e.text for e in ws.excerpts)
    for page in (render_worksheet_html(ws, answers=True), render_worksheet_markdown(ws, True)):
        assert "<script" not in page and "<img" not in page and "<marquee" not in page
        assert "&lt;script&gt;" in page and "One &lt;marquee&gt;News" in page


@pytest.mark.browser
def test_hostile_article_runs_nothing_in_a_real_browser(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("FRAMESCOPE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"FRAMESCOPE_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    payload = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'
    ws = build_worksheet([analyze(a, Config(strip_boilerplate=False)) for a in _hostile(payload)])
    page_file = tmp_path / "answers.html"
    page_file.write_text(render_worksheet_html(ws, answers=True), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            assert page.evaluate("window.__pwned") is None
            assert page.locator("script, img").count() == 0
            assert "<script>window.__pwned=1</script>" in page.inner_text(".excerpts")
        finally:
            browser.close()


def test_fewer_than_two_outlets_is_refused(analyses) -> None:
    with pytest.raises(WorksheetError, match="at least 2 outlets"):
        build_worksheet(analyses, outlets=["SouthFront"])
    chosen = build_worksheet(analyses, outlets=["SouthFront", "NewsTrack"])
    assert set(chosen.outlets) == {"SouthFront", "NewsTrack"}


def test_more_than_five_outlets_are_cut_to_five(analyses) -> None:
    copy = analyses[0]
    renamed = dataclasses.replace(
        copy,
        document=dataclasses.replace(
            copy.document, meta=dataclasses.replace(copy.meta, outlet="Sixth Outlet")
        ),
    )
    ws = build_worksheet([*analyses, renamed])
    assert len(ws.outlets) == 5
    assert len(ws.left_out) == 1 and ws.left_out[0] not in ws.outlets
    with pytest.raises(WorksheetError, match="at most 5"):
        build_worksheet(analyses, outlets=[*{a.meta.outlet for a in analyses}, "Sixth Outlet"])


def test_cli_writes_worksheet_and_answer_key(tmp_path: Path) -> None:
    sheet, key = tmp_path / "worksheet.html", tmp_path / "answers.html"
    argv = ["worksheet", str(SEEDS), "-o", str(sheet), "--answers", str(key)]
    assert process_args(parse_args(argv)) == 0
    assert "Student worksheet" in sheet.read_text(encoding="utf-8")
    answers = key.read_text(encoding="utf-8")
    assert "Answer key" in answers and "<b>Answer:</b>" in answers
    one_outlet = ["worksheet", str(SEEDS / "003_9b56ff62a0c6ad38.txt"), "-o", str(tmp_path / "x")]
    assert process_args(parse_args(one_outlet)) == 1
    assert not (tmp_path / "x").exists()
    markdown = tmp_path / "worksheet.md"
    assert (
        process_args(parse_args(["worksheet", str(SEEDS), "-o", str(markdown), "--markdown"])) == 0
    )
    assert markdown.read_text(encoding="utf-8").startswith("# ")


def _hostile(markup: str) -> list[Article]:
    """Two outlets' articles with ``markup`` in the body, the outlet name and the headline."""
    body = (
        "Fighters attacked the northern district on Friday, officials said, and reports say "
        "dozens of people were wounded in the clashes near the river crossing. "
    ) * 2
    return [
        Article(
            f"{body}{markup} {body}",
            ArticleMeta(file=f"{n}.txt", outlet=f"{n} <marquee>News</marquee>", title=markup),
        )
        for n in ("One", "Two")
    ]


def _with_label(analysis: Analysis, word: str, *, voice: str, tier: str) -> Analysis:
    """The analysis with one loaded span (as the loaded signal emits them), on ``word``."""
    text = analysis.text
    start = text.index(word, text.index("As per reports") if voice == "authorial" else 0)
    span = make_span(
        text, start, start + len(word), signal="loaded", label=tier, voice=voice,
        actor="Taliban" if voice == "authorial" else "unresolved", term=word.lower(),
        rule=f"{tier} label in {voice} voice",
    )  # fmt: skip
    others = [s for s in analysis.spans if s.signal != "loaded"]  # only the label under test
    spans = sorted([*others, span], key=lambda s: s.sort_key)
    return dataclasses.replace(analysis, spans=tuple(spans))


def _trace_line(page: str, excerpt, number: int) -> str:
    found = re.search(rf'<li value="{number}">([^<]*)</li>', _section(page, excerpt))
    assert found is not None, (excerpt.outlet, number)
    return found.group(1)


def _section(page: str, excerpt) -> str:
    """The marked excerpt of ``excerpt``'s outlet (after the unmarked ones read first)."""
    start = page.index(f"<h3>{_esc(excerpt.outlet)}</h3>", page.index("<h2>Excerpts</h2>"))
    return page[start : page.index("</section>", start)]


def _style(page: str) -> str:
    return page[page.index("<style>") : page.index("</style>")]


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
