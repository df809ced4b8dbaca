"""The GUM coreference yardstick: the Entity= bracket reader, the choice of cases and the rule
that says when an answer names the entity, on hand-written CoNLL-U; and the dev split itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.actors import UNRESOLVED
from analyzer.evaluation import EVALUATIONS, gum, gum_coref
from analyzer.evaluation.gum_coref import GoldName, is_right, same_name
from analyzer.evaluation.gum_entities import (
    EntityMention,
    find_cases,
    mention_names,
    parse_entities,
)

from .conftest import require_eval


def test_brackets_nested_multi_token_and_single_token() -> None:
    misc = [
        "Entity=(1-person-new-sssss-cf1-1-coref(2-place-new-sssss-cf2-1-coref-New_York%2C_NY)",
        "_",
        "SpaceAfter=No|Entity=1)",
        "Entity=(3-organization-giv:act-sssss-cf1-1-sgl)|MSeg=x",
    ]
    assert parse_entities(misc) == [
        EntityMention(1, "person", 0, 2),
        EntityMention(2, "place", 0, 0, "New York, NY"),
        EntityMention(3, "organization", 3, 3),
    ]


def test_brackets_of_one_entity_nested_in_itself_close_innermost_first() -> None:
    misc = [
        "Entity=(7-person-new-s-cf1-1-coref(7-person-giv-s-cf1-1-appos",
        "Entity=7)",
        "Entity=7)",
    ]
    assert parse_entities(misc) == [
        EntityMention(7, "person", 0, 2),
        EntityMention(7, "person", 0, 1),
    ]


# The Red Cross (1) sent Maria Lopez (2) to Gaza (3). [The group] (1) said [its envoy] (2) met
# a leader of Hamas (4, 5). The leader of Hamas (4) thanked the city (6).
CONLLU = """# newdoc id = GUM_news_tiny
# newpar
# sent_id = GUM_news_tiny-1
# text = The Red Cross sent Maria Lopez to Gaza.
1	The	the	DET	DT	_	3	det	_	Entity=(1-organization-new-s-cf1-1-coref-International_Committee_of_the_Red_Cross
2	Red	Red	PROPN	NNP	_	3	compound	_	_
3	Cross	Cross	PROPN	NNP	_	4	nsubj	_	Entity=1)
4	sent	send	VERB	VBD	_	0	root	_	_
5	Maria	Maria	PROPN	NNP	_	4	obj	_	Entity=(2-person-new-sssss-cf1-1-coref
6	Lopez	Lopez	PROPN	NNP	_	5	flat	_	Entity=2)
7	to	to	ADP	IN	_	8	case	_	_
8	Gaza	Gaza	PROPN	NNP	_	4	obl	_	Entity=(3-place-new-sssss-cf1-1-sgl-Gaza_Strip)|SpaceAfter=No
9	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = GUM_news_tiny-2
# text = The group said its envoy met a leader of Hamas.
1	The	the	DET	DT	_	2	det	_	Entity=(1-organization-giv:act-sssss-cf1-2-coref
2	group	group	NOUN	NN	_	3	nsubj	_	Entity=1)
3	said	say	VERB	VBD	_	0	root	_	_
4	its	its	PRON	PRP$	_	5	nmod:poss	_	Entity=(2-person-giv-s-cf1-2-coref(1-organization-giv-s-cf1-1-ana)
5	envoy	envoy	NOUN	NN	_	6	nsubj	_	Entity=2)
6	met	meet	VERB	VBD	_	3	ccomp	_	_
7	a	a	DET	DT	_	8	det	_	Entity=(4-person-new-sssss-cf1-2-coref
8	leader	leader	NOUN	NN	_	6	obj	_	_
9	of	of	ADP	IN	_	10	case	_	_
10	Hamas	Hamas	PROPN	NNP	_	8	nmod	_	Entity=(5-organization-new-sssss-cf1-1-coref-Hamas)4)|SpaceAfter=No
11	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = GUM_news_tiny-3
# text = The leader of Hamas thanked the city.
1	The	the	DET	DT	_	2	det	_	Entity=(4-person-giv:inact-sssss-cf1-2-coref
2	leader	leader	NOUN	NN	_	5	nsubj	_	_
3	of	of	ADP	IN	_	4	case	_	_
4	Hamas	Hamas	PROPN	NNP	_	2	nmod	_	Entity=(5-organization-giv:act-sssss-cf1-1-coref-Hamas)4)
5	thanked	thank	VERB	VBD	_	0	root	_	_
6	the	the	DET	DT	_	7	det	_	Entity=(6-place-new-sssss-cf1-2-sgl
7	city	city	NOUN	NN	_	5	obj	_	Entity=6)|SpaceAfter=No
8	.	.	PUNCT	.	_	5	punct	_	_

