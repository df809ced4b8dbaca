"""The dashboard in a real headless Chromium: what a person sees, and that article text runs nothing.

Skipped when /usr/bin/chromium is missing, unless FRAMESCOPE_REQUIRE_BROWSER=1 (set by `.ci/run`,
which installs Debian's chromium), in which case a missing browser fails the run.

Each page is photographed on every run, into a temporary folder; the pictures in
docs/screenshots are replaced only with FRAMESCOPE_UPDATE_SCREENSHOTS=1 (after a page changed), so
a test run never rewrites a committed file.
"""

from __future__ import annotations

import os
import shutil
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
SCREENSHOTS = ROOT / "docs" / "screenshots"
UPDATE_SCREENSHOTS = os.environ.get("FRAMESCOPE_UPDATE_SCREENSHOTS") == "1"
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


def test_compare_and_read_pages_show_outlets_charts_and_highlights(browser, tmp_path):
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
        shots = [_photograph(page, "compare-outlets", tmp_path)]

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
        shots.append(_photograph(page, "read-an-article", tmp_path))
    page.close()
    assert all(shot.stat().st_size > 10_000 for shot in shots)


def _open_page(page, title: str) -> None:
    """Follow the sidebar link to a page (in this session), again if a rerun swallowed the click."""
    heading = page.get_by_role("heading", name=title)
    for _ in range(3):
        page.get_by_role("link", name=title).click()
        try:
            heading.wait_for(timeout=PAGE_SECONDS // 3)
            return
        except Exception:  # a rerun of the page before was still drawing
            continue
    heading.wait_for(timeout=PAGE_SECONDS)


def _photograph(page, name: str, folder: Path) -> Path:
    """A screenshot of the page, kept in docs/screenshots only when asked to update them."""
    shot = folder / f"{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    if UPDATE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOTS / shot.name)
    return shot


def test_same_fact_distinctive_words_and_glossary_pages_show_their_evidence(browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    with serve() as url:
        page.goto(f"{url}/same_fact")
        page.get_by_role("heading", name="Same fact, different words").wait_for(
            timeout=PAGE_SECONDS
        )
        page.get_by_text("facts told by two or more outlets").wait_for(timeout=PAGE_SECONDS)
        # Each fact shows its sentences side by side, highlighted as on the Read page.
        page.locator("span[data-signal]").first.wait_for(timeout=PAGE_SECONDS)
        page.wait_for_timeout(500)
        shots = [_photograph(page, "same-fact-different-words", tmp_path)]

        _open_page(page, "Distinctive words")
        page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=PAGE_SECONDS)
        page.get_by_text("Show the sentences with").wait_for(timeout=PAGE_SECONDS)
        page.wait_for_timeout(1500)  # let the chart finish drawing
        shots.append(_photograph(page, "distinctive-words", tmp_path))

        _open_page(page, "Glossary")
        page.get_by_role("heading", name="What the colours mean").wait_for(timeout=PAGE_SECONDS)
        page.get_by_text("weasel words").first.wait_for(timeout=PAGE_SECONDS)
        shots.append(_photograph(page, "glossary", tmp_path))
    page.close()
    assert all(shot.stat().st_size > 10_000 for shot in shots)


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


def test_how_is_it_sourced_page_shows_indicators_and_the_words_behind_a_figure(browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1500})
    with serve() as url:
        page.goto(f"{url}/sourcing")
        page.get_by_role("heading", name="How is it sourced?").wait_for(timeout=PAGE_SECONDS)
        page.get_by_text("The words behind a figure").wait_for(timeout=PAGE_SECONDS)
        evidence = page.locator("span[data-signal]")
        evidence.first.wait_for(timeout=PAGE_SECONDS)  # the first figure's words, highlighted
        assert "why:" in (evidence.first.get_attribute("title") or "")
        page.wait_for_timeout(1500)  # let the table finish drawing before the screenshot
        _photograph(page, "how-is-it-sourced", tmp_path)
    page.close()


