"""Dataset evaluations: every detector measured on human-annotated data written by others.

:data:`EVALUATIONS` lists each evaluation module with the rows it reports. Modules are imported
only when run, so a missing dataset module or a failing evaluation is recorded as "not measured"
with its reason instead of stopping the whole run. Nothing here is imported by the analysis
pipeline, and the datasets are read from :func:`~analyzer.evaluation.base.eval_dir`, never shipped.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass

from analyzer.evaluation.base import DatasetResult


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One evaluation module (``evaluate(split) -> DatasetResult``) and what it measures."""

    module: str
    signal: str
    dataset: str


@dataclass(frozen=True)
class Outcome:
    """The result of one evaluation, or why it could not be measured."""

    evaluation: Evaluation
    result: DatasetResult | None
    reason: str = ""
    seconds: float = 0.0


EVALUATIONS: tuple[Evaluation, ...] = (
    Evaluation("boilerplate", "boilerplate", "AEB, trafilatura-eval-en"),
    Evaluation("sfu", "hedging cues", "SFU Review (negation/speculation)"),
    Evaluation("wikiweasel", "hedging / weasel sentences", "WikiWeasel (CoNLL-2010)"),
    Evaluation("gum", "attribution", "GUM attribution"),
    Evaluation("gum_coref", "description coreference", "GUM coreference"),
    Evaluation("babe", "loaded language", "BABE"),
    Evaluation("semeval", "loaded language + name calling spans", "SemEval-2021 task 6"),
    Evaluation("newswcl50", "evaluative labels across outlets", "NewsWCL50"),
    Evaluation("credibility_model", "credibility indicators (logistic regression)", "Horne 2017"),
    Evaluation("heldout", "actor labels on unseen stories", "held-out articles (hand-annotated)"),
    Evaluation("seeds", "all span signals", "bundled seeds (hand check)"),
)


def run(evaluation: Evaluation, split: str = "test") -> Outcome:
    """Run one evaluation; an absent module or an exception becomes a "not measured" outcome."""
    started = time.perf_counter()
    try:
        module = importlib.import_module(f"analyzer.evaluation.{evaluation.module}")
    except ImportError as error:
        return Outcome(evaluation, None, f"module not available ({error})")
    try:
        result = module.evaluate(split)
    except FileNotFoundError as error:
        return Outcome(evaluation, None, f"dataset not found ({error.filename})")
    except Exception as error:  # one broken evaluation must not hide the others
        return Outcome(evaluation, None, f"{type(error).__name__}: {error}")
    return Outcome(evaluation, result, seconds=time.perf_counter() - started)


def run_all(split: str = "test") -> list[Outcome]:
    """Every registered evaluation on ``split`` (``test`` to report, ``dev`` to tune)."""
    return [run(evaluation, split) for evaluation in EVALUATIONS]


__all__ = ["EVALUATIONS", "Evaluation", "Outcome", "run", "run_all"]
