"""The SFU, WikiWeasel and GUM evaluations: scorers checked on tiny hand-made folders in the
datasets' own formats, then run on the real dev splits when the evaluation folder is present."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.evaluation import gum, sfu, wikiweasel
from analyzer.evaluation.base import DatasetResult

from .conftest import require_eval

SFU_REVIEW = """<?xml version="1.0" encoding="UTF-8"?>
<DOCUMENT><P>
<SENTENCE><W>It</W><cue ID="1" type="speculation"><W>might</W></cue><W>rain</W>
<cue ID="2" type="speculation"><W>if</W></cue><W>it</W><W>is</W><W>cold</W><W>.</W></SENTENCE>
<SENTENCE><W>You</W><cue ID="3" type="speculation"><W>can</W></cue><W>fold</W><W>it</W>
<W>.</W></SENTENCE>
<SENTENCE><W>It</W><W>is</W><W>clearly</W><W>the</W><W>best</W><W>.</W></SENTENCE>
</P></DOCUMENT>
"""


def _sfu_folder(root: Path) -> Path:
    folder = root / sfu.SFU_FOLDER
    (folder / "BOOKS").mkdir(parents=True)
    (folder / "BOOKS" / "yes1done.xml").write_text(SFU_REVIEW, encoding="utf-8")
    (folder / "split.csv").write_text("id,split\nBOOKS/yes1done.xml,test\n", encoding="utf-8")
    return root


def test_sfu_scorer_counts_cue_tokens_and_the_epistemic_subset(tmp_path: Path) -> None:
    figure = sfu.evaluate("test", _sfu_folder(tmp_path)).figures[0]
    # Gold epistemic cues: might, can ("if" is left out); we find "might" only ("can" is not a
    # news hedge, "clearly" is a booster).
    assert (figure.details["tp"], figure.details["fp"], figure.details["fn"]) == (1, 0, 1)
    assert figure.value == pytest.approx(2 / 3)
    assert figure.details["all_cues_recall"] == pytest.approx(1 / 3)  # "if" counts here
    assert (figure.split, figure.target) == ("test", 0.80)


def _wikiweasel_folder(root: Path) -> Path:
    folder = root / wikiweasel.WIKIWEASEL_FOLDER
    folder.mkdir(parents=True)
    files = {
        "uncertain": "Some people say the bridge is unsafe .\nIt is believed the tower fell .\n",
        "certain": "The bridge opened in 1990 .\nThe vote may be held -LRB- in May -RRB- .\n\n",
    }
    for label, lines in files.items():
        (folder / f"eval_wikiweasel_{label}_sentences.txt").write_text(lines, encoding="utf-8")
    return root


def test_wikiweasel_scorer_and_the_sentence_rule(tmp_path: Path) -> None:
    figure = wikiweasel.evaluate("test", _wikiweasel_folder(tmp_path)).figures[0]
    assert figure.details["sentences"] == 4  # the blank line is no sentence
    # The modal "may" does not make a sentence uncertain under the rule chosen on train...
    assert (figure.details["precision"], figure.details["recall"]) == (1.0, 1.0)
    # ...but does when every hedge counts.
    assert figure.details["all_spans_precision"] == pytest.approx(2 / 3)


def test_wikiweasel_restores_ptb_brackets_and_quotes() -> None:
    assert wikiweasel.detokenize("-LRB- two `` D '' -RRB-") == '( two " D " )'


CONLLU = """# newdoc id = GUM_news_tiny
# newpar
# sent_id = GUM_news_tiny-1
# text = Officials said the road was closed.
1	Officials	official	NOUN	NNS	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	road	road	NOUN	NN	_	6	nsubj	_	_
5	was	be	AUX	VBD	_	6	aux	_	_
6	closed	close	VERB	VBN	_	2	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

