"""Quality gate: every measured figure stays at or above a pinned floor on the test splits.

Each floor sits a little below the figure reached when it was set (benchmarks/ACCURACY.md).
Lowering a floor is a reviewed edit: say in the change why the figure dropped and why that is
acceptable. Raise a floor when a detector improves. The seeds hand check has its own floors in
tests/test_seed_annotations.py.
"""

from __future__ import annotations

import importlib

import pytest

from analyzer.evaluation.base import DatasetResult

from .conftest import REQUIRE_EVAL, require_eval

#: Every test here reads ../shared/eval; with FRAMESCOPE_REQUIRE_EVAL=1 (CI) missing data fail them.
pytestmark = pytest.mark.eval

HELDOUT = "held-out articles (hand-annotated)"
LABELS = "actor labels on unseen stories"
HORNE, MODEL, BOTH = "Horne 2017", "credibility indicators", "random + buzzfeed sets"

#: (evaluation module, dataset, signal) -> floor. Reviewed edits only; see the module docstring.
FLOORS: dict[tuple[str, str, str], float] = {
    ("boilerplate", "AEB", "boilerplate, plain text"): 0.905,  # reached 0.917
    ("boilerplate", "AEB", "boilerplate, HTML"): 0.965,  # reached 0.971
    ("boilerplate", "trafilatura-eval-en", "boilerplate, HTML"): 0.925,  # reached 0.932
    ("sfu", "SFU Review negation/speculation", "hedging cues"): 0.50,  # reached 0.515
    ("wikiweasel", "WikiWeasel (CoNLL-2010)", "hedging / weasel sentences"): 0.52,  # 0.536
    # 0.727 before the word layer; 0.852 with it, of which credit lines ("Image: X.") are the
    # whole test-split gain (dev 0.847 -> 0.925, most of it from the parse); see ACCURACY.md.
    ("gum", "GUM news + interview", "attribution sentences"): 0.83,  # reached 0.852, now 0.839
    ("gum", "GUM news + interview", "source kind"): 0.87,  # reached 0.973
    ("babe", "BABE", "loaded language, sentences"): 0.61,  # reached 0.634
    ("babe", "BABE", "loaded words"): 0.31,  # reached 0.328
    ("semeval", "SemEval-2021 task 6", "loaded language + name calling spans"): 0.18,  # 0.207
    ("newswcl50", "NewsWCL50", "evaluative labels across outlets"): 0.09,  # reached 0.111
    # 10 label mentions on the test events, each a phrase analysed alone: a small count, so the
    # floor is loose. Lowered from 0.70: 0.889, then 0.800, then 0.600 (6 of 10) after the
    # release whose attachment rules came from fifteen more articles of our own (NewsWCL50 dev
    # unchanged at 0.884); the test phrases were not looked at, to keep them unseen.
    ("newswcl50", "NewsWCL50", "actor attachment of our labels"): 0.55,
    # Our hand-annotated held-out articles (12 test articles on 4 stories nobody tuned on).
    ("heldout", HELDOUT, f"{LABELS}, no pack: label recall"): 0.75,  # reached 0.786
    ("heldout", HELDOUT, f"{LABELS}, no pack: label precision"): 0.90,  # reached 0.951
    # Lowered from 0.39 (reached 0.423, then 0.408): with lexicon 2026.12.2 six more labels are
    # found (recall 0.724 -> 0.786) and one more is attached right (29 of 71 -> 30 of 77), so the
    # share fell to 0.390 while the labels a reader sees attached right grew.
    ("heldout", HELDOUT, f"{LABELS}, no pack: actor right"): 0.37,
    ("heldout", HELDOUT, f"{LABELS}, minimal pack: actor right"): 0.46,  # 0.507, now 0.481
    ("heldout", HELDOUT, f"{LABELS}, no pack: voice right"): 0.86,  # reached 0.896
    ("heldout", HELDOUT, "attributions, no pack: sources found"): 0.74,  # reached 0.745
    # Credibility indicators (issue 12): a logistic regression fitted on the Horne 2017 dev split,
    # one test figure. ROC-AUC on 75 test articles (52 random + 23 buzzfeed, only 6 buzzfeed
    # fakes): the 95% bootstrap intervals are +-0.1 to +-0.25 wide, so these floors catch a model
    # that stops separating, not a drift of a few hundredths. They replace the floors of the
    # signed z-score sum (random 0.55, buzzfeed 0.65), which this model supersedes. The margin over
    # length alone reached 0.089.
    ("credibility_model", HORNE, f"real vs fake: {MODEL} ({BOTH})"): 0.80,  # reached 0.836
    ("credibility_model", HORNE, f"real vs fake: {MODEL} (random set)"): 0.88,  # reached 0.927
    ("credibility_model", HORNE, f"real vs fake: {MODEL} (buzzfeed set)"): 0.55,  # reached 0.667
    ("credibility_model", HORNE, f"real vs fake: indicators minus length alone ({BOTH})"): 0.05,
    ("credibility_model", HORNE, f"real vs satire: {MODEL} (random set)"): 0.85,  # reached 0.896
}

