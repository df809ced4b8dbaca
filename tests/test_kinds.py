"""One registry of span kinds: every span a signal emits is drawn, and drawn alike in every view."""

from __future__ import annotations

import re

import pytest

from analyzer.analysis import Analysis
from analyzer.collection import analyze_collection
from analyzer.config import Config
from analyzer.render.html import highlight, legend_html
from analyzer.render.kinds import (
    FILLED_KINDS,
    KIND_BY_KEY,
    KINDS,
    LOADED_LABEL_KINDS,
    WORKSHEET_KINDS,
    kind_of,
    style_of,
)
from analyzer.signals import credibility, hedging, loaded
from analyzer.span import SENTENCE_SIGNALS, SPAN_SIGNALS, Span, make_span
from analyzer.worksheets import build_worksheet, render_worksheet_html
from analyzer.worksheets.legend import category_of
from tests.conftest import SEEDS

TEXT = "Officials said the terrorists may withdraw."
#: Every (signal, label, source kind) the signals can emit, from their own declarations.
EMITTED = [
    *(("loaded", label, None) for label in loaded.LABEL_TIERS),
    ("loaded", loaded.LANGUAGE_LABEL, None),
    ("loaded", loaded.EMOTIVE_LABEL, None),
    *((category, category, None) for category in hedging.CATEGORIES),
    *(
        ("attribution", "indirect", kind)
        for kind in ("named", "organisation", "anonymous", "pronoun", "unknown", None)
    ),
    ("quote", "direct", None),
    ("quote", "short", None),
    ("boilerplate", "furniture", None),
    *((signal, label, None) for signal, label in credibility.KINDS),
]


def _span(signal: str, label: str, source_kind: str | None) -> Span:
    return make_span(TEXT, 19, 29, signal=signal, label=label, rule="test", source_kind=source_kind)


def test_registry_keys_letters_and_colours_are_unique() -> None:
    assert len(KIND_BY_KEY) == len(KINDS)
    assert len({kind.letter for kind in KINDS}) == len(KINDS)
    colours = [kind.colour for kind in FILLED_KINDS]
    assert len(set(colours)) == len(colours)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c or "") for c in colours)


def test_every_span_a_signal_can_emit_has_a_registry_entry() -> None:
    assert {signal for signal, _, _ in EMITTED} == set(SPAN_SIGNALS) - set(SENTENCE_SIGNALS)
    for signal, label, source_kind in EMITTED:
        assert kind_of(_span(signal, label, source_kind)) in KIND_BY_KEY, (signal, label)
    # Loaded labels are drawn by their declared kind, not by the fallback for unknown labels.
    declared = {*loaded.LABEL_TIERS, loaded.LANGUAGE_LABEL, loaded.EMOTIVE_LABEL}
    assert declared == set(LOADED_LABEL_KINDS)
    assert set(LOADED_LABEL_KINDS.values()) <= set(KIND_BY_KEY)


def test_every_span_on_the_seeds_has_a_registry_entry(analyses) -> None:
    for analysis in analyses:
        assert {kind_of(span) for span in analysis.marks} <= set(KIND_BY_KEY)


def test_whole_sentence_measures_are_never_drawn(analyses) -> None:
    sentences = [span for a in analyses for span in a.spans if span.signal in SENTENCE_SIGNALS]
    assert sentences, "the seeds have sentences"
    assert {kind_of(span) for span in sentences} == {None}
    for analysis in analyses:
        assert highlight(analysis.text, analysis.spans) == highlight(analysis.text, analysis.marks)


@pytest.mark.parametrize("kind", WORKSHEET_KINDS, ids=lambda kind: kind.key)
def test_dashboard_and_worksheet_draw_a_kind_in_the_same_colour(kind, worksheet_css) -> None:
    span = next(s for s in map(_span, *zip(*EMITTED, strict=True)) if kind_of(s) == kind.key)
    assert category_of(span) == kind.key
    assert f"background:{kind.colour}" in highlight(TEXT, [span])
    assert worksheet_css[kind.key] == kind.colour
    assert style_of(kind.key) in legend_html()


def test_every_worksheet_mark_has_its_worksheet_colour_on_the_dashboard(
    analyses, worksheet_css
) -> None:
    marks = [(e.analysis, h) for e in build_worksheet(analyses).excerpts for h in e.highlights]
    assert len({h.category for _, h in marks}) >= 5
    for analysis, h in marks:
        colour = worksheet_css[h.category]
        drawn = highlight(analysis.text, [h.span], h.span.start, h.span.end)
        assert f"background:{colour}" in drawn, (h.span.text, h.category)


def test_credibility_evidence_is_drawn_on_its_own_page_only() -> None:
    credibility_kinds = {kind_of(_span(signal, label, None)) for signal, label in credibility.KINDS}
    assert credibility_kinds >= {"clickbait", "evidence", "unsourced", "transparency", "ask"}
    for key in credibility_kinds - {"quote"}:
        assert KIND_BY_KEY[key] not in WORKSHEET_KINDS, key
        assert style_of(key) in legend_html(KINDS)
        assert style_of(key) not in legend_html()  # the reading views' legend
    span = _span("evidence", "unsourced number", None)
    assert category_of(span) is None
    assert "background" not in highlight(TEXT, [span])  # not drawn in the reading views
    drawn = highlight(TEXT, [span], kinds={"unsourced"})  # drawn on the credibility page
    assert f"background:{KIND_BY_KEY['unsourced'].colour}" in drawn


@pytest.fixture(scope="module")
def analyses(seed_config: Config) -> list[Analysis]:
    return analyze_collection([SEEDS], seed_config).analyses


@pytest.fixture(scope="module")
def worksheet_css(analyses: list[Analysis]) -> dict[str, str]:
    """Fill colour per kind, as the worksheet's own style sheet declares it."""
    page = render_worksheet_html(build_worksheet(analyses))
    return dict(re.findall(r"\.c-([\w-]+)\{background:(#[0-9a-f]{6})\}", page))
