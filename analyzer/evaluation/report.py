"""ACCURACY.md: the figures table, the supporting numbers and the worst errors per signal."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from analyzer.evaluation import Outcome
from analyzer.evaluation.base import ErrorCase, Figure
from analyzer.version import __version__

#: Errors listed per signal: enough to see patterns, few enough to read.
WORST_ERRORS = 20
#: Characters of item text shown per error.
ERROR_TEXT_CHARS = 220

TABLE_HEADER = (
    "| signal | dataset | metric | our figure | target | published reference | met? | caveat |",
    "|---|---|---|---|---|---|---|---|",
)


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell (one line, no bare pipes)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def met(figure: Figure) -> str:
    verdict = figure.meets_target
    if verdict is None:
        return "-"
    if verdict:
        return "yes"
    return f"no ({figure.value - figure.target:+.3f})"  # type: ignore[operator]


def figures_of(outcomes: Sequence[Outcome]) -> list[Figure]:
    return [f for o in outcomes if o.result is not None for f in o.result.figures]


def table_rows(outcomes: Sequence[Outcome]) -> list[str]:
    rows = list(TABLE_HEADER)
    for outcome in outcomes:
        if outcome.result is None:
            e = outcome.evaluation
            rows.append(
                f"| {cell(e.signal)} | {cell(e.dataset)} | - | not measured: {cell(outcome.reason)} "
                "| - | - | - | - |"
            )
            continue
        for f in outcome.result.figures:
            target = "-" if f.target is None else f">= {f.target:.3f}"
            rows.append(
                f"| {cell(f.signal)} | {cell(f.dataset)} | {cell(f.metric)} | {f.value:.3f} | "
                f"{target} | {cell(f.reference)} | {met(f)} | {cell(f.caveat)} |"
            )
    return rows


def number(value: float) -> str:
    """Counts as integers, ratios to three decimals."""
    return str(int(value)) if float(value).is_integer() else f"{value:.3f}"


def detail_rows(figures: Sequence[Figure]) -> list[str]:
    rows = ["| signal | dataset | supporting numbers |", "|---|---|---|"]
    for f in figures:
        numbers = ", ".join(f"{name} {number(value)}" for name, value in f.details.items())
        rows.append(f"| {cell(f.signal)} | {cell(f.dataset)} | {cell(numbers) or '-'} |")
    return rows


def worst(cases: Sequence[ErrorCase], limit: int = WORST_ERRORS) -> list[ErrorCase]:
    """The ``limit`` most severe cases, ties kept in the evaluation's order."""
    return sorted(cases, key=lambda case: -case.severity)[:limit]


def error_sections(outcomes: Sequence[Outcome]) -> list[str]:
    lines = []
    for outcome in outcomes:
        if outcome.result is None:
            continue
        for signal, cases in outcome.result.errors.items():
            lines += ["", f"### {signal}", ""]
            if not cases:
                lines.append("No errors on this split.")
                continue
            lines += [f"{len(cases)} items wrong; the {min(WORST_ERRORS, len(cases))} worst:", ""]
            lines += ["| item | expected | predicted | text |", "|---|---|---|---|"]
            for case in worst(cases):
                text = (
                    case.text
                    if len(case.text) <= ERROR_TEXT_CHARS
                    else case.text[:ERROR_TEXT_CHARS] + "…"
                )
                lines.append(
                    f"| {cell(case.item)} | {cell(case.expected)} | {cell(case.predicted)} | {cell(text)} |"
                )
    return lines


def extra_sections(outcomes: Sequence[Outcome]) -> list[str]:
    """The evaluations' own tables (per-feature breakdowns), each under its title."""
    lines = []
    for outcome in outcomes:
        if outcome.result is None:
            continue
        for title, body in outcome.result.sections.items():
            lines += ["", f"## {title}", "", *body]
    return lines


def summary_table(outcomes: Sequence[Outcome]) -> str:
    """The figures table alone (printed by ``framescope eval``)."""
    return "\n".join(table_rows(outcomes)) + "\n"


def accuracy_markdown(outcomes: Sequence[Outcome], split: str) -> str:
    """The whole ACCURACY.md for ``outcomes`` measured on ``split``."""
    figures = figures_of(outcomes)
    lines = [
        "# Measured accuracy",
        "",
        f"framescope {__version__}, `{split}` split. Written by `benchmarks/accuracy.py` "
        "(`framescope eval`); do not edit by hand. Every figure is our detector scored with our "
        "own implementation of the metric each dataset's SOURCE.md names; thresholds and rules "
        "were chosen on `dev`/`train` only. See docs/accuracy.md for what each number means.",
        "",
        *table_rows(outcomes),
        "",
        "## Supporting numbers",
        "",
        *detail_rows(figures),
        *extra_sections(outcomes),
        "",
        "## Worst errors per signal",
        *error_sections(outcomes),
        "",
    ]
    return "\n".join(lines)


def evaluate_and_write(split: str = "test", output: Path | None = None) -> list[Outcome]:
    """Run every evaluation on ``split``; write ACCURACY.md to ``output`` when given."""
    from analyzer.evaluation import run_all

    outcomes = run_all(split)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(accuracy_markdown(outcomes, split), encoding="utf-8")
    return outcomes
