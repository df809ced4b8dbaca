"""Attributions: who says what, found once per document from reporting cues, quotes and sources.

Every cue of ``attribution_cues.csv`` in a body sentence and outside quotation marks is parsed
from the tokens around it (:mod:`analyzer.text.reported_speech`):

- **direct**: a quotation next to a cue and a source: ``"...," he said.``, ``He added, "..."``,
  ``"...," stressed the son of ...``, a quotation paragraph followed by ``Massoud said in a
  letter ...``, and a quotation that continues one just attributed in the same paragraph;
- **indirect**: ``SOURCE CUE (that) CLAUSE``, to the sentence end, a semicolon or a direct quote;
  postposed ``CLAUSE, SOURCE CUE.`` / ``CLAUSE, CUE SOURCE.`` only when the source phrase closes
  the sentence (so "..., says X says it has ..." leaves the first clause in the outlet's voice);
- **according_to**: ``According to X, CLAUSE`` and ``CLAUSE(,) according to X`` ("as per").

The word layer's dependency parse (:mod:`analyzer.words`) is asked for only where the word rules
do not suffice: a cue word the parse reads as a noun is dropped ("six of the seven states"); a
cue the word rules cannot read takes its subject as source and its clausal complement, the
clause it comments on ("..., Wikinews observed, was ...") or its object ("urged voters to stay
calm", "described the flood as a catastrophe") as content; a doubtful source ("On Sunday the
minister") is replaced by the verb's subject. Those sentences are parsed in one batch per
document, found by a dry run of the word rules. Also found: quotations introduced by a colon
("Massoud: "..."") and picture credit lines (mode ``credit``, "Image: Nick Moreau."), and report
nouns with their source and a "that" clause ("confirmation by the FBI that ...", "Moscow's claim
that ...", :mod:`analyzer.text.nominal`).

A pronoun source resolves to the last speaker of agreeing number in the same or previous sentence
or paragraph, "he"/"she" else to a person named or described just before; "the spokesman" to the speaker who
was given that title; a named source resolves to the story-pack actor whose alias covers its
head, and "Masud" to an earlier "Ahmad Masud" of the same article. Each cue scans a bounded
window of its own sentence, so the cost of the word rules is linear in the text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from analyzer.boilerplate.kinds import dateline_end
from analyzer.config import Config
from analyzer.settings import AttributionSettings
from analyzer.text.context_rules import PREPOSITIONS, QUOTE_CHARS, finite_verb_ahead
from analyzer.text.cue_lexicons import Cue, cue_matcher
from analyzer.text.cue_sites import (
    DENIED_NOUNS,
    OBJECT_NEEDS,
    SUBJECTS,
    THATLESS_FROM_PARSE,
    WH_WORDS,
    Parse,
    phrase_bounds,
)
from analyzer.text.nominal import nominal_reports, report_nouns
from analyzer.text.quotes import Quote
from analyzer.text.reported_speech import Parser, SentenceTree, noun_ambiguous
from analyzer.text.sources import classify_source, next_word, previous_word, source_nouns
from analyzer.text.speakers import Speakers
from analyzer.words import WordLayer

#: Kinds of source, as DOMAIN.md separates them.
SOURCE_KINDS = ("named", "organisation", "anonymous", "pronoun", "unknown")
#: How the words reach the reader: a direct quotation, indirect (reported) speech, "according to";
#: ``credit`` is a picture or media credit line ("Image: Nick Moreau."), which attributes a
#: picture, not words: the attribution signal shows it but counts no voice for it.
ATTRIBUTION_MODES = ("direct", "indirect", "according_to", "credit")
#: A quotation signed by its speaker: a dash, then a capitalised name closing the line or followed
#: by a comma (“"...a long game." - Matthew Ingram”, “— Peres, on whether ...”).
_SIGNATURE = re.compile(
    r"[ \t]*\n?\s*([-–—])[ \t]*((?:[A-Z][\w'’.\-]*[ \t]?){1,4})(?=,|\s*$|\s*\n)"
)
#: A credit line closing its sentence: "Image: Nick Moreau.", "Photo; Reuters", also after a
#: caption ("Shimon Peres image: David Shankbone."). The credited name starts with a capital.
_CREDIT = re.compile(
    r"(?:^|(?<=\s))(?P<cue>(?:photo(?:graph)?|image|picture|video|audio)(?: credit)?s?)[ \t]*[:;]"
    r"[ \t]*(?P<name>[A-Z][^\n.;:!?]{0,60}?(?:\set al)?)\.?\s*$",
    re.IGNORECASE,
)
#: A line that opens with a speaker's name and a colon ("Massoud: "We will fight"").
_HEADLINE_SPEAKER = re.compile(r"\s*([A-Z][\w'’\-.]*(?:\s+[A-Z][\w'’\-.]*){0,3})\s*")
#: Pronouns that may be the speaker of a colon-introduced quotation ("She was blunt: "...").
COLON_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
#: Predicates that introduce someone's words after a colon ("The minister was blunt: "..."").
COLON_STANCES = frozenset(
    ("blunt", "clear", "unequivocal", "defiant", "adamant", "emphatic", "categorical", "firm")
)
#: Pronouns before a belief cue inside a quotation that make it the quoted speaker's own hedge.
QUOTED_SPEAKERS = frozenset(("i", "we"))
#: The belief cues that hedge quoted words ("we knew this day might come" reports no belief).
QUOTED_HEDGES = frozenset(("think", "believe", "suspect", "guess", "suppose", "feel", "sure"))
#: Words after a that-frame cue that may lead to its content ("said on Twitter that", "warned he").
_THAT_NEXT = frozenset({"that"}) | SUBJECTS | WH_WORDS | PREPOSITIONS


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: a cue ("said", "according to"), its source and the attributed content.

    Offsets are half-open into the document text. ``source_start``/``source_end`` are None when
    no source is written (an agentless "it was claimed"). ``speaker`` is the name the source
    resolves to (a pronoun resolves to the last named speaker where that is plain), else the
    source as written. ``quote_index`` points into ``Document.quotes`` for direct attributions.
    ``cue`` is the cue's lexicon base form, ``category`` its category (neutral, emphatic,
    distancing, tentative, denial), ``actor`` the story-pack actor the source resolves to, and
    ``rule`` says in words which pattern found it.
    """

    cue_start: int
    cue_end: int
    source_start: int | None
    source_end: int | None
    source_kind: str
    speaker: str | None
    content_start: int
    content_end: int
    mode: str
    sentence_index: int
    quote_index: int | None = None
    cue: str = ""
    category: str = ""
    actor: str | None = None
    rule: str = ""


