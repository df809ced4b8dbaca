"""Choose one short excerpt per outlet, about the same fact, rich in evidence spans.

Each outlet's candidate excerpts are runs of whole body sentences of 60-120 words. A candidate
scores for the evidence it holds (labels, hedges, unnamed sources, quotations) and for the
distinctive words it shares with the other outlets' chosen excerpts (an IDF-weighted overlap:
"Taliban" is in every paragraph and counts little, "districts" or "Panjshir" count more). The
choice is refined a few rounds so the excerpts converge on one shared fact.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from analyzer.analysis import Analysis
from analyzer.boilerplate.kinds import SET_APART_KINDS
from analyzer.render.kinds import kind_of
from analyzer.span import Span
from analyzer.worksheets.legend import category_of, resolve_overlaps

#: Excerpt length in words: long enough to hold a claim and its source, short enough for a
#: side-by-side handout (the brief asks for 60-120).
MIN_WORDS = 60
MAX_WORDS = 120
#: Subheads and headlines ("Who is Ahmad Massoud?") are not excerpt material.
MIN_PARAGRAPH_WORDS = 20
#: How much each kind of evidence adds to a candidate (labels are the lesson's core).
EVIDENCE_WEIGHTS = {
    "label": 3.0,
    "praise": 3.0,
    "contested": 2.5,
    "emotive": 2.0,
    "weasel": 2.0,
    "distancing": 2.0,
    "hedge": 1.5,
    "booster": 1.5,
    "descriptive": 1.0,
    "source": 1.0,
    "quote": 1.0,
}
#: Evidence saturates here, so a long quotation-heavy paragraph cannot drown out the shared fact.
EVIDENCE_CAP = 10.0
#: Weight of the same-fact overlap against saturated evidence (both lie in [0, 1]).
SAME_FACT_WEIGHT = 1.5
#: Candidates kept per outlet (the most evidence first): a folder holding many articles from one
#: outlet must not make the same-fact comparison quadratic in the whole collection.
MAX_CANDIDATES_PER_OUTLET = 60
#: Refinement rounds; the seeds settle after two (a third changes nothing).
MAX_ROUNDS = 5

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
#: Function words that say nothing about which fact a passage reports.
_STOPWORD_TEXT = """
    about above after again against also among an and another any are as at back be because been
    before being between both but by can could did do does during each even for from further had
    has have having he her here him his how however if in into is it its itself just last least
    like many may more most much must new next not now of off on once one only or other our out
    over own same says said she should since so some still such than that the their them then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with within without would year years you your
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_NAME_OR_NUMBER = re.compile(r"\b(?:\d[\d,.]*\d|\d|[A-Z][a-z]+(?:-[A-Za-z]+)*)\b")
#: A capitalised word right after these is a sentence opener ("But", "Rumours"), not a name.
_SENTENCE_END = tuple(".!?:;\"“”'‘’–—")


@dataclass(frozen=True)
class Highlight:
    """One marked span of an excerpt: its number on the sheet, legend category and paragraph."""

    number: int
    span: Span
    category: str
    paragraph: int  # 1-based, as a teacher counts paragraphs


@dataclass(frozen=True)
class Excerpt:
    """A short passage of one article, with everything needed to trace it back.

    ``parts`` are the (start, end) offsets of the passage in each paragraph it covers;
    ``paragraphs`` are the 1-based body paragraph numbers of those parts.
    """

    analysis: Analysis = field(repr=False, compare=False)
    parts: tuple[tuple[int, int], ...]
    paragraphs: tuple[int, ...]
    words: int
    highlights: tuple[Highlight, ...]
    quotes: tuple[Span, ...]
    shared_terms: tuple[str, ...]
    starts_mid_paragraph: bool
    ends_mid_paragraph: bool

    @property
    def outlet(self) -> str:
        return self.analysis.meta.outlet

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def text(self) -> str:
        doc_text = self.analysis.text
        return "\n\n".join(doc_text[start:end] for start, end in self.parts)


