"""The tokens of one sentence and the scans that find the source phrase next to a cue."""

from __future__ import annotations

import functools
import re

from analyzer.settings import AttributionSettings
from analyzer.text.context_rules import (
    AUXILIARIES,
    CLOSING_PUNCT,
    DETERMINERS,
    HONORIFICS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_CHARS,
    word_set,
)
from analyzer.text.cue_lexicons import cue_entries, source_nouns

#: Between a source and its cue: auxiliaries and adverbs ("could be seen saying", "also said").
PRE_CUE_SKIP = word_set(
    "also has have had 's 've could would should will can may might must did does do be been being seen "
    "heard then later further once again earlier previously repeatedly reportedly allegedly "
    "publicly privately separately recently already just first often still now subsequently not "
    "never long"
)
#: "Ahmad Masud on Monday said": a day or medium between source and cue.
DAY_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday twitter facebook"
)
#: Words that open a phrase of time ("on Monday", "late Tuesday", "earlier this week").
TIME_OPENERS = frozenset(("on", "late", "early", "earlier", "later", "last", "this", "in", "at"))
#: Words a phrase of time is made of.
TIME_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning "
    "afternoon evening night week weekend month year this last "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
) | frozenset(str(day) for day in range(1, 32))
#: Clause boundaries that end a source phrase scanned from its cue.
NP_STOP = word_set(
    "that which who whom whose when while where as because although though if since until unless "
    "but and or nor so then than however whether once yet also meanwhile separately instead "
    "likewise nonetheless nevertheless moreover furthermore indeed"
)
#: Words that open a phrase of where set off after a place ("about 60km west of El Fasher").
_WHERE_OPENERS = word_set(
    "north south east west northeast northwest southeast southwest near outside about some just"
)
#: Articles that open a noun phrase, and the words after which one stays inside a source phrase
#: ("a spokesman for the army", "the head of the agency").
_ARTICLES = word_set("the a an")
_INSIDE_A_SOURCE = word_set("of for at from with in to and on by")
#: How far after "and" the second of two joined source nouns may stand ("and a local rights group").
_JOINED_SOURCE_WORDS = 5
#: Lower-case words inside a name ("Food Standards Australia and New Zealand", "Ministry of").
NAME_JOINERS = word_set("of and for")
#: Participles that open a description set off after a name ("X, led by Y, said").
_PARTICIPLE_OPENERS = word_set(
    "led headed run founded backed supported funded known called named based formed created"
)
APPOSITIVE_STARTS = word_set("who which whose the a an former himself herself itself")
_DASHES = frozenset("–—-")
#: Words of a name set off after a description ("its director, Iman Atta, said").
_NAME_MAX_WORDS = 4
#: Endings of nouns for people that a source-noun lexicon may lack: director, activist ...
_PERSON_ENDINGS = ("er", "or", "ist", "man", "woman", "ent", "ant")
#: Offices that are no source nouns alone ("the head of the agency", "chief of staff").
_OFFICES = frozenset(("head", "chief"))
#: Bodies a person speaks for, whose own name is no person's: "an official of the group, X,".
_BODIES = frozenset(
    ("group", "party", "movement", "organisation", "organization", "ministry", "militia",
     "council", "agency", "company", "union", "committee", "coalition", "alliance", "army",
     "front", "force", "forces", "brigade", "office", "campaign", "government")
)  # fmt: skip
_APPOSITIVE_OPENERS = {
    ",": frozenset(","),
    ")": frozenset("("),
    "–": _DASHES,
    "—": _DASHES,
    "-": _DASHES,
}


#: Words inside a capitalised name: "Ministry of Defence", "Justice and Equality Movement".
_INNER_NAME_WORDS = frozenset(("of", "and", "for", "-"))


