"""Reported speech: the source and content of one reporting cue, from the tokens of its sentence.

:class:`Parser` reads each cue of a sentence left to right and returns :class:`Parse` records:
a direct quotation next to a cue and a source, an indirect ``SOURCE CUE (that) CLAUSE`` (also
postposed, ``CLAUSE, SOURCE CUE.``), "according to X", and the impersonal "it is claimed that".
The source phrases themselves are found by :class:`~analyzer.text.phrases.Tokens`. Where the
word rules fail or doubt, the sentence's dependency parse (:class:`SentenceTree`) is read with
the helpers of :mod:`analyzer.text.cue_sites`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from analyzer.boilerplate.kinds import dateline_end
from analyzer.settings import AttributionSettings
from analyzer.text.context_rules import (
    AUXILIARIES,
    CLOSING_PUNCT,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_CHARS,
    word_set,
)
from analyzer.text.cue_lexicons import Cue, source_nouns
from analyzer.text.cue_sites import (
    DENIED_NOUNS,
    NAMING_CUES,
    NOT_VERB_POS,
    RELATIVE_SUBJECTS,
    SILENT_CUES,
    SUBJECTS,
    THATLESS_FROM_PARSE,
    WH_WORDS,
    Pair,
    Parse,
    Site,
    clause_bounds,
    clause_like,
    complement,
    governed_clause,
    mistagged_verb,
    object_bounds,
    object_reports,
    phrase_bounds,
    quoted_object,
    reported_clause,
    subordinate,
    thatless_clause,
    tree_subject,
)
from analyzer.text.nominal import report_nouns
from analyzer.text.phrases import NP_STOP, Tokens
from analyzer.text.quote_lookup import QuoteLookup
from analyzer.text.quotes import Quote
from analyzer.text.sources import classify_source

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_BE = frozenset(("is", "are", "was", "were", "been", "being", "be"))
#: Words before a closing "I think" that make it a clause of its own, not a hedge.
_NOT_HEDGED = frozenset(("what", "than", "as", "that", "how", "why", "where", "when", "if"))
#: "I am (not) (really) sure": the words between the speaker and a stance adjective.
_STANCE_SKIP = frozenset(("am", "are", "not", "really", "quite", "pretty", "so", "absolutely"))
_STANCE_SUBJECTS = frozenset(("i", "we", "i'm", "i’m", "we're", "we’re"))
_IMPERSONAL_SKIP = frozenset(
    ("has", "have", "had", "widely", "also", "often", "long", "now", "been")
)


#: The rule of a paragraph a source introduces with a colon closing the line before: a block
#: quotation, the source's own words whether or not quotation marks open it.
BLOCK_QUOTATION = "source and cue in a line that ends with a colon, then the next paragraph"
#: The rule of a reported clause whose subject stands before its source, set off by commas.
SET_OFF_SOURCE = "subject, a source and cue set off by commas, then the clause (parse)"
#: Participles that most often name what they follow ("a comet called Wild 2"), not report.
_NAMING_PARTICIPLES = frozenset(("call", "name", "dub", "term", "title", "know"))
#: Words after which a new clause, with its own subject, may start.
_CLAUSE_JOINS = frozenset(("and", "but", ",", ";"))


class SentenceTree:
    """The dependency parse of one sentence, parsed only when first asked for: most cues are
    read by the word rules alone, and parsing costs more than all of them."""

    def __init__(self, parse: Callable[[], Doc | None], base: int) -> None:
        self._parse = parse
        self.base = base  # where the sentence starts in the document text
        self._at: dict[int, Token] | None = None

    def token_at(self, offset: int) -> Token | None:
        """The token starting at document offset ``offset``, or None."""
        if self._at is None:
            sdoc = self._parse()
            self._at = {self.base + t.idx: t for t in sdoc} if sdoc is not None else {}
        return self._at.get(offset)


class Parser(QuoteLookup):
    """Parses the cues of one sentence at a time; remembers which quotations are attributed.
    ``settings`` bounds the windows the word rules scan (``Config.attribution``)."""

    def __init__(self, text: str, quotes: Sequence[Quote], settings: AttributionSettings) -> None:
        super().__init__(text, quotes, settings.quote_gap_chars)
        self.settings = settings

    def parse(
        self,
        start: int,
        end: int,
        hits: Sequence[tuple[int, int, Cue]],
        tree: SentenceTree | None = None,
        tree_only: frozenset[int] | set[int] = frozenset(),
    ) -> list[Parse]:
        """Attributions whose cue lies in the sentence ``text[start:end]``, left to right.

        ``tree`` gives the sentence's dependency parse, asked for only where the word rules do
        not suffice: it rejects cue words read as nouns, reads what the word rules miss (a
        that-less clause after any verb, a postposed or inserted cue clause, an object-frame
        cue) and corrects doubtful sources. Cues starting at an offset in ``tree_only`` are read
        from the parse alone.
        """
        toks = Tokens(self.text, start, end, self.settings)
        tree = tree or SentenceTree(lambda: None, start)
        located: list[Site] = []
        for h_start, h_end, cue in hits:
            i0 = i1 = bisect.bisect_left(toks.starts, h_start)
            while i1 < len(toks) and toks.end(i1) < h_end:
                i1 += 1
            if i1 >= len(toks) or toks.starts[i0] != h_start or toks.end(i1) != h_end:
                continue
            if located and located[-1].cue.frame == "prep" and _in_source(toks, located[-1], i0):
                continue  # "according to local reports": a word in the source is no cue
            if noun_ambiguous(self.text[h_start:h_end], cue) and _read_as_noun(
                tree.token_at(h_start), cue
            ):
                continue
            if cue.term in NAMING_CUES and toks.lows[i1 + 1 : i1 + 2] in _REFLEXIVES:
                continue  # "a commander who calls himself General No Pity": a name, not a report
            located.append(Site(toks, i0, i1, cue, (start, end)))
        # A cue right before an auxiliary or another cue is a noun ("reports have revealed").
        firsts = {site.first for site in located}
        kept = [s for s in located if not _noun_subject(toks, s.last + 1, firsts)]
        for site in kept:
            toks.cues.update(range(site.first, site.last + 1))
        out: list[Parse] = []
        subject: Pair | None = None  # the source written before the last cue, if any
        for site in kept:
            found = self._parse_site(site, out, subject, tree, site.span[0] not in tree_only)
            found = [_coordinated_with(p, site, out) for p in found]
            # Reported speech needs words to report ("..., he said." opening a sentence has none),
            # except a refusal ("declined to comment."), whose report is that nothing was said.
            out.extend(
                p
                for p in found
                if p.mode == "direct" or p.content[1] > p.content[0] or site.cue.frame == "object"
            )
            left = toks.left_source(site.first)
            subject = (toks.starts[left[0]], toks.end(left[1])) if left is not None else None
        return out

    def _parse_site(
        self,
        site: Site,
        prior: list[Parse],
        subject: Pair | None,
        tree: SentenceTree,
        words_read: bool,
    ) -> list[Parse]:
        """The word rules' reading of one cue, with the parse where they fail or doubt."""
        found = self._parse_cue(site, prior, subject) if words_read else []
        if found and not any(_doubtful_source(self.text, p.source) for p in found):
            return found
        if not found and words_read and not self._parse_may_read(site):
            return found
        verb = tree.token_at(site.span[0])
        if verb is None:
            return found
        if found and not any(_inverted_misread(p, verb, tree.base) for p in found):
            return [_tree_source(p, verb, tree.base) for p in found]
        found = self._from_tree(site, verb, tree.base, words_read)
        speaker = _speaker_coordinated_in_words(site, verb, tree.base, prior)
        return [replace(p, source=speaker) for p in found] if speaker is not None else found

    def _from_tree(self, site: Site, verb: Token, base: int, words_read: bool) -> list[Parse]:
        """A cue the word rules left unread, read from the dependency parse: its subject is the
        source; its clausal complement, the clause it comments on, or its object the content.
        A cue the word rules rejected (``words_read`` False) needs a complement that is a clause
        with its own subject ("explained [the obsession began ...]")."""
        if not _a_verb(verb) or site.cue.frame == "prep" or subordinate(verb):
            return []
        if _discourse_idiom(verb):
            return []
        subjectless_relative = verb.dep_ == "acl:relcl" and not any(
            c.dep_.startswith("nsubj") for c in verb.children
        )  # "Eritrea's minister, Yemane Gebremeskel, dismissed ..." read as a reduced relative
        if (
            site.cue.frame == "object"
            and (verb.dep_ in ("amod", "acl", "compound") or subjectless_relative)
            and site.cue.term not in _NAMING_PARTICIPLES  # "called on X to" is no naming
        ):
            return self._misread_as_modifier(site)
        subject = tree_subject(verb)
        if subject is not None and base + subject.idx < site.sentence[0]:
            subject = _after_dateline(subject.doc, site.sentence[0] - base, verb)
        if subject is None and site.cue.frame == "object" and words_read:
            return self._surface_subject(site, verb, base)
        if subject is None or subject.pos_ in ("VERB", "AUX"):  # "Speaking in ..., X said"
            return []
        if _infinitive(verb) or _object_relative(verb, subject):
            return []
        # the verb the subject is the subject of: "The cleric, Sheikh X, has rejected ... and
        # described" shares the subject of "rejected"
        owner = subject.head if subject.head.pos_ in ("VERB", "AUX") else verb
        subject = _named_apposition(subject, owner)
        source = _char_span(verb.doc, _subject_bounds(verb, subject), base)
        opening = dateline_end(self.text, site.sentence[0])  # "ADDIS ABABA, Ethiopia - "
        if source[0] < opening < source[1]:
            source = (opening, source[1])
        found = self._read_tree(site, verb, base, source, words_read)
        # A source inside its own content is a misparse (a garbled sentence, a headline), unless
        # set off by commas inside the clause it reports.
        return [
            p
            for p in found
            if p.source is None or not _overlaps(p.source, p.content) or p.rule == SET_OFF_SOURCE
        ]

    def _surface_subject(self, site: Site, verb: Token, base: int) -> list[Parse]:
        """ "Human Rights Watch, in a report published last month, accused ...": a parse that
        lost the subject behind a phrase set off by commas (it made the verb a conjunct of the
        name); the words before the cue name the source, as they do for "said"."""
        toks = site.toks
        before = toks.skip_back(site.first - 1)
        left = toks.left_source(site.first) if before >= 0 and toks.lows[before] == "," else None
        if left is None:
            return []
        source = (toks.starts[left[0]], toks.end(left[1]))
        return self._object_from_tree(site, verb, base, source)

    def _read_tree(
        self, site: Site, verb: Token, base: int, source: Pair, words_read: bool
    ) -> list[Parse]:
        if site.cue.frame == "object" or _directive(site, verb) or _denies_a_report(site, verb):
            return self._object_from_tree(site, verb, base, source)
        if not words_read and quoted_object(verb):  # "declared the format "the most ...""
            bounds = object_bounds(verb)
            if bounds is not None:
                first, end = _char_span(verb.doc, bounds, base)
                why = "subject, cue and an object that quotes the subject (parse)"
                return self._indirect(site, source, first, why, _close_quote(self.text, first, end))
        if not words_read and site.cue.term not in THATLESS_FROM_PARSE:
            return []  # parsed only for a quoted object
        if words_read:  # the word rules read what follows; only the source escaped them
            comp, at = complement(site, self)
            if comp == "quote":
                return [self._direct(site, source, at, "subject (parse), cue, then the quotation")]
            if comp == "clause" and _clause_confirmed(site, at, verb):
                why = "subject (parse), cue, then the reported clause"
                return self._indirect(site, source, site.toks.starts[at], why)
        clause = reported_clause(verb)
        if (
            clause is not None
            and not _relative(clause)
            and (words_read or _thatless_complement(verb, clause))
        ):
            bounds = clause_bounds(clause)
            if site.cue.frame != "tell":
                bounds = (_lost_clause_subject(verb, clause, bounds[0]), bounds[1])
            first, end = _char_span(verb.doc, bounds, base)
            why = "subject, cue and its clausal complement (parse)"
            if self._set_off_subject(site, source, clause):
                # "The jihadists, witnesses told Reuters, burned the church": the clause's
                # subject stands before the source, set off by a comma
                first, why = site.sentence[0], SET_OFF_SOURCE
            return self._indirect(site, source, first, why, _close_quote(self.text, first, end))
        governed = governed_clause(verb, self.settings.parenthetical_max_tokens)
        if governed is not None:
            content = _char_span(verb.doc, governed, base)
            why = "clause, then a cue clause set off by commas (parse)"
            return [site.make(source, (content[0], self._trim(*content)), "indirect", why)]
        opening = thatless_clause(verb, self.settings.thatless_max_tokens)
        if opening is not None:
            first = base + verb.doc[opening].idx
            why = "subject, cue, then a clause with a finite verb (parse tags)"
            return self._indirect(site, source, first, why)
        return []

    def _set_off_subject(self, site: Site, source: Pair | None, clause: Token) -> bool:
        """Whether a subjectless reported clause has its subject before the source, the source
        and cue set off by commas ("The militants, a witness told reporters, fired ...")."""
        if source is None or any(c.dep_ in ("nsubj", "nsubj:pass") for c in clause.children):
            return False
        before = self.text[site.sentence[0] : source[0]].rstrip()
        return before.endswith(",") and len(before.split()) <= self.settings.max_source_words

    def _misread_as_modifier(self, site: Site) -> list[Parse]:
        """ "Amnesty International accused government soldiers of killings", parsed as a noun
        phrase ("the accused soldiers"): the phrase opening the sentence (or a clause after
        "and", "but" or a comma) right before the cue
        is its subject, and what follows (an object, not "of" or "by" as after a passive
        participle) is what it reports."""
        toks = site.toks
        left = toks.left_source(site.first)
        after = site.last + 1
        opens = left is not None and (left[2] < 0 or toks.lows[left[2]] in _CLAUSE_JOINS)
        if left is not None and opens and site.cue.term in SILENT_CUES:
            # "A spokesperson for the ministry declined to comment [on ...]": no noun phrase is
            # "declined to comment", whatever the parse says; the report is that nothing was said
            source = (toks.starts[left[0]], toks.end(left[1]))
            cue_end = site.span[1]
            why = "subject and cue, nothing said (misread by the parse)"
            return [site.make(source, (cue_end, cue_end), "indirect", why)]
        if left is None or not opens or after >= len(toks) or not toks.word(after):
            return []
        if toks.lows[after] in PREPOSITIONS:  # "Soldiers accused of killings were freed"
            return []
        source = (toks.starts[left[0]], toks.end(left[1]))
        why = "subject opening the sentence, cue and object (misread by the parse)"
        return self._indirect(site, source, toks.starts[after], why)

    def _object_from_tree(self, site: Site, verb: Token, base: int, source: Pair) -> list[Parse]:
        """ "urged voters to stay calm", "called for a strike", "declined to comment"."""
        if not object_reports(verb, site.cue.term):
            return []
        bounds = object_bounds(verb)
        first, end = _char_span(verb.doc, bounds, base) if bounds is not None else (0, 0)
        first = _skip_space(self.text, max(first, site.span[1]), end)  # "called for [a strike]"
        if first >= end:  # "declined to comment.": the report is that nothing was said
            if site.cue.term not in SILENT_CUES:
                return []  # "how many victims will it call for": no object, no report
            cue_end = site.span[1]
            why = "subject and cue, nothing after it (parse)"
            return [site.make(source, (cue_end, cue_end), "indirect", why)]
        end = _close_quote(self.text, first, end)
        return self._indirect(site, source, first, "subject, cue and object (parse)", end)

    def _parse_may_read(self, site: Site) -> bool:
        """Whether a cue the word rules could not read is worth parsing its sentence for: a
        clause or a quotation after it (the source escaped them), or a source before it and
        something after.
        A cue that closes its sentence with no source before it rarely yields anything from the
        parse either (measured on news text: under one in ten)."""
        if site.cue.frame == "object":  # the word rules never read these
            return True
        if site.cue.frame == "tell" and "to" in site.toks.lows[site.last + 2 : site.last + 6]:
            return True  # "told electors not to vote": an instruction, read from the parse
        comp, _ = complement(site, self)
        if comp in ("clause", "quote"):
            return True
        return comp in ("none", "comma") and site.toks.left_source(site.first) is not None

    def _parse_cue(self, site: Site, prior: list[Parse], subject: Pair | None) -> list[Parse]:
        """The word rules' reading of one cue."""
        toks = site.toks
        if site.cue.frame == "object":
            return []  # its content is the verb's object: only the parse reads that
        if site.cue.frame == "prep":
            return self._according_to(site)
        if site.cue.term == "sure":
            return self._stance(site)
        if site.first > 0 and toks.lows[site.first - 1] in _BE:
            return self._impersonal(site)
        if site.first > 1 and toks.lows[site.first - 1] == "as":
            quoted = self._quoted_as_saying(site)
            if quoted is not None:
                return quoted
        if self._inverted_at_the_end(site):
            # "..., who ran for the Senate this year, said professor Josh Inwood.": the source
            # closes the sentence; the commas before the cue close a relative clause
            return self._before_source(site, site.first - 1)
        left = toks.left_source(site.first)
        if left is not None:
            return self._after_source(site, left)
        j = toks.skip_back(site.first - 1)
        if j >= 1 and toks.lows[j] == "," and toks.lows[site.first].endswith("ing"):
            if prior and prior[-1].source is not None:
                # '"...," X said in an address, vowing to ...', "Police arrested 13, the
                # commander said, adding ...": the speaker before speaks on, not the subject
                return self._complement_of(site, prior[-1].source, "participle after a source")
            return self._participle(site)  # "..., saying ...": the sentence's subject speaks
        if j >= 2 and toks.lows[j] in ("who", "which") and toks.lows[j - 1] == ",":
            name = toks.name_run_before(j - 2)  # "Devocht, who had told Montalvo he would ..."
            if name is not None:
                # not a place after a preposition: "the al-Qaeda affiliate active across the
                # Sahel, which said" is the affiliate speaking (the parse's reading, below)
                before = toks.lows[name - 1] if name >= 1 else ""
                before = toks.lows[name - 2] if before == "the" and name >= 2 else before
                if before == "of":  # "the mayor of Kyiv, who said"
                    name = _noun_before_of(toks, name)
                if before not in _PLACE_PREPOSITIONS:
                    return self._after_source(site, (name, j - 2, j))
        shared = prior[-1].source if prior else None
        if shared is not None and j >= 0 and toks.lows[j] == ",":
            antecedent = _antecedent_of_relative(toks, shared[0])
            if antecedent is not None:  # "Hezbollah, which the US considers ..., says": not
                return self._after_source(site, antecedent)  # the US, in the relative clause
        if shared is None and j >= 0 and toks.lows[j] == "and":
            shared = subject  # "Zuckerberg tweeted to Mohamed and said the boy was welcome"
        if shared is not None and j >= 0 and toks.lows[j] in (",", "and"):
            return self._complement_of(
                site, shared, "coordinated with the reporting verb before it"
            )
        if j >= 0 and (toks.lows[j] == "," or toks.lows[j] in QUOTE_CHARS):
            return self._before_source(site, j)
        return []

    def _inverted_at_the_end(self, site: Site) -> bool:
        """ "CLAUSE, CUE SOURCE." with a name or a source noun closing the sentence."""
        toks = site.toks
        if site.first < 2 or toks.lows[site.first - 1] != "," or site.cue.frame == "tell":
            return False
        right = toks.right_source(site.last + 1)
        if right is None:
            return False
        if not (_closes_with_source(toks, right[1] + 1) or _participle_follows(toks, right[1] + 1)):
            return False
        if toks.lows[right[0]] in PREPOSITIONS:
            return False  # "..., wrote about the Civil War.": what, not who
        return toks.cap(right[1]) or toks.lows[right[1]] in source_nouns()

    def _quoted_as_saying(self, site: Site) -> list[Parse] | None:
        """ "Al Jazeera quoted a Hamas official as saying ...": the one quoted speaks, through
        the outlet that quotes them."""
        toks, as_at = site.toks, site.first - 1
        quoting = next(
            (k for k in range(as_at - 1, max(-1, as_at - 14), -1) if toks.lows[k] in _QUOTING),
            None,
        )
        if quoting is None:
            return None
        if quoting > 0 and toks.lows[quoting - 1] in _BE:  # "X was quoted by Y as saying"
            left = toks.left_source(quoting - 1)
            right = (left[0], left[1]) if left is not None else None
        else:
            right = toks.right_source(quoting + 1)
            if right is not None and right[1] != as_at - 1:
                right = None
        if right is None:
            return None
        source = (toks.starts[right[0]], toks.end(right[1]))
        comp, at = complement(site, self)
        if comp == "quote":
            return [self._direct(site, source, at, "quoted as saying, then the quotation")]
        if comp == "clause":
            return self._indirect(
                site, source, toks.starts[at], "quoted as saying, then the clause"
            )
        return None

    def _participle(self, site: Site) -> list[Parse]:
        """ "Santorum criticised the press, saying, "...": the sentence's subject speaks."""
        toks = site.toks
        opening = 0  # "But he struck a tough tone, saying ...": the subject after the connective
        while opening < site.first and toks.lows[opening] in _CONNECTIVES | {","}:
            opening += 1
        if toks.lows[opening] in PRONOUNS:
            subject: int | None = opening
        else:
            subject = toks.name_run(opening) if toks.cap(opening) else None
            if subject == opening and "-" in toks.lows[opening]:
                # "Left-wing firebrand Jean-Luc Mélenchon ...": a compound adjective, a title,
                # then the name
                k = opening + 2  # one word between: "Pro-Kremlin bloggers praised ..." is no name
                if k < len(toks) and toks.cap(k) and toks.lows[opening + 1].isalpha():
                    subject = toks.name_run(k)
            if subject is not None:
                subject = _owned_noun_after(toks, subject)
        if subject is None or subject >= site.first - 2:
            return []
        comp, at = complement(site, self)
        if comp == "clause" and not _opens_a_clause(toks, at):
            return []  # "..., adding weeks to journeys": an object, not a report
        source = (toks.starts[opening], toks.end(subject))
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
        if comp == "none" and site.cue.frame == "tell":
            told = toks.right_source(site.last + 1)  # "..., she told supporters in a video."
            if told is not None and toks.closes_sentence(told[1] + 1):
                comp = "end"
        # the phrase starts after its bound: a name set off after its description ("its
        # director, Iman Atta, said") is the source, the quotation closes before the description
        before = self.quote_before(toks.starts[bound + 1])
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
        colon_tail = len(toks) - site.last <= self.settings.colon_max_words
        if comp == "none" and toks.lows[-1] == ":" and colon_tail:
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
        adjunct = toks.lows[at + 1 : at + 3] if comp == "comma" else []
        if bound_word == "," and adjunct and _writers_context(adjunct):
            # "..., activists said on Tuesday, as the militia tightened its siege": the clause
            # before is reported; the one after the comma is the writer's context
            comma = toks.starts[bound]
            content = (self._clause_start(site.sentence[0], comma), comma)
            why = "reported clause, then a source and cue, then a clause of time or reason"
            return [site.make(source, content, "indirect", why)]
        # "The militants, officials said, had fired ...": words before it, a comma right after
        inserted = bound > 0 and toks.lows[site.last + 1 : site.last + 2] == [","]
        if comp == "comma" and bound_word == "," and (site.cue.category == "tentative" or inserted):
            # A parenthetical "I think", "they believe" or "officials said" reports the sentence
            # around it.
            start, end = site.sentence[0], self._trim(site.sentence[0], site.sentence[1])
            return [site.make(source, (start, end), "indirect", "parenthetical cue and source")]
        if comp == "comma" and bound == 0 and bound_word == "as" and at + 1 < len(toks):
            return self._indirect(site, source, toks.starts[at + 1], "'As X said,' then the clause")
        return []

    def _before_source(self, site: Site, j: int) -> list[Parse]:
        """..., CUE SOURCE: after a quotation, or closing (or set inside) a reported clause.
        Never for "tell": what follows it is who is told ("..., had told electors not to ...")."""
        toks = site.toks
        right = toks.right_source(site.last + 1)
        if right is None or site.cue.frame == "tell" or toks.lows[right[0]] in PREPOSITIONS:
            return []  # "..., its director, X, said [in a statement]": where, not who
        right = _named_after(toks, right)  # "..., said one of them, Hauwa Garba."
        source = (toks.starts[right[0]], toks.end(right[1]))
        before = self.quote_before(site.span[0])
        if before is not None:
            return [self._direct(site, source, before, "quotation, then cue and source")]
        if toks.lows[j] != "," or site.cue.category == "denial":
            return []  # "..., denied any links to X": what is denied, not who denies
        start, after = self._clause_start(site.sentence[0], toks.starts[j]), right[1] + 1
        if _closes_with_source(toks, after) or _participle_follows(toks, after):
            # "The town fell, said a local official, adding that ...": the clause before
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
        listed = toks.right_source(site.last + 1, listed=True)
        if listed is not None and listed != right and _phrase_closes(toks, listed[1] + 1):
            right = listed  # "according to local rescuers and the Arakan Army."
        if site.first == 0 and (right is None or toks.lows[right[1] + 1 : right[1] + 2] != [","]):
            name = toks.name_run(site.last + 1)  # "According to Rathbun the property was ..."
            if name is not None and name + 1 < len(toks) and toks.word(name + 1):
                source = (toks.starts[site.last + 1], toks.end(name))
                why = "according to a name, then the reported clause (no comma)"
                return self._indirect(site, source, toks.starts[name + 1], why)
        if right is None or toks.lows[right[1]] in _NORMS:
            return []  # "buried according to Islamic rites": a way of doing, not a source
        source = (toks.starts[right[0]], toks.end(right[1]))
        after, before = right[1] + 1, site.first - 1
        relative = after < len(toks) and toks.lows[after] == "who"
        if relative and before < 0:  # "According to a witness who saw it, gunmen ...":
            after = next((k for k in range(after, len(toks)) if toks.lows[k] == ","), after)
        goes_on = before >= 0 and _clause_goes_on(toks, after)
        if after + 1 < len(toks) and toks.lows[after] == "," and not goes_on:
            first = toks.starts[after + 1]
            quote = self.quote_at(first)
            if quote is not None:
                return [self._direct(site, source, quote, "according to X, then the quotation")]
            return self._indirect(site, source, first, "according to X, then the reported clause")
        # "..., according to a security official who spoke on condition of anonymity."
        if before >= 0 and (
            toks.closes_sentence(after) or _closing_apposition(toks, after) or goes_on or relative
        ):
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
        return [site.make(source, (start, end), "indirect", BLOCK_QUOTATION)] if end > start else []

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

    def _indirect(
        self, site: Site, source: Pair | None, first: int, why: str, end: int | None = None
    ) -> list[Parse]:
        """Reported content from ``first`` to ``end`` (by default the sentence end) or a semicolon
        ("...; however, the resistance has rejected ..."), stopping at a direct quotation
        (attributed alike)."""
        end = site.sentence[1] if end is None else end
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
    return i0 - prep.last <= toks.settings.prep_source_words and all(toks.word(m) for m in gap)