@dataclass(frozen=True)
class _Candidate:
    analysis: Analysis
    sentences: tuple[int, ...]
    terms: frozenset[str]
    evidence: float


def select_excerpts(analyses: Sequence[Analysis], max_outlets: int = 5) -> list[Excerpt]:
    """One excerpt per outlet (at most ``max_outlets``), in the order the outlets first appear."""
    by_outlet: dict[str, list[_Candidate]] = {}
    for analysis in analyses:
        found = _candidates(analysis)
        if found:
            by_outlet.setdefault(analysis.meta.outlet, []).extend(found)
    for found in by_outlet.values():
        found.sort(key=lambda c: -c.evidence)  # stable: ties keep reading order
        del found[MAX_CANDIDATES_PER_OUTLET:]
    idf = _idf([c.terms for found in by_outlet.values() for c in found])
    chosen = _converge(by_outlet, idf)
    if len(chosen) > max_outlets:
        ranked = sorted(chosen, key=lambda o: -_score(chosen[o], chosen, o, idf))
        keep = set(ranked[:max_outlets])
        chosen = {outlet: c for outlet, c in chosen.items() if outlet in keep}
        chosen = _converge({o: by_outlet[o] for o in chosen}, idf)
    counts = Counter(term for c in chosen.values() for term in c.terms)
    excerpts = []
    for candidate in chosen.values():
        shared = sorted(
            (t for t in candidate.terms if counts[t] > 1), key=lambda t: (-idf.get(t, 0.0), t)
        )
        excerpts.append(_excerpt(candidate, tuple(shared)))
    return excerpts


def content_terms(text: str) -> frozenset[str]:
    """Lower-cased content words with a crude plural fold ("districts" -> "district")."""
    terms = set()
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'").removesuffix("'s")
        if len(word) < 3 or word in _STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        terms.add(word)
    return frozenset(terms)


def names_and_numbers(text: str) -> set[str]:
    """Numbers and capitalised names in ``text``, skipping capitalised sentence openers."""
    found = set()
    for match in _NAME_OR_NUMBER.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()].rstrip()
        opens_sentence = match.start() == 0 or before.endswith(_SENTENCE_END) or "\n" in before
        if match.group(0)[0].isupper() and opens_sentence:
            continue
        found.add(match.group(0))
    return found


def _candidates(analysis: Analysis) -> list[_Candidate]:
    """Runs of whole sentences inside one paragraph, or two when the first is short."""
    doc = analysis.document
    usable = {i for i, (start, end) in enumerate(doc.paragraphs) if _is_prose(analysis, start, end)}
    numbered = [(i, s) for i, s in enumerate(doc.sentences) if s.paragraph in usable]
    sentences = [s for _, s in numbered]
    words = [_count_words(doc.text[s.start : s.end]) for s in sentences]
    found: list[_Candidate] = []
    too_short: list[_Candidate] = []
    for first in range(len(sentences)):
        total, last = 0, first
        while last < len(sentences):
            if sentences[last].paragraph - sentences[first].paragraph > 1:
                break
            if total and total + words[last] > MAX_WORDS:
                break
            total += words[last]
            last += 1
            if total >= MIN_WORDS:
                break
        if total > MAX_WORDS:  # one run-on sentence: too long for a side-by-side handout
            continue
        indices = tuple(i for i, _ in numbered[first:last])
        start, end = doc.sentences[indices[0]].start, doc.sentences[indices[-1]].end
        candidate = _Candidate(
            analysis, indices, content_terms(doc.text[start:end]), _evidence(analysis, start, end)
        )
        (found if total >= MIN_WORDS else too_short).append(candidate)
    # A short article may hold no 60-word run; its longest runs are better than no excerpt.
    return found or too_short


def _is_prose(analysis: Analysis, start: int, end: int) -> bool:
    if analysis.document.lines.kind_at(start) in SET_APART_KINDS:
        return False  # a caption or byline is not the article's prose
    text = analysis.text[start:end].strip()
    title = (analysis.meta.title or "").strip().casefold()
    return _count_words(text) >= MIN_PARAGRAPH_WORDS and text.casefold() != title


