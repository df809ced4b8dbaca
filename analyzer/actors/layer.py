"""The actors of one document: mentions found in the text, grouped into actors, with salience.

Mentions come from the parsed sentences (:mod:`analyzer.actors.mentions`) and, with a story pack,
from the pack's aliases anywhere in the body. They are grouped into actors by their name:

- the same name, ignoring case, a leading "the" and a possessive ("the Taliban's");
- an acronym and its expansion, written side by side ("Kurdistan Workers' Party (PKK)") or
  matching the expansion's initials ("Rapid Support Forces" / "RSF");
- a one-word name and its plural ("Houthi", "the Houthis");
- a surname and the one full name it ends ("Hemedti" stays apart; "Dagalo" joins "Mohamed
  Hamdan Dagalo");
- a group name inside exactly one longer one ("Resistance Front" / "National Resistance Front"),
  or a one-word name ending exactly one ("the Klan" / "Ku Klux Klan"), but not a group's head
  word ("the Army");
- a story pack is a correction on top: a mention that is (or holds) one of its aliases takes the
  pack's canonical name, so the pack merges, renames or adds actors.

Salience is how often an actor is named in the whole body: mentions found by the parse, plus
every other occurrence of its names (one matcher pass over the body, no parse needed).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from analyzer.actors.kinds import described_as_one_person, treated_as_group
from analyzer.actors.lexicon import (
    capitals,
    country_names,
    demonyms,
    known_countries,
    words_with_role,
)
from analyzer.actors.mentions import (
    TARGET_PREFIX,
    Mention,
    find_mentions,
    names_an_office,
    targeted,
)
from analyzer.boilerplate.kinds import dateline_end
from analyzer.matching import TermMatcher
from analyzer.storypack import StoryPack, is_acronym
from analyzer.words import WordLayer

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Above this share of capitalised words a sentence is a title-case headline, where capitals and
#: the tagger's proper nouns do not mark names.
TITLE_CASE_SHARE = 0.6
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'")
#: Words a title-case headline leaves in lower case.
_TITLE_SMALL_WORDS = frozenset(
    ("a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "by", "for",
     "as", "with", "from", "into", "over", "vs", "al", "el")
)  # fmt: skip
#: Parts of speech that are capitalised mid-sentence only in a title-case headline.
_NOT_NAME_CLASSES = frozenset(
    ("VERB", "AUX", "ADP", "ADV", "PRON", "SCONJ", "CCONJ", "PART", "DET")
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: An all-capital acronym in brackets after a name: "Rapid Support Forces (RSF)".
#: "(PKK)", "(AfD)", and one word before the acronym: "(Komnas HAM)".
_BRACKETED_ACRONYM = re.compile(
    r"\s\(((?:[A-Z][A-Za-z0-9]{1,7} )?[A-Z][A-Za-zÀ-ÖØ-Þ0-9]{0,6}[A-ZÀ-ÖØ-Þ0-9])\)"
)  # "(FETÖ)"
_DATELINE_DASH = re.compile(r"\s*[-–—]")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
#: A capitalised preposition that opens a sentence before a name: "Like the ...", "Unlike ...".
_LEADING_PREPOSITION = re.compile(
    r"^(?:Like|Unlike|As|With|For|In|On|From|By|To|Against|After|Before)\s+(?=the\s)"
)
_POSSESSIVE = re.compile(r"['’]s?$")


def is_title_case(text: str, start: int, end: int, sdoc: Doc | None = None) -> bool:
    """Whether ``text[start:end]`` is a title-case headline ("Taliban Meets Resistance Commander
    As Afghan Forces Snatch Back"): mostly capitalised words, and, when the sentence is parsed,
    some of them verbs or function words (a sentence full of names is not a headline)."""
    words = _WORD.findall(text, start, end)
    if len(words) < 4 or sum(w[0].isupper() for w in words) <= TITLE_CASE_SHARE * len(words):
        return False
    return sdoc is None or any(
        t.i > 0 and t.text[:1].isupper() and t.pos_ in _NOT_NAME_CLASSES for t in sdoc
    )


def is_title_case_sentence(text: str, start: int, end: int, index: int, sdoc: Doc) -> bool:
    """:func:`is_title_case` for sentence ``index`` of a document. A first line without a full
    stop whose every word but the small ones is capitalised is a headline: title case alone says
    so there, whatever the tagger made of its capitals ("Sudan's RSF Militia Accused of
    Massacre", every word a proper noun)."""
    words = _WORD.findall(text, start, end)
    headline = (
        index == 0
        and not text[start:end].rstrip().endswith(_SENTENCE_ENDS)
        and all(w[0].isupper() for w in words if w.lower() not in _TITLE_SMALL_WORDS)
    )
    return is_title_case(text, start, end, None if headline else sdoc)


def opens_a_sentence(sdoc: Doc, first: int) -> bool:
    """Whether token ``first`` opens the sentence, a quotation or the text after a dateline
    ("OUAGADOUGOU (Reuters) - Jihadist fighters"), where any word is capitalised."""
    if first <= 0 or sdoc[first - 1].text in _OPENING_MARKS:
        return True
    return first >= 2 and sdoc[first - 1].text == "-" and sdoc[first - 2].text == ")"


_OPENING_MARKS = frozenset(("“", '"', "‘", "'", ":", "—", "–", "(", "["))


def is_proper(surface: str) -> bool:
    """ "National Resistance Front", "Afghan Resistance": every content word capitalised."""
    words = [w for w in surface.split() if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def bracketed_acronyms(text: str) -> dict[str, str]:
    """Acronym key -> expansion for "Kurdistan Workers' Party (PKK)" anywhere in ``text``, when
    the acronym's letters are the initials of the words before the bracket; else, for an
    acronym of another language ("Alternative for Germany (AfD)", "the West Papua National
    Liberation Army (TPNPB)"), the name of two or more capitalised words right before it."""
    found = {}
    for match in _BRACKETED_ACRONYM.finditer(text):
        acronym = match.group(1)
        if sum(c.isupper() for c in acronym) < 2 or _DATELINE_DASH.match(text, match.end()):
            continue  # "(Reuters)"; "SAN JUAN, Puerto Rico (AP) -": the agency of a dateline
        words = _WORD.findall(text, max(0, match.start() - 120), match.start())[-8:]
        for first in range(len(words)):
            initials = "".join(w[0] for w in words[first:] if w.lower() not in _SMALL_WORDS)
            lead = words[first]
            if (
                initials.casefold() == acronym.casefold()
                and lead[0].isupper()
                and lead.lower() not in _SMALL_WORDS
            ):
                found[acronym.casefold()] = " ".join(words[first:])
                break
        else:
            run = _name_right_before(text, match.start())
            if run is not None:
                found[acronym.casefold()] = run
    return found


@functools.lru_cache(maxsize=4)
def common_noun_acronyms(text: str) -> frozenset[str]:
    """Keys of the acronyms a bracket gives to lower-case words ("a counter-terrorist operation
    (CTO) regime", "improvised explosive devices (IEDs)"): a thing, no actor; not those of a
    group ("a sabotage and reconnaissance group (DRG)")."""
    found = set()
    for match in _BRACKETED_ACRONYM.finditer(text):
        acronym = match.group(1).rstrip("s")
        before = _WORD.findall(text, max(0, match.start() - 120), match.start())
        words = [w for word in before for w in word.split("-") if w]
        words = [w for w in words if w.lower() not in _SMALL_WORDS][-len(acronym) :]
        if (
            len(words) == len(acronym)
            and all(w.islower() for w in words)
            and "".join(w[0] for w in words) == acronym.lower()
            and words[-1] not in words_with_role("group")
        ):
            found.add(name_key(match.group(1)))
    return frozenset(found)


def _name_right_before(text: str, end: int) -> str | None:
    """The run of two or more capitalised words that ends at ``end``, without a leading "the"."""
    for match in _HYPHENATED_RUN.finditer(text, max(0, end - 120), end):
        if match.end() == end:  # not "Like the National Liberation Army (ELN)"
            return _LEADING_THE.sub("", _LEADING_PREPOSITION.sub("", match.group()))
    return None


@functools.lru_cache(maxsize=4)
def acronym_expansions(text: str) -> dict[str, str]:
    """Acronym key -> expansion: the bracketed ones ("Kurdistan Workers' Party (PKK)"), and
    for acronyms of three letters or more, a run of capitalised words anywhere in ``text`` whose
    initials they are ("the Anti-Defamation League" ... "the ADL"); the first run found wins."""
    found: dict[str, str] = {}
    for match in _CAPITALISED_RUN.finditer(text):
        run = _LEADING_THE.sub("", match.group())
        words = [w for w in re.split(r"[\s-]+", run) if w]
        initials = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS)
        if 3 <= len(initials) <= 6 and initials.isupper():
            found.setdefault(initials.casefold(), run)
    found.update(bracketed_acronyms(text))
    return found


#: Capitalised words joined by spaces, hyphens or "of", "for", "the", "on" (not "and": "the
#: Southern Poverty Law Center and the Anti-Defamation League" are two names).
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’]*(?:(?:-|\s+(?:(?:of|for|the|on)\s+)?)[A-Z][\w'’]*)+")


#: The same, with lower-case particles between hyphens: "Tehrik-e-Taliban Pakistan".
_HYPHENATED_RUN = re.compile(
    r"\b[A-Z][\w'’]*(?:(?:-(?:[a-z]{1,3}-)?|\s+(?:(?:of|for|the|on)\s+)?)[A-Z][\w'’]*)+"
)


def name_key(name: str) -> str:
    """How names are compared: casefolded, without a leading "the" or a possessive, a hyphen
    read as a space ("Al-Shabaab", "al Shabaab")."""
    bare = _POSSESSIVE.sub("", _LEADING_THE.sub("", name.strip())).casefold()
    return " ".join(bare.replace("-", " ").split())


class ActorLayer:
    """Actor mentions of a document and the actor each names. Build once per document, after
    the sentences that matter have been parsed; ``read`` limits the parsed sentences whose names
    are read (default: every parsed sentence). ``common_words`` are the (start, end) offsets of
    ordinary words (the labels the loaded signal matched): one that opens a sentence
    capitalised ("Gunmen ambushed ...", "Idiots!") is that word, not a name."""

    def __init__(
        self,
        text: str,
        sentences: tuple[tuple[int, int], ...],
        words: WordLayer,
        pack: StoryPack | None,
        read: Iterable[int] | None = None,
        common_words: Iterable[tuple[int, int]] = (),
    ) -> None:
        self._text = text
        self._sentences = sentences
        self._words = words
        self._pack = pack
        self._by_sentence: dict[int, list[Mention]] = {}
        self._pack_mentions = _pack_mentions(text, sentences, pack)
        self._pack_starts = [m.start for m in self._pack_mentions]
        self._canonical: dict[str, str] = {}
        self._kinds: dict[str, str] = {}
        self.salience: Counter[str] = Counter()
        indices = range(len(sentences)) if read is None else sorted(set(read))
        common = set(common_words)
        things = common_noun_acronyms(text)
        for index in indices:
            start, end = sentences[index]
            if not words.is_parsed(index):
                continue
            sdoc = words.parsed(index)
            if not is_title_case_sentence(text, start, end, index, sdoc):
                self._by_sentence[index] = [
                    m
                    for m in find_mentions(sdoc, index, words.offset(index), text)
                    if not ((m.start, m.end) in common and opens_a_sentence(sdoc, m.first))
                    and name_key(m.name) not in things
                ]
        self._known: list[Mention] = []
        self._group()
        self._known_starts = [m.start for m in self._known]

    # --- lookups ---------------------------------------------------------------------------

    def mentions(self, sentence: int) -> list[Mention]:
        """Mentions of a sentence, by priority: a story-pack alias ("anti-Taliban" is the
        resistance's alias, not the Taliban), a name found by the parse, and a name found
        elsewhere in the document (for sentences not parsed, and title-case headlines)."""
        lo, hi = self._sentences[sentence]
        kept: list[Mention] = []
        for found in (
            self._slice(self._pack_mentions, self._pack_starts, lo, hi),
            self._by_sentence.get(sentence, []),
            self._slice(self._known, self._known_starts, lo, hi),
        ):
            kept += [
                self._with_tokens(m)
                for m in found
                if not any(k.start < m.end and m.start < k.end for k in kept)
            ]
        return sorted(kept, key=lambda m: m.start)

    @staticmethod
    def _slice(mentions: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
        return mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def _with_tokens(self, mention: Mention) -> Mention:
        """A pack mention with the token indices of its parsed sentence, when it is parsed."""
        if mention.first >= 0 or not self._words.is_parsed(mention.sentence):
            return mention
        sdoc, base = self._words.parsed(mention.sentence), self._words.offset(mention.sentence)
        inside = [t.i for t in sdoc if mention.start <= base + t.idx < mention.end]
        if not inside:
            return mention
        first, last = inside[0], inside[-1]
        head = next(
            (
                i
                for i in reversed(inside)
                if not first <= sdoc[i].head.i <= last or sdoc[i].head.i == i
            ),
            last,
        )
        return replace(mention, first=first, last=last, head=head, dep=sdoc[head].dep_)

    def actor(self, mention: Mention) -> str:
        """The actor a mention names: the pack's canonical name, else the fullest name used."""
        return self.actor_named(mention.name)

    def actor_named(self, name: str) -> str:
        """The actor a name written anywhere names (the name itself when never parsed)."""
        return self._canonical.get(name_key(name), name)

    def kind(self, actor: str) -> str:
        return self._kinds.get(actor, "other")

    def pack_actor_at(self, start: int, end: int) -> str | None:
        """The pack actor whose alias lies inside, or overlaps, ``[start, end)``."""
        if self._pack is None:
            return None
        inner = self._pack.matcher.find(self._text, start, end)
        if inner:
            return inner[0].payload.name
        i = bisect.bisect_right(self._pack_starts, start) - 1
        for m in self._pack_mentions[max(0, i) : i + 2]:
            if m.start < end and start < m.end and m.role == "actor":
                return m.name
        return None

    def all_actors(self) -> list[tuple[str, str, list[str], int]]:
        """(actor, kind, names used, mentions) for every actor of the document, most salient first."""
        names: dict[str, set[str]] = {}
        for mentions in self._by_sentence.values():
            for m in mentions:
                if m.role != "location":
                    names.setdefault(self.actor(m), set()).add(_LEADING_THE.sub("", m.name))
        return sorted(
            (
                (actor, self.kind(actor), sorted(aliases), self.salience[actor])
                for actor, aliases in names.items()
            ),
            key=lambda row: (-row[3], row[0]),
        )

    # --- grouping --------------------------------------------------------------------------

    def _group(self) -> None:
        parsed = [m for ms in self._by_sentence.values() for m in ms if m.role != "target"]
        pack_names = self._pack_names(parsed)
        full: dict[str, str] = {}  # key -> fullest surface name with that key
        for m in parsed:
            key = name_key(m.name)
            if len(m.name) > len(full.get(key, "")):
                full[key] = m.name
        canonical = {key: pack_names.get(key, name) for key, name in full.items()}
        # the surface reading also covers sentences not parsed; of the two readings the longer
        # has the whole name ("Democratic Forces for the Liberation of Rwanda (FDLR)" by the
        # parse, "Tigray People's Liberation Front (TPLF)" by the words)
        expansions = bracketed_acronyms(self._text)
        for m in parsed:
            if m.acronym_of is not None:
                key = name_key(m.name)
                expansions[key] = max(m.acronym_of, expansions.get(key, ""), key=len)
        for key, expansion in expansions.items():  # "Kurdistan Workers' Party (PKK)"
            if key in canonical or name_key(expansion) in canonical:
                canonical[key] = canonical.get(name_key(expansion), expansion)
        _merge_initials(canonical)
        _merge_plurals(canonical)
        _merge_surnames(canonical, parsed)
        _merge_capitals(canonical)
        _merge_contained_groups(canonical, parsed)
        self._canonical = canonical
        countries = known_countries()
        for m in parsed:  # the most telling kind wins: a person, group or place over "other"
            actor, kind = self.actor(m), m.kind if m.role != "location" else "place"
            kind = "place" if actor in countries and kind in ("other", "group") else kind
            if self._kinds.get(actor, "other") == "other":
                self._kinds[actor] = kind
        self._mark_titled_people()
        self._mark_named_groups(parsed)
        self._mark_described_people(parsed)
        for actor in self._kinds:  # "NEW ORLEANS (AP) -": the city a story is filed from
            if name_key(actor) in self._dateline_places():
                self._kinds[actor] = "place"
        if self._pack is not None:
            for pack_actor in self._pack.actors:
                self._kinds[pack_actor.name] = pack_actor.kind
        self._count(parsed)

    def _dateline_places(self) -> set[str]:
        """Name keys of the places a dateline opening one of the first sentences names: "SAN
        JUAN, Puerto Rico (AP) -" gives "san juan" and "puerto rico"."""
        places: set[str] = set()
        for start, _ in self._sentences[:3]:
            end = dateline_end(self._text, start)
            if end > start:
                place = self._text[start:end].split("(")[0].strip(" -—–:")
                places.update(name_key(part) for part in place.split(",") if part.strip())
        return places

    def _mark_titled_people(self) -> None:
        """A one-word name of unknown kind that the body gives a title or a first name somewhere
        ("Mr. Trump", "President Vladimir Putin", "... against Donald Trump") is a person, even
        where it stands alone ("Trump said"). One pass over the text for all names."""
        single = {a for a, kind in self._kinds.items() if kind == "other" and " " not in a}
        for actor in single & _people_surnames(self._text) if single else ():
            self._kinds[actor] = "person"
        for actor in single:
            if _first_name_of(actor, self._text):
                self._kinds[actor] = "person"

    def _mark_described_people(self, parsed: list[Mention]) -> None:
        """A one-word name of unknown kind set beside a noun for one person is a person ("said
        Salif, a 31-year-old survivor"), so no label of a group refers to it."""
        for m in parsed:
            actor = self.actor(m)
            if self._kinds.get(actor) != "other" or " " in actor or m.first < 0:
                continue
            if described_as_one_person(self._words.parsed(m.sentence)[m.head]):
                self._kinds[actor] = "person"

    def _mark_named_groups(self, parsed: list[Mention]) -> None:
        """A name of two or more words with no title, a person by its shape, is a group where the
        text treats it as one ("Boko Haram fighters": :mod:`analyzer.actors.kinds`)."""
        titled = {self.actor(m) for m in parsed if self._text[m.start : m.end] != m.name}
        for m in parsed:
            actor = self.actor(m)
            if self._kinds.get(actor) != "person" or actor in titled or " " not in m.name:
                continue
            if names_an_office(actor.lower().split()):
                continue  # "including its Officer Commanding Station": a person's office
            if treated_as_group(self._words.parsed(m.sentence)[m.head]):
                self._kinds[actor] = "group"

    def _pack_names(self, parsed: Iterable[Mention]) -> dict[str, str]:
        """Name key -> pack actor, for parsed names that are (or hold) a pack alias."""
        out: dict[str, str] = {}
        if self._pack is None:
            return out
        for m in parsed:
            found = self._pack.matcher.find(self._text, m.start, m.end)
            if found:
                longest = max(found, key=lambda f: f.end - f.start)
                out[name_key(m.name)] = longest.payload.name
        return out

    def _count(self, parsed: list[Mention]) -> None:
        """Salience: occurrences of every actor's names in the whole body."""
        if not self._sentences:
            return
        names = {m.name: m for m in parsed if m.role == "actor"}
        lo, hi = self._sentences[0][0], self._sentences[-1][1]
        if names:
            starts = [s for s, _ in self._sentences]
            matcher = TermMatcher(list(names.items()), case_sensitive=is_acronym)
            for match in matcher.find(self._text, lo, hi):
                index = bisect.bisect_right(starts, match.start) - 1
                if index < 0 or match.end > self._sentences[index][1]:
                    continue
                if match.start < dateline_end(self._text, starts[index]):
                    continue  # "PORT-AU-PRINCE, Haiti (Reuters) -": where, not who
                seen = match.payload
                written = self._text[match.start : match.end]
                if not _capitalised_alike(written, seen.name):
                    continue  # "Human rights group Karapatan" is not "Human Rights"
                if (
                    written.islower()
                    and self._text[max(0, match.start - 4) : match.start] != "the "
                ):
                    continue  # "the church" may be the Church; "internal security" is no Security
                self.salience[self.actor(seen)] += 1
                # "the pro-Hamas mob" elsewhere: the name written there as a target
                role = "target" if targeted(self._text, match.start, match.end) else seen.role
                self._known.append(
                    replace(seen, start=match.start, end=match.end, sentence=index,
                            first=-1, last=-1, head=-1, dep="", role=role)
                )  # fmt: skip
        counted = {self.actor(m) for m in names.values()}
        self.salience.update(
            m.name for m in self._pack_mentions if m.role == "actor" and m.name not in counted
        )


@functools.lru_cache(maxsize=4)
def _people_surnames(text: str) -> frozenset[str]:
    """Words written after a title ("Mr. Trump", "President Vladimir Putin") or after a
    capitalised first word in mid-sentence ("against Donald Trump") anywhere in ``text``."""
    titles = "|".join(re.escape(t) for t in sorted(words_with_role("title"), key=len))
    titled = re.compile(rf"\b(?i:{titles})\.?\s+((?:[A-Z][\w'’-]*\s+){{0,2}}{_SURNAME})")
    found = {
        word.split("-")[-1] if _PARTICLE_GLUED.match(word) else word
        for m in titled.finditer(text)
        for word in m.group(1).split()
    }
    not_first = words_with_role("not-alone") | words_with_role("not-name")
    not_first |= words_with_role("title") | set(demonyms())
    for m in _FIRST_AND_LAST.finditer(text):
        if m.group(1).lower() not in not_first:
            found.add(m.group(2))
    group_words = words_with_role("group") | not_first
    for m in _LONG_NAME.finditer(text):  # "after Luiz Inácio Lula da Silva": "Lula" alone too
        words = [w for w in m.group(2).split() if w[0].isupper()]
        if m.group(1).lower() not in not_first and not {w.lower() for w in words} & group_words:
            found.update(words)
    return frozenset(found)


def _first_name_of(word: str, text: str) -> bool:
    """Whether ``word`` opens one two-word name whose second word the text also writes alone,
    as a surname: a tabloid's "Tommy's march" beside "Tommy Robinson" and "Robinson said"."""
    pairs, alone = _capitalised_pairs(text)
    after = pairs.get(word, set())
    if len(after) != 1:
        return False
    surname = next(iter(after))
    if surname.lower() in words_with_role("title") | words_with_role("not-name"):
        return False
    return surname in alone


@functools.lru_cache(maxsize=4)
def _capitalised_pairs(text: str) -> tuple[dict[str, set[str]], frozenset[str]]:
    """Each capitalised word with the capitalised words written right after it, and the
    capitalised words written after a lower-case word or a sentence's end ("said Robinson",
    "... police. Robinson said")."""
    pairs: dict[str, set[str]] = {}
    for match in _CAPITALISED_PAIR.finditer(text):
        pairs.setdefault(match.group(1), set()).add(match.group(2))
    alone = frozenset(m.group(1) for m in _CAPITALISED_ALONE.finditer(text))
    return pairs, alone


_CAPITALISED_PAIR = re.compile(r"\b([A-Z][\w-]*)\s+(?=([A-Z][\w-]*)(?:['’]s)?\b)")
_CAPITALISED_ALONE = re.compile(r"(?:^|[a-z,;:]\s+|[.!?\"”]\s+)([A-Z][\w-]*)\b")


#: A surname, with the particle glued before it: "Assad", "al-Assad", "el-Sisi".
_SURNAME = r"(?:(?:al|el|ad|as|ash|an|ar)-)?[A-Z][\w'’-]*"
_PARTICLE_GLUED = re.compile(r"^(?:al|el|ad|as|ash|an|ar)-[A-Z]")
#: "... against Donald Trump": a lower-case word, then two capitalised words.
_FIRST_AND_LAST = re.compile(r"\b[a-z][\w,]*\s+([A-Z][a-z]+)\s+([A-Z][\w'’-]*)")
#: The same with three to five words, particles aside: "... after Luiz Inácio Lula da Silva".
_LONG_NAME = re.compile(
    r"\b[a-z][\w,]*\s+([A-Z][a-z]+)((?:\s+(?:(?:da|de|do|dos|das|del|van|von|der|bin)\s+)?"
    r"[A-Z][a-z][\w'’-]*){2,4})\b"
)


def merge_names(canonical: dict[str, str]) -> dict[str, str]:
    """The merges by name alone (no parse needed), in place on ``name key -> name``: an acronym
    with the one name of its initials, a one-word name with its plural, a capital with its
    country. Returns ``canonical``."""
    _merge_initials(canonical)
    _merge_plurals(canonical)
    _merge_capitals(canonical)
    return canonical


def _merge_initials(canonical: dict[str, str]) -> None:
    """An acronym key whose letters are the initials of one longer name joins that name."""
    by_initials: dict[str, list[str]] = {}
    for name in canonical.values():
        words = [w for w in re.findall(r"[^\W\d_][\w'’]*", name) if w.lower() not in _SMALL_WORDS]
        if len(words) >= 2:
            by_initials.setdefault("".join(w[0] for w in words).casefold(), []).append(name)
    for key, name in list(canonical.items()):
        if name.isupper() and len(by_initials.get(key, [])) == 1 and canonical[key] == name:
            canonical[key] = canonical.get(name_key(by_initials[key][0]), by_initials[key][0])


def _merge_plurals(canonical: dict[str, str]) -> None:
    """A one-word name and its plural are one actor ("Houthi movement", "the Houthis"), named
    by the plural."""
    for key in list(canonical):
        plural = f"{key}s"
        if " " not in key and plural in canonical:
            canonical[key] = canonical[plural]


def _merge_capitals(canonical: dict[str, str]) -> None:
    """A capital is its country ("Kigali denied it", "the Kyiv regime"), unless the text made
    the name someone's (a person's surname merged before: "George Washington"); so is a short
    or official name of the country ("the U.S.", "Russian Federation")."""
    table = {**capitals(), **country_names()}
    for key, name in canonical.items():
        country = table.get(name.lower())
        if country is not None:
            canonical[key] = country


def _merge_surnames(canonical: dict[str, str], parsed: list[Mention]) -> None:
    """A one-word person name that ends (or stands after the first word of) exactly one longer
    person name joins it, unless it also opens another ("Prabowo" is President Prabowo Subianto
    as well as the police chief Listyo Sigit Prabowo: no telling which)."""
    people = {name_key(m.name) for m in parsed if m.kind == "person" and " " in m.name}
    countries = {name_key(country) for country in known_countries()}
    for key in list(canonical):
        if " " in key or key in countries or any(p.startswith(f"{key} ") for p in people):
            continue  # "Madagascar" is no surname of "Z Madagascar" (cut from "Gen Z ...")
        # a surname, or a name used alone from inside the full name ("Lula" of "Luiz Inácio
        # Lula da Silva")
        owners = {canonical[p] for p in people if f" {key} " in f"{p} "}
        if len(owners) == 1 and canonical[key] == next(
            (m.name for m in parsed if name_key(m.name) == key), canonical[key]
        ):
            canonical[key] = owners.pop()


def _merge_contained_groups(canonical: dict[str, str], parsed: list[Mention]) -> None:
    """A group name of two or more words written inside exactly one longer group name joins it
    ("Resistance Front" and "National Resistance Front of Afghanistan"), and so does a one-word
    name that ends exactly one ("the Klan" and "Ku Klux Klan"), unless it is a group's head word
    ("the Army", "the Party"), which names whichever group the sentence means, or a country
    ("Kenya" is not "Amnesty International Kenya", the branch there) or a place."""
    groups = {name_key(m.name) for m in parsed if m.kind == "group" and " " in m.name}
    generic = words_with_role("group") | words_with_role("state")
    generic |= {name_key(country) for country in known_countries()}
    singles = {name_key(m.name) for m in parsed if " " not in m.name and m.kind != "person"}
    # "the town of Barsalogho" is not "Collectif Justice pour Barsalogho"
    places = {name_key(m.name) for m in parsed if m.kind == "place" or m.role == "location"}
    for key in singles - generic - places:
        owners = {canonical[g] for g in groups if g.endswith(f" {key}")}
        if len(owners) == 1 and canonical.get(key) == next(
            (m.name for m in parsed if name_key(m.name) == key), None
        ):
            canonical[key] = owners.pop()
    for key in sorted(groups, key=len):
        padded = f" {key} "
        owners = {
            canonical[g]
            for g in groups
            if g != key and padded in f" {g} " and not _a_branch_of(key, g)
        }
        if len(owners) == 1 and canonical.get(key) == next(
            (m.name for m in parsed if name_key(m.name) == key), None
        ):
            canonical[key] = owners.pop()


_SMALL_WORDS = frozenset(("of", "the", "and", "for", "al", "el"))


def _capitalised_alike(written: str, name: str) -> bool:
    """Whether each word of a name of two or more words written capitalised is capitalised
    where it is found ("human rights" is no mention of "Human Rights"); a one-word name's
    lower-case use ("the church" for the Church) may well refer to it, but not another form
    of it ("civil liberties groups" is no mention of Liberty)."""
    if " " not in name.strip():
        return written[:1].isupper() or written.casefold() == name.strip().casefold()
    return all(
        not b[:1].isupper() or a[:1].isupper()
        for a, b in zip(written.split(), name.split(), strict=False)
    )


def _a_branch_of(key: str, longer: str) -> bool:
    """ "Islamic State Mozambique Province", "Al-Qaeda in the Arabian Peninsula": the longer
    name is a branch of the group ``key`` names, in a country or a province, not its full name
    ("National Resistance Front of Afghanistan" is the Front)."""
    rest = f" {longer} ".split(f" {key} ", 1)[1].split()
    if not rest:
        return False
    countries = {name_key(country) for country in known_countries()}
    return (
        rest[0] == "in"
        or rest[-1] in ("province", "branch", "wing")
        or any(" ".join(rest[:n]) in countries for n in (1, 2))
    )


def _pack_mentions(
    text: str, sentences: tuple[tuple[int, int], ...], pack: StoryPack | None
) -> list[Mention]:
    """Story-pack aliases inside body sentences, as mentions of the pack's actors."""
    if pack is None or not sentences:
        return []
    starts = [s for s, _ in sentences]
    out = []
    for match in pack.matcher.find(text, sentences[0][0], sentences[-1][1]):
        index = bisect.bisect_right(starts, match.start) - 1
        if index < 0 or match.end > sentences[index][1]:
            continue
        actor = match.payload
        role = (
            "target"
            if TARGET_PREFIX.search(text, max(0, match.start - 7), match.start)
            else "actor"
        )
        proper = is_proper(text[match.start : match.end])
        out.append(
            Mention(match.start, match.end, index, -1, -1, -1, actor.name, actor.kind, role,
                    proper=proper)
        )  # fmt: skip
    return out
