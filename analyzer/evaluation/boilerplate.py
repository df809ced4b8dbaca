"""Boilerplate removal on AEB and trafilatura-eval-en, as :class:`DatasetResult` rows.

The figures come from the scorers in :mod:`analyzer.evaluation.aeb` and
:mod:`analyzer.evaluation.trafilatura_eval` unchanged; this module adds targets, references and
the worst pages (lowest F1, or most snippets wrong) for error analysis.
"""

from __future__ import annotations

import re

from analyzer.evaluation import aeb, trafilatura_eval
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure
from analyzer.evaluation.metrics import harmonic

AEB_CAVEAT = "181 news and blog pages (2019-2020), mostly English; gold is the article body only"
TRAF_CAVEAT = (
    "English subset of trafilatura's snippet benchmark; a keep-all extractor scores 0.689 F1 "
    "on it, and the trafilatura reference is on the full multilingual set"
)
_SPACE = re.compile(r"\s+")


def _first_difference(reference: str, candidate: str) -> str:
    """The first line of ``candidate`` that ``reference`` does not contain, shortened."""
    haystack = _SPACE.sub(" ", reference)
    for line in candidate.splitlines():
        line = _SPACE.sub(" ", line).strip()
        if len(line) > 3 and line not in haystack:
            return line[:160]
    return ""


def _aeb_errors(mode: str, predicted: dict[str, str], gold: dict[str, str]) -> list[ErrorCase]:
    cases = []
    for item, body in gold.items():
        tp, fp, fn = aeb.page_counts(body, predicted.get(item, ""))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = harmonic(precision, recall)
        leaked = _first_difference(body, predicted.get(item, ""))
        missed = _first_difference(predicted.get(item, ""), body)
        shown = f"kept furniture: {leaked}" if precision < recall else f"dropped body: {missed}"
        cases.append(
            ErrorCase(
                item,
                f"{mode} body F1 1.0",
                f"F1 {f1:.2f} (P {precision:.2f}, R {recall:.2f})",
                shown,
                1.0 - f1,
            )
        )
    return cases


def evaluate(split: str = "test") -> DatasetResult:
    plain = aeb.evaluate_plain_text(split)
    html = aeb.evaluate_html(split)
    gold = aeb.load_gold(split=split)
    plain_predicted = aeb.plain_text_bodies(gold)
    html_predicted = {item: trafilatura_eval.clean_html(aeb.read_page(item)) for item in gold}

    entries = list(trafilatura_eval.load_annotations(split=split).values())
    extracted: list[str] = []

    def recording(html_text: str) -> str:
        text = trafilatura_eval.clean_html(html_text)
        extracted.append(text)
        return text

    snippets = trafilatura_eval.evaluate_extractor(recording, split)
    snippet_errors = []
    page_scores = []
    if len(extracted) == len(entries):  # a page that crashed leaves the pairing unknown
        for entry, text in zip(entries, extracted, strict=True):
            page = trafilatura_eval.score_page(text, entry["with"], entry["without"])
            page_scores.append(page)
            if page.fp or page.fn:
                norm = trafilatura_eval.normalise(text)
                missing = [s for s in entry["with"] if trafilatura_eval.normalise(s) not in norm]
                leaked = [s for s in entry["without"] if trafilatura_eval.normalise(s) in norm]
                snippet_errors.append(
                    ErrorCase(
                        entry["file"],
                        f"{page.fn} must-keep missing",
                        f"{page.fp} must-drop kept",
                        ("missing: " + " | ".join(missing) + " leaked: " + " | ".join(leaked))[
                            :300
                        ],
                        float(page.fp + page.fn),
                    )
                )
    figures = [
        Figure(
            "boilerplate, plain text",
            "AEB",
            "word-4-gram shingle F1 (page mean)",
            plain.f1,
            0.93,
            "keep-all 0.665",
            AEB_CAVEAT,
            {
                "precision": plain.precision,
                "recall": plain.recall,
                "pages": float(plain.pages),
                "pages_below_half": plain.share_below_half,
            },
            split,
        ),
        Figure(
            "boilerplate, HTML",
            "AEB",
            "word-4-gram shingle F1 (page mean)",
            html.f1,
            0.965,
            "trafilatura 0.958, best 0.970",
            AEB_CAVEAT,
            {
                "precision": html.precision,
                "recall": html.recall,
                "pages": float(html.pages),
                "pages_below_half": html.share_below_half,
            },
            split,
        ),
        Figure(
            "boilerplate, HTML",
            "trafilatura-eval-en",
            "snippet F1 (micro)",
            snippets.f1,
            0.93,
            "trafilatura 0.924 (full set)",
            TRAF_CAVEAT,
            {
                "precision": snippets.precision,
                "recall": snippets.recall,
                "accuracy": snippets.accuracy,
                "pages": float(len(entries)),
                "pages_below_half": trafilatura_eval.share_below_half(page_scores),
            },
            split,
        ),
    ]
    errors = {
        "boilerplate, plain text (AEB)": _aeb_errors("plain text", plain_predicted, gold),
        "boilerplate, HTML (AEB)": _aeb_errors("HTML", html_predicted, gold),
        "boilerplate, HTML (trafilatura-eval-en)": snippet_errors,
    }
    return DatasetResult(figures, errors)
