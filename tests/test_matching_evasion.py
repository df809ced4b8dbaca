"""Invisible and look-alike characters must not hide a lexicon term from the matcher.

Each evasion is matched on a folded view of the text; the offsets reported must still slice the
original text exactly, with no dropped character hanging at either edge of a span.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer import tables
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.matching import TermMatcher, fold
from analyzer.signals import loaded

TERMS = ["terrorist", "freedom fighter", "Massoud's", "regime", "militant"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
WHITESPACE = ["\u00a0", "\n", "\r\n", "\t", "  ", " \u00a0 ", "\u3000", "\u2028"]


def _matcher() -> TermMatcher[str]:
    return TermMatcher((t, t) for t in TERMS)


def _find(text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.payload) for m in _matcher().find(text)]


def _fullwidth(word: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in word)


@pytest.mark.parametrize("mark", INVISIBLE)
def test_an_invisible_character_inside_a_word_does_not_hide_it(mark: str) -> None:
    word = f"terr{mark}orists"
    text = f"They called them {word} again."
    start = text.index(word)
    assert _find(text) == [(start, start + len(word), "terrorist")]


def test_full_width_and_mathematical_letters_are_folded() -> None:
    wide = _fullwidth("terrorists")
    bold = "".join(chr(0x1D41A + ord(ch) - ord("a")) for ch in "militant")  # 𝐦𝐢𝐥𝐢𝐭𝐚𝐧𝐭
    text = f"The {wide} and a {bold}."
    assert _find(text) == [
        (4, 4 + len(wide), "terrorist"),
        (text.index(bold), text.index(bold) + len(bold), "militant"),
    ]


def test_cyrillic_and_greek_look_alikes_in_a_latin_word_are_folded() -> None:
    # Cyrillic е, Т and с; Greek Μ, Ι, Τ, Α, Ν beside a Latin L.
    text = "tеrrorists, Тerrorists, the rеgimе and а ΜΙLΙΤΑΝΤ"
    assert [(text[s:e], p) for s, e, p in _find(text)] == [
        ("tеrrorists", "terrorist"),
        ("Тerrorists", "terrorist"),
        ("rеgimе", "regime"),
        ("ΜΙLΙΤΑΝΤ", "militant"),
    ]


def test_russian_and_greek_prose_is_left_alone() -> None:
    text = "Россия: сор, режим; ΡΕΓΙΜΕ и ТОР"
    assert fold(text) == text
    assert _find(text) == []


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc", "\uff07"])
def test_any_apostrophe_matches_a_term_written_with_either(apostrophe: str) -> None:
    text = f"Ahmad Massoud{apostrophe}s fighters"
    assert _find(text) == [(6, 15, "Massoud's")]
    curly = TermMatcher([("Massoud\u2019s", "curly")])
    assert [(m.start, m.end) for m in curly.find(text)] == [(6, 15)]


@pytest.mark.parametrize("gap", WHITESPACE)
def test_any_whitespace_run_inside_a_multi_word_term_matches(gap: str) -> None:
    text = f"so-called freedom{gap}fighters, they said"
    end = text.index("fighters") + len("fighters")
    assert _find(text) == [(10, end, "freedom fighter")]


@pytest.mark.parametrize("blank_line", ["\n\n", "\n \n", "\r\n\r\n", "\n\u200b\n"])
def test_a_term_does_not_run_across_a_blank_line(blank_line: str) -> None:
    assert _find(f"a fight for freedom{blank_line}fighters gathered") == []


def test_non_breaking_hyphen_matches_a_hyphenated_variant() -> None:
    text = "freedom\u2011fighters and freedom\u2010fighters"
    assert [(s, e) for s, e, _ in _find(text)] == [(0, 16), (21, 37)]


def test_dropped_characters_stay_outside_the_span() -> None:
    text = "\u200b\u00adterrorists\u200b\ufeff; \u2060regime\u00ad"
    assert [text[s:e] for s, e, _ in _find(text)] == ["terrorists", "regime"]


def test_an_invisible_character_does_not_split_one_word_into_two() -> None:
    # Rendered, this is "counterterrorism" and "regimental": neither contains a listed word.
    assert _find("counter\u200bterrorist regime\u200bntal") == []


def test_ordinary_text_is_matched_as_before() -> None:
    text = "Militants of the regime, terrorists' bases and freedom-fighters."
    assert [(text[s:e], p) for s, e, p in _find(text)] == [
        ("Militants", "militant"),
        ("regime", "regime"),
        ("terrorists", "terrorist"),
        ("freedom-fighters", "freedom fighter"),
    ]


def test_search_window_offsets_are_in_the_whole_text() -> None:
    text = "regime\u200b terr\u200borists. Then ｒｅｇｉｍｅ, regime"
    window_start, window_end = 8, text.index(",")
    found = _matcher().find(text, window_start, window_end)
    assert [text[m.start : m.end] for m in found] == ["terr\u200borists", "ｒｅｇｉｍｅ"]


def test_case_sensitive_terms_match_their_folded_form_only() -> None:
    matcher = TermMatcher([("US", "country")], case_sensitive=lambda term: term.isupper())
    text = "the ＵＳ told us and the U\u200bS"
    assert [text[m.start : m.end] for m in matcher.find(text)] == ["ＵＳ", "U\u200bS"]


def test_fold_is_what_the_matcher_sees() -> None:
    assert fold("ｆｒｅｅｄｏｍ\u00a0\n fi\u00adghter\u2019s") == "freedom fighter's"
    assert fold("plain text stays") == "plain text stays"


def test_the_loaded_signal_reports_an_evaded_label_at_its_original_offsets() -> None:
    config = Config(strip_boilerplate=False)
    text = "Officials said the terr\u200borists and the ｔｅｒｒｏｒｉｓｔｓ fled the city on Monday.\n"
    spans = loaded.detect(build_document(text, config=config), config)
    labels = [s for s in spans if s.label in tables.LABEL_TIERS]
    assert [(s.text, text[s.start : s.end]) for s in labels] == [
        ("terr\u200borists", "terr\u200borists"),
        ("ｔｅｒｒｏｒｉｓｔｓ", "ｔｅｒｒｏｒｉｓｔｓ"),
    ]


_EVASIVE = st.sampled_from([*INVISIBLE, *WHITESPACE, "\u2019", "\u2011", "ｔ", "ﬁ", "İ", "е", "Т"])
_WORDS = st.sampled_from(["terrorist", "freedom", "fighters", "Massoud's", "regime", "of", "the"])


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_WORDS, min_size=1, max_size=12),
    insertions=st.lists(st.tuples(st.integers(0, 10_000), _EVASIVE), max_size=12),
)
def test_offsets_are_slice_exact_with_random_insertions(
    words: list[str], insertions: list[tuple[int, str]]
) -> None:
    text = " ".join(words)
    for position, chars in insertions:
        at = position % (len(text) + 1)
        text = text[:at] + chars + text[at:]
    found = _matcher().find(text)
    previous_end = 0
    for match in found:
        assert previous_end <= match.start < match.end <= len(text)
        surface = text[match.start : match.end]
        assert fold(surface) == fold(surface).strip(), "a span starts or ends on a dropped char"
        assert fold(surface[0]) != "" and fold(surface[-1]) != ""
        previous_end = match.end


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_WORDS, min_size=1, max_size=12),
    gaps=st.lists(st.sampled_from([" ", *WHITESPACE]), min_size=12, max_size=12),
    marks=st.lists(st.tuples(st.integers(0, 20), st.sampled_from(INVISIBLE)), max_size=12),
    wide=st.lists(st.booleans(), min_size=12, max_size=12),
    cyrillic_e=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_evasions_find_the_same_terms_as_the_plain_text(
    words: list[str],
    gaps: list[str],
    marks: list[tuple[int, str]],
    wide: list[bool],
    cyrillic_e: list[bool],
) -> None:
    plain = " ".join(words)
    disguised_words = [w.replace("e", "е") if cyrillic_e[i] else w for i, w in enumerate(words)]
    disguised_words = [_fullwidth(w) if wide[i] else w for i, w in enumerate(disguised_words)]
    for i, (position, mark) in enumerate(marks[: len(words)]):
        word = disguised_words[i]
        at = position % (len(word) + 1)
        disguised_words[i] = word[:at] + mark + word[at:]
    disguised = disguised_words[0]
    for gap, word in zip(gaps, disguised_words[1:], strict=False):
        disguised += gap + word
    expected = [(plain[m.start : m.end].lower(), m.payload) for m in _matcher().find(plain)]
    found = _matcher().find(disguised)
    assert [(fold(disguised[m.start : m.end]).lower(), m.payload) for m in found] == expected
