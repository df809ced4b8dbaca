"""The evidence unit every signal returns: a labelled, half-open slice of the document text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: Every value ``Span.signal`` may take; the explain view and the dashboard colour by it.
SPAN_SIGNALS = (
    "boilerplate",
    "loaded",
    "hedge",
    "booster",
    "weasel",
    "distancing",
    "quote",
    "attribution",
    "sentiment",
    # Credibility evidence (analyzer/signals/credibility.py).
    "headline",
    "evidence",
    "page",
    "tone",
    "voice",
)

#: Span signals that measure a whole sentence rather than point at words (a sentence's sentiment):
#: they are evidence for a score but no view marks them inside the text.
SENTENCE_SIGNALS = ("sentiment",)

#: Whose words a span is in: the outlet's own, a direct quotation, indirect (reported) speech, or a
#: line set apart from the article (a photo caption, byline or dateline: the photo desk's or an
#: agency's words). The headline is the outlet's own: authorial.
VOICES = ("authorial", "quoted", "reported", "caption")


@dataclass(frozen=True, slots=True)
class Span:
    """One piece of evidence.

    ``text`` always equals ``document.text[start:end]``; the contract test checks it for every
    signal, so a highlight shows exactly what was counted.

    Attributes
    ----------
    start, end : int
        Half-open character offsets into the document text.
    signal : str
        One of :data:`SPAN_SIGNALS`.
    label : str
        Tier or category within the signal (``value-laden``, ``named``, ``furniture`` ...).
    text : str
        The matched text.
    rule : str
        Why it fired, in words a teacher can read out.
    voice : str or None
        One of :data:`VOICES` where voice matters (loaded terms, hedges), else None.
    actor : str or None
        The actor a label attaches to (story-pack name), ``"unresolved"`` or None.
    source, source_kind : str or None
        On attribution and quote spans: the source as written and its kind
        (``named``, ``organisation``, ``anonymous``, ``pronoun``).
    term : str or None
        The lexicon entry that matched, in its base form ("terrorist" for "Terrorists"), so
        counts group by term rather than by spelling.
    weight : float or None
        Where a count is not enough, the amount a span adds to its score: a sentence's VADER
        compound on a sentiment span. None on spans that count one each.
    """

    start: int
    end: int
    signal: str
    label: str
    text: str
    rule: str
    voice: str | None = None
    actor: str | None = None
    source: str | None = None
    source_kind: str | None = None
    term: str | None = None
    weight: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.signal, self.label)


def make_span(text: str, start: int, end: int, **fields: Any) -> Span:
    """Build a span whose ``text`` is sliced from ``text`` so it can never disagree with the offsets."""
    return Span(start=start, end=end, text=text[start:end], **fields)


def span_facts(span: Span) -> list[str]:
    """What a span is, in words: ``signal: label``, then voice, actor, source, and last the rule.

    Shared by the terminal view and the HTML highlighter's hover text, so both say the same.
    """
    facts = [f"{span.signal}: {span.label}"]
    if span.voice:
        facts.append(f"voice: {span.voice}")
    if span.actor:
        facts.append(f"actor: {span.actor}")
    if span.source:
        facts.append(f"source: {span.source} ({span.source_kind or 'unknown'})")
    if span.weight is not None:
        facts.append(f"weight: {span.weight:+.3f}")
    facts.append(f"why: {span.rule}")
    return facts
