"""GUM news and interview documents: which named entity a definite description refers to.

The yardstick is built from GUM's gold coreference (the ``Entity=`` brackets of the CoNLL-U MISC
column, ``shared/eval/gum-attribution/SOURCE.md``); no code was copied. A *case* is a mention of a
person or an organisation that is a definite description (its head is a common noun and it opens
with "the", "this", "these", "those" or a possessive pronoun: "the team", "its members") whose
entity was named earlier in the document (:mod:`analyzer.evaluation.gum_entities`). The gold
answer is every name the entity was given before the description, plus its Wikipedia identity
when GUM links one.

Ours: the document is analysed like an article and each description's head noun is handed to
:class:`~analyzer.loaded.attach.LabelAttacher` as if it were a label, with its lemma as the term,
in text order, one attacher per document (it remembers earlier labels of a term). Beside it, the
naive rule, computed from the gold tokens: the nearest proper name before the description, of any
entity. An answer is right when it and a gold name are the same name (ignoring case, a leading
"the" and a possessive) or one holds the other as whole words ("Kasich" / "John Kasich"), unless
it only names another entity nested in the gold name ("Neo Democrats" is not "Gary Fan of the Neo
Democrats"). The Wikipedia identity must match whole, less a bracketed disambiguation.

This module reads the evaluation data and must never be imported by the analysis pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from analyzer.actors import UNRESOLVED, ActorLayer
from analyzer.config import Config
from analyzer.document import Document, build_document
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure
from analyzer.evaluation.gum import (
    GoldDocument,
    document_text,
    read_document,
    split_documents,
    token_offsets,
)
from analyzer.evaluation.gum_entities import ENTITY_TYPES, EntityMention, Name, find_cases
from analyzer.loaded.attach import LabelAttacher

# The attacher is given the one-word label terms the loaded-language signal gives it.
from analyzer.signals.loaded import _label_words

SIGNAL = "description coreference"
DATASET = "GUM news + interview"
CAVEAT = "Wikinews news and interviews; descriptions of organisations and people only"
#: Body text already known to be clean: no boilerplate pass. A sweep starts from this config.
EVAL_CONFIG = Config(strip_boilerplate=False)
_WORDS = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s?\b")
_DISAMBIGUATION = re.compile(r"\s*\([^)]*\)$")


@dataclass(frozen=True, slots=True)
class GoldName:
    """A name the entity was given, and the names of other entities nested in it."""

    text: str
    nested: tuple[str, ...] = ()


def name_words(name: str) -> list[str]:
    """How names are compared: lowercased words, without a leading "the" or a possessive."""
    words = _WORDS.findall(_POSSESSIVE.sub("", name.casefold()))
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


def _within(short: list[str], long_: list[str]) -> bool:
    """``short`` occurs in ``long_`` as whole words."""
    return bool(short) and any(
        long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1)
    )


def same_name(answer: str, gold: str) -> bool:
    """The same name, or one holds the other as whole words ("Kasich" / "John Kasich")."""
    a, g = name_words(answer), name_words(gold)
    return _within(a, g) or _within(g, a)


def is_right(answer: str | None, names: Sequence[GoldName], identity: str = "") -> bool:
    """Whether ``answer`` names the entity whose ``names`` and Wikipedia ``identity`` are given
    (module doc). The identity is not matched by containment: "Australia" is not "Australia
    women's national wheelchair basketball team"."""
    if answer is None or answer == UNRESOLVED:
        return False
    words = name_words(answer)
    for name in names:
        if same_name(answer, name.text) and not any(
            _within(words, name_words(other)) for other in name.nested
        ):
            return True
    title = _DISAMBIGUATION.sub("", identity)
    return bool(title) and words == name_words(title)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One case scored: the gold names, our answer (None when the attacher declined) and the
    baseline's."""

    document: str
    etype: str
    description: str
    sentence: str  # the description marked with [brackets]
    names: tuple[GoldName, ...]
    identity: str
    ours: str | None
    baseline: str

    @property
    def gold(self) -> str:
        texts = (*(n.text for n in self.names), self.identity)
        return " / ".join(t for t in dict.fromkeys(texts) if t)

    @property
    def answered(self) -> bool:
        return self.ours is not None and self.ours != UNRESOLVED

    @property
    def right(self) -> bool:
        return is_right(self.ours, self.names, self.identity)

    @property
    def baseline_right(self) -> bool:
        return is_right(self.baseline, self.names, self.identity)


