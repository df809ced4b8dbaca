"""Explicit, immutable configuration passed to every stage (no module-level mutable state)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from analyzer.settings import (
    AttributionSettings,
    BoilerplateSettings,
    HedgingSettings,
    LabelSettings,
    QuoteSettings,
    parse_setting,
)
from analyzer.storypack import StoryPack

#: Larger inputs are refused with a clear message: a news article is rarely above 200 kB of text,
#: and a 10 MB file is almost always a dump or the wrong file. Raise it with ``--max-bytes``.
DEFAULT_MAX_INPUT_BYTES = 10_000_000


@dataclass(frozen=True)
class Config:
    """Settings for one analysis run.

    Attributes
    ----------
    story_pack : StoryPack or None
        Actors and aliases of the story; labels attach to these actors.
    strip_boilerplate : bool
        Classify lines as furniture and keep them away from the other signals. Turn off for text
        already known to be clean body copy (evaluation sets of single sentences).
    max_input_bytes : int
        Files above this size are refused by the readers.
    boilerplate, quotes, attribution, hedging, labels
        The tuned detection choices of each stage (:mod:`analyzer.settings`); the defaults are
        the values the detectors were tuned to.
    """

    story_pack: StoryPack | None = None
    strip_boilerplate: bool = True
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    boilerplate: BoilerplateSettings = field(default_factory=BoilerplateSettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    attribution: AttributionSettings = field(default_factory=AttributionSettings)
    hedging: HedgingSettings = field(default_factory=HedgingSettings)
    labels: LabelSettings = field(default_factory=LabelSettings)

    def with_settings(self, changes: Mapping[str, int | float]) -> Config:
        """A copy with settings changed by name, e.g.
        ``config.with_settings({"attribution.pronoun_max_sentences_back": 4})``. An unknown name
        or a value of the wrong type raises :class:`~analyzer.settings.SettingError`."""
        config = self
        for name, value in changes.items():
            stage, setting, checked = parse_setting(name, value)
            changed = replace(getattr(config, stage), **{setting: checked})
            config = replace(config, **{stage: changed})
        return config


DEFAULT_CONFIG = Config()