#: A story that is not the seeds: three outlets on a made-up port seizure, each naming the group
#: its own way, as a teacher would upload them for tomorrow's lesson.
LESSON = {
    "daily-ledger.txt": (
        "Kelmar Liberation Army fighters seized the river port of Dunmore on Tuesday after two "
        "days of heavy clashes with government troops, the regional governor said.\n\n"
        "Governor Maria Olsen called the Kelmar Liberation Army terrorists and said the army "
        "would retake the port within a week. Residents said the fighters had set up "
        "checkpoints on the main road and that food prices had doubled since Monday.\n\n"
        "Aid agencies said about four thousand people had left the port since the weekend, most "
        "of them by boat, and that the hospital was short of fuel and medicine.\n"
    ),
    "harbour-post.txt": (
        "Rebels of the Kelmar Liberation Army took control of Dunmore port on Tuesday, ending two "
        "days of fighting with government troops in the river delta.\n\n"
        "The rebels reportedly control the main road and the grain warehouses. Governor Maria "
        "Olsen said the army would retake the port within a week, while the group's spokesman "
        "said its fighters would defend the town.\n\n"
        "About four thousand residents have fled Dunmore since the weekend, aid agencies said, "
        "many of them crossing the river by boat to reach the camps on the northern bank.\n"
    ),
    "valley-voice.txt": (
        "Freedom fighters of the Kelmar Liberation Army liberated the port of Dunmore on Tuesday "
        "after government troops abandoned their positions following two days of battle.\n\n"
        "The heroes of the Kelmar Liberation Army were welcomed by residents, the group said in "
        "a statement, and promised to keep the main road open for food convoys and traders.\n\n"
        "Governor Maria Olsen claimed the army would retake the port within a week. Aid agencies "
        "said four thousand people had left by boat since the weekend.\n"
    ),
}


def test_a_lesson_on_a_new_story_from_upload_to_worksheet(browser, tmp_path):
    files = []
    for name, text in LESSON.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(str(tmp_path / name))
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    with serve() as url:
        page.goto(f"{url}/upload")
        page.get_by_role("heading", name="Your articles").wait_for(timeout=PAGE_SECONDS)
        page.locator('input[type="file"]').first.set_input_files(files)
        page.get_by_text("Outlet of valley-voice.txt").wait_for(timeout=PAGE_SECONDS)
        page.get_by_role("button", name="Analyse", exact=True).click()
        page.get_by_text("Analysed 3 articles from 3 outlets").wait_for(timeout=PAGE_SECONDS)
        # Accept the actors suggested from the articles, and analyse with them.
        page.get_by_role("button", name="Suggest actors from the analysed articles").click()
        page.wait_for_timeout(1500)
        page.get_by_role("button", name="Analyse", exact=True).click()
        page.get_by_text("Analysed 3 articles from 3 outlets").wait_for(timeout=PAGE_SECONDS)
        _photograph(page, "your-articles", tmp_path)

        _open_page(page, "Who is called what")
        page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=PAGE_SECONDS)
        # The first cell's sentences, its label outlined, from one of the uploaded articles.
        focus = page.locator('span[data-signal="loaded"][style*="outline:2px"]').first
        focus.wait_for(timeout=PAGE_SECONDS)
        assert focus.inner_text().lower() in {"terrorists", "freedom fighters", "heroes", "rebels"}
        page.wait_for_timeout(500)
        _photograph(page, "who-is-called-what", tmp_path)

        _open_page(page, "Make a worksheet")
        button = page.get_by_role("button", name="Download the student worksheet")
        button.wait_for(timeout=PAGE_SECONDS)
        _photograph(page, "make-a-worksheet", tmp_path)
        with page.expect_download(timeout=PAGE_SECONDS) as download:
            button.click()
        sheet = Path(download.value.path()).read_text(encoding="utf-8")
    page.close()
    assert "Student worksheet" in sheet and "Dunmore" in sheet
    assert all(outlet in sheet for outlet in ("daily-ledger", "harbour-post", "valley-voice"))
    assert str(tmp_path) not in sheet and "(value-laden)" not in sheet
