"""Speakers: what kind of source a phrase is, and whom a pronoun or a bare surname refers to.

A pronoun source resolves to the last speaker of agreeing number in the same or previous sentence
or paragraph; a named source resolves to the story-pack actor whose alias covers its head, and
"Masud" to an earlier "Ahmad Masud" of the same article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from analyzer.config import Config
from analyzer.text.context_rules import HONORIFICS, PRONOUNS
from analyzer.text.sources import OTHER_PRONOUNS, classify_source, kind_of_actor, resolve_actor

#: A pronoun looks this many sentences back for its antecedent speaker (besides the previous
#: paragraph): enough for "He added" after a two-sentence quotation, short enough to stay plain.
PRONOUN_MAX_SENTENCES_BACK = 3


@dataclass(frozen=True, slots=True)
class ResolvedSource:
    """A source as classified and resolved: its kind, the speaker's name and story-pack actor."""

    kind: str
    speaker: str | None
    actor: str | None


@dataclass(frozen=True, slots=True)
class Speaker:
    sentence: int
    paragraph: int
    name: str
    kind: str
    plural: bool
    actor: str | None


class Speakers:
    """Classifies sources and resolves speakers in reading order, remembering who spoke where."""

    def __init__(self, text: str, config: Config) -> None:
        self.text = text
        self.pack = config.story_pack
        self.history: list[Speaker] = []
        self.surnames: dict[str, str] = {}

    def resolve(
        self, source: tuple[int, int] | None, sentence: int, paragraph: int
    ) -> ResolvedSource:
        """Classify ``text[source]``, resolve its speaker and remember it for later pronouns."""
        kind, speaker, actor_name = "anonymous", None, None
        if source is not None:
            info = classify_source(self.text, *source)
            kind, speaker = info.kind, self.text[source[0] : source[1]]
            if kind == "pronoun":
                known = self._antecedent(info.head, sentence, paragraph)
                if known is not None:
                    speaker, actor_name = known.name, known.actor
                    self.history.append(replace(known, sentence=sentence, paragraph=paragraph))
            else:
                actor = resolve_actor(self.pack, self.text, *source, info.head_start)
                if actor is not None:
                    kind, speaker, actor_name = kind_of_actor(actor), actor.name, actor.name
                elif kind == "named" and info.name_like:
                    speaker = self._merge_surname(speaker)
                remembered = Speaker(sentence, paragraph, speaker, kind, info.plural, actor_name)
                self.history.append(remembered)
        return ResolvedSource(kind, speaker, actor_name)

    def _antecedent(self, pronoun: str, sentence: int, paragraph: int) -> Speaker | None:
        """The last speaker a pronoun can plainly refer to: within reach and agreeing in number."""
        role = PRONOUNS.get(pronoun) or OTHER_PRONOUNS[pronoun]
        for known in reversed(self.history):
            near = known.sentence >= sentence - PRONOUN_MAX_SENTENCES_BACK
            if not near and known.paragraph < paragraph - 1:
                return None
            if role == "person" and known.kind in ("named", "anonymous") and not known.plural:
                return known
            if role == "plural" and (known.plural or known.kind == "organisation"):
                return known
            if role == "thing" and known.kind == "organisation":
                return known
        return None

    def _merge_surname(self, name: str) -> str:
        """ "Masud" or "Mr Massoud" after "Ahmad Massoud" in the same article: the same speaker."""
        words = [w for w in name.replace(".", " ").split() if w.lower() not in HONORIFICS]
        if len(words) == 1:
            return self.surnames.get(words[0].lower(), name)
        if words:
            self.surnames.setdefault(words[-1].lower(), name)
        return name
