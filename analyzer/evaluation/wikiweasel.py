"""WikiWeasel (CoNLL-2010 task 1, Wikipedia): is a sentence uncertain, by our hedging signal?

The metric is written from ``shared/eval/wikiweasel-conll2010/SOURCE.md`` (no code was copied):
F1 of the *uncertain* class at sentence level, pooled. A sentence is uncertain for us when the
hedging signal finds a span of a signal in :data:`UNCERTAIN_SIGNALS` in it; the rule was chosen on
``train`` (hedges and weasels mark uncertainty; boosters do not, and distancing verbs such as
"claimed" are attribution, not the writer's doubt). The PTB tokens of the files (``-LRB-``,
`````` ``) are turned back into plain text first. This copy keeps fewer certain sentences than
the official set, so precision and F1 are not comparable with the shared task; recall is.
The details also give the figure with every hedge and weasel counted (``all_spans_*``).

This module reads the evaluation data and must never be imported by the analysis pipeline.
"""

from __future__ import annotations

import bisect
from collections import Counter
from pathlib import Path

from analyzer.config import Config
from analyzer.document import build_document
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.evaluation.sfu import precision_recall_f1
from analyzer.signals import hedging

WIKIWEASEL_FOLDER = "wikiweasel-conll2010"
#: Span signals that make a sentence uncertain (chosen on train: boosters and distancing verbs
#: lower F1).
UNCERTAIN_SIGNALS = ("hedge", "weasel")
#: Hedge labels that do not: on train, sentences with a modal ("may", "could") or an
#: approximator ("roughly") are uncertain less often than sentences at large (27% against 29%);
#: WikiWeasel's annotators marked weasels and vagueness, not every modal.
IGNORED_LABELS = ("modal", "approximator")
#: Sentences analysed per document: one paragraph each, so none leaks into another.
BATCH_SIZE = 400
FILE_SPLITS = {"test": "eval", "eval": "eval", "train": "train", "dev": "train"}
CAVEAT = "Wikipedia, not news; this copy drops part of the certain class, so compare recall"
#: Body text already known to be clean: no boilerplate pass. A sweep starts from this config.
EVAL_CONFIG = Config(strip_boilerplate=False)
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "``": '"', "''": '"'}


def detokenize(line: str) -> str:
    """Plain text from a PTB-tokenised line (brackets and quotes restored, spacing kept)."""
    return " ".join(_PTB.get(token, token) for token in line.split())


def read_sentences(split: str, data_dir: Path | None = None) -> list[tuple[str, bool]]:
    """(sentence, is uncertain) for ``split``: ``test``/``eval`` or ``train``/``dev``."""
    folder = (data_dir or eval_dir()) / WIKIWEASEL_FOLDER
    prefix = FILE_SPLITS[split]
    items = []
    for label, uncertain in (("certain", False), ("uncertain", True)):
        path = folder / f"{prefix}_wikiweasel_{label}_sentences.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append((detokenize(line), uncertain))
    return items


def predict(sentences: list[str], config: Config = EVAL_CONFIG) -> list[list[tuple[str, str]]]:
    """(signal, label) of every hedging span found in each sentence, one list per sentence."""
    found: list[list[tuple[str, str]]] = []
    for first in range(0, len(sentences), BATCH_SIZE):
        batch = sentences[first : first + BATCH_SIZE]
        starts, pos = [], 0
        for sentence in batch:
            starts.append(pos)
            pos += len(sentence) + 2
        doc = build_document("\n\n".join(batch), config=config)
        per: list[list[tuple[str, str]]] = [[] for _ in batch]
        for span in hedging.detect(doc, config):
            per[bisect.bisect_right(starts, span.start) - 1].append((span.signal, span.label))
        found.extend(per)
    return found


def evaluate(
    split: str = "test", data_dir: Path | None = None, config: Config = EVAL_CONFIG
) -> DatasetResult:
    """Uncertain-class sentence P/R/F1 of the hedging signal on WikiWeasel ``split``; ``config``
    changes the settings under evaluation (``benchmarks/sweep_settings.py``)."""
    items = read_sentences(split, data_dir)
    signals = predict([text for text, _ in items], config)
    counts: Counter[str] = Counter()
    every: Counter[str] = Counter()
    errors: list[ErrorCase] = []
    for (text, gold), found in zip(items, signals, strict=True):
        predicted = any(s in UNCERTAIN_SIGNALS and lab not in IGNORED_LABELS for s, lab in found)
        any_span = any(s in UNCERTAIN_SIGNALS for s, _ in found)
        every["tp"] += gold and any_span
        every["fp"] += any_span and not gold
        every["fn"] += gold and not any_span
        counts["tp"] += gold and predicted
        counts["fp"] += predicted and not gold
        counts["fn"] += gold and not predicted
        if gold != predicted:
            label = "uncertain" if predicted else "certain"
            errors.append(ErrorCase(split, "uncertain" if gold else "certain", label, text))
    details = precision_recall_f1(counts["tp"], counts["fp"], counts["fn"])
    details["sentences"] = len(items)
    every_figures = precision_recall_f1(every["tp"], every["fp"], every["fn"])
    details.update({f"all_spans_{k}": v for k, v in every_figures.items()})
    figure = Figure(
        signal="hedging / weasel sentences",
        dataset="WikiWeasel (CoNLL-2010)",
        metric="uncertain-class sentence F1 (recall in details)",
        value=details["f1"],
        target=0.60,
        reference="best CoNLL-2010 Wikipedia system about 0.60 F1 (unverified; full set)",
        caveat=CAVEAT,
        details=details,
        split=split,
    )
    # Misses first (recall is the comparable figure), shortest sentences first: easiest to read.
    errors.sort(key=lambda e: (e.expected != "uncertain", len(e.text)))
    ranked = [
        ErrorCase(e.item, e.expected, e.predicted, e.text, severity=float(len(errors) - i))
        for i, e in enumerate(errors[:40])
    ]
    return DatasetResult([figure], {"hedging / weasel sentences": ranked})
