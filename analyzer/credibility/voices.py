"""Whose voices are heard: every source linked to the side it speaks for, and their quoted words.

With a story pack, a source speaks for a pack actor when the attribution resolved it to one
("Massoud said"), or when its phrase names one ("a Taliban spokesman", "NRF officials"); a
person actor speaks for its ``side`` ("Ahmad Massoud" for the National Resistance Front).
Without one, the side is found in the text (:mod:`analyzer.credibility.sides`): the group,
institution or country the source phrase names, or a named person's affiliation, else the
person.

Span kinds (signal ``voice``, ``actor`` the side):

=================  ===========================================================================
``source``         the source phrase (or, without one, the cue) of an attribution that speaks
                   for a side.
``quoted words``   a direct quotation attributed to a source that speaks for a side; its words
                   are the side's share of quoted words.
=================  ===========================================================================
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from analyzer.config import Config
from analyzer.credibility.sides import found_sides
from analyzer.document import Document
from analyzer.span import Span, make_span
from analyzer.storypack import StoryPack
from analyzer.text.attributions import Attribution

LABELS = ("source", "quoted words")


def side_of(doc: Document, attribution: Attribution, pack: StoryPack) -> str | None:
    """The story-pack side an attribution's source speaks for, or None."""
    if attribution.actor is not None:
        actor = pack.actor(attribution.actor)
        if actor is not None:
            return actor.speaks_for
    if attribution.source_start is None or attribution.source_end is None:
        return None
    named = pack.matcher.find(doc.text, attribution.source_start, attribution.source_end)
    return named[0].payload.speaks_for if named else None


def detect_voices(doc: Document, config: Config) -> list[Span]:
    """A ``source`` span per attribution with a side, a ``quoted words`` span per its quotation."""
    pack = config.story_pack
    found = found_sides(doc) if pack is None else {}
    text = doc.text
    spans: dict[tuple[int, int, str], Span] = {}
    for position, a in enumerate(doc.attributions):
        if a.mode == "credit":
            continue  # a picture credit gives nobody a voice
        side = side_of(doc, a, pack) if pack is not None else found.get(position)
        if side is None:
            continue
        start, end = (
            (a.source_start, a.source_end)
            if a.source_start is not None and a.source_end is not None
            else (a.cue_start, a.cue_end)
        )
        source = text[start:end]
        why = f"'{source}' speaks for {side} ({a.mode} attribution, cue '{a.cue}')"
        spans.setdefault(
            (start, end, "source"),
            make_span(
                text, start, end, signal="voice", label="source", rule=why, actor=side,
                source=source, source_kind=a.source_kind,
            ),
        )  # fmt: skip
        if a.quote_index is not None:
            quote = doc.quotes[a.quote_index]
            if quote.content_start < quote.content_end:
                spans.setdefault(
                    (quote.content_start, quote.content_end, "quoted words"),
                    make_span(
                        text, quote.content_start, quote.content_end, signal="voice",
                        label="quoted words", rule=f"words quoted from {source}, for {side}",
                        voice="quoted", actor=side, source=source, source_kind=a.source_kind,
                    ),
                )  # fmt: skip
    return sorted(spans.values(), key=lambda span: span.sort_key)


def quoted_words_by_side(spans: list[Span] | tuple[Span, ...]) -> Counter[str]:
    """Words inside ``quoted words`` spans, per side."""
    words: Counter[str] = Counter()
    for span in spans:
        if span.signal == "voice" and span.label == "quoted words" and span.actor:
            words[span.actor] += len(span.text.split())
    return words


def voice_rows(
    spans: list[Span] | tuple[Span, ...], outlet: str, file: str | None
) -> list[dict[str, Any]]:
    """Per side heard in one article: sources, quotations and quoted words.

    Returns
    -------
    list of dict
        ``outlet``, ``file``, ``side``, ``sources`` (attributions that speak for the side),
        ``quotes`` and ``quoted_words``; sides in name order.
    """
    sources: Counter[str] = Counter()
    quotes: Counter[str] = Counter()
    for span in spans:
        if span.signal == "voice" and span.actor:
            if span.label == "source":
                sources[span.actor] += 1
            else:
                quotes[span.actor] += 1
    words = quoted_words_by_side(spans)
    return [
        {
            "outlet": outlet,
            "file": file,
            "side": side,
            "sources": sources[side],
            "quotes": quotes[side],
            "quoted_words": words[side],
        }
        for side in sorted(set(sources) | set(quotes))
    ]
