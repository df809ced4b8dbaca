"""Loaded terminology: tiered actor labels, each with its actor and voice, and loaded language.

Newsroom style guides (BBC, Reuters, AP, Wikipedia MOS:LABEL, Global Press Style Guide) agree on
one checkable rule: value-laden labels are used only with attribution (DOMAIN.md). So what counts
is *who* is labelled and *in whose voice*. Every span has signal ``loaded`` and:

- an **actor label** from ``actor_labels.csv``: ``label`` is its tier (descriptive, contested,
  value-laden, dehumanizing, honorific), ``actor`` the actor it names, attached by the
  sentence's dependency parse (:mod:`analyzer.loaded.attach`) to an actor found in the text
  (:mod:`analyzer.actors`; a story pack renames or merges them), or ``"unresolved"`` for a
  generic use or no actor near; ``voice`` from :meth:`Document.voice_at`. Words inside a name
  ("National Resistance Front") and label words that modify a thing ("fighter jets") are not
  labels.
- **loaded language** from ``loaded_language.csv`` (brutal, massacre, slammed, bloody nose,
  warmongering): hand-written from style guides and the propaganda-technique literature; ``label``
  ``loaded-language``, ``actor`` None, the category in ``rule``.
- **emotive words** from ``emotive_words.csv`` (appalling, disgraceful, glorious): strongly
  valenced words of VADER's lexicon minus plain news vocabulary ("killed", "war"), derived by
  ``benchmarks/build_emotive_lexicon.py``; ``label`` ``emotive``, ``actor`` None. Kept apart from
  the curated list because they are derived by a rule, not chosen one by one.

One Aho-Corasick pass over the body finds all three lexicons' terms; only body sentences count.
A **style flag** is a value-laden, dehumanizing or honorific label in the outlet's own voice: the
use the style guides above advise against. Contested labels are not flagged (the guides disagree).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from analyzer.actors import UNRESOLVED, ActorLayer
from analyzer.config import Config
from analyzer.document import Document
from analyzer.errors import LexiconError
from analyzer.lexicons import Row, load_lexicon, validate
from analyzer.loaded.attach import LabelAttacher
from analyzer.loaded.story import claim_sentences
from analyzer.matching import Match, TermMatcher
from analyzer.signals.base import Feature, Signal, count_feature, rate, rate_feature
from analyzer.span import VOICES, Span, make_span

#: Tiers of actor labels, mildest first (``analyzer.tables`` re-exports this tuple).
LABEL_TIERS = ("descriptive", "contested", "value-laden", "dehumanizing", "honorific")
LANGUAGE_LABEL = "loaded-language"
EMOTIVE_LABEL = "emotive"
EMOTIVE_CATEGORIES = ("emotive-negative", "emotive-positive")
#: ``scope`` of an actor label: attach by every rule, or only to a name found by structure
#: (``analyzer/loaded/attach.py``).
SCOPES = ("any", "near")
LANGUAGE_CATEGORIES = (
    "pejorative",
    "violent hyperbole",
    "sensational verb",
    "idiom",
    "glorifying",
    "intensifier",
    "fear and outrage",
    "name-calling",
    "editorializing",
    "partisan phrase",
)
#: Tiers that condemn: in a speaker's words they name the speaker's adversary, not the speaker.
CONDEMNING_TIERS = ("contested", "value-laden", "dehumanizing")
#: Tiers whose use in the outlet's own voice the style guides advise against.
FLAGGED_TIERS = ("value-laden", "dehumanizing", "honorific")

_ADVICE = {
    "descriptive": "a neutral description",
    "contested": "accepted by some style guides, avoided by others",
    "value-laden": "style guides use it only with attribution",
    "dehumanizing": "it likens people to animals or vermin; never in the outlet's own voice",
    "honorific": "praise is framing too; style guides use it only with attribution",
}
#: The ``basis`` keys of both lexicon files, spelled out for the span's rule (a teacher reads it).
BASIS_NAMES = {
    "BBC": "BBC Editorial Guidelines",
    "REU": "Reuters Handbook of Journalism",
    "AP": "AP Stylebook",
    "MOS": "Wikipedia Manual of Style",
    "GPSG": "Global Press Style Guide",
    "HAS": "Haslam 2006 on dehumanization",
    "IPA": "Institute for Propaganda Analysis",
    "ORW": "Orwell 1946",
    "DOM": "framescope domain notes",
    "DSM": "Da San Martino et al. 2019 propaganda technique definitions",
    "GS": "Gentzkow and Shapiro 2010 on partisan phrases",
    "VADER": "VADER sentiment lexicon (Hutto and Gilbert 2014)",
    "OWN": "framescope maintainers",
}
_VOICE_PHRASE = {
    "authorial": "in the outlet's own voice",
    "quoted": "inside a direct quotation",
    "reported": "in reported speech",
    "caption": "in a photo caption, byline or dateline (set apart from the article's voice)",
}


def _column(tier: str) -> str:
    return tier.replace("-", "_")


FEATURES: tuple[Feature, ...] = (
    *(
        count_feature(
            f"loaded_{_column(tier)}_{voice}",
            f"Actor labels of the {tier} tier {_VOICE_PHRASE[voice]}.",
        )
        for tier in LABEL_TIERS
        for voice in VOICES
    ),
    *(
        rate_feature(
            f"loaded_{_column(tier)}_authorial_rate",
            f"Actor labels of the {tier} tier in the outlet's own voice.",
        )
        for tier in LABEL_TIERS
    ),
    rate_feature("loaded_label_rate", "Actor labels of any tier, any voice."),
    count_feature(
        "loaded_style_flags",
        "Value-laden, dehumanizing or honorific actor labels in the outlet's own voice (outside "
        "quotes and reported speech): uses the BBC, Reuters and AP guides reserve for attribution.",
    ),
    rate_feature("loaded_style_flag_rate", "loaded_style_flags per 1,000 body words."),
    rate_feature("loaded_language_rate", "Loaded language (not actor labels), any voice."),
    rate_feature("loaded_language_authorial_rate", "Loaded language in the outlet's own voice."),
    rate_feature("loaded_emotive_rate", "Emotive words (VADER-derived), any voice."),
    rate_feature("loaded_emotive_authorial_rate", "Emotive words in the outlet's own voice."),
    count_feature(
        "loaded_unresolved", "Actor labels that could not be attached to any actor or name."
    ),
)


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of a loaded-terminology lexicon: ``label`` is the tier, ``loaded-language`` or
    ``emotive``; ``valence`` is VADER's mean rating for emotive words (0 for the others)."""

    term: str
    label: str
    category: str
    basis: str
    near_only: bool = False
    valence: float = 0.0


