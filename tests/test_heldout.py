"""The held-out benchmark: its annotations are consistent and its scorer counts what it says."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

from analyzer.evaluation import EVALUATIONS
from analyzer.evaluation.heldout import (
    GENERIC,
    SOURCE_KINDS,
    SPLITS,
    TIERS,
    VOICES,
    GoldActor,
    GoldLabel,
    GoldSource,
    HeldoutArticle,
    Scores,
    actor_right,
    annotations_dir,
    load_annotations,
    load_story_packs,
    load_text,
    locate_anchor,
    score_article,
    source_found,
    source_key,
)
from analyzer.span import Span, make_span
from analyzer.storypack import story_pack_from_text

from .conftest import EVAL_DIR, require_eval

NOTES = load_annotations()
STORY = {article.id: article.story for article in NOTES.articles}


def test_every_label_row_is_well_formed() -> None:
    for label in NOTES.labels:
        assert label.article in STORY, label
        assert label.tier in TIERS, label
        assert label.voice in VOICES, label
        assert label.term == label.term.lower(), label
        assert label.anchor.count("[") == 1 and label.anchor.count("]") == 1, label


def test_every_actor_used_is_listed_for_its_story() -> None:
    for label in NOTES.labels:
        assert label.actor == GENERIC or (STORY[label.article], label.actor) in NOTES.actors, label
    for source in NOTES.sources:
        assert source.kind in SOURCE_KINDS, source
        assert not source.actor or (STORY[source.article], source.actor) in NOTES.actors, source
        assert "[" not in source.anchor and "]" not in source.anchor, source


def test_splits_are_valid_and_test_stories_are_unseen_on_dev() -> None:
    stories_by_split = defaultdict(set)
    for article in NOTES.articles:
        assert article.split in SPLITS, article
        stories_by_split[article.split].add(article.story)
    assert not stories_by_split["dev"] & stories_by_split["test"]
    test_articles = [a for a in NOTES.articles if a.split == "test"]
    assert len(test_articles) >= 8 and 2 * len(test_articles) >= len(NOTES.articles)
    assert len(stories_by_split["test"]) >= 2
    assert len({a.id for a in NOTES.articles}) == len(NOTES.articles)
    assert {label.article for label in NOTES.labels} == set(STORY)


def test_every_story_has_a_minimal_pack_naming_its_gold_actors() -> None:
    packs = load_story_packs()
    assert set(packs) == set(STORY.values())
    for story, pack in packs.items():
        assert 2 <= len(pack.actors) <= 5, story
        named = [a.name for a in pack.actors if (story, a.name) in NOTES.actors]
        assert len(named) >= 2, (story, named)  # pack names are the gold canonical names


@pytest.mark.eval
def test_every_anchor_is_found_exactly_once_in_its_article() -> None:
    for article in NOTES.articles:
        require_eval(article.source.partition("#")[0])
    texts = {a.id: load_text(a.source, EVAL_DIR) for a in NOTES.articles}
    for label in NOTES.labels:
        start, end = locate_anchor(texts[label.article], label.anchor)
        inside = label.anchor[label.anchor.index("[") + 1 : label.anchor.index("]")]
        assert " ".join(texts[label.article][start:end].split()) == " ".join(inside.split())
    for source in NOTES.sources:
        locate_anchor(texts[source.article], source.anchor)


def test_anchors_ignore_whitespace_and_must_be_unique() -> None:
    text = "The so-called  freedom\nfighters came. The rebels left. The rebels stayed."
    start, end = locate_anchor(text, "so-called [freedom fighters] came")
    assert text[start:end] == "freedom\nfighters"
    assert text[slice(*locate_anchor(text, "The [rebels] left"))] == "rebels"
    with pytest.raises(ValueError, match="2 times"):
        locate_anchor(text, "The [rebels]")


def test_an_absent_annotation_folder_is_reported_as_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        annotations_dir(tmp_path)


def test_the_evaluation_is_registered() -> None:
    assert any(entry.module == "heldout" for entry in EVALUATIONS)


def test_actor_matching_by_alias_pack_name_and_generic() -> None:
    hamas = GoldActor("s", "Hamas", "group", ("Hamas", "Harakat al-Muqawama"))
    pack = story_pack_from_text(
        "actor,aliases,kind\nPalestinian militants,Hamas;Islamic Jihad,group"
    )
    assert actor_right("the Hamas's", hamas, None)
    assert actor_right("HAMAS", hamas, None)
    assert not actor_right("Palestinian militants", hamas, None)
    assert actor_right("Palestinian militants", hamas, pack)  # the pack actor names Hamas
    assert not actor_right("Gaza", hamas, pack)
    assert actor_right("unresolved", None, pack) and actor_right(None, None, None)
    assert not actor_right("Hamas", None, pack)


def test_source_matching_rule() -> None:
    assert source_key("Nisan Ahmado's source inside the Rukban camp") == "source"
    assert source_key("one of the Klansmen") == "klansmen"
    assert source_key("the Russian and Syrian defense ministries") == "ministry"
    assert source_found("Russian Defense Ministry", "the Russian and Syrian defense ministries")
    assert source_found("Cmdr. Sean Robertson", "Sean Robertson")
    assert source_found("Amnesty", "Amnesty International")
    assert source_found("the source", "Nisan Ahmado's source inside the Rukban camp")
    assert not source_found("he", "Sean Robertson")
    assert not source_found("Robert", "Sean Robertson")
    assert not source_found(None, "Sean Robertson")


def test_scores_on_a_hand_built_example() -> None:
    text = (
        "Officials said the rebels attacked. The terrorists fled, and the troops chased the gang."
    )
    article = HeldoutArticle("a1", "s", "test", "", "", "", "")
    actors = {
        ("s", "Rebel Front"): GoldActor("s", "Rebel Front", "group", ("Rebel Front", "RF")),
        ("s", "National Army"): GoldActor("s", "National Army", "group", ("National Army",)),
    }

    def gold(word: str, tier: str, actor: str, voice: str) -> GoldLabel:
        start = text.index(word)
        return GoldLabel("a1", word, word, tier, actor, voice, "", start, start + len(word))

    labels = [
        gold("rebels", "contested", "Rebel Front", "reported"),
        gold("terrorists", "value-laden", "Rebel Front", "authorial"),
        gold("gang", "value-laden", "Rebel Front", "authorial"),
        gold("troops", "descriptive", GENERIC, "authorial"),
    ]

    def loaded(word: str, tier: str, actor: str | None, voice: str) -> Span:
        start = text.index(word)
        return make_span(
            text,
            start,
            start + len(word),
            signal="loaded",
            label=tier,
            rule="",
            voice=voice,
            actor=actor,
            term=word,
        )

    spans = [
        loaded("rebels", "contested", "RF", "reported"),  # actor and voice right
        loaded("terrorists", "value-laden", "Officials", "reported"),  # actor and voice wrong
        loaded("troops", "descriptive", "unresolved", "authorial"),  # generic: right
        loaded("attacked", "value-laden", None, "reported"),  # a false label
        make_span(text, 0, 9, signal="attribution", label="anonymous", rule="", source="Officials"),
        make_span(text, 10, 14, signal="hedge", label="hedge", rule=""),  # not a label span
    ]
    sources = [
        GoldSource("a1", "officials", "anonymous", "", "Officials said"),
        GoldSource("a1", "a spokesman", "anonymous", "", "Officials said"),
    ]
    scores = Scores()
    score_article(scores, article, text, spans, labels, sources, actors, None)
    assert (scores.gold_labels, scores.found_labels) == (4, 3)
    assert (scores.predicted, scores.correct_predicted) == (4, 3)
    metrics = scores.metrics()
    assert metrics["label recall"] == 3 / 4 and metrics["label precision"] == 3 / 4
    assert scores.actor_right == 2 and metrics["actor right"] == 2 / 3
    assert scores.voice_right == 2 and metrics["voice right"] == 2 / 3
    assert (scores.gold_sources, scores.found_sources) == (2, 1)
    assert [len(scores.errors[k]) for k in ("missed label", "false label", "wrong actor")] == [
        1,
        1,
        1,
    ]
    assert "[gang]" in scores.errors["missed label"][0].text
    assert scores.errors["missed source"][0].expected == "anonymous source 'a spokesman'"
    # A pronoun source counts as the speaker it resolves to ("he" -> "the spokesman").
    resolved = Scores()
    score_article(resolved, article, text, spans, labels, sources, actors, None, None,
                  ["the spokesman"])  # fmt: skip
    assert (resolved.gold_sources, resolved.found_sources) == (2, 2)
    # With a pack whose actor names the Rebel Front, "Officials" is still wrong, "Rebel Front" right.
    pack = story_pack_from_text("actor,aliases,kind\nRebels,Rebel Front,group")
    renamed = [replace(s, actor="Rebels") if s.text == "rebels" else s for s in spans]
    with_pack = Scores()
    score_article(with_pack, article, text, renamed, labels, sources, actors, pack)
    assert with_pack.actor_right == 2