def find_attributions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    config: Config,
    *,
    words: WordLayer | None = None,
) -> list[Attribution]:
    """Every attribution in the body ``sentences``, sorted by content offset.

    Parameters
    ----------
    text : str
        The document text.
    sentences : sequence of (int, int)
        Body sentence spans, in reading order.
    quotes : sequence of Quote
        The document's quotations sorted by offset; ``quote_index`` points into it.
    config : Config
        Its story pack, when set, resolves sources to actors; its ``attribution`` settings bound
        the windows the word rules scan.
    words : WordLayer, optional
        The document's parses, shared with other signals; built here when not given.
    """
    if not sentences:
        return []
    if words is None:
        words = WordLayer(text, sentences)
    settings = config.attribution
    parser = Parser(text, quotes, settings)
    paragraphs = [0]
    for (_, prev_end), (start, _) in itertools.pairwise(sentences):
        paragraphs.append(paragraphs[-1] + (text.find("\n", prev_end, start) != -1))
    speakers = Speakers(text, config, sentences)
    found: list[Attribution] = []
    cue_hits, tree_only = _cue_hits(text, sentences, parser)
    # Parsing is the cost: only sentences whose cues the word rules cannot read, or read with
    # doubt, are parsed, all in one batch (several times faster per word than one by one).
    words.parse_many(_sentences_to_parse(text, sentences, quotes, cue_hits, tree_only, settings))
    for index, hits in sorted(cue_hits.items()):
        start, end = sentences[index]
        tree = SentenceTree(functools.partial(words.parsed, index), start)
        # "DUBAI (Reuters) - The ministry said ...": the dateline is no part of the source
        for parse in parser.parse(dateline_end(text, start), end, hits, tree, tree_only):
            found.append(_attribution(parse, speakers, index, paragraphs[index]))
    found.extend(
        _continuations(text, sentences, quotes, found, settings.continuation_max_gap_words)
    )
    found.extend(_credit_lines(text, sentences, found))
    for parse, index in _signed_quotes(text, sentences, quotes, found):
        found.append(_attribution(parse, speakers, index, paragraphs[index]))
    for parse, index in _colon_quotes(text, sentences, quotes, found, words):
        found.append(_attribution(parse, speakers, index, paragraphs[index]))
    for parse, index in _colon_headlines(text, sentences, found):
        found.append(_attribution(parse, speakers, index, paragraphs[index]))
    # A report noun with its owner ("Moscow's claim that") is a noun for sure: it replaces a
    # reading of the same word as a verb ("Moscow's repeated [claim] that").
    nominal = {p.cue: _attribution(p, speakers, i, paragraphs[i])
               for p, i in nominal_reports(text, sentences, quotes)}  # fmt: skip
    found = [a for a in found if (a.cue_start, a.cue_end) not in nominal]
    found.extend(nominal.values())
    found.sort(key=lambda a: (a.content_start, a.cue_start))
    return found