def score_document(gold: GoldDocument, config: Config = EVAL_CONFIG) -> list[Outcome]:
    """Our answer and the baseline's for every case of one document."""
    cases = find_cases(gold)
    if not cases:
        return []
    text, spans = document_text(gold)
    offsets = token_offsets(gold, spans)
    doc = build_document(text, config=config)
    indices = [doc.sentence_index(offsets[c.head][0]) for c in cases]
    attacher = _attacher(doc, indices, config.labels.lookback_sentences)

    def surface(first: int, last: int) -> str:
        return text[offsets[first][0] : offsets[last][1]]

    def gold_name(name: Name) -> GoldName:
        return GoldName(surface(name.first, name.last), tuple(surface(*n) for n in name.nested))

    outcomes = []
    for case in cases:
        start, end = offsets[case.head]
        attached = attacher.attach(start, end, gold.lemmas[case.head].lower(), near_only=False)
        mention = case.description
        outcomes.append(
            Outcome(
                gold.name,
                mention.etype,
                surface(mention.first, mention.last),
                _marked_sentence(gold, text, offsets, spans, mention),
                tuple(dict.fromkeys(gold_name(n) for n in case.names)),
                case.identity,
                None if attached is None else attached.actor,
                surface(case.nearest.first, case.nearest.last),
            )
        )
    return outcomes


def _attacher(doc: Document, indices: Sequence[int | None], lookback: int) -> LabelAttacher:
    """One attacher for the document, its actors read from each description's sentence and the
    sentences before it, as the loaded-language signal builds it."""
    near = {
        i
        for index in indices
        if index is not None
        for i in range(max(0, index - lookback), index + 1)
    }
    doc.words.parse_many(sorted(near))
    sentences = tuple((s.start, s.end) for s in doc.sentences)
    layer = ActorLayer(doc.text, sentences, doc.words, None, read=near)
    return LabelAttacher(doc, layer, _label_words(), lookback)


def _marked_sentence(
    gold: GoldDocument,
    text: str,
    offsets: list[tuple[int, int]],
    spans: list[tuple[int, int]],
    mention: EntityMention,
) -> str:
    """The gold sentence holding the description, with the description in [brackets]."""
    sentence = next(i for i, s in enumerate(gold.sentences) if s.start <= mention.first < s.end)
    lo, hi = spans[sentence]
    start, end = offsets[mention.first][0], offsets[mention.last][1]
    return f"{text[lo:start]}[{text[start:end]}]{text[end:hi]}"


def evaluate(
    split: str = "test", data_dir: Path | None = None, config: Config = EVAL_CONFIG
) -> DatasetResult:
    """Accuracy of the named entity a definite description is attached to, on GUM's ``split``
    news and interview documents, with the nearest-name baseline beside it; ``config`` changes
    the settings under evaluation (``benchmarks/sweep_settings.py``)."""
    outcomes = [
        outcome
        for name in split_documents(split, data_dir)
        for outcome in score_document(read_document(name, data_dir), config)
    ]
    details = summarise(outcomes)
    errors = [
        ErrorCase(
            f"{o.document}: {o.description}",
            o.gold,
            o.ours if o.ours is not None else UNRESOLVED,
            o.sentence,
            # A wrong actor misleads a reader; an unresolved description only withholds one.
            2.0 if o.answered else 1.0,
        )
        for o in outcomes
        if not o.right
    ]
    errors.sort(key=lambda case: -case.severity)
    figure = Figure(
        signal=SIGNAL,
        dataset=DATASET,
        metric="accuracy: the named entity a definite description refers to",
        value=details["accuracy"],
        target=None,
        reference=(
            "nearest earlier proper name (baseline, computed here): "
            f"{details['baseline_accuracy']:.3f}"
        ),
        caveat=CAVEAT,
        details=details,
        split=split,
    )
    return DatasetResult([figure], {SIGNAL: errors[:40]})


def summarise(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Accuracy over all cases, the share answered, accuracy among the answered and the
    baseline's accuracy; cases, accuracy and baseline per entity type."""
    right = sum(o.right for o in outcomes)
    answered = sum(o.answered for o in outcomes)
    baseline = sum(o.baseline_right for o in outcomes)
    details: dict[str, float] = {
        "cases": len(outcomes),
        "right": right,
        "accuracy": _share(right, len(outcomes)),
        "answered": answered,
        "answered_share": _share(answered, len(outcomes)),
        "accuracy_answered": _share(right, answered),
        "baseline_right": baseline,
        "baseline_accuracy": _share(baseline, len(outcomes)),
    }
    for etype in ENTITY_TYPES:
        chosen = [o for o in outcomes if o.etype == etype]
        details[f"{etype}_cases"] = len(chosen)
        details[f"{etype}_accuracy"] = _share(sum(o.right for o in chosen), len(chosen))
        details[f"{etype}_baseline_accuracy"] = _share(
            sum(o.baseline_right for o in chosen), len(chosen)
        )
    return details


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