def _noun_subject(toks: Tokens, following: int, firsts: set[int]) -> bool:
    """A cue followed by an auxiliary or by another cue is a noun subject ("reports say")."""
    return following < len(toks) and (toks.lows[following] in AUXILIARIES or following in firsts)


def _a_verb(token: Token) -> bool:
    """A verb, or a cue the tagger read as a noun that has an object and either a verb's tag and
    a subject ("Israeli officials accuse/VBP/NOUN Hezbollah of ...") or a verb it is
    coordinated with ("Kuki groups reject the label and accuse/NN Singh of ...")."""
    if token.pos_ in ("VERB", "AUX") or mistagged_verb(token):  # "Rwanda denies/NNS backing"
        return True
    deps = {c.dep_ for c in token.children}
    if token.pos_ != "NOUN" or "obj" not in deps:
        return False
    coordinated = token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX")
    return (token.tag_.startswith("VB") and "nsubj" in deps) or coordinated


def _read_as_noun(token: Token | None, cue: Cue) -> bool:
    """True when the parse reads a cue word as a noun or adjective with a noun's dependents
    ("six of [the seven] states", "[the] pledges", "[press] reports") and no reported clause
    follows ("claims that ...", "reads "..."" stay verbs whatever the tagger says)."""
    if token is None or cue.frame == "prep" or cue.term == "sure":
        return False
    if token.pos_ not in NOT_VERB_POS:
        return False
    following = token.nbor(1).text.lower() if token.i + 1 < len(token.doc) else ""
    if following in _CLAUSE_OPENERS or following[:1] in QUOTE_CHARS:
        return False
    if token.lower_ == cue.term and token.dep_ == "compound" and token.head.i > token.i:
        return True  # "Kaduna state governor": the bare word modifying a noun is a noun
    return any(c.dep_ in _NOMINAL_DEPENDENTS for c in token.children)


