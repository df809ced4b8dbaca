"""What every page shares: the collection to show (cached), and small presentation helpers.

The collection is the one named on the command line (``streamlit run dashboards/app.py -- PATHS
[--story-pack F] [--outlet O]``), the bundled ``seeds/`` without PATHS, or the articles a person
analysed on the "Your articles" page. The analysis is cached per process, so the first chart
of every later visitor is instant.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from analyzer.analysis import Analysis
from analyzer.collection import CollectionResult, analyze_collection
from analyzer.command_files import story_pack_path
from analyzer.compare.charts import Chart
from analyzer.compare.labels import label_cells
from analyzer.config import Config
from analyzer.errors import FramescopeError
from analyzer.render.chart_colours import BAR_OUTLINE
from analyzer.render.markdown import markdown_text
from analyzer.storypack import load_story_pack

SEEDS = Path(__file__).resolve().parents[1] / "seeds"  # beside this folder: checkout or wheel
UPLOAD_KEY = "upload_result"  # session state: (key, CollectionResult, Config) of "Your articles"
BAR_PIXELS = 12
OUTLET_MIN_PIXELS = 26
BAR_SELECTION = "bar"  # the Altair selection a click on a Compare bar sets
BUNDLED, YOURS = "Collection from the command line", "Your articles"


@dataclass(frozen=True)
class Active:
    """The collection the pages show; ``key`` identifies it for caches of derived tables."""

    key: str
    result: CollectionResult
    config: Config
    title: str


def app_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="framescope dashboard", exit_on_error=False)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--story-pack", default=None)
    parser.add_argument("--outlet", default=None)
    args, _ = parser.parse_known_args(argv)
    return args


@st.cache_resource(show_spinner="Analysing the collection…")
def load_collection(
    paths: tuple[str, ...], story_pack: str | None, outlet: str | None
) -> tuple[CollectionResult, Config]:
    pack_path = story_pack_path(Path(story_pack) if story_pack else None, paths)
    config = Config(story_pack=load_story_pack(pack_path) if pack_path else None)
    return analyze_collection(list(paths), config, outlet=outlet), config


def bundled() -> Active:
    args = app_arguments(sys.argv[1:])
    paths = tuple(args.paths) or (str(SEEDS),)
    try:
        result, config = load_collection(paths, args.story_pack, args.outlet)
    except (FramescopeError, OSError) as error:  # a broken or missing story pack
        st.error(f"Cannot load the collection: {markdown_text(error)}")
        st.stop()
    names = ", ".join(Path(p).name for p in paths)
    return Active(f"cli:{paths}:{args.story_pack}:{args.outlet}", result, config, names)


def active() -> Active:
    """The collection chosen in the sidebar (the command-line one unless the reader switched)."""
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is not None and st.session_state.get(_choice_key(), YOURS) == YOURS:
        key, result, config = upload
        return Active(key, result, config, "your articles")
    return bundled()


def sidebar_choice() -> None:
    """Let the reader switch between the command-line collection and their own upload."""
    if st.session_state.get(UPLOAD_KEY) is not None:
        st.sidebar.radio("Collection shown", [YOURS, BUNDLED], key=_choice_key())


def _choice_key() -> str:
    # A fresh key after each new analysis, so the sidebar switches to the new articles.
    return f"collection_choice_{st.session_state.get('upload_round', 0)}"


def article_label(analysis: Analysis) -> str:
    meta = analysis.meta
    title = meta.title or Path(meta.file or "article").name
    return f"{meta.outlet} — {title}"


def download_csv(frame: pd.DataFrame, label: str, file_name: str, key: str) -> None:
    st.download_button(
        label, frame.to_csv(index=False).encode("utf-8"), file_name, "text/csv", key=key
    )


def report_errors(result: CollectionResult) -> None:
    if result.errors:
        with st.expander(f"{len(result.errors)} file(s) could not be read"):
            for error in result.errors:
                st.text(str(error))


@st.cache_data(show_spinner=False)
def label_cells_of(key: str, _analyses: list[Analysis]) -> pd.DataFrame:
    """Actor labels of the collection ``key`` (the analyses are not hashed; the key names them)."""
    return label_cells(_analyses)


def clicked_bar(event: Any) -> tuple[str, str] | None:
    """The (outlet, measure) of the bar a reader clicked, from a chart's ``on_select`` event.

    A point selection arrives as a list of the clicked marks' fields; no click is an empty dict.
    """
    selection = event.get("selection") if event else None
    picked = selection.get(BAR_SELECTION) if selection else None
    if isinstance(picked, list) and picked and isinstance(picked[0], dict):
        outlet, measure = picked[0].get("outlet"), picked[0].get("measure")
        if isinstance(outlet, str) and isinstance(measure, str):
            return outlet, measure
    return None


def bar_chart(rows: pd.DataFrame, chart: Chart) -> alt.Chart:
    """Horizontal bars, one group per outlet, one bar per measure, each measure in its colour.

    ``rows`` comes from :func:`analyzer.compare.charts.chart_rows`. Altair rather than
    ``st.bar_chart`` so long outlet names and legends are not cut off, and so a click on a bar
    selects it (``bar``: its outlet and measure) to open the highlights it counts.
    """
    measures = [m.label for m in chart.measures]
    step = max(BAR_PIXELS, OUTLET_MIN_PIXELS // len(measures))  # room for each outlet's name
    legend = (
        alt.Legend(
            orient="bottom", columns=2, labelLimit=320, symbolType="square", symbolStrokeWidth=0
        )
        if len(measures) > 1
        else None
    )
    clicked = alt.selection_point(name=BAR_SELECTION, fields=["outlet", "measure"], on="click")
    colours = alt.Scale(domain=measures, range=[m.colour for m in chart.measures])
    return (
        alt.Chart(rows)
        .mark_bar(stroke=BAR_OUTLINE, strokeWidth=0.6, cursor="pointer")
        .encode(
            y=alt.Y("outlet:N", title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("value:Q", title=chart.unit),
            yOffset=alt.YOffset("measure:N", sort=measures),
            color=alt.Color("measure:N", sort=measures, scale=colours, title=None, legend=legend),
            opacity=alt.condition(clicked, alt.value(1.0), alt.value(0.55)),
            tooltip=[
                alt.Tooltip("outlet:N"),
                alt.Tooltip("measure:N"),
                alt.Tooltip("value_text:N", title="value"),
                alt.Tooltip("count:Q", title="highlights counted"),
                alt.Tooltip("examples:N", title="for example"),
            ],
        )
        .add_params(clicked)
        .properties(height=alt.Step(step, **{"for": "offset"}))  # per bar, any outlet count
    )
