"""Attribution: who is quoted or reported, how, and how much of the article rests on named voices.

Reads the document's quotations and attributions (computed once, :mod:`analyzer.text.attributions`)
and emits two kinds of span:

- ``quote``: every quotation, ``label`` ``direct`` (a statement) or ``short`` (a scare or partial
  quote), with the source of the attribution that covers it when one was found;
- ``attribution``: every cue, ``label`` the mode (``direct``, ``indirect``, ``according_to``, or
  ``credit`` for a picture credit line, shown but counted as no voice),
  ``source`` as written, ``source_kind`` (named, organisation, anonymous, pronoun, unknown),
  ``actor`` (story-pack actor, when the source resolves to one) and ``term`` (the cue's base form).

:func:`source_rows` lists whose voices an article lets the reader hear.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from analyzer.config import Config
from analyzer.document import Document
from analyzer.signals.base import (
    Feature,
    Signal,
    count_feature,
    rate,
    rate_feature,
    share,
    share_feature,
)
from analyzer.span import Span, make_span
from analyzer.text.attributions import ATTRIBUTION_MODES, Attribution

#: Kinds that name who speaks (DOMAIN.md: "a named person or organisation says").
NAMED_KINDS = ("named", "organisation")
#: Order in which a speaker's kind is reported when its attributions disagree.
_KIND_ORDER = ("named", "organisation", "anonymous", "unknown", "pronoun")
#: Kinds of quotation (:mod:`analyzer.text.quotes`): a statement, or a scare or partial quote.
QUOTE_KINDS = ("direct", "short")
#: The span kinds the signal emits: quotations by kind, cues by mode.
KINDS = (
    *(("quote", kind) for kind in QUOTE_KINDS),
    *(("attribution", mode) for mode in ATTRIBUTION_MODES),
)

FEATURES: tuple[Feature, ...] = (
    share_feature(
        "attribution_density",
        "Share of body sentences that carry an attribution or a direct quotation.",
    ),
    rate_feature(
        "attribution_rate",
        "Attribution cues (direct, indirect, according to), any source; one cue that introduces "
        "several quotations counts once, as it is highlighted once.",
    ),
    count_feature("quote_direct_count", "Direct quotations (statements, not scare quotes)."),
    rate_feature("quote_direct_rate", "Direct quotations."),
    share_feature("quote_word_share", "Share of body words inside direct quotations."),
    share_feature(
        "quote_attributed_share",
        "Share of direct quotations whose source was found (0 without quotes).",
    ),
    Feature(
        "source_distinct_count",
        "count",
        "Distinct speakers quoted or reported (pronouns resolved).",
        "mean",
        0.0,
    ),
    count_feature("source_named_count", "Attributions to a named person."),
    count_feature("source_organisation_count", "Attributions to an organisation."),
    count_feature(
        "source_anonymous_count",
        "Attributions to an unnamed source (officials, reports, 'it is said').",
    ),
    count_feature("source_pronoun_count", "Attributions whose source is written as a pronoun."),
    share_feature(
        "source_named_share",
        "Share of attributions to a named person or organisation (a pronoun counts as the "
        "speaker it resolves to).",
    ),
    rate_feature("source_anonymous_rate", "Attributions to an unnamed source."),
)


def detect(doc: Document, config: Config) -> list[Span]:
    """Quote spans (with their source) and one attribution span per cue."""
    text = doc.text
    spans: list[Span] = []
    direct = {a.quote_index: a for a in doc.attributions if a.quote_index is not None}
    reported = sorted(
        (a for a in doc.attributions if a.mode != "direct"), key=lambda a: a.content_start
    )
    reported_starts = [a.content_start for a in reported]
    for index, quote in enumerate(doc.quotes):
        owner = direct.get(index) or _covering(reported, reported_starts, quote.start, quote.end)
        inner = _continued_by(reported, reported_starts, quote.start)
        if inner is not None and owner is not None and owner.cue_start < inner.cue_start:
            owner = inner  # "According to X, the man told an agent he wanted to "kill ..."": his
        if owner is not None:
            who = owner.speaker or "an unnamed source"
            why = f"{quote.kind} quotation attributed to {who} ({owner.rule})"
        elif quote.kind == "direct":
            why = f"direct quotation with no attribution found nearby ({quote.rule})"
        else:
            why = f"short quotation marking words as someone else's ({quote.rule})"
        spans.append(
            make_span(
                text,
                quote.start,
                quote.end,
                signal="quote",
                label=quote.kind,
                rule=why,
                voice="quoted",
                source=_source_text(text, owner),
                source_kind=owner.source_kind if owner else None,
                actor=owner.actor if owner else None,
            )
        )
    for a in _by_cue(doc.attributions).values():
        voice = doc.voice_at(a.cue_start, a.cue_end)
        if voice == "caption":
            continue  # a caption's credit names the photo's source, not the article's
        spans.append(
            make_span(
                text,
                a.cue_start,
                a.cue_end,
                signal="attribution",
                label=a.mode,
                rule=f"{a.category} reporting cue '{a.cue}': {a.rule}",
                voice=voice,
                source=_source_text(text, a),
                source_kind=a.source_kind,
                actor=a.actor,
                term=a.cue,
            )
        )
    spans.sort(key=lambda span: span.sort_key)
    return spans


def _covering(
    reported: list[Attribution], starts: list[int], start: int, end: int
) -> Attribution | None:
    """The reported-speech attribution whose content holds ``[start, end)`` (partial quotes)."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and reported[i].content_end >= end:
        return reported[i]
    return None