def _attribution(parse: Parse, speakers: Speakers, sentence: int, paragraph: int) -> Attribution:
    """An Attribution from a parse, its source classified and its speaker resolved."""
    who = speakers.resolve(parse.source, sentence, paragraph)
    s_start, s_end = parse.source if parse.source is not None else (None, None)
    return Attribution(
        parse.cue[0], parse.cue[1], s_start, s_end, who.kind, who.speaker, parse.content[0],
        parse.content[1], parse.mode, sentence, parse.quote_index, parse.term, parse.category,
        who.actor, parse.rule,
    )  # fmt: skip


def _cue_hits(
    text: str, sentences: Sequence[tuple[int, int]], parser: Parser
) -> tuple[dict[int, list[tuple[int, int, Cue]]], set[int]]:
    """Cue matches per sentence index, outside quotation content and passing their context rule,
    and the starts of those only the parse can read (a that-frame verb the word rules reject)."""
    starts = [s for s, _ in sentences]
    hits: dict[int, list[tuple[int, int, Cue]]] = {}
    tree_only: set[int] = set()
    for match in cue_matcher().find(text, sentences[0][0], sentences[-1][1]):
        i = bisect.bisect_right(starts, match.start) - 1
        if i < 0 or match.end > sentences[i][1]:
            continue
        floor, ceiling = sentences[i]
        quoted = parser.in_quote(match.start)
        if quoted and not _hedge_in_quote(text, match.start, floor, match.payload):
            continue
        for cue in match.payload:
            if cue.rule is None or cue.rule.allows(text, match.start, match.end, floor, ceiling):
                if _lacks_needed_word(text, match.end, ceiling, cue):
                    break
                if not _may_attribute(text, match.start, match.end, (floor, ceiling), cue, parser):
                    quoted_after = any(c in QUOTE_CHARS for c in text[match.end : ceiling])
                    denial = cue.category == "denial" and _report_noun_next(text, match.end)
                    if cue.term not in THATLESS_FROM_PARSE and not quoted_after and not denial:
                        break
                    tree_only.add(match.start)  # a that-less clause or a quoted object
                hits.setdefault(i, []).append((match.start, match.end, cue))
                break
    return hits, tree_only


