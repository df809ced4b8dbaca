"""Speed and memory of the full pipeline on real articles, in one process on one core.

    python benchmarks/speed.py            # plain-text articles from ../shared/eval
    python benchmarks/speed.py --html     # also HTML pages (decode + extract + analyse)

Prints articles per second, milliseconds per article for each stage and signal, and the peak
resident memory. The first article is analysed once before timing so one-off costs (imports,
loading lexicons and models) are reported apart.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import html_pages, plain_text_articles

from analyzer import analyze
from analyzer.document import ArticleMeta
from analyzer.io.readers import article_from_html, decode_html


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def run_plain(repeat: int) -> None:
    articles = plain_text_articles()
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    analyze(articles[0])
    warmup = time.perf_counter() - started
    rss_before = peak_rss_mb()
    timings: Counter[str] = Counter()
    started = time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            analyze(article, timings=timings)
    elapsed = time.perf_counter() - started
    n = len(articles) * repeat
    print(
        f"## Plain text: {len(articles)} real articles x {repeat}, {words * repeat:,} words, one process"
    )
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| articles per second | {n / elapsed:,.0f} |")
    print(f"| words per second | {words * repeat / elapsed:,.0f} |")
    print(f"| mean ms per article | {1000 * elapsed / n:.2f} |")
    print(f"| one-off warm-up (imports, lexicons, model) | {warmup:.2f} s |")
    print(
        f"| peak resident memory | {peak_rss_mb():,.0f} MB (after warm-up: {rss_before:,.0f} MB) |"
    )
    print()
    print("| stage | ms per article | share |")
    print("|---|---|---|")
    total = sum(timings.values())
    for stage, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"| {stage} | {1000 * seconds / n:.3f} | {seconds / total:.0%} |")
    print()


def run_html() -> None:
    pages = list(html_pages())
    started = time.perf_counter()
    failures = 0
    for name, data in pages:
        try:
            analyze(article_from_html(decode_html(data, name), ArticleMeta(file=name)))
        except Exception:
            failures += 1
    elapsed = time.perf_counter() - started
    print(f"## HTML: {len(pages)} real pages (decode, extract, analyse)")
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| pages per second | {len(pages) / elapsed:,.1f} |")
    print(f"| mean ms per page | {1000 * elapsed / len(pages):.1f} |")
    print(f"| pages without visible text | {failures} |")
    print(f"| peak resident memory | {peak_rss_mb():,.0f} MB |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", action="store_true", help="also time HTML pages")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the plain-text corpus")
    args = parser.parse_args()
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    print(f"Python {sys.version.split()[0]}, pinned to one CPU core\n")
    run_plain(args.repeat)
    if args.html:
        run_html()


if __name__ == "__main__":
    main()