#: Dependents only a noun has: a determiner, a number, a possessor, a preposition ("of the seven
#: states"); an adjective or a compound is left out ("Australian woman claims ..." in a headline
#: is often parsed as one noun phrase).
_NOMINAL_DEPENDENTS = frozenset(("det", "nummod", "nmod:poss", "case", "det:poss", "poss"))
#: Words after a cue that open what it reports, so a tagger's noun reading is overruled.
_CLAUSE_OPENERS = frozenset(("that", ",", ":"))


def _char_span(sdoc: Doc, bounds: tuple[int, int], base: int) -> Pair:
    first, last = bounds
    return base + sdoc[first].idx, base + sdoc[last].idx + len(sdoc[last])


def _tree_source(parse: Parse, verb: Token, base: int) -> Parse:
    """The word rules' source, replaced by the verb's subject in the parse when that subject lies
    outside it and outside the content ("On Sunday" read as the source of "..., the president
    said on Sunday")."""
    if parse.source is None:
        return parse
    if verb.pos_ == "NOUN" and verb.dep_ == "obj" and verb.head.i < verb.i:
        # "he repeated claims that ...": a noun, whose holder is the subject of a verb that voices
        # it; "Kyiv denied claims that ..." names no holder
        voiced = verb.head.lemma_ in _VOICING_VERBS
        holder = tree_subject(verb.head) if voiced else None
        if holder is None:
            return replace(parse, source=None)
        return replace(parse, source=_char_span(verb.doc, _subject_bounds(verb.head, holder), base))
    inside = [t for t in verb.doc if parse.source[0] <= base + t.idx < parse.source[1]]
    if (
        verb.pos_ == "NOUN"
        and len(inside) >= 2
        and inside[-1].i == verb.i - 1
        and inside[-1].lemma_ in _VOICING_VERBS
    ):  # "he repeated claims that", however parsed: the word before the verb holds them
        return replace(parse, source=_char_span(verb.doc, (inside[0].i, inside[-2].i), base))
    subject = tree_subject(verb)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        subject = None
    if subject is None or subject.lower_ in RELATIVE_SUBJECTS:
        # "which [falsely] claims" in a sentence the parse garbled: an adverb is nobody
        return replace(parse, source=None) if _lone_modifier(verb, parse.source, base) else parse
    source = _char_span(verb.doc, _subject_bounds(verb, subject), base)
    head = base + subject.idx
    if parse.source[0] <= head < parse.source[1]:
        # The subject lies inside: keep the word rules' phrase unless it took in words before
        # the subject that the parse attaches elsewhere ("[On Sunday] the minister said") or a
        # verb after it ("The UN [published a report] saying").
        before = parse.source[0] < source[0] and source[1] <= parse.source[1]
        verb_after = source[1] < parse.source[1] and any(
            t.pos_ in ("VERB", "AUX") and source[1] <= base + t.idx < parse.source[1]
            for t in verb.doc
        )
        return replace(parse, source=source) if before or verb_after else parse
    if _overlaps(source, parse.content):
        return parse
    return replace(parse, source=source)


