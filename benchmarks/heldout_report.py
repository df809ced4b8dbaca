"""Actor labels on unseen stories: the held-out figures in one table (benchmarks/heldout/).

    python benchmarks/heldout_report.py                  # dev and test, no pack and minimal pack
    python benchmarks/heldout_report.py --split test     # one split
    python benchmarks/heldout_report.py --errors 10      # also the worst errors of each kind

The article texts are read from ``$FRAMESCOPE_EVAL_DIR`` or ``../shared/eval`` beside the project;
the annotations and the minimal story packs from ``benchmarks/heldout/``. Tune on dev only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analyzer.evaluation.heldout import ACTOR_TARGETS, MODES, SPLITS, TARGETS, Measurement, measure

METRICS = ("label recall", "label precision", "actor right", "voice right", "sources found")
ERROR_KINDS = ("missed label", "false label", "wrong actor", "wrong voice", "missed source")


def target(metric: str, mode: str) -> float:
    return ACTOR_TARGETS[mode] if metric == "actor right" else TARGETS[metric]


def count(measured: Measurement, mode: str, metric: str) -> str:
    """The numerator/denominator behind a figure."""
    part, whole = measured.scores[mode].counts(metric)
    return f"{part}/{whole}"


def table(measurements: Sequence[Measurement]) -> str:
    columns = [(m, mode) for m in measurements for mode in MODES]
    header = "| metric | " + " | ".join(f"{m.split}, {mode}" for m, mode in columns) + " |"
    lines = [header, "|---|" + "---|" * len(columns)]
    for metric in METRICS:
        cells = []
        for m, mode in columns:
            value = m.scores[mode].metrics()[metric]
            goal = target(metric, mode)
            mark = "" if value >= goal else " *"
            cells.append(f"{value:.3f} ({count(m, mode, metric)}){mark}")
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    articles = ", ".join(f"{m.split} {m.scores[MODES[0]].articles}" for m in measurements)
    targets = ", ".join(
        f"{metric} {TARGETS[metric]:.2f}" for metric in METRICS if metric in TARGETS
    ) + (f", actor right {ACTOR_TARGETS['no pack']:.2f} / {ACTOR_TARGETS['minimal pack']:.2f}")
    lines += ["", f"articles: {articles}; * below target ({targets})"]
    return "\n".join(lines) + "\n"


def worst_errors(measured: Measurement, limit: int) -> str:
    lines = []
    for mode in MODES:
        errors = measured.scores[mode].errors
        for kind in ERROR_KINDS:
            if kind != "wrong actor" and mode == "no pack":
                continue  # the other kinds hardly differ between the modes
            cases = sorted(errors[kind], key=lambda case: -case.severity)[:limit]
            lines.append(f"\n## {measured.split}, {mode}: {kind} ({len(errors[kind])})")
            lines += [
                f"- [{c.item}] expected {c.expected}; got {c.predicted}\n    {c.text}"
                for c in cases
            ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, help="one split (default: dev and test)")
    parser.add_argument("--errors", type=int, default=0, help="print the N worst errors per kind")
    args = parser.parse_args(argv)
    measurements = [measure(split) for split in ([args.split] if args.split else SPLITS)]
    sys.stdout.write(table(measurements))
    if args.errors:
        for measured in measurements:
            sys.stdout.write(worst_errors(measured, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
