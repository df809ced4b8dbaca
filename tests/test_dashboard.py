"""Every dashboard page under Streamlit's AppTest: no exception, key elements, one interaction each."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from analyzer.analysis import Analysis
from analyzer.collection import analyze_collection
from analyzer.compare.summary import CHART_GROUPS
from analyzer.config import Config
from analyzer.document import Article, ArticleMeta
from analyzer.span import make_span

from .test_render_markdown import rendered_text

streamlit_testing = pytest.importorskip("streamlit.testing.v1")
AppTest = streamlit_testing.AppTest

APP = Path(__file__).resolve().parents[1] / "dashboards" / "app.py"
SEED_OUTLET_NAMES = [
    "GDC (Global Defense Corp)",
    "NewsTrack",
    "Republic World",
    "SouthFront",
    "teleSUR English",
]
TIMEOUT = 60  # the first run analyses the seeds; later runs hit the cache
ARTICLE_TEXT = "Officials said the talks may resume on Monday."
#: Colours that stand for one meaning under two names: unnamed sources (weasel words and
#: anonymous sources), named sources (count and share), quoted words (a voice and a share).
SHARED_MEANING = {"#a9cdf2", "#cfe8e8", "#8c6d31"}


def _app(monkeypatch: pytest.MonkeyPatch, *paths: str) -> AppTest:
    # Under `streamlit run` the app reads its collection from the arguments after `--`.
    monkeypatch.setattr(sys, "argv", ["app.py", *paths])
    return AppTest.from_file(str(APP), default_timeout=TIMEOUT)


def _shown_html(at: AppTest) -> list[str]:
    """The HTML blocks a page shows (not its style sheets)."""
    return [h.value for h in at.get("html") if not h.value.startswith("<style>")]


def _page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def seeds_app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    at = _app(monkeypatch)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_compare_page_shows_charts_scorecard_and_one_outlets_articles(seeds_app):
    at = seeds_app
    assert at.title[0].value == "Compare outlets"
    assert len(at.get("vega_lite_chart")) >= len(CHART_GROUPS)  # every group drawn
    assert [s.value for s in at.subheader][:1] == ["How much of the page is furniture?"]
    scorecard = at.dataframe[1].value
    assert list(scorecard["outlet"]) == SEED_OUTLET_NAMES
    signal_table = at.dataframe[0].value
    assert list(signal_table.columns) == ["unit", *SEED_OUTLET_NAMES]
    assert {b.label for b in at.get("download_button")} >= {"Download articles CSV"}
    at.selectbox(key="compare_outlet").select("SouthFront").run()
    assert list(at.dataframe[-1].value["outlet"]) == ["SouthFront"]


def test_read_page_shows_the_chosen_article_highlighted_with_legend_and_scores(seeds_app):
    at = _page(seeds_app, "read")
    at.selectbox(key="read_article").select(3).run()
    assert "Outlet: SouthFront" in at.caption[0].value
    article, legend = _shown_html(at)
    assert 'data-signal="attribution"' in article and "title=" in article
    assert "Ahmad Massoud" in article
    assert "page furniture" in legend
    scores = at.dataframe[0].value
    # Plain words, not column names: a class reads these.
    assert {
        "share of sentences that say who said it",
        "hedges (less sure), per 1,000 words",
    } <= set(scores["signal"])
    assert not any("_" in name for name in scores["signal"])


def test_same_fact_page_aligns_sentences_and_filters_by_outlet(seeds_app):
    at = _page(seeds_app, "same_fact")
    shown = [m.value for m in at.markdown if m.value.startswith("**")]
    assert shown, "the seeds tell some facts in several outlets"
    at.selectbox(key="same_fact_outlet").select("teleSUR English").run()
    groups = re.search(r"(\d+) facts", " ".join(m.value for m in at.markdown))
    assert groups is not None
    captions = [c.value for c in at.caption]
    assert int(groups.group(1)) <= len(shown)
    assert captions.count("teleSUR English") == min(int(groups.group(1)), 25)
    at.slider(key="same_fact_threshold").set_value(0.8).run()
    assert "0 facts" in " ".join(m.value for m in at.markdown)


def test_distinctive_words_page_links_a_word_to_its_sentences(seeds_app):
    at = _page(seeds_app, "distinctive")
    at.selectbox(key="distinctive_outlet").select("teleSUR English").run()
    words = at.dataframe[0].value
    assert list(words["z"]) == sorted(words["z"], reverse=True)
    word = words["word"].iloc[0]
    at.selectbox(key="distinctive_word").select(word).run()
    sentences = [h.value for h in at.get("html")]
    assert sentences
    assert all(
        re.search(rf"<mark[^>]*>{re.escape(word)}</mark>", s, re.IGNORECASE) for s in sentences
    )


def _labelled_collection() -> tuple[str, object, Config]:
    texts = {
        "Alpha": "The terrorists attacked a post. Officials called them terrorists too.",
        "Beta": "The fighters attacked a post near the river on Monday.",
    }
    labels = {  # outlet: (word, tier, voice) in text order
        "Alpha": [
            ("terrorists", "value-laden", "authorial"),
            ("terrorists", "value-laden", "reported"),
        ],
        "Beta": [("fighters", "descriptive", "authorial")],
    }
    articles = [Article(t, ArticleMeta(file=f"{o}.txt", outlet=o)) for o, t in texts.items()]
    result = analyze_collection(articles, Config())
    labelled = []
    for analysis in result.analyses:
        text, cursor, spans = analysis.text, 0, []
        for word, tier, voice in labels[analysis.meta.outlet]:
            start = text.index(word, cursor)
            cursor = start + len(word)
            spans.append(
                make_span(
                    text,
                    start,
                    cursor,
                    signal="loaded",
                    label=tier,
                    rule="test rule",
                    voice=voice,
                    actor="Taliban",
                    term=word,
                )
            )
        others = tuple(s for s in analysis.spans if s.signal != "loaded")
        labelled.append(
            Analysis(
                analysis.document,
                tuple(sorted((*others, *spans), key=lambda s: s.sort_key)),
                analysis.scores,
            )
        )
    result.analyses = labelled
    return ("test:labelled", result, Config())


def _click(at: AppTest, voice: str, row: int, outlet: str) -> None:
    # The browser sends a clicked count as the dataframe's selection.
    at.session_state[f"labels_matrix_{voice}"] = {
        "selection": {"rows": [], "columns": [], "cells": [[row, outlet]]}
    }
    at.run()


def test_who_is_called_what_page_opens_the_sentences_of_a_chosen_cell(monkeypatch):
    at = _app(monkeypatch)
    at.session_state["upload_result"] = _labelled_collection()
    at.switch_page("views/labels.py").run()
    assert not at.exception, [e.value for e in at.exception]
    matrix = at.dataframe[0].value
    # The most loaded label comes first, whatever the alphabet says.
    assert list(matrix.index) == [
        ("Taliban", "value-laden", "terrorists"),
        ("Taliban", "descriptive", "fighters"),
    ]
    assert matrix.loc[("Taliban", "value-laden", "terrorists"), "Alpha"] == 2
    cell = at.selectbox(key="labels_cell")
    assert cell.options == [
        "Taliban called “terrorists” (value-laden) in Alpha: 2×",
        "Taliban called “fighters” (descriptive) in Beta: 1×",
    ]
    assert "Officials called them terrorists" in _evidence_text(at)  # the first cell
    _click(at, "all", 1, "Beta")
    assert at.selectbox(key="labels_cell").value == ("Taliban", "descriptive", "fighters", "Beta")
    evidence = [h for h in _shown_html(at) if "fs-legend" not in h]
    assert len(evidence) == 1
    assert _evidence_text(at).endswith("The fighters attacked a post near the river on Monday.")
    assert re.search(r'data-signal="loaded"[^>]*outline:2px[^>]*>fighters<', evidence[0])
    at.selectbox(key="labels_cell").select_index(0).run()  # the keyboard way
    assert "Officials called them terrorists too." in _evidence_text(at)
    at.radio(key="labels_voice").set_value("quoted").run()
    assert "No labels in this voice." in [i.value for i in at.info]


def test_a_chosen_cell_stays_chosen_when_the_voice_filter_changes(monkeypatch):
    at = _app(monkeypatch)
    at.session_state["upload_result"] = _labelled_collection()
    at.switch_page("views/labels.py").run()
    _click(at, "all", 1, "Beta")
    at.radio(key="labels_voice").set_value("authorial").run()
    assert not at.exception, [e.value for e in at.exception]
    # The dropdown and the sentences name the same cell: Beta's "fighters", in its own words.
    assert at.selectbox(key="labels_cell").value == ("Taliban", "descriptive", "fighters", "Beta")
    assert _evidence_text(at).endswith("The fighters attacked a post near the river on Monday.")
    assert "terrorists" not in _evidence_text(at)
    # A voice without that cell says so and shows a cell it has, its sentences with it.
    at.radio(key="labels_voice").set_value("reported").run()
    assert any("not called “fighters”" in c.value for c in at.caption)
    assert at.selectbox(key="labels_cell").value[2] == "terrorists"
    assert _evidence_text(at).endswith("Officials called them terrorists too.")
    at.radio(key="labels_voice").set_value("authorial").run()  # back: the reader's cell again
    assert at.selectbox(key="labels_cell").value[2:] == ("fighters", "Beta")


def _evidence_text(at: AppTest) -> str:
    sentences = [h for h in _shown_html(at) if "fs-legend" not in h]
    return " ".join(re.sub(r"<[^>]+>", "", h) for h in sentences)


def test_your_articles_page_analyses_an_upload_and_the_other_pages_show_it(monkeypatch):
    at = _app(monkeypatch)
    at.switch_page("views/upload.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.data_editor, "the story pack is editable"
    article = "Officials said the talks may resume on Monday. <script>alert(1)</script>\n"
    at.file_uploader(key="upload_files").set_value(
        [
            ("mine.txt", article.encode(), "text/plain"),
            ("tool.exe", b"MZ", "application/octet-stream"),
        ]
    ).run()
    at.text_input(key="upload_outlet_0_mine.txt").input("My Paper").run()
    at.button(key="upload_analyse").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value.startswith("Analysed 1 articles from 1 outlets")
    assert list(at.dataframe[-1].value["outlet"]) == ["My Paper"]
    assert any("tool.exe: unsupported file type" in t.value for t in at.text)
    at.switch_page("views/read.py").run()
    assert "Outlet: My Paper" in at.caption[0].value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in _shown_html(at)[0]


def test_a_missing_story_pack_is_reported_on_the_page_not_raised(monkeypatch, tmp_path):
    at = _app(monkeypatch, "seeds", "--story-pack", str(tmp_path / "missing.csv"))
    at.run()
    assert not at.exception
    assert at.error[0].value.startswith("Cannot load the collection:")
    assert "missing.csv" in rendered_text(at.error[0].value)  # shown as text, not Markdown


def test_outlet_date_and_file_name_from_an_upload_show_as_text_not_markdown(monkeypatch):
    # A pixel in an outlet name would be fetched by the browser of every visitor of the page.
    pixel = "![x](https://203.0.113.7/pixel.png)"
    link = "[2024](https://203.0.113.7/)"
    rows = f'text,outlet,published\n"{ARTICLE_TEXT}","{pixel}","{link}"\n'
    at = _app(monkeypatch)
    at.switch_page("views/upload.py").run()
    at.file_uploader(key="upload_files").set_value(
        [("*bold* [x](y).csv", rows.encode(), "text/csv")]
    ).run()
    assert at.text_input(key="upload_outlet_0_*bold* [x](y).csv").label == (
        "Outlet of \\*bold\\* \\[x\\]\\(y\\)\\.csv"
    )
    at.button(key="upload_analyse").click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page("views/read.py").run()
    caption = at.caption[0].value
    assert rendered_text(caption).startswith(f"Outlet: {pixel} · file: ")
    assert f" · published {link}. Hover" in rendered_text(caption)


def test_how_is_it_sourced_page_shows_outlets_side_by_side_and_opens_a_cells_evidence(seeds_app):
    at = _page(seeds_app, "sourcing")
    assert at.title[0].value == "How is it sourced?"
    matrix = at.dataframe[0].value
    assert list(matrix.columns) == SEED_OUTLET_NAMES
    assert matrix.loc[("voice_side_count", "count"), "teleSUR English"] == 2
    sides = at.dataframe[1].value  # whose voices: quoted words per side
    assert set(sides["side"]) >= {"National Resistance Front", "Taliban"}
    assert {b.label for b in at.get("download_button")} == {"Download credibility CSV"}
    # Clicking a figure (the browser sends the cell as the dataframe's selection) opens its words.
    row = list(matrix.index.get_level_values("indicator")).index("voice_side_count")
    at.session_state["sourcing_matrix_sourcing"] = {
        "selection": {"rows": [], "columns": [], "cells": [[row, "teleSUR English"]]}
    }
    at.run()
    assert at.selectbox(key="sourcing_indicator").value == "voice_side_count"
    assert at.selectbox(key="sourcing_outlet").value == "teleSUR English"
    evidence = _evidence_text(at)
    assert "the Taliban" in evidence and "Masud" in evidence
    at.radio(key="sourcing_group").set_value("page").run()
    at.selectbox(key="sourcing_indicator").select("page_donation_ask_count").run()
    at.selectbox(key="sourcing_outlet").select("SouthFront").run()
    assert "Support SouthFront" in _evidence_text(at)


def test_worksheet_page_offers_the_sheet_and_its_key_for_download(seeds_app):
    at = _page(seeds_app, "worksheet")
    assert sorted(at.multiselect(key="worksheet_outlets").value) == SEED_OUTLET_NAMES
    at.multiselect(key="worksheet_outlets").set_value(["NewsTrack", "SouthFront"]).run()
    at.text_input(key="worksheet_title").input("Panjshir, two ways").run()
    assert not at.exception, [e.value for e in at.exception]
    assert rendered_text(at.success[0].value).startswith("“Panjshir, two ways”: 2 outlets")
    buttons = {b.label for b in at.get("download_button")}
    assert buttons == {"Download the student worksheet", "Download the answer key"}
    at.multiselect(key="worksheet_outlets").set_value(["NewsTrack"]).run()
    assert "Choose at least 2 outlets." in [i.value for i in at.info]


def _pack_table(at: AppTest):
    return at.data_editor[0].value


def test_the_story_pack_starts_empty_loads_from_an_upload_and_clears_in_one_click(monkeypatch):
    at = _app(monkeypatch)
    at.switch_page("views/upload.py").run()
    assert _pack_table(at).empty, "the seeds' pack is never applied to someone else's articles"
    pack = "actor,aliases,kind\nTaliban,Taliban fighters;the Islamic Emirate,group\n"
    at.file_uploader(key="upload_files").set_value(
        [
            ("storypack.csv", pack.encode(), "text/csv"),
            ("mine.txt", (ARTICLE_TEXT + "\n").encode(), "text/plain"),
        ]
    ).run()
    assert not at.exception, [e.value for e in at.exception]
    assert list(_pack_table(at)["actor"]) == ["Taliban"]
    # The pack is not an article: one outlet field, for mine.txt only.
    assert [t.key for t in at.text_input if t.key.startswith("upload_outlet_")] == [
        "upload_outlet_0_mine.txt"
    ]
    at.button(key="upload_analyse").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value.startswith("Analysed 1 articles")
    assert not any("storypack.csv" in t.value for t in at.text)  # no "bad collection" error
    _, _, config = at.session_state["upload_result"]
    assert [a.name for a in config.story_pack.actors] == ["Taliban"]
    at.button(key="upload_pack_clear").click().run()
    assert _pack_table(at).empty


def test_a_pasted_article_with_its_headline_is_analysed_and_actors_can_be_suggested(monkeypatch):
    at = _app(monkeypatch)
    at.switch_page("views/upload.py").run()
    text = (
        "Taliban fighters entered the valley on Monday. The Taliban said the roads were open.\n\n"
        "Ahmad Massoud said his forces would resist. Massoud spoke from the mountains.\n"
    )
    at.text_input(key="upload_paste_outlet").input("Valley Post").run()
    at.text_input(key="upload_paste_title").input("Fighters enter the valley").run()
    at.text_area(key="upload_paste_text").input(text).run()
    at.button(key="upload_analyse").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert list(at.dataframe[-1].value["outlet"]) == ["Valley Post"]
    at.button(key="upload_pack_suggest").click().run()
    assert not at.exception, [e.value for e in at.exception]
    suggested = list(_pack_table(at)["actor"])
    assert "Taliban" in suggested and any("Massoud" in a for a in suggested)
    at.switch_page("views/read.py").run()
    assert at.selectbox(key="read_article").options == ["Valley Post — Fighters enter the valley"]


def test_clicking_a_compare_bar_opens_the_highlights_it_counts(seeds_app):
    at = seeds_app
    charts = at.get("vega_lite_chart")
    certainty = next(
        c.proto.id.rsplit("-", 1)[-1]
        for c in charts
        if "hedges" in json.loads(c.proto.spec)["encoding"]["color"]["scale"]["domain"]
    )
    # The browser sends a clicked bar as the chart's point selection: its outlet and measure.
    at.session_state[certainty] = {
        "selection": {"bar": [{"outlet": "SouthFront", "measure": "hedges"}]}
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    heading = next(m.value for m in at.markdown if m.value.startswith("**SouthFront · hedges**"))
    count = int(re.search(r"(\d+) highlights", heading).group(1))
    shown = _shown_html(at)
    assert 0 < len(shown) == min(count, 8)
    # Each sentence outlines the hedge it counts, in the outlet's own voice.
    assert all(re.search(r'data-signal="hedge"[^>]*outline:2px', h) for h in shown)


def test_compare_charts_give_each_measure_one_colour_and_a_tooltip_with_unit_count_examples(
    seeds_app,
):
    specs = [json.loads(c.proto.spec) for c in seeds_app.get("vega_lite_chart")]
    colour_of: dict[str, str] = {}
    for spec in specs:
        scale = spec["encoding"]["color"]["scale"]
        for measure, colour in zip(scale["domain"], scale["range"], strict=True):
            assert colour_of.setdefault(colour, measure) == measure or colour in SHARED_MEANING
        tooltips = [t.get("title", t["field"]) for t in spec["encoding"]["tooltip"]]
        assert tooltips == ["outlet", "measure", "value", "highlights counted", "for example"]
    assert {"value-laden labels", "descriptive labels"} <= set(colour_of.values())


def test_glossary_page_explains_the_terms_and_the_colours(seeds_app):
    at = _page(seeds_app, "glossary")
    text = " ".join(m.value for m in at.markdown)
    assert "**weasel words**" in text and "**unresolved**" in text
    legend = _shown_html(at)[0]
    assert "fs-legend" in legend and "<b>L</b> Loaded label" in legend
