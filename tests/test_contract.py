"""The common contract every registered signal must keep (scikit-learn's check_estimator idea)."""

from __future__ import annotations

import math

import pytest

from analyzer.analysis import analyze
from analyzer.config import Config
from analyzer.document import build_document
from analyzer.signals import SIGNALS, Signal
from analyzer.span import SPAN_SIGNALS, VOICES

from .conftest import SEEDS

SAMPLES = {
    "empty": "",
    "whitespace": " \n\t\n ",
    "curly": "“The insurgents are terrorists,” he said. ‘Possibly’ not—officials claimed it.",
    "straight": 'He added, "We will never yield." Experts say the regime may fall.',
    "unicode": "Кабул: the Taliban\u200b militants — إرهابيين — clearly\u202e won. 🚀 Reportedly so.",
    "unbalanced": "surrender is not part of my vocabulary.” the Taliban said “they may",
    "no_newlines": "The militants may have fled. " * 400,
}


def _signal_ids(signal: Signal) -> str:
    return signal.name


def _seed_text() -> str:
    return (SEEDS / "001_5cfce197b09c6909.txt").read_text(encoding="utf-8")


@pytest.fixture(params=SIGNALS, ids=_signal_ids)
def signal(request: pytest.FixtureRequest) -> Signal:
    return request.param


def _check(signal: Signal, text: str, config: Config) -> None:
    doc = build_document(text, config=config)
    spans = signal.detect(doc, config)
    scores = signal.score(doc, spans)
    assert set(scores) == set(signal.feature_names), "score() keys must equal the declared features"
    for feature in signal.features:
        value = scores[feature.name]
        assert math.isfinite(value), f"{feature.name} is not finite on {text[:40]!r}"
        if feature.low is not None:
            assert value >= feature.low, feature.name
        if feature.high is not None:
            assert value <= feature.high, feature.name
    for span in spans:
        assert 0 <= span.start < span.end <= len(text), span
        assert text[span.start : span.end] == span.text, "span text must be the exact slice"
        assert span.signal in SPAN_SIGNALS
        assert span.voice is None or span.voice in VOICES
        assert span.rule, "every span says why it fired"
    again = signal.detect(build_document(text, config=config), config)
    assert again == spans, "detect() must be deterministic"


@pytest.mark.parametrize("sample", list(SAMPLES), ids=list(SAMPLES))
def test_signal_keeps_contract(signal: Signal, sample: str, seed_config: Config) -> None:
    _check(signal, SAMPLES[sample], seed_config)


def test_signal_keeps_contract_on_a_seed(signal: Signal, seed_config: Config) -> None:
    _check(signal, _seed_text(), seed_config)


def test_empty_text_gives_no_spans(signal: Signal) -> None:
    doc = build_document("")
    assert signal.detect(doc, Config()) == []


def test_analysis_spans_are_sorted_and_slice_exact(seed_config: Config) -> None:
    text = _seed_text()
    result = analyze(text, seed_config)
    keys = [span.sort_key for span in result.spans]
    assert keys == sorted(keys)
    assert all(text[s.start : s.end] == s.text for s in result.spans)
    declared = {name for signal in SIGNALS for name in signal.feature_names}
    assert set(result.scores) == declared


def test_one_megabyte_text_is_analysed(seed_config: Config) -> None:
    seed = _seed_text()
    text = (seed + "\n\n") * (1_000_000 // len(seed) + 1)
    assert len(text) >= 1_000_000
    result = analyze(text, seed_config)
    assert all(math.isfinite(v) for v in result.scores.values())
    assert all(text[s.start : s.end] == s.text for s in result.spans)
