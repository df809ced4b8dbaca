"""Choose the "Same fact" default on the seeds: precision, recall and F1 of the sentence pairs
proposed at each threshold and story-word weight, against benchmarks/same_fact_pairs.csv.

    python benchmarks/same_fact_threshold.py
"""

from __future__ import annotations

from pathlib import Path

from analyzer.collection import analyze_collection
from analyzer.compare.align import DEFAULT_MIN_SIMILARITY, STORY_TERM_WEIGHT
from analyzer.evaluation.same_fact import load_pairs, score_pairs

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40)
WEIGHTS = (1.0, 0.5, 0.3, 0.0)


def main() -> None:
    analyses = analyze_collection([ROOT / "seeds"]).analyses
    reference = load_pairs(ROOT / "benchmarks" / "same_fact_pairs.csv")
    print(
        f"{len(reference)} reference pairs; default: threshold {DEFAULT_MIN_SIMILARITY}, "
        f"story-word weight {STORY_TERM_WEIGHT}"
    )
    print("| story-word weight | threshold | pairs | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for weight in WEIGHTS:
        for threshold in THRESHOLDS:
            s = score_pairs(analyses, reference, threshold, weight)
            print(
                f"| {weight} | {threshold:.2f} | {s.proposed} | {s.precision:.2f} | "
                f"{s.recall:.2f} | {s.f1:.2f} |"
            )


if __name__ == "__main__":
    main()
