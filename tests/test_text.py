"""The document model's text layers: lines, sentences, quotations, voice."""

from __future__ import annotations

from analyzer.config import Config
from analyzer.document import build_document
from analyzer.text.lines import split_lines
from analyzer.text.quotes import find_quotes
from analyzer.text.sentences import MAX_SENTENCE_CHARS, split_sentences

CLEAN = Config(strip_boilerplate=False)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def _quotes(text: str) -> list[str]:
    paragraphs = [(s, e) for s, e in split_lines(text) if s < e]
    return [text[q.content_start : q.content_end] for q in find_quotes(text, paragraphs)]


def test_lines_keep_offsets_for_every_line_break_style() -> None:
    text = "one\r\ntwo\rthree\nfour\u2028five"
    assert [text[s:e] for s, e in split_lines(text)] == ["one", "two", "three", "four", "five"]


def test_sentences_split_at_terminal_punctuation_not_at_abbreviations() -> None:
    text = (
        "Mr. Massoud met Gen. Smith in the U.S. on Friday. He left at 5 p.m. Then he spoke. "
        "Ahmad Massoud Jr. expressed his readiness."
    )
    assert _sentences(text) == [
        "Mr. Massoud met Gen. Smith in the U.S. on Friday.",
        "He left at 5 p.m. Then he spoke.",
        "Ahmad Massoud Jr. expressed his readiness.",
    ]


def test_a_post_on_x_ends_a_sentence_an_initial_does_not() -> None:
    text = "Katz wrote on X. Prime Minister Benjamin Netanyahu said it. Malcolm X. Little spoke."
    assert _sentences(text) == [
        "Katz wrote on X.",
        "Prime Minister Benjamin Netanyahu said it.",
        "Malcolm X. Little spoke.",
    ]


def test_sentence_ends_after_closing_quote() -> None:
    text = "“We will never yield.” He added more. Was it true? Yes!"
    assert _sentences(text) == ["“We will never yield.”", "He added more.", "Was it true?", "Yes!"]


def test_overlong_sentence_is_cut_at_spaces() -> None:
    text = "word " * 1000
    pieces = _sentences(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert "".join(p.replace(" ", "") for p in pieces) == text.replace(" ", "")


def test_mixed_straight_and_curly_marks_pair_up() -> None:
    text = 'then emphasized that "the resistance is alive.” Later he left.'
    assert _quotes(text) == ["the resistance is alive."]


def test_multi_paragraph_quote_opens_each_paragraph_and_closes_once() -> None:
    text = "“I write from the valley today.\n\n“We have stores of ammunition.”\n\nThe end."
    doc = build_document(text, config=CLEAN)
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert (
        text[quote.start : quote.end]
        == "“I write from the valley today.\n\n“We have stores of ammunition.”"
    )
    assert quote.rule.startswith("multi-paragraph")
    assert doc.voice_at(text.index("stores"), text.index("stores") + 6) == "quoted"
    assert doc.voice_at(text.index("end"), text.index("end") + 3) == "authorial"


def test_closing_mark_without_opening_infers_the_start_after_the_cue() -> None:
    text = "Massoud reportedly said that surrender is not part of my vocabulary.” The valley held."
    assert _quotes(text) == ["surrender is not part of my vocabulary."]


def test_opening_mark_never_closed_ends_with_its_paragraph() -> None:
    text = "He said “we will fight on\nThe next paragraph is the outlet's own."
    doc = build_document(text, config=CLEAN)
    assert [text[q.content_start : q.content_end] for q in doc.quotes] == ["we will fight on"]
    own = text.index("outlet")
    assert doc.voice_at(own, own + 6) == "authorial"


def test_single_quotes_are_told_apart_from_apostrophes() -> None:
    text = "They do not believe in 'Sharia' (Islamic law), said the Afghans’ leader’s aide."
    assert _quotes(text) == ["Sharia"]


def test_short_quotes_are_scare_quotes() -> None:
    doc = build_document("He called it the “Resistance 2.0” and his “hero” stood by.", config=CLEAN)
    assert [q.kind for q in doc.quotes] == ["short", "short"]


def test_a_nickname_inside_a_name_is_no_quotation() -> None:
    text = 'Hugo "El Pollo" Carvajal told prosecutors the regime was "protected from above".'
    assert _quotes(text) == ["protected from above"]


def test_one_stray_mark_does_not_void_other_quotes() -> None:
    text = "A stray ” mark here.\nLater: “We will never yield,” he said."
    assert "We will never yield," in _quotes(text)


def test_body_words_count_only_body_sentences() -> None:
    doc = build_document("One two three.\n\nFour five.", config=CLEAN)
    assert doc.body_words == 5
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "One two three.",
        "Four five.",
    ]
    assert doc.paragraph_index(doc.sentences[1].start) == 1


def test_a_short_statement_with_its_own_punctuation_is_a_direct_quote() -> None:
    doc = build_document('"We will never surrender," he said.', config=CLEAN)
    assert [q.kind for q in doc.quotes] == ["direct"]