def _noun_before_of(toks: Tokens, name: int) -> int:
    """Where "the mayor of Kyiv" starts, given where "Kyiv" does: back over "of" and up to
    three words to their article (else the name alone)."""
    k = name - 1 - (toks.lows[name - 1] == "the")  # at "of"
    for start in range(k - 1, max(k - 4, -1), -1):
        if not toks.word(start) or start in toks.cues:
            break
        if toks.lows[start] in ("the", "a", "an"):
            return start
    return name


#: Words opening a sentence before its subject ("But he said ...").
_CONNECTIVES = frozenset(
    ("but", "and", "yet", "however", "still", "meanwhile", "instead", "so", "then", "now")
)
#: Prepositions before a place: "active across the Sahel, which said" is not the Sahel speaking
#: ("met with Devocht, who had told" is Devocht).
_PLACE_PREPOSITIONS = frozenset(
    ("in", "at", "across", "throughout", "near", "outside", "inside", "around")
)
#: Verbs whose subject holds the claim or charge they take as object ("repeated claims that").
_VOICING_VERBS = frozenset(("repeat", "reiterate", "renew", "make", "echo", "voice", "level"))


def _antecedent_of_relative(toks: Tokens, source_start: int) -> tuple[int, int, int] | None:
    """The name a ", which"/", who" clause hangs on, when the earlier cue's source opens that
    clause: (first, last, bound) of the name, else None."""
    k = bisect.bisect_left(toks.starts, source_start)
    if k < 3 or toks.lows[k - 1] not in ("which", "who", "whom") or toks.lows[k - 2] != ",":
        return None
    first = toks.name_run_before(k - 3)
    return None if first is None else (first, k - 3, first - 1)


