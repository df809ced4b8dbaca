"""Scoring on a Dask cluster (a LocalCluster of two worker processes) gives the serial run's rows."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.collection import iter_tables
from analyzer.config import Config
from analyzer.errors import InputError
from analyzer.storypack import load_story_pack

from .conftest import ROOT, SEEDS

distributed = pytest.importorskip("distributed")

TABLES = ("-o", "--by-outlet", "--labels", "--sources", "--actor-sentiment")


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    from analyzer.dask import local_cluster

    with local_cluster(2, dashboard_address=None, memory_limit="1.5GiB") as local:
        yield local


def _collection(tmp_path: Path) -> Path:
    """24 varied records over three outlets, one broken line."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("0*.txt"))]
    path = tmp_path / "c.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(24):
            text = f"{texts[number % len(texts)]}\nOfficials said {number} families left.\n"
            handle.write(json.dumps({"text": text, "outlet": f"Outlet {number % 3}"}) + "\n")
            if number == 17:
                handle.write('{"text": 3}\n')
    return path


def test_score_on_a_local_cluster_gives_the_serial_rows_in_order(
    tmp_path: Path, cluster: distributed.LocalCluster
) -> None:
    from analyzer.dask import iter_tables_on_cluster

    collection = _collection(tmp_path)
    config = Config(story_pack=load_story_pack(SEEDS / "storypack.csv"))
    serial = list(iter_tables([collection], config))
    with distributed.Client(cluster) as client:
        # Partitions of 6: several per worker, finishing out of order.
        clustered = list(
            iter_tables_on_cluster([collection], config, client=client, partition_size=6)
        )
        assert len(client.scheduler_info()["workers"]) == 2
    assert len(clustered) == len(serial) == 25
    for left, right in zip(clustered, serial, strict=True):
        if isinstance(right, InputError):
            assert str(left) == str(right)
        else:
            assert not isinstance(left, InputError)
            assert (left.row, left.labels, left.sources, left.actor_sentiment) == (
                right.row,
                right.labels,
                right.sources,
                right.actor_sentiment,
            )


def test_score_dask_option_writes_the_files_of_a_local_run(
    tmp_path: Path, cluster: distributed.LocalCluster
) -> None:
    collection = _collection(tmp_path)

    def argv(out: Path, *extra: str) -> list[str]:
        args = ["score", str(collection), "--story-pack", str(SEEDS / "storypack.csv"), "-q"]
        for option in TABLES:
            args += [option, str(out / f"{option.strip('-')}.csv")]
        return [*args, *extra]

    assert main(argv(tmp_path / "local", "--jobs", "1")) == 1  # the broken record
    code = main(
        argv(tmp_path / "cluster", "--dask", cluster.scheduler_address, "--batch-size", "5")
    )
    assert code == 1
    for option in TABLES:
        name = f"{option.strip('-')}.csv"
        assert (tmp_path / "cluster" / name).read_bytes() == (
            tmp_path / "local" / name
        ).read_bytes()


def test_score_on_a_cluster_object_writes_the_articles_of_a_local_run(
    tmp_path: Path, cluster: distributed.LocalCluster
) -> None:
    from analyzer.dask import score

    collection = _collection(tmp_path)
    assert main(["score", str(collection), "-q", "-o", str(tmp_path / "local.csv")]) == 1
    run = score([collection], {"articles": tmp_path / "cluster.csv"}, scheduler=cluster)
    assert run.articles == 24
    assert (tmp_path / "cluster.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()


def test_local_cluster_and_client_have_the_cluster_settings(
    cluster: distributed.LocalCluster,
) -> None:
    from analyzer.dask import MESSAGE_LOG_LENGTH, connect

    def settings() -> tuple[object, str | None]:
        import os

        import dask.config

        enabled = dask.config.get("distributed.worker.profile.enabled")
        return enabled, os.environ.get("MALLOC_TRIM_THRESHOLD_")

    with connect(cluster.scheduler_address) as client:
        assert set(client.run(settings).values()) == {(False, None)}
        # Each message to the scheduler holds a partition of articles: only the last few are kept.
        assert client.scheduler_comm.recent_message_log.maxlen == MESSAGE_LOG_LENGTH


def test_score_bag_scores_records_partition_by_partition(
    cluster: distributed.LocalCluster,
) -> None:
    import dask.bag

    from analyzer.dask import score_bag

    records = [{"text": "The minister said the plan works.", "outlet": "A"}, {"text": " "}] * 3
    with distributed.Client(cluster):
        rows = score_bag(dask.bag.from_sequence(records, npartitions=3)).compute()
    assert [row["error"] for row in rows] == [None, "empty 'text' cell"] * 3
    assert rows[0]["outlet"] == "A" and rows[0]["file"] == "record 1"


def test_importing_the_package_and_the_cli_does_not_import_dask() -> None:
    code = "import sys, analyzer, analyzer.cli, analyzer.streaming; print('dask' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
