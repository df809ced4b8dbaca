"""Reported speech: the source and content of one reporting cue, from the tokens of its sentence.

:class:`Parser` reads each cue of a sentence left to right and returns :class:`Parse` records:
a direct quotation next to a cue and a source, an indirect ``SOURCE CUE (that) CLAUSE`` (also
postposed, ``CLAUSE, SOURCE CUE.``), "according to X", and the impersonal "it is claimed that".
The source phrases themselves are found by :class:`~analyzer.text.phrases.Tokens`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from analyzer.text.context_rules import (
    AUXILIARIES,
    PRONOUNS,
    QUOTE_CHARS,
)
from analyzer.text.cue_lexicons import Cue
from analyzer.text.cue_sites import Pair, Parse, Site, complement
from analyzer.text.phrases import Tokens
from analyzer.text.quote_lookup import QuoteLookup

#: A cue word this close after "according to" is part of its source ("according to local reports").
PREP_SOURCE_WORDS = 3
_BE = frozenset(("is", "are", "was", "were", "been", "being", "be"))
#: Words before a closing "I think" that make it a clause of its own, not a hedge.
_NOT_HEDGED = frozenset(("what", "than", "as", "that", "how", "why", "where", "when", "if"))
#: A line "SOURCE CUE ...:" introduces the next paragraph when at most this many tokens follow
#: the cue ("tweeted using his @POTUS account:"); a longer tail is a clause of its own.
COLON_MAX_WORDS = 10
#: "I am (not) (really) sure": the words between the speaker and a stance adjective.
_STANCE_SKIP = frozenset(("am", "are", "not", "really", "quite", "pretty", "so", "absolutely"))
_STANCE_SUBJECTS = frozenset(("i", "we", "i'm", "i’m", "we're", "we’re"))
_IMPERSONAL_SKIP = frozenset(
    ("has", "have", "had", "widely", "also", "often", "long", "now", "been")
)


class Parser(QuoteLookup):
    """Parses the cues of one sentence at a time; remembers which quotations are attributed."""

    def parse(self, start: int, end: int, hits: Sequence[tuple[int, int, Cue]]) -> list[Parse]:
        """Attributions whose cue lies in the sentence ``text[start:end]``, left to right."""
        toks = Tokens(self.text, start, end)
        located: list[Site] = []
        for h_start, h_end, cue in hits:
            i0 = i1 = bisect.bisect_left(toks.starts, h_start)
            while i1 < len(toks) and toks.end(i1) < h_end:
                i1 += 1
            if i1 >= len(toks) or toks.starts[i0] != h_start or toks.end(i1) != h_end:
                continue
            if located and located[-1].cue.frame == "prep" and _in_source(toks, located[-1], i0):
                continue  # "according to local reports": a word in the source is no cue
            located.append(Site(toks, i0, i1, cue, (start, end)))
        # A cue right before an auxiliary or another cue is a noun ("reports have revealed").
        firsts = {site.first for site in located}
        kept = [s for s in located if not _noun_subject(toks, s.last + 1, firsts)]
        for site in kept:
            toks.cues.update(range(site.first, site.last + 1))
        out: list[Parse] = []
        subject: Pair | None = None  # the source written before the last cue, if any
        for site in kept:
            # Reported speech needs words to report ("..., he said." opening a sentence has none).
            out.extend(
                p
                for p in self._parse_cue(site, out, subject)
                if p.mode == "direct" or p.content[1] > p.content[0]
            )
            left = toks.left_source(site.first)
            subject = (toks.starts[left[0]], toks.end(left[1])) if left is not None else None
        return out

    def _parse_cue(self, site: Site, prior: list[Parse], subject: Pair | None) -> list[Parse]:
        toks = site.toks
        if site.cue.frame == "prep":
            return self._according_to(site)
        if site.cue.term == "sure":
            return self._stance(site)
        if site.first > 0 and toks.lows[site.first - 1] in _BE:
            return self._impersonal(site)
        left = toks.left_source(site.first)
        if left is not None:
            return self._after_source(site, left)
        j = toks.skip_back(site.first - 1)
        if j >= 1 and toks.lows[j] == "," and toks.lows[site.first].endswith("ing"):
            return self._participle(site)  # "..., saying ...": the sentence's subject speaks
        if j >= 2 and toks.lows[j] in ("who", "which") and toks.lows[j - 1] == ",":
            name = toks.name_run_before(j - 2)  # "Devocht, who had told Montalvo he would ..."
            if name is not None:
                return self._after_source(site, (name, j - 2, j))
        shared = prior[-1].source if prior else None
        if shared is None and j >= 0 and toks.lows[j] == "and":
            shared = subject  # "Zuckerberg tweeted to Mohamed and said the boy was welcome"
        if shared is not None and j >= 0 and toks.lows[j] in (",", "and"):
            return self._complement_of(
                site, shared, "coordinated with the reporting verb before it"
            )
        if j >= 0 and (toks.lows[j] == "," or toks.lows[j] in QUOTE_CHARS):
            return self._before_source(site, j)
        return []

    def _participle(self, site: Site) -> list[Parse]:
        """ "Santorum criticised the press, saying, "...": the sentence's subject speaks."""
        toks = site.toks
        if toks.lows[0] in PRONOUNS:
            subject: int | None = 0
        else:
            subject = toks.name_run(0) if toks.cap(0) else None
        if subject is None or subject >= site.first - 2:
            return []
        source = (toks.starts[0], toks.end(subject))
        return self._complement_of(site, source, "participle after the sentence's subject")

    def _complement_of(self, site: Site, source: Pair, why: str) -> list[Parse]:
        """What ``source`` says after the cue: a quotation, a reported clause, or nothing."""
        comp, at = complement(site, self)
        if comp == "quote":
            return [self._direct(site, source, at, why)]
        if comp == "clause":
            return self._indirect(site, source, site.toks.starts[at], why)
        return []

    def _after_source(self, site: Site, left: tuple[int, int, int]) -> list[Parse]:
        """SOURCE CUE: a quotation before or after, a reported clause, or a postposed cue."""
        toks, (first, last, bound) = site.toks, left
        source = (toks.starts[first], toks.end(last))
        comp, at = complement(site, self)
        before = self.quote_before(source[0])
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
        if comp == "none" and toks.lows[-1] == ":" and len(toks) - site.last <= COLON_MAX_WORDS:
            return self._next_paragraph(site, source)
        bound_word = toks.lows[bound] if bound >= 0 else ""
        if comp == "end" and bound_word == ",":
            comma = toks.starts[bound]
            content = (self._clause_start(site.sentence[0], comma), comma)
            why = "reported clause, then a source and cue that close the sentence"
            return [site.make(source, content, "indirect", why)]
        if comp == "end" and _closing_hedge(toks, site, first, bound_word):
            content = (site.sentence[0], toks.starts[first])
            why = "clause, then a first-person hedge that closes the sentence"
            return [site.make(source, (content[0], self._trim(*content)), "indirect", why)]
        if comp == "comma" and bound_word == "," and site.cue.category == "tentative":
            # A parenthetical "I think" or "they believe" hedges the sentence around it.
            start, end = site.sentence[0], self._trim(site.sentence[0], site.sentence[1])
            return [site.make(source, (start, end), "indirect", "parenthetical cue and source")]
        if comp == "comma" and bound == 0 and bound_word == "as" and at + 1 < len(toks):
            return self._indirect(site, source, toks.starts[at + 1], "'As X said,' then the clause")
        return []

    def _before_source(self, site: Site, j: int) -> list[Parse]:
        """..., CUE SOURCE: after a quotation, or closing (or set inside) a reported clause."""
        toks = site.toks
        right = toks.right_source(site.last + 1)
        if right is None:
            return []
        source = (toks.starts[right[0]], toks.end(right[1]))
        before = self.quote_before(site.span[0])
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

    def _according_to(self, site: Site) -> list[Parse]:
        """ "According to X, CLAUSE" and "CLAUSE(,) according to X"."""
        toks = site.toks
        right = toks.right_source(site.last + 1)
        if site.first == 0 and (right is None or toks.lows[right[1] + 1 : right[1] + 2] != [","]):
            name = toks.name_run(site.last + 1)  # "According to Rathbun the property was ..."
            if name is not None and name + 1 < len(toks) and toks.word(name + 1):
                source = (toks.starts[site.last + 1], toks.end(name))
                why = "according to a name, then the reported clause (no comma)"
                return self._indirect(site, source, toks.starts[name + 1], why)
        if right is None:
            return []
        source = (toks.starts[right[0]], toks.end(right[1]))
        after, before = right[1] + 1, site.first - 1
        if after + 1 < len(toks) and toks.lows[after] == ",":
            first = toks.starts[after + 1]
            quote = self.quote_at(first)
            if quote is not None:
                return [self._direct(site, source, quote, "according to X, then the quotation")]
            return self._indirect(site, source, first, "according to X, then the reported clause")
        if before >= 0 and toks.closes_sentence(after):
            end = toks.starts[before] if toks.lows[before] == "," else site.span[0]
            start = self._clause_start(site.sentence[0], end)
            why = "reported clause, then according to X"
            return [site.make(source, (start, self._trim(start, end)), "according_to", why)]
        return []

    def _stance(self, site: Site) -> list[Parse]:
        """ "I am sure that ...", "I'm not sure which ...": a first-person stance on the clause."""
        toks, k = site.toks, site.first - 1
        while k >= 0 and toks.lows[k] in _STANCE_SKIP:
            k -= 1
        if k < 0 or toks.lows[k] not in _STANCE_SUBJECTS:
            return []
        comp, at = complement(site, self)
        if comp != "clause":
            return []
        pronoun = toks.lows[k].replace("’", "'").partition("'")[0]  # "I'm" -> "I"
        source = (toks.starts[k], toks.starts[k] + len(pronoun))
        return self._indirect(site, source, toks.starts[at], "first-person stance, then the clause")

    def _next_paragraph(self, site: Site, source: Pair) -> list[Parse]:
        """ "the Church denied these allegations:" closing its paragraph introduces the next one."""
        text, colon = self.text, site.sentence[1]
        start = colon
        while start < len(text) and text[start] in " \t\n:":
            start += 1
        if "\n" not in text[colon:start]:
            return []
        end = text.find("\n", start)
        end = self._trim(start, len(text) if end == -1 else end)
        why = "source and cue in a line that ends with a colon, then the next paragraph"
        return [site.make(source, (start, end), "indirect", why)] if end > start else []

    def _impersonal(self, site: Site) -> list[Parse]:
        """ "It is claimed that X": reported content with no source written."""
        toks, k, after = site.toks, site.first - 2, site.last + 1
        while k >= 0 and toks.lows[k] in _IMPERSONAL_SKIP:
            k -= 1
        if k < 0 or toks.lows[k] != "it" or after + 1 >= len(toks) or toks.lows[after] != "that":
            return []
        why = "impersonal passive: no source is named"
        return self._indirect(site, None, toks.starts[after + 1], why)

    def _direct(self, site: Site, source: Pair | None, quote: int, why: str) -> Parse:
        self.used.add(quote)
        content = (self.quotes[quote].content_start, self.quotes[quote].content_end)
        return site.make(source, content, "direct", why, quote)

    def _indirect(self, site: Site, source: Pair | None, first: int, why: str) -> list[Parse]:
        """Reported content from ``first`` to the sentence end or a semicolon ("...; however, the
        resistance has rejected ..."), stopping at a direct quotation (attributed alike)."""
        end = site.sentence[1]
        quoted = self.quoted_until(first)  # a hedge inside a quotation reports only quoted words
        end = end if quoted is None else min(end, quoted)
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


def _closing_hedge(toks: Tokens, site: Site, first: int, bound_word: str) -> bool:
    """ "It's very beautiful I think.": a bare "I think" closing a clause hedges that clause
    ("... than I thought", "what we think" are clauses of their own)."""
    return (
        site.cue.category == "tentative"
        and first == site.first - 1
        and toks.lows[first] in ("i", "we")
        and bound_word.isalnum()
        and bound_word not in _NOT_HEDGED
    )


def _in_source(toks: Tokens, prep: Site, i0: int) -> bool:
    """True when token ``i0`` lies in the short source phrase after "according to"/"as per"."""
    gap = range(prep.last + 1, i0)
    return i0 - prep.last <= PREP_SOURCE_WORDS and all(toks.word(m) for m in gap)


def _noun_subject(toks: Tokens, following: int, firsts: set[int]) -> bool:
    """A cue followed by an auxiliary or by another cue is a noun subject ("reports say")."""
    return following < len(toks) and (toks.lows[following] in AUXILIARIES or following in firsts)
