"""Actor labels on unseen stories: framescope against hand-annotated held-out articles.

``benchmarks/heldout/`` holds annotations of real news articles on stories other than the seeds
(Islamic State and Syria, Hong Kong 2019, the December 2016 attacks ...); the texts themselves are
read from the evaluation datasets (AEB gold bodies, Horne 2017 files) in
:func:`~analyzer.evaluation.base.eval_dir`. Whole stories are assigned to ``dev`` or ``test``
(``articles.csv``), so the test stories are unseen on dev. The guideline is in
``benchmarks/heldout/README.md``.

Each article of the split is analysed twice through the public API (``strip_boilerplate=False``:
the texts are clean body copy): with no story pack, and with the story's minimal pack from
``benchmarks/heldout/storypacks/``. Scores are micro-averaged over the split's articles:

- **label recall**: gold labels overlapped by a predicted actor-label span (``signal == "loaded"``
  and ``label`` one of :data:`TIERS`) / gold labels;
- **label precision**: predicted actor-label spans overlapping some gold label / predicted spans;
- **actor right**: among found gold labels, the predicted actor names the gold actor (the predicted
  span overlapping the gold label most is compared): without a pack the predicted string must be
  one of the gold actor's names (canonical name or alias from ``actors.csv``), compared
  case-insensitively, ignoring a leading "the", a possessive "'s" and the apostrophe style; with a
  pack it may also be the name of a pack actor that names the gold actor (the pack actor's name or
  one of its aliases is one of the gold actor's names). A ``generic`` gold actor is right when the
  predicted actor is empty, ``unresolved`` or ``generic``;
- **voice right**: among found gold labels, predicted voice == gold voice;
- **sources found**: gold sources for which some quote or attribution span of the article has a
  ``source`` (or a speaker a source resolves to: "she" -> "a young friend of mine") that
  contains the gold source's key word as a whole word, singular or plural (the key
  word is the last word of the gold source's head: "Ahmado's source" in "Nisan Ahmado's source
  inside the Rukban camp", read before "of", "at", "in", "inside", "with", "to", "on", "for",
  "from", "who" or a comma; "one of the X" reads X), or whose ``source`` is itself contained, as
  whole words, in the gold source ("Amnesty" in "Amnesty International").

Only for a source checkout: the annotations are not installed with the package, and an absent
``benchmarks/heldout`` folder raises :class:`FileNotFoundError` (the harness reports "not measured").
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from analyzer.analysis import Analysis, analyze
from analyzer.config import Config
from analyzer.document import ArticleMeta
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.signals.base import share
from analyzer.span import Span
from analyzer.storypack import StoryPack, load_story_pack

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "benchmarks" / "heldout"
SPLITS = ("dev", "test")
VOICES = ("authorial", "quoted", "reported")
#: Actor-label tiers of the lexicon (analyzer/lexicons/actor_labels.csv).
TIERS = ("descriptive", "contested", "value-laden", "dehumanizing", "honorific")
SOURCE_KINDS = ("named", "organisation", "anonymous")
#: The reserved gold actor of a label that names no identifiable party.
GENERIC = "generic"
#: Predicted actor strings that count as "names no actor".
UNRESOLVED = frozenset({"", "unresolved", "generic", "none"})
MODES = ("no pack", "minimal pack")

SIGNAL = "actor labels on unseen stories"
DATASET = "held-out articles (hand-annotated)"
CAVEAT = (
    "22 articles on 6 stories other than the seeds (dev and test stories disjoint), one "
    "annotator; labels include words the lexicon lacks (protesters, soldiers, criminals)"
)
#: Targets per metric; actor right depends on the mode.
TARGETS = {
    "label recall": 0.90,
    "label precision": 0.85,
    "voice right": 0.95,
    "sources found": 0.85,
}
ACTOR_TARGETS = {"no pack": 0.75, "minimal pack": 0.85}
#: Error weight by tier: a missed or misattributed insult is worse than a missed "forces".
TIER_WEIGHT = {
    "dehumanizing": 1.0,
    "value-laden": 0.9,
    "honorific": 0.8,
    "contested": 0.7,
    "descriptive": 0.5,
}
SOURCE_WEIGHT = {"named": 0.6, "organisation": 0.5, "anonymous": 0.4}

_ANCHOR = re.compile(r"(?P<pre>[^\[\]]*)\[(?P<label>[^\[\]]+)\](?P<post>[^\[\]]*)", re.DOTALL)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_HEAD_END = re.compile(r",|\s(?:of|at|in|inside|with|to|on|for|from|who)\s")
#: Predicted "sources" that name nobody on their own.
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "one"})
_QUANTIFIED = re.compile(r"^(?:one|some|many|each|any|all|none|most)\s+of\s+(?:the\s+)?")


# --------------------------------------------------------------------------------------------
# The annotations


@dataclass(frozen=True, slots=True)
class HeldoutArticle:
    id: str
    story: str
    split: str
    outlet: str
    dataset: str
    source: str
    title: str


@dataclass(frozen=True, slots=True)
class GoldLabel:
    article: str
    anchor: str
    term: str
    tier: str
    actor: str
    voice: str
    note: str = ""
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class GoldSource:
    article: str
    source: str
    kind: str
    actor: str
    anchor: str


@dataclass(frozen=True, slots=True)
class GoldActor:
    story: str
    name: str
    kind: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(normalize_name(n) for n in (self.name, *self.aliases) if n.strip())


@dataclass(frozen=True)
class Annotations:
    articles: tuple[HeldoutArticle, ...]
    labels: tuple[GoldLabel, ...]
    sources: tuple[GoldSource, ...]
    actors: Mapping[tuple[str, str], GoldActor]  # (story, actor) -> actor


def annotations_dir(folder: Path | None = None) -> Path:
    path = folder or HELDOUT
    if not (path / "articles.csv").is_file():
        raise FileNotFoundError(2, "held-out annotations not found", str(path))
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(line for line in handle if not line.startswith("#"))
        ]


def load_annotations(folder: Path | None = None) -> Annotations:
    """Read the four annotation tables (label offsets are filled in by :func:`locate_labels`)."""
    path = annotations_dir(folder)
    articles = tuple(HeldoutArticle(**row) for row in _rows(path / "articles.csv"))
    labels = tuple(
        GoldLabel(
            row["article"],
            row["anchor"],
            row["term"],
            row["tier"],
            row["actor"],
            row["voice"],
            row.get("note", ""),
        )
        for row in _rows(path / "labels.csv")
    )
    sources = tuple(GoldSource(**row) for row in _rows(path / "sources.csv"))
    actors = {
        (row["story"], row["actor"]): GoldActor(
            row["story"],
            row["actor"],
            row["kind"],
            tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
        )
        for row in _rows(path / "actors.csv")
    }
    return Annotations(articles, labels, sources, actors)


def load_story_packs(folder: Path | None = None) -> dict[str, StoryPack]:
    """The minimal story pack of each story, by story name."""
    packs = annotations_dir(folder) / "storypacks"
    return {path.stem: load_story_pack(path) for path in sorted(packs.glob("*.csv"))}


def load_text(source: str, data_dir: Path | None = None) -> str:
    """An article's text from its ``source`` (relative to the evaluation folder).

    ``path.json#key`` is the ``articleBody`` of ``key`` in that JSON file (AEB's gold bodies);
    ``path.txt`` is a Horne 2017 body file: Windows-1252, CRLF turned into LF (its SOURCE.md).
    """
    base = data_dir or eval_dir()
    path_part, _, key = source.partition("#")
    path = base / path_part
    if key:
        data = json.loads(path.read_text(encoding="utf-8"))
        return str(data[key]["articleBody"])
    return path.read_bytes().decode("cp1252", errors="replace").replace("\r\n", "\n")


def anchor_parts(anchor: str) -> tuple[str, str, str]:
    """(before, label, after) of an anchor; an anchor without brackets is all label."""
    match = _ANCHOR.fullmatch(anchor)
    if match:
        return match["pre"], match["label"], match["post"]
    if "[" in anchor or "]" in anchor:
        raise ValueError(f"anchor must hold one [label] and no other bracket: {anchor!r}")
    return "", anchor, ""


def _loose(text: str) -> str:
    """A regex for ``text`` in which every run of whitespace matches any run of whitespace."""
    return r"\s+".join(re.escape(part) for part in text.split())


def anchor_pattern(anchor: str) -> re.Pattern[str]:
    before, label, after = anchor_parts(anchor)
    parts = [_loose(before)] if before.strip() else []
    if before[-1:].isspace():
        parts.append(r"\s+")
    parts.append(f"({_loose(label)})")
    if after[:1].isspace():
        parts.append(r"\s+")
    if after.strip():
        parts.append(_loose(after))
    return re.compile("".join(parts))


def locate_anchor(text: str, anchor: str) -> tuple[int, int]:
    """Offsets of the bracketed label of ``anchor``, which must occur exactly once in ``text``."""
    matches = list(anchor_pattern(anchor).finditer(text))
    if len(matches) != 1:
        raise ValueError(f"anchor found {len(matches)} times, expected once: {anchor!r}")
    return matches[0].span(1)


def locate_labels(labels: Iterable[GoldLabel], texts: Mapping[str, str]) -> list[GoldLabel]:
    located = []
    for label in labels:
        start, end = locate_anchor(texts[label.article], label.anchor)
        located.append(replace(label, start=start, end=end))
    return located


# --------------------------------------------------------------------------------------------
# Matching rules


def normalize_name(name: str | None) -> str:
    """Case-folded, one apostrophe style, no leading "the", no possessive, single spaces."""
    text = " ".join((name or "").translate(_APOSTROPHES).split()).casefold()
    text = text.removeprefix("the ")
    return text.removesuffix("'s").removesuffix("'").strip()


def pack_names_for(actor: GoldActor, pack: StoryPack | None) -> frozenset[str]:
    """Names of the pack actors that name ``actor`` (their name or an alias is one of its names)."""
    if pack is None:
        return frozenset()
    names = actor.names
    return frozenset(
        normalize_name(entry.name)
        for entry in pack.actors
        if any(normalize_name(alias) in names for alias in (entry.name, *entry.aliases))
    )


def actor_right(predicted: str | None, gold: GoldActor | None, pack: StoryPack | None) -> bool:
    """Does the predicted actor name the gold actor? ``gold`` None is the generic actor."""
    name = normalize_name(predicted)
    if gold is None:
        return name in UNRESOLVED
    return name in gold.names or name in pack_names_for(gold, pack)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_singular(w.removesuffix("'s")) for w in _WORD.findall(normalize_name(text))]


def source_key(gold: str) -> str:
    """The key word of a gold source: the last word of its head (see the module docstring)."""
    text = _QUANTIFIED.sub("", normalize_name(gold))
    head = _HEAD_END.split(f" {text} ", maxsplit=1)[0]
    words = _words(head) or _words(text)
    return words[-1] if words else ""


def source_found(predicted: str | None, gold: str) -> bool:
    """Does a predicted source string name the gold source?"""
    if not predicted or not predicted.strip():
        return False
    said = _words(predicted)
    if source_key(gold) in said:
        return True
    whole = " ".join(said)
    if len(whole) < 3 or whole in _PRONOUNS:
        return False
    return f" {whole} " in f" {' '.join(_words(gold))} "


# --------------------------------------------------------------------------------------------
# Scoring


def actor_label_spans(spans: Iterable[Span]) -> list[Span]:
    return [s for s in spans if s.signal == "loaded" and s.label in TIERS]


def attribution_spans(spans: Iterable[Span]) -> list[Span]:
    return [s for s in spans if s.signal in ("quote", "attribution") and s.source]


def _overlap(span: Span, start: int, end: int) -> int:
    return min(span.end, end) - max(span.start, start)


@dataclass
class Scores:
    """Pooled counts of one mode over a split; ratios are 0.0 when undefined."""

    gold_labels: int = 0
    found_labels: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    actor_right: int = 0
    voice_right: int = 0
    gold_sources: int = 0
    found_sources: int = 0
    articles: int = 0
    gold_by_tier: Counter[str] = field(default_factory=Counter)
    found_by_tier: Counter[str] = field(default_factory=Counter)
    gold_by_story: Counter[str] = field(default_factory=Counter)
    found_by_story: Counter[str] = field(default_factory=Counter)
    errors: dict[str, list[ErrorCase]] = field(default_factory=lambda: defaultdict(list))

    def counts(self, metric: str) -> tuple[int, int]:
        """The numerator and denominator behind a metric of :data:`METRIC_COUNTS`."""
        part, whole = METRIC_COUNTS[metric]
        return getattr(self, part), getattr(self, whole)

    def metrics(self) -> dict[str, float]:
        """Every metric as a share in [0, 1]; 0.0 where the denominator is 0."""
        return {metric: share(*self.counts(metric)) for metric in METRIC_COUNTS}


#: Each reported metric: the ``Scores`` counts it divides (found labels are the denominator of
#: actor and voice accuracy: a label never found has no actor or voice to judge).
METRIC_COUNTS = {
    "label recall": ("found_labels", "gold_labels"),
    "label precision": ("correct_predicted", "predicted"),
    "actor right": ("actor_right", "found_labels"),
    "voice right": ("voice_right", "found_labels"),
    "sources found": ("found_sources", "gold_sources"),
}


#: Where the sentence around an offset starts and ends, or None (the analysed document's splitter).
SentenceBounds = Callable[[int], tuple[int, int] | None]


def _sentence(text: str, start: int, end: int, bounds: SentenceBounds | None = None) -> str:
    """The sentence around ``start:end`` with the label in [brackets] (at most 300 chars a side)."""
    found = bounds(start) if bounds else None
    if found:
        left, right = min(found[0], start), max(found[1], end)
    else:  # a rough fallback: the line, cut at sentence marks
        left = max(
            text.rfind("\n", 0, start), *(text.rfind(m, 0, start) for m in (". ", "? ", "! "))
        )
        left = 0 if left < 0 else left + 1
        marks = (text.find(m, end) for m in ("\n", ". ", "? ", "! "))
        right = min((i + 1 for i in marks if i >= 0), default=len(text))
    left, right = max(left, start - 300), min(right, end + 300)
    return " ".join(f"{text[left:start]}[{text[start:end]}]{text[end:right]}".split())


def document_bounds(analysis: Analysis) -> SentenceBounds:
    """Sentence bounds from an analysis (None outside the body)."""
    document = analysis.document

    def bounds(offset: int) -> tuple[int, int] | None:
        index = document.sentence_index(offset)
        if index is None:
            return None
        sentence = document.sentences[index]
        return sentence.start, sentence.end

    return bounds


def score_article(
    scores: Scores,
    article: HeldoutArticle,
    text: str,
    spans: Sequence[Span],
    labels: Sequence[GoldLabel],
    sources: Sequence[GoldSource],
    actors: Mapping[tuple[str, str], GoldActor],
    pack: StoryPack | None,
    bounds: SentenceBounds | None = None,
    speakers: Sequence[str] = (),
) -> None:
    """Add one analysed article to ``scores`` (labels must carry offsets). ``speakers`` are the
    names the article's sources resolve to ("she" -> "a young friend of mine"), as its sources
    table lists them."""
    predicted = actor_label_spans(spans)
    scores.articles += 1
    for gold in labels:
        scores.gold_labels += 1
        scores.gold_by_tier[gold.tier] += 1
        scores.gold_by_story[article.story] += 1
        weight = TIER_WEIGHT.get(gold.tier, 0.5)
        hits = [s for s in predicted if _overlap(s, gold.start, gold.end) > 0]
        where = _sentence(text, gold.start, gold.end, bounds)
        what = f"{gold.tier} '{gold.term}' -> {gold.actor} ({gold.voice})"
        if not hits:
            scores.errors["missed label"].append(
                ErrorCase(article.id, what, "no actor-label span", where, weight)
            )
            continue
        scores.found_labels += 1
        scores.found_by_tier[gold.tier] += 1
        scores.found_by_story[article.story] += 1
        best = max(hits, key=lambda s: _overlap(s, gold.start, gold.end))
        gold_actor = None if gold.actor == GENERIC else actors[(article.story, gold.actor)]
        if actor_right(best.actor, gold_actor, pack):
            scores.actor_right += 1
        else:
            scores.errors["wrong actor"].append(
                ErrorCase(article.id, f"actor {gold.actor}", f"actor {best.actor}", where, weight)
            )
        if best.voice == gold.voice:
            scores.voice_right += 1
        else:
            # An authorial label tagged as quoted or reported (or the reverse) is the error a
            # standards editor cares about most.
            severe = "authorial" in (gold.voice, best.voice)
            scores.errors["wrong voice"].append(
                ErrorCase(
                    article.id,
                    f"voice {gold.voice} ('{gold.term}')",
                    f"voice {best.voice}",
                    where,
                    weight + (0.1 if severe else 0.0),
                )
            )
    for span in predicted:
        scores.predicted += 1
        if any(_overlap(span, g.start, g.end) > 0 for g in labels):
            scores.correct_predicted += 1
        else:
            scores.errors["false label"].append(
                ErrorCase(
                    article.id,
                    "no label annotated",
                    f"{span.label} '{span.text}' -> {span.actor} ({span.voice})",
                    _sentence(text, span.start, span.end, bounds),
                    0.4 if span.label == "descriptive" else 0.6,
                )
            )
    said = [s.source for s in attribution_spans(spans)] + list(speakers)
    for gold_source in sources:
        scores.gold_sources += 1
        if any(source_found(name, gold_source.source) for name in said):
            scores.found_sources += 1
        else:
            try:
                start, end = locate_anchor(text, gold_source.anchor)
                where = _sentence(text, start, end, bounds)
            except ValueError:
                where = gold_source.anchor
            scores.errors["missed source"].append(
                ErrorCase(
                    article.id,
                    f"{gold_source.kind} source '{gold_source.source}'",
                    "sources found: " + ("; ".join(sorted({str(n) for n in said})) or "none"),
                    where,
                    SOURCE_WEIGHT.get(gold_source.kind, 0.4),
                )
            )


@dataclass(frozen=True)
class Measurement:
    """Both modes on one split."""

    split: str
    scores: Mapping[str, Scores]  # mode -> scores


def _config(pack: StoryPack | None) -> Config:
    return Config(story_pack=pack, strip_boilerplate=False)


def _analyse(article: HeldoutArticle, text: str, pack: StoryPack | None) -> Analysis:
    meta = ArticleMeta(file=article.id, outlet=article.outlet, title=article.title)
    result = analyze(text, _config(pack), meta=meta)
    if result.text != text:  # offsets would not line up with the gold
        raise ValueError(f"{article.id}: the analysed text differs from the loaded text")
    return result


@lru_cache(maxsize=4)
def measure(split: str = "test") -> Measurement:
    """Analyse every article of ``split`` in both modes and score it."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    notes = load_annotations()
    packs = load_story_packs()
    articles = [a for a in notes.articles if a.split == split]
    texts = {a.id: load_text(a.source) for a in articles}
    labels = locate_labels((g for g in notes.labels if g.article in texts), texts)
    by_article: dict[str, list[GoldLabel]] = defaultdict(list)
    for label in labels:
        by_article[label.article].append(label)
    sources: dict[str, list[GoldSource]] = defaultdict(list)
    for source in notes.sources:
        if source.article in texts:
            sources[source.article].append(source)
    result = {}
    for mode in MODES:
        scores = Scores()
        for article in articles:
            pack = packs.get(article.story) if mode == "minimal pack" else None
            analysis = _analyse(article, texts[article.id], pack)
            score_article(
                scores,
                article,
                texts[article.id],
                analysis.spans,
                by_article[article.id],
                sources[article.id],
                notes.actors,
                pack,
                document_bounds(analysis),
                [a.speaker for a in analysis.document.attributions if a.speaker],
            )
        result[mode] = scores
    return Measurement(split, result)


