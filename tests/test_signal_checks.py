"""The common checks (``analyzer.signals.checks``) on every signal, and the scorecard against the
spans: every count-like column, recounted here from the spans ``analyze`` returns, must equal the
scorecard's figure on every seed and on 1,000 evaluation articles."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import replace

import pytest

from analyzer.analysis import Analysis, analyze
from analyzer.config import Config
from analyzer.document import Document, build_document
from analyzer.render.kinds import KIND_BY_KEY, kind_of
from analyzer.signals import SIGNALS, Signal
from analyzer.signals.base import rate
from analyzer.signals.checks import check_signal, check_signals
from analyzer.signals.loaded import FLAGGED_TIERS, LABEL_TIERS
from analyzer.span import SENTENCE_SIGNALS, VOICES, Span, make_span

from .conftest import EVAL_DIR, SEED_OUTLETS, require_eval, seed_meta

EDGE_TEXTS = {
    "empty": "",
    "whitespace": " \n\t\n ",
    "one word": "Terrorists",
    "one sentence": "Officials said the terrorists may have clearly withdrawn.",
    "one quotation": '"We will never surrender," the rebel commander said.',
    "furniture only": "Share this article\nLeave a Reply\nAlso Read :- Taliban news",
    "no body words": "!!! ??? ...",
}
#: Evaluation articles the scorecard is compared on (about 35 s to analyse).
EVAL_ARTICLES = 1000
#: Folders ``benchmarks/corpus.py`` reads, in its order; all must be present for a fixed sample.
EVAL_FOLDERS = ("aeb-scrapinghub", "horne2017-fakenews", "gum-attribution", "sfu-review-negspec")
SOURCE_KINDS = ("named", "organisation", "anonymous", "pronoun")


@pytest.fixture(params=SIGNALS, ids=lambda signal: signal.name)
def signal(request: pytest.FixtureRequest) -> Signal:
    return request.param


def _seed_documents(texts: dict[str, str], config: Config) -> list[Document]:
    return [build_document(texts[name], seed_meta(name), config) for name in SEED_OUTLETS]


def test_every_signal_passes_the_common_checks_on_the_seeds(
    signal: Signal, seed_texts: dict[str, str], seed_config: Config
) -> None:
    check_signal(signal, _seed_documents(seed_texts, seed_config), seed_config)


@pytest.mark.parametrize("name", list(EDGE_TEXTS))
def test_every_signal_passes_the_common_checks_on_edge_documents(
    signal: Signal, name: str, seed_config: Config
) -> None:
    check_signal(signal, [build_document(EDGE_TEXTS[name], config=seed_config)], seed_config)


def test_every_declared_kind_is_drawn_by_the_registry(signal: Signal) -> None:
    assert len(set(signal.kinds)) == len(signal.kinds), signal.name
    for span_signal, label in signal.kinds:
        span = make_span("x", 0, 1, signal=span_signal, label=label, rule="test")
        if span_signal in SENTENCE_SIGNALS:
            assert kind_of(span) is None, "a whole-sentence measure must not be drawn as a mark"
        else:
            assert kind_of(span) in KIND_BY_KEY, (signal.name, span_signal, label)


def test_document_level_features_are_the_declared_few() -> None:
    """A new span-backed column is the default; a document-level one is a decision, listed here."""
    document_level = {f.name for s in SIGNALS for f in s.features if not f.from_spans}
    assert document_level == {
        "boilerplate_share",
        "readability_fk_grade",
        "readability_flesch_ease",
        "body_words",
    }


# The battery must catch each kind of broken signal.
_DOC = build_document("Officials said the terrorists may have clearly withdrawn.")
_HEDGING = next(s for s in SIGNALS if s.name == "hedging")


def _broken(**changes: object) -> Signal:
    return replace(_HEDGING, name="broken", **changes)  # type: ignore[arg-type]


def _reads_document(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    return _HEDGING.score(doc, _HEDGING.detect(doc, Config()))


def _reads_first(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    scores = _HEDGING.score(doc, spans)
    scores["hedge_booster_balance"] = 1.0 if spans and spans[0].signal == "hedge" else 0.0
    return scores


def _out_of_range(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    return {**_HEDGING.score(doc, spans), "hedge_booster_balance": 2.0}


def _undeclared(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    return {**_HEDGING.score(doc, spans), "extra": 0.0}


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"score": _reads_document}, "no spans, no score"),
        ({"score": _reads_first}, "order free"),
        ({"score": _out_of_range}, "declared range"),
        ({"score": _undeclared}, "declared features"),
        ({"kinds": (("hedge", "modal"),)}, "declared kinds"),
    ],
    ids=["reads the document", "order", "range", "undeclared", "kinds"],
)
def test_the_checks_catch_a_broken_signal(changes: dict[str, object], check: str) -> None:
    with pytest.raises(AssertionError, match=f"broken on text .*: {check}"):
        check_signal(_broken(**changes), [_DOC])


def span_counts(spans: Sequence[Span], words: int) -> dict[str, float]:
    """Every count-like scorecard column, recounted from the spans alone."""

    def count(signal: str, label: str | None = None, voice: str | None = None) -> int:
        return sum(
            s.signal == signal and label in (None, s.label) and voice in (None, s.voice)
            for s in spans
        )

    counts: dict[str, float] = {"boilerplate_lines": count("boilerplate", "furniture")}
    for tier in LABEL_TIERS:
        column = tier.replace("-", "_")
        for voice in VOICES:
            counts[f"loaded_{column}_{voice}"] = count("loaded", tier, voice)
        counts[f"loaded_{column}_authorial_rate"] = rate(count("loaded", tier, "authorial"), words)
    counts["loaded_label_rate"] = rate(sum(count("loaded", tier) for tier in LABEL_TIERS), words)
    flags = sum(count("loaded", tier, "authorial") for tier in FLAGGED_TIERS)
    counts["loaded_style_flags"] = flags
    counts["loaded_style_flag_rate"] = rate(flags, words)
    for column, label in (("language", "loaded-language"), ("emotive", "emotive")):
        counts[f"loaded_{column}_rate"] = rate(count("loaded", label), words)
        counts[f"loaded_{column}_authorial_rate"] = rate(count("loaded", label, "authorial"), words)
    counts["loaded_unresolved"] = sum(
        s.signal == "loaded" and s.label in LABEL_TIERS and s.actor == "unresolved" for s in spans
    )
    for category in ("hedge", "booster", "weasel", "distancing"):
        counts[f"{category}_rate"] = rate(count(category), words)
        counts[f"{category}_authorial_rate"] = rate(count(category, voice="authorial"), words)
    cues = [s for s in spans if s.signal == "attribution" and s.label != "credit"]
    counts["attribution_rate"] = rate(len(cues), words)
    counts["quote_direct_count"] = count("quote", "direct")
    counts["quote_direct_rate"] = rate(count("quote", "direct"), words)
    for kind in SOURCE_KINDS:
        counts[f"source_{kind}_count"] = sum(s.source_kind == kind for s in cues)
    counts["source_anonymous_rate"] = rate(counts["source_anonymous_count"], words)
    counts["voice_side_count"] = len({s.actor for s in spans if s.signal == "voice"})
    references = ("document", "study", "data", "official statement")
    counts["evidence_reference_rate"] = rate(sum(count("evidence", r) for r in references), words)
    counts["evidence_date_rate"] = rate(count("evidence", "date"), words)
    counts["evidence_link_count"] = count("evidence", "link")
    not_cues = ("headline", "unsupported word", "label absent from body")
    counts["headline_clickbait_count"] = sum(
        s.signal == "headline" and s.label not in not_cues for s in spans
    )
    counts["headline_label_absent_count"] = count("headline", "label absent from body")
    counts["page_donation_ask_count"] = count("page", "donation ask")
    counts["page_ad_teaser_count"] = count("page", "ad or teaser")
    return {name: float(value) for name, value in counts.items()}


def _disagreements(analysis: Analysis) -> dict[str, tuple[float, float]]:
    """(scorecard, recount) for every column where the two differ."""
    recount = span_counts(analysis.spans, analysis.document.body_words)
    return {
        name: (analysis.scores[name], value)
        for name, value in recount.items()
        if not math.isclose(analysis.scores[name], value, rel_tol=1e-12, abs_tol=1e-12)
    }


def test_the_recount_covers_every_count_and_rate_column() -> None:
    counted = {
        f.name
        for s in SIGNALS
        for f in s.features
        if f.from_spans and f.unit in ("count", "per 1,000 body words")
    }
    assert counted - {"source_distinct_count"} == set(span_counts([], 0))


def test_scorecard_counts_equal_the_spans_on_every_seed(
    seed_texts: dict[str, str], seed_config: Config
) -> None:
    for name in SEED_OUTLETS:
        analysis = analyze(seed_texts[name], seed_config, meta=seed_meta(name))
        assert _disagreements(analysis) == {}, name


@functools.cache
def _eval_analyses() -> tuple[Analysis, ...]:
    from benchmarks.corpus import plain_text_articles

    articles = plain_text_articles(EVAL_DIR)[:EVAL_ARTICLES]
    return tuple(analyze(article) for article in articles)


def _require_eval_corpus() -> tuple[Analysis, ...]:
    for folder in EVAL_FOLDERS:
        require_eval(folder)
    analyses = _eval_analyses()
    assert len(analyses) == EVAL_ARTICLES
    return analyses


@pytest.mark.eval
def test_scorecard_counts_equal_the_spans_on_eval_articles() -> None:
    wrong = {}
    for analysis in _require_eval_corpus():
        if disagreements := _disagreements(analysis):
            wrong[analysis.meta.file] = disagreements
    assert wrong == {}, f"{len(wrong)} articles: {dict(list(wrong.items())[:3])}"


@pytest.mark.eval
def test_every_signal_passes_the_common_checks_on_eval_articles() -> None:
    documents = [analysis.document for analysis in _require_eval_corpus()]
    check_signals(SIGNALS, documents)
