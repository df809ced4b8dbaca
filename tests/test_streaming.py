"""Streaming out: rows written as scored, outlet and label tables summed as they come, the same
tables as the whole-table code; Parquet with ``-o x.parquet``."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analyzer.aggregates import CountAggregate, OutletAggregate
from analyzer.cli import main
from analyzer.collection import _label_frame, analyze_collection
from analyzer.config import Config
from analyzer.io.writers import read_csv, write_csv
from analyzer.scorecard import LABEL_COLUMNS, article_columns, article_frame, outlet_frame
from analyzer.signals import all_features
from analyzer.storypack import load_story_pack

from .conftest import SEEDS

TABLES = ("-o", "--by-outlet", "--labels", "--sources", "--actor-sentiment")


def _random_rows(count: int, seed: int) -> list[dict[str, object]]:
    """Article rows with awkward floats (tiny, huge, negative, missing) over a few outlets."""
    generator = random.Random(seed)
    rows = []
    for number in range(count):
        row: dict[str, object] = dict.fromkeys(article_columns())
        row.update(file=f"a{number}.txt", outlet=generator.choice(["B", "A", "C", "1843"]))
        for feature in all_features():
            value = generator.random() * 10 ** generator.randint(-8, 8) * generator.choice([1, -1])
            row[feature.name] = None if generator.random() < 0.05 else value
        rows.append(row)
    return rows


def _assert_same_outlets(streamed: pd.DataFrame, whole: pd.DataFrame) -> None:
    assert list(streamed.columns) == list(whole.columns)
    assert list(streamed["outlet"]) == list(whole["outlet"])
    assert list(streamed["articles"]) == list(whole["articles"])
    for feature in all_features():
        # Within one rounding: pandas compensates its sums, the aggregate sums exactly.
        assert np.allclose(
            streamed[feature.name], whole[feature.name], rtol=1e-12, atol=0, equal_nan=True
        ), feature.name


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_outlet_aggregate_equals_the_whole_table_code(seed: int) -> None:
    rows = _random_rows(3_000, seed)
    aggregate = OutletAggregate()
    for start in range(0, len(rows), 7):  # in uneven pieces, as articles arrive
        aggregate.add(rows[start : start + 7])
    _assert_same_outlets(aggregate.frame(), outlet_frame(article_frame(rows)))


def test_outlet_and_label_aggregates_equal_the_whole_table_code_on_real_articles() -> None:
    config = Config(story_pack=load_story_pack(SEEDS / "storypack.csv"))
    result = analyze_collection([SEEDS], config, keep_analyses=False)
    outlets, labels = OutletAggregate(), CountAggregate(LABEL_COLUMNS)
    outlets.add(result.articles.to_dict("records"))
    rows = [
        {**row, "outlet": row["outlet"] + suffix}
        for suffix in ("", " (copy)")
        for row in result.labels.to_dict("records")
    ]
    labels.add(rows)
    pd.testing.assert_frame_equal(outlets.frame(), result.outlets)
    pd.testing.assert_frame_equal(labels.frame(), _label_frame(rows))


def test_streamed_score_writes_the_files_the_whole_table_code_writes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    argv = ["score", str(SEEDS), "-q", "--jobs", "1"]
    for option in TABLES:
        argv += [option, str(out / f"{option.strip('-')}.csv")]
    assert main(argv) == 0
    config = Config(story_pack=load_story_pack(SEEDS / "storypack.csv"))
    result = analyze_collection([SEEDS], config, keep_analyses=False)
    expected = tmp_path / "expected"
    frames = [result.articles, result.outlets, result.labels, result.sources]
    for option, frame in zip(TABLES, [*frames, result.actor_sentiment], strict=True):
        write_csv(frame, expected / f"{option.strip('-')}.csv")
    for option in TABLES:
        name = f"{option.strip('-')}.csv"
        assert (out / name).read_bytes() == (expected / name).read_bytes(), name
    assert sorted(path.name for path in out.iterdir()) == sorted(
        f"{option.strip('-')}.csv" for option in TABLES
    ), "no partial or journal file is left"


def test_parquet_outputs_hold_the_rows_of_the_csv_outputs(tmp_path: Path) -> None:
    csv_argv = ["score", str(SEEDS), "-q", "-o", str(tmp_path / "a.csv")]
    csv_argv += ["--by-outlet", str(tmp_path / "o.csv"), "--sources", str(tmp_path / "s.csv")]
    assert main(csv_argv) == 0
    parquet_argv = ["score", str(SEEDS), "-q", "-o", str(tmp_path / "a.parquet")]
    parquet_argv += ["--by-outlet", str(tmp_path / "o.parquet")]
    parquet_argv += ["--sources", str(tmp_path / "s.parquet")]
    assert main(parquet_argv) == 0
    for name in ("a", "o", "s"):
        from_csv = read_csv(tmp_path / f"{name}.csv", text_columns=["outlet", "title"])
        from_parquet = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert list(from_parquet.columns) == list(from_csv.columns)
        assert len(from_parquet) == len(from_csv) > 0
        for column in from_csv.columns:
            left, right = from_csv[column], from_parquet[column]
            if pd.api.types.is_numeric_dtype(left) and pd.api.types.is_numeric_dtype(right):
                assert np.allclose(left, right, equal_nan=True), column
            else:
                assert [None if pd.isna(v) else v for v in left] == [
                    None if pd.isna(v) else v for v in right
                ], column


def test_jsonl_collection_over_the_limit_scores_without_raising_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("0*.txt"))]
    collection = tmp_path / "c.jsonl"
    with collection.open("w", encoding="utf-8") as handle:
        for number in range(60):
            text = texts[number % len(texts)] + f"\nOfficials counted {number} families."
            handle.write(json.dumps({"text": text, "outlet": f"O{number % 4}"}) + "\n")
    limit = max(len(text.encode()) for text in texts) + 100
    assert collection.stat().st_size > 10 * limit
    out = tmp_path / "scores.csv"
    code = main(["score", str(collection), "-o", str(out), "--max-bytes", str(limit), "-q"])
    assert code == 0, capsys.readouterr().err
    frame = read_csv(out)
    assert len(frame) == 60
    assert list(frame["file"][:2]) == [f"{collection} line 1", f"{collection} line 2"]


def test_scorecard_on_standard_output_is_streamed_as_utf8(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["score", str(next(SEEDS.glob("000_*.txt"))), "-o", "-", "-q"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(frame.columns) == list(article_columns()) and len(frame) == 1
