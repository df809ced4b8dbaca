"""A NELA-style feature baseline, written from the NELA feature groups, for comparison only.

Horne, Khedr and Adali (2018), "Sampling the News Producers: A Large News and Feature Data Set for
the Study of the Complex Media Landscape" (ICWSM; the NELA toolkit), group their article features
as *style*, *complexity*, *bias*, *affect*, *moral* and *event*. This module computes a modest
subset of the first four on the title and on the body, as the toolkit does, with no run-time
download:

- **style**: exclamation and question marks, quotation marks, words in capitals, first-, second-
  and third-person pronouns, stop words (per word);
- **complexity**: type-token ratio, mean word length, mean sentence length, long words, the
  Flesch-Kincaid grade (our offline textstat adapter);
- **bias**: hedges, factive, assertive, implicative and report verbs, from short lists after
  Hooper (1975) and Recasens et al. (2013), the sources NELA's bias lexicons cite;
- **affect**: VADER positive, negative and compound, mean over sentences (body) and on the title.

Left out: part-of-speech counts, the moral-foundations and event features, and NELA's exact word
lists. It is a baseline for the evaluation, never part of the analysis pipeline.
"""

from __future__ import annotations

import re
import statistics

from spacy.lang.en.stop_words import STOP_WORDS

from analyzer.adapters.textstat_offline import flesch_kincaid_grade
from analyzer.adapters.vader import polarity

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: Letters from which a word counts as long (complexity).
LONG_WORD_LETTERS = 7


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FIRST = _word_set("i me my mine we us our ours")
_SECOND = _word_set("you your yours yourself")
_THIRD = _word_set("he him his she her hers they them their theirs")
_HEDGES = _word_set(
    "may might could perhaps possibly probably apparently seem seems seemed appear appears "
    "likely unlikely suggest suggests somewhat almost"
)
_FACTIVES = _word_set(
    "know knew known realize realized discover discovered reveal revealed regret notice noticed "
    "learn learned aware"
)
_ASSERTIVES = _word_set(
    "claim claimed claims believe believed think thought argue argued insist insisted assert "
    "asserted contend maintain"
)
_IMPLICATIVES = _word_set(
    "manage managed forget forgot fail failed cause caused prevent prevented avoid avoided"
)
_REPORTS = _word_set(
    "said says say told tell stated announced reported according added explained noted"
)
_LEXICONS = {
    "first_person": _FIRST,
    "second_person": _SECOND,
    "third_person": _THIRD,
    "hedge": _HEDGES,
    "factive": _FACTIVES,
    "assertive": _ASSERTIVES,
    "implicative": _IMPLICATIVES,
    "report_verb": _REPORTS,
}


def _per_word(count: float, words: int) -> float:
    return count / words if words else 0.0


def text_features(text: str, prefix: str, *, sentences: bool) -> dict[str, float]:
    """The baseline's features of one text (title or body), names prefixed."""
    words = _WORD.findall(text)
    lowered = [w.lower() for w in words]
    n = len(words)
    out = {
        "exclamations": _per_word(text.count("!"), n),
        "questions": _per_word(text.count("?"), n),
        "quotes": _per_word(sum(text.count(q) for q in '"“”'), n),
        "caps_words": _per_word(sum(w.isupper() and len(w) > 1 for w in words), n),
        "stop_words": _per_word(sum(w in STOP_WORDS for w in lowered), n),
        "type_token_ratio": len(set(lowered)) / n if n else 0.0,
        "word_length": statistics.fmean(len(w) for w in words) if words else 0.0,
        "long_words": _per_word(sum(len(w) >= LONG_WORD_LETTERS for w in words), n),
        "words": float(n),
    }
    for name, lexicon in _LEXICONS.items():
        out[name] = _per_word(sum(w in lexicon for w in lowered), n)
    parts = [p for p in _SENTENCE_END.split(text.strip()) if p.strip()] if sentences else [text]
    scores = [polarity(p) for p in parts] or [polarity("")]
    out["vader_compound"] = statistics.fmean(s.compound for s in scores)
    out["vader_positive"] = statistics.fmean(s.positive for s in scores)
    out["vader_negative"] = statistics.fmean(s.negative for s in scores)
    if sentences:
        out["sentence_length"] = n / len(parts) if parts else 0.0
        out["fk_grade"] = flesch_kincaid_grade(text) if n else 0.0
    return {f"{prefix}_{name}": float(value) for name, value in out.items()}


def nela_features(title: str, body: str) -> dict[str, float]:
    """Title and body features of one article."""
    return {
        **text_features(title, "title", sentences=False),
        **text_features(body, "body", sentences=True),
    }
