"""NewsWCL50 (Hamborg et al. 2019): do we flag the evaluative phrases annotators marked?

The article texts are not distributed, only the annotated phrases (``code_mention``). Each
PROPERTY phrase (Aggressor, Victim, Unreason ...) is one gold evaluative mention; we run the
detector on the phrase alone and count it found when any loaded span (non-descriptive tier)
fires. This measures lexicon coverage, not precision in context: some PROPERTY phrases are
evaluative without being loaded words ("tough", "refused"). The flag rate on concept mentions
(names of actors, countries, groups) is shown beside it; those are mostly neutral names.

Split: no official one; an event is ``test`` when the first hex digit of SHA-1 of its
``event_id`` is 0-4 (the rule of shared/eval/README.md).
"""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict

from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.evaluation.loaded_spans import is_loaded, loaded_spans

FOLDER = "newswcl50"
CONCEPT_TYPES = ("ACTOR", "COUNTRY", "GROUP")
PUBLISHERS = ("LL", "L", "M", "R", "RR")
CAVEAT = (
    "phrases scored out of context (article texts are not distributed); PROPERTY phrases "
    "include evaluations that are not loaded words, so full recall is not expected"
)


def split_of(event_id: str) -> str:
    return "test" if hashlib.sha1(event_id.encode()).hexdigest()[0] in "01234" else "dev"


def load(split: str) -> list[dict[str, str]]:
    path = eval_dir() / FOLDER / "Annotations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        next(handle)  # "sep=,"
        return [row for row in csv.DictReader(handle) if split_of(row["event_id"]) == split]


def _flagged(phrase: str, cache: dict[str, bool]) -> bool:
    if phrase not in cache:
        cache[phrase] = any(is_loaded(s) for s in loaded_spans(phrase))
    return cache[phrase]


def evaluate(split: str = "test") -> DatasetResult:
    cache: dict[str, bool] = {}
    found: dict[str, list[bool]] = defaultdict(list)
    concept_flags = []
    misses: dict[str, int] = defaultdict(int)
    for row in load(split):
        phrase = row["code_mention"].strip()
        if not phrase:
            continue
        if row["code_type"] == "PROPERTY":
            hit = _flagged(phrase, cache)
            found[row["publisher_id"]].append(hit)
            if not hit:
                misses[phrase] += 1
        elif row["code_type"] in CONCEPT_TYPES:
            concept_flags.append(_flagged(phrase, cache))
    everything = [hit for hits in found.values() for hit in hits]
    recall = sum(everything) / len(everything) if everything else 0.0
    details = {
        "property_mentions": float(len(everything)),
        "flag_rate_on_concept_mentions": sum(concept_flags) / len(concept_flags)
        if concept_flags
        else 0.0,
    }
    for publisher in PUBLISHERS:
        hits = found.get(publisher, [])
        details[f"recall_{publisher}"] = sum(hits) / len(hits) if hits else 0.0
    figure = Figure(
        "evaluative labels across outlets",
        "NewsWCL50",
        "recall of evaluative (PROPERTY) mentions",
        recall,
        None,
        "- (reported only)",
        CAVEAT,
        details,
        split,
    )
    errors = [
        ErrorCase(phrase, "evaluative mention", "not flagged", phrase, float(count))
        for phrase, count in misses.items()
    ]
    return DatasetResult([figure], {"evaluative labels (NewsWCL50)": errors})
