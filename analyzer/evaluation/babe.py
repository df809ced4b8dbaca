"""BABE (Spinde et al. 2021): loaded language in news sentences, at sentence and at word level.

Sentence level: a sentence is predicted biased by a rule on its loaded spans, the rule chosen on
``dev`` by macro-F1 (:data:`SENTENCE_RULES`); ``No agreement`` rows are dropped. Word level: the
lower-cased words inside loaded spans against the words the experts marked, pooled over the
sentences that have marks (SOURCE.md), plus the share of unmarked non-biased sentences we flag.

Reads the AGPL-licensed data at evaluation time only; nothing from it is shipped.
"""

from __future__ import annotations

import ast
import csv
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.evaluation.loaded_spans import flagged_words, is_loaded, loaded_spans
from analyzer.evaluation.metrics import binary_prf, macro_f1, prf_from_counts
from analyzer.span import Span

FOLDER = "babe"
CAVEAT = (
    "US news sentences (2017-2020), expert majority vote; bias by word choice includes "
    "framing our lexicon does not model (e.g. 'claimed'), so a lexicon sits well below a "
    "fine-tuned transformer"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    item: str
    text: str
    biased: bool
    marked: frozenset[str]


#: Candidate sentence rules (name -> predicate on the sentence's loaded spans).
SENTENCE_RULES: dict[str, Callable[[Sequence[Span]], bool]] = {
    "one or more loaded spans (non-descriptive tier)": lambda spans: any(map(is_loaded, spans)),
    "one or more spans of any tier": lambda spans: bool(spans),
    "two or more loaded spans": lambda spans: sum(map(is_loaded, spans)) >= 2,
}


def load(split: str) -> list[Sentence]:
    folder = eval_dir() / FOLDER
    with (folder / "split.csv").open(encoding="utf-8") as handle:
        wanted = {row["id"] for row in csv.DictReader(handle) if row["split"] == split}
    with (folder / "final_labels_SG2.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    sentences = []
    for index, row in enumerate(rows):
        if str(index) not in wanted or row["label_bias"] not in ("Biased", "Non-biased"):
            continue
        marked = ast.literal_eval(row["biased_words"] or "[]")
        words = frozenset(w.lower() for phrase in marked for w in phrase.split())
        sentences.append(Sentence(str(index), row["text"], row["label_bias"] == "Biased", words))
    return sentences


@lru_cache(maxsize=4)
def _detected(split: str) -> tuple[tuple[Sentence, list[Span]], ...]:
    return tuple((s, loaded_spans(s.text)) for s in load(split))


def choose_rule() -> str:
    """The sentence rule with the best macro-F1 on ``dev``."""
    detected = _detected("dev")
    gold = [s.biased for s, _ in detected]
    return max(
        SENTENCE_RULES,
        key=lambda name: macro_f1(gold, [SENTENCE_RULES[name](spans) for _, spans in detected]),
    )


def missed_words(split: str = "dev", top: int = 30) -> list[tuple[str, int]]:
    """Marked words we do not flag, most frequent first (for the lexicon owner; use ``dev``)."""
    missed: Counter[str] = Counter()
    for sentence, spans in _detected(split):
        missed.update(sentence.marked - set(flagged_words(sentence.text, spans)))
    return missed.most_common(top)


def evaluate(split: str = "test") -> DatasetResult:
    rule_name = choose_rule()
    rule = SENTENCE_RULES[rule_name]
    detected = _detected(split)
    gold = [s.biased for s, _ in detected]
    predicted = [rule(spans) for _, spans in detected]
    tp = fp = fn = 0
    flagged_clean = clean = 0
    errors = []
    for (sentence, spans), said_biased in zip(detected, predicted, strict=True):
        words = set(flagged_words(sentence.text, spans))
        if sentence.marked:
            tp += len(words & sentence.marked)
            fp += len(words - sentence.marked)
            fn += len(sentence.marked - words)
        elif not sentence.biased:
            clean += 1
            flagged_clean += bool(words)
        if said_biased != sentence.biased:
            expected = (
                "biased: " + ", ".join(sorted(sentence.marked)) if sentence.biased else "non-biased"
            )
            shown = ", ".join(sorted(words)) or "nothing flagged"
            errors.append(
                ErrorCase(
                    sentence.item,
                    expected,
                    shown,
                    sentence.text,
                    float(len(sentence.marked) if sentence.biased else len(words)),
                )
            )
    words_prf = prf_from_counts(tp, fp, fn)
    sentence_f1 = macro_f1(gold, predicted)
    biased_share = sum(gold) / len(gold) if gold else 0.0
    figures = [
        Figure(
            "loaded language, sentences",
            "BABE",
            f"sentence macro-F1; biased = {rule_name} (rule chosen on dev)",
            sentence_f1,
            0.70,
            "0.804 (fine-tuned transformer); all-biased baseline in details",
            CAVEAT,
            {
                "sentences": len(gold),
                "biased_share": biased_share,
                "all_biased_macro_f1": macro_f1(gold, [True] * len(gold)),
                "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold),
                **{f"biased_{k}": v for k, v in binary_prf(gold, predicted).as_dict().items()},
            },
            split,
        ),
        Figure(
            "loaded words",
            "BABE",
            "word-level F1",
            words_prf.f1,
            0.45,
            "0.43 (MBIC, feature-based XGBoost)",
            CAVEAT,
            {
                **words_prf.as_dict(),
                "flagged_share_of_unmarked_non_biased": flagged_clean / clean if clean else 0.0,
            },
            split,
        ),
    ]
    return DatasetResult(figures, {"loaded language (BABE)": errors})
