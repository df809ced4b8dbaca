"""Collections read record by record: JSONL, CSV, Parquet, gzipped; the limit is per record."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analyzer.document import Article
from analyzer.errors import InputError
from analyzer.io.readers import iter_articles

TEXTS = [
    f"The minister said on day {number} that {number * 3} families had left the valley."
    for number in range(40)
]


def _kinds(items: list[Article | InputError]) -> list[str]:
    return ["A" if isinstance(item, Article) else "E" for item in items]


def _jsonl(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def _records(texts: list[str]) -> list[str]:
    return [json.dumps({"text": text, "outlet": f"Outlet {n % 3}"}) for n, text in enumerate(texts)]


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz", "c.ndjson.gz"])
def test_a_collection_larger_than_the_limit_is_read_when_each_record_fits(
    tmp_path: Path, name: str
) -> None:
    path = _jsonl(tmp_path / name, _records(TEXTS))
    items = list(iter_articles([path], max_bytes=200))
    assert _kinds(items) == ["A"] * len(TEXTS)
    assert [item.text for item in items if isinstance(item, Article)] == TEXTS
    assert items[4].meta.outlet == "Outlet 1"


def test_a_record_over_the_limit_is_one_error_naming_its_line_and_the_rest_are_read(
    tmp_path: Path,
) -> None:
    lines = _records(TEXTS[:3])
    lines.insert(1, json.dumps({"text": "x " * 500}))
    lines.insert(3, "{broken")
    path = _jsonl(tmp_path / "c.jsonl.gz", lines)
    items = list(iter_articles([path], max_bytes=200))
    assert _kinds(items) == ["A", "E", "A", "E", "A"]
    assert str(items[1]).startswith(f"{path} line 2: text too large (1,000 bytes; the limit is")
    assert str(items[3]).startswith(f"{path} line 4: not valid JSON")


def test_an_endless_line_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"text": "' + "a" * 3_000_000 + '"}\n')
        handle.write(json.dumps({"text": TEXTS[0]}) + "\n")
    items = list(iter_articles([path], max_bytes=100))
    assert _kinds(items) == ["E", "A"]
    assert str(items[0]).startswith(f"{path} line 1: record too large")


def test_a_truncated_gzip_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    whole = gzip.compress(("\n".join(_records(TEXTS * 50)) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = list(iter_articles([path]))
    assert _kinds(items)[-1] == "E" and set(_kinds(items)[:-1]) == {"A"}
    assert len(items) > 10
    assert f"{path} line {len(items)}: cannot read on" in str(items[-1])
    not_gzip = tmp_path / "plain.jsonl.gz"
    not_gzip.write_text('{"text": "hello"}\n')
    [error] = iter_articles([not_gzip])
    assert str(error).startswith(f"{not_gzip}: not a readable gzip file")


@pytest.mark.parametrize("compressed", [False, True])
def test_long_csv_collection_streams_and_a_bad_row_is_one_error(
    tmp_path: Path, compressed: bool
) -> None:
    # Over 64 kB, so the rows are read from the stream rather than decoded whole.
    texts = [f"{text} " + "Officials said more. " * 20 for text in TEXTS * 5]
    plain = tmp_path / "c.csv"
    with plain.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Text", "Outlet"])
        for number, text in enumerate(texts):
            writer.writerow([text, "Daily", "extra"] if number == 7 else [text, "Daily"])
    assert plain.stat().st_size > 64_000
    path = plain
    if compressed:
        path = tmp_path / "c.csv.gz"
        path.write_bytes(gzip.compress(plain.read_bytes()))
    items = list(iter_articles([path], max_bytes=1_000))
    assert len(items) == len(texts)
    assert [n for n, kind in enumerate(_kinds(items)) if kind == "E"] == [7]
    assert str(items[7]) == f"{path} row 9: malformed CSV: more cells than the header"
    assert items[0].meta.outlet == "Daily" and items[0].text == texts[0].strip()


def test_parquet_collection_rows_with_their_metadata(tmp_path: Path) -> None:
    path = tmp_path / "c.parquet"
    table = pa.table(
        {
            "text": [*TEXTS[:3], None, "x " * 600],
            "outlet": ["A", "B", None, "C", "D"],
            "published": ["2024-01-01", None, None, None, None],
            "words": [1, 2, 3, 4, 5],
        }
    )
    pq.write_table(table, path, row_group_size=2)
    items = list(iter_articles([path], max_bytes=1_000, outlet="Fallback"))
    assert _kinds(items) == ["A", "A", "A", "E", "E"]
    first = items[0]
    assert isinstance(first, Article)
    assert (first.text, first.meta.outlet, first.meta.published) == (TEXTS[0], "A", "2024-01-01")
    assert first.meta.file == f"{path} row 1"
    assert items[2].meta.outlet == "Fallback"
    assert str(items[3]) == f"{path} row 4: empty 'text' cell"
    assert "row 5: text too large" in str(items[4])


def test_parquet_without_text_and_a_broken_file_are_one_line_each(tmp_path: Path) -> None:
    no_text = tmp_path / "a.parquet"
    pq.write_table(pa.table({"body": ["x"]}), no_text)
    broken = tmp_path / "b.parquet"
    broken.write_bytes(b"PAR1 not really")
    first, second = iter_articles([no_text, broken])
    assert str(first) == f"{no_text}: Parquet file has no 'text' column"
    assert str(second).startswith(f"{broken}: cannot read as Parquet (")
    assert "\n" not in str(second)
