"""Evaluate one detection setting over a list of values on the dev split, and print a table.

    python benchmarks/sweep_settings.py attribution.pronoun_max_sentences_back 1 2 3 4 5
    python benchmarks/sweep_settings.py boilerplate.fallback_share 0.1 0.3 0.5
    python benchmarks/sweep_settings.py --list

Settings are named ``stage.field`` (:mod:`analyzer.settings`); each stage is measured with the
project's own evaluation of that stage (``framescope eval`` runs the same code), always on the
dev split: test figures are for reporting, never for choosing a value. The shipped value is
marked ``*``. The datasets are found through ``$FRAMESCOPE_EVAL_DIR`` or ``../shared/eval``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from analyzer.config import Config
from analyzer.settings import SettingError, parse_setting, setting_names

#: Tuning data only: a value chosen on test would make the test figures meaningless.
SPLIT = "dev"


def _boilerplate(config: Config) -> dict[str, float]:
    from analyzer.evaluation import aeb

    plain = aeb.evaluate_plain_text(SPLIT, settings=config.boilerplate)
    html = aeb.evaluate_html(SPLIT, settings=config.boilerplate)
    return {"AEB plain F1": plain.f1, "AEB HTML F1": html.f1}


def _attribution(config: Config) -> dict[str, float]:
    from analyzer.evaluation import gum

    sentences, kinds = gum.evaluate(SPLIT, config=config).figures
    return {
        "GUM sentence F1": sentences.value,
        "precision": sentences.details["precision"],
        "recall": sentences.details["recall"],
        "sources found": kinds.details["found_by_detector"],
    }


def _hedging(config: Config) -> dict[str, float]:
    from analyzer.evaluation import wikiweasel

    figure = wikiweasel.evaluate(SPLIT, config=config).figures[0]
    details = figure.details
    return {
        "WikiWeasel F1": figure.value,
        "precision": details["precision"],
        "recall": details["recall"],
    }


def _labels(config: Config) -> dict[str, float]:
    from analyzer.evaluation import gum_coref

    figure = gum_coref.evaluate(SPLIT, config=config).figures[0]
    return {"GUM description accuracy": figure.value}


def _evaluation_config() -> Config:
    """What the dev evaluations of clean text analyse with (no boilerplate pass)."""
    from analyzer.evaluation.gum import EVAL_CONFIG

    return EVAL_CONFIG


#: Stage -> the evaluation that measures it. Quotations are measured through attribution: a
#: quotation the finder misses or misreads is an attribution lost or gained.
MEASURES: dict[str, Callable[[Config], dict[str, float]]] = {
    "boilerplate": _boilerplate,
    "quotes": _attribution,
    "attribution": _attribution,
    "hedging": _hedging,
    "labels": _labels,
}


def sweep(name: str, values: list[int | float]) -> list[tuple[int | float, dict[str, float]]]:
    """The stage's dev figures with setting ``name`` at each of ``values``."""
    stage = parse_setting(name, values[0])[0]
    base = _evaluation_config()
    return [(value, MEASURES[stage](base.with_settings({name: value}))) for value in values]


def format_table(name: str, rows: list[tuple[int | float, dict[str, float]]]) -> str:
    """A Markdown table, one row per value; ``*`` marks the shipped value."""
    stage, field, _ = parse_setting(name, rows[0][0])
    shipped = getattr(getattr(Config(), stage), field)
    columns = list(rows[0][1])
    lines = [
        f"| {name} | " + " | ".join(columns) + " |",
        "|---:|" + "---:|" * len(columns),
    ]
    for value, figures in rows:
        mark = " *" if value == shipped else ""
        cells = " | ".join(f"{figures[c]:.4f}" for c in columns)
        lines.append(f"| {value}{mark} | {cells} |")
    return "\n".join(lines) + "\n"


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        return float(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("setting", nargs="?", help="stage.field, e.g. attribution.colon_max_words")
    parser.add_argument("values", nargs="*", type=_number, help="the values to evaluate")
    parser.add_argument("--list", action="store_true", help="print every setting and exit")
    args = parser.parse_args(argv)
    if args.list:
        defaults = Config()
        for name in setting_names():
            stage, field = name.split(".")
            print(f"{name} = {getattr(getattr(defaults, stage), field)}")
        return 0
    if not args.setting or not args.values:
        parser.error("give a setting and at least one value (or --list)")
    try:
        for value in args.values:
            parse_setting(args.setting, value)
    except SettingError as error:
        parser.error(str(error))
    started = time.perf_counter()
    rows = sweep(args.setting, args.values)
    sys.stdout.write(format_table(args.setting, rows))
    print(f"({SPLIT} split, {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
