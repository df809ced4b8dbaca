"""Line kinds: captions, bylines and datelines stay in the text, set apart from the outlet's voice."""

from __future__ import annotations

import re

import pytest

from analyzer.analysis import Analysis, analyze
from analyzer.boilerplate.kinds import (
    BODY,
    BYLINE,
    CAPTION,
    DATELINE,
    HEADLINE,
    set_apart_reason,
)
from analyzer.compare.distinctive import distinctive_words
from analyzer.document import ArticleMeta
from analyzer.render.kinds import kind_of
from analyzer.render.text import render_explanation

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
TITLE = "Fighting spreads in the northern valley"
PARAGRAPHS = (
    TITLE,
    "By Jane Smith, Reuters",
    "KABUL, Aug 16 (Reuters) - Fighters loyal to the movement took control of two more districts"
    " on Monday, local officials said, as talks in the Gulf stalled again.",
    "Taliban terrorists patrol a street in Kabul on August 16, 2021. REUTERS/Stringer",
    "By Monday, the army had withdrawn from the valley and residents said the roads were closed.",
    "The photo agency said its photographer was safe and would return to the capital this week.",
)
ARTICLE = "\n\n".join(PARAGRAPHS) + "\n"


@pytest.fixture(scope="module")
def result() -> Analysis:
    return analyze(ARTICLE, meta=ArticleMeta(title=TITLE))


def kind_of_line(result: Analysis, opening: str) -> str:
    doc = result.document
    return next(line.kind for line in doc.lines if doc.text[line.start :].startswith(opening))


def test_each_kept_line_has_its_kind(result: Analysis) -> None:
    assert kind_of_line(result, TITLE) == HEADLINE
    assert kind_of_line(result, "By Jane Smith") == BYLINE
    assert kind_of_line(result, "Taliban terrorists patrol") == CAPTION
    assert kind_of_line(result, "KABUL, Aug 16") == BODY  # a dateline opening the lede is prose


def test_ordinary_sentences_with_by_or_photo_stay_body(result: Analysis) -> None:
    assert kind_of_line(result, "By Monday, the army") == BODY
    assert kind_of_line(result, "The photo agency said") == BODY


def test_a_caption_label_is_not_the_outlets_voice(result: Analysis) -> None:
    labels = [s for s in result.spans if s.signal == "loaded" and s.term == "terrorist"]
    assert [s.voice for s in labels] == ["caption"]
    assert result.scores["loaded_value_laden_caption"] == 1.0
    assert result.scores["loaded_value_laden_authorial"] == 0.0
    assert result.scores["loaded_value_laden_authorial_rate"] == 0.0
    assert result.scores["loaded_style_flags"] == 0.0


def test_the_same_words_in_the_body_are_the_outlets_own() -> None:
    prose = ARTICLE.replace(". REUTERS/Stringer", " while the city waits for news.")
    own = analyze(prose, meta=ArticleMeta(title=TITLE))
    assert own.scores["loaded_value_laden_authorial"] == 1.0
    assert own.scores["loaded_value_laden_caption"] == 0.0


def test_captions_and_bylines_are_not_article_words(result: Analysis) -> None:
    doc = result.document
    prose = sum(len(WORD.findall(doc.text, s.start, s.end)) for s in doc.prose_sentences)
    assert doc.body_words == prose
    assert len(doc.prose_sentences) < len(doc.sentences)


def test_the_headline_keeps_the_outlets_voice() -> None:
    titled = "Taliban terrorists seize the valley\n\n" + ARTICLE.split("\n", 2)[2]
    result = analyze(titled, meta=ArticleMeta(title="Taliban terrorists seize the valley"))
    voices = [s.voice for s in result.spans if s.signal == "loaded" and s.term == "terrorist"]
    assert voices == ["authorial", "caption"]


def test_bylines_and_datelines_are_page_evidence(result: Analysis) -> None:
    page = {(s.label, s.text) for s in result.spans if s.signal == "page"}
    assert ("byline", "By Jane Smith, Reuters") in page
    assert ("dateline", "KABUL, Aug 16 (Reuters) -") in page


def test_a_dateline_alone_on_its_line_is_its_own_kind() -> None:
    text = "WASHINGTON, Sept. 6 (AP) —\n\nThe Senate passed the bill on a party-line vote late on Monday night."
    result = analyze(text)
    assert kind_of_line(result, "WASHINGTON") == DATELINE
    assert ("dateline", "WASHINGTON, Sept. 6 (AP) —") in {
        (s.label, s.text) for s in result.spans if s.signal == "page"
    }


def test_kept_lines_are_drawn_as_their_kind_not_as_furniture(result: Analysis) -> None:
    marks = {s.label: kind_of(s) for s in result.spans if s.signal == "boilerplate"}
    assert marks == {"byline": "caption", "caption": "caption"}
    assert result.scores["boilerplate_lines"] == 0.0
    view = render_explanation(result)
    assert "(caption) Taliban [terrorists]" in view
    assert "(byline) [By Jane Smith, Reuters]" in view


@pytest.mark.parametrize(
    "line",
    [
        "A Taliban fighter stands guard in Kabul on August 16, 2021. REUTERS/Stringer",
        "Photo: AFP",
        "Residents queue for bread (Photo by Jane Doe/Getty Images)",
        "File photo of the presidential palace",
        "Kabul, Afghanistan. AP Photo",
        "A boy walks past a checkpoint. Jane Doe/AFP via Getty Images",
    ],
)
def test_caption_credits_are_recognised(line: str) -> None:
    assert set_apart_reason(line, len(line.split())) is not None or _ruled_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the army had retreated from the valley.",
        "A Reuters/Ipsos poll found support for the plan among voters.",
        "The minister spoke to reporters on Monday. (AFP)",
        "The photo shows soldiers in Kabul, the ministry said.",
        "Insurgents attacked the town overnight - Reuters",
    ],
)
def test_prose_is_no_caption(line: str) -> None:
    assert set_apart_reason(line, len(line.split())) is None
    assert not _ruled_caption(line)


def _ruled_caption(line: str) -> bool:
    from analyzer.boilerplate.rules import match_rule

    rule = match_rule(line, len(line.split()))
    return rule is not None and rule.category in ("caption", "image_credit", "byline")


def test_captions_do_not_count_as_the_articles_sourcing_or_calibration() -> None:
    caption = "Protesters march in Kabul, officials said the claims were possibly false. AP Photo"
    text = ARTICLE.replace(PARAGRAPHS[3], caption)
    result = analyze(text, meta=ArticleMeta(title=TITLE))
    assert kind_of_line(result, "Protesters march") == CAPTION
    start = text.index(caption)
    inside = {s.signal for s in result.spans if start <= s.start and s.end <= start + len(caption)}
    assert not inside & {"hedge", "booster", "weasel", "distancing", "attribution", "sentiment"}


def test_credit_lines_give_no_distinctive_words() -> None:
    body = "Fighters took the northern districts on Monday. The army withdrew from the valley."
    credited = body + "\n\nA checkpoint on the valley road. Photo: Twitter @reporters\n"
    analyses = [
        analyze(credited, meta=ArticleMeta(file="a.txt", outlet="A")),
        analyze(body.replace("Fighters", "Rebels"), meta=ArticleMeta(file="b.txt", outlet="B")),
    ]
    assert analyses[0].document.prose_sentences != analyses[0].document.sentences
    listed = {w.word for w in distinctive_words(analyses, min_count=1)["A"]}
    assert "fighters" in listed
    assert not {"twitter", "checkpoint", "road"} & listed
