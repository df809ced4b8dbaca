"""Boilerplate line classifier: rules, seeds, synthetic pages, the model file and the scorers."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pytest

from analyzer.boilerplate import LineVerdict, body_text, classify_lines
from analyzer.boilerplate.classify import (
    BLANK,
    COMMENT_THREAD,
    COPIED_BODY,
    HEADLINE,
    FurnitureModel,
    decide_lines,
)
from analyzer.boilerplate.columns import HTML_FEATURES, PLAIN_FEATURES
from analyzer.boilerplate.model import (
    MODEL_FILE,
    MODEL_FORMAT,
    MODEL_KEYS,
    load_model,
    pack_model,
)
from analyzer.boilerplate.prose_block import prose_block, recovered_body
from analyzer.boilerplate.rules import match_rule
from analyzer.boilerplate.table import tabulate_lines
from analyzer.errors import LexiconError
from analyzer.evaluation import aeb, trafilatura_eval
from analyzer.settings import BoilerplateSettings
from analyzer.text.lines import split_lines

from .conftest import ROOT, require_eval

REPUBLIC = "000_ef08fac22bf965a9.txt"
NEWSTRACK = "001_5cfce197b09c6909.txt"
GDC = "002_497be1b959ca3559.txt"
SOUTHFRONT = "003_9b56ff62a0c6ad38.txt"
TELESUR = "004_f13ce513ec09778f.txt"
#: The shipped boilerplate settings (the prose-block tests call the module directly).
SETTINGS = BoilerplateSettings()


def verdicts_by_line(text: str, **kwargs: object) -> dict[str, LineVerdict]:
    """Stripped line -> verdict (a repeated line keeps its first verdict)."""
    spans = split_lines(text)
    out: dict[str, LineVerdict] = {}
    for (start, end), verdict in zip(spans, classify_lines(text, spans, **kwargs), strict=True):
        out.setdefault(text[start:end].strip(), verdict)
    return out


# --- rules ---------------------------------------------------------------------------------------

RULE_FURNITURE = [
    "Support SouthFront",
    "0 $",
    "2,500 $",
    "• facebook",
    "• twitter",
    "• google plus",
    "Also Read :- Kabul Blast: Bomb blast in mosque near Ministry of Interior",
    "Leave a Reply",
    "Be the first to comment",
    "Your email address will not be published. Required fields are marked *",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "© 2021, GDC. All rights reserved.",
    "By Saima Siddiqui",
    "Last Updated:",
    "Published 6 September 2021",
    "Image Credits - AP",
    "Do you like this content? Consider helping us!",
]

RULE_BODY = [
    "Who is Ahmad Massoud?",
    "The NRF says it wants to pursue peaceful negotiations before fighting",
    "Ahmad Massoud leads Afghan Resistance Against Taliban",
    "Support for the resistance grew in the valley after the fall of Kabul, residents said.",
    "Readers of the Washington Post learned of the plan on Thursday.",
    "By the end of the week, more than 300 fighters had joined the front.",
    "Comments made by the commander on Sunday were widely shared on social media.",
    "Published reports suggest that the talks have stalled.",
]


@pytest.mark.parametrize("line", RULE_FURNITURE)
def test_rules_catch_unmistakable_furniture(line: str) -> None:
    assert match_rule(line, len(line.split())) is not None


@pytest.mark.parametrize("line", RULE_BODY)
def test_rules_leave_content_alone(line: str) -> None:
    assert match_rule(line, len(line.split())) is None


# --- the real seed texts -------------------------------------------------------------------------

SEED_FURNITURE = [
    (SOUTHFRONT, "0 $"),
    (SOUTHFRONT, "2,500 $"),
    (SOUTHFRONT, "Support SouthFront"),
    (SOUTHFRONT, "Do you like this content? Consider helping us!"),
    (SOUTHFRONT, "Your email address will not be published. Required fields are marked *"),
    (TELESUR, "• facebook"),  # share bullets
    (TELESUR, "• twitter"),
    (TELESUR, "• Live"),
    (TELESUR, "News > Afghanistan"),
    (TELESUR, "Published 6 September 2021"),
    (TELESUR, "Post with no comments."),
    (NEWSTRACK, "1. Home"),
    (NEWSTRACK, "By Saima Siddiqui"),
    (NEWSTRACK, "Also Read :- Afghanistan: Massive explosion outside Kabul mosque after Friday "
                "prayers; 4 Killed, 10 injured"),
    (NEWSTRACK, "Also Read :- Kabul Blast: Bomb blast in mosque near Ministry of Interior in "
                "Kabul, Afghanistan"),
    (NEWSTRACK, "Further reading:"),
    (GDC, "Be the first to comment"),
    (GDC, "Leave a Reply"),
    (SOUTHFRONT, "Leave a Reply"),
    (GDC, "© 2021, GDC. © GDC and Unauthorized use and/or duplication of this material without "
          "express and written permission from this site’s author and/or owner is strictly "
          "prohibited. Excerpts and links may be used, provided that full and clear credit is "
          "given to with appropriate and specific direction to the original content."),
    (GDC, "This site uses Akismet to reduce spam. Learn how your comment data is processed."),
    (REPUBLIC, "Last Updated:"),
    (REPUBLIC, "Image Credits - AP"),
    (REPUBLIC, "First Published:"),
]  # fmt: skip

SEED_BODY = [
    # ledes
    (REPUBLIC, "The Afghan Resistance against Taliban has snatched back three districts from the "
               "terrorists, killing or injuring up 60 of them. Taliban reps are meeting Massoud"),
    (NEWSTRACK, "Kabul: Giving a strong resistance to the Taliban militants, anti-Taliban fighters "
                "have taken back three districts from the insurgents in northern Baghlan province, "
                "and have reportedly refused to surrender to the Islamic extremist, who have seized "
                "the country after the US and allied forces virtually ran away from Kabul."),
    (SOUTHFRONT, "On September 5, leader of the Afghan resistance Ahmad Massoud Jr. expressed his "
                 "readiness to hold talks with the Taliban if the group withdraw all of its "
                 "fighters from Panjshir and Andarab."),
    # subheads and one-line questions
    (REPUBLIC, "Who is Ahmad Massoud?"),
    (REPUBLIC, "Ahmad Massoud leads Afghan Resistance Against Taliban"),
    (GDC, "The NRF says it wants to pursue peaceful negotiations before fighting"),
    (TELESUR, "The Taliban Control Panjshir Province"),
    # body paragraphs
    (GDC, "The NRF’s ultimate goal is a decentralised form of governance in the country."),
    (GDC, "The anti-Taliban sentiment had been intensifying in the region even before the "
          "insurgents captured Kabul."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "line"), SEED_FURNITURE)
def test_seed_furniture_is_dropped(seed_texts: dict[str, str], name: str, line: str) -> None:
    verdict = verdicts_by_line(seed_texts[name])[line]
    assert not verdict.is_body, verdict


@pytest.mark.parametrize(("name", "line"), SEED_BODY)
def test_seed_ledes_subheads_and_paragraphs_are_kept(
    seed_texts: dict[str, str], name: str, line: str
) -> None:
    verdict = verdicts_by_line(seed_texts[name])[line]
    assert verdict.is_body, verdict


def test_every_long_prose_paragraph_of_the_seeds_is_kept(
    seed_texts: dict[str, str],
) -> None:
    for name, text in seed_texts.items():
        kept = [line for line, v in verdicts_by_line(text).items() if v.is_body]
        assert len(kept) >= 5, name
        for line, verdict in verdicts_by_line(text).items():
            sentence = len(line.split()) >= 20 and line.endswith((".", "”", '"'))
            # Bulleted lines are summaries or captions; notices are caught by the rules.
            if sentence and (line[0].isalnum() or line[0] in '“"'):
                assert verdict.is_body, (name, line, verdict)


# --- synthetic pages -----------------------------------------------------------------------------

PARAGRAPHS = [
    "Fighters loyal to the resistance front retook three districts on Monday after two days of "
    "clashes, local officials said, in the first setback for the new government.",
    "The commander told reporters in the valley that his men were ready for talks but would not "
    "lay down their weapons while the roads into the region remained blocked.",
    "A spokesman for the government said on Tuesday that the army was sending reinforcements and "
    "that the districts would be back under its control within days.",
    "Residents who fled the fighting described long queues at checkpoints and said food and fuel "
    "prices in the provincial capital had doubled since the start of the month.",
]

SYNTHETIC_PAGE = "\n".join(
    [
        "Home",
        "World",
        "Politics",
        "Sport",
        "",
        "Fighters retake three districts in the north",
        "",
        PARAGRAPHS[0],
        "",
        PARAGRAPHS[1],
        "",
        "What happens next?",
        "",
        PARAGRAPHS[2],
        "",
        PARAGRAPHS[3],
        "",
        "Share this:",
        "• Facebook",
        "• Twitter",
        "Related",
        "Storm hits the coast",
        "Markets fall again",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "© 2024 Example News. All rights reserved.",
    ]
)


def test_synthetic_page_keeps_the_article_and_drops_the_furniture() -> None:
    verdicts = verdicts_by_line(SYNTHETIC_PAGE)
    for paragraph in PARAGRAPHS:
        assert verdicts[paragraph].is_body
    assert verdicts["What happens next?"].is_body
    for furniture in ("• Facebook", "Leave a Reply", "© 2024 Example News. All rights reserved."):
        assert not verdicts[furniture].is_body, furniture
    assert not verdicts["Home"].is_body


def test_title_keeps_the_headline_once_and_drops_its_copies() -> None:
    title = "Fighters retake three districts in the north"
    text = f"{title}\n\n{SYNTHETIC_PAGE}\n{title}"
    spans = split_lines(text)
    verdicts = classify_lines(text, spans, title=title)
    copies = [v for (s, e), v in zip(spans, verdicts, strict=True) if text[s:e] == title]
    assert [v.is_body for v in copies] == [True, False, False]
    assert copies[0].reason == HEADLINE
    assert copies[1].reason == copies[2].reason == "duplicated headline"
    assert title not in body_text(text, title=title, include_headline=False)
    assert body_text(text, title=title).count(title) == 1


def test_blank_lines_are_blank_verdicts() -> None:
    text = "First line of text here.\n\n   \n\t\nSecond line of text here."
    verdicts = classify_lines(text, split_lines(text))
    assert len(verdicts) == 5
    assert [v.reason for v in verdicts[1:4]] == [BLANK] * 3
    assert not any(v.is_body for v in verdicts[1:4])
    assert classify_lines("", split_lines("")) == [LineVerdict(False, BLANK, 0.0)]
    assert body_text("\n\n \n") == ""


def test_classification_is_deterministic_and_line_ending_blind() -> None:
    first = classify_lines(SYNTHETIC_PAGE, split_lines(SYNTHETIC_PAGE))
    again = classify_lines(SYNTHETIC_PAGE, split_lines(SYNTHETIC_PAGE))
    crlf = SYNTHETIC_PAGE.replace("\n", "\r\n")
    assert first == again == classify_lines(crlf, split_lines(crlf))


def test_body_hints_switch_on_the_html_model_and_a_wrong_length_is_ignored() -> None:
    spans = split_lines(SYNTHETIC_PAGE)
    hints = [SYNTHETIC_PAGE[s:e] in PARAGRAPHS for s, e in spans]
    with_hints = classify_lines(SYNTHETIC_PAGE, spans, body_hints=hints)
    assert all(v.is_body for v, h in zip(with_hints, hints, strict=True) if h)
    plain = classify_lines(SYNTHETIC_PAGE, spans)
    assert classify_lines(SYNTHETIC_PAGE, spans, body_hints=hints[:-1]) == plain


@dataclass
class _AlwaysFurniture:
    """A model that calls every line furniture, more surely the shorter it is."""

    threshold: float = 0.5

    def furniture_probability(self, features: np.ndarray) -> np.ndarray:
        words = np.expm1(features[:, PLAIN_FEATURES.index("log_words")])
        return 1.0 - 0.4 * np.minimum(words, 40) / 40


def test_a_page_with_no_body_keeps_its_best_block() -> None:
    text = SYNTHETIC_PAGE
    table = tabulate_lines(text, split_lines(text))
    verdicts = decide_lines(table, _AlwaysFurniture())
    kept = [line for line, v in zip(table.lines, verdicts, strict=True) if v.is_body]
    assert PARAGRAPHS[0] in kept and PARAGRAPHS[3] in kept
    assert "Home" not in kept and "Leave a Reply" not in kept  # outside the block / ruled


# --- the model file ------------------------------------------------------------------------------


def _model_document() -> dict:
    source = resources.files("analyzer").joinpath("models", MODEL_FILE)
    return json.loads(source.read_text(encoding="utf-8"))


def test_model_file_has_its_format_keys_and_the_code_s_feature_names() -> None:
    document = _model_document()
    assert document["format"] == MODEL_FORMAT
    assert set(MODEL_KEYS) <= set(document)
    models = document["models"]
    assert tuple(models["plain"]["features"]) == PLAIN_FEATURES
    assert tuple(models["html"]["features"]) == HTML_FEATURES
    for name in ("plain", "html"):
        spec = models[name]
        assert 0.0 < spec["threshold"] < 1.0
        assert spec["trees"], name
        for tree in spec["trees"]:
            size = len(tree["feature"])
            assert size == len(tree["threshold"]) == len(tree["left"]) == len(tree["value"])
            for used, child in zip(tree["feature"], tree["left"], strict=True):
                assert (child == -1) == (used == -1)
                assert child == -1 or 0 < child < size - 1
                assert -1 <= used < len(spec["features"])
        assert load_model(name).feature_names == tuple(spec["features"])
    assert document["dev_figures"]["html"]["aeb_f1"] > 0.9


def test_a_model_trained_on_other_features_is_refused() -> None:
    spec = dict(_model_document()["models"]["plain"])
    spec["features"] = [*spec["features"][:-1], "renamed"]
    with pytest.raises(LexiconError, match="retrain"):
        pack_model("plain", spec)


def test_json_trees_predict_what_scikit_learn_predicts(monkeypatch: pytest.MonkeyPatch) -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    path = ROOT / "benchmarks" / "train_boilerplate.py"
    spec = importlib.util.spec_from_file_location("train_boilerplate", path)
    assert spec is not None and spec.loader is not None
    trainer = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, trainer)  # dataclasses look their module up
    spec.loader.exec_module(trainer)

    rng = np.random.default_rng(0)
    features = rng.normal(size=(400, len(PLAIN_FEATURES)))
    labels = (features[:, 0] + features[:, 3] * features[:, 5] > 0).astype(int)
    fitted = HistGradientBoostingClassifier(max_iter=20, max_depth=4, random_state=0)
    fitted.fit(features, labels)
    packed = pack_model("plain", trainer.export(fitted, PLAIN_FEATURES, 0.5))
    expected = fitted.predict_proba(features)[:, 1]
    assert np.allclose(packed.furniture_probability(features), expected, atol=1e-6)


# --- scorers -------------------------------------------------------------------------------------


def test_shingle_scores_of_simple_cases() -> None:
    gold = {"a": "one two three four five six", "b": "alpha beta gamma delta"}
    assert aeb.score_pages(gold, gold).f1 == 1.0
    half = aeb.score_pages({"a": gold["a"]}, {"a": "one two three four five six seven eight nine"})
    assert half.recall == 1.0 and half.precision == pytest.approx(3 / 6)
    assert aeb.score_pages(gold, {}).recall == 0.0
    assert aeb.shingles("too short") == {("too", "short"): 1}


def test_snippet_scores_count_kept_and_leaked_snippets() -> None:
    text = "Body  text\nhere. Menu"
    page = trafilatura_eval.score_page(text, ["Body text here."], ["Menu", "Footer"])
    assert (page.tp, page.fn, page.fp, page.tn) == (1, 0, 1, 1)
    crashed = trafilatura_eval.score_page(None, ["Body"], ["Menu"])
    assert (crashed.tp, crashed.fn, crashed.fp, crashed.tn) == (0, 1, 0, 1)


@pytest.mark.eval
@pytest.mark.parametrize(("system", "published"), [("html-text", 0.665), ("trafilatura", 0.958)])
def test_aeb_scorer_reproduces_the_published_figures(system: str, published: float) -> None:
    require_eval(aeb.AEB_FOLDER, "output", f"{system}.json")
    assert round(aeb.evaluate_reference(system, split=None).f1, 3) == published


# --- page-level rules: the headline, a cut-off ending, a body that cannot vanish ------------------


@dataclass
class _ByFeature:
    """A model calling furniture the lines where ``feature`` is (not) set."""

    feature: str
    furniture_when_set: bool
    threshold: float = 0.5

    def furniture_probability(self, features: np.ndarray) -> np.ndarray:
        column = features[:, PLAIN_FEATURES.index(self.feature)] > 0
        return np.where(column == self.furniture_when_set, 0.9, 0.1)


def _kept(text: str, model: FurnitureModel, hints: list[bool] | None = None) -> list[str]:
    table = tabulate_lines(text, split_lines(text), body_hints=hints)
    verdicts = decide_lines(table, model)
    return [line for line, v in zip(table.lines, verdicts, strict=True) if v.is_body]


def test_an_untitled_text_keeps_its_opening_headline() -> None:
    headline = "Fighters retake three districts in the north"
    text = "\n\n".join([headline, *PARAGRAPHS])
    spans = split_lines(text)
    verdicts = classify_lines(text, spans)
    assert verdicts[0].is_body and verdicts[0].reason == HEADLINE
    assert body_text(text, include_headline=False).startswith(PARAGRAPHS[0])
    # A menu word opening a scraped page is not a headline.
    menu = "\n".join(["Home", "World", *PARAGRAPHS])
    assert not classify_lines(menu, split_lines(menu))[0].is_body


def test_a_cut_off_last_paragraph_stays_in_the_body() -> None:
    cut = "The commander added that the group would hold the valley until talks began and that"
    teaser = "Read the full interview with the commander of the resistance in our next edition"
    text = "\n\n".join([PARAGRAPHS[0], teaser, PARAGRAPHS[1], cut])
    kept = _kept(text, _ByFeature("ends_terminal", furniture_when_set=False))
    assert cut in kept  # the excerpt's last paragraph, cut mid-sentence
    assert teaser not in kept  # the same shape mid-page is the model's to judge


def test_an_article_the_model_drops_is_kept_when_the_extractor_found_it() -> None:
    # The failure seen on unseen sites: every paragraph called "prose outside the article body"
    # while the menu ("Multimedia | Online Extras | Buy Photos") is kept.
    lines = ["Multimedia", "Online Extras", PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]]
    text = "\n".join(lines)
    prose_is_furniture = _ByFeature("sentence_like", furniture_when_set=True)
    assert _kept(text, prose_is_furniture, [False] * 5) == lines[:2]  # nothing to fall back on
    # trafilatura kept the first two paragraphs: its body replaces the model's menu.
    assert _kept(text, prose_is_furniture, [False, False, True, True, False]) == lines[2:4]
    # trafilatura agrees with the model on a short body: two extractors outvote the prose block.
    agreeing = _kept(text, prose_is_furniture, [True, True, False, False, False])
    assert agreeing == lines[:2]


_COMMENTS = [
    "I have followed this conflict for years and the reporters on the ground have done a far "
    "better job than the officials who keep promising an end to it.",
    "Nobody in the capital believes the ceasefire will hold past the winter, whatever the "
    "negotiators say in public this week.",
    "The second paragraph says the district fell on Tuesday, but the map shows it changing "
    "hands a week earlier than that.",
]


def test_a_reader_comment_thread_after_the_article_is_not_body() -> None:
    # Comments read like paragraphs; their repeated "X says:" headers give the thread away.
    headers = ["farmer_joe says:", "Amina K. says:", "Old Reader on May 2, 2024 at 4:47 pm said:"]
    thread = [line for pair in zip(headers, _COMMENTS, strict=True) for line in pair]
    text = "\n".join([*PARAGRAPHS, "3 responses to this story", *thread, "Leave a Reply"])
    keep_prose = _ByFeature("sentence_like", furniture_when_set=False)
    assert _kept(text, keep_prose) == PARAGRAPHS
    verdicts = decide_lines(tabulate_lines(text, split_lines(text)), keep_prose)
    assert verdicts[len(PARAGRAPHS) + 2].reason == COMMENT_THREAD


def test_an_article_quoting_two_speakers_with_said_colon_keeps_its_quotations() -> None:
    # One or two "X said:" lines are the article's own quotations, not a thread.
    quoted = ["The commander said:", _COMMENTS[0], "A resident said:", _COMMENTS[1]]
    text = "\n".join([PARAGRAPHS[0], *quoted, PARAGRAPHS[1]])
    keep_prose = _ByFeature("sentence_like", furniture_when_set=False)
    kept = _kept(text, keep_prose)
    assert _COMMENTS[0] in kept and _COMMENTS[1] in kept and PARAGRAPHS[1] in kept


# --- the article copied again on one line (page metadata in scraped text) -----------------------


@pytest.mark.parametrize("copy_first", [False, True], ids=["copy after", "copy before"])
def test_a_run_on_copy_of_the_article_is_not_kept_twice(copy_first: bool) -> None:
    # Scraped text often carries the structured-data articleBody: the paragraphs again, joined.
    copy = " ".join(PARAGRAPHS[:3])
    lines = [copy, *PARAGRAPHS] if copy_first else [*PARAGRAPHS, copy]
    keep_prose = _ByFeature("sentence_like", furniture_when_set=False)
    assert _kept("\n".join(lines), keep_prose) == PARAGRAPHS
    verdicts = decide_lines(
        tabulate_lines("\n".join(lines), split_lines("\n".join(lines))), keep_prose
    )
    assert verdicts[0 if copy_first else len(PARAGRAPHS)].reason == COPIED_BODY


def test_a_paragraph_quoted_again_with_more_words_stays_body() -> None:
    # One paragraph repeated and extended (a recap, a pull quote) joins no lines: no copy.
    recap = PARAGRAPHS[1] + " He repeated the offer on Wednesday evening."
    text = "\n".join([*PARAGRAPHS, recap])
    assert recap in _kept(text, _ByFeature("sentence_like", furniture_when_set=False))


# --- plain text: the densest prose run as a second opinion ---------------------------------------


def test_a_plain_text_body_the_model_greys_entirely_is_recovered() -> None:
    # No extractor hints: the prose block is the only other opinion, and the menu the model
    # kept instead is a small fraction of it.
    lines = ["Multimedia", "Online Extras", "Buy Photos", *PARAGRAPHS, "Leave a Reply"]
    text = "\n".join(lines)
    kept = _kept(text, _ByFeature("sentence_like", furniture_when_set=True))
    assert all(paragraph in kept for paragraph in PARAGRAPHS)
    assert "Leave a Reply" not in kept  # a furniture rule's line ends the block


def test_the_prose_block_stops_at_a_furniture_rule_line() -> None:
    comment = (
        "I have followed this conflict for years and I think the reporters on the ground have "
        "done a far better job than the officials who keep promising an end to it."
    )
    # Without the rule line the comment would join the article's run (one block of prose).
    text = "\n".join(["Home", PARAGRAPHS[0], PARAGRAPHS[1], "Leave a Reply", comment])
    table = tabulate_lines(text, split_lines(text))
    ruled = np.array([rule is not None for rule in table.rules])
    block = prose_block(table, ruled, SETTINGS.prose_non_prose_toll)
    assert [line for line, inside in zip(table.lines, block, strict=True) if inside] == [
        PARAGRAPHS[0],
        PARAGRAPHS[1],
    ]


def test_navigation_only_text_is_not_turned_into_body() -> None:
    menu = ["Home", "World", "Politics", "Sport", "Markets fall again", "Storm hits the coast"]
    text = "\n".join(menu)
    table = tabulate_lines(text, split_lines(text))
    ruled = np.zeros(len(table.lines), dtype=bool)
    assert not prose_block(table, ruled, SETTINGS.prose_non_prose_toll).any()
    assert recovered_body(table, ruled, np.zeros(len(table.lines), dtype=bool), SETTINGS) is None


def test_a_body_the_model_kept_is_left_as_it_is() -> None:
    lines = ["Home", "World", *PARAGRAPHS, "Related", "Storm hits the coast"]
    text = "\n".join(lines)
    table = tabulate_lines(text, split_lines(text))
    ruled = np.array([rule is not None for rule in table.rules])
    kept = np.array([line in PARAGRAPHS for line in table.lines])
    assert recovered_body(table, ruled, kept, SETTINGS) is None
    # Keeping only the opening paragraph of four is a vanished body: the block is added back.
    opening = np.array([line == PARAGRAPHS[0] for line in table.lines])
    recovered = recovered_body(table, ruled, opening, SETTINGS)
    assert recovered is not None
    assert [line for line, k in zip(table.lines, recovered, strict=True) if k] == PARAGRAPHS


def test_plain_neighbour_columns_read_repeated_lines_and_closing_stops() -> None:
    # A teaser list: the same date stamp after every open headline; an article: closed sentences.
    teasers = ["Storm hits the coast", "Tuesday 19 November", "Markets fall again"]
    teasers += ["Tuesday 19 November", "Talks resume in the capital", "Tuesday 19 November"]
    text = "\n".join([*PARAGRAPHS, *teasers])
    features = tabulate_lines(text, split_lines(text)).features
    repeat = features[:, PLAIN_FEATURES.index("window2_repeat_share")]
    terminal = features[:, PLAIN_FEATURES.index("window2_terminal_share")]
    # The second paragraph's neighbours are paragraphs: none repeats, all end in a full stop.
    assert (repeat[1], terminal[1]) == (0.0, 1.0)
    # The middle headline's four neighbours: two copies of the date stamp, two headlines.
    assert repeat[6] == 0.5
    assert terminal[6] == 0.0
    # HTML rows leave them at zero: the extractor's hints mark the article's run there.
    hinted = tabulate_lines(text, split_lines(text), body_hints=[True] * 10).features
    assert not hinted[:, PLAIN_FEATURES.index("window2_repeat_share")].any()
    assert not hinted[:, PLAIN_FEATURES.index("window2_terminal_share")].any()
