"""Shared fixtures: the bundled seeds and the evaluation folder beside the project."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from analyzer.config import Config
from analyzer.document import ArticleMeta
from analyzer.storypack import load_story_pack

# Property tests run the same examples on every machine, so CI cannot fail by luck of the draw;
# FRAMESCOPE_HYPOTHESIS_PROFILE=explore draws fresh random examples for a bug hunt.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile(os.environ.get("FRAMESCOPE_HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EVAL_DIR = Path(os.environ.get("FRAMESCOPE_EVAL_DIR", ROOT.parent / "shared" / "eval"))

#: Seed file -> outlet, as in seeds/manifest.csv.
SEED_OUTLETS = {
    "000_ef08fac22bf965a9.txt": "Republic World",
    "001_5cfce197b09c6909.txt": "NewsTrack",
    "002_497be1b959ca3559.txt": "GDC (Global Defense Corp)",
    "003_9b56ff62a0c6ad38.txt": "SouthFront",
    "004_f13ce513ec09778f.txt": "teleSUR English",
}


@pytest.fixture(scope="session")
def seed_config() -> Config:
    pack = SEEDS / "storypack.csv"
    return Config(story_pack=load_story_pack(pack) if pack.exists() else None)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {name: (SEEDS / name).read_text(encoding="utf-8") for name in SEED_OUTLETS}


def seed_meta(name: str) -> ArticleMeta:
    return ArticleMeta(file=f"seeds/{name}", outlet=SEED_OUTLETS[name])


#: Set where the evaluation data are known to be present (CI): a missing dataset then fails the
#: test instead of skipping it, so the quality gate cannot pass by not running.
REQUIRE_EVAL = "FRAMESCOPE_REQUIRE_EVAL"

_running: list[pytest.Item] = []  # the test now running, so require_eval can read its markers


@pytest.fixture(autouse=True)
def _remember_running_test(request: pytest.FixtureRequest) -> Iterator[None]:
    _running.append(request.node)
    yield
    _running.pop()


def require_eval(*parts: str) -> Path:
    """The path of an evaluation dataset; without it, skip the test with the reason (or fail it
    when ``FRAMESCOPE_REQUIRE_EVAL=1``). Only tests marked ``eval`` may ask."""
    if _running and _running[-1].get_closest_marker("eval") is None:
        pytest.fail(f"{_running[-1].name} reads evaluation data: mark it @pytest.mark.eval")
    path = EVAL_DIR.joinpath(*parts)
    if not path.exists():
        reason = f"evaluation data not found at {path} (set FRAMESCOPE_EVAL_DIR)"
        if os.environ.get(REQUIRE_EVAL) == "1":
            pytest.fail(f"{REQUIRE_EVAL}=1 but {reason}")
        pytest.skip(reason)
    return path