def _evidence(analysis: Analysis, start: int, end: int) -> float:
    inside = [s for s in analysis.spans if start <= s.start and s.end <= end]
    total = 0.0
    for span in inside:
        total += EVIDENCE_WEIGHTS.get(kind_of(span) or "", 0.0)
    return min(total, EVIDENCE_CAP) / EVIDENCE_CAP


def _idf(term_sets: Sequence[frozenset[str]]) -> dict[str, float]:
    frequency = Counter(term for terms in term_sets for term in terms)
    n = len(term_sets)
    return {term: math.log((1 + n) / (1 + df)) + 1.0 for term, df in frequency.items()}


def _similarity(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    shared = sum(idf[t] for t in a & b)
    norm = math.sqrt(sum(idf[t] for t in a) * sum(idf[t] for t in b))
    return shared / norm if norm else 0.0


def _score(
    candidate: _Candidate, chosen: dict[str, _Candidate], outlet: str, idf: dict[str, float]
) -> float:
    others = [c for o, c in chosen.items() if o != outlet]
    overlap = sum(_similarity(candidate.terms, c.terms, idf) for c in others)
    return candidate.evidence + SAME_FACT_WEIGHT * (overlap / len(others) if others else 0.0)


def _converge(
    by_outlet: dict[str, list[_Candidate]], idf: dict[str, float]
) -> dict[str, _Candidate]:
    """Start from each outlet's best match to any other outlet, then re-choose against the
    others' current choices until nothing changes."""
    chosen = {}
    for outlet, found in by_outlet.items():
        others = [c for o, cs in by_outlet.items() if o != outlet for c in cs]

        def first_guess(c: _Candidate, others: list[_Candidate] = others) -> float:
            best = max((_similarity(c.terms, o.terms, idf) for o in others), default=0.0)
            return c.evidence + SAME_FACT_WEIGHT * best

        chosen[outlet] = max(found, key=first_guess)
    for _ in range(MAX_ROUNDS):
        changed = False
        for outlet, found in by_outlet.items():
            scores = [_score(c, chosen, outlet, idf) for c in found]
            best = found[scores.index(max(scores))]
            if best is not chosen[outlet]:
                chosen[outlet], changed = best, True
        if not changed:
            break
    return chosen


def _excerpt(candidate: _Candidate, shared: tuple[str, ...]) -> Excerpt:
    analysis = candidate.analysis
    doc = analysis.document
    picked = [doc.sentences[i] for i in candidate.sentences]
    parts: list[tuple[int, int]] = []
    paragraphs: list[int] = []
    for sentence in picked:
        if paragraphs and paragraphs[-1] == sentence.paragraph + 1:
            parts[-1] = (parts[-1][0], sentence.end)
        else:
            parts.append((sentence.start, sentence.end))
            paragraphs.append(sentence.paragraph + 1)
    start, end = parts[0][0], parts[-1][1]
    inside = [s for s in analysis.marks if start <= s.start and s.end <= end]
    marked = resolve_overlaps([s for s in inside if s.signal not in ("quote", "boilerplate")])
    highlights = tuple(
        Highlight(number, span, category_of(span) or "", (doc.paragraph_index(span.start) or 0) + 1)
        for number, span in enumerate(marked, start=1)
    )
    first_paragraph = doc.paragraphs[picked[0].paragraph]
    last_paragraph = doc.paragraphs[picked[-1].paragraph]
    return Excerpt(
        analysis=analysis,
        parts=tuple(parts),
        paragraphs=tuple(paragraphs),
        words=sum(_count_words(doc.text[s:e]) for s, e in parts),
        highlights=highlights,
        quotes=tuple(s for s in inside if s.signal == "quote"),
        shared_terms=shared,
        starts_mid_paragraph=start > first_paragraph[0],
        ends_mid_paragraph=end < last_paragraph[1],
    )


def _count_words(text: str) -> int:
    return len(_WORD.findall(text))
