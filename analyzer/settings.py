"""The tuned detection choices of each stage, as data: one frozen dataclass per stage.

Every field's default is the value the detectors were tuned to, with the reason beside it, so
an analysis with default settings is exactly today's. :class:`~analyzer.config.Config` holds
one instance per stage; evaluation changes one field at a time on a dev split
(``benchmarks/sweep_settings.py``) through :meth:`Config.with_settings
<analyzer.config.Config.with_settings>`.

The boilerplate *feature* thresholds (``analyzer.boilerplate.features``) are not here: the line
model was trained on features computed with them, so they are fixed by the model file and
checked when it is loaded (``analyzer.boilerplate.thresholds``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from analyzer.errors import FramescopeError


@dataclass(frozen=True)
class BoilerplateSettings:
    """How line verdicts are decided around the line model (``analyzer.boilerplate.classify``)."""

    #: Word-set overlap (Jaccard) at which a line counts as a copy of the title: the page title
    #: and the on-page headline often differ by a word or a site name ("... | Reuters").
    title_match_similarity: float = 0.8
    #: Shortest line (in words) matched to the title by overlap rather than equality.
    title_match_min_words: int = 4
    #: When the model keeps nothing, lines are scored ``(body_probability - fallback_share *
    #: best)`` and the maximum-sum block is kept. 0.3 of the page's best line recovered 4 of 5
    #: empty AEB dev pages (+0.013 F1) in cross-validation; 0.5 and 0.7 recovered fewer.
    fallback_share: float = 0.3
    #: Page-level check in HTML: when the words the verdicts keep are less than this share of the
    #: page's main prose block (``sequences.main_block``), the article was likely judged furniture
    #: while menus survived, and trafilatura's body replaces the verdicts if it passes the check.
    #: A guard for pages unlike the training sets, not a gain on them: on dev pages scored by
    #: models that never saw their website no page changes at 0.1-0.5; with the shipped model,
    #: 0.5 fired on one right AEB dev page whose main block runs on into a cookie notice (F1
    #: 0.985 to 0.913), 0.2 on none.
    sanity_prose_share: float = 0.2
    #: Word range of an untitled text's first line taken as its headline (not a one-word label,
    #: not a paragraph).
    min_headline_words: int = 3
    max_headline_words: int = 25
    # Plain text's page check (``analyzer.boilerplate.prose_block``). The figures are dev pages
    # scored by line models that never saw their website (``benchmarks/train_boilerplate.py``'s
    # site-grouped folds on AEB; trafilatura-eval's visible text scored by the model fitted on
    # AEB), at the shipped threshold. Without the check: AEB plain F1 0.897 (7.1% of pages below
    # 0.5), trafilatura-eval text 0.833 (8.5%).
    #: Cost, in words, of a line that is not running prose inside a prose block: half a short
    #: sentence, so a subheading between paragraphs is crossed, a run of menu lines is not.
    #: 4 scored AEB 0.908 / trafilatura-eval 0.836; 2: 0.908 / 0.838; 6 to 20: 0.908 / 0.833.
    prose_non_prose_toll: float = 4.0
    #: The kept lines' words, as a share of the prose block's prose words, below which the body
    #: is taken to have vanished and the block is added back. AEB F1 0.898 / 0.905 / 0.907 /
    #: 0.908 / 0.908 / 0.906 at 0.3 / 0.4 / 0.5 / 0.6 / 0.7 / 0.8 (the short-line check on).
    prose_vanished_share: float = 0.6
    #: Share of the kept lines that are short (``prose_short_words`` or fewer words) above which
    #: the kept text reads as navigation rather than an article, and the block is added when it
    #: holds more words than the kept lines. Alone, 0.4 to 0.6 raised AEB F1 from 0.897 to
    #: 0.904; 0.7 did nothing.
    prose_short_kept_share: float = 0.6
    prose_short_words: int = 4
    #: A block of fewer prose words is no evidence of a body (a teaser, a cookie notice); 20 and
    #: 40 scored the same, 80 missed short articles (AEB 0.906).
    prose_min_block_words: int = 40


@dataclass(frozen=True)
class QuoteSettings:
    """How quotations are told from scare quotes and apostrophes (``analyzer.text.quotes``)."""

    #: A quotation this short with no sentence punctuation inside is a scare or partial quote
    #: ("his “hero”", "“completely responsible”"), not a statement someone made.
    short_quote_max_words: int = 4
    #: Single-quoted spans longer than this are more likely two apostrophes than a quotation.
    max_single_quote_chars: int = 120


@dataclass(frozen=True)
class AttributionSettings:
    """The windows the word rules scan around a reporting cue, and how far speakers resolve
    (``analyzer.text``: cue_sites, phrases, reported_speech, attributions, speakers)."""

    #: After a tell-type cue, an object of up to this many words ("told The National newspaper").
    object_max_words: int = 4
    #: After a cue, a prepositional phrase of up to this many words before "that" or the sentence
    #: end ("said in a letter to Levy on August 16"); a longer run is more likely the content.
    pp_max_words: int = 8
    #: A that-less clause after a that-frame cue shows a finite verb within this many words
    #: ("noted the new findings show"): the subject noun phrase of a news clause is rarely longer.
    thatless_max_words: int = 6
    #: A that-less clause read from the parse's tags: its subject noun phrase has at most this
    #: many tokens; the arcs of a long sentence are less reliable than its tags.
    thatless_max_tokens: int = 8
    #: A postposed or inserted cue clause ("..., the army said") has at most this many tokens; a
    #: longer parataxis is a sentence of its own.
    parenthetical_max_tokens: int = 14
    #: A source phrase longer than this is more likely a clause than a name ("the son of former
    #: Afghan commander Ahmad Shah Masud" has 8 words; GUM's longest news sources have about 10).
    max_source_words: int = 12
    #: How far back an appositive may reach ("Ahmad Massoud – the son of ..., who ... – said"):
    #: the longest in the seeds is about 50 tokens; the bound keeps each cue's scan constant-time.
    appositive_max_tokens: int = 80
    #: A sentence-opening source set off by a comma alone ("Lydia Buchtmann for Food Standards
    #: Australia New Zealand, says") has at most this many tokens; a longer run is a clause
    #: ("Resistance forces drove ... out of the valley, says ...").
    opening_source_max_words: int = 8
    #: Words after a source that still "close the sentence" ("in a statement", "on Twitter").
    trailing_pp_max_words: int = 6
    #: A cue word this close after "according to" is part of its source ("according to local
    #: reports").
    prep_source_words: int = 3
    #: A line "SOURCE CUE ...:" introduces the next paragraph when at most this many tokens follow
    #: the cue ("tweeted using his @POTUS account:"); a longer tail is a clause of its own.
    colon_max_words: int = 10
    #: A quotation counts as next to a cue across at most this many spaces, commas or dashes.
    quote_gap_chars: int = 8
    #: A quotation continues the previous attributed one when at most this many words stand
    #: between them in the same paragraph (the "..., Massoud said in a statement." tail of the
    #: first).
    continuation_max_gap_words: int = 12
    #: A pronoun looks this many sentences back for its antecedent speaker (besides the previous
    #: paragraph): enough for "He added" after a two-sentence quotation, short enough to stay plain.
    pronoun_max_sentences_back: int = 3
    #: An appositive after a named source is read for a title within this many characters.
    appositive_max_chars: int = 80


@dataclass(frozen=True)
class HedgingSettings:
    """How hedging spans are drawn (``analyzer.signals.hedging``)."""

    #: A vague source and its cue form one weasel span when at most this many words separate them
    #: ("experts have long warned"); further apart, the source phrase alone is the span.
    vague_source_max_gap_words: int = 3


@dataclass(frozen=True)
class LabelSettings:
    """How actor labels attach to actors (``analyzer.loaded.attach``)."""

    #: Sentences before a description in which its actor is looked for (coreference window):
    #: a news paragraph rarely refers further back than the two sentences before.
    lookback_sentences: int = 2


#: Config field -> the settings class of that stage, in pipeline order.
STAGES: dict[str, type] = {
    "boilerplate": BoilerplateSettings,
    "quotes": QuoteSettings,
    "attribution": AttributionSettings,
    "hedging": HedgingSettings,
    "labels": LabelSettings,
}


class SettingError(FramescopeError, ValueError):
    """An unknown setting name, or a value of the wrong type."""


def setting_names() -> list[str]:
    """Every setting as ``stage.field``, in pipeline order."""
    return [f"{stage}.{f.name}" for stage, cls in STAGES.items() for f in fields(cls)]


def parse_setting(name: str, value: Any) -> tuple[str, str, int | float]:
    """``(stage, field, value)`` for ``name = value``, checked: a known name and a number of the
    field's type (an int is accepted for a float field; a bool is never a number here)."""
    stage, _, field_name = name.partition(".")
    cls = STAGES.get(stage)
    if cls is None:
        raise SettingError(
            f"unknown setting {name!r}: write stage.field, the stages being {', '.join(STAGES)}"
        )
    types = {f.name: f.type for f in fields(cls)}
    if field_name not in types:
        raise SettingError(f"unknown setting {name!r}; {stage} has {', '.join(types)}")
    wanted = types[field_name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SettingError(f"setting {name} takes a number ({wanted}), not {value!r}")
    if wanted == "int" and not isinstance(value, int):
        raise SettingError(f"setting {name} takes a whole number (int), not {value!r}")
    return stage, field_name, float(value) if wanted == "float" else value
