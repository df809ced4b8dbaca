"""NewsWCL50 (Hamborg et al. 2019): do we flag the evaluative phrases annotators marked?

The article texts are not distributed, only the annotated phrases (``code_mention``). Each
PROPERTY phrase (Aggressor, Victim, Unreason ...) is one gold evaluative mention; we run the
detector on the phrase alone and count it found when any loaded span (non-descriptive tier)
fires. This measures lexicon coverage, not precision in context: some PROPERTY phrases are
evaluative without being loaded words ("tough", "refused"). The flag rate on concept mentions
(names of actors, countries, groups) is shown beside it; those are mostly neutral names.

A second, small figure, **actor attachment of our labels**, asks whether a label inside a concept
mention is attached to the concept the annotators gave it; see :func:`attachment_cases` for the
rule. It is a weak yardstick: without the article text each phrase is read alone (no context, no
story pack), only a few dozen concept mentions hold one of our label terms next to other words,
and for many of them the phrase names no actor at all ("a group of former campaign aides").

Split: no official one and no ``split.csv`` in the folder; an event is ``test`` when the first hex
digit of SHA-1 of its ``event_id`` is 0-4 (the rule of shared/eval/README.md). Both figures use it.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.evaluation.loaded_spans import is_loaded, loaded_spans
from analyzer.lexicons import load_lexicon
from analyzer.span import Span

FOLDER = "newswcl50"
CONCEPT_TYPES = ("ACTOR", "COUNTRY", "GROUP")
#: Concept mentions that name a party (ACTOR-I: an individual of a country or group).
ATTACHMENT_TYPES = ("ACTOR", "ACTOR-I", "GROUP", "COUNTRY")
#: Actor-label tiers (analyzer/lexicons/actor_labels.csv).
LABEL_TIERS = frozenset({"descriptive", "contested", "value-laden", "dehumanizing", "honorific"})
#: Names of the country codes NewsWCL50 uses as concept roots (``USA``, ``PRK\\Kim`` ...): the
#: country, its demonym, its capital and, where a regime goes by it, the ruler ("the Kim regime").
COUNTRY_NAMES = {
    "USA": "United States U.S. US America American Americans Washington",
    "PRK": "North Korea North Korean Pyongyang Kim",
    "KOR": "South Korea South Korean Seoul",
    "CHN": "China Chinese Beijing",
    "RUS": "Russia Russian Russians Moscow Kremlin",
    "IRN": "Iran Iranian Iranians Tehran",
    "SYR": "Syria Syrian Damascus Assad",
    "ISR": "Israel Israeli Israelis",
    "GBR": "Britain British United Kingdom UK London",
    "MEX": "Mexico Mexican Mexicans",
    "DEU": "Germany German Berlin",
    "FRA": "France French Paris",
    "CAN": "Canada Canadian Ottawa",
    "JPN": "Japan Japanese Tokyo",
    "EU": "European Union EU Brussels",
}
#: Words of a concept name that name nothing on their own.
NAME_STOPWORDS = frozenset({"the", "of", "and", "a", "an", "without", "with", "for", "i", "misc"})
UNRESOLVED = frozenset({"", "unresolved", "generic", "none"})
ATTACHMENT_CAVEAT = (
    "concept mentions holding one of our label terms, each analysed alone without a story pack; "
    "few items, and the phrase often names no actor"
)
PUBLISHERS = ("LL", "L", "M", "R", "RR")
CAVEAT = (
    "phrases scored out of context (article texts are not distributed); PROPERTY phrases "
    "include evaluations that are not loaded words, so full recall is not expected"
)


def split_of(event_id: str) -> str:
    return "test" if hashlib.sha1(event_id.encode()).hexdigest()[0] in "01234" else "dev"


def load(split: str) -> list[dict[str, str]]:
    path = eval_dir() / FOLDER / "Annotations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        next(handle)  # "sep=,"
        return [row for row in csv.DictReader(handle) if split_of(row["event_id"]) == split]


def _flagged(phrase: str, cache: dict[str, bool]) -> bool:
    if phrase not in cache:
        cache[phrase] = any(is_loaded(s) for s in loaded_spans(phrase))
    return cache[phrase]


def _name_words(text: str, *, capitalised: bool = False) -> frozenset[str]:
    """Case-folded words, dots dropped ("U.S." is "us"), hyphens split ("Jong-un").

    ``capitalised`` keeps only words written with a capital (names, not "the caravan").
    """
    words = re.findall(r"[^\W_]+", text.replace(".", ""))
    if capitalised:
        words = [w for w in words if w[0].isupper()]
    folded = (w.casefold() for w in words)
    return frozenset(w.removesuffix("s") if len(w) > 3 else w for w in folded) - NAME_STOPWORDS


def concept_words(code_name: str) -> frozenset[str]:
    """The words that name a concept: the last part of ``code_name`` (``PRK\\Jong Un``: jong, un).

    A country code, or a sub-concept that is only the code with a suffix (``RUS\\RUS-I``,
    ``GBR\\GBR-Misc``: people of that country), is named by the country's names.
    """
    parts = [part.strip() for part in code_name.split("\\") if part.strip()]
    if not parts:
        return frozenset()
    root, last = parts[0], parts[-1]
    if len(parts) == 1 or last.split("-")[0] == root:
        return _name_words(COUNTRY_NAMES.get(root, root))
    return _name_words(last)


@lru_cache(maxsize=1)
def _label_term_pattern() -> re.Pattern[str]:
    """Every actor-label term and form of the lexicon, plural and hyphen/space tolerant."""
    forms = set()
    for row in load_lexicon("actor_labels"):
        for form in (row["term"], *row.get("forms", "").split(";")):
            form = form.strip().lstrip("=")
            if form:
                forms.add(form.casefold())
    alternatives = []
    for form in sorted(forms, key=len, reverse=True):
        body = r"[-\s]+".join(re.escape(w) for w in re.split(r"[-\s]+", form))
        alternatives.append(
            body + r"(?:s|es)?" if not form.endswith("y") else body[:-1] + r"(?:y|ies)"
        )
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AttachmentCase:
    phrase: str
    concept: str
    label: str  # the label span's text
    actor: str  # what we attached it to ("" when no span fired)
    named: bool  # the phrase (outside the label) holds a word naming the concept
    right: bool


def attachment_cases(split: str = "test") -> list[AttachmentCase]:
    """Our labels inside concept mentions, and whether each is attached to the mention's concept.

    A mention qualifies when its type is one of :data:`ATTACHMENT_TYPES` and its phrase holds an
    actor-label term of our lexicon plus at least one other word ("U.S. troops", "the Kim regime",
    "the Syrian regime"; "dictator" is not in the lexicon, so "North Korean dictator Kim Jong Un"
    is not a case). The phrase is analysed alone with no story pack; its first actor-label span is
    scored. When the phrase, outside that span, holds a capitalised word that names the concept
    (:func:`concept_words`), the attachment is right when the attached actor string holds one of
    those words too ("Kim" for ``PRK``; "U.S." for ``USA``). When it holds none ("the regime", "a
    group of former campaign aides", "the caravan's members": a common noun is not a name),
    nothing in the phrase names the concept, and the attachment is right only when it is left
    unresolved. Mentions where no actor-label span fires ("the Israeli Defense Forces", a name)
    get ``label`` "" and are counted apart, not scored.
    """
    pattern = _label_term_pattern()
    cache: dict[str, list[Span]] = {}
    cases = []
    for row in load(split):
        phrase = " ".join(row["code_mention"].split())
        if row["code_type"] not in ATTACHMENT_TYPES or not phrase:
            continue
        match = pattern.search(phrase)
        if not match or len(phrase.split()) <= len(match.group().split()):
            continue
        if phrase not in cache:
            cache[phrase] = [s for s in loaded_spans(phrase) if s.label in LABEL_TIERS]
        spans = cache[phrase]
        words = concept_words(row["code_name"])
        if not spans:
            cases.append(AttachmentCase(phrase, row["code_name"], "", "", False, False))
            continue
        span = spans[0]
        outside = _name_words(phrase[: span.start] + " " + phrase[span.end :], capitalised=True)
        named = bool(words & outside)
        actor = (span.actor or "").strip()
        # Named: the actor must name the concept; not named: nothing in the phrase can.
        right = bool(words & _name_words(actor)) if named else actor.casefold() in UNRESOLVED
        cases.append(AttachmentCase(phrase, row["code_name"], span.text, actor, named, right))
    return cases


def attachment_figure(split: str) -> tuple[Figure, list[ErrorCase]]:
    cases = attachment_cases(split)
    detected = [c for c in cases if c.label]
    named = [c for c in detected if c.named]
    unnamed = [c for c in detected if not c.named]

    def share(items: list[AttachmentCase]) -> float:
        return sum(c.right for c in items) / len(items) if items else 0.0

    figure = Figure(
        "actor attachment of our labels",
        "NewsWCL50",
        "label spans in concept mentions attached to the annotated concept (phrase alone)",
        share(detected),
        None,
        "- (reported only)",
        ATTACHMENT_CAVEAT,
        {
            "mentions_with_label_term": float(len(cases)),
            "label_span_found": float(len(detected)),
            "concept_named_in_phrase": float(len(named)),
            "accuracy_named": share(named),
            "concept_not_named": float(len(unnamed)),
            "accuracy_not_named": share(unnamed),
        },
        split,
    )
    errors = [
        ErrorCase(
            c.phrase,
            f"{c.concept}" if c.named else f"unresolved (phrase does not name {c.concept})",
            f"'{c.label}' -> {c.actor or 'unresolved'}",
            c.phrase,
        )
        for c in detected
        if not c.right
    ]
    return figure, errors


def evaluate(split: str = "test") -> DatasetResult:
    cache: dict[str, bool] = {}
    found: dict[str, list[bool]] = defaultdict(list)
    concept_flags = []
    misses: dict[str, int] = defaultdict(int)
    for row in load(split):
        phrase = row["code_mention"].strip()
        if not phrase:
            continue
        if row["code_type"] == "PROPERTY":
            hit = _flagged(phrase, cache)
            found[row["publisher_id"]].append(hit)
            if not hit:
                misses[phrase] += 1
        elif row["code_type"] in CONCEPT_TYPES:
            concept_flags.append(_flagged(phrase, cache))
    everything = [hit for hits in found.values() for hit in hits]
    recall = sum(everything) / len(everything) if everything else 0.0
    details = {
        "property_mentions": float(len(everything)),
        "flag_rate_on_concept_mentions": sum(concept_flags) / len(concept_flags)
        if concept_flags
        else 0.0,
    }
    for publisher in PUBLISHERS:
        hits = found.get(publisher, [])
        details[f"recall_{publisher}"] = sum(hits) / len(hits) if hits else 0.0
    figure = Figure(
        "evaluative labels across outlets",
        "NewsWCL50",
        "recall of evaluative (PROPERTY) mentions",
        recall,
        None,
        "- (reported only)",
        CAVEAT,
        details,
        split,
    )
    errors = [
        ErrorCase(phrase, "evaluative mention", "not flagged", phrase, float(count))
        for phrase, count in misses.items()
    ]
    attachment, attachment_errors = attachment_figure(split)
    return DatasetResult(
        [figure, attachment],
        {
            "evaluative labels (NewsWCL50)": errors,
            "actor attachment of our labels (NewsWCL50)": attachment_errors,
        },
    )