def _details(scores: Scores, metric: str) -> dict[str, float]:
    details = {"articles": float(scores.articles)}
    if metric == "label recall":
        details |= {"gold": float(scores.gold_labels), "found": float(scores.found_labels)}
        for tier in TIERS:
            if scores.gold_by_tier[tier]:
                details[f"recall_{tier}"] = scores.found_by_tier[tier] / scores.gold_by_tier[tier]
        for story, gold in sorted(scores.gold_by_story.items()):
            details[f"recall_{story}"] = scores.found_by_story[story] / gold
    elif metric == "label precision":
        details |= {
            "predicted": float(scores.predicted),
            "correct": float(scores.correct_predicted),
        }
    elif metric in ("actor right", "voice right"):
        right = scores.actor_right if metric == "actor right" else scores.voice_right
        details |= {"found labels": float(scores.found_labels), "right": float(right)}
    else:
        details |= {"gold": float(scores.gold_sources), "found": float(scores.found_sources)}
    return details


METRIC_TEXT = {
    "label recall": "gold labels overlapped by an actor-label span",
    "label precision": "actor-label spans overlapping a gold label",
    "actor right": "found labels attached to the gold actor",
    "voice right": "found labels with the gold voice",
    "sources found": "gold sources named by a quote/attribution span",
}


