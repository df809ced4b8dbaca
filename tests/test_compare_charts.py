"""The Compare page's charts: each bar's unit, count, examples and spans; one colour per meaning."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analysis
from analyzer.compare.charts import chart_rows, compare_charts, measure_spans
from analyzer.compare.labels import label_cells
from analyzer.render.chart_colours import MEASURE_KINDS, OTHER_COLOURS, measure_colour
from analyzer.render.kinds import KIND_BY_KEY
from analyzer.scorecard import article_frame, article_row, outlet_frame

from .test_compare import _labelled


@pytest.fixture(scope="module")
def labelled() -> list[Analysis]:
    return [
        _labelled(
            "Alpha",
            "The terrorists attacked a post. Officials called them terrorists too. "
            "The fighters left.",
            [
                ("terrorists", "value-laden", "Taliban", "authorial"),
                ("terrorists", "value-laden", "Taliban", "reported"),
                ("fighters", "descriptive", "Taliban", "authorial"),
            ],
        ),
        _labelled(
            "Beta",
            "The fighters attacked a post near the river. Fighters may return.",
            [
                ("fighters", "descriptive", "Taliban", "authorial"),
                ("Fighters", "descriptive", "Taliban", "authorial"),
            ],
        ),
    ]


def _charts(analyses):
    outlets = outlet_frame(article_frame(article_row(a) for a in analyses))
    return {c.title: c for c in compare_charts(outlets, label_cells(analyses))}, outlets


def test_the_headline_label_chart_counts_judging_tiers_apart_from_descriptive_ones(labelled):
    charts, outlets = _charts(labelled)
    loaded = charts["Loaded labels in the outlet's own words"]
    words = outlets.set_index("outlet")["body_words"]
    assert list(loaded.values.columns) == [
        "value-laden labels",
        "dehumanizing labels",
        "honorific labels",
        "contested labels",
    ]
    assert loaded.values.loc["Beta"].sum() == 0.0  # only descriptive labels: no loaded bar
    neutral = charts["Neutral labels in the outlet's own words"]
    assert neutral.values.loc["Beta", "descriptive labels"] == pytest.approx(2000 / words["Beta"])
    # Whose words the loaded labels are: Beta's descriptive "fighters" are not loaded labels.
    voices = charts["Whose words are the loaded labels?"]
    # Short names: the legend's second column under a half-width chart cuts longer ones off.
    assert list(voices.values.columns) == [
        "in the outlet's own words",
        "in direct quotes",
        "in reported speech",
        "in captions",
    ]
    assert voices.values.loc["Beta"].sum() == 0.0
    assert voices.values.loc["Alpha", "in reported speech"] == pytest.approx(1000 / words["Alpha"])


def test_each_bar_has_its_unit_count_and_examples_and_opens_its_spans(labelled):
    charts, _ = _charts(labelled)
    neutral = charts["Neutral labels in the outlet's own words"]
    rows = chart_rows(neutral, labelled).set_index(["outlet", "measure"])
    beta = rows.loc[("Beta", "descriptive labels")]
    assert beta["count"] == 2
    assert beta["examples"] == "'fighters'"  # one word, whatever its case
    assert beta["value_text"].endswith(" per 1,000 body words")
    tiers = charts["Loaded labels in the outlet's own words"]
    assert (
        chart_rows(tiers, labelled)
        .set_index(["outlet", "measure"])
        .loc[("Beta", "value-laden labels"), "examples"]
        == "none"
    )
    spans = measure_spans(labelled, "Alpha", tiers.measure("value-laden labels"))
    assert [(labelled[a].meta.outlet, s.text, s.voice) for a, s in spans] == [
        ("Alpha", "terrorists", "authorial")
    ]
    tone = charts["What tone?"]
    assert measure_spans(labelled, "Alpha", tone.measures[0]) == []  # a measure of sentences
    assert chart_rows(tone, labelled)["examples"].eq("-").all()


def test_shares_read_as_percentages_of_what_they_share(labelled):
    charts, _ = _charts(labelled)
    rows = chart_rows(charts["Whom does it lean on?"], labelled)
    attributed = rows[rows["measure"] == "sentences attributed"]
    assert all(text.endswith("% of body sentences") for text in attributed["value_text"])


def test_a_measure_that_counts_a_kind_of_highlight_takes_that_kinds_colour():
    for measure, kind in MEASURE_KINDS.items():
        assert measure_colour(measure) == KIND_BY_KEY[kind].colour
    kind_colours = {kind.colour for kind in KIND_BY_KEY.values()}
    # A colour no highlight uses, never reused for a second meaning.
    assert not set(OTHER_COLOURS.values()) & kind_colours
    assert len(set(OTHER_COLOURS.values())) == len(OTHER_COLOURS) - 1  # quoted words = quoted voice