def _continued_by(reported: list[Attribution], starts: list[int], at: int) -> Attribution | None:
    """The reported speech whose content ends right where a quotation opens at ``at`` (the
    quotation goes on with its words: "told an agent that he wanted to "kill ..."")."""
    last = bisect.bisect_right(starts, at) - 1
    for a in reversed(reported[max(0, last - 2) : last + 1]):  # the latest few before it
        if 0 <= at - a.content_end <= 2 and a.cue_start < at:
            return a
    return None


def _source_text(text: str, a: Attribution | None) -> str | None:
    if a is None or a.source_start is None or a.source_end is None:
        return None
    return text[a.source_start : a.source_end]


def _by_cue(attributions: Sequence[Attribution]) -> dict[tuple[int, int], Attribution]:
    """The first attribution of every cue: a cue that also covers a continued quotation is one
    piece of evidence, shown once and counted once."""
    first: dict[tuple[int, int], Attribution] = {}
    for a in attributions:
        first.setdefault((a.cue_start, a.cue_end), a)
    return first


def counted(doc: Document, spans: Sequence[Span]) -> list[Attribution]:
    """The attributions behind the given attribution spans (credit lines give nobody a voice),
    so the counts summarise exactly the cues a reader sees highlighted."""
    shown = {(s.start, s.end) for s in spans if s.signal == "attribution" and s.label != "credit"}
    return [a for cue, a in _by_cue(doc.attributions).items() if cue in shown]


