"""Real article texts from the evaluation folder, for the speed benchmarks.

Only texts are used (no labels), so every dataset may serve here, whatever its licence; nothing
from it is stored in the repository.
"""

from __future__ import annotations

import gzip
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from analyzer.document import Article, ArticleMeta
from analyzer.io.decoding import decode_bytes

EVAL_DIR = Path(
    os.environ.get("FRAMESCOPE_EVAL_DIR", Path(__file__).resolve().parents[2] / "shared" / "eval")
)


def plain_text_articles(eval_dir: Path = EVAL_DIR) -> list[Article]:
    """Every plain article text in the evaluation folder (about 1,300)."""
    articles = [*_aeb(eval_dir), *_horne(eval_dir), *_gum(eval_dir), *_sfu(eval_dir)]
    if not articles:
        raise SystemExit(f"no evaluation data under {eval_dir} (set FRAMESCOPE_EVAL_DIR)")
    return articles


def html_pages(eval_dir: Path = EVAL_DIR) -> Iterator[tuple[str, bytes]]:
    """(name, raw HTML bytes) of the AEB and trafilatura-eval pages."""
    for folder in (
        eval_dir / "aeb-scrapinghub" / "html",
        eval_dir / "trafilatura-eval-en" / "html",
    ):
        for path in sorted(folder.glob("*.html.gz")):
            yield path.name, gzip.decompress(path.read_bytes())


def _aeb(eval_dir: Path) -> Iterator[Article]:
    folder = eval_dir / "aeb-scrapinghub"
    if not folder.exists():
        return
    # Noisy scraped pages (all visible text) and their clean gold bodies: two kinds of input.
    noisy = json.loads((folder / "output" / "html-text.json").read_text(encoding="utf-8"))["output"]
    for key, item in sorted(noisy.items()):
        yield Article(item["articleBody"], ArticleMeta(file=f"aeb-html-text/{key}", outlet="aeb"))
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(gold.items()):
        yield Article(item["articleBody"], ArticleMeta(file=f"aeb-gold/{key}", outlet="aeb"))


def _horne(eval_dir: Path) -> Iterator[Article]:
    folder = eval_dir / "horne2017-fakenews"
    for path in sorted(folder.glob("*/*/*.txt")):
        if not path.parent.name.endswith("_titles"):
            text = decode_bytes(path.read_bytes(), str(path))
            yield Article(
                text, ArticleMeta(file=str(path.relative_to(folder)), outlet=path.parent.name)
            )


def _gum(eval_dir: Path) -> Iterator[Article]:
    for path in sorted((eval_dir / "gum-attribution" / "conllu").glob("*.conllu")):
        paragraphs: list[list[str]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar") or not paragraphs:
                paragraphs.append([])
            if line.startswith("# text = "):
                paragraphs[-1].append(line[len("# text = ") :])
        text = "\n\n".join(" ".join(p) for p in paragraphs if p)
        yield Article(text, ArticleMeta(file=path.name, outlet="gum"))


def _sfu(eval_dir: Path) -> Iterator[Article]:
    for path in sorted((eval_dir / "sfu-review-negspec").glob("*/*.xml")):
        root = ET.parse(path).getroot()
        paragraphs = []
        for paragraph in root.iter("P"):
            words = [w.text or "" for w in paragraph.iter("W")]
            paragraphs.append(" ".join(words))
        yield Article("\n\n".join(paragraphs), ArticleMeta(file=path.name, outlet="sfu"))
