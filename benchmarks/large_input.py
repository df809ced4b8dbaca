"""Time and peak memory of ``framescope score`` on one very large plain-text file.

    python benchmarks/large_input.py                 # 1 MB and 10 MB (the default limit)
    python benchmarks/large_input.py --sizes 1,10,50 # also 50 MB, with --max-bytes raised
    python benchmarks/large_input.py --many-files 3000  # reading N files named one by one

Each size runs the real command line in a fresh process (so its peak resident memory is its
own), on text made by repeating the bundled seed articles, and also checks the default limit:
a file above 10 MB is refused at once with a "too large" line. Prints one row per run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MB = 1_000_000


def seed_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt")))


def make_file(folder: Path, megabytes: int) -> Path:
    unit = (seed_text() + "\n\n").encode("utf-8")
    data = unit * (megabytes * MB // len(unit) + 1)
    path = folder / f"large_{megabytes}mb.txt"
    path.write_bytes(data[: megabytes * MB].rsplit(b"\n", 1)[0] + b"\n")
    return path


def run_cli(path: Path, output: Path, max_bytes: int) -> tuple[int, float, float, float, str]:
    """Exit code, wall and CPU seconds, peak RSS in MB of the child, and its last stderr line.

    CPU seconds (user + system) are reported beside wall time: on a shared, loaded machine
    they say more about the code than the wall clock does.
    """
    argv = [sys.executable, "-m", "analyzer.cli", "score", str(path), "-o", str(output), "-q",
            "--max-bytes", str(max_bytes)]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    lines = stderr.strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return code, seconds, cpu, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def time_many_files(count: int) -> None:
    """Read ``count`` one-line files named one by one beside a manifest (``score corpus/*.txt``)."""
    sys.path.insert(0, str(ROOT))
    from analyzer.io.readers import iter_articles

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = ["file,outlet,title"]
        for i in range(count):
            (folder / f"a{i}.txt").write_text(f"Article {i}: the militants withdrew.\n")
            rows.append(f"a{i}.txt,Outlet {i % 5},Title {i}")
        (folder / "manifest.csv").write_text("\n".join(rows) + "\n")
        paths = sorted(folder.glob("*.txt"))
        started = time.perf_counter()
        items = list(iter_articles(paths))
        seconds = time.perf_counter() - started
    print(
        f"read {len(items)} files named one by one beside a {count}-row manifest: {seconds:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10", help="file sizes in MB, comma-separated")
    parser.add_argument("--many-files", type=int, metavar="N", help="time reading N small files")
    args = parser.parse_args()
    if args.many_files:
        time_many_files(args.many_files)
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print("| input | --max-bytes | exit | wall s | CPU s | peak RSS MB | MB per CPU s* | stderr |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small = folder / "tiny.txt"
        small.write_text("The militants withdrew, officials said.\n", encoding="utf-8")
        code, seconds, startup_cpu, rss, _ = run_cli(small, folder / "tiny.csv", 10 * MB)
        cpu = startup_cpu
        print(
            f"| 40 B (start-up) | {10 * MB:,} | {code} | {seconds:.1f} | {cpu:.1f} | {rss:.0f} | | |"
        )
        for megabytes in sizes:
            path = make_file(folder, megabytes)
            limit = max(10 * MB, path.stat().st_size)
            code, seconds, cpu, rss, last = run_cli(path, folder / "out.csv", limit)
            speed = path.stat().st_size / MB / max(cpu - startup_cpu, 0.001)
            print(f"| {megabytes} MB | {limit:,} | {code} | {seconds:.1f} | {cpu:.1f} | {rss:.0f} | "
                  f"{speed:.2f} | {last} |")  # fmt: skip
        refused = make_file(folder, 50)
        code, seconds, cpu, rss, last = run_cli(refused, folder / "refused.csv", 10 * MB)
        print(f"| 50 MB, default limit | {10 * MB:,} | {code} | {seconds:.1f} | {cpu:.1f} | {rss:.0f} "
              f"| | {last.replace(str(folder), '<tmp>')} |")  # fmt: skip
    print("\n*: size over the CPU seconds above the start-up run's (imports, lexicons, models).")


if __name__ == "__main__":
    main()