"""


def _folder(root: Path) -> Path:
    folder = root / gum.GUM_FOLDER
    (folder / "conllu").mkdir(parents=True)
    (folder / "rsd").mkdir()
    (folder / "conllu" / "GUM_news_tiny.conllu").write_text(CONLLU, encoding="utf-8")
    (folder / "rsd" / "GUM_news_tiny.rsd").write_text("", encoding="utf-8")
    (folder / "splits.md").write_text("## dev\n\n  * GUM_news_tiny\n", encoding="utf-8")
    return root


def test_cases_are_definite_descriptions_of_named_people_and_groups(tmp_path: Path) -> None:
    gold = gum.read_document("GUM_news_tiny", _folder(tmp_path))
    cases = find_cases(gold)
    described = [" ".join(gold.tokens[c.description.first : c.description.last + 1]) for c in cases]
    # Not "a leader of Hamas" (indefinite), not "The leader of Hamas" (the leader is never named:
    # "Hamas" is another entity's name), not "its" (a pronoun), not "the city" (a place).
    assert described == ["The group", "its envoy"]
    group, envoy = cases
    assert [gold.tokens[n.first : n.last + 1] for n in group.names] == [("Red", "Cross")]
    assert group.identity == "International Committee of the Red Cross"
    assert [gold.tokens[n.first : n.last + 1] for n in envoy.names] == [("Maria", "Lopez")]
    assert gold.tokens[group.nearest.first] == "Gaza"  # the naive rule's answer
    assert gold.tokens[envoy.head] == "envoy"


def test_the_words_of_a_nested_entity_are_kept_apart_from_a_name(tmp_path: Path) -> None:
    gold = gum.read_document("GUM_news_tiny", _folder(tmp_path))
    mentions = parse_entities(gold.misc)
    leader = next(m for m in mentions if m.entity == 4)
    assert mention_names(gold, leader, mentions) == []
    hamas = next(m for m in mentions if m.entity == 5)
    assert [(n.first, n.last) for n in mention_names(gold, hamas, mentions)] == [(18, 18)]


@pytest.mark.parametrize(
    ("answer", "gold", "same"),
    [
        ("Kasich", "John Kasich", True),
        ("John Kasich", "Kasich", True),
        ("the Taliban's", "Taliban", True),
        ("The Red Cross", "red cross", True),
        ("John", "Johnson", False),
        ("Red", "Red Cross", True),
        ("Cross Red", "Red Cross", False),
    ],
)
def test_same_name_ignores_case_the_and_possessive_and_allows_whole_word_parts(
    answer: str, gold: str, same: bool
) -> None:
    assert same_name(answer, gold) is same


def test_naming_only_a_nested_entity_is_not_naming_the_entity() -> None:
    fan = [GoldName("Gary Fan of the Neo Democrats", ("the Neo Democrats",))]
    assert not is_right("Neo Democrats", fan)
    assert is_right("Gary Fan", fan)
    assert is_right("Gary Fan of the Neo Democrats", fan)


def test_wikipedia_identity_must_match_whole() -> None:
    team = "Australia women's national wheelchair basketball team"
    assert not is_right("Australia", [GoldName("Gliders")], team)
    assert is_right("Immortals", [], "Immortals (esports)")
    assert not is_right(UNRESOLVED, [GoldName("Gliders")], team)
    assert not is_right(None, [GoldName("Gliders")])


def test_tiny_folder_is_scored_with_the_baseline_beside(tmp_path: Path) -> None:
    result = gum_coref.evaluate("dev", _folder(tmp_path))
    (figure,) = result.figures
    assert figure.details["cases"] == 2
    assert figure.details["baseline_accuracy"] == 0.0  # "Gaza" both times
    assert 0.0 <= figure.value <= 1.0
    assert 0.0 <= figure.details["answered_share"] <= 1.0
    assert set(result.errors) == {gum_coref.SIGNAL}


def test_registered_for_framescope_eval() -> None:
    assert any(entry.module == "gum_coref" for entry in EVALUATIONS)


@pytest.mark.eval
def test_dev_split_runs() -> None:
    require_eval("gum-attribution")
    result = gum_coref.evaluate("dev")
    (figure,) = result.figures
    assert figure.split == "dev"
    assert figure.details["cases"] > 0
    assert 0.0 <= figure.value <= 1.0
    assert 0.0 <= figure.details["baseline_accuracy"] <= 1.0
    assert "baseline" in figure.reference
    severities = [case.severity for case in result.errors[gum_coref.SIGNAL]]
    assert severities == sorted(severities, reverse=True)
