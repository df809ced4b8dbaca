"""Warnings about a collection's actors: a story pack that fits none of the articles, or many
labels that could not be attached to any actor (a pack written for another story, or none)."""

from __future__ import annotations

from dataclasses import dataclass, field

from analyzer.actors import UNRESOLVED
from analyzer.analysis import Analysis
from analyzer.signals.loaded import LABEL_TIERS
from analyzer.storypack import StoryPack

#: Warn when more than this share of a collection's actor labels is unresolved ...
UNRESOLVED_WARNING_SHARE = 0.3
#: ... and there are at least this many of them (two stray labels are not a pattern).
UNRESOLVED_WARNING_MIN = 5


@dataclass(frozen=True)
class CoverageCounts:
    """One article's share of :class:`ActorCoverage`, small enough to send between processes."""

    labels: int
    unresolved: int
    named: frozenset[str]


def count_coverage(analysis: Analysis, pack: StoryPack | None) -> CoverageCounts:
    """The actor labels, unresolved labels and pack actors named in one article."""
    labels = unresolved = 0
    for span in analysis.spans:
        if span.signal == "loaded" and span.label in LABEL_TIERS:
            labels += 1
            unresolved += span.actor == UNRESOLVED
    named: frozenset[str] = frozenset()
    doc = analysis.document
    if pack is not None and doc.sentences:
        body = (doc.sentences[0].start, doc.sentences[-1].end)
        named = frozenset(m.payload.name for m in pack.matcher.find(doc.text, *body))
    return CoverageCounts(labels=labels, unresolved=unresolved, named=named)


@dataclass
class ActorCoverage:
    """Counts, over a collection, of actor labels, unresolved labels and pack actors named."""

    pack: StoryPack | None
    labels: int = 0
    unresolved: int = 0
    articles: int = 0
    named: set[str] = field(default_factory=set)

    def add(self, analysis: Analysis) -> None:
        self.add_counts(count_coverage(analysis, self.pack))

    def add_counts(self, counts: CoverageCounts) -> None:
        self.articles += 1
        self.labels += counts.labels
        self.unresolved += counts.unresolved
        self.named.update(counts.named)

    def warnings(self) -> list[str]:
        out = []
        if self.pack is not None and self.articles and not self.named:
            out.append(
                f"story pack '{self.pack.name}' names none of the actors in these articles; "
                "is it for another story? (write one with: framescope storypack suggest)"
            )
        share = self.unresolved / self.labels if self.labels else 0.0
        if self.unresolved >= UNRESOLVED_WARNING_MIN and share > UNRESOLVED_WARNING_SHARE:
            out.append(
                f"{self.unresolved} of {self.labels} actor labels name no actor found in the text "
                f"({share:.0%}); a story pack would attach them "
                "(start one with: framescope storypack suggest)"
            )
        return out
