"""Whether a group of credibility indicators helps the interpretable model, on dev only.

    python benchmarks/credibility_ablation.py                       # the voice_* columns
    python benchmarks/credibility_ablation.py --drop headline_words

Fits the evaluation's model (``analyzer.evaluation.credibility_model``: standardised logistic
regression) on the Horne 2017 ``dev`` split with every indicator column and without the ones
named, and prints the mean ROC-AUC of ten repeated stratified 5-fold cross-validations for each
regularisation strength, real vs fake and real vs satire. The test split is never read: this is
how a change to the indicators is judged before the one scoring of ``framescope eval``.
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.model_selection import StratifiedKFold, cross_val_score

from analyzer.evaluation import credibility_model as model

REPEATS = 10


def repeated_cv_auc(matrix: np.ndarray, target: np.ndarray, c: float) -> float:
    scores = [
        cross_val_score(
            model.interpretable_model(c),
            matrix,
            target,
            cv=StratifiedKFold(model.CV_FOLDS, shuffle=True, random_state=seed),
            scoring="roc_auc",
        ).mean()
        for seed in range(REPEATS)
    ]
    return float(np.mean(scores))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--drop",
        nargs="+",
        default=["voice_side_count", "voice_top_side_word_share"],
        help="indicator columns to leave out (default: the voice_* columns)",
    )
    args = parser.parse_args()
    items = model.load("dev")
    columns = list(items[0].indicators)
    unknown = sorted(set(args.drop) - set(columns))
    if unknown:
        parser.error(f"not an indicator column: {', '.join(unknown)}")
    kept = [c for c in columns if c not in args.drop]
    print("| task | columns | " + " | ".join(f"C {c:g}" for c in model.C_GRID) + " |")
    print("|---|---|" + "---|" * len(model.C_GRID))
    for negative in ("fake", "satire"):
        task = [item for item in items if item.label in ("real", negative)]
        target = np.array([item.label == "real" for item in task], dtype=int)
        for name, use in (("all", columns), (f"without {', '.join(args.drop)}", kept)):
            matrix = np.array([[item.indicators[c] for c in use] for item in task], dtype=float)
            aucs = [repeated_cv_auc(matrix, target, c) for c in model.C_GRID]
            cells = " | ".join(f"{auc:.3f}" for auc in aucs)
            print(f"| real vs {negative} | {name} | {cells} |")


if __name__ == "__main__":
    main()
