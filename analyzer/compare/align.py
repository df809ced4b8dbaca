"""Same fact, different words: body sentences aligned across outlets by TF-IDF cosine similarity.

Each sentence becomes a TF-IDF vector (English stop words removed, sublinear term frequency, so a
repeated word does not dominate); pairs from different outlets whose cosine similarity reaches a
threshold are merged greedily, most similar first, into groups holding at most one sentence per
outlet. A group is one fact as each outlet wrote it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from analyzer.analysis import Analysis
from analyzer.compare.refs import SentenceRef, iter_sentences

#: Pairs below this cosine similarity are not treated as the same fact. Chosen by reading the
#: pairs the bundled seeds give: from about 0.2 up they share a fact ("son of Ahmad Shah Massoud");
#: below, mostly just a name ("Taliban", "Panjshir"). The dashboard lets the reader move it.
DEFAULT_MIN_SIMILARITY = 0.2
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
    refs = [r for r in iter_sentences(analyses) if len(r.text.split()) >= MIN_SENTENCE_WORDS]
    if len({r.outlet for r in refs}) < 2:
        return []
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=_TOKEN)
    try:
        vectors = vectorizer.fit_transform([r.text for r in refs])
    except ValueError:  # every sentence was stop words only
        return []
    similarity = (vectors @ vectors.T).toarray()
    outlets = np.array([r.outlet for r in refs])
    rows, cols = np.nonzero(np.triu(similarity >= min_similarity, k=1))
    pairs = [
        (float(similarity[i, j]), int(i), int(j))
        for i, j in zip(rows, cols, strict=True)
        if outlets[i] != outlets[j]
    ]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return _merge(refs, similarity, pairs, min_similarity)


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
