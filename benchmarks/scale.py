"""Throughput and peak memory of ``framescope score``: folder, JSONL and Parquet input,
``--jobs 1`` and ``--jobs 2``, and a two-worker Dask LocalCluster.

    python benchmarks/scale.py                    # 2,000 articles, a folder, --jobs 1 then 2
    python benchmarks/scale.py --source eval --size 10000 --inputs folder,jsonl,parquet \
        --jobs 1,2 --dask-workers 2
    python benchmarks/scale.py --short 1000000 --inputs jsonl --jobs 2   # short records

The corpus is real article texts: the bundled seeds, or the evaluation set's plain texts
(``--source eval``), each copy varied (its sentences shuffled, a closing sentence of its own),
so that no cache could answer twice. ``--short N`` instead writes N one-sentence records, for a
run of a million records through the default limits. Each run is the real command line in a
fresh process session (with ``--dask-workers``, a LocalCluster started in the same session by
``analyzer.dask.local_cluster``, with the settings the README recommends); its memory is
sampled from /proc every 0.1 s over every process of the session (the command, the fork server,
the workers, the scheduler), as proportional set size (shared pages split among the processes
sharing them, so the sum counts them once), and reported as the peak of their sum, the peak of
the largest one, and the sum's peak in each quarter of the run (flat when memory does not grow
with the articles seen). CPU seconds are summed over the same processes. A Dask run's wall and
CPU seconds are the command's, from its start to its end: the cluster is started before it and
closed after it, as a cluster a user scores on would be (the workers' warm-up, their first
import of framescope and its models, is the command's). Runs over the same input must write
byte-identical scorecards. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
SAMPLE_SECONDS = 0.1
PLACES = ("the valley", "the capital", "the border town", "the port", "the northern district")


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("0*.txt"))]


def eval_texts() -> list[str]:
    """The evaluation set's plain texts that the readers take as text (a few hold control
    characters, which a file reader refuses as binary: the runs would measure errors)."""
    sys.path.insert(0, str(ROOT))
    from analyzer.errors import InputError
    from analyzer.io.decoding import decode_bytes
    from benchmarks.corpus import plain_text_articles

    texts = []
    for article in plain_text_articles():
        try:
            decode_bytes(article.text.encode("utf-8"), "text")
        except InputError:
            continue
        texts.append(article.text)
    return texts


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")

#: Runs the command line beside a LocalCluster (set up as analyzer.dask.local_cluster sets one
#: up) in the same process session, and prints the command's own wall and CPU seconds, those of
#: every process of the session, last on the error stream.
_WITH_CLUSTER = textwrap.dedent(
    """
    import json, sys, time
    import psutil
    from analyzer.cli import main
    from analyzer.dask import local_cluster

    def cpu_seconds():
        total = 0.0
        for process in [psutil.Process(), *psutil.Process().children(recursive=True)]:
            try:
                total += sum(process.cpu_times()[:2])
            except psutil.Error:
                pass
        return total

    started = time.perf_counter()
    with local_cluster(int(sys.argv[1]), dashboard_address=None) as cluster:
        cpu, command_started = cpu_seconds(), time.perf_counter()
        code = main([*sys.argv[2:], "--dask", cluster.scheduler_address])
        ended = time.perf_counter()
        command = {"wall": ended - command_started, "cpu": cpu_seconds() - cpu,
                   "start": command_started - started}
    command["close"] = time.perf_counter() - ended
    print("command:", json.dumps(command), file=sys.stderr)
    sys.exit(code)
    """
)


def varied_texts(texts: list[str], size: int) -> Iterator[tuple[str, str]]:
    """``size`` (name, text) pairs: a source text, its sentences shuffled after the first, and a
    closing sentence no other article has."""
    for number, text in zip(range(size), cycle(texts), strict=False):
        sentences = _SENTENCE_END.split(text.strip())
        rest = sentences[1:]
        random.Random(number).shuffle(rest)
        place = PLACES[number % len(PLACES)]
        variant = (
            f"Officials said on day {number} that {number * 7 % 997} families had left "
            f"{place}, according to report {number:06d}."
        )
        yield f"article_{number:06d}", " ".join([*sentences[:1], *rest]) + "\n\n" + variant + "\n"


def short_texts(size: int) -> Iterator[tuple[str, str]]:
    """``size`` one-sentence records, each its own."""
    for number in range(size):
        place = PLACES[number % len(PLACES)]
        yield (
            f"record_{number:07d}",
            f"The minister said on day {number} that {number * 7 % 997} families had left "
            f"{place}, officials said.",
        )


def build_corpus(folder: Path, articles: Iterator[tuple[str, str]], kind: str) -> Path:
    """Write the articles as a folder of .txt files, a JSONL file or a Parquet file."""
    folder.mkdir(parents=True, exist_ok=True)
    outlets = ("Daily One", "The Second Post", "Third Wire", "Fourth Herald")
    if kind == "folder":
        target = folder / "corpus"
        target.mkdir()
        for name, text in articles:
            (target / f"{name}.txt").write_text(text, "utf-8")
        return target
    if kind == "jsonl":
        target = folder / "corpus.jsonl"
        with target.open("w", encoding="utf-8") as handle:
            for number, (name, text) in enumerate(articles):
                record = {"file": name, "outlet": outlets[number % 4], "text": text}
                handle.write(json.dumps(record) + "\n")
        return target
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = folder / "corpus.parquet"
    schema = pa.schema([("file", pa.string()), ("outlet", pa.string()), ("text", pa.string())])
    numbered = enumerate(articles)
    with pq.ParquetWriter(target, schema) as writer:
        while batch := list(islice(numbered, 1000)):
            columns = {
                "file": [name for _, (name, _) in batch],
                "outlet": [outlets[number % 4] for number, _ in batch],
                "text": [text for _, (_, text) in batch],
            }
            writer.write_table(pa.table(columns, schema=schema))
    return target


def run(corpus: Path, output: Path, jobs: int, dask_workers: int = 0) -> dict[str, float]:
    score = ["score", str(corpus), "-o", str(output), "-q", "--no-story-pack"]
    if dask_workers:
        argv = [sys.executable, "-c", _WITH_CLUSTER, str(dask_workers), *score]
    else:
        argv = [sys.executable, "-m", "analyzer.cli", *score, "--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE)
    peak_sum = peak_one = 0
    cpu_ticks: dict[int, int] = {}
    trend: list[tuple[float, int]] = []
    while process.poll() is None:
        sample = _sample_session(process.pid)
        sizes = [kb for kb, _ in sample.values()]
        peak_sum, peak_one = max(peak_sum, sum(sizes)), max([peak_one, *sizes])
        trend.append((time.perf_counter() - started, sum(sizes)))
        cpu_ticks.update({pid: ticks for pid, (_, ticks) in sample.items()})
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1):  # 1: some inputs failed, said on the error stream
        raise SystemExit(f"{argv} exited with {process.returncode}:\n{stderr}")
    cpu = sum(cpu_ticks.values()) / os.sysconf("SC_CLK_TCK")
    if dask_workers:
        # A cluster stands before a command and after it: the LocalCluster's start (~1 s) and
        # close (1.5-4 s: the nannies wait for their workers to exit) are not the command's.
        command = json.loads(re.findall(r"^command: (.*)$", stderr, re.MULTILINE)[-1])
        wall, cpu = command["wall"], command["cpu"]
        print(f"(LocalCluster start {command['start']:.1f} s and close {command['close']:.1f} s "
              "wall, not counted)", flush=True)  # fmt: skip
    failed = re.search(r"; (\d+) failed:", stderr)
    if failed:
        print(f"({failed.group(1)} inputs failed: {stderr.splitlines()[0]})", flush=True)
    quarters = [
        max([kb for at, kb in trend if quarter * wall / 4 <= at < (quarter + 1) * wall / 4] or [0])
        / 1024
        for quarter in range(4)
    ]
    return {
        "wall": wall,
        # Up to the last sample of each process: short of the truth by at most 0.1 s each.
        "cpu": cpu,
        "pss_sum": peak_sum / 1024,
        "pss_one": peak_one / 1024,
        "quarters": quarters,  # type: ignore[dict-item]
    }


def _sample_session(session: int) -> dict[int, tuple[int, int]]:
    """Per process of the session: its proportional set size in kB and its CPU ticks so far.

    PSS shares each page among the processes mapping it, so the sum over the command, the fork
    server and the workers (forked, sharing the imported code) is not counted twice.
    """
    sample = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) != session:  # field 6 of stat: the session id
                continue
            ticks = int(fields[11]) + int(fields[12])  # fields 14 and 15: utime, stime
            sample[int(entry.name)] = (_pss_kb(entry), ticks)
        except (OSError, ValueError, IndexError):
            continue  # ended while being read
    return sample


def _pss_kb(entry: Path) -> int:
    try:
        for line in (entry / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int((entry / "statm").read_text().split()[1]) * PAGE_SIZE_KB  # RSS, an upper bound


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2_000, help="articles (default 2,000)")
    parser.add_argument("--short", type=int, default=0, metavar="N", help="N short records instead")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (1,2)")
    parser.add_argument("--inputs", default="folder", help="folder,jsonl,parquet (folder)")
    parser.add_argument(
        "--dask-workers", type=int, default=0, metavar="N", help="also run on a LocalCluster"
    )
    parser.add_argument("--source", choices=("seeds", "eval"), default="seeds")
    args = parser.parse_args()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    texts = seed_texts() if args.source == "seeds" else eval_texts()
    size = args.short or args.size
    what = (
        "one-sentence records" if args.short else f"articles from {len(texts)} {args.source} texts"
    )
    load = os.getloadavg()
    print(f"{size:,} {what}, {os.cpu_count()} CPUs, load average at the start {load[0]:.2f}")
    print("| input | run | wall s | articles/s | CPU s | peak PSS, all processes MB "
          "| peak PSS, largest process MB | PSS peak per quarter of the run MB | speed-up |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="framescope-scale-") as temporary:
        for kind in args.inputs.split(","):
            folder = Path(temporary) / kind
            articles = short_texts(size) if args.short else varied_texts(texts, size)
            corpus = build_corpus(folder, articles, kind)
            runs = [(f"--jobs {jobs}", int(jobs), 0) for jobs in args.jobs.split(",")]
            if args.dask_workers:
                runs.append((f"LocalCluster, {args.dask_workers} workers", 1, args.dask_workers))
            first_rate = None
            outputs = []
            for label, jobs, workers in runs:
                output = folder / f"scorecard_{len(outputs)}.csv"
                numbers = run(corpus, output, jobs, workers)
                rate = size / numbers["wall"]
                first_rate = first_rate or rate
                outputs.append(output)
                quarters = " / ".join(f"{mb:.0f}" for mb in numbers["quarters"])  # type: ignore[attr-defined]
                print(f"| {kind} | {label} | {numbers['wall']:.1f} | {rate:.1f} "
                      f"| {numbers['cpu']:.1f} | {numbers['pss_sum']:.0f} "
                      f"| {numbers['pss_one']:.0f} | {quarters} "
                      f"| {rate / first_rate:.2f}x |", flush=True)  # fmt: skip
            same = all(filecmp.cmp(outputs[0], other, shallow=False) for other in outputs[1:])
            print(f"{kind}: scorecards byte-identical across runs: {same}", flush=True)
            for path in folder.iterdir():  # free the disk before the next input
                if path.is_dir():
                    for entry in path.iterdir():
                        entry.unlink()
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if _autogroup():
        # The kernel's autogroup gives each session one share of the CPUs: on a busy
        # machine the workers together get about what one process would, and the speed-up
        # only shows where cores are idle.
        print("sched_autogroup is on: under load a run's processes share one CPU share")


def _autogroup() -> bool:
    try:
        return Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return False


if __name__ == "__main__":
    main()