def label_rows() -> tuple[Row, ...]:
    """The validated rows of ``actor_labels.csv``."""
    rows = load_lexicon("actor_labels")
    origin = "lexicon actor_labels.csv"
    validate(rows, origin=origin, required=("term", "tier", "basis", "scope"), key=("term",))
    for row in rows:
        if row["tier"] not in LABEL_TIERS:
            raise LexiconError(f"{origin}: {row['term']!r} has unknown tier {row['tier']!r}")
        if row["scope"] not in SCOPES:
            raise LexiconError(f"{origin}: {row['term']!r} has unknown scope {row['scope']!r}")
    return rows


def language_rows() -> tuple[Row, ...]:
    """The validated rows of ``loaded_language.csv``."""
    return _category_rows("loaded_language", ("term", "category", "basis"), LANGUAGE_CATEGORIES)


def emotive_rows() -> tuple[Row, ...]:
    """The validated rows of ``emotive_words.csv``."""
    return _category_rows("emotive_words", ("term", "valence", "category"), EMOTIVE_CATEGORIES)


def _category_rows(
    name: str, required: tuple[str, ...], categories: Sequence[str]
) -> tuple[Row, ...]:
    rows = load_lexicon(name)
    origin = f"lexicon {name}.csv"
    validate(rows, origin=origin, required=required, key=("term",))
    for row in rows:
        if row["category"] not in categories:
            raise LexiconError(
                f"{origin}: {row['term']!r} has unknown category {row['category']!r}"
            )
    return rows


def surface_forms(row: Row) -> list[str]:
    """The term and its listed forms (the matcher adds plural and hyphen variants of each)."""
    return [row["term"], *(f.strip() for f in row.get("forms", "").split(";") if f.strip())]


