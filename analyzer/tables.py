"""Per-article rows for the collection tables: labels, sources and per-actor sentiment."""

from __future__ import annotations

from collections import Counter
from typing import Any

from analyzer.analysis import Analysis
from analyzer.config import Config
from analyzer.signals.loaded import LABEL_TIERS  # re-exported: the tiers are defined there only
from analyzer.signals.sentiment import compound_of

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

    ``actor`` is set where the speaker is a story-pack actor (attributions resolve aliases).
    """
    doc = analysis.document
    quotes: Counter[tuple[str, str]] = Counter()
    mentions: Counter[tuple[str, str]] = Counter()
    for attribution in doc.attributions:
        if attribution.mode == "credit":
            continue  # "Image: Nick Moreau." credits a picture; the photographer is not a voice
        speaker = attribution.speaker or "unknown"
        key = (speaker, attribution.source_kind)
        mentions[key] += 1
        if attribution.mode == "direct":
            quotes[key] += 1
    actors = {a.name for a in config.story_pack.actors} if config.story_pack else set()
    return [
        {
            "outlet": doc.meta.outlet,
            "file": doc.meta.file,
            "speaker": speaker,
            "source_kind": kind,
            "actor": speaker if speaker in actors else None,
            "quotes": quotes[(speaker, kind)],
            "attributions": n,
        }
        for (speaker, kind), n in sorted(mentions.items())
    ]


def actor_sentiment_rows(analysis: Analysis, config: Config) -> list[dict[str, Any]]:
    """Mean VADER compound of the body sentences that name each story-pack actor."""
    pack = config.story_pack
    if pack is None:
        return []
    doc = analysis.document
    compounds: dict[str, list[float]] = {}
    for sentence in doc.sentences:
        named = {m.payload.name for m in pack.matcher.find(doc.text, sentence.start, sentence.end)}
        if named:
            compound = compound_of(doc.text[sentence.start : sentence.end])
            for actor in named:
                compounds.setdefault(actor, []).append(compound)
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