def _sentences_to_parse(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    cue_hits: dict[int, list[tuple[int, int, Cue]]],
    tree_only: set[int],
    settings: AttributionSettings,
) -> set[int]:
    """The sentences the parse will be asked for: those with a cue only the parse reads, and
    those where a dry run of the word rules (on a parser of its own) asks for it."""
    wanted = {i for i, hits in cue_hits.items() if _needs_parse(text, hits, tree_only)}
    probe = Parser(text, quotes, settings)
    for index, hits in sorted(cue_hits.items()):
        if index not in wanted:
            start, end = sentences[index]
            asks = functools.partial(_record, wanted, index)
            probe.parse(dateline_end(text, start), end, hits, SentenceTree(asks, start), tree_only)
    return wanted


def _record(asked: set[int], index: int) -> None:
    """A stand-in parse for the dry run: notes that sentence ``index`` was asked for."""
    asked.add(index)


def _needs_parse(text: str, hits: list[tuple[int, int, Cue]], tree_only: set[int]) -> bool:
    """True when a sentence's cues need the parse whatever the word rules find: a cue only the
    parse reads (an object-frame cue, a rejected that-less one) or a form that is also a noun."""
    return any(
        start in tree_only or cue.frame == "object" or noun_ambiguous(text[start:end], cue)
        for start, end, cue in hits
    )


def _report_noun_next(text: str, end: int) -> bool:
    """ "denied the accusations": a report noun right after the cue (past a determiner), which
    the parse then reads as the object denied; or an act in "-ing" ("denied rigging the vote")."""
    words = text[end : end + 60].lower().split()[:3]
    if words and words[0].endswith("ing") and len(words[0]) > 4:
        return True
    if words and words[0] in _DENIED_DETERMINERS:
        words = words[1:]
    noun = words[0].strip(".,;:") if words else ""
    return noun in report_nouns() or noun in DENIED_NOUNS


_DENIED_DETERMINERS = frozenset(("the", "these", "those", "all", "such", "any", "its", "their"))


def _lacks_needed_word(text: str, end: int, ceiling: int, cue: Cue) -> bool:
    """An object-frame cue whose needed word ("described ... as") is nowhere after it: no parse
    can make it report, so its sentence is not parsed for it."""
    needed = OBJECT_NEEDS.get(cue.term)
    return needed is not None and re.search(rf"\b{needed}\b", text[end:ceiling], re.I) is None


def _hedge_in_quote(text: str, start: int, floor: int, cues: tuple[Cue, ...]) -> bool:
    """A first-person belief cue inside a quotation is the quoted speaker hedging their own words
    ("I think the death toll would have been ..."); any other cue word there is only quoted."""
    speaker = previous_word(text, start, floor) in QUOTED_SPEAKERS
    return speaker and any(cue.term in QUOTED_HEDGES for cue in cues)


def _may_attribute(
    text: str, start: int, end: int, bounds: tuple[int, int], cue: Cue, parser: Parser
) -> bool:
    """Whether the word rules may read a cue: a that-frame verb followed by a plain object
    ("announced their flag", "confirmed rumours") cannot attribute unless a comma, a quotation
    mark or a coordination precedes it ("...,” stressed the son of ...") or the line ends in a
    colon; only the parse tells "explained the obsession began ..." (a clause) from those."""
    if cue.frame != "that":
        return True
    floor, ceiling = bounds
    following = next_word(text, end, ceiling)
    if following is None or following in _THAT_NEXT:
        return True
    if finite_verb_ahead(text, end, ceiling, parser.settings.thatless_max_words):
        return True
    before = previous_word(text, start, floor)
    # A line ending in a colon introduces what follows ("tweeted using his account:").
    return before is None or before in ("and", "then") or text[floor:ceiling].rstrip()[-1:] == ":"


