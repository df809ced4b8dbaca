"""SemEval-2021 task 6 (meme text): loaded-language and name-calling spans, partial-overlap F1.

Gold spans of Loaded Language and Name calling/Labeling are pooled into one class (our detector
does not tell the two apart) and merged where they overlap; our loaded spans of every
non-descriptive tier are scored against them with the PTC partial-credit metric
(:class:`~analyzer.evaluation.metrics.PartialOverlap`). Per-technique recall is reported too.

The official files are used as they are: ``training``/``dev`` for tuning, ``test`` for reporting.
"""

from __future__ import annotations

import json

from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.evaluation.loaded_spans import is_loaded, loaded_spans
from analyzer.evaluation.metrics import PartialOverlap, merge_spans

FOLDER = "semeval2021-task6"
#: Technique names exactly as the task files write them.
TECHNIQUES = ("Loaded Language", "Name calling/Labeling")
SPLIT_FILES = {
    "train": "training_set_task2.txt",
    "dev": "dev_set_task2.txt",
    "test": "test_set_task2.txt",
}
CAVEAT = "meme captions, not news: short, often all caps, more extreme than news copy"


def load(split: str) -> list[dict]:
    path = eval_dir() / FOLDER / SPLIT_FILES[split]
    return json.loads(path.read_text(encoding="utf-8"))


def evaluate(split: str = "test") -> DatasetResult:
    pooled = PartialOverlap()
    per_technique = {name: PartialOverlap() for name in TECHNIQUES}
    errors = []
    for meme in load(split):
        text = meme["text"]
        predicted = [(s.start, s.end) for s in loaded_spans(text) if is_loaded(s)]
        by_technique = {
            name: [(g["start"], g["end"]) for g in meme["labels"] if g["technique"] == name]
            for name in TECHNIQUES
        }
        gold = merge_spans([span for spans in by_technique.values() for span in spans])
        pooled.add(predicted, gold)
        for name, spans in by_technique.items():
            per_technique[name].add(predicted, merge_spans(spans))
        missed = [t for t in gold if not any(min(s[1], t[1]) > max(s[0], t[0]) for s in predicted)]
        wrong = [s for s in predicted if not any(min(s[1], t[1]) > max(s[0], t[0]) for t in gold)]
        if missed or wrong:
            errors.append(
                ErrorCase(
                    meme["id"],
                    "; ".join(text[a:b] for a, b in gold) or "no span",
                    "; ".join(text[a:b] for a, b in predicted) or "no span",
                    " ".join(text.split()),
                    float(len(missed) + len(wrong)),
                )
            )
    result = pooled.result()
    details = {
        **result.as_dict(),
        "gold_spans": float(pooled.gold),
        "predicted_spans": float(pooled.predicted),
    }
    for name, counts in per_technique.items():
        details[f"recall_{name.split('/')[0].lower().replace(' ', '_')}"] = counts.result().recall
    figure = Figure(
        "loaded language + name calling spans",
        "SemEval-2021 task 6",
        "span F1, partial overlap",
        result.f1,
        0.40,
        "48.2 (Volta, span + technique)",
        CAVEAT,
        details,
        split,
    )
    return DatasetResult([figure], {"loaded language spans (SemEval-2021)": errors})
