"""Pages whose size is in lines or tags: read whole, judged line by line, same verdicts as before.

The classifier reads its feature rows a block of lines at a time and keeps its verdicts as arrays;
these tests pin that doing so changes nothing a user sees (the block-by-block verdicts are those
of the whole matrix, to the bit), and that pages of many lines or many paragraphs are read whole.
Memory and time are measured by ``benchmarks/large_input.py --pages``, not here.
"""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest

from analyzer.analysis import analyze
from analyzer.boilerplate import classify, features, table
from analyzer.boilerplate.classify import decide_lines, judge_lines
from analyzer.boilerplate.model import load_model
from analyzer.boilerplate.table import tabulate_lines
from analyzer.collection import analyze_collection
from analyzer.document import build_document
from analyzer.io import html as html_module
from analyzer.io.html import extract_page
from analyzer.io.uploads import Upload, read_uploads
from analyzer.text.lines import line_bounds, split_lines
from analyzer.text.sentences import join_wrapped_lines

from .conftest import SEED_OUTLETS

#: Menu lines, a headline copy and paragraphs: every kind of verdict, with and without hints.
PAGE = "\n".join(
    [
        "Home",
        "World",
        "Storm hits the coast",
        "",
        "Storm hits the coast",
        "The storm reached the coast on Monday night, officials said, and thousands lost power.",
        "Rescue teams worked through the night to reach villages cut off by the floods.",
        "",
        "Related",
        "Markets fall again",
        "© 2024 Example News. All rights reserved.",
    ]
)


def _small_blocks(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    for module in (classify, features, table):
        monkeypatch.setattr(module, "BLOCK_LINES", size)


@pytest.mark.parametrize("hinted", [False, True])
def test_rows_built_block_by_block_equal_the_whole_matrix(hinted: bool) -> None:
    spans = split_lines(PAGE)
    hints = [i % 3 != 0 for i in range(len(spans))] if hinted else None
    lines = tabulate_lines(PAGE, spans, title="Storm hits the coast", body_hints=hints)
    whole = lines.features
    rows = lines.rows()
    for start, stop in [(0, 1), (0, 3), (2, 5), (4, len(whole)), (len(whole) - 1, len(whole))]:
        assert np.array_equal(rows.block(start, stop), whole[start:stop]), (start, stop)


@pytest.mark.parametrize("name", sorted(SEED_OUTLETS))
def test_verdicts_read_a_block_at_a_time_are_the_whole_matrix_verdicts(
    monkeypatch: pytest.MonkeyPatch, seed_texts: dict[str, str], name: str
) -> None:
    # Blocks of 7 lines cut every seed article many times; the model sees each row once.
    _small_blocks(monkeypatch, 7)
    text = seed_texts[name]
    spans = split_lines(text)
    title = text.strip().splitlines()[0]
    found = judge_lines(text, *line_bounds(text), title=title).to_list()
    lines = tabulate_lines(text, spans, title=title)
    whole = decide_lines(lines, load_model("plain"), title=title)
    assert [found[i] for i in lines.indices] == whole


def test_a_text_of_many_short_lines_gets_one_verdict_per_line() -> None:
    words = ["the", "militants", "withdrew", "from", "the", "town", "officials", "said", "on"]
    lines = [" ".join(words[i % 5 : i % 5 + 4]) + f" {i}" for i in range(30_000)]
    doc = build_document("\n".join(lines))
    assert len(doc.lines) == 30_000
    assert [doc.text[line.start : line.end] for line in doc.lines[:3]] == lines[:3]
    furniture = sum(1 for line in doc.lines if not line.is_body)
    assert doc.furniture_chars + doc.body_chars == sum(map(len, lines))
    assert 0 < furniture <= 30_000


def test_document_lines_are_a_sequence_of_line_objects() -> None:
    doc = build_document(PAGE)
    lines = list(doc.lines)
    assert len(lines) == len(doc.lines) == len(split_lines(PAGE))
    assert [doc.lines[i] for i in range(len(lines))] == lines
    assert doc.lines[-1] == lines[-1] and doc.lines[1:3] == tuple(lines[1:3])
    assert doc.lines == build_document(PAGE).lines
    assert [line.reason for line in lines if line.is_blank] == ["blank", "blank"]
    assert doc.body_chars == sum(line.end - line.start for line in lines if line.is_body)


def test_a_line_bomb_zip_upload_is_read_and_analysed() -> None:
    # A zip of 2 kB whose one member unpacks to 20,000 one-letter lines.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("lines.txt", b"a\n" * 20_000)
    articles, errors = read_uploads([Upload("bomb.zip", buffer.getvalue())])
    assert errors == []
    result = analyze_collection(articles)
    assert result.errors == []
    (analysis,) = result.analyses
    assert len(analysis.document.lines) == 20_000
    assert analysis.scores["boilerplate_lines"] == len(analysis.spans_of("boilerplate"))


def test_many_short_lower_case_lines_join_into_one_paragraph() -> None:
    # Only the last character of the paragraph so far decides whether the next line continues it.
    text = "\n".join(["a"] * 50_000 + ["b.", "c"])
    spans = split_lines(text)
    assert join_wrapped_lines(text, spans) == [(0, spans[-2][1]), spans[-1]]


def test_a_page_of_very_many_paragraphs_is_judged_without_extractor_hints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = (
        "<html><body><article>" + "".join(f"<p>Paragraph {i}.</p>" for i in range(5)) + "</article>"
    )
    assert extract_page(page).body_hints is not None
    monkeypatch.setattr(html_module, "MAX_HINTED_PARAGRAPHS", 4)
    extracted = extract_page(page)
    assert extracted.body_hints is None
    assert extracted.text.split("\n\n") == [f"Paragraph {i}." for i in range(5)]


def test_an_html_page_of_many_paragraphs_is_analysed_whole() -> None:
    body = "".join(f"<p>Paragraph {i}: officials said the talks resumed.</p>" for i in range(3_000))
    page = extract_page(f"<html><head><title>Talks</title></head><body>{body}</body></html>")
    analysis = analyze(page.text)
    assert len(analysis.document.lines) == 2 * 3_000 - 1  # paragraphs and the blank lines between