@functools.cache
def lexicon_entries() -> tuple[tuple[str, LexiconEntry], ...]:
    """(surface form, entry) for the three lexicons; a form claimed twice is an error."""
    pairs: list[tuple[str, LexiconEntry]] = []
    for row in label_rows():
        term, tier = row["term"].lstrip("="), row["tier"]
        entry = LexiconEntry(term, tier, tier, row["basis"], row["scope"] == "near")
        pairs.extend((form, entry) for form in surface_forms(row))
    for row in language_rows():
        entry = LexiconEntry(row["term"], LANGUAGE_LABEL, row["category"], row["basis"])
        pairs.extend((form, entry) for form in surface_forms(row))
    for row in emotive_rows():
        valence = float(row["valence"])
        entry = LexiconEntry(row["term"], EMOTIVE_LABEL, row["category"], "VADER", valence=valence)
        pairs.append((row["term"], entry))
    owners: dict[str, str] = {}
    for form, entry in pairs:
        key = form.lower().lstrip("=")
        if owners.setdefault(key, entry.term) != entry.term:
            raise LexiconError(
                f"loaded lexicons: {form!r} listed for {owners[key]!r} and {entry.term!r}"
            )
    return tuple(pairs)


@functools.cache
def _matcher() -> TermMatcher[LexiconEntry]:
    return TermMatcher(lexicon_entries())


def detect(doc: Document, config: Config) -> list[Span]:
    """Actor labels (with actor and voice) and loaded language in the body sentences."""
    if not doc.sentences:
        return []
    text = doc.text
    matches = _sentence_matches(text, [(s.start, s.end) for s in doc.sentences])
    labels = [(i, m.start, m.end) for i, m in matches if m.payload.label in LABEL_TIERS]
    attacher = _attacher(doc, config, labels) if labels else None
    spans: list[Span] = []
    for index, match in matches:
        entry, voice = match.payload, doc.voice_at(match.start, match.end)
        if entry.label == LANGUAGE_LABEL:
            rule = (
                f"loaded language ({entry.category}): '{entry.term}' judges as it reports, "
                f"{_VOICE_PHRASE[voice]} (basis: {_basis(entry.basis)})"
            )
            spans.append(_span(text, match.start, match.end, entry, rule, voice, None))
            continue
        if entry.label == EMOTIVE_LABEL:
            if _inside_name(text, match.start, match.end, doc.sentences[index].start):
                continue  # "Paradise, California", "Joy Reid": a name, not a feeling
            feeling = "negative" if entry.valence < 0 else "positive"
            rule = (
                f"emotive word: '{entry.term}' carries a strong {feeling} feeling (VADER raters: "
                f"{entry.valence:+.1f} on -4..+4), {_VOICE_PHRASE[voice]} (basis: {_basis('VADER')})"
            )
            spans.append(_span(text, match.start, match.end, entry, rule, voice, None))
            continue
        assert attacher is not None  # built whenever a label was matched
        attached = attacher.attach(
            match.start,
            match.end,
            entry.term,
            near_only=entry.near_only,
            condemns=entry.label in CONDEMNING_TIERS,
        )
        if attached is None:
            continue  # part of a name, a thing ("fighter jets"), or a near-only word naming nobody
        target = "no actor" if attached.actor == UNRESOLVED else f"{attached.actor}"
        rule = (
            f"{entry.label} label '{entry.term}' for {target} ({attached.how}), "
            f"{_VOICE_PHRASE[voice]}: {_ADVICE[entry.label]} (basis: {_basis(entry.basis)})"
        )
        spans.append(_span(text, match.start, match.end, entry, rule, voice, attached.actor))
    return spans


def _sentence_matches(
    text: str, sentences: Sequence[tuple[int, int]]
) -> list[tuple[int, Match[LexiconEntry]]]:
    """Lexicon matches with the index of the body sentence holding each; a match outside the
    sentences (furniture) or across a sentence end is left out."""
    if not sentences:
        return []
    starts = [start for start, _ in sentences]
    out = []
    for match in _matcher().find(text, sentences[0][0], sentences[-1][1]):
        index = bisect.bisect_right(starts, match.start) - 1
        if index >= 0 and match.end <= sentences[index][1]:
            out.append((index, match))
    return out


def sentences_to_parse(text: str, sentences: Sequence[tuple[int, int]], config: Config) -> set[int]:
    """The sentences :func:`detect` will have parsed: those holding a label and the ones before
    each where its actor may be named."""
    labels = [i for i, m in _sentence_matches(text, sentences) if m.payload.label in LABEL_TIERS]
    if not labels:
        return set()
    return _near(labels, config.labels.lookback_sentences) | claim_sentences(text, sentences)


def _near(label_sentences: Iterable[int], lookback: int) -> set[int]:
    return {i for s in label_sentences for i in range(max(0, s - lookback), s + 1)}


