"""Measured accuracy of every detector on the evaluation datasets (issue 3).

    python benchmarks/accuracy.py                 # test split: writes benchmarks/ACCURACY.md
    python benchmarks/accuracy.py --split dev     # tuning run: prints the table only
    python benchmarks/accuracy.py --split dev --missed-words   # what the loaded lexicon misses

The datasets are found through ``$FRAMESCOPE_EVAL_DIR`` or ``../shared/eval`` beside the project.
``framescope eval`` runs the same code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analyzer.evaluation.report import evaluate_and_write, summary_table

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "ACCURACY.md"


def print_missed_words(split: str) -> None:
    from analyzer.evaluation import babe, newswcl50

    print(f"\nBABE marked words not flagged ({split}):")
    print(", ".join(f"{word} ({count})" for word, count in babe.missed_words(split, 40)))
    misses = newswcl50.evaluate(split).errors["evaluative labels (NewsWCL50)"]
    top = sorted(misses, key=lambda case: -case.severity)[:40]
    print(f"\nNewsWCL50 evaluative phrases not flagged ({split}):")
    print(", ".join(f"{case.item} ({int(case.severity)})" for case in top))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="ACCURACY.md path (default for test: "
        "benchmarks/ACCURACY.md; a dev run writes only when given)",
    )
    parser.add_argument(
        "--missed-words",
        action="store_true",
        help="also print the loaded-language words we miss (use with --split dev)",
    )
    args = parser.parse_args(argv)
    output = args.output or (DEFAULT_OUTPUT if args.split == "test" else None)
    outcomes = evaluate_and_write(args.split, output)
    sys.stdout.write(summary_table(outcomes))
    if output is not None:
        print(f"wrote {output}")
    if args.missed_words:
        print_missed_words(args.split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
