"""Throughput and peak memory of ``framescope score`` with ``--jobs 1`` and ``--jobs 2``.

    python benchmarks/scale.py                    # 2,000 articles, --jobs 1 then --jobs 2
    python benchmarks/scale.py --size 10000 --jobs 1,2
    python benchmarks/scale.py --source eval      # real texts from ../shared/eval, varied

The corpus is a folder of plain-text articles: the bundled seeds (or the evaluation set's plain
texts) repeated, each copy varied by a closing sentence of its own, so that no cache could
answer twice. Each run is the real command line in a fresh process session; its memory is
sampled from /proc every 0.1 s over every process of the session (the command, the fork server
and the workers), as proportional set size (shared pages split among the processes sharing
them, so the sum counts them once), and reported as the peak of their sum and the peak of the
largest one. CPU seconds are summed over the same processes. The runs' scorecards are compared: they
must be byte-identical. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import signal
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
SAMPLE_SECONDS = 0.1
PLACES = ("the valley", "the capital", "the border town", "the port", "the northern district")


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("0*.txt"))]


def eval_texts() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.corpus import plain_text_articles

    return [article.text for article in plain_text_articles()]


def build_corpus(folder: Path, texts: list[str], size: int) -> None:
    """``size`` articles, each a source text plus a sentence no other article has."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in zip(range(size), cycle(texts), strict=False):
        place = PLACES[number % len(PLACES)]
        variant = (
            f"\n\nOfficials said on day {number} that {number * 7 % 997} families had left "
            f"{place}, according to report {number:05d}.\n"
        )
        (folder / f"article_{number:06d}.txt").write_text(text.rstrip() + variant, "utf-8")


def run(corpus: Path, output: Path, jobs: int) -> dict[str, float]:
    argv = [sys.executable, "-m", "analyzer.cli", "score", str(corpus), "-o", str(output),
            "-q", "--jobs", str(jobs)]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE)
    peak_sum = peak_one = 0
    cpu_ticks: dict[int, int] = {}
    while process.poll() is None:
        sample = _sample_session(process.pid)
        sizes = [kb for kb, _ in sample.values()]
        peak_sum, peak_one = max(peak_sum, sum(sizes)), max([peak_one, *sizes])
        cpu_ticks.update({pid: ticks for pid, (_, ticks) in sample.items()})
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"--jobs {jobs} exited with {process.returncode}:\n{stderr}")
    return {
        "wall": wall,
        # Up to the last sample of each process: short of the truth by at most 0.1 s each.
        "cpu": sum(cpu_ticks.values()) / os.sysconf("SC_CLK_TCK"),
        "pss_sum": peak_sum / 1024,
        "pss_one": peak_one / 1024,
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
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (1,2)")
    parser.add_argument("--source", choices=("seeds", "eval"), default="seeds")
    args = parser.parse_args()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    texts = seed_texts() if args.source == "seeds" else eval_texts()
    with tempfile.TemporaryDirectory(prefix="framescope-scale-") as temporary:
        folder = Path(temporary)
        build_corpus(folder / "corpus", texts, args.size)
        print(
            f"{args.size:,} articles from {len(texts)} {args.source} texts, {os.cpu_count()} CPUs"
        )
        print("| --jobs | wall s | articles/s | CPU s | peak PSS, all processes MB "
              "| peak PSS, largest process MB | speed-up |")  # fmt: skip
        print("|---|---|---|---|---|---|---|")
        first_rate = None
        outputs = []
        for jobs in [int(value) for value in args.jobs.split(",")]:
            output = folder / f"scorecard_{jobs}.csv"
            numbers = run(folder / "corpus", output, jobs)
            cpu = numbers["cpu"]
            rate = args.size / numbers["wall"]
            first_rate = first_rate or rate
            outputs.append(output)
            print(f"| {jobs} | {numbers['wall']:.1f} | {rate:.1f} | {cpu:.1f} "
                  f"| {numbers['pss_sum']:.0f} | {numbers['pss_one']:.0f} "
                  f"| {rate / first_rate:.2f}x |")  # fmt: skip
        same = all(filecmp.cmp(outputs[0], other, shallow=False) for other in outputs[1:])
        print(f"scorecards byte-identical across runs: {same}")
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
