"""The built wheel carries the dashboard and the seeds: installed outside the checkout, it scores
the bundled seeds and serves ``framescope dashboard``.

The source tree is copied first (the build never touches the checkout), the wheel is built with
``pip wheel --no-deps`` and unpacked with ``pip install --no-deps --target`` into a folder that goes
first on ``PYTHONPATH``; the dependencies come from the environment running the tests, so nothing
is downloaded. Every command runs from a folder outside the checkout.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

#: What the wheel must hold beyond the package's own modules (paths inside the wheel).
BUNDLED = (
    "analyzer/_bundled/dashboards/app.py",
    "analyzer/_bundled/dashboards/common.py",
    "analyzer/_bundled/dashboards/views/compare.py",
    "analyzer/_bundled/seeds/manifest.csv",
    "analyzer/_bundled/seeds/storypack.csv",
)
#: Folders a build does not need (and a build must not read stale files from).
NOT_COPIED = (".git", ".venv", "build", "dist", "out", "tests", "benchmarks", "notebooks", "docs")
SERVER_START_SECONDS = 60


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(*NOT_COPIED, "*.egg-info", "__pycache__", ".*_cache"),
    )
    wheels = base / "wheels"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INDEX": "1"}
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            ".",
        ],
        source,
        env,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = wheels.glob("framescope-*.whl")
    site = base / "site"
    unpacked = _run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(site), str(wheel)],
        base,
        env,
    )
    assert unpacked.returncode == 0, unpacked.stderr[-2000:]
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return wheel, site, {**env, "PYTHONPATH": str(site)}


def test_the_wheel_holds_the_dashboard_and_the_seeds(installed) -> None:
    wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in BUNDLED if name not in names]
    assert not missing, missing
    seeds = [n for n in names if n.startswith("analyzer/_bundled/seeds/") and n.endswith(".txt")]
    assert len(seeds) == len(list((ROOT / "seeds").glob("*.txt")))
    assert not any(n.startswith(("tests/", "dashboards/", "seeds/")) for n in names)


def test_the_installed_package_scores_the_bundled_seeds_outside_the_checkout(installed) -> None:
    _, site, env = installed
    elsewhere = site.parent / "elsewhere"
    script = (
        "import sys, analyzer; from analyzer.bundled import BUNDLED_SEEDS; "
        "print(analyzer.__file__); print(BUNDLED_SEEDS); "
        "from analyzer.cli import main; sys.exit(main(['score', str(BUNDLED_SEEDS), '-o', 's.csv', '-q']))"
    )
    done = _run([sys.executable, "-c", script], elsewhere, env)
    assert done.returncode == 0, done.stderr[-2000:]
    module, seeds = done.stdout.splitlines()[:2]
    assert module.startswith(str(site)) and seeds.startswith(str(site))  # the wheel's, not ours
    rows = (elsewhere / "s.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 + len(list((ROOT / "seeds").glob("*.txt")))


def test_framescope_dashboard_without_paths_serves_the_bundled_seeds(installed) -> None:
    _, site, env = installed
    elsewhere = site.parent / "elsewhere"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    script = "import sys; from analyzer.cli import main; sys.exit(main(sys.argv[1:]))"
    args = ["dashboard", "--headless", "--port", str(port), "--out", "tables"]
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=elsewhere,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"dashboard did not start:\n{process.stdout.read()[-2000:]}")
                time.sleep(0.3)
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert "wrote tables/outlets.csv (5 rows)" in output
    # The app script itself, run from the wheel: the Compare page draws the seeds.
    check = (
        "import sys; from streamlit.testing.v1 import AppTest; "
        "from analyzer.bundled import DASHBOARD_APP; sys.argv = ['app.py']; "
        "at = AppTest.from_file(str(DASHBOARD_APP), default_timeout=120).run(); "
        "assert not at.exception, [e.value for e in at.exception]; "
        "print(at.title[0].value, len(at.dataframe[1].value))"
    )
    shown = _run([sys.executable, "-c", check], elsewhere, env)
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert shown.stdout.strip().endswith("Compare outlets 5")
