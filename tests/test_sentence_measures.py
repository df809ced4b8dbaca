"""Sentence-level measures: sentiment spans carry each sentence's compound, readability reads the
document's own sentences, and every table shows the figures the scores were made from."""

from __future__ import annotations

import pytest

from analyzer.adapters.textstat_offline import readability, readability_of_sentences
from analyzer.analysis import analyze
from analyzer.signals.sentiment import compound_of
from analyzer.tables import actor_sentiment_rows

TEXT = (
    "The U.S. envoy praised the wonderful, peaceful talks.\n\n"
    "Militants killed six people in a horrific attack. He refused.\n\n"
    "The meeting is on Tuesday."
)


def test_every_body_sentence_is_one_sentiment_span_weighted_by_its_compound() -> None:
    result = analyze(TEXT)
    spans = result.spans_of("sentiment")
    assert [(s.start, s.end) for s in spans] == [
        (s.start, s.end) for s in result.document.sentences
    ]
    for span in spans:
        assert span.weight == compound_of(span.text)
    assert [s.label for s in spans][:2] == ["positive", "negative"]
    mean = sum(s.weight or 0.0 for s in spans) / len(spans)
    assert result.scores["sentiment_mean_compound"] == pytest.approx(mean)
    assert result.scores["sentiment_negative_share"] == pytest.approx(
        sum(s.label == "negative" for s in spans) / len(spans)
    )


def test_explain_json_sentences_carry_the_span_weights() -> None:
    result = analyze(TEXT)
    weights = [round(s.weight or 0.0, 4) for s in result.spans_of("sentiment")]
    assert [s["sentiment_compound"] for s in result.to_dict()["sentences"]] == weights


def test_sentence_measures_are_not_marks() -> None:
    result = analyze(TEXT)
    assert all(span.signal != "sentiment" for span in result.marks)
    assert len(result.marks) + len(result.spans_of("sentiment")) == len(result.spans)


def test_actor_sentiment_averages_the_sentences_naming_the_actor(seed_config) -> None:
    text = "The Taliban praised the wonderful talks. The Taliban killed six people in an attack."
    result = analyze(text, seed_config)
    rows = {row["actor"]: row for row in actor_sentiment_rows(result, seed_config)}
    compounds = [compound_of(s.text) for s in result.spans_of("sentiment")]
    assert rows["Taliban"]["sentences"] == 2
    assert rows["Taliban"]["sentiment_mean_compound"] == pytest.approx(sum(compounds) / 2)


def test_readability_counts_the_documents_sentences_not_textstats_split() -> None:
    # textstat ends a sentence at "U.S." and drops the two-word "He refused."; the document
    # knows both are inside / are sentences.
    sentences = ["The U.S. envoy praised the talks in Geneva on Monday.", "He refused."]
    ours = readability_of_sentences(sentences)
    words, syllables = 12, 17  # the(1) us(1) envoy(2) praised(1) ... geneva(3) monday(2) refused(2)
    grade = 0.39 * words / 2 + 11.8 * syllables / words - 15.59
    assert ours[0] == pytest.approx(grade)
    assert ours != readability(" ".join(sentences))


def test_readability_signal_reads_body_sentences_only() -> None:
    result = analyze(TEXT)
    doc = result.document
    expected = readability_of_sentences([doc.text[s.start : s.end] for s in doc.sentences])
    assert result.scores["readability_fk_grade"] == pytest.approx(expected[0])
    assert readability_of_sentences([]) == (0.0, 0.0)
