"""The multi-term matcher: inflection, case, hyphens, word boundaries, longest match."""

from __future__ import annotations

from analyzer.matching import TermMatcher


def _find(terms: list[str], text: str) -> list[tuple[str, str]]:
    matcher = TermMatcher((t, t) for t in terms)
    return [(text[m.start : m.end], m.payload) for m in matcher.find(text)]


def test_inflection_and_case_variants_match_the_base_form() -> None:
    text = "Terrorists, a terrorist and the terrorist's aims; an army of freedom-fighters."
    assert _find(["terrorist", "freedom fighter"], text) == [
        ("Terrorists", "terrorist"),
        ("terrorist", "terrorist"),
        ("terrorist", "terrorist"),
        ("freedom-fighters", "freedom fighter"),
    ]


def test_word_boundaries_are_respected() -> None:
    assert _find(["regime"], "regimental regimes") == [("regimes", "regime")]


def test_longest_match_wins() -> None:
    text = "anti-Taliban fighters and the Taliban"
    assert _find(["taliban", "anti-taliban"], text) == [
        ("anti-Taliban", "anti-taliban"),
        ("Taliban", "taliban"),
    ]


def test_y_plural_and_prefix_terms() -> None:
    assert _find(["militia", "mercenary", "dehumaniz*"], "militias, mercenaries, dehumanizing") == [
        ("militias", "militia"),
        ("mercenaries", "mercenary"),
        ("dehumanizing", "dehumaniz*"),
    ]


def test_offsets_hold_when_lowercasing_changes_length() -> None:
    text = "İstanbul militants"
    assert _find(["militant"], text) == [("militants", "militant")]


def test_search_window() -> None:
    matcher = TermMatcher([("rebel", 1)])
    text = "rebels here, rebels there"
    assert [(m.start, m.end) for m in matcher.find(text, 10)] == [(13, 19)]
