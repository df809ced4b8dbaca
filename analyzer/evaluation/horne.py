"""Horne & Adali (2017): does a credibility score built from our features separate real from fake?

The score is the sum of z-scored article features, each signed so that higher means "more like
the real articles". Which features take part, their signs and the z-score centres come from the
``dev`` split only (both sets pooled, satire left out); ``test`` is then scored per set with
ROC-AUC and a 95% bootstrap interval. A feature takes part when its dev AUC differs from 0.5 by
at least :data:`MIN_DEV_EFFECT`; counts are left out (they grow with length and say nothing per
word), as is boilerplate (these files carry almost none).
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analyzer.analysis import analyze
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.evaluation.loaded_spans import EVAL_CONFIG
from analyzer.evaluation.metrics import bootstrap_ci, roc_auc
from analyzer.signals import all_features

FOLDER = "horne2017-fakenews"
SETS = ("random", "buzzfeed")
#: A feature joins the score when its dev AUC (real vs fake) is at least this far from chance:
#: weaker features mostly add noise at n = 150 dev articles.
MIN_DEV_EFFECT = 0.10
CAVEAT = (
    "2016 US political news; 'random' labels are by source reliability, 'buzzfeed' by "
    "article; small sets (95% bootstrap CI shown)"
)


@dataclass(frozen=True, slots=True)
class Article:
    item: str
    dataset: str
    real: bool
    text: str


def _read(path: Path) -> str:
    # Windows-1252 with CRLF (SOURCE.md); two files hold a byte cp1252 does not define.
    return path.read_bytes().decode("cp1252", errors="replace").replace("\r\n", "\n")


def load(split: str) -> list[Article]:
    folder = eval_dir() / FOLDER
    with (folder / "split.csv").open(encoding="utf-8") as handle:
        wanted = {row["id"] for row in csv.DictReader(handle) if row["split"] == split}
    articles = []
    with (folder / "manifest.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            item = f"{row['dataset']}/{row['label']}/{row['file_id']}"
            if item in wanted and row["label"] in ("real", "fake"):
                text = _read(folder / row["body_path"])
                articles.append(Article(item, row["dataset"], row["label"] == "real", text))
    return articles


def candidate_features() -> tuple[str, ...]:
    return tuple(
        f.name for f in all_features() if f.unit != "count" and not f.name.startswith("boilerplate")
    )


@lru_cache(maxsize=2)
def _features(split: str) -> tuple[tuple[Article, dict[str, float]], ...]:
    return tuple((a, dict(analyze(a.text, EVAL_CONFIG).scores)) for a in load(split))


@dataclass(frozen=True)
class CredibilityScore:
    """Signed z-score sum; fitted on dev by :func:`fit_score`."""

    signs: Mapping[str, int]
    centres: Mapping[str, float]
    scales: Mapping[str, float]

    def __call__(self, features: Mapping[str, float]) -> float:
        return sum(
            sign * (features.get(name, 0.0) - self.centres[name]) / self.scales[name]
            for name, sign in self.signs.items()
        )


def fit_score(rows: Sequence[tuple[Article, Mapping[str, float]]]) -> CredibilityScore:
    real = [a.real for a, _ in rows]
    signs, centres, scales = {}, {}, {}
    for name in candidate_features():
        values = [f.get(name, 0.0) for _, f in rows]
        auc = roc_auc(values, real)
        scale = statistics.pstdev(values)
        if scale > 0 and abs(auc - 0.5) >= MIN_DEV_EFFECT:
            signs[name] = 1 if auc > 0.5 else -1
            centres[name] = statistics.fmean(values)
            scales[name] = scale
    return CredibilityScore(signs, centres, scales)


def auc_interval(values: Sequence[float], real: Sequence[bool]) -> tuple[float, float]:
    """95% bootstrap interval of the ROC-AUC (articles resampled with replacement)."""

    def resampled(indices: list[int]) -> float:
        return roc_auc([values[i] for i in indices], [real[i] for i in indices])

    return bootstrap_ci(resampled, len(values))


def evaluate(split: str = "test") -> DatasetResult:
    score = fit_score(_features("dev"))
    rows = _features(split)
    figures, errors = [], []
    for dataset in SETS:
        chosen = [(a, score(f)) for a, f in rows if a.dataset == dataset]
        values = [s for _, s in chosen]
        real = [a.real for a, _ in chosen]
        auc = roc_auc(values, real)
        low, high = auc_interval(values, real)
        details = {"ci95_low": low, "ci95_high": high, "articles": float(len(chosen))}
        details.update({f"sign_{name}": float(sign) for name, sign in score.signs.items()})
        figures.append(
            Figure(
                f"article credibility ({dataset} set)",
                "Horne 2017",
                "ROC-AUC real vs fake (score fitted on dev)",
                auc,
                None,
                "- (chance 0.5; paper: ~0.7 accuracy from SVM features, unverified)",
                CAVEAT,
                details,
                split,
            )
        )
        ordered = sorted(values)
        for article, value in chosen:
            rank = ordered.index(value) / max(1, len(ordered) - 1)  # 0 lowest .. 1 highest
            wrong_by = rank if not article.real else 1 - rank
            if wrong_by > 0.5:
                errors.append(
                    ErrorCase(
                        article.item,
                        "real" if article.real else "fake",
                        f"score {value:.2f} (rank {rank:.0%})",
                        article.text[:300],
                        wrong_by,
                    )
                )
    return DatasetResult(figures, {"article credibility (Horne 2017)": errors})