def _signed_quotes(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    found: list[Attribution],
) -> list[tuple[Parse, int]]:
    """Unattributed direct quotations followed by a dash and their speaker's name."""
    attributed = {a.quote_index for a in found}
    starts = [s for s, _ in sentences]
    out: list[tuple[Parse, int]] = []
    for index, quote in enumerate(quotes):
        if quote.kind != "direct" or index in attributed:
            continue
        match = _SIGNATURE.match(text, quote.end)
        if match is None:
            continue
        dash, name = match.span(1), (match.start(2), match.start(2) + len(match[2].rstrip()))
        sentence = bisect.bisect_right(starts, dash[0]) - 1
        if sentence < 0 or name[1] > sentences[sentence][1]:
            continue
        why = "quotation signed with a dash and its speaker's name"
        content = (quote.content_start, quote.content_end)
        parse = Parse(dash, name, content, "direct", index, match[1], "neutral", why)
        out.append((parse, sentence))
    return out


def _credit_lines(
    text: str, sentences: Sequence[tuple[int, int]], found: list[Attribution]
) -> list[Attribution]:
    """Picture and media credits ("Image: Nick Moreau.") in sentences with no other attribution.

    Page furniture in a scraped article (DOMAIN.md), usually stripped before this runs; where it
    is kept, the credit is the one attribution such a line makes."""
    attributed = {a.sentence_index for a in found}
    out: list[Attribution] = []
    for index, (start, end) in enumerate(sentences):
        if index in attributed or (":" not in text[start:end] and ";" not in text[start:end]):
            continue
        match = _CREDIT.search(text, start, end)
        if match is None or not match.group("name")[:1].isupper():
            continue
        name_end = match.start("name") + len(match.group("name").rstrip())
        cue, source = match.span("cue"), (match.start("name"), name_end)
        kind = classify_source(text, *source).kind
        kind = "named" if kind in ("unknown", "anonymous") else kind  # a credit names someone
        why = "picture or media credit line"
        speaker = text[source[0] : source[1]]
        term = match.group("cue").lower()
        credit = Attribution(
            *cue,
            *source,
            kind,
            speaker,
            end,
            end,
            "credit",
            index,
            None,
            term,
            "neutral",
            None,
            why,
        )
        out.append(credit)
    return out


def _colon_quotes(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    found: list[Attribution],
    words: WordLayer,
) -> list[tuple[Parse, int]]:
    """Unattributed direct quotations introduced by a colon and no reporting verb: a headline's
    speaker ("Massoud: "We will fight"") or the subject of the clause before the colon ("The
    minister was blunt: "..."", read from the parse)."""
    attributed = {a.quote_index for a in found}
    starts = [s for s, _ in sentences]
    out: list[tuple[Parse, int]] = []
    for index, quote in enumerate(quotes):
        colon = quote.start - 1
        while colon >= 0 and text[colon].isspace():
            colon -= 1
        if quote.kind != "direct" or index in attributed or colon < 0 or text[colon] != ":":
            continue
        sentence = bisect.bisect_right(starts, colon) - 1
        if sentence < 0 or colon >= sentences[sentence][1]:
            continue
        floor = max(sentences[sentence][0], text.rfind("\n", 0, colon) + 1)
        source = _headline_speaker(text, floor, colon) or _subject_before(words, sentence, colon)
        if source is None:
            continue
        why = "quotation introduced by a colon after its speaker"
        content = (quote.content_start, quote.content_end)
        parse = Parse((colon, colon + 1), source, content, "direct", index, ":", "neutral", why)
        out.append((parse, sentence))
    return out