_REFLEXIVES = (["himself"], ["herself"], ["itself"], ["themselves"])


def _speaker_coordinated_in_words(
    site: Site, verb: Token, base: int, prior: list[Parse]
) -> Pair | None:
    """'X said the militia had attacked "...", and described the militiamen as criminals': a
    cue after "and" that the parse coordinated with a verb inside what the cue before reports
    is that cue's speaker's, not the reported clause's subject's."""
    toks = site.toks
    j = toks.skip_back(site.first - 1)
    if verb.dep_ != "conj" or j < 0 or toks.lows[j] != "and" or not prior:
        return None
    head = base + verb.head.idx
    holding = [p for p in prior if p.content[0] <= head < p.content[1] and p.source is not None]
    return holding[-1].source if holding else None


def _closes_with_source(toks: Tokens, after: int) -> bool:
    """Whether only closing words follow an inverted source ending before ``after``, or a
    relative clause that describes it ("..., said a regional official who asked not to be
    named")."""
    return (
        toks.closes_sentence(after)
        or (after < len(toks) and toks.lows[after] == "who")
        or _closing_apposition(toks, after, titles=True)
    )


def _inverted_misread(parse: Parse, verb: Token, base: int) -> bool:
    """Whether the word rules took a reported clause after the cue for an inverted source and
    the sentence's subject for the content: "A resident, Ahmed, said [the shelling lasted
    hours]" (the parse finds a verb in that "source" and the cue's subject before it)."""
    if parse.source is None or parse.source[0] < base + verb.idx:
        return False
    subject = tree_subject(verb)
    if subject is None or not parse.content[0] <= base + subject.idx < parse.content[1]:
        return False
    inside = [t for t in verb.doc if parse.source[0] <= base + t.idx < parse.source[1]]
    for t in inside:
        if t.lower_ in RELATIVE_SUBJECTS and t.i > inside[0].i:
            return False  # "said a regional official [who asked not to be named]": the source's own
        if t.pos_ in ("VERB", "AUX"):
            return True
    return False


