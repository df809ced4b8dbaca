"""Distinctive words: each outlet against all the others, by weighted log-odds ("Fightin' Words").

Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), section 3.5: the
log-odds ratio of a word between two groups, smoothed by an informative Dirichlet prior and
divided by its estimated standard deviation, so a z-score of about 2 or more marks a word that is
used more by one side than chance and frequency explain. The prior here is the collection itself
(every outlet pooled), which shrinks rare words toward no difference. Unlike the paper's two
groups, every outlet is compared with the rest, so any number of outlets works.

On a lesson of five short articles, grammar words lead such a list ("our", "the", "he" differ by
chance and style, and their counts make even small differences significant). So a word that general
English uses once in every 1,000 words or more (wordfreq's frequency lists) is not listed, nor are
the plain reporting verbs ("says", "told"), which the attribution signal counts and which only
show an outlet's tense. What remains are the words that carry content: "surrender", "uprising",
"districts". Words are counted in the article's prose only, as the scorecard's word counts are: a
photo credit ("Photo: Twitter") or a byline is not the outlet's wording.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.adapters.english_frequency import ZIPF_PER_THOUSAND, zipf
from analyzer.analysis import Analysis
from analyzer.compare.refs import SentenceRef, iter_sentences
from analyzer.lexicons import load_lexicon

#: Total pseudo-count of the prior (alpha_0 in the paper), spread over words by their pooled
#: frequency. Monroe et al. scale the prior to the data; 500 keeps words seen once or twice in a
#: few thousand words near z = 0 while a word used five or more times by one outlet only can stand
#: out.
PRIOR_STRENGTH = 500.0
#: A word must occur this often in the outlet to be listed (one-off words are noise for a class).
MIN_COUNT = 2
#: Words at least this common in general English (Zipf scale) are grammar, not content.
COMMON_ENGLISH_ZIPF = ZIPF_PER_THOUSAND
#: The plain reporting verbs (AP: "said" is neutral), read with their forms from the cue lexicon.
PLAIN_REPORTING_VERBS = ("say", "tell")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class DistinctiveWord:
    """A word one outlet uses more (z > 0) or less (z < 0) than the other outlets."""

    outlet: str
    word: str
    count: int
    rest_count: int
    z: float
    sentences: tuple[SentenceRef, ...]


def words(text: str) -> list[str]:
    """Lower-cased word tokens, curly apostrophes folded to straight ones."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def distinctive_words(
    analyses: Sequence[Analysis], *, top: int = 20, min_count: int = MIN_COUNT
) -> dict[str, list[DistinctiveWord]]:
    """Per outlet, its ``top`` most distinctive body words (highest z first) with their sentences.

    Outlets need at least one other outlet to compare with; with one outlet the result is empty.
    """
    per_outlet: dict[str, Counter[str]] = {}
    where: dict[tuple[str, str], list[SentenceRef]] = {}
    for ref in iter_sentences(analyses, prose_only=True):
        tokens = words(ref.text)
        per_outlet.setdefault(ref.outlet, Counter()).update(tokens)
        for token in dict.fromkeys(tokens):
            where.setdefault((ref.outlet, token), []).append(ref)
    if len(per_outlet) < 2:
        return {}
    pooled: Counter[str] = sum(per_outlet.values(), Counter())
    total = sum(pooled.values())
    result = {}
    for outlet, counts in sorted(per_outlet.items()):
        rest = pooled - counts
        scored = [
            DistinctiveWord(
                outlet,
                word,
                n,
                rest[word],
                log_odds_z(
                    n, sum(counts.values()), rest[word], sum(rest.values()), pooled[word] / total
                ),
                tuple(where[(outlet, word)]),
            )
            for word, n in counts.items()
            if n >= min_count and is_content_word(word)
        ]
        scored.sort(key=lambda w: (-w.z, w.word))
        result[outlet] = scored[:top]
    return result


@functools.cache
def is_content_word(word: str) -> bool:
    """Not a grammar word of general English, nor a plain reporting verb."""
    return word not in _plain_reporting_forms() and zipf(word) < COMMON_ENGLISH_ZIPF


@functools.cache
def _plain_reporting_forms() -> frozenset[str]:
    rows = load_lexicon("attribution_cues")
    return frozenset(
        form.strip().lower()
        for row in rows
        if row["term"] in PLAIN_REPORTING_VERBS
        for form in (row["term"], *row["forms"].split(";"))
        if form.strip()
    )


def log_odds_z(y_i: int, n_i: int, y_j: int, n_j: int, prior_share: float) -> float:
    """z-score of the log-odds difference of a word between group i and group j.

    ``y`` are the word's counts, ``n`` the groups' total word counts, ``prior_share`` the word's
    share of the prior (its pooled frequency); equations 16 and 18-20 of Monroe et al. (2008).
    """
    alpha_w = PRIOR_STRENGTH * prior_share
    alpha_0 = PRIOR_STRENGTH
    odds_i = (y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)
    odds_j = (y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)
    delta = math.log(odds_i) - math.log(odds_j)
    variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
    return delta / math.sqrt(variance)
