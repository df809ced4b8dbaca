"""The common checks every signal must pass, importable like scikit-learn's ``check_estimator``.

:func:`check_signal` runs a signal on documents and holds its scores to its own declarations:

- **no spans, no score**: ``score(doc, [])`` is 0.0 for every span-backed feature
  (:attr:`Feature.from_spans`), so every such figure stands for highlighted evidence;
- **order does not matter**: shuffled spans give identical scores;
- **declared kinds**: every span's (``signal``, ``label``) is one the signal declares
  (:attr:`Signal.kinds`);
- **declared ranges**: every feature lies in its declared ``[low, high]``, and ``score`` returns
  exactly the declared features.

A failed check raises :class:`AssertionError` naming the signal, the check and the document.

Examples
--------
>>> from analyzer.document import build_document
>>> from analyzer.signals import SIGNALS
>>> from analyzer.signals.checks import check_signals
>>> check_signals(SIGNALS, [build_document("Officials said the rebels may withdraw.")])
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence

from analyzer.config import DEFAULT_CONFIG, Config
from analyzer.document import Document
from analyzer.signals.base import Signal
from analyzer.span import Span

#: Shuffles tried per document; the seed is fixed so a failure repeats.
SHUFFLES = 3
SHUFFLE_SEED = 0


def check_signal(
    signal: Signal, documents: Iterable[Document], config: Config = DEFAULT_CONFIG
) -> None:
    """Run every common check on ``signal`` over ``documents``.

    Parameters
    ----------
    signal : Signal
        The signal to check.
    documents : iterable of Document
        Documents built with :func:`analyzer.document.build_document` (and ``config``).
    config : Config
        Passed to ``detect``.

    Raises
    ------
    AssertionError
        On the first failed check, naming the signal, the check and the document.
    """
    for doc in documents:
        spans = signal.detect(doc, config)
        where = f"{signal.name} on {_describe(doc)}"
        scores = signal.score(doc, spans)
        check_declared_features(signal, scores, where)
        check_declared_kinds(signal, spans, where)
        check_no_spans_no_score(signal, doc, where)
        check_order_free(signal, doc, spans, scores, where)


def check_signals(
    signals: Sequence[Signal], documents: Iterable[Document], config: Config = DEFAULT_CONFIG
) -> None:
    """:func:`check_signal` for each of ``signals`` (the documents are read once)."""
    docs = list(documents)
    for signal in signals:
        check_signal(signal, docs, config)


def check_declared_features(signal: Signal, scores: dict[str, float], where: str) -> None:
    """``score`` returns exactly the declared features, each finite and in its declared range."""
    declared = set(signal.feature_names)
    if set(scores) != declared:
        extra, missing = sorted(set(scores) - declared), sorted(declared - set(scores))
        raise AssertionError(
            f"{where}: declared features: score() returned undeclared {extra} and lacks {missing}"
        )
    for feature in signal.features:
        value = scores[feature.name]
        low = -math.inf if feature.low is None else feature.low
        high = math.inf if feature.high is None else feature.high
        if not (math.isfinite(value) and low <= value <= high):
            raise AssertionError(
                f"{where}: declared range: {feature.name} = {value!r} lies outside "
                f"[{feature.low}, {feature.high}]"
            )


def check_declared_kinds(signal: Signal, spans: Sequence[Span], where: str) -> None:
    """Every span's (``signal``, ``label``) is one of the signal's declared kinds."""
    kinds = set(signal.kinds)
    for span in spans:
        if (span.signal, span.label) not in kinds:
            raise AssertionError(
                f"{where}: declared kinds: span ({span.signal!r}, {span.label!r}) at "
                f"{span.start}-{span.end} ({span.text!r}) is not among {sorted(kinds)}"
            )


def check_no_spans_no_score(signal: Signal, doc: Document, where: str) -> None:
    """``score(doc, [])`` is 0.0 for every span-backed feature."""
    scores = signal.score(doc, [])
    nonzero = {name: scores[name] for name in signal.span_features if scores[name] != 0.0}
    if nonzero:
        raise AssertionError(
            f"{where}: no spans, no score: span-backed features are not 0.0 without spans: "
            f"{nonzero} (compute them from the spans, or declare them from_spans=False)"
        )


def check_order_free(
    signal: Signal, doc: Document, spans: Sequence[Span], scores: dict[str, float], where: str
) -> None:
    """Shuffled spans give identical scores."""
    rng = random.Random(SHUFFLE_SEED)
    for _ in range(SHUFFLES if len(spans) > 1 else 0):
        shuffled = list(spans)
        rng.shuffle(shuffled)
        again = signal.score(doc, shuffled)
        changed = sorted(name for name in scores if again[name] != scores[name])
        if changed:
            raise AssertionError(f"{where}: order free: shuffled spans change {changed}")


def _describe(doc: Document) -> str:
    if doc.meta.file:
        return doc.meta.file
    head = doc.text[:40]
    return f"text {head!r}" + ("..." if len(doc.text) > 40 else "")
