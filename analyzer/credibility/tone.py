"""Tone in the outlet's own voice: value-laden labels and emotive words, sentence by sentence.

The loaded signal counts every loaded term with its actor; the tone indicator asks a simpler
question of each body sentence: does the outlet itself judge as it reports? A sentence counts
when it holds, outside quotes and reported speech, a value-laden, dehumanizing or honorific
label, a loaded-language term or an emotive word of the loaded lexicons. Actor attachment is not
needed for that, so one lexicon pass suffices.

Span kinds (signal ``tone``, ``voice`` always ``authorial``): ``loaded label`` and
``loaded word``.
"""

from __future__ import annotations

import functools

from analyzer.document import Document
from analyzer.matching import TermMatcher
from analyzer.signals.loaded import (
    EMOTIVE_LABEL,
    FLAGGED_TIERS,
    LANGUAGE_LABEL,
    LexiconEntry,
    _inside_name,
    lexicon_entries,
)
from analyzer.span import Span, make_span

LABELS = ("loaded label", "loaded word")
_LABEL_OF = {
    **dict.fromkeys(FLAGGED_TIERS, "loaded label"),
    LANGUAGE_LABEL: "loaded word",
    EMOTIVE_LABEL: "loaded word",
}


@functools.cache
def _matcher() -> TermMatcher[LexiconEntry]:
    return TermMatcher((form, e) for form, e in lexicon_entries() if e.label in _LABEL_OF)


def detect_tone(doc: Document) -> list[Span]:
    """Loaded labels and words in the outlet's own voice, in body sentences."""
    if not doc.sentences:
        return []
    text = doc.text
    spans = []
    for match in _matcher().find(text, doc.sentences[0].start, doc.sentences[-1].end):
        index = doc.sentence_index(match.start)
        if index is None or match.end > doc.sentences[index].end:
            continue
        if _inside_name(text, match.start, match.end, doc.sentences[index].start):
            continue  # "Paradise, California": part of a name
        if doc.voice_at(match.start, match.end) != "authorial":
            continue
        entry = match.payload
        label = _LABEL_OF[entry.label]
        why = f"{entry.label} '{entry.term}' in the outlet's own voice"
        spans.append(
            make_span(
                text, match.start, match.end, signal="tone", label=label, rule=why,
                voice="authorial", term=entry.term,
            )
        )  # fmt: skip
    return spans
