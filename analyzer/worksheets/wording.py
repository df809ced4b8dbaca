"""Questions about word choice: which label each outlet uses for a group, in whose voice, and
the neutral-rewrite task. The answer key follows the style guides' one checkable rule: value-laden
labels only with attribution; where guides only ask for attribution or disagree, a label in the
outlet's own voice is contested, not wrong.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from analyzer.render.kinds import KIND_BY_KEY
from analyzer.worksheets.alternatives import alternatives_note, tier_reason
from analyzer.worksheets.excerpts import Excerpt, Highlight
from analyzer.worksheets.items import CONTESTED_NOT_WRONG, OTHERS, REWRITE, WHO, Question

#: One lesson: four label questions is what fits beside the evidence questions in 50 minutes.
MAX_LABEL_QUESTIONS = 4
LABEL_KEYS = ("label", "praise", "contested")
_VOICE_WORDS = {
    "authorial": "own voice",
    "quoted": "quoted",
    "reported": "reported",
    "caption": "photo caption",
}

_GUIDE_NOTE = {
    "label": (
        "BBC and Reuters guidelines advise using such labels only with attribution, so in the "
        "outlet's own voice the label is {cnw}: the outlet has adopted it as its own. "
        "{alternatives}"
    ),
    "dehumanizing": (
        "Style guides never use dehumanizing words in their own voice: they describe people as "
        "less than human. {alternatives}"
    ),
    "praise": (
        "Praise is framing too: the BBC asks writers not to 'adopt other people's language as our "
        "own', so an honorific in the outlet's own voice is {cnw}."
    ),
    "contested": (
        "Guides disagree on such words (the BBC lists 'militant' and 'insurgent' as acceptable, "
        "the Global Press Style Guide prefers 'armed group'): {cnw}, and a good discussion point."
    ),
}
_REWRITE_ADVICE = {
    "label": "replace it with a descriptive word or attribute it",
    "praise": "attribute the praise to someone ('whom his supporters call ...') or drop it",
    "contested": "keep it only if your class's style guide accepts it; 'fighters' is safer",
    "emotive": "use a plain word that reports what happened ('left' for 'ran away')",
    "weasel": "name who reported it, or say that the claim could not be checked",
    "distancing": "use 'said' unless there is evidence against the statement",
    "hedge": "keep it if the fact is uncertain (it is honest), or name the source",
    "booster": "drop it unless the evidence supports that certainty",
}
_REWRITE_WEIGHT = {
    "label": 3,
    "praise": 3,
    "contested": 2,
    "emotive": 2,
    "weasel": 2,
    "distancing": 1,
    "booster": 1,
    "hedge": 1,
}


def label_questions(excerpts: Sequence[Excerpt]) -> list[Question]:
    """One question per outlet and labelled group, taking turns between outlets so that no
    single outlet fills the sheet; labels in the outlet's own voice come first."""
    per_excerpt = []
    for excerpt in excerpts:
        by_actor: dict[str, list[Highlight]] = {}
        for h in excerpt.highlights:
            if h.span.signal == "loaded" and h.category in LABEL_KEYS:
                by_actor.setdefault(h.span.actor or "unresolved", []).append(h)
        ranked = sorted(by_actor.items(), key=lambda item: min(map(_teachability, item[1])))
        per_excerpt.append([_label_question(excerpt, actor, marks) for actor, marks in ranked])
    turns = [q for round_ in itertools.zip_longest(*per_excerpt) for q in round_ if q]
    return turns[:MAX_LABEL_QUESTIONS]


def _teachability(h: Highlight) -> int:
    """Own-voice value judgements make the best questions, then contested words, then quotes."""
    voice_rank = {"authorial": 0, "reported": 2, "quoted": 3, "caption": 3}.get(
        h.span.voice or "", 3
    )
    return voice_rank + (1 if h.category == "contested" else 0)


def _label_question(excerpt: Excerpt, actor: str, marks: list[Highlight]) -> Question:
    who = "the group it describes" if actor == "unresolved" else actor
    prompt = (
        f"Which word does {excerpt.outlet} use for {who} (paragraph {marks[0].paragraph})? "
        "Is it the outlet's own word, or is it quoted from someone?"
    )
    groups: dict[tuple[str, str, str | None], list[Highlight]] = {}
    for h in marks:
        key = "dehumanizing" if h.span.label == "dehumanizing" else h.category
        groups.setdefault((key, h.span.voice or "authorial", _quote_source(excerpt, h)), []).append(
            h
        )
    answer = " ".join(_label_answer(excerpt, key, group) for key, group in groups.items())
    return Question(WHO, prompt, answer)


