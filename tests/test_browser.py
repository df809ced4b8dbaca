"""The dashboard in a real headless Chromium: what a person sees, and that article text runs nothing.

Skipped when /usr/bin/chromium is missing, unless FRAMESCOPE_REQUIRE_BROWSER=1 (set by `.ci/run`,
which installs Debian's chromium), in which case a missing browser fails the run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboards" / "app.py"
SCREENSHOT = ROOT / "docs" / "screenshots" / "compare-outlets.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 30
PAGE_SECONDS = 25_000  # Playwright waits are in milliseconds
PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1">'

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("FRAMESCOPE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"FRAMESCOPE_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(*paths: str) -> Iterator[str]:
    """Run `streamlit run dashboards/app.py -- PATHS` on a free localhost port; yield its URL."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        "--", *paths,
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = (
                        process.stdout.read().decode(errors="replace") if process.stdout else ""
                    )
                    pytest.fail(f"streamlit did not start on {url}:\n{output[-2000:]}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_compare_and_read_pages_show_outlets_charts_and_highlights(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    with serve() as url:
        page.goto(url)
        page.get_by_role("heading", name="Compare outlets").wait_for(timeout=PAGE_SECONDS)
        charts = page.locator('[data-testid="stVegaLiteChart"]')
        charts.first.wait_for(timeout=PAGE_SECONDS)
        assert charts.count() >= 6
        page.get_by_text("How sure does it sound? (own voice)").wait_for(timeout=PAGE_SECONDS)
        page.get_by_text("SouthFront").first.wait_for(timeout=PAGE_SECONDS)
        page.wait_for_timeout(1500)  # let the charts finish drawing before the screenshot
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=False)

        page.goto(f"{url}/read")
        page.get_by_role("heading", name="Read an article").wait_for(timeout=PAGE_SECONDS)
        highlights = page.locator("span[data-signal]")
        highlights.first.wait_for(timeout=PAGE_SECONDS)
        assert page.locator('span[data-signal="attribution"]').count() >= 1
        assert "why:" in (
            page.locator('span[data-signal="attribution"]').first.get_attribute("title") or ""
        )
        page.get_by_text("page furniture, not the article").wait_for(timeout=PAGE_SECONDS)
        # A click or tap shows the reason beside the highlight (a hover title never shows on touch).
        mark = page.locator('span[data-signal="attribution"]').first
        reason = "el => getComputedStyle(el, '::after').content"
        assert mark.evaluate(reason) in ("none", "normal", "")
        mark.click()
        assert "why:" in mark.evaluate(reason)
    page.close()
    assert SCREENSHOT.stat().st_size > 10_000


def test_article_markup_shows_as_text_and_runs_nothing(browser, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "article.txt").write_text(
        "Officials said the talks would resume on Monday in the capital.\n\n"
        f"The statement quoted {PAYLOAD_SCRIPT} and then {PAYLOAD_IMG} in full.\n\n"
        "Negotiators are expected to meet again later this week, the officials said.\n",
        encoding="utf-8",
    )
    page = browser.new_page()
    with serve(str(folder), "--outlet", "Hostile Times") as url:
        page.goto(f"{url}/read")
        page.get_by_role("heading", name="Read an article").wait_for(timeout=PAGE_SECONDS)
        article = page.locator(".fs-article")
        article.wait_for(timeout=PAGE_SECONDS)
        page.get_by_text(PAYLOAD_SCRIPT, exact=False).first.wait_for(timeout=PAGE_SECONDS)
        text = article.inner_text()
        assert PAYLOAD_SCRIPT in text and PAYLOAD_IMG in text
        assert page.locator(".fs-article script, .fs-article img").count() == 0
        page.wait_for_timeout(500)  # an onerror handler would have fired by now
        assert page.evaluate("typeof window.__pwned") == "undefined"
    page.close()
