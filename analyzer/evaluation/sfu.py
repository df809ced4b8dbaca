"""SFU Review Corpus (negation and speculation): hedge cues, token by token, against our lexicon.

The metric is written from ``shared/eval/sfu-review-negspec/SOURCE.md`` (no code was copied).
Every sentence of a review becomes a paragraph of one document, the hedging signal runs over it,
and a token counts as predicted when a ``hedge`` span overlaps it. A predicted token inside a gold
``speculation`` cue is a true positive, one outside a false positive; a gold cue token nobody
predicted is a false negative. Two views: all gold cues, and the *epistemic subset* without the
conditional and disjunctive cues (if, or, either, whether, and/or), which the SFU guidelines count
as speculation but news hedging does not. In the subset view, tokens of those cues count neither
way. Reviews are not news: use the figure for cue precision and recall, not news rates.

This module reads the evaluation data and must never be imported by the analysis pipeline.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from analyzer.config import Config
from analyzer.document import build_document
from analyzer.evaluation.aeb import read_split
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.evaluation.metrics import prf_from_counts
from analyzer.signals import hedging

SFU_FOLDER = "sfu-review-negspec"
#: Gold cues the SFU guidelines count as speculation but that are conditionals or alternatives.
NON_EPISTEMIC_CUES = frozenset({"if", "or", "either", "whether", "and/or"})
#: Gold cues our news lexicon leaves out on purpose (hedges.csv: in news copy these modals mostly
#: mark tense, ability or obligation); their share of gold tokens bounds our recall.
ROOT_MODAL_CUES = frozenset(
    {"can", "would", "should", "must", "ca n't", "cannot", "could n't", "would n't", "'d"}
)
#: Span signals that predict a speculation cue (boosters and distancing verbs do not).
PREDICTING_SIGNALS = ("hedge",)
CAVEAT = "product reviews, not news; the SFU guidelines also count conditional 'if' and 'or'"
_CONFIG = Config(strip_boilerplate=False)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One gold sentence: its tokens and, per token, the text of the cue it is in ("" if none)."""

    item: str
    tokens: tuple[str, ...]
    cues: tuple[str, ...]


@dataclass
class Counts:
    """Pooled true-positive, false-positive and false-negative counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, float]:
        return precision_recall_f1(self.tp, self.fp, self.fn)


def precision_recall_f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from pooled counts (0.0 where undefined), plus the counts."""
    return {**prf_from_counts(tp, fp, fn).as_dict(), "tp": tp, "fp": fp, "fn": fn}


def read_review(path: Path, item: str) -> list[Sentence]:
    """The sentences of one review with each token's speculation-cue text."""
    sentences = []
    for node in ET.parse(path).getroot().iter("SENTENCE"):
        in_cue: dict[int, str] = {}
        for cue in node.iter("cue"):
            if cue.get("type") != "speculation":
                continue
            words = [w for w in cue.iter("W")]
            text = " ".join((w.text or "") for w in words).lower()
            for w in words:
                in_cue[id(w)] = text
        tokens, cues = [], []
        for w in node.iter("W"):
            if w.text and w.text.strip():
                tokens.append(w.text.strip())
                cues.append(in_cue.get(id(w), ""))
        if tokens:
            sentences.append(Sentence(item, tuple(tokens), tuple(cues)))
    return sentences


def read_sentences(split: str, data_dir: Path | None = None) -> Iterator[list[Sentence]]:
    """Each review of ``split`` as its list of sentences."""
    folder = (data_dir or eval_dir()) / SFU_FOLDER
    for item in read_split(folder, split):
        yield read_review(folder / item, item)


def predict(sentences: list[Sentence]) -> list[list[bool]]:
    """Per sentence and token: does a hedge span of our signal cover the token?"""
    text_parts, offsets = [], []
    pos = 0
    for sentence in sentences:
        spans = []
        for token in sentence.tokens:
            spans.append((pos, pos + len(token)))
            text_parts.append(token)
            pos += len(token) + 1
        offsets.append(spans)
        text_parts[-1] += "\n"  # one sentence per paragraph: "tok tok .\n\ntok ..."
        pos += 1
    text = " ".join(text_parts).replace("\n ", "\n\n")
    doc = build_document(text, config=_CONFIG)
    hits = sorted(
        (s.start, s.end) for s in hedging.detect(doc, _CONFIG) if s.signal in PREDICTING_SIGNALS
    )
    marked = [False] * (len(text) + 1)
    for start, end in hits:
        for i in range(start, end):
            marked[i] = True
    return [[any(marked[a:b]) for a, b in spans] for spans in offsets]


def evaluate(split: str = "test", data_dir: Path | None = None) -> DatasetResult:
    """Cue-token P/R/F1 of the hedge lexicon on the SFU reviews of ``split``."""
    every, epistemic, sentence_level = Counts(), Counts(), Counts()
    root_modal_tokens = 0
    frequency: dict[str, int] = {}
    examples: dict[str, ErrorCase] = {}  # one example per wrong word, kept for error analysis
    for review in read_sentences(split, data_dir):
        for sentence, predicted in zip(review, predict(review), strict=True):
            for token, cue, hit in zip(sentence.tokens, sentence.cues, predicted, strict=True):
                _count(every, cue != "", hit)
                root_modal_tokens += cue in ROOT_MODAL_CUES
                if cue not in NON_EPISTEMIC_CUES:
                    _count(epistemic, cue != "", hit)
                if hit != (cue != "") and cue not in NON_EPISTEMIC_CUES:
                    key = f"{'missed' if cue else 'extra'}: {token.lower()}"
                    frequency[key] = frequency.get(key, 0) + 1
                    examples.setdefault(key, _error(sentence, token, cue))
            gold_any = any(c and c not in NON_EPISTEMIC_CUES for c in sentence.cues)
            _count(sentence_level, gold_any, any(predicted))
    # The most frequent wrong words first: one example each, its count as the severity.
    ranked = sorted(
        (replace(case, severity=float(frequency[key])) for key, case in examples.items()),
        key=lambda case: -case.severity,
    )
    details = epistemic.figures()
    details.update({f"all_cues_{k}": v for k, v in every.figures().items()})
    details.update({f"sentence_{k}": v for k, v in sentence_level.figures().items()})
    gold = epistemic.tp + epistemic.fn
    details["root_modal_share"] = root_modal_tokens / gold if gold else 0.0
    figure = Figure(
        signal="hedging cues",
        dataset="SFU Review negation/speculation",
        metric="cue-token F1, epistemic subset (no if/or/either/whether)",
        value=details["f1"],
        target=0.80,
        reference="no published epistemic-subset figure; full-set cue F1 about 0.9 (unverified)",
        caveat=CAVEAT,
        details=details,
        split=split,
    )
    return DatasetResult([figure], {"hedging cues": ranked[:40]})


def _count(counts: Counts, gold: bool, predicted: bool) -> None:
    counts.tp += gold and predicted
    counts.fp += predicted and not gold
    counts.fn += gold and not predicted


def _error(sentence: Sentence, token: str, cue: str) -> ErrorCase:
    kind = "missed" if cue else "extra"
    return ErrorCase(sentence.item, token.lower(), kind, " ".join(sentence.tokens))
