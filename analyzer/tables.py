"""Per-article rows for the collection tables: labels, sources and per-actor sentiment."""

from __future__ import annotations

from collections import Counter
from typing import Any

from analyzer.analysis import Analysis
from analyzer.config import Config
from analyzer.signals.attribution import heard
from analyzer.signals.attribution import source_rows as speaker_rows
from analyzer.signals.loaded import LABEL_TIERS  # re-exported: the tiers are defined there only

__all__ = ["LABEL_TIERS", "actor_sentiment_rows", "label_rows", "source_rows"]


def label_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """Actor x term x tier x voice counts of the actor labels in one article."""
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for span in analysis.spans:
        if span.signal == "loaded" and span.label in LABEL_TIERS:
            term = span.term or span.text.lower()
            counts[(span.actor or "unresolved", term, span.label, span.voice or "authorial")] += 1
    outlet = analysis.meta.outlet
    return [
        {"outlet": outlet, "actor": actor, "term": term, "tier": tier, "voice": voice, "count": n}
        for (actor, term, tier, voice), n in sorted(counts.items())
    ]


def source_rows(analysis: Analysis, config: Config) -> list[dict[str, Any]]:
    """Whose voices are heard: per speaker, how many direct quotes and attributions.

    Read from the attributions behind the highlighted cues, so the table counts what the
    article view shows and what the attribution scores count. ``actor`` is the story-pack actor
    the speaker is (attributions resolve aliases), else None. ``config`` is the one the article
    was analysed with; the story pack has already done its work in the attributions.
    """
    doc = analysis.document
    return [
        {
            "outlet": doc.meta.outlet,
            "file": doc.meta.file,
            "speaker": row["speaker"],
            "source_kind": row["kind"],
            "actor": row["actor"],
            "quotes": row["quotes"],
            "attributions": row["attributions"],
        }
        for row in sorted(speaker_rows(doc, heard(doc, analysis.spans)), key=_by_speaker)
    ]


def _by_speaker(row: dict[str, Any]) -> tuple[str, str]:
    return (row["speaker"], row["kind"])


def actor_sentiment_rows(analysis: Analysis, config: Config) -> list[dict[str, Any]]:
    """Mean VADER compound of the body sentences that name each story-pack actor."""
    pack = config.story_pack
    if pack is None:
        return []
    doc = analysis.document
    compounds: dict[str, list[float]] = {}
    for sentence in analysis.spans_of("sentiment"):
        named = {m.payload.name for m in pack.matcher.find(doc.text, sentence.start, sentence.end)}
        for actor in named:
            compounds.setdefault(actor, []).append(sentence.weight or 0.0)
    return [
        {
            "outlet": doc.meta.outlet,
            "file": doc.meta.file,
            "actor": actor,
            "sentences": len(values),
            "sentiment_mean_compound": sum(values) / len(values),
        }
        for actor, values in sorted(compounds.items())
    ]