def _lone_modifier(verb: Token, source: Pair, base: int) -> bool:
    """Whether the word rules' source is one adverb or verb by the parse ("falsely")."""
    inside = [t for t in verb.doc if source[0] <= base + t.idx < source[1]]
    return len(inside) == 1 and inside[0].pos_ in ("ADV", "VERB")


def _overlaps(a: Pair, b: Pair) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _discourse_idiom(verb: Token) -> bool:
    """ "That said, ...", "Having said that, ...": a connective, not a report."""
    sdoc = verb.doc
    before = sdoc[verb.i - 1].lower_ if verb.i > 0 else ""
    after = sdoc[verb.i + 1].text if verb.i + 1 < len(sdoc) else ""
    return (before == "that" and verb.i == 1 and after == ",") or (
        before == "having" and after.lower() == "that"
    )


def _relative(clause: Token) -> bool:
    """A "complement" that opens with a relative pronoun or a coordinator is a relative clause
    or a second clause misparsed ("what do we know ... [and what can its history tell us]")."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in ("which", "who", "whom", "whose") or first.pos_ == "CCONJ"


def _thatless_complement(verb: Token, clause: Token) -> bool:
    """A complement the word rules did not see must be a clause with its own subject, not a
    relative clause misparsed, and follow the cue at once: words between ("conceded [a penalty
    which ...] Aguilar awarded", "continue[,] officials will") belong to something else."""
    if not clause_like(clause) or _relative(clause):
        return False
    first = clause.left_edge.i
    return first < verb.i or first == verb.i + 1


def _named_after(toks: Tokens, phrase: tuple[int, int]) -> tuple[int, int]:
    """The name set off after a description that follows its cue ("said one of them, Hauwa
    Garba."; "said a neighbour, Ali Musa, who ..."): the name is the source."""
    after = phrase[1] + 1
    if toks.cap(phrase[1]) or after + 1 >= len(toks) or toks.lows[after] != ",":
        return phrase
    name = toks.name_run(after + 1)
    if name is None or not (_phrase_closes(toks, name + 1)):
        return phrase
    return (after + 1, name)


def _participle_follows(toks: Tokens, after: int) -> bool:
    """ ", adding ...", ", saying ...": a reporting participle after a comma, which goes on
    with the source's words."""
    return (
        after + 1 < len(toks)
        and toks.lows[after] == ","
        and (after + 1) in toks.cues
        and toks.lows[after + 1].endswith("ing")
    )


def _phrase_closes(toks: Tokens, after: int) -> bool:
    """The phrase before ``after`` is set off: a comma or the sentence's end follows it."""
    return after >= len(toks) or toks.lows[after] == "," or toks.closes_sentence(after)


def _infinitive(verb: Token) -> bool:
    """ "wanted to add new restrictions", "started to write": an intention, not a report."""
    return any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children)


def _named_apposition(subject: Token, verb: Token) -> Token:
    """ "The one alternative to Trump, Ohio Gov. John Kasich, had told": the name set off by
    commas right before the verb is who speaks (the parser may hang it on a nearer noun)."""
    if subject.pos_ != "NOUN":
        return subject
    doc = verb.doc
    for token in subject.subtree:
        closing = token.right_edge.i + 1
        between = range(closing + 1, verb.i)
        named = token.pos_ == "PROPN" or (  # "Samantha Power" with "Power" tagged a noun
            token.is_title and any(c.pos_ == "PROPN" for c in token.children)
        )
        if (
            token.dep_ == "appos"
            and named
            and closing < verb.i
            and doc[closing].text == ","
            and all(doc[k].pos_ in ("AUX", "ADV", "PART") for k in between)
        ):
            return token
    return subject


#: "quoted X as saying": the verb that hands the words to X.
_QUOTING = frozenset(("quoted", "quotes", "quoting"))
#: Words that open a clause of time or reason after "..., X said on Tuesday,".
_ADJUNCT_OPENERS = frozenset(
    ("as", "after", "while", "when", "before", "amid", "since", "following")
)
#: After "the", words that sum up the event reported before: "..., police said on Wednesday,
#: the latest in a string of attacks", "..., the deadliest since 2019", "..., the first ...".
_RANKS = frozenset(("first", "last", "most", "worst", "second", "third"))
#: After "a", a span of time that places the event: "..., officials said, a day after ...".
_SPANS_OF_TIME = frozenset(("day", "week", "month", "year", "few"))


def _owned_noun_after(toks: Tokens, last: int) -> int:
    """ "India's government revoked ..., saying": a name in the possessive is the owner of the
    subject, whose noun (a source noun, up to three words on) ends the phrase."""
    if not toks.lows[last].endswith(("'s", "’s")):
        return last
    for k in range(last + 1, min(last + 4, len(toks))):
        if not toks.word(k) or toks.cap(k):
            break
        if toks.lows[k] in source_nouns():
            return k
    return last


