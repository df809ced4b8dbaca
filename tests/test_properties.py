"""Property tests: ``analyze`` and the document model hold their promises on any string.

Hypothesis draws arbitrary text (and text built from the characters that break news parsers:
every kind of quote mark, zero-width and bidirectional controls, odd line breaks) and checks
what every user relies on: no exception, spans that index the text exactly, the same answer
twice, and every score finite and inside the range its feature declares.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analyzer.analysis import analyze
from analyzer.config import Config
from analyzer.document import Article, Document, build_document
from analyzer.io.readers import iter_articles
from analyzer.signals import all_features
from analyzer.span import SPAN_SIGNALS, VOICES

#: 100 examples keep the suite fast; FRAMESCOPE_FUZZ_EXAMPLES=5000 runs a deeper search.
EXAMPLES = int(os.environ.get("FRAMESCOPE_FUZZ_EXAMPLES", "100"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Straight, curly, low-9, guillemet, prime and CJK quote marks, plus apostrophe look-alikes.
QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›″′「」『』`´"
#: Zero-width, joiners, BOM, and the bidirectional embeddings, overrides and isolates.
INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Every line break str.splitlines knows, and the lone surrogate-free extremes of Unicode.
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\n\n"]
WORDS = [
    "the",
    "Taliban",
    "militants",
    "terrorists",
    "said",
    "according to",
    "officials",
    "may",
    "clearly",
    "reportedly",
    "claimed",
    "Masud",
    "it is believed",
    "experts say",
    "—",
    ".",
    ",",
    "?",
    "!",
    "Кабул",
    "إرهابيين",
    "民兵",
    "🚀",
    "Leave a Reply",
    "Share",
    "Also Read :-",
]

#: News-like text assembled from words, quote marks, invisibles and line breaks, so the quote,
#: sentence and attribution finders meet their hard cases far more often than with random text.
newsish = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(list(QUOTE_MARKS)),
        st.sampled_from(list(INVISIBLES)),
        st.sampled_from(BREAKS),
        st.just(" "),
    ),
    max_size=200,
).map(" ".join)

any_text = st.text(max_size=500)

FEATURES = all_features()


def _check_analysis(text: str, config: Config) -> None:
    result = analyze(text, config)
    assert set(result.scores) == {feature.name for feature in FEATURES}
    for feature in FEATURES:
        value = result.scores[feature.name]
        assert math.isfinite(value), (feature.name, value)
        if feature.low is not None:
            assert value >= feature.low, (feature.name, value)
        if feature.high is not None:
            assert value <= feature.high, (feature.name, value)
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span
        assert span.signal in SPAN_SIGNALS and (span.voice is None or span.voice in VOICES)
    keys = [span.sort_key for span in result.spans]
    assert keys == sorted(keys)
    again = analyze(text, config)
    assert again.spans == result.spans, "analyze must be deterministic"
    assert dict(again.scores) == dict(result.scores)


@FAST
@given(any_text)
def test_analyze_holds_on_arbitrary_text(text: str) -> None:
    _check_analysis(text, Config())


@FAST
@given(text=newsish)
def test_analyze_holds_on_news_like_text_with_a_story_pack(text: str, seed_config: Config) -> None:
    _check_analysis(text, seed_config)


@FAST
@given(text=newsish)
def test_analyze_holds_without_boilerplate_stripping(text: str) -> None:
    _check_analysis(text, Config(strip_boilerplate=False))


def _check_layers(doc: Document) -> None:
    text, n = doc.text, len(doc.text)
    cursor = 0
    for line in doc.lines:
        assert cursor <= line.start <= line.end <= n
        assert not any(ch in "\n\r" for ch in text[line.start : line.end])
        cursor = line.end
    previous_end = 0
    for start, end in doc.paragraphs:
        assert previous_end <= start < end <= n, "paragraphs are ordered, disjoint and non-empty"
        previous_end = end
    previous_end = 0
    for sentence in doc.sentences:
        assert previous_end <= sentence.start < sentence.end <= n
        p_start, p_end = doc.paragraphs[sentence.paragraph]
        assert p_start <= sentence.start and sentence.end <= p_end
        previous_end = sentence.end
    for quote in doc.quotes:
        assert 0 <= quote.start <= quote.content_start <= quote.content_end <= quote.end <= n
        assert doc.voice_at(quote.content_start, quote.content_end) in VOICES
    for attribution in doc.attributions:
        assert 0 <= attribution.cue_start < attribution.cue_end <= n
        assert 0 <= attribution.content_start <= attribution.content_end <= n
        if attribution.source_start is not None:
            assert attribution.source_end is not None
            assert 0 <= attribution.source_start < attribution.source_end <= n
        assert 0 <= attribution.sentence_index < len(doc.sentences)
        if attribution.quote_index is not None:
            assert 0 <= attribution.quote_index < len(doc.quotes)
    assert doc.body_words >= 0
    assert 0 <= doc.body_chars + doc.furniture_chars <= n


@FAST
@given(text=newsish)
def test_document_layers_index_the_text(text: str) -> None:
    _check_layers(build_document(text))


@FAST
@given(st.text(alphabet=QUOTE_MARKS + INVISIBLES + "ab .,\n", max_size=400))
def test_document_survives_quote_marks_and_invisible_characters_only(text: str) -> None:
    _check_layers(build_document(text))


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(WORDS), st.integers(min_value=2_000, max_value=20_000))
def test_one_very_long_line_without_newlines(word: str, repeats: int) -> None:
    text = f"“{word} militants may,” said officials {word}. " * (repeats // 10)
    assert "\n" not in text
    doc = build_document(text)
    _check_layers(doc)
    result = analyze(text)
    assert all(text[s.start : s.end] == s.text for s in result.spans)
    assert all(math.isfinite(v) for v in result.scores.values())


def test_right_to_left_override_does_not_shift_offsets() -> None:
    # An RLO hides "terrorists" backwards on screen; offsets must still index the stored text.
    text = "Officials said the \u202estsirorret\u202c were \u200bmilitants, reportedly."
    result = analyze(text)
    for span in result.spans:
        assert text[span.start : span.end] == span.text
    hedges = [s.text for s in result.spans if s.signal == "hedge"]
    assert hedges == ["reportedly"]


# --- JSON Lines: every record comes back --------------------------------------------------------

#: Any text JSON can hold (no lone surrogates), with the characters str.splitlines() splits on
#: and the C1 and DEL controls json.dumps(ensure_ascii=False) writes raw drawn often.
json_text = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(["\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e", "\x0b", "\x0c",
                         "\r", "\n", "\x7f", "\x9b", "\ufeff"]),
    ),
    min_size=1,
    max_size=60,
)  # fmt: skip
#: A record the reader scores as plain text: some non-blank text not opening like an HTML page.
article_text = json_text.filter(lambda text: text.strip() and not text.lstrip().startswith("<"))


def _write_json_dumps(records: list[dict[str, str]], path: Path, ascii_only: bool) -> None:
    lines = [json.dumps(record, ensure_ascii=ascii_only) for record in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_pandas(records: list[dict[str, str]], path: Path, ascii_only: bool) -> None:
    pd.DataFrame(records).to_json(path, orient="records", lines=True, force_ascii=ascii_only)


@pytest.mark.parametrize("ascii_only", [False, True], ids=["raw", "ascii"])
@pytest.mark.parametrize("write", [_write_json_dumps, _write_pandas], ids=["json", "pandas"])
@FAST
@given(records=st.lists(st.tuples(article_text, json_text), min_size=1, max_size=5))
@example(records=[("The militants\u2028withdrew,\u2029officials\x85said.", "A\u2028B"), ("x", "y")])
def test_jsonl_records_come_back_identical(
    write: Callable[[list[dict[str, str]], Path, bool], None],
    ascii_only: bool,
    records: list[tuple[str, str]],
) -> None:
    # The readers give every text NFC-normalised (escaped or raw alike), so that is what comes back.
    nfc = [(unicodedata.normalize("NFC", t), unicodedata.normalize("NFC", o)) for t, o in records]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.jsonl"
        write([{"text": t, "outlet": o} for t, o in records], path, ascii_only)
        items = list(iter_articles([path]))
    assert all(isinstance(item, Article) for item in items), items
    articles = [item for item in items if isinstance(item, Article)]
    assert [(article.text, article.meta.outlet) for article in articles] == nfc
