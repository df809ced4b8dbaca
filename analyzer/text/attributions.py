"""Attributions: who says what, found once per document from reporting cues, quotes and sources.

Every cue of ``attribution_cues.csv`` in a body sentence and outside quotation marks is parsed
from the tokens around it (:class:`~analyzer.text.sources.Tokens`):

- **direct**: a quotation next to a cue and a source: ``"...," he said.``, ``He added, "..."``,
  ``"...," stressed the son of ...``, a quotation paragraph followed by ``Massoud said in a
  letter ...``, and a quotation that continues one just attributed in the same paragraph;
- **indirect**: ``SOURCE CUE (that) CLAUSE``, to the sentence end, a semicolon or a direct quote;
  postposed ``CLAUSE, SOURCE CUE.`` / ``CLAUSE, CUE SOURCE.`` only when the source phrase closes
  the sentence (so "..., says X says it has ..." leaves the first clause in the outlet's voice);
- **according_to**: ``According to X, CLAUSE`` and ``CLAUSE(,) according to X`` ("as per").

A pronoun source resolves to the last speaker of agreeing number in the same or previous sentence
or paragraph; a named source resolves to the story-pack actor whose alias covers its head, and
"Masud" to an earlier "Ahmad Masud" of the same article. Each cue scans a bounded window of its
own sentence, so the cost is linear in the text.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from analyzer.config import Config
from analyzer.text.quotes import Quote
from analyzer.text.sources import (
    AUXILIARIES,
    CLOSING_PUNCT,
    DETERMINERS,
    HONORIFICS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_CHARS,
    Cue,
    Tokens,
    classify_source,
    cue_matcher,
    kind_of_actor,
    next_word,
    previous_word,
    resolve_actor,
)

#: Kinds of source, as DOMAIN.md separates them.
SOURCE_KINDS = ("named", "organisation", "anonymous", "pronoun", "unknown")
#: How the words reach the reader: a direct quotation, indirect (reported) speech, "according to".
ATTRIBUTION_MODES = ("direct", "indirect", "according_to")

#: A pronoun looks this many sentences back for its antecedent speaker (besides the previous
#: paragraph): enough for "He added" after a two-sentence quotation, short enough to stay plain.
PRONOUN_MAX_SENTENCES_BACK = 3
#: A quotation continues the previous attributed one when at most this many words stand between
#: them in the same paragraph (the "..., Massoud said in a statement." tail of the first).
CONTINUATION_MAX_GAP_WORDS = 12
#: After a tell-type cue, an object of up to this many words ("told The National newspaper").
OBJECT_MAX_WORDS = 4
#: After a cue, a prepositional phrase of up to this many words before "that" or the sentence end
#: ("said in a letter to Levy on August 16"); a longer run is more likely the content itself.
PP_MAX_WORDS = 8
#: A cue word this close after "according to" is part of its source ("according to local reports").
PREP_SOURCE_WORDS = 3
#: A quotation counts as next to a cue across at most this many spaces, commas or dashes.
QUOTE_GAP_CHARS = 8

#: Pronouns that open a reported clause right after a cue ("admitted she was", "said he will").
SUBJECTS = frozenset(("he", "she", "they", "we", "i", "there"))
_WH = frozenset(("what", "how", "why", "whether"))
_BE = frozenset(("is", "are", "was", "were", "been", "being", "be"))
_IMPERSONAL_SKIP = frozenset(
    ("has", "have", "had", "widely", "also", "often", "long", "now", "been")
)
#: Words after a that-frame cue that may lead to its content ("said on Twitter that", "warned he").
_THAT_NEXT = frozenset({"that"}) | SUBJECTS | _WH | PREPOSITIONS
#: Words that cannot open a that-less reported clause right after a cue.
_NON_CLAUSE_START = (
    PREPOSITIONS
    | AUXILIARIES
    | {"and", "but", "or", "then", "as", "so", "while", "when", "if", "not"}
)

Pair = tuple[int, int]


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


@dataclass(frozen=True, slots=True)
class _Parse:
    cue: Pair
    source: Pair | None
    content: Pair
    mode: str
    quote_index: int | None
    term: str
    category: str
    rule: str


@dataclass(frozen=True, slots=True)
class _Speaker:
    sentence: int
    paragraph: int
    name: str
    kind: str
    plural: bool
    actor: str | None


def find_attributions(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    config: Config,
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
        Its story pack, when set, resolves sources to actors.
    """
    if not sentences:
        return []
    parser = _Parser(text, quotes)
    paragraphs = [0]
    for (_, prev_end), (start, _) in itertools.pairwise(sentences):
        paragraphs.append(paragraphs[-1] + (text.find("\n", prev_end, start) != -1))
    speakers = _Speakers(text, config)
    found: list[Attribution] = []
    for index, hits in sorted(_cue_hits(text, sentences, parser).items()):
        start, end = sentences[index]
        for parse in parser.parse(start, end, hits):
            found.append(speakers.attribution(parse, index, paragraphs[index]))
    found.extend(_continuations(text, sentences, quotes, found))
    found.sort(key=lambda a: (a.content_start, a.cue_start))
    return found


