"""Every credibility indicator: its scorecard column, its group and the spans that stand for it.

The list joins the columns of the credibility signal with those other signals already compute
(attribution density, named and anonymous sources, hedges and boosters, loaded labels in the
outlet's own voice, furniture share), so the per-outlet credibility table, the dashboard page and
the evaluation read one list. ``evidence`` names the (span signal, label) pairs a reader opens to
see what a figure counts; None as the label means every label of that signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.span import Span

GROUPS = ("sourcing", "verifiability", "calibration", "headline", "tone", "page")
#: Plain-language questions per group, as the dashboard and the credibility table title them.
GROUP_QUESTIONS = {
    "sourcing": "Who is heard, and are they named?",
    "verifiability": "What could a reader check?",
    "calibration": "How sure does the outlet sound in its own voice?",
    "headline": "Does the headline tell the story, or lure?",
    "tone": "Does the outlet judge as it reports?",
    "page": "Who wrote it, when, and who pays?",
}


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator column, its group and the span kinds that are its evidence."""

    column: str
    group: str
    evidence: tuple[tuple[str, str | None], ...]

    def shows(self, span: Span) -> bool:
        """True when ``span`` is evidence for this indicator."""
        return any(
            span.signal == signal and label in (None, span.label) for signal, label in self.evidence
        )


_ATTRIBUTION = (("attribution", None), ("quote", "direct"))
INDICATORS: tuple[Indicator, ...] = (
    Indicator("attribution_density", "sourcing", _ATTRIBUTION),
    Indicator("source_named_share", "sourcing", (("attribution", None),)),
    Indicator("source_anonymous_rate", "sourcing", (("attribution", None), ("weasel", None))),
    Indicator("source_distinct_count", "sourcing", (("attribution", None),)),
    Indicator("quote_word_share", "sourcing", (("quote", "direct"),)),
    Indicator("voice_side_count", "sourcing", (("voice", "source"),)),
    Indicator("voice_top_side_word_share", "sourcing", (("voice", "quoted words"),)),
    Indicator(
        "evidence_reference_rate",
        "verifiability",
        tuple(("evidence", label) for label in ("document", "study", "data", "official statement")),
    ),
    Indicator(
        "evidence_sourced_number_share",
        "verifiability",
        (("evidence", "sourced number"), ("evidence", "unsourced number")),
    ),
    Indicator("evidence_date_rate", "verifiability", (("evidence", "date"),)),
    Indicator("evidence_link_count", "verifiability", (("evidence", "link"),)),
    Indicator("hedge_authorial_rate", "calibration", (("hedge", None),)),
    Indicator("booster_authorial_rate", "calibration", (("booster", None),)),
    Indicator("hedge_booster_balance", "calibration", (("hedge", None), ("booster", None))),
    Indicator("weasel_authorial_rate", "calibration", (("weasel", None),)),
    Indicator("headline_words", "headline", (("headline", "headline"),)),
    Indicator(
        "headline_clickbait_count",
        "headline",
        tuple(
            ("headline", label)
            for label in (
                "second person",
                "withheld information",
                "superlative",
                "sensational",
                "question",
                "exclamation",
                "all caps",
            )
        ),
    ),
    Indicator("headline_caps_share", "headline", (("headline", "all caps"),)),
    Indicator("headline_unsupported_share", "headline", (("headline", "unsupported word"),)),
    Indicator("headline_label_absent_count", "headline", (("headline", "label absent from body"),)),
    Indicator("tone_loaded_sentence_share", "tone", (("tone", None),)),
    Indicator(
        "loaded_style_flag_rate",
        "tone",
        tuple(("loaded", tier) for tier in ("value-laden", "dehumanizing", "honorific")),
    ),
    Indicator("loaded_emotive_authorial_rate", "tone", (("loaded", "emotive"),)),
    Indicator("boilerplate_share", "page", (("boilerplate", None),)),
    Indicator("page_byline", "page", (("page", "byline"),)),
    Indicator("page_date", "page", (("page", "date"),)),
    Indicator("page_dateline", "page", (("page", "dateline"),)),
    Indicator("page_correction", "page", (("page", "correction"),)),
    Indicator("page_donation_ask_count", "page", (("page", "donation ask"),)),
    Indicator("page_ad_teaser_count", "page", (("page", "ad or teaser"),)),
)
INDICATOR_BY_COLUMN = {indicator.column: indicator for indicator in INDICATORS}


def indicator_columns(groups: Sequence[str] = GROUPS) -> tuple[str, ...]:
    """The indicator columns of ``groups``, in list order."""
    return tuple(i.column for i in INDICATORS if i.group in groups)


def evidence_of(column: str, spans: Sequence[Span]) -> list[Span]:
    """The spans that stand for the indicator ``column`` (in the order given)."""
    indicator = INDICATOR_BY_COLUMN[column]
    return [span for span in spans if indicator.shows(span)]