# newpar
# sent_id = GUM_news_tiny-2
# text = Smith fixed it.
1	Smith	Smith	PROPN	NNP	_	2	nsubj	_	_
2	fixed	fix	VERB	VBD	_	0	root	_	_
3	it	it	PRON	PRP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

"""
RSD = (
    "1\tOfficials said\t1\t_\t_\tsid=1\t2\tattribution-positive_r\t_\t"
    "semantic-attribution_source-1-_;lexical-indicative_word-2-_\n"
    "2\tthe road was closed .\t0\t_\t_\tsid=1\t0\tROOT\t_\t_\n"
    "3\tSmith fixed it .\t1\t_\t_\tsid=2\t2\tjoint-sequence_m\t_\t_\n"
)


def _gum_folder(root: Path) -> Path:
    folder = root / gum.GUM_FOLDER
    (folder / "conllu").mkdir(parents=True)
    (folder / "rsd").mkdir()
    (folder / "conllu" / "GUM_news_tiny.conllu").write_text(CONLLU, encoding="utf-8")
    (folder / "rsd" / "GUM_news_tiny.rsd").write_text(RSD, encoding="utf-8")
    splits = "# Splits\n\n## test\n\n  * GUM_bio_other\n  * GUM_news_tiny\n\n## train\n\n"
    (folder / "splits.md").write_text(splits, encoding="utf-8")
    return root


def test_gum_reads_official_splits_news_and_interviews_only(tmp_path: Path) -> None:
    assert gum.split_documents("test", _gum_folder(tmp_path)) == ["GUM_news_tiny"]
    assert gum.split_documents("train", tmp_path) == []


def test_gum_scorer_sentences_and_source_kinds(tmp_path: Path) -> None:
    sentences, kinds = gum.evaluate("test", _gum_folder(tmp_path)).figures
    assert (sentences.details["tp"], sentences.details["fp"], sentences.details["fn"]) == (1, 0, 0)
    assert sentences.value == 1.0
    assert (kinds.details["sources"], kinds.value) == (1, 1.0)  # "Officials": nominal both ways
    assert kinds.details["found_by_detector"] == 1.0


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Ahmad Massoud", "named"),
        ("The Canadian Press", "named"),
        ("the ministry", "nominal"),
        ("a teacher", "nominal"),
        ("some historians", "nominal"),
        ("they", "pronoun"),
        ("us", "pronoun"),
    ],
)
def test_gum_kind_mapping(phrase: str, kind: str) -> None:
    assert gum.our_kind(phrase) == kind


# --- the real dev splits ------------------------------------------------------------------------


def _check(result: DatasetResult, split: str) -> None:
    for figure in result.figures:
        assert figure.split == split
        assert 0.0 <= figure.value <= 1.0
        assert figure.target is not None and figure.caveat
    for figure in result.figures:
        cases = result.errors[figure.signal]
        wrong = figure.details.get("fp", 0) + figure.details.get("fn", 0)
        wrong = wrong or figure.details["sources"] - figure.details["correct"]
        assert len(cases) >= min(20, wrong), figure.signal  # at least 20 where available
        severities = [case.severity for case in cases]
        assert severities == sorted(severities, reverse=True), figure.signal


@pytest.mark.eval
@pytest.mark.parametrize(
    ("module", "folder"),
    [
        (sfu, "sfu-review-negspec"),
        (wikiweasel, "wikiweasel-conll2010"),
        (gum, "gum-attribution"),
    ],
    ids=["sfu", "wikiweasel", "gum"],
)
def test_dev_split_runs_and_reports_errors_worst_first(module, folder: str) -> None:
    require_eval(folder)
    _check(module.evaluate("dev"), "dev")


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        ("Image: Nick Moreau.", True),
        ("Shimon Peres image: David Shankbone.", True),
        ("The image showed a crowd: about 200 people.", False),
    ],
)
def test_gum_credit_lines_are_found_after_a_caption_too(sentence: str, credit: bool) -> None:
    assert bool(gum.CREDIT_LINE.search(sentence)) is credit
