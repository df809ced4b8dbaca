"""Time and peak memory of ``framescope score`` on one very large plain-text file.

    python benchmarks/large_input.py                 # 1 MB and 10 MB (the default limit)
    python benchmarks/large_input.py --sizes 1,10,50 # also 50 MB, with --max-bytes raised
    python benchmarks/large_input.py --many-files 3000  # reading N files named one by one
    python benchmarks/large_input.py --pages         # the three large-page cases of issue 10

Each size runs the real command line in a fresh process (so its peak resident memory is its
own), on text made by repeating the bundled seed articles, and also checks the default limit:
a file above 10 MB is refused at once with a "too large" line. Prints one row per run.

``--pages`` measures what one page costs when its size comes from lines or tags rather than
words, each case in a fresh process: a 10 MB text of short lines (``framescope score``), an HTML
page of 200,000 paragraphs (``framescope score``), and a 2.5 kB zip whose one member unpacks to
1.25 million one-letter lines, through the calls the dashboard's "Your articles" page makes
(``read_uploads`` then ``analyze_collection``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MB = 1_000_000

#: Targets of issue 10 for the ``--pages`` cases.
PAGE_RSS_TARGET_MB = 1000
PAGE_CPU_TARGET_S = 20
#: Words per line of the short-line text: about 28 characters, the shape of the report's 5.6 MB
#: text of 200,000 lines.
SHORT_LINE_WORDS = 5
HTML_PARAGRAPHS = 200_000
#: "a\n" this many times deflates to a 2.5 kB zip.
LINE_BOMB_LINES = 1_250_000


def seed_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt")))


def make_file(folder: Path, megabytes: int) -> Path:
    unit = (seed_text() + "\n\n").encode("utf-8")
    data = unit * (megabytes * MB // len(unit) + 1)
    path = folder / f"large_{megabytes}mb.txt"
    path.write_bytes(data[: megabytes * MB].rsplit(b"\n", 1)[0] + b"\n")
    return path


def seed_words() -> list[str]:
    return seed_text().split()


def make_short_lines(folder: Path, megabytes: int) -> Path:
    """A text of ``megabytes`` MB whose lines hold ``SHORT_LINE_WORDS`` seed words each."""
    words = seed_words()
    lines = [
        " ".join(words[i : i + SHORT_LINE_WORDS]) for i in range(0, len(words), SHORT_LINE_WORDS)
    ]
    unit = ("\n".join(lines) + "\n").encode("utf-8")
    data = unit * (megabytes * MB // len(unit) + 1)
    path = folder / f"short_lines_{megabytes}mb.txt"
    path.write_bytes(data[: megabytes * MB].rsplit(b"\n", 1)[0] + b"\n")
    return path


def make_paragraph_page(folder: Path, paragraphs: int) -> Path:
    """An HTML page of ``paragraphs`` short, distinct ``<p>`` elements of seed words."""
    words = seed_words()
    parts = ["<html><head><title>Many paragraphs</title></head><body><article>"]
    for i in range(paragraphs):
        start = i * SHORT_LINE_WORDS % (len(words) - SHORT_LINE_WORDS)
        parts.append(f"<p>{i}: {' '.join(words[start : start + SHORT_LINE_WORDS])}</p>")
    parts.append("</article></body></html>")
    path = folder / f"paragraphs_{paragraphs}.html"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def make_line_bomb(folder: Path) -> Path:
    """A zip of one member that unpacks to ``LINE_BOMB_LINES`` one-letter lines."""
    path = folder / "line_bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("lines.txt", b"a\n" * LINE_BOMB_LINES)
    return path


def run_cli(path: Path, output: Path, max_bytes: int) -> tuple[int, float, float, float, str]:
    """Exit code, wall and CPU seconds, peak RSS in MB of the child, and its last stderr line.

    CPU seconds (user + system) are reported beside wall time: on a shared, loaded machine
    they say more about the code than the wall clock does.
    """
    argv = [sys.executable, "-m", "analyzer.cli", "score", str(path), "-o", str(output), "-q",
            "--max-bytes", str(max_bytes)]  # fmt: skip
    return run_child(argv)


def run_child(argv: list[str]) -> tuple[int, float, float, float, str]:
    """Run ``argv`` from the repository root: exit code, wall s, CPU s, peak RSS MB, last line."""
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


def analyse_upload(path: Path) -> None:
    """What the "Your articles" page does with an uploaded file when Analyse is pressed."""
    sys.path.insert(0, str(ROOT))
    from analyzer.collection import analyze_collection
    from analyzer.io.uploads import Upload, read_uploads

    articles, errors = read_uploads([Upload(path.name, path.read_bytes())])
    result = analyze_collection(articles)
    lines = sum(len(a.document.lines) for a in result.analyses)
    print(
        f"{len(result.analyses)} articles, {lines:,} lines, {len(errors)} errors", file=sys.stderr
    )


def time_pages() -> None:
    """The three large-page cases, each in a fresh process, against the issue's targets."""
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print("| case | input | exit | CPU s | peak RSS MB | target | last stderr line |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        text = make_short_lines(folder, 10)
        page = make_paragraph_page(folder, HTML_PARAGRAPHS)
        bomb = make_line_bomb(folder)
        cases = [
            ("10 MB text of short lines", text, f"under {PAGE_RSS_TARGET_MB} MB",
             lambda: run_cli(text, folder / "text.csv", max(10 * MB, text.stat().st_size))),
            (f"HTML page of {HTML_PARAGRAPHS:,} paragraphs", page, f"under {PAGE_CPU_TARGET_S} CPU s",
             lambda: run_cli(page, folder / "page.csv", max(10 * MB, page.stat().st_size))),
            ("line-bomb zip, dashboard upload path", bomb, f"under {PAGE_RSS_TARGET_MB} MB",
             lambda: run_child([sys.executable, __file__, "--analyse-upload", str(bomb)])),
        ]  # fmt: skip
        for label, path, target, run in cases:
            code, _, cpu, rss, last = run()
            size = path.stat().st_size
            shown = f"{size / MB:.1f} MB" if size >= MB else f"{size / 1000:.1f} kB"
            print(f"| {label} | {shown} | {code} | {cpu:.1f} | {rss:.0f} | {target} | "
                  f"{last.replace(str(folder), '<tmp>')} |", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10", help="file sizes in MB, comma-separated")
    parser.add_argument("--many-files", type=int, metavar="N", help="time reading N small files")
    parser.add_argument("--pages", action="store_true", help="the three large-page cases")
    parser.add_argument("--analyse-upload", type=Path, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    if args.analyse_upload:
        analyse_upload(args.analyse_upload)
        return
    if args.pages:
        time_pages()
        return
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