def _colon_headlines(
    text: str, sentences: Sequence[tuple[int, int]], found: list[Attribution]
) -> list[tuple[Parse, int]]:
    """A headline that gives its source before a colon, with no quotation marks: "Police:
    Gunmen killed 12 in village raid", "UN report: ...". The line is a headline by its shape (a
    line of its own without a closing stop) and the source a source noun ("Police", "Officials",
    "Report"); a name before a colon is as often a topic ("Gaza: ...") and is left alone."""
    attributed = {a.sentence_index for a in found}
    out: list[tuple[Parse, int]] = []
    for index, (start, end) in enumerate(sentences):
        line_start = start == 0 or text[start - 1] == "\n"
        line_end = end == len(text) or text[end : end + 1] == "\n"
        colon = text.find(":", start, min(end, start + _HEADLINE_SOURCE_CHARS))
        if index in attributed or not (line_start and line_end) or colon < 0:
            continue
        if text[start:end].rstrip()[-1:] in ".!?" or len(text[colon + 1 : end].split()) < 3:
            continue
        speaker = _headline_speaker(text, start, colon)
        if speaker is None or text[speaker[0] : speaker[1]].split()[-1].lower() not in (
            source_nouns()
        ):
            continue
        claim = text[colon + 1 : end]
        content = (end - len(claim.lstrip()), end)
        why = "a headline's source before a colon"
        parse = Parse((colon, colon + 1), speaker, content, "indirect", None, ":", "neutral", why)
        out.append((parse, index))
    return out


#: How far into a headline its source's colon may stand ("Pentagon officials:").
_HEADLINE_SOURCE_CHARS = 40


def _headline_speaker(text: str, start: int, colon: int) -> tuple[int, int] | None:
    """ "Massoud:" or "Ahmad Massoud:" opening a line: a name of one to four capitalised words."""
    match = _HEADLINE_SPEAKER.fullmatch(text, start, colon)
    return match.span(1) if match is not None else None


def _subject_before(words: WordLayer, sentence: int, colon: int) -> tuple[int, int] | None:
    """The subject of the clause before a colon when it names a speaker: a name, a personal
    pronoun, a source noun, or any subject of a stance ("The minister was blunt:"); not "The
    rules are simple:"."""
    sdoc = words.parsed(sentence)
    base = words.offset(sentence)
    for token in sdoc:
        if base + token.idx >= colon:
            break
        if token.dep_ != "nsubj" or base + token.head.idx >= colon:
            continue
        speaker_like = (
            token.pos_ == "PROPN"
            or token.lower_ in COLON_PRONOUNS
            or token.lower_ in source_nouns()
            or token.head.lower_ in COLON_STANCES  # "The minister was blunt:"
        )
        if not speaker_like:
            return None
        first, last = phrase_bounds(token)
        return base + sdoc[first].idx, base + sdoc[last].idx + len(sdoc[last])
    return None


def _continuations(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    found: list[Attribution],
    max_gap_words: int,
) -> list[Attribution]:
    """Attribute a direct quotation that plainly continues the one attributed just before it:
    at most ``max_gap_words`` words between them in the same paragraph, a cue among them."""
    by_quote = {a.quote_index: a for a in found if a.quote_index is not None}
    starts = [s for s, _ in sentences]
    extra: list[Attribution] = []
    previous: Attribution | None = None
    for index, quote in enumerate(quotes):
        if quote.kind != "direct":
            continue
        own = by_quote.get(index)
        if own is None and previous is not None and previous.quote_index is not None:
            gap = text[quotes[previous.quote_index].end : quote.start]
            words = len(gap.split())
            cue_between = quotes[previous.quote_index].end <= previous.cue_start < quote.start
            if words == 0 or ("\n" not in gap and words <= max_gap_words and cue_between):
                own = replace(
                    previous,
                    content_start=quote.content_start,
                    content_end=quote.content_end,
                    sentence_index=max(0, bisect.bisect_right(starts, quote.start) - 1),
                    quote_index=index,
                    rule="continues the quotation attributed just before it",
                )
                extra.append(own)
        previous = own
    return extra