def _coordinated_with(parse: Parse, site: Site, prior: list[Parse]) -> Parse:
    """ "The office said it was appalled by the execution and urged Tehran to ...": a cue after
    "and" whose source was read inside what the cue before reported, past its first word,
    shares that cue's source."""
    toks = site.toks
    before = prior[-1] if prior else None
    if (
        before is None
        or before.source is None
        or parse.source is None
        or site.first == 0
        or toks.lows[site.first - 1] != "and"
    ):
        return parse
    # The reported clause's own subject may go on ("said Islamabad had nothing to do with the
    # violence and called for an inquiry") if it can speak; a noun further in cannot ("the
    # execution"), nor a thing ("said Western weapons deliveries made ... and called ...").
    if not (before.content[0] <= parse.source[0] and parse.source[1] <= before.content[1]):
        return parse
    opens = parse.source[0] == before.content[0]
    if opens and classify_source(toks.text, *parse.source).kind != "unknown":
        return parse
    return replace(parse, source=before.source)


def _writers_context(words: list[str]) -> bool:
    """Words opening a clause or phrase set off after a source and cue that close a reported
    sentence: a clause of time or reason ("as", "after"), a participle ("..., Mizan reported,
    drawing condemnation"), or a phrase that sums the event up."""
    first = words[0]
    participle = first.endswith("ing") and len(first) > 4 and first not in _REPORTED_PARTICIPLES
    return first in _ADJUNCT_OPENERS or participle or _sums_up(words)


#: Participles after a closing source that go on with what it reported: "..., officials said,
#: including three children".
_REPORTED_PARTICIPLES = frozenset(("including", "according"))
#: Words for a way of doing things: "according to plan", "according to Islamic rites" say how,
#: not who says so.
_NORMS = frozenset(
    ("rite", "rites", "ritual", "rituals", "tradition", "traditions", "custom", "customs", "plan",
     "plans", "schedule", "rule", "rules", "protocol", "procedure", "procedures", "law", "laws",
     "guidelines")
)  # fmt: skip


def _sums_up(words: list[str]) -> bool:
    """A noun phrase set off at the end of a reported sentence that sums the event up or
    places it in time: the writer's context, not the source's words."""
    if len(words) < 2:
        return False
    determiner, word = words
    if determiner == "the":
        return word in _RANKS or (word.endswith("est") and len(word) > 4)
    return determiner == "a" and word in _SPANS_OF_TIME


def _denies_a_report(site: Site, verb: Token) -> bool:
    """ "The rebels have denied the accusations", "the Kremlin denied involvement", "Frelimo has
    denied rigging the vote": a denial whose object is someone's report or charge, or an act,
    reports the source's stance on it, as "denied that ..." does."""
    return site.cue.category == "denial" and any(
        (c.dep_ == "obj" and (c.lower_ in report_nouns() or c.lower_ in DENIED_NOUNS))
        or (c.dep_ in ("obj", "xcomp", "ccomp") and c.tag_ == "VBG" and c.i > verb.i)
        for c in verb.children
    )


def _clause_goes_on(toks: Tokens, k: int) -> bool:
    """ "14 people were killed, according to the Prosecutor's Office (FGE), as the war entered
    ...": after the source (and its acronym) the sentence goes on with a clause of its own, so
    what the source reports is the clause before it."""
    lows, n = toks.lows, len(toks)
    if k + 2 < n and lows[k] == "(" and lows[k + 2] == ")":
        k += 3
    return k + 1 < n and lows[k] == "," and lows[k + 1] in _CLAUSE_OPENERS


#: Words that open a clause going on after a closing "according to X".
_CLAUSE_OPENERS = frozenset(
    ("as", "while", "when", "after", "before", "amid", "since", "although", "though", "but",
     "and", "with", "even", "despite", "following")
)  # fmt: skip


def _closing_apposition(toks: Tokens, k: int, *, titles: bool = False) -> bool:
    """ "..., according to the Centre for Democracy and Human Rights (CDD), a local civil society
    group.": the source's acronym and a description set off after it close the sentence; with
    ``titles``, a bare title too ("..., said Christopher Raia, deputy assistant director of
    the FBI's counterterrorism division.")."""
    lows, n = toks.lows, len(toks)
    if k + 2 < n and lows[k] == "(" and lows[k + 2] == ")":
        k += 3
    if k + 1 >= n or lows[k] != ",":
        return False
    opener = lows[k + 1]
    title = (
        titles
        and toks.word(k + 1)
        and toks.text[toks.starts[k + 1]].islower()
        and opener not in NP_STOP
        and not opener.endswith("ing")
    )
    if opener not in ("a", "an", "the") and not title:
        return False
    rest = range(k + 1, n)
    words = [m for m in rest if toks.word(m)]
    return (
        len(words) <= toks.settings.appositive_max_tokens
        and not any(m in toks.cues for m in rest)
        and all(toks.word(m) or lows[m] in CLOSING_PUNCT for m in rest)
    )


def _after_dateline(sdoc: Doc, opening: int, verb: Token) -> Token | None:
    """ "QUITO (AP) - Ecuador's President Daniel Noboa declared ...": the parser may take the
    dateline's place for the subject and hang the name on it; the subject is the phrase that
    opens the sentence after the dateline (which ends at character ``opening`` of ``sdoc``)."""
    token = next((t for t in sdoc if t.idx >= opening and not t.is_punct), None)
    if token is None or token.i >= verb.i:
        return None
    while token.head.i != token.i and token.head.idx >= opening and token.head.i < verb.i:
        token = token.head
    return token if token.pos_ in ("PROPN", "NOUN", "PRON") else None


def _subject_bounds(verb: Token, subject: Token) -> tuple[int, int]:
    """The source phrase of ``subject``, with a first conjunct the parse took for the root:
    "Western governments and the United Nations have accused ..." parsed as "governments" with
    the verb conjoined to it."""
    first, last = phrase_bounds(subject)
    doc = verb.doc
    if last < verb.i - 1 and all(
        t.pos_ == "PROPN" or _glued_hyphen_word(t) for t in doc[last + 1 : verb.i]
    ):
        # "Azma [Bokhari] branded", "Emma Little[-Pengelly] branded": the rest of the name the
        # parse hung apart
        last = verb.i - 1
    while first > 0 and doc[first - 1].is_title and doc[first - 1].pos_ in ("NOUN", "PROPN", "ADJ"):
        if first - 1 > 0 and not doc[first - 2].is_punct:
            break
        first -= 1  # "[Deputy] First Minister ...": a title the parse took for another subject
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.i < first:
        between = [t.lower_ for t in verb.doc[head.i + 1 : first]]
        if between == ["and"]:
            return phrase_bounds(head)[0], last
    return _hyphen_chain_start(verb.doc, _before_bracketed_acronym(doc, first)), last