def _attacher(doc: Document, config: Config, labels: list[tuple[int, int, int]]) -> LabelAttacher:
    """Parse the sentences that hold a label (``(sentence, start, end)``) and the two before each
    (``config.labels.lookback_sentences``, where a description's actor is named), then find the
    document's actors in them; names found there are also counted wherever else they occur (and
    the story pack's anywhere). A label opening a sentence ("Gunmen ambushed ...") is a word,
    not a name."""
    spans = tuple((s.start, s.end) for s in doc.sentences)
    lookback = config.labels.lookback_sentences
    near = _near((s for s, _, _ in labels), lookback) | claim_sentences(doc.text, spans)
    doc.words.parse_many(sorted(near))
    common = [(start, end) for _, start, end in labels]
    layer = ActorLayer(
        doc.text, spans, doc.words, config.story_pack, read=near, common_words=common
    )
    return LabelAttacher(doc, layer, _label_words(), lookback)


@functools.cache
def _label_words() -> frozenset[str]:
    """One-word actor-label terms ("rebel", "terrorist"), for the attacher to see label phrases."""
    return frozenset(
        row["term"].lstrip("=").lower() for row in label_rows() if " " not in row["term"]
    )


#: Characters after which a capital letter starts a sentence or a quotation, not a name.
_OPENERS = frozenset(".!?:;\"'“‘(—–-")


def _inside_name(text: str, start: int, end: int, sentence_start: int) -> bool:
    """True for a capitalised (not all-capital) word that does not open its sentence or a
    quotation: a derived emotive word there is part of a name ("Paradise, California"), which
    VADER's raters never saw. Shouted words ("DISGUSTING") are not names."""
    word = text[start:end]
    if not word[0].isupper() or word.isupper() or start <= sentence_start:
        return False
    before = text[sentence_start:start].rstrip()
    return bool(before) and before[-1] not in _OPENERS


def _basis(keys: str) -> str:
    return ", ".join(BASIS_NAMES.get(key, key) for key in keys.split(";"))


def _span(
    text: str, start: int, end: int, entry: LexiconEntry, rule: str, voice: str, actor: str | None
) -> Span:
    return make_span(
        text,
        start,
        end,
        signal="loaded",
        label=entry.label,
        rule=rule,
        voice=voice,
        actor=actor,
        term=entry.term,
    )


def score(doc: Document, spans: Sequence[Span]) -> dict[str, float]:
    """Counts per tier and voice, authorial rates, style flags, loaded language and unresolved."""
    counts = {(tier, voice): 0 for tier in LABEL_TIERS for voice in VOICES}
    language = own_language = emotive = own_emotive = unresolved = 0
    for span in spans:
        if span.signal != "loaded":
            continue
        voice = span.voice or "authorial"
        if span.label == LANGUAGE_LABEL:
            language += 1
            own_language += voice == "authorial"
        elif span.label == EMOTIVE_LABEL:
            emotive += 1
            own_emotive += voice == "authorial"
        elif span.label in LABEL_TIERS:
            counts[(span.label, voice)] += 1
            unresolved += span.actor == UNRESOLVED
    words = doc.body_words
    scores: dict[str, float] = {
        f"loaded_{_column(tier)}_{voice}": float(n) for (tier, voice), n in counts.items()
    }
    for tier in LABEL_TIERS:
        scores[f"loaded_{_column(tier)}_authorial_rate"] = rate(counts[(tier, "authorial")], words)
    flags = sum(counts[(tier, "authorial")] for tier in FLAGGED_TIERS)
    scores["loaded_label_rate"] = rate(sum(counts.values()), words)
    scores["loaded_style_flags"] = float(flags)
    scores["loaded_style_flag_rate"] = rate(flags, words)
    scores["loaded_language_rate"] = rate(language, words)
    scores["loaded_language_authorial_rate"] = rate(own_language, words)
    scores["loaded_emotive_rate"] = rate(emotive, words)
    scores["loaded_emotive_authorial_rate"] = rate(own_emotive, words)
    scores["loaded_unresolved"] = float(unresolved)
    return scores


#: The span kinds the signal emits: one per tier, loaded language and emotive words.
KINDS = tuple(("loaded", label) for label in (*LABEL_TIERS, LANGUAGE_LABEL, EMOTIVE_LABEL))

SIGNAL = Signal("loaded", FEATURES, detect, score, KINDS, parses=sentences_to_parse)