def evaluate(split: str = "test") -> DatasetResult:
    """Figures for both modes on ``split``; errors of the minimal-pack run (wrong actor: both)."""
    measured = measure(split)
    figures = []
    for mode in MODES:
        scores = measured.scores[mode]
        for metric, value in scores.metrics().items():
            target = ACTOR_TARGETS[mode] if metric == "actor right" else TARGETS[metric]
            figures.append(
                Figure(
                    f"{'attributions' if metric == 'sources found' else SIGNAL}, {mode}: {metric}",
                    DATASET,
                    METRIC_TEXT[metric],
                    value,
                    target,
                    "- (our own annotation)",
                    CAVEAT,
                    _details(scores, metric),
                    split,
                )
            )
    errors: dict[str, list[ErrorCase]] = {}
    pack_errors = measured.scores["minimal pack"].errors
    for kind in ("missed label", "false label", "wrong voice", "missed source"):
        errors[f"{kind} (held-out, minimal pack)"] = list(pack_errors[kind])
    for mode in MODES:
        errors[f"wrong actor (held-out, {mode})"] = list(
            measured.scores[mode].errors["wrong actor"]
        )
    return DatasetResult(figures, errors)


__all__ = [
    "Annotations",
    "GoldActor",
    "GoldLabel",
    "GoldSource",
    "HeldoutArticle",
    "Measurement",
    "Scores",
    "actor_right",
    "anchor_pattern",
    "evaluate",
    "load_annotations",
    "load_story_packs",
    "load_text",
    "locate_anchor",
    "locate_labels",
    "measure",
    "score_article",
    "source_found",
    "source_key",
]