def _label_answer(
    excerpt: Excerpt, key: tuple[str, str, str | None], marks: list[Highlight]
) -> str:
    category, voice, speaker = key
    words = ", ".join(f"'{h.span.text}'" for h in marks)
    tiers = "; ".join(tier_reason(tier) for tier in dict.fromkeys(h.span.label for h in marks))
    numbers = ", ".join(str(h.number) for h in marks)
    said = f"{words} ({tiers}; mark{'s' if len(marks) > 1 else ''} {numbers})"
    if voice == "quoted":
        return (
            f"{said}: inside a direct quotation from {speaker or 'a source the excerpt does not name'}"
            ". The outlet reports someone else's word, which style guides accept (Reuters: keep "
            "such labels inside quotes)."
        )
    if voice == "reported":
        return (
            f"{said}: in reported speech. Check that the sentence makes clear it is the source's "
            f"word, not the outlet's; if it does, the label is {CONTESTED_NOT_WRONG}."
        )
    note = _GUIDE_NOTE[category].format(cnw=CONTESTED_NOT_WRONG, alternatives=alternatives_note())
    return f"{said}: in the outlet's own voice. {note}"


def _quote_source(excerpt: Excerpt, h: Highlight) -> str | None:
    for quote in excerpt.quotes:
        if quote.start <= h.span.start and h.span.end <= quote.end:
            return quote.source
    return None


def label_comparison_question(excerpts: Sequence[Excerpt]) -> Question:
    prompt = (
        "Compare the words the outlets use for the groups in the story. Which outlet uses the "
        "most loaded words in its own voice? Does a different word change how you see the group?"
    )
    lines, own_voice = [], {}
    for excerpt in excerpts:
        by_actor: dict[str, list[str]] = {}
        for h in excerpt.highlights:
            if h.span.signal == "loaded":
                voice = _VOICE_WORDS.get(h.span.voice or "", "voice unknown")
                group = "other loaded words" if h.category == "emotive" else "no group named"
                words = by_actor.setdefault(h.span.actor or group, [])
                words.append(f"'{h.span.text}' ({h.span.label}, {voice})")
        own_voice[excerpt.outlet] = sum(
            1
            for h in excerpt.highlights
            if h.span.signal == "loaded"
            and h.span.voice == "authorial"
            and h.category != "descriptive"
        )
        if by_actor:
            groups = "; ".join(
                f"{actor}: {', '.join(dict.fromkeys(words))}" for actor, words in by_actor.items()
            )
            lines.append(f"{excerpt.outlet} ({groups}).")
    if not lines:
        return Question(
            OTHERS,
            prompt,
            "framescope found no group labels from its lexicon in these excerpts. Accept answers "
            "that quote the excerpts exactly and say whose words they are.",
        )
    most = max(own_voice.values())
    leaders = [outlet for outlet, n in own_voice.items() if n == most]
    verdict = (
        f"Most loaded words in the outlet's own voice: {' and '.join(leaders)} ({most})."
        if most
        else "No excerpt uses a loaded word in its own voice."
    )
    answer = (
        " ".join(lines) + f" {verdict} A label in a quotation is the source's word; a value-laden "
        f"label in the outlet's own voice is {CONTESTED_NOT_WRONG}: it frames the group for the "
        "reader."
    )
    return Question(OTHERS, prompt, answer)


def rewrite_task(excerpts: Sequence[Excerpt]) -> list[Question]:
    best: tuple[int, Excerpt, list[Highlight], tuple[int, int]] | None = None
    for excerpt in excerpts:
        doc = excerpt.analysis.document
        for sentence in doc.sentences:
            if not excerpt.start <= sentence.start < excerpt.end:
                continue
            marks = [
                h
                for h in excerpt.highlights
                if sentence.start <= h.span.start < sentence.end
                and h.category in _REWRITE_WEIGHT
                and h.span.voice != "quoted"
            ]
            weight = sum(_REWRITE_WEIGHT[h.category] for h in marks)
            if marks and (best is None or weight > best[0]):
                best = (weight, excerpt, marks, (sentence.start, sentence.end))
    if best is None:
        return []
    _, excerpt, marks, (start, end) = best
    changes = [
        f"'{h.span.text}' ({KIND_BY_KEY[h.category].name.lower()}): {_REWRITE_ADVICE[h.category]}."
        for h in marks
    ]
    if any(h.category == "label" for h in marks):
        changes.append(alternatives_note())
    return [
        Question(
            REWRITE,
            f"Rewrite this sentence from {excerpt.outlet} (paragraph {marks[0].paragraph}) so "
            "that it keeps the facts but states them neutrally: attribute or replace each word "
            "marked in the excerpt above.",
            "Words to change: " + " ".join(changes) + " Any version that keeps who, what, where "
            "and how many, and attributes or replaces these words, is correct.",
            quote=excerpt.analysis.text[start:end],
        )
    ]