def voiced(attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions that give someone a voice: all but picture credit lines."""
    return [a for a in attributions if a.mode != "credit"]


def heard(doc: Document, spans: Sequence[Span]) -> list[Attribution]:
    """Every attribution giving someone a voice behind a highlighted cue: a continued quotation's
    second owner shares its cue with the first, so both are heard."""
    cues = {(s.start, s.end) for s in spans if s.signal == "attribution"}
    return [a for a in voiced(doc.attributions) if (a.cue_start, a.cue_end) in cues]


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    """Every figure from the given spans: attribution counts and source kinds one per highlighted
    cue, quotation figures from the highlighted direct quotations, density from both."""
    words, attributions = doc.body_words, counted(doc, spans)
    shown = {(s.start, s.end) for s in spans if s.signal == "quote" and s.label == "direct"}
    everyone = heard(doc, spans)
    direct_quotes = [
        (i, q) for i, q in enumerate(doc.quotes) if q.kind == "direct" and (q.start, q.end) in shown
    ]
    carrying = {a.sentence_index for a in everyone}
    quoted_words = 0
    for _, quote in direct_quotes:
        quoted_words += len(doc.text[quote.content_start : quote.content_end].split())
        first = doc.sentence_index(quote.content_start)
        last = doc.sentence_index(max(quote.content_start, quote.content_end - 1))
        if first is not None:
            carrying.update(range(first, (last if last is not None else first) + 1))
    attributed = {a.quote_index for a in everyone if a.quote_index is not None}
    kinds = _effective_kinds(doc, attributions)
    counts = {kind: sum(a.source_kind == kind for a in attributions) for kind in _KIND_ORDER}
    rows = source_rows(doc, everyone)
    speakers = {row["speaker"].lower() for row in rows if row["kind"] != "pronoun"}
    return {
        "attribution_density": share(
            sum(not doc.sentences[i].set_apart for i in carrying), len(doc.prose_sentences)
        ),
        "attribution_rate": rate(len(attributions), words),
        "quote_direct_count": float(len(direct_quotes)),
        "quote_direct_rate": rate(len(direct_quotes), words),
        "quote_word_share": min(1.0, share(quoted_words, words)),
        "quote_attributed_share": share(
            sum(i in attributed for i, _ in direct_quotes), len(direct_quotes)
        ),
        "source_distinct_count": float(len(speakers)),
        "source_named_count": float(counts["named"]),
        "source_organisation_count": float(counts["organisation"]),
        "source_anonymous_count": float(counts["anonymous"]),
        "source_pronoun_count": float(counts["pronoun"]),
        "source_named_share": share(sum(k in NAMED_KINDS for k in kinds), len(attributions)),
        "source_anonymous_rate": rate(counts["anonymous"], words),
    }


def _effective_kinds(doc: Document, attributions: Sequence[Attribution]) -> list[str]:
    """Source kind per attribution, a resolved pronoun taking the kind of the speaker it names."""
    known: dict[str, str] = {}
    for a in attributions:
        if a.source_kind != "pronoun" and a.speaker is not None:
            known.setdefault(a.speaker, a.source_kind)
    return [
        known.get(a.speaker or "", "pronoun") if a.source_kind == "pronoun" else a.source_kind
        for a in attributions
    ]


def source_rows(
    doc: Document, attributions: Sequence[Attribution] | None = None
) -> list[dict[str, Any]]:
    """Whose voices one article lets the reader hear.

    Parameters
    ----------
    doc : Document
        The article.
    attributions : sequence of Attribution, optional
        The attributions to read (``score`` passes those behind its spans); every attribution of
        the document by default.

    Returns
    -------
    list of dict
        One row per speaker (attributions with no source written are left out): ``speaker``,
        ``kind`` (named, organisation, anonymous, unknown; ``pronoun`` when never resolved),
        ``actor`` (story-pack actor or None), ``quotes`` (direct quotations attributed to the
        speaker) and ``attributions`` (highlighted cues, all modes), most-heard first.
    """
    attributions = voiced(doc.attributions if attributions is None else attributions)
    kinds = _effective_kinds(doc, attributions)
    rows: dict[str, dict[str, Any]] = {}
    cues: dict[str, set[tuple[int, int]]] = {}
    for a, kind in zip(attributions, kinds, strict=True):
        if a.speaker is None:
            continue
        row = rows.setdefault(
            a.speaker,
            {"speaker": a.speaker, "kind": kind, "actor": a.actor, "quotes": 0, "attributions": 0},
        )
        if _KIND_ORDER.index(kind) < _KIND_ORDER.index(row["kind"]):
            row["kind"] = kind
        row["actor"] = row["actor"] or a.actor
        row["quotes"] += a.mode == "direct"
        cues.setdefault(a.speaker, set()).add((a.cue_start, a.cue_end))
        # A continued quotation's two halves share one cue: one attribution, as highlighted.
        row["attributions"] = len(cues[a.speaker])
    return sorted(rows.values(), key=lambda r: (-r["attributions"], -r["quotes"], r["speaker"]))


SIGNAL = Signal("attribution", FEATURES, detect, score, KINDS)
