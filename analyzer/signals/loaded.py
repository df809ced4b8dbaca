"""Placeholder: the loaded signal lands here."""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.config import Config
from analyzer.document import Document
from analyzer.signals.base import Signal
from analyzer.span import Span


def detect(doc: Document, config: Config) -> list[Span]:
    return []


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    return {}


SIGNAL = Signal("loaded", (), detect, score)
