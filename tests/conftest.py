"""Shared fixtures: the bundled seeds and the evaluation folder beside the project."""

from __future__ import annotations

import os
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


def require_eval(*parts: str) -> Path:
    """The path of an evaluation dataset, or skip the test with the reason."""
    path = EVAL_DIR.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not found at {path} (set FRAMESCOPE_EVAL_DIR)")
    return path
