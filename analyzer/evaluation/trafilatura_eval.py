"""trafilatura's hand-annotated extraction benchmark (English subset) and our cleaner run on it.

The metric is written from ``shared/eval/trafilatura-eval-en/SOURCE.md`` (no code was copied):
whitespace-normalise the extracted text and every annotated snippet, then test containment. A
``with`` snippet (main text) present is a true positive, missing a false negative; a ``without``
snippet (boilerplate) present is a false positive, missing a true negative. Counts are pooled over
pages (micro): P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), accuracy = (TP+TN)/all.
A crash counts as missing every snippet.

This module reads the evaluation data and must never be imported by the analysis pipeline.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.evaluation.aeb import read_split, resolve_eval_dir

TRAFILATURA_EVAL_FOLDER = "trafilatura-eval-en"

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SnippetScore:
    """Pooled snippet counts and the figures derived from them."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def normalise(text: str) -> str:
    """Collapse every whitespace run to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


def score_page(extracted: str | None, keep: Sequence[str], drop: Sequence[str]) -> SnippetScore:
    """Counts for one page; ``extracted=None`` (a crash) misses every snippet."""
    text = normalise(extracted) if extracted is not None else None
    kept = sum(1 for snippet in keep if text is not None and normalise(snippet) in text)
    leaked = sum(1 for snippet in drop if text is not None and normalise(snippet) in text)
    return SnippetScore(tp=kept, fp=leaked, fn=len(keep) - kept, tn=len(drop) - leaked)


def add(scores: Sequence[SnippetScore]) -> SnippetScore:
    """Pool page counts (the metric is micro-averaged)."""
    return SnippetScore(
        tp=sum(s.tp for s in scores),
        fp=sum(s.fp for s in scores),
        fn=sum(s.fn for s in scores),
        tn=sum(s.tn for s in scores),
    )


def share_below_half(pages: Sequence[SnippetScore]) -> float:
    """Share of pages whose own snippet F1 is below 0.5 (most of the article lost, or more
    furniture leaked than body kept); pages without must-keep snippets are left out."""
    scored = [page for page in pages if page.tp + page.fn]
    return sum(page.f1 < 0.5 for page in scored) / len(scored) if scored else 0.0


def load_annotations(
    data_dir: Path | str | None = None, split: str | None = None
) -> dict[str, dict[str, Any]]:
    """Annotation entries by id (``split.csv`` ids are the keys of ``evaldata_en.json``)."""
    folder = resolve_eval_dir(data_dir) / TRAFILATURA_EVAL_FOLDER
    entries: dict[str, dict[str, Any]] = json.loads(
        (folder / "evaldata_en.json").read_text(encoding="utf-8")
    )
    return {item: entries[item] for item in read_split(folder, split)}


def read_page(entry: Mapping[str, Any], data_dir: Path | str | None = None) -> str:
    """The decoded HTML of one annotated page (its declared charset is honoured)."""
    from analyzer.io.readers import decode_html

    path = resolve_eval_dir(data_dir) / TRAFILATURA_EVAL_FOLDER / entry["file"]
    return decode_html(gzip.decompress(path.read_bytes()), str(path))


def evaluate_extractor(
    extract: Callable[[str], str | None],
    split: str | None = "test",
    data_dir: Path | str | None = None,
) -> SnippetScore:
    """Run ``extract(html) -> text`` on every page of ``split`` and pool the counts."""
    scores = []
    for entry in load_annotations(data_dir, split).values():
        try:
            extracted = extract(read_page(entry, data_dir))
        except Exception:  # the metric's rule: a crash misses every snippet
            extracted = None
        scores.append(score_page(extracted, entry["with"], entry["without"]))
    return add(scores)


def clean_html(html: str) -> str:
    """Our HTML mode: visible text, line verdicts with the extractor's hints, body lines joined."""
    from analyzer.boilerplate import body_text
    from analyzer.io.html import extract_page

    page = extract_page(html)
    return body_text(
        page.text, title=page.title, body_hints=page.body_hints, link_shares=page.link_shares
    )


def evaluate_html(split: str = "test", data_dir: Path | str | None = None) -> SnippetScore:
    """Score framescope's HTML mode on ``split`` (``"dev"`` or ``"test"``)."""
    return evaluate_extractor(clean_html, split, data_dir)
