"""Questions and their answer key, generated from the evidence spans of the chosen excerpts.

Questions follow the three lateral-reading questions taught in media-literacy classes (Who is
behind it? What is the evidence? What do other sources say?) and end with a neutral-rewrite task.
This module asks about sources, unnamed evidence, certainty and shared details; questions about
word choice live in :mod:`analyzer.worksheets.wording`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from analyzer.worksheets.excerpts import Excerpt, Highlight, names_and_numbers
from analyzer.worksheets.items import EVIDENCE, HEADINGS, OTHERS, WHO, Question, where
from analyzer.worksheets.wording import label_comparison_question, label_questions, rewrite_task

#: One lesson: a handful of questions per heading is what fits in 50 minutes.
MAX_WEASEL_QUESTIONS = 2

#: Quoted claims in questions are clipped to this many words.
MAX_QUOTED_WORDS = 40


def make_questions(excerpts: Sequence[Excerpt]) -> list[Question]:
    """Every question for the sheet, grouped in :data:`HEADINGS` order."""
    questions = [
        *label_questions(excerpts),
        _source_question(excerpts),
        *_weasel_questions(excerpts),
        *_distancing_questions(excerpts),
        _certainty_question(excerpts),
        _comparison_question(excerpts),
        label_comparison_question(excerpts),
        *rewrite_task(excerpts),
    ]
    return sorted(questions, key=lambda q: HEADINGS.index(q.heading))


def _source_question(excerpts: Sequence[Excerpt]) -> Question:
    lines = []
    for excerpt in excerpts:
        speakers = []
        for h in excerpt.highlights:
            if h.span.signal == "attribution" and h.span.source:
                kind = h.span.source_kind or "unknown kind"
                speakers.append(f"{h.span.source} ({kind}, paragraph {h.paragraph})")
        listed = "; ".join(dict.fromkeys(speakers)) or "no named or quoted source"
        lines.append(f"{excerpt.outlet}: {listed}.")
    return Question(
        WHO,
        "For each excerpt, who is quoted or cited? Is each source named, or left anonymous?",
        " ".join(lines),
    )


def _weasel_questions(excerpts: Sequence[Excerpt]) -> list[Question]:
    questions = []
    for excerpt in excerpts:
        marks = [h for h in excerpt.highlights if h.category == "weasel"]
        if not marks:
            continue
        h = marks[0]
        questions.append(
            Question(
                EVIDENCE,
                f"In paragraph {h.paragraph}, {excerpt.outlet} writes '{h.span.text}'. Who is the "
                "source of this claim? How could a reader check it?",
                f"The excerpt does not say ({where(excerpt, h)}; rule: {h.span.rule}). The claim "
                "may be true, but it cannot be checked from this text: a named source, a document "
                "or another outlet's report would be needed.",
                quote=_sentence_of(excerpt, h),
            )
        )
    return questions[:MAX_WEASEL_QUESTIONS]


def _distancing_questions(excerpts: Sequence[Excerpt]) -> list[Question]:
    for excerpt in excerpts:
        for h in excerpt.highlights:
            if h.category == "distancing":
                prompt = (
                    f"{excerpt.outlet} writes '{h.span.text}' (paragraph {h.paragraph}). Why "
                    "might a writer choose this verb instead of 'said'?"
                )
                speaker = _speaker_at(excerpt, h)
                whose = f"{speaker}'s statement" if speaker else "the statement"
                answer = (
                    f"'{h.span.text}' is a distancing verb ({where(excerpt, h)}): it casts doubt "
                    f"on {whose} without saying it is false. Whether the doubt is fair depends on "
                    f"the evidence; compare the other excerpts. Rule: {h.span.rule}."
                )
                return [Question(EVIDENCE, prompt, answer, quote=_sentence_of(excerpt, h))]
    return []


def _certainty_question(excerpts: Sequence[Excerpt]) -> Question:
    lines = []
    for excerpt in excerpts:
        hedges = _distinct(h.span.text for h in excerpt.highlights if h.category == "hedge")
        boosters = _distinct(h.span.text for h in excerpt.highlights if h.category == "booster")
        found = []
        if hedges:
            found.append("less certain: " + ", ".join(hedges))
        if boosters:
            found.append("more certain: " + ", ".join(boosters))
        lines.append(f"{excerpt.outlet}: {'; '.join(found) or 'no hedges or boosters found'}.")
    return Question(
        EVIDENCE,
        "Find the words that show how sure each outlet is (less sure: may, reportedly, appears "
        "to; more sure: clearly, completely). Which claims are presented as uncertain?",
        " ".join(lines)
        + " Hedges are not errors: they are honest when the facts are uncertain. Boosters need "
        "evidence behind them.",
    )


def _distinct(words: Iterable[str]) -> list[str]:
    return [f"'{word}'" for word in dict.fromkeys(words)]


def _comparison_question(excerpts: Sequence[Excerpt]) -> Question:
    shared = sorted({t for e in excerpts for t in e.shared_terms[:6]})
    facts = {e.outlet: names_and_numbers(e.text) for e in excerpts}
    unique_lines = []
    for outlet, found in facts.items():
        others = set().union(*(f for o, f in facts.items() if o != outlet))
        only = sorted(found - others)[:6]
        if only:
            unique_lines.append(f"{outlet}: {', '.join(only)}.")
    return Question(
        OTHERS,
        "Which details appear in more than one excerpt? Which details does only one outlet give? "
        "What would you check first, and where?",
        f"Shared words across excerpts: {', '.join(shared) or 'few'}. Names and numbers only one "
        f"excerpt gives: {' '.join(unique_lines) or 'none'} Details only one outlet gives are the "
        "ones to check in another source before repeating them.",
    )


def _sentence_of(excerpt: Excerpt, h: Highlight) -> str:
    """The sentence holding a mark, clipped for a question."""
    doc = excerpt.analysis.document
    index = doc.sentence_index(h.span.start)
    if index is None:
        return h.span.text
    words = doc.sentence_text(index).split()
    clipped = " ".join(words[:MAX_QUOTED_WORDS])
    return clipped + (" …" if len(words) > MAX_QUOTED_WORDS else "")


def _speaker_at(excerpt: Excerpt, h: Highlight) -> str | None:
    """The source of an attribution cue at the same place as a mark ("the Taliban claimed")."""
    for span in excerpt.analysis.spans:
        if span.signal == "attribution" and span.start == h.span.start and span.source:
            return span.source
    return None
