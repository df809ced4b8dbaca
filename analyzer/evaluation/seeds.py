"""The hand check: every span signal measured against our own reading of the five bundled seeds.

``tests/data/seed_annotations.json`` was written by reading the seeds, not from framescope's
output. Each annotated phrase is located by a ``context`` that occurs once in its seed, so gold
items have exact offsets. Scoring:

- furniture: the multiset of stripped furniture lines against the annotated ones;
- labels: a loaded span of a non-descriptive tier overlapping an annotated loaded label or
  phrase finds it; voice is checked on every annotated label found, descriptive ones too;
- hedging: a hedge / booster / weasel / distancing span of the same category overlapping it;
- attributions: body sentences that carry an attribution cue or an attributed quotation against
  the sentences of the annotated snippets; source kind is checked on those found.

Only for a source checkout (the seeds and the annotations are not installed with the package).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from analyzer.analysis import Analysis, analyze
from analyzer.config import Config
from analyzer.document import Article
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure
from analyzer.evaluation.seed_scoring import (
    HEDGING_SIGNALS,
    Tally,
    furniture_counts,
    locate,
    score_attributions,
    score_hedging,
    score_labels,
    snippet_spans,
)
from analyzer.io.readers import iter_articles
from analyzer.storypack import STORYPACK_FILENAME, StoryPack, load_story_pack

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ANNOTATIONS = ROOT / "tests" / "data" / "seed_annotations.json"
CAVEAT = (
    "five short Afghan-resistance articles (2021), one annotator; the seeds are also the demo data"
)


def load_annotations(path: Path = ANNOTATIONS) -> dict[str, dict]:
    return json.loads(path.read_text(encoding="utf-8"))["seeds"]


def _story_pack() -> StoryPack | None:
    pack = SEEDS / STORYPACK_FILENAME
    return load_story_pack(pack) if pack.is_file() else None


def actor_namer(pack: StoryPack | None) -> Callable[[str | None], str]:
    """Maps an actor as written or annotated to the story pack's name for it (case-folded)."""
    names = {}
    for actor in pack.actors if pack else ():
        for alias in (actor.name, *actor.aliases):
            names[alias.casefold().removeprefix("the ")] = actor.name.casefold()

    def canonical(name: str | None) -> str:
        key = (name or "").casefold().removeprefix("the ")
        return names.get(key, key)

    return canonical


def analyses() -> dict[str, Analysis]:
    """The seeds as the command line reads them (manifest titles and outlets, the story pack)."""
    config = Config(story_pack=_story_pack())
    found = {}
    for item in iter_articles([SEEDS]):
        if isinstance(item, Article) and item.meta.file:
            found[Path(item.meta.file).name] = analyze(item, config)
    return found


def evaluate(split: str = "test") -> DatasetResult:
    """Score every seed; ``split`` is ignored (the hand check has one set, never tuned on)."""
    annotations = load_annotations()
    results = analyses()
    furniture = Tally()
    tallies = {"labels": Tally(), "hedging": Tally(), "attributions": Tally()}
    canonical = actor_namer(_story_pack())
    for name, gold in annotations.items():
        result = results[name]
        tp, fp, fn, missed, extra = furniture_counts(result, gold["furniture"])
        furniture.found_gold += tp
        furniture.correct_predicted += tp
        furniture.gold += tp + fn
        furniture.predicted += tp + fp
        furniture.errors += [ErrorCase(name, "furniture", "body", line) for line in missed]
        furniture.errors += [ErrorCase(name, "body", "furniture", line, 0.9) for line in extra]
        score_labels(name, result, gold["labels"], tallies["labels"], canonical)
        score_hedging(name, result, gold["hedging"], tallies["hedging"])
        score_attributions(name, result, gold["attributions"], tallies["attributions"])
    rows = [
        ("boilerplate lines", "furniture line P/R/F1", furniture, None),
        (
            "actor labels and loaded language",
            "loaded span P/R/F1 (non-descriptive tiers)",
            tallies["labels"],
            "voice_agreement",
        ),
        (
            "hedges, boosters, weasels, distancing",
            "cue P/R/F1 (same category)",
            tallies["hedging"],
            None,
        ),
        (
            "attribution sentences",
            "sentence P/R/F1",
            tallies["attributions"],
            "source_kind_agreement",
        ),
    ]
    figures, errors = [], {}
    for signal, metric, tally, agreement in rows:
        prf = tally.prf()
        details = {**prf.as_dict(), "gold": float(tally.gold), "predicted": float(tally.predicted)}
        if agreement:
            details[agreement] = tally.agree / tally.compared if tally.compared else 0.0
        if tally is tallies["labels"]:
            details["actor_agreement"] = (
                tally.actor_agree / tally.compared if tally.compared else 0.0
            )
        figures.append(
            Figure(
                f"{signal} (hand check)",
                "seeds",
                metric,
                prf.f1,
                None,
                "- (our own annotation)",
                CAVEAT,
                details,
                split,
            )
        )
        errors[f"{signal} (seeds hand check)"] = tally.errors
    return DatasetResult(figures, errors)


__all__ = ["HEDGING_SIGNALS", "analyses", "evaluate", "load_annotations", "locate", "snippet_spans"]