class Tokens:
    """Word and punctuation tokens of one sentence, with the scans that find a cue's source;
    ``settings`` bounds the scans (source, appositive and trailing-phrase lengths)."""

    # "AFC/M23 spokesman": a slash between two words joins them into one name
    _PATTERN = re.compile(r"(\s*)(\w+(?:['’\-.&/]\w+)*|[^\w\s])")

    def __init__(self, text: str, start: int, end: int, settings: AttributionSettings) -> None:
        self.settings = settings
        sentence = text[start:end]
        lowered = sentence.lower()
        if len(lowered) != len(sentence):  # "İ" lower-cases to two code points: keep offsets
            lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in sentence)
        pairs = self._PATTERN.findall(lowered)  # (spaces before, token): offsets by addition
        self.text = text
        self.lows: list[str] = [token for _, token in pairs]
        self.starts: list[int] = []
        pos = start
        for space, token in pairs:
            pos += len(space)
            self.starts.append(pos)
            pos += len(token)
        self.cues: set[int] = set()

    def __len__(self) -> int:
        return len(self.lows)

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.lows[i])

    def word(self, i: int) -> bool:
        return self.lows[i][0].isalnum()

    def _article_after_a_phrase(self, i: int, last: int) -> bool:
        lows = self.lows
        return (
            1 < i < last
            and lows[i] in _ARTICLES
            and self.word(i - 1)
            and lows[i - 1] not in _INSIDE_A_SOURCE
            and (lows[i - 2] in DETERMINERS or self._bare_plural_after_comma(i - 1))
        )

    def _bare_plural_after_comma(self, k: int) -> bool:
        """ ", allegations the military denies": a plural noun opening a phrase after a comma."""
        word = self.text[self.starts[k] : self.end(k)]
        return self.lows[k - 1] == "," and word.islower() and word.endswith("s")

    def _name_after_a_noun(self, i: int, last: int) -> bool:
        """A determiner and a lower-case noun right before a capitalised name: the noun's own
        phrase, which a relative clause without "that" follows ("a charge Rwanda denied")."""
        return (
            0 < i < last
            and self.lows[i - 1] in _ARTICLES
            and self.text[self.starts[i]].islower()
            and self.cap(i + 1)
            and self.lows[i] not in _INSIDE_A_SOURCE
            and not self.lows[i].endswith(("'s", "’s"))  # "the judiciary's Mizan news agency"
        )

    def _abbreviation_dot(self, i: int) -> bool:
        """The full stop of "Mr.", "Gen.", "U.S." or an initial ("John F. Kennedy"), which a
        source phrase runs through: "The U.S. military said"."""
        if self.lows[i] != "." or i == 0:
            return False
        before = self.lows[i - 1]
        initial = len(before) == 1 and self.cap(i - 1)
        return before in HONORIFICS or "." in before or initial

    def _plural_possessive(self, i: int, last: int) -> bool:
        """The apostrophe of "the rebels' regional command", between a plural and a word of the
        same phrase, which a source phrase runs through."""
        return (
            self.lows[i] in ("'", "’")
            and 0 < i < last
            and self.lows[i - 1].endswith("s")
            and self.word(i - 1)
            and self.word(i + 1)
            and self.starts[i] == self.end(i - 1)  # glued to the plural
            and not (i >= 2 and self.lows[i - 2] in ("'", "‘"))  # "'terrorists' officials"
        )

    def cap(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()

    def _name_word(self, i: int) -> bool:
        """A stop word that is part of a name: an acronym ("WHO say") or "and" between names."""
        token = self.text[self.starts[i] : self.end(i)]
        if len(token) > 1 and token.isupper():
            return True
        return (
            self.lows[i] == "and" and 0 < i < len(self) - 1 and self.cap(i - 1) and self.cap(i + 1)
        )

    def skip_back(self, i: int) -> int:
        """Index of the first token at or before ``i`` that is not an auxiliary or adverb."""
        while i >= 0 and (self.lows[i] in PRE_CUE_SKIP or self.lows[i].endswith(("n't", "n’t"))):
            if i > 0 and self.cap(i) and self.cap(i - 1):
                break  # a name's last word: "Theresa May said", "Brian Will told"
            i -= 1
        return i

    def left_source(self, cue: int) -> tuple[int, int, int] | None:
        """First and last token of the source before ``cue``, and the token that bounds it (-1)."""
        lows = self.lows
        i = self.skip_back(cue - 1)
        if i >= 1 and lows[i] in DAY_WORDS and lows[i - 1] in ("on", "last", "this"):
            i = self.skip_back(i - 2)
        i = self._before_time_phrase(i)  # "The UN earlier this month warned": when, not who
        closing = self.closes_sentence(cue + 1)
        if closing and i >= 3 and lows[i] == ")" and lows[i - 2] == "(" and self._acronym_at(i - 1):
            i -= 3  # "..., the United Nations (UN) said.": the name before its acronym
        if i >= 0 and lows[i] == ",":
            name = self._name_after_a_description(i)
            if name is not None:  # "..., its director, Iman Atta, said": the name speaks
                return name
        if i >= 0 and lows[i] in _APPOSITIVE_OPENERS:
            # A participle ("..., saying") has its subject before the comma, not a source.
            i = self._before_appositive(i, opening=not lows[cue].endswith("ing"))
            i = self._before_stacked_appositive(i)
            i = self._before_place_apposition(i)
        if i < 0 or not self.word(i):
            return None
        if lows[i] in PRONOUNS:  # a pronoun is the whole source ("Do you think", "and he said")
            return i, i, i - 1
        last = i
        while i >= 0:
            if not self.word(i):
                if self._abbreviation_dot(i) or self._plural_possessive(i, last):
                    i -= 1
                    continue
                if i < last and self._bracketed_acronym(i):
                    # "Kenya Defence Forces (KDF) spokesman X said": the name its acronym follows
                    first = self._name_start(i - 3)
                    return (first, last, first - 1) if self._plausible(first, last) else None
                break
            stop = i in self.cues or (
                lows[i] in NP_STOP and not self._name_word(i) and not self._joins_sources(i)
            )
            # "Officials who spoke on condition of anonymity said": on past "who" to them
            if stop and (i == last or not self._relative_after_a_noun(i)):
                break
            if last - i >= self.settings.max_source_words:
                return None
            if self._article_after_a_phrase(i, last):
                # "an allegation the rebel group denied": a noun phrase of its own before the
                # article (a relative clause without "that" starts here)
                return (i, last, i - 1) if self._plausible(i, last) else None
            if self._name_after_a_noun(i, last):  # "a charge Rwanda denied": as above
                return (i + 1, last, i) if self._plausible(i + 1, last) else None
            i -= 1
        relative = self._who_before(i + 1) if i + 1 <= last else None
        if relative is not None:
            # "A security official who ... was not authorized to brief the media said": the
            # relative clause's object is not the source, the noun before "who" is
            return self.left_source(relative)
        who = next((k for k in range(i + 2, last) if lows[k] == "who"), None)
        if who is not None and not self._plausible(i + 1, last) and self._plausible(i + 1, who - 1):
            # "..., a security source who asked not to be named said": the phrase before "who"
            return i + 1, who - 1, i
        return (i + 1, last, i) if self._plausible(i + 1, last) else None

    def _name_start(self, last: int) -> int:
        """The first token of the capitalised name ending at ``last`` ("Inter-Services Public
        Relations", "the Nigeria Police Force"), with its "the"."""
        lows, k = self.lows, last
        while k > 0 and (self._capitalised(k - 1) or lows[k - 1] in _INNER_NAME_WORDS):
            k -= 1
        while k < last and lows[k] in _INNER_NAME_WORDS:
            k += 1  # "of", "and" open no name
        return k - 1 if k > 0 and lows[k - 1] == "the" else k

    def _capitalised(self, i: int) -> bool:
        return self.word(i) and self.text[self.starts[i]].isupper()

    def _bracketed_acronym(self, close: int) -> bool:
        """Whether ``close`` closes an acronym in brackets right after a capitalised word."""
        lows = self.lows
        return (
            close >= 3
            and lows[close] == ")"
            and lows[close - 2] == "("
            and self._acronym_at(close - 1)
            and self._capitalised(close - 3)
        )

    def _acronym_at(self, i: int) -> bool:
        """An acronym: a word of two capitals or more ("UN", "IOM", "MSF")."""
        word = self.text[self.starts[i] : self.end(i)]
        return len(word) >= 2 and word.isupper() and word.isalpha()

    def _who_before(self, source: int) -> int | None:
        """The "who" opening a relative clause that holds the phrase starting at ``source`` (no
        comma or quotation between them), when a word comes before it; else None."""
        for k in range(source - 1, 0, -1):
            low = self.lows[k]
            if low in (",", ";", ":", "(") or low in QUOTE_CHARS:
                return None
            if low == "who":
                return k if self.word(k - 1) else None
        return None

    def _before_time_phrase(self, last: int) -> int:
        """The token before a phrase of time that ends at ``last`` ("last year", "late Tuesday",
        "earlier this month", "in May"), else ``last``. The phrase opens with a word of time
        ("last", "on") or is one day's name: "Theresa May" is no phrase of time."""
        lows = self.lows
        first = last
        while first >= 0 and (lows[first] in TIME_WORDS or lows[first] in TIME_OPENERS):
            first -= 1
        first += 1
        if first > last or first == 0 or lows[last] not in TIME_WORDS:
            return last
        if lows[first] in TIME_OPENERS or (first == last and lows[last] in DAY_WORDS):
            return self.skip_back(first - 1)
        return last

    def right_source(self, first: int, *, listed: bool = False) -> tuple[int, int] | None:
        """First and last token of the source phrase that starts at ``first``; ``listed``: the
        phrase may list sources with "and" ("according to local rescuers and the Arakan Army")."""
        lows, j = self.lows, first
        while j < len(lows):
            listing = listed and j > first and lows[j] in ("and", "or")
            if listing and j + 1 < len(lows) and self.word(j + 1):
                j += 1
                continue
            if not self.word(j):
                if self._abbreviation_dot(j):
                    j += 1
                    continue
                joined = j > first and j + 1 < len(lows) and self.word(j + 1)
                if lows[j] in _NAME_SLASHES and joined:  # "a USA TODAY/Suffolk University poll"
                    j += 1
                    continue
                goes_on = j + 3 < len(lows) and self.word(j + 3)
                if j > first and goes_on and self._bracketed_acronym(j + 2):
                    j += 3  # "said Kenya Defence Forces (KDF) spokesman Paul Njuguna"
                    continue
                break
            if j in self.cues or (
                lows[j] in NP_STOP and not self._name_word(j) and not self._joins_sources(j)
            ):
                break
            if j > first and lows[j] in _WHEN_AFTER_A_SOURCE:
                break  # "reports the NY Post today": when, not who
            if j - first >= self.settings.max_source_words:
                return None
            j += 1
        last = j - 1
        # "said Kerstin M., 41": a name may end in an initial, its dot the phrase's last token
        content = last - 1 if last > first and self._abbreviation_dot(last) else last
        return (first, last) if j > first and self._plausible(first, content) else None

    def name_run(self, first: int) -> int | None:
        """Last token of a capitalised name starting at ``first`` ("the Saudi Interior Ministry",
        "Rathbun"), joined by "of", "and" or "for"; None when no capitalised word is there."""
        j, last = first, None
        if j < len(self) and self.lows[j] == "the":
            j += 1
        while j < len(self) and (self.word(j) or (last == j - 1 and self._abbreviation_dot(j))):
            if self.cap(j):
                last = j
            elif self.lows[j] == ".":  # "U.S. Secretary of State Marco Rubio": runs on
                pass
            elif self.lows[j] == "the" and self.lows[j - 1] in NAME_JOINERS and last is not None:
                pass  # "The Group for the Support of Islam and Muslims"
            elif last is None or self.lows[j] not in NAME_JOINERS:
                break
            j += 1
        return last

    def name_run_before(self, last: int) -> int | None:
        """First token of the capitalised name that ends at ``last``, or None."""
        i, first = last, None
        while i >= 0 and self.word(i) and i not in self.cues:
            if self.cap(i):
                first = i
            elif first is None or self.lows[i] not in NAME_JOINERS:
                break
            i -= 1
        return first

    def closes_sentence(self, k: int) -> bool:
        """True when only a short prepositional phrase, a parenthetical aside and closing marks
        follow token ``k``."""
        lows, n = self.lows, len(self.lows)
        if k < n and lows[k] in PREPOSITIONS:
            start = k
            while k < n and self.word(k) and k not in self.cues:
                k += 1
            if k - start > self.settings.trailing_pp_max_words:
                return False
        if k < n and lows[k] == "(" and ")" in lows[k:]:
            k = n - 1 - lows[::-1].index(")") + 1  # a closing aside: "(full data: ...)."
        return all(lows[m] in CLOSING_PUNCT for m in range(k, n))

    def _before_appositive(self, close: int, *, opening: bool = True) -> int:
        """The last token before the appositive that ends at ``close``, or -1.

        An appositive may hold commas of its own ("Cynthia Thompson, curator ... of Arkansas,
        Fayetteville, said"): each earlier opener is tried in turn. A comma with no opener before
        it sets off a sentence-opening source ("The security firm Secunia.com, has said").
        """
        openers, k = _APPOSITIVE_OPENERS[self.lows[close]], close - 1
        found = False
        while True:
            while k >= 0 and self.lows[k] not in openers:
                if close - k > self.settings.appositive_max_tokens or self.lows[k] in QUOTE_CHARS:
                    return -1
                if k in self.cues:
                    return -1
                k -= 1
            if k < 0:
                opening = (
                    opening
                    and not found
                    and self.lows[close] == ","
                    and 0 < close <= self.settings.opening_source_max_words
                )
                return close - 1 if opening and self.word(close - 1) else -1
            found = True
            first = k + 1
            if k < 1 or first >= close or not self.word(k - 1) or not self.word(first):
                return -1
            # An appositive opens with "who", "the", a lower-case title ("leader of ...") or holds
            # a lower-case word ("Panama coach"); "SC" or "Kabul" alone is more likely a list.
            lower = any(self.word(m) and not self.cap(m) for m in range(first, close))
            if self.lows[first] in APPOSITIVE_STARTS or lower:
                return k - 1
            k -= 1

    def _name_after_a_description(self, close: int) -> tuple[int, int, int] | None:
        """A name set off by commas after a lower-case word for a person, closing at ``close``:
        "its director, Iman Atta," gives the name (first, last) and the token before "its"."""
        k = close - 1
        acronym = self._bracketed_acronym_before(close)
        if acronym:  # "its media wing, Inter-Services Public Relations (ISPR), said"
            k -= 3
        longest = _NAME_MAX_WORDS + 3 * acronym
        while k >= 0 and close - k <= longest and self.word(k) and self.cap(k):
            k -= 1
        if k >= close - 1 - 3 * acronym or k < 1 or self.lows[k] != ",":
            return None
        person = self.lows[k - 1]
        one_of_them = k == 1 and person in ("one", "another")  # "One, Chris Philp, said"
        if self.cap(k - 1) and not one_of_them:
            return None
        # "the LTTE's head of international relations, Selvarasa Pathmanathan,": an office
        # "of" something that is no person, then a person's name (after "a spokesman for the
        # governor," the name is the governor's)
        of_a_thing = person not in source_nouns() and not person.endswith(_PERSON_ENDINGS)
        office = of_a_thing and self._office_before(k) and self._persons_name(k + 1, close - 1)
        if not (acronym or one_of_them or office or person in source_nouns()) and not (
            person.endswith(_PERSON_ENDINGS)
        ):
            return None  # "residents of the capital, Kabul, said": a place, not who
        first = k - 1  # where the description starts: "its director"
        while first > 0 and self.word(first - 1) and self.lows[first - 1] not in NP_STOP:
            if k - first >= _NAME_MAX_WORDS:
                break
            first -= 1
        # "A spokesman for the governor, Ruben Rocha Moya, said": the governor's name; but a
        # person's name after a body ("A senior official of the group, Mahmoud Qmati,") is
        # the official's ("a spokesman for the group, Hamas," stays the group's)
        persons_name = office or (person in _BODIES and self._persons_name(k + 1, close - 1))
        of_someone = any(
            self.lows[m] in ("for", "of", "to") for m in range(max(first - 1, 0), k - 1)
        )
        if of_someone and not persons_name:
            return None
        return k + 1, close - 1, first - 1

    def _office_before(self, comma: int) -> bool:
        """A word for a person's office followed by "of" or "for" in the few words before
        ``comma`` ("head of international relations", "director of operations")."""
        m = comma - 2
        while m >= 0 and comma - m <= _NAME_MAX_WORDS + 1 and self.word(m):
            office = self.lows[m] in source_nouns() or self.lows[m] in _OFFICES
            if office and self.lows[m + 1] in ("of", "for"):
                return True
            m -= 1
        return False

    def _persons_name(self, first: int, last: int) -> bool:
        """Two to four capitalised words, none an acronym or a group's head word."""
        words = [self.text[self.starts[m] : self.end(m)] for m in range(first, last + 1)]
        return 2 <= len(words) <= 4 and all(
            w[:1].isupper() and not w.isupper() and w.lower() not in _BODIES for w in words
        )

    def _bracketed_acronym_before(self, close: int) -> bool:
        """ "(ISPR)" right before ``close``: an organisation's name spelt out with its acronym,
        whatever the lower-case description before it ("media wing", "agency")."""
        return (
            close >= 4
            and self.lows[close - 1] == ")"
            and self.lows[close - 3] == "("
            and self.text[self.starts[close - 2] : self.end(close - 2)].isupper()
        )

    def _before_place_apposition(self, i: int) -> int:
        """ "An aid worker in Tawila, about 60km west of El Fasher, who ..., said": a phrase of
        where, set off after a place, is no source; the phrase before its comma is."""
        k = i
        while k > 0 and (self.word(k) or self.lows[k] in ("(", ")")):
            k -= 1  # back to the comma that opens the phrase
        opens_a_place = k + 1 <= i and self.lows[k + 1] in _WHERE_OPENERS
        if k < 1 or self.lows[k] != "," or not opens_a_place or not self.word(k - 1):
            return i
        return k - 1

    def _before_stacked_appositive(self, i: int) -> int:
        """ "Sarah Bradley, a spokeswoman for X, a group that ..., told": when the phrase before
        one appositive is itself a description set off after a name, the name speaks."""
        if i < 1 or self.lows[i + 1] != ",":
            return i
        earlier = self._before_appositive(i + 1, opening=False)
        if earlier < 0:
            return i
        if self.lows[earlier + 2] in _PARTICIPLE_OPENERS:
            # "The X coalition, led by Jimmy Chérizier, known as Barbecue, has vowed": the
            # phrase before "known" describes the coalition, which speaks
            return earlier
        name = self.name_run_before(earlier)
        # "In Kabul, the spokesman, a former teacher, said": a place after a preposition
        # is where, not who
        if (
            name is None
            or self.lows[max(name - 1, 0)] in PREPOSITIONS
            or self.lows[name] in PREPOSITIONS
        ):
            return i
        return earlier

    def _joins_sources(self, i: int) -> bool:
        """ "and" between two source nouns for people, or opening the phrase: "residents and a
        teacher said", "..., police and witnesses said" are one source phrase (not "left the
        party and officials said")."""
        if self.lows[i] != "and" or i < 1 or i + 1 >= len(self):
            return False
        after = i + 2 if self.lows[i + 1] in _ARTICLES and i + 2 < len(self) else i + 1
        nouns = source_nouns()
        while (  # the second noun after its modifiers: "survivors and a local rights group"
            self.lows[after] not in nouns
            and after + 1 < min(len(self), i + _JOINED_SOURCE_WORDS)
            and self.word(after + 1)
        ):
            after += 1
        both = [nouns.get(self.lows[k]) for k in (i - 1, after)]
        if any(noun is None for noun in both):
            return False
        opens = i < 2 or self.lows[i - 2] == "," or self.lows[i - 2] in QUOTE_CHARS
        return opens or all(noun[0].kind == "anonymous" for noun in both if noun is not None)

    def _relative_after_a_noun(self, i: int) -> bool:
        """ "who" right after a noun: the source is that noun with its relative clause."""
        before = i - 1
        return (
            self.lows[i] == "who"
            and before >= 0
            and self.word(before)
            and before not in self.cues
            and self.lows[before] not in NP_STOP
            and self.lows[before] not in PRONOUNS
        )

    def _plausible(self, first: int, last: int) -> bool:
        """A source phrase ends in a content word, opens with no preposition ("amid mounting
        reports that ..." has none) and holds no auxiliary (else it is a clause)."""
        if first > last or not self.word(last):
            return False
        opener = self.lows[first]  # "with one poster writing ...": "with" X, then what X says
        if opener != "with" and (opener in PREPOSITIONS or opener in _MORE_PREPOSITIONS):
            return False
        if self.lows[first] in _past_cue_forms():
            return False  # "..., dismissed the vote in a video posted": a predicate, no one
        tail = self.lows[last]
        if (
            tail not in source_nouns()
            and tail not in PRONOUNS
            and (tail in DETERMINERS or tail in PREPOSITIONS)
        ):
            return False
        return not any(self.lows[m] in AUXILIARIES for m in range(first, last + 1))


@functools.cache
def _past_cue_forms() -> frozenset[str]:
    """The past forms of the reporting verbs ("dismissed", "warned"), which open no source."""
    return frozenset(form for form, _ in cue_entries() if form.endswith("ed") and " " not in form)


#: Prepositions that open no source, besides the common ones.
_MORE_PREPOSITIONS = word_set("amid amidst among despite against without within toward towards")
#: Words of time that end a source phrase written after its cue.
_WHEN_AFTER_A_SOURCE = frozenset(("today", "yesterday", "tonight", "earlier", "later"))
#: Marks that join two names into one source: "Wall Street Journal/NBC News", "AT&T".
_NAME_SLASHES = frozenset(("/", "&"))