def _before_bracketed_acronym(doc: Doc, first: int) -> int:
    """Where a source starts that opens with an organisation and its acronym in brackets,
    which the parse hangs apart from the title after them: "[Kenya Defence Forces (KDF)]
    spokesman Paul Njuguna said"; else ``first``."""
    if first < 4 or doc[first - 1].text != ")" or doc[first - 3].text != "(":
        return first
    if not _BRACKETED_ACRONYM.fullmatch(doc[first - 2].text) or not doc[first - 4].is_title:
        return first
    k = first - 4
    while k > 0 and (doc[k - 1].is_title or doc[k - 1].lower_ in _NAME_JOINERS):
        k -= 1
    while doc[k].lower_ in _NAME_JOINERS and k < first - 4:
        k += 1  # "of", "and" open no name
    return k - 1 if k > 0 and doc[k - 1].lower_ == "the" else k


#: An acronym as a source's organisation is abbreviated in brackets: "KDF", "ISPR", "FETÖ".
_BRACKETED_ACRONYM = re.compile(r"[A-ZÀ-Ö][A-ZÀ-Ö0-9&-]{1,7}")
#: Words inside an organisation's name: "Ministry of Defence", "Inter-Services Public Relations".
_NAME_JOINERS = frozenset(("of", "and", "for", "-"))


_HYPHENS = frozenset(("-", "‐", "–"))


def _glued_hyphen_word(token: Token) -> bool:
    """A hyphen written without spaces, or the capitalised word glued after one."""
    doc = token.doc
    if token.text in _HYPHENS:
        return not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_
    before = doc[token.i - 1] if token.i > 0 else None
    return (
        token.is_title and before is not None and before.text in _HYPHENS and not before.whitespace_
    )


def _hyphen_chain_start(sdoc: Doc, first: int) -> int:
    """Where a name the tokenizer split at its hyphens starts: "Tehrik-e-Taliban Pakistan",
    parsed with "Pakistan" as the subject, is one name from "Tehrik"."""
    while first >= 2 and sdoc[first - 1].text in _HYPHENS and not sdoc[first - 2].whitespace_:
        if sdoc[first - 1].whitespace_:
            break
        first -= 2
    return first


def _directive(site: Site, verb: Token) -> bool:
    """ "told electors not to vote for him": "tell" with an object and an infinitive reports an
    instruction, read like "urged"."""
    return site.cue.frame == "tell" and any(
        c.dep_ == "xcomp" and any(m.lower_ == "to" for m in c.children) for c in verb.children
    )


def _object_relative(verb: Token, subject: Token) -> bool:
    """ "the thing I told about ...": the cue's object is the noun its relative clause modifies."""
    own = subject.head is verb
    return verb.dep_.startswith("acl") and own and subject.lower_ not in RELATIVE_SUBJECTS


#: Words that show a source found by the word rules took in a time or place ("On Sunday the
#: minister", "Earlier this week the ministry"): the parse's subject is asked for instead.
_TIME_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week month "
    "year morning afternoon evening night earlier later ago weekend"
)


def _doubtful_source(text: str, source: Pair | None) -> bool:
    """True when a source phrase may hold a time or place besides the source: a time word or a
    leading preposition ("On Sunday the minister", "after Politico"); a verb ("The UN published
    a report saying"); or is a lone lower-case adverb ("which [falsely] claims"), the parse then
    finds the subject."""
    if source is None:
        return False
    written = text[source[0] : source[1]]
    words = written.lower().split()
    # a lone lower-case adverb or verb ("which [falsely] claims", "who [resigned] on Friday said")
    adverb = len(words) == 1 and written.islower() and words[0].endswith(("ly", "ed"))
    # "The UN published a report (on Monday) saying": a verb swallowed into the phrase
    verb = (len(words) >= 3 or words[:1] in (["he"], ["she"], ["they"], ["it"])) and any(
        w.isalpha() and w.islower() and w.endswith("ed") for w in written.split()[1:]
    )
    return bool(words) and (
        adverb
        or verb
        or words[0] in PREPOSITIONS
        or any(w.strip(",.") in _TIME_WORDS for w in words)
    )


def noun_ambiguous(form: str, cue: Cue) -> bool:
    """True when a cue's surface form may be a noun ("states", "reports", "claims", "Kaduna
    state"): its lexicon rule asks for a verbal reading and the form ends in -s or is one of the
    bare words that are nouns as often (a singular noun after a determiner is left to that rule
    too; "noted", "found" are verbs or adjectives)."""
    bare = form.lower() == cue.term.lower() and cue.term.lower() in _NOUNS_TOO
    return cue.rule is not None and "verbal" in cue.rule.source and (form.endswith("s") or bare)


#: Cue words whose bare form is as often a noun in news copy ("Kaduna state", "the report"):
#: only these are checked against the parse (every bare "say" would cost a parse for nothing).
_NOUNS_TOO = frozenset(("state", "report", "claim", "note", "charge", "comment", "estimate"))


def _clause_confirmed(site: Site, at: int, verb: Token) -> bool:
    """Whether what the word rules read as a clause after the cue is one: marked as such ("that",
    a colon, a subject pronoun, "whether") or parsed as a clause ("adds [the visual aspect]" is an
    object the word rules cannot tell from a clause)."""
    lows = site.toks.lows
    if lows[at - 1] in ("that", ",", ":") or lows[at] in SUBJECTS or lows[at] in WH_WORDS:
        return True
    clause = reported_clause(verb)
    return (clause is not None and clause_like(clause)) or thatless_clause(
        verb, site.toks.settings.thatless_max_tokens
    ) is not None


def _close_quote(text: str, first: int, end: int) -> int:
    """``end`` moved past a closing quotation mark whose opening mark lies inside the content
    (the parse leaves edge punctuation out): a partial quotation stays inside whole."""
    if end < len(text) and text[end] in "”’\"'»":
        inside = text[first:end]
        opened = inside.count("“") + inside.count("‘") > inside.count("”") + inside.count("’")
        if opened or inside.count('"') % 2 == 1:
            return end + 1
    return end


def _opens_a_clause(toks: Tokens, at: int) -> bool:
    """Whether a that-less clause plainly starts at token ``at``: "that", a subject pronoun, a
    determiner or a capitalised name ("..., adding the plan was working"), not a bare noun
    ("..., adding weeks to journeys")."""
    word = toks.lows[at]
    if word == "it":  # "saying it had targeted ...", not "adding it to the list"
        return at + 1 < len(toks) and toks.lows[at + 1] in AUXILIARIES
    return word == "that" or word in SUBJECTS or word in DETERMINERS or toks.cap(at)


def _lost_clause_subject(verb: Token, clause: Token, first: int) -> int:
    """Where a reported clause starts when the parser took its subject for the cue's object:
    "saying [government troops and allied militias] had committed atrocities"."""
    if any(c.dep_ in ("nsubj", "nsubj:pass") for c in clause.children):
        return first
    objects = [c for c in verb.children if c.dep_ == "obj" and verb.i < c.i < clause.i]
    return min(first, objects[0].left_edge.i) if objects else first
