"""Article Extraction Benchmark (Zyte/Scrapinghub) scorer and the boilerplate cleaner run on it.

The metric is written from the description in ``shared/eval/aeb-scrapinghub/SOURCE.md`` (no code
was copied): tokens are ``\\w+`` (Unicode, case kept); each text becomes the multiset of its word
4-gram shingles; per page, tp/fp/fn come from the multiset overlap between the gold body and the
prediction; precision and recall are averaged over pages (a page with ``tp + fp == 0`` is skipped
for precision, one with ``tp + fn == 0`` for recall) and F1 is the harmonic mean of those means.

This module reads the evaluation data and must never be imported by the analysis pipeline.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from analyzer.boilerplate import body_text
from analyzer.evaluation.base import eval_dir
from analyzer.settings import BoilerplateSettings
from analyzer.text.lines import split_lines

AEB_FOLDER = "aeb-scrapinghub"
#: The shipped decision settings, evaluated unless a sweep passes others.
_SETTINGS = BoilerplateSettings()

#: Shingle length of the official metric (SOURCE.md: "word-4-gram shingle matching").
SHINGLE_SIZE = 4

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ShingleScore:
    """Page-averaged shingle precision, recall and F1 over ``pages`` pages."""

    precision: float
    recall: float
    f1: float
    pages: int
    #: Share of pages whose own F1 is below 0.5: a page's article mostly lost or drowned in
    #: furniture. The mean hides these; a reader meets them one page at a time.
    share_below_half: float = 0.0


def resolve_eval_dir(data_dir: Path | str | None = None) -> Path:
    """The evaluation data folder: ``data_dir``, else :func:`analyzer.evaluation.base.eval_dir`."""
    return Path(data_dir) if data_dir is not None else eval_dir()


def read_split(folder: Path, split: str | None) -> list[str]:
    """Item ids of ``folder/split.csv`` in ``split`` (``"dev"`` or ``"test"``; None for all)."""
    ids = []
    with (folder / "split.csv").open(encoding="utf-8") as handle:
        next(handle)  # header "id,split"
        for row in handle:
            item, _, item_split = row.rstrip("\r\n").rpartition(",")
            if split is None or item_split == split:
                ids.append(item)
    return ids


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of word ``size``-grams of ``text``; a shorter text is one shingle of all its tokens."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_counts(gold: str, predicted: str) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` of shingle multisets for one page."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def score_pages(gold: Mapping[str, str], predicted: Mapping[str, str]) -> ShingleScore:
    """Score ``predicted`` bodies against ``gold`` ones (a missing prediction counts as empty)."""
    precisions, recalls = [], []
    below_half = 0
    for item, gold_body in gold.items():
        tp, fp, fn = page_counts(gold_body, predicted.get(item, ""))
        # Normalising tp/fp/fn to sum to 1 (as the metric does) leaves these ratios unchanged.
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
        below_half += page_f1(tp, fp, fn) < 0.5
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ShingleScore(precision, recall, f1, len(gold), below_half / len(gold) if gold else 0.0)


def page_f1(tp: int, fp: int, fn: int) -> float:
    """One page's shingle F1 (1.0 for an empty gold body predicted empty)."""
    if not tp + fp + fn:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)


def load_urls(data_dir: Path | str | None = None) -> dict[str, str]:
    """Each page's URL (to group pages by website)."""
    folder = resolve_eval_dir(data_dir) / AEB_FOLDER
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return {item: entry.get("url") or "" for item, entry in truth.items()}


def load_gold(data_dir: Path | str | None = None, split: str | None = None) -> dict[str, str]:
    """Gold article bodies by item id, restricted to ``split`` when given."""
    folder = resolve_eval_dir(data_dir) / AEB_FOLDER
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return {item: truth[item]["articleBody"] for item in read_split(folder, split)}


def load_output(name: str, data_dir: Path | str | None = None) -> dict[str, str]:
    """A shipped system output (``"html-text"``, ``"trafilatura"``) by item id."""
    path = resolve_eval_dir(data_dir) / AEB_FOLDER / "output" / f"{name}.json"
    output = json.loads(path.read_text(encoding="utf-8"))["output"]
    return {item: entry["articleBody"] or "" for item, entry in output.items()}


def read_page(item: str, data_dir: Path | str | None = None) -> str:
    """The decoded HTML of one AEB page."""
    # Imported here: decoding HTML pulls in charset-normalizer, not needed for the text modes.
    from analyzer.io.readers import decode_html

    path = resolve_eval_dir(data_dir) / AEB_FOLDER / "html" / f"{item}.html.gz"
    return decode_html(gzip.decompress(path.read_bytes()), str(path))


def evaluate_reference(
    name: str, split: str | None = None, data_dir: Path | str | None = None
) -> ShingleScore:
    """Score a shipped system output; ``evaluate_reference("html-text")`` is the self-test."""
    gold = load_gold(data_dir, split)
    return score_pages(gold, load_output(name, data_dir))


def evaluate_plain_text(
    split: str = "test",
    data_dir: Path | str | None = None,
    settings: BoilerplateSettings = _SETTINGS,
) -> ShingleScore:
    """Clean the keep-all ``html-text`` output line by line and score the kept body lines.

    The headline line is left out, as in :func:`evaluate_html`: the gold ``articleBody`` has none.
    ``settings`` changes the decision rules under evaluation (``benchmarks/sweep_settings.py``).
    """
    gold = load_gold(data_dir, split)
    return score_pages(gold, plain_text_bodies(gold, data_dir, settings))


def plain_text_bodies(
    gold: Mapping[str, str],
    data_dir: Path | str | None = None,
    settings: BoilerplateSettings = _SETTINGS,
) -> dict[str, str]:
    """Our plain-text mode's body of each page of ``gold`` (its keep-all text cleaned)."""
    noisy = load_output("html-text", data_dir)
    return {
        item: body_text(noisy[item], include_headline=False, settings=settings) for item in gold
    }


def evaluate_html(
    split: str = "test",
    data_dir: Path | str | None = None,
    settings: BoilerplateSettings = _SETTINGS,
) -> ShingleScore:
    """Extract each HTML page, classify its lines with the extractor's hints, score the body;
    ``settings`` changes the decision rules under evaluation."""
    from analyzer.io.html import extract_page

    gold = load_gold(data_dir, split)
    predicted = {}
    for item in gold:
        page = extract_page(read_page(item, data_dir))
        # The gold is schema.org ``articleBody``, which leaves out the headline.
        predicted[item] = body_text(
            page.text,
            title=page.title,
            body_hints=page.body_hints,
            link_shares=page.link_shares,
            include_headline=False,
            settings=settings,
        )
    return score_pages(gold, predicted)


def line_texts(text: str) -> Iterable[str]:
    """The lines of ``text`` as the classifier sees them (helper for training scripts)."""
    return (text[start:end] for start, end in split_lines(text))
