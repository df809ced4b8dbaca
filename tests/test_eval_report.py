"""The evaluation harness itself: scorer self-tests, metric functions, the report and the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import analyzer.evaluation as evaluation
from analyzer.cli import parse_args, process_args
from analyzer.evaluation import Evaluation, Outcome, run
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure
from analyzer.evaluation.loaded_spans import flagged_words
from analyzer.evaluation.metrics import (
    PartialOverlap,
    binary_prf,
    bootstrap_ci,
    macro_f1,
    merge_spans,
    prf_from_counts,
    roc_auc,
)
from analyzer.evaluation.report import WORST_ERRORS, accuracy_markdown, summary_table
from analyzer.span import make_span

from .conftest import require_eval

# --- scorer self-test: our AEB scorer must reproduce the published figures first ----------------


@pytest.mark.eval
def test_aeb_scorer_reproduces_keep_all_0_665() -> None:
    require_eval("aeb-scrapinghub", "output", "html-text.json")
    from analyzer.evaluation import aeb

    score = aeb.evaluate_reference("html-text")
    assert score.pages == 181
    assert score.f1 == pytest.approx(0.665, abs=0.0005)


@pytest.mark.eval
def test_aeb_scorer_reproduces_trafilatura_0_958() -> None:
    require_eval("aeb-scrapinghub", "output", "trafilatura.json")
    from analyzer.evaluation import aeb

    assert aeb.evaluate_reference("trafilatura").f1 == pytest.approx(0.958, abs=0.0005)


def test_only_tests_marked_eval_may_ask_for_evaluation_data() -> None:
    # An unmarked test would skip silently where the data are missing, whatever CI requires.
    with pytest.raises(pytest.fail.Exception, match=r"mark it @pytest\.mark\.eval"):
        require_eval("aeb-scrapinghub")


# --- metric functions on hand-made cases ---------------------------------------------------------


def test_partial_overlap_gives_proportional_credit() -> None:
    counts = PartialOverlap()
    counts.add(predicted=[(0, 10)], gold=[(5, 15)])  # half of each span overlaps
    result = counts.result()
    assert result.precision == pytest.approx(0.5)
    assert result.recall == pytest.approx(0.5)
    assert result.f1 == pytest.approx(0.5)


def test_partial_overlap_pools_documents_and_counts_missed_gold() -> None:
    counts = PartialOverlap()
    counts.add(predicted=[(0, 4)], gold=[(0, 2), (10, 12)])  # covers one gold span, misses one
    counts.add(predicted=[(3, 5)], gold=[])  # a false alarm in a second document
    result = counts.result()
    assert result.precision == pytest.approx((2 / 4 + 0) / 2)
    assert result.recall == pytest.approx((1 + 0) / 2)


def test_partial_overlap_without_predictions_scores_zero_not_error() -> None:
    counts = PartialOverlap()
    counts.add(predicted=[], gold=[(0, 3)])
    assert counts.result().f1 == 0.0


def test_merge_spans_joins_overlapping_gold_of_two_techniques() -> None:
    assert merge_spans([(5, 9), (0, 3), (2, 6), (12, 14)]) == [(0, 9), (12, 14)]


def test_macro_f1_averages_both_classes() -> None:
    gold = [True, True, False, False]
    predicted = [True, False, False, False]
    # biased: P 1, R 0.5 -> F1 2/3; non-biased: P 2/3, R 1 -> F1 0.8
    assert macro_f1(gold, predicted) == pytest.approx((2 / 3 + 0.8) / 2)
    assert binary_prf(gold, predicted).recall == pytest.approx(0.5)


def test_word_level_f1_from_flagged_and_marked_words() -> None:
    text = "Critics slammed the radical plan on Monday."
    spans = [
        make_span(text, 8, 15, signal="loaded", label="loaded-language", rule="r"),
        make_span(text, 20, 27, signal="loaded", label="loaded-language", rule="r"),
        make_span(text, 0, 7, signal="loaded", label="descriptive", rule="r"),  # neutral tier
    ]
    flagged = set(flagged_words(text, spans))
    assert flagged == {"slammed", "radical"}
    marked = {"slammed", "plan", "critics"}
    tp, fp, fn = len(flagged & marked), len(flagged - marked), len(marked - flagged)
    result = prf_from_counts(tp, fp, fn)
    assert (result.precision, result.recall) == (pytest.approx(0.5), pytest.approx(1 / 3))
    assert result.f1 == pytest.approx(0.4)


def test_roc_auc_counts_pairs_and_half_credits_ties() -> None:
    assert roc_auc([0.1, 0.4, 0.35, 0.8], [False, False, True, True]) == pytest.approx(0.75)
    assert roc_auc([1.0, 1.0], [True, False]) == pytest.approx(0.5)


def test_bootstrap_interval_is_seeded_and_brackets_the_estimate() -> None:
    values = [0.1, 0.4, 0.35, 0.8, 0.9, 0.2, 0.7, 0.3]
    labels = [False, False, True, True, True, False, True, False]

    def auc(indices: list[int]) -> float:
        return roc_auc([values[i] for i in indices], [labels[i] for i in indices])

    low, high = bootstrap_ci(auc, len(values), samples=500)
    assert (low, high) == bootstrap_ci(auc, len(values), samples=500)
    assert low <= roc_auc(values, labels) <= high


# --- the report and the registry ---------------------------------------------------------------


def _outcomes() -> list[Outcome]:
    figure = Figure(
        "loaded words",
        "BABE",
        "word-level F1",
        0.43,
        0.45,
        "0.43 (MBIC)",
        "news | US",
        {"precision": 0.5, "sentences": 1151.0},
    )
    errors = [ErrorCase(str(i), "biased", "nothing", f"sentence {i}", float(i)) for i in range(30)]
    result = DatasetResult([figure], {"loaded words (BABE)": errors})
    missing = Outcome(Evaluation("sfu", "hedging cues", "SFU"), None, "module not available")
    return [Outcome(Evaluation("babe", "loaded", "BABE"), result), missing]


def test_report_table_shows_shortfall_and_unmeasured_rows() -> None:
    table = summary_table(_outcomes())
    assert (
        "| loaded words | BABE | word-level F1 | 0.430 | >= 0.450 | 0.43 (MBIC) | no (-0.020) |"
        in table
    )
    assert "news \\| US" in table  # a pipe in a cell cannot break the table
    assert "| hedging cues | SFU | - | not measured: module not available |" in table


def test_report_lists_the_worst_errors_first_and_at_most_twenty() -> None:
    markdown = accuracy_markdown(_outcomes(), "test")
    section = markdown.split("### loaded words (BABE)")[1]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "sentence" in line]
    assert len(rows) == WORST_ERRORS
    assert rows[0].startswith("| 29 |") and rows[-1].startswith("| 10 |")
    assert "sentences 1151" in markdown and "precision 0.500" in markdown


def test_missing_evaluation_module_is_recorded_not_raised() -> None:
    outcome = run(Evaluation("no_such_dataset", "nothing", "none"))
    assert outcome.result is None
    assert "module not available" in outcome.reason


def test_every_registered_module_has_an_evaluate_function() -> None:
    import importlib

    for entry in evaluation.EVALUATIONS:
        module = importlib.import_module(f"analyzer.evaluation.{entry.module}")
        assert callable(module.evaluate), entry.module


def test_cli_eval_prints_the_table_and_writes_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(evaluation, "EVALUATIONS", (Evaluation("no_such_dataset", "demo", "demo"),))
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "ACCURACY.md"
    code = process_args(parse_args(["eval", "--split", "dev", "-o", str(target)]), out, err)
    assert code == 0
    assert "| demo | demo | - | not measured: module not available" in out.getvalue()
    assert target.read_text(encoding="utf-8").startswith("# Measured accuracy")
    assert "`dev` split" in target.read_text(encoding="utf-8")