def _cue_hits(
    text: str, sentences: Sequence[tuple[int, int]], parser: _Parser
) -> dict[int, list[tuple[int, int, Cue]]]:
    """Cue matches per sentence index, outside quotation content and passing their context rule."""
    starts = [s for s, _ in sentences]
    hits: dict[int, list[tuple[int, int, Cue]]] = {}
    for match in cue_matcher().find(text, sentences[0][0], sentences[-1][1]):
        i = bisect.bisect_right(starts, match.start) - 1
        if i < 0 or match.end > sentences[i][1] or parser.in_quote(match.start):
            continue
        floor, ceiling = sentences[i]
        for cue in match.payload:
            if cue.rule is None or cue.rule.allows(text, match.start, match.end, floor, ceiling):
                if _may_attribute(text, match.start, match.end, floor, ceiling, cue):
                    hits.setdefault(i, []).append((match.start, match.end, cue))
                break
    return hits


def _may_attribute(text: str, start: int, end: int, floor: int, ceiling: int, cue: Cue) -> bool:
    """A cheap test before tokenizing: a that-frame verb followed by a plain object ("announced
    their flag", "confirmed rumours") cannot attribute unless a comma, a quotation mark or a
    coordination precedes it ("...,” stressed the son of ...")."""
    if cue.frame != "that":
        return True
    following = next_word(text, end, ceiling)
    if following is None or following in _THAT_NEXT:
        return True
    before = previous_word(text, start, floor)
    return before is None or before in ("and", "then")


@dataclass(frozen=True, slots=True)
class _Site:
    """One cue in its sentence: the tokens, the cue's token range and its lexicon entry."""

    toks: Tokens
    first: int
    last: int
    cue: Cue
    sentence: Pair

    @property
    def span(self) -> Pair:
        return self.toks.starts[self.first], self.toks.end(self.last)

    def make(
        self, source: Pair | None, content: Pair, mode: str, why: str, quote: int | None = None
    ) -> _Parse:
        return _Parse(
            self.span, source, content, mode, quote, self.cue.term, self.cue.category, why
        )


