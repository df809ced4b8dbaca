"""Dashboard speed: time to the first chart on the seeds, and analysing a new upload of five articles.

    python benchmarks/dashboard_speed.py             # AppTest timings (and a real browser if found)
    python benchmarks/dashboard_speed.py --no-browser

Targets (issue 4): the first chart within 3 s of opening on the seeds; five uploaded articles
analysed within 1 s. Timings:

* AppTest: a fresh process runs the app script until the Compare page has drawn its charts
  (imports and the first analysis included); then the same with analysers warm but the
  collection not cached (the ``framescope dashboard`` case); then the next visitor (cached).
* Browser (headless Chromium on ``framescope dashboard seeds``, which scores the seeds before it
  serves): from navigation to the first chart on screen, first visitor and the next one.
* Upload: five new .txt files through the same calls as the "Your articles" page
  (``read_uploads`` then ``analyze_collection``), in a process that has served the seeds;
  median of repeats, plus the whole page run (AppTest: upload, click Analyse).
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboards" / "app.py"
SEEDS = ROOT / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
FIRST_CHART_TARGET_S = 3.0
UPLOAD_TARGET_S = 1.0


def apptest_first_chart() -> tuple[float, float, float]:
    """Seconds to the first chart: cold process, warm process (uncached), next visitor (cached)."""
    sys.argv = ["app.py"]  # no paths: the app shows the bundled seeds
    started = time.perf_counter()
    from streamlit.testing.v1 import AppTest

    timings = [_first_chart(AppTest, started)]
    sys.path.insert(0, str(APP.parent))
    from common import load_collection  # the app's cached analysis, to empty it

    load_collection.clear()  # as under `framescope dashboard`: analysers warm, nothing cached
    timings.append(_first_chart(AppTest, time.perf_counter()))
    timings.append(_first_chart(AppTest, time.perf_counter()))
    return timings[0], timings[1], timings[2]


def _first_chart(app_test: type, started: float) -> float:
    at = app_test.from_file(str(APP), default_timeout=120).run()
    elapsed = time.perf_counter() - started
    assert not at.exception and at.get("vega_lite_chart"), "the Compare page drew no chart"
    return elapsed


def five_uploads() -> list[tuple[str, bytes]]:
    texts = sorted(SEEDS.glob("*.txt"))[:5]
    # Reworded copies: a new upload, so nothing cached for the seeds can answer for it.
    return [(f"upload{i}.txt", b"Updated. " + p.read_bytes()) for i, p in enumerate(texts)]


def upload_library(repeat: int) -> float:
    from analyzer.collection import analyze_collection
    from analyzer.config import Config
    from analyzer.io.uploads import Upload, read_uploads

    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        uploads = [Upload(name, data, f"Outlet {name[6]}") for name, data in five_uploads()]
        articles, errors = read_uploads(uploads)
        result = analyze_collection(articles, Config())
        times.append(time.perf_counter() - started)
        assert len(result.articles) == 5 and not errors and not result.errors
    return statistics.median(times)


def upload_page() -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=120)
    at.switch_page("views/upload.py").run()
    at.file_uploader(key="upload_files").set_value(
        [(n, d, "text/plain") for n, d in five_uploads()]
    ).run()
    started = time.perf_counter()
    at.button(key="upload_analyse").click().run()
    elapsed = time.perf_counter() - started
    assert at.success and "Analysed 5 articles" in at.success[0].value, [
        e.value for e in at.exception
    ]
    return elapsed


def browser_first_chart() -> tuple[float, float] | None:
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The README's command: scores the seeds, writes the CSVs, then serves the app in-process.
    out = tempfile.mkdtemp(prefix="framescope-bench-")
    command = [sys.executable, "-m", "analyzer.cli", "dashboard", str(SEEDS), "--out", out,
               "--port", str(port), "--headless"]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            timings = []
            for _ in range(2):
                page = browser.new_page()
                started = time.perf_counter()
                page.goto(url)
                page.locator(
                    '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
                ).first.wait_for(timeout=60_000)
                timings.append(time.perf_counter() - started)
                page.close()
            browser.close()
        return timings[0], timings[1]
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-browser", action="store_true", help="skip the real-browser timing")
    parser.add_argument("--repeat", type=int, default=5, help="repeats of the upload timing")
    args = parser.parse_args()
    cold, warm, cached = apptest_first_chart()
    print(f"targets: first chart {FIRST_CHART_TARGET_S} s; five uploads {UPLOAD_TARGET_S} s")
    print(f"first chart, AppTest, cold process (imports, first analysis): {cold:.2f} s")
    print(f"first chart, AppTest, warm process, collection not cached:    {warm:.2f} s")
    print(f"first chart, AppTest, next visitor (collection cached):       {cached:.2f} s")
    library = upload_library(args.repeat)
    print(f"upload of 5 new articles, read + analyse (median of {args.repeat}): {library:.3f} s")
    print(f"upload of 5 new articles, whole page run after 'Analyse': {upload_page():.3f} s")
    if not args.no_browser:
        timed = browser_first_chart()
        if timed is None:
            print(f"browser timing skipped: {CHROMIUM} not found")
        else:
            print(
                f"first chart, real browser, `framescope dashboard`, first visitor: {timed[0]:.2f} s"
            )
            print(
                f"first chart, real browser, next visitor (cached):                 {timed[1]:.2f} s"
            )


if __name__ == "__main__":
    main()