#: (dataset, signal) -> most pages allowed to score below F1 0.5 (share of the test pages). A page
#: below 0.5 lost most of its article or drowned it in furniture, which a mean hides.
BOILERPLATE_CEILINGS: dict[tuple[str, str], float] = {
    ("AEB", "boilerplate, plain text"): 0.06,  # reached 3 of 54 (0.056)
    ("AEB", "boilerplate, HTML"): 0.02,  # reached 0 of 54
    ("trafilatura-eval-en", "boilerplate, HTML"): 0.04,  # reached 2 of 55 (0.036)
}

#: The dataset folder each evaluation reads (the test skips when it is absent).
DATA_FOLDERS = {
    "boilerplate": ("aeb-scrapinghub", "trafilatura-eval-en"),
    "sfu": ("sfu-review-negspec",),
    "wikiweasel": ("wikiweasel-conll2010",),
    "gum": ("gum-attribution",),
    "babe": ("babe",),
    "semeval": ("semeval2021-task6",),
    "newswcl50": ("newswcl50",),
    "credibility_model": ("horne2017-fakenews",),
    "heldout": ("aeb-scrapinghub", "horne2017-fakenews"),
}

_RESULTS: dict[str, DatasetResult] = {}


def _result(module: str) -> DatasetResult:
    if module not in _RESULTS:  # one run per evaluation per session, shared by its figures
        imported = importlib.import_module(f"analyzer.evaluation.{module}")
        _RESULTS[module] = imported.evaluate("test")
    return _RESULTS[module]


@pytest.mark.parametrize(
    ("module", "dataset", "signal"), list(FLOORS), ids=[f"{d}: {s}" for _, d, s in FLOORS]
)
def test_figure_stays_above_its_floor(module: str, dataset: str, signal: str) -> None:
    for folder in DATA_FOLDERS[module]:
        require_eval(folder)
    figures = [f for f in _result(module).figures if (f.dataset, f.signal) == (dataset, signal)]
    assert len(figures) == 1, f"{module} no longer reports '{signal}' on {dataset}"
    floor = FLOORS[(module, dataset, signal)]
    assert figures[0].value >= floor, (
        f"{signal} on {dataset}: {figures[0].value:.4f} fell below the floor {floor} "
        f"(details: {figures[0].details})"
    )


@pytest.mark.parametrize(
    ("dataset", "signal"),
    list(BOILERPLATE_CEILINGS),
    ids=[f"{d}: {s}" for d, s in BOILERPLATE_CEILINGS],
)
def test_few_pages_lose_their_article(dataset: str, signal: str) -> None:
    for folder in DATA_FOLDERS["boilerplate"]:
        require_eval(folder)
    (figure,) = [
        f for f in _result("boilerplate").figures if (f.dataset, f.signal) == (dataset, signal)
    ]
    share = figure.details["pages_below_half"]
    assert share <= BOILERPLATE_CEILINGS[(dataset, signal)], (
        f"{signal} on {dataset}: {share:.3f} of pages below F1 0.5 (details: {figure.details})"
    )


def test_missing_data_fails_the_gate_when_data_are_required(monkeypatch) -> None:
    monkeypatch.setenv(REQUIRE_EVAL, "1")
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_EVAL}=1 but evaluation data"):
        require_eval("no-such-dataset")
    monkeypatch.delenv(REQUIRE_EVAL)
    with pytest.raises(pytest.skip.Exception):
        require_eval("no-such-dataset")