class _Parser:
    """Parses the cues of one sentence at a time; remembers which quotations are attributed."""

    def __init__(self, text: str, quotes: Sequence[Quote]) -> None:
        self.text = text
        self.quotes = quotes
        self.by_start = {q.start: i for i, q in enumerate(quotes)}
        self.by_end = {q.end: i for i, q in enumerate(quotes)}
        self.quote_starts = [q.start for q in quotes]
        merged: list[list[int]] = []
        for q in sorted(quotes, key=lambda q: q.content_start):
            if merged and q.content_start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.content_end)
            else:
                merged.append([q.content_start, q.content_end])
        self.inside_starts = [m[0] for m in merged]
        self.inside_ends = [m[1] for m in merged]
        self.used: set[int] = set()

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.inside_starts, pos) - 1
        return i >= 0 and pos < self.inside_ends[i]

    def parse(self, start: int, end: int, hits: Sequence[tuple[int, int, Cue]]) -> list[_Parse]:
        """Attributions whose cue lies in the sentence ``text[start:end]``, left to right."""
        toks = Tokens(self.text, start, end)
        located: list[_Site] = []
        for h_start, h_end, cue in hits:
            i0 = i1 = bisect.bisect_left(toks.starts, h_start)
            while i1 < len(toks) and toks.end(i1) < h_end:
                i1 += 1
            if i1 >= len(toks) or toks.starts[i0] != h_start or toks.end(i1) != h_end:
                continue
            if located and located[-1].cue.frame == "prep" and _in_source(toks, located[-1], i0):
                continue  # "according to local reports": a word in the source is no cue
            located.append(_Site(toks, i0, i1, cue, (start, end)))
        # A cue right before an auxiliary or another cue is a noun ("reports have revealed").
        firsts = {site.first for site in located}
        kept = [s for s in located if not _noun_subject(toks, s.last + 1, firsts)]
        for site in kept:
            toks.cues.update(range(site.first, site.last + 1))
        out: list[_Parse] = []
        for site in kept:
            # Reported speech needs words to report ("..., he said." opening a sentence has none).
            out.extend(
                p
                for p in self._parse_cue(site, out)
                if p.mode == "direct" or p.content[1] > p.content[0]
            )
        return out

    def _parse_cue(self, site: _Site, prior: list[_Parse]) -> list[_Parse]:
        toks = site.toks
        if site.cue.frame == "prep":
            return self._according_to(site)
        if site.first > 0 and toks.lows[site.first - 1] in _BE:
            return self._impersonal(site)
        left = toks.left_source(site.first)
        if left is not None:
            return self._after_source(site, left)
        j = toks.skip_back(site.first - 1)
        if prior and prior[-1].source is not None and j >= 0 and toks.lows[j] in (",", "and"):
            comp, at = self._complement(site)
            why = "coordinated with the reporting verb before it"
            if comp == "quote":
                return [self._direct(site, prior[-1].source, at, why)]
            if comp == "clause":
                return self._indirect(site, prior[-1].source, toks.starts[at], why)
            return []
        if j >= 0 and (toks.lows[j] == "," or toks.lows[j] in QUOTE_CHARS):
            return self._before_source(site, j)
        return []

    def _after_source(self, site: _Site, left: tuple[int, int, int]) -> list[_Parse]:
        """SOURCE CUE: a quotation before or after, a reported clause, or a postposed cue."""
        toks, (first, last, bound) = site.toks, left
        source = (toks.starts[first], toks.end(last))
        comp, at = self._complement(site)
        before = self._quote_before(source[0])
        out = []
        if before is not None and comp in ("end", "comma", "quote"):
            out.append(self._direct(site, source, before, "quotation, then its source and cue"))
        if comp == "quote":
            out.append(self._direct(site, source, at, "source and cue, then the quotation"))
        if out:
            return out
        if comp == "clause":
            why = "source, cue, then the reported clause"
            return self._indirect(site, source, toks.starts[at], why)
        bound_word = toks.lows[bound] if bound >= 0 else ""
        if comp == "end" and bound_word == ",":
            comma = toks.starts[bound]
            content = (self._clause_start(site.sentence[0], comma), comma)
            why = "reported clause, then a source and cue that close the sentence"
            return [site.make(source, content, "indirect", why)]
        if comp == "comma" and bound == 0 and bound_word == "as" and at + 1 < len(toks):
            return self._indirect(site, source, toks.starts[at + 1], "'As X said,' then the clause")
        return []

    def _before_source(self, site: _Site, j: int) -> list[_Parse]:
        """..., CUE SOURCE: after a quotation, or closing (or set inside) a reported clause."""
        toks = site.toks
        right = toks.right_source(site.last + 1)
        if right is None:
            return []
        source = (toks.starts[right[0]], toks.end(right[1]))
        before = self._quote_before(site.span[0])
        if before is not None:
            return [self._direct(site, source, before, "quotation, then cue and source")]
        if toks.lows[j] != ",":
            return []
        start, after = self._clause_start(site.sentence[0], toks.starts[j]), right[1] + 1
        if toks.closes_sentence(after):
            why = "reported clause, then a cue and source that close the sentence"
            return [site.make(source, (start, toks.starts[j]), "indirect", why)]
        if after + 1 < len(toks) and toks.lows[after] == ",":
            why = "cue and source set off by commas inside the reported sentence"
            return [
                site.make(source, (start, self._trim(start, site.sentence[1])), "indirect", why)
            ]
        return []

    def _according_to(self, site: _Site) -> list[_Parse]:
        """ "According to X, CLAUSE" and "CLAUSE(,) according to X"."""
        toks = site.toks
        right = toks.right_source(site.last + 1)
        if right is None:
            return []
        source = (toks.starts[right[0]], toks.end(right[1]))
        after, before = right[1] + 1, site.first - 1
        if after + 1 < len(toks) and toks.lows[after] == ",":
            first = toks.starts[after + 1]
            quote = self._quote_at(first)
            if quote is not None:
                return [self._direct(site, source, quote, "according to X, then the quotation")]
            return self._indirect(site, source, first, "according to X, then the reported clause")
        if before >= 0 and toks.closes_sentence(after):
            end = toks.starts[before] if toks.lows[before] == "," else site.span[0]
            start = self._clause_start(site.sentence[0], end)
            why = "reported clause, then according to X"
            return [site.make(source, (start, self._trim(start, end)), "according_to", why)]
        return []

    def _impersonal(self, site: _Site) -> list[_Parse]:
        """ "It is claimed that X": reported content with no source written."""
        toks, k, after = site.toks, site.first - 2, site.last + 1
        while k >= 0 and toks.lows[k] in _IMPERSONAL_SKIP:
            k -= 1
        if k < 0 or toks.lows[k] != "it" or after + 1 >= len(toks) or toks.lows[after] != "that":
            return []
        why = "impersonal passive: no source is named"
        return self._indirect(site, None, toks.starts[after + 1], why)

    def _complement(self, site: _Site) -> tuple[str, int]:
        """What follows a cue: ("quote", quote index), ("clause", its first token), or
        ("end" | "comma" | "none", token index)."""
        toks, frame, j = site.toks, site.cue.frame, site.last + 1
        lows, n = toks.lows, len(toks)
        if frame == "tell":
            k = _skip_object(toks, j)
            if j < k < n and lows[k] != "that" and (lows[k] in SUBJECTS or lows[k] in DETERMINERS):
                return "clause", k  # "told reporters the group would ..."
            j = k
        if j + 1 < n and lows[j] == "to" and frame == "claim":
            return "clause", j  # "claimed to have conquered"
        if j < n and lows[j] in PREPOSITIONS:
            start = j
            while j < n and toks.word(j) and lows[j] != "that" and j - start <= PP_MAX_WORDS:
                j += 1
            if j < n and toks.word(j) and lows[j] != "that":
                return "none", j
        if j >= n:
            return "end", j
        t = lows[j]
        if t in (",", ":", ";", "that"):
            quote = self._quote_at(toks.starts[j + 1] if j + 1 < n else site.sentence[1])
            if quote is not None:
                return "quote", quote
            if t in (",", ";"):
                return "comma", j
            return ("clause", j + 1) if j + 1 < n else ("none", j)
        quote = self._quote_at(toks.starts[j])
        if quote is not None:
            return "quote", quote
        if all(lows[m] in CLOSING_PUNCT for m in range(j, n)):
            return "end", j
        if t in SUBJECTS or t in _WH:
            return "clause", j
        if frame in ("say", "claim") and toks.word(j) and t not in _NON_CLAUSE_START:
            return "clause", j
        return "none", j

    def _quote_at(self, pos: int) -> int | None:
        """The unattributed quotation opening at ``pos`` (spaces and line breaks skipped)."""
        text, limit = self.text, min(len(self.text), pos + QUOTE_GAP_CHARS)
        while pos < limit and text[pos].isspace():
            pos += 1
        index = self.by_start.get(pos)
        return index if index is not None and index not in self.used else None

    def _quote_before(self, pos: int) -> int | None:
        """The unattributed quotation ending just before ``pos`` (spaces, commas, dashes between).

        A short quotation counts only when a comma, "!" or "?" closes it: a scare quote in
        mid-sentence ("is “silently” observing") is not the statement a cue attributes.
        """
        text, floor, start = self.text, max(0, pos - QUOTE_GAP_CHARS), pos
        while pos > floor and (text[pos - 1].isspace() or text[pos - 1] in ",—–-"):
            pos -= 1
        index = self.by_end.get(pos)
        if index is None or index in self.used:
            return None
        quote = self.quotes[index]
        closed = text[quote.content_end - 1 : quote.content_end] in (",", "!", "?")
        return index if quote.kind == "direct" or closed or "," in text[pos:start] else None

    def _direct(self, site: _Site, source: Pair | None, quote: int, why: str) -> _Parse:
        self.used.add(quote)
        content = (self.quotes[quote].content_start, self.quotes[quote].content_end)
        return site.make(source, content, "direct", why, quote)

    def _indirect(self, site: _Site, source: Pair | None, first: int, why: str) -> list[_Parse]:
        """Reported content from ``first`` to the sentence end or a semicolon ("...; however, the
        resistance has rejected ..."), stopping at a direct quotation (attributed alike)."""
        end = site.sentence[1]
        semicolon = self.text.find(";", first, end)
        end = end if semicolon == -1 else semicolon
        i = bisect.bisect_right(self.quote_starts, first)
        inner = None
        if i < len(self.quotes) and self.quotes[i].start < end and self.quotes[i].kind == "direct":
            inner, end = i, self.quotes[i].start
        end = self._trim(first, end)
        mode = "according_to" if site.cue.frame == "prep" else "indirect"
        out = [site.make(source, (first, end), mode, why)] if end > first else []
        if inner is not None and inner not in self.used:
            out.append(self._direct(site, source, inner, "quotation inside the reported clause"))
        return out

    def _trim(self, start: int, end: int) -> int:
        """``end`` moved back over spaces and sentence-final punctuation."""
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in ".!?…,"):
            end -= 1
        return end

    def _clause_start(self, start: int, end: int) -> int:
        """Where a postposed reported clause begins: the sentence start or after a semicolon."""
        semicolon = self.text.rfind(";", start, end)
        if semicolon == -1:
            return start
        return semicolon + 1 + (self.text[semicolon + 1 : semicolon + 2] == " ")


