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


@dataclass
class ActorCoverage:
    """Counts, over a collection, of actor labels, unresolved labels and pack actors named."""

    pack: StoryPack | None
    labels: int = 0
    unresolved: int = 0
    articles: int = 0
    named: set[str] = field(default_factory=set)

    def add(self, analysis: Analysis) -> None:
        self.articles += 1
        for span in analysis.spans:
            if span.signal == "loaded" and span.label in LABEL_TIERS:
                self.labels += 1
                self.unresolved += span.actor == UNRESOLVED
        doc = analysis.document
        if self.pack is not None and doc.sentences:
            body = (doc.sentences[0].start, doc.sentences[-1].end)
            self.named.update(m.payload.name for m in self.pack.matcher.find(doc.text, *body))

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
