"""Credibility indicators that can be read from the text, each a sum or share of its spans.

After the credibility indicators of the W3C Credible Web group and the Credibility Coalition
(DOMAIN.md): how the article is sourced, what it points to that a reader can check, how its
headline represents it, how it judges in its own voice, and what the page says about who wrote
it and who pays. Finding lives in :mod:`analyzer.credibility` (one module per group); this
module declares the columns and sums the spans. Sourcing and calibration figures that other
signals already count (attribution density, named sources, hedges and boosters) stay theirs;
:mod:`analyzer.credibility.indicators` lists every indicator column with its group.

No verdict: each column is a transparent count; a combined estimate is only ever shown with its
measured accuracy (``analyzer/evaluation/credibility_model.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.config import Config
from analyzer.credibility import evidence, headline, page, tone, voices
from analyzer.document import Document
from analyzer.signals.base import Feature, Signal, rate, rate_feature, share, share_feature
from analyzer.span import Span


def _count(name: str, description: str, aggregate: str = "mean") -> Feature:
    return Feature(name, "count", description, aggregate, 0.0, None)


def _present(name: str, what: str) -> Feature:
    return share_feature(
        name, f"1 when the page shows {what}, else 0 (an outlet's value: share of its articles)."
    )


FEATURES: tuple[Feature, ...] = (
    _count(
        "voice_side_count",
        "Distinct sides whose sources are heard: the group, institution or country a source "
        "names ('a Taliban spokesman'), a named person's affiliation written beside the name, "
        "else the person; with a story pack, the pack actor it names or resolves to (a person: "
        "its side).",
    ),
    share_feature(
        "voice_top_side_word_share",
        "Share of the quoted words given to sides that goes to the most-quoted side (1: one side "
        "has every quoted word; 0 when no quotation speaks for a side).",
    ),
    rate_feature(
        "evidence_reference_rate",
        "References to documents, studies, data and official statements.",
    ),
    share_feature(
        "evidence_sourced_number_share",
        "Share of numbers (in digits, dates aside) whose sentence names a source or a document.",
    ),
    rate_feature("evidence_date_rate", "Dates of events (month and day, weekday, year)."),
    _count("evidence_link_count", "Web addresses written in the body.", "sum"),
    Feature(
        "headline_words",
        "words",
        "Words in the headline (0 when the text shows no known title).",
        "mean",
        0.0,
        None,
    ),
    _count(
        "headline_clickbait_count",
        "Clickbait cues in the headline: second person, withheld information, superlatives, "
        "sensational words, a question, exclamation marks, words in capitals.",
    ),
    share_feature("headline_caps_share", "Share of headline words written in capitals."),
    share_feature(
        "headline_unsupported_share",
        "Share of headline words that are content words the body never uses.",
    ),
    _count(
        "headline_label_absent_count",
        "Loaded labels and loaded words in the headline that the body never uses.",
    ),
    share_feature(
        "tone_loaded_sentence_share",
        "Share of body sentences with a value-laden, dehumanizing or honorific label, loaded "
        "language or an emotive word in the outlet's own voice.",
    ),
    _present("page_byline", "a byline"),
    _present("page_date", "a publication date line"),
    _present("page_dateline", "a dateline opening the story"),
    _present("page_correction", "a corrections or update notice"),
    _count("page_donation_ask_count", "Donation asks and donation widgets on the page."),
    _count(
        "page_ad_teaser_count",
        "Advertisement labels, 'Also Read' teasers, related-article headings and newsletter "
        "prompts on the page.",
    ),
)

KINDS: tuple[tuple[str, str], ...] = (
    *(("voice", label) for label in voices.LABELS),
    *(("evidence", label) for label in evidence.LABELS),
    *(("headline", label) for label in headline.LABELS),
    *(("tone", label) for label in tone.LABELS),
    *(("page", label) for label in page.LABELS),
)
_CLICKBAIT = frozenset((*headline.CLICKBAIT_LABELS, *headline.PUNCTUATION_LABELS))


def detect(doc: Document, config: Config) -> list[Span]:
    """Every credibility span: voices, evidence, headline, tone and page."""
    spans = [
        *voices.detect_voices(doc, config),
        *evidence.detect_evidence(doc),
        *headline.detect_headline(doc),
        *tone.detect_tone(doc),
        *page.detect_page(doc),
    ]
    spans.sort(key=lambda span: span.sort_key)
    return spans


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    """Sums and shares of the given spans (no span, no figure)."""
    labels: dict[tuple[str, str], int] = {}
    for span in spans:
        key = (span.signal, span.label)
        labels[key] = labels.get(key, 0) + 1

    def n(signal: str, *names: str) -> int:
        return sum(labels.get((signal, name), 0) for name in names)

    words = doc.body_words
    sides = {s.actor for s in spans if s.signal == "voice" and s.actor}
    by_side = voices.quoted_words_by_side(tuple(spans))
    headline_words = sum(
        len(s.text.split()) for s in spans if s.signal == "headline" and s.label == "headline"
    )
    toned = {
        index
        for s in spans
        if s.signal == "tone" and (index := doc.sentence_index(s.start)) is not None
    }
    numbers = n("evidence", *evidence.NUMBER_LABELS)
    return {
        "voice_side_count": float(len(sides)),
        "voice_top_side_word_share": share(max(by_side.values(), default=0), sum(by_side.values())),
        "evidence_reference_rate": rate(n("evidence", *evidence.REFERENCE_LABELS), words),
        "evidence_sourced_number_share": share(n("evidence", "sourced number"), numbers),
        "evidence_date_rate": rate(n("evidence", "date"), words),
        "evidence_link_count": float(n("evidence", "link")),
        "headline_words": float(headline_words),
        "headline_clickbait_count": float(
            sum(
                count
                for (signal, label), count in labels.items()
                if signal == "headline" and label in _CLICKBAIT
            )
        ),
        "headline_caps_share": min(1.0, share(n("headline", "all caps"), headline_words)),
        "headline_unsupported_share": min(
            1.0, share(n("headline", "unsupported word"), headline_words)
        ),
        "headline_label_absent_count": float(n("headline", "label absent from body")),
        "tone_loaded_sentence_share": share(len(toned), len(doc.prose_sentences)),
        "page_byline": float(n("page", "byline") > 0),
        "page_date": float(n("page", "date") > 0),
        "page_dateline": float(n("page", "dateline") > 0),
        "page_correction": float(n("page", "correction") > 0),
        "page_donation_ask_count": float(n("page", "donation ask")),
        "page_ad_teaser_count": float(n("page", "ad or teaser")),
    }


SIGNAL = Signal("credibility", FEATURES, detect, score, KINDS)
