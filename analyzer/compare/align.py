"""Same fact, different words: body sentences aligned across outlets by TF-IDF cosine similarity.

Each sentence becomes a TF-IDF vector (English stop words removed, sublinear term frequency, so a
repeated word does not dominate); pairs from different outlets whose cosine similarity reaches a
threshold are merged greedily, most similar first, into groups holding at most one sentence per
outlet. A group is one fact as each outlet wrote it.

The story's own words, those every outlet uses ("Taliban", "Panjshir", "resistance" on the seeds),
say what the story is about, not which fact a sentence tells; at full weight two headlines that
share only them looked like one fact. They count at :data:`STORY_TERM_WEIGHT`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from analyzer.analysis import Analysis
from analyzer.compare.refs import SentenceRef, iter_sentences

#: Pairs below this cosine similarity are not treated as the same fact. Chosen on the bundled seeds
#: with the pairs the maintainers read as one fact (``benchmarks/same_fact_pairs.csv``): the best
#: F1 of the thresholds 0.10-0.40 (``python benchmarks/same_fact_threshold.py``). The dashboard
#: lets the reader move it.
DEFAULT_MIN_SIMILARITY = 0.15
#: Weight of a word every outlet uses (the story's own words) against any other word; chosen with
#: the threshold, on the same pairs (0.3 beats 1.0 and 0.5, and equals 0 there; 0 would drop a
#: fact told only in such words).
STORY_TERM_WEIGHT = 0.3
#: Sentences this short (in words) are mostly datelines and subheads, not facts.
MIN_SENTENCE_WORDS = 5
_TOKEN = r"(?u)\b[^\W\d_][\w'’-]+\b"


@dataclass(frozen=True, slots=True)
class AlignedGroup:
    """One fact as several outlets wrote it: one sentence per outlet, ordered by outlet."""

    sentences: tuple[SentenceRef, ...]
    similarity: float  # mean cosine similarity over the pairs of sentences in the group

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(ref.outlet for ref in self.sentences)


def align_sentences(
    analyses: Sequence[Analysis], min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> list[AlignedGroup]:
    """Groups of same-fact sentences across outlets, widest and most similar first."""
    refs, similarity = sentence_similarity(analyses)
    if not refs:
        return []
    pairs = _pairs(refs, similarity, min_similarity)
    return _merge(refs, similarity, pairs, min_similarity)


def similar_pairs(
    analyses: Sequence[Analysis],
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    story_term_weight: float = STORY_TERM_WEIGHT,
) -> list[tuple[SentenceRef, SentenceRef, float]]:
    """Every pair of sentences from two outlets at least ``min_similarity`` alike, most alike first."""
    refs, similarity = sentence_similarity(analyses, story_term_weight)
    return [(refs[i], refs[j], s) for s, i, j in _pairs(refs, similarity, min_similarity)]


def sentence_similarity(
    analyses: Sequence[Analysis], story_term_weight: float = STORY_TERM_WEIGHT
) -> tuple[list[SentenceRef], np.ndarray]:
    """The body sentences compared (long enough, two outlets or more) and their cosine matrix."""
    refs = [r for r in iter_sentences(analyses) if len(r.text.split()) >= MIN_SENTENCE_WORDS]
    outlets = np.array([r.outlet for r in refs])
    if len(set(outlets)) < 2:
        return [], np.zeros((0, 0))
    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, token_pattern=_TOKEN, norm=None
    )
    try:
        counts = vectorizer.fit_transform([r.text for r in refs]).tocsr()
    except ValueError:  # every sentence was stop words only
        return [], np.zeros((0, 0))
    used_by = np.zeros(counts.shape[1])
    for outlet in set(outlets):
        used_by += np.asarray((counts[outlets == outlet] > 0).sum(axis=0)).ravel() > 0
    weights = np.where(used_by >= len(set(outlets)), story_term_weight, 1.0)
    vectors = normalize(counts.multiply(weights.reshape(1, -1)).tocsr())
    return refs, (vectors @ vectors.T).toarray()


def _pairs(
    refs: list[SentenceRef], similarity: np.ndarray, floor: float
) -> list[tuple[float, int, int]]:
    outlets = np.array([r.outlet for r in refs])
    rows, cols = np.nonzero(np.triu(similarity >= floor, k=1))
    pairs = [
        (float(similarity[i, j]), int(i), int(j))
        for i, j in zip(rows, cols, strict=True)
        if outlets[i] != outlets[j]
    ]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def _merge(
    refs: list[SentenceRef],
    similarity: np.ndarray,
    pairs: list[tuple[float, int, int]],
    floor: float,
) -> list[AlignedGroup]:
    """Average linkage: two groups join when their sentences are on average similar enough.

    Joining on the single best pair would chain unrelated sentences through one shared name.
    """
    group_of = list(range(len(refs)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(refs))}
    for _, i, j in pairs:
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        if {refs[k].outlet for k in members[a]} & {refs[k].outlet for k in members[b]}:
            continue  # one sentence per outlet in a group
        if similarity[np.ix_(members[a], members[b])].mean() < floor:
            continue
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
    groups = []
    for ids in members.values():
        if len(ids) > 1:
            block = similarity[np.ix_(ids, ids)]
            mean = (block.sum() - np.trace(block)) / (len(ids) * (len(ids) - 1))
            ordered = sorted(
                (refs[k] for k in ids), key=lambda r: (r.outlet, r.article, r.sentence)
            )
            groups.append(AlignedGroup(tuple(ordered), float(mean)))
    groups.sort(key=lambda g: (-len(g.sentences), -g.similarity, g.sentences[0].outlet))
    return groups