def _in_source(toks: Tokens, prep: _Site, i0: int) -> bool:
    """True when token ``i0`` lies in the short source phrase after "according to"/"as per"."""
    gap = range(prep.last + 1, i0)
    return i0 - prep.last <= PREP_SOURCE_WORDS and all(toks.word(m) for m in gap)


def _noun_subject(toks: Tokens, following: int, firsts: set[int]) -> bool:
    """A cue followed by an auxiliary or by another cue is a noun subject ("reports say")."""
    return following < len(toks) and (toks.lows[following] in AUXILIARIES or following in firsts)


def _skip_object(toks: Tokens, j: int) -> int:
    """Past the object of a tell-type cue: up to OBJECT_MAX_WORDS words, stopping before a
    preposition, "that", or a determiner or pronoun that opens the reported clause."""
    start = j
    while j < len(toks) and toks.word(j) and j - start < OBJECT_MAX_WORDS:
        t = toks.lows[j]
        if t == "that" or t in PREPOSITIONS or (j > start and (t in SUBJECTS or t in DETERMINERS)):
            break
        j += 1
    return j


class _Speakers:
    """Classifies sources and resolves speakers in reading order, remembering who spoke where."""

    def __init__(self, text: str, config: Config) -> None:
        self.text = text
        self.pack = config.story_pack
        self.history: list[_Speaker] = []
        self.surnames: dict[str, str] = {}

    def attribution(self, parse: _Parse, sentence: int, paragraph: int) -> Attribution:
        """An Attribution from a parse: classify the source, resolve the speaker, remember it."""
        kind, speaker, actor_name = "anonymous", None, None
        if parse.source is not None:
            info = classify_source(self.text, *parse.source)
            kind, speaker = info.kind, self.text[parse.source[0] : parse.source[1]]
            if kind == "pronoun":
                known = self._antecedent(info.head, sentence, paragraph)
                if known is not None:
                    speaker, actor_name = known.name, known.actor
                    self.history.append(replace(known, sentence=sentence, paragraph=paragraph))
            else:
                actor = resolve_actor(self.pack, self.text, *parse.source, info.head_start)
                if actor is not None:
                    kind, speaker, actor_name = kind_of_actor(actor), actor.name, actor.name
                elif kind == "named" and info.name_like:
                    speaker = self._merge_surname(speaker)
                remembered = _Speaker(sentence, paragraph, speaker, kind, info.plural, actor_name)
                self.history.append(remembered)
        s_start, s_end = parse.source if parse.source is not None else (None, None)
        return Attribution(
            parse.cue[0], parse.cue[1], s_start, s_end, kind, speaker, parse.content[0],
            parse.content[1], parse.mode, sentence, parse.quote_index, parse.term, parse.category,
            actor_name, parse.rule,
        )  # fmt: skip

    def _antecedent(self, pronoun: str, sentence: int, paragraph: int) -> _Speaker | None:
        """The last speaker a pronoun can plainly refer to: within reach and agreeing in number."""
        role = PRONOUNS[pronoun]
        for known in reversed(self.history):
            near = known.sentence >= sentence - PRONOUN_MAX_SENTENCES_BACK
            if not near and known.paragraph < paragraph - 1:
                return None
            if role == "person" and known.kind in ("named", "anonymous") and not known.plural:
                return known
            if role == "plural" and (known.plural or known.kind == "organisation"):
                return known
            if role == "thing" and known.kind == "organisation":
                return known
        return None

    def _merge_surname(self, name: str) -> str:
        """ "Masud" or "Mr Massoud" after "Ahmad Massoud" in the same article: the same speaker."""
        words = [w for w in name.replace(".", " ").split() if w.lower() not in HONORIFICS]
        if len(words) == 1:
            return self.surnames.get(words[0].lower(), name)
        if words:
            self.surnames.setdefault(words[-1].lower(), name)
        return name


def _continuations(
    text: str,
    sentences: Sequence[tuple[int, int]],
    quotes: Sequence[Quote],
    found: list[Attribution],
) -> list[Attribution]:
    """Attribute a direct quotation that plainly continues the one attributed just before it."""
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
            if words == 0 or (
                "\n" not in gap and words <= CONTINUATION_MAX_GAP_WORDS and cue_between
            ):
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
