"""Speakers: what kind of source a phrase is, and whom a pronoun or a bare surname refers to.

A pronoun source resolves to the last speaker of agreeing number in the same or previous sentence
or paragraph, else ("he", "she") to the first person named or described in the nearest sentence
before it ("Ahmad Massoud leads the resistance. He said ..."; "I asked a young friend of mine ...
she said"); a named source resolves to the
story-pack actor whose alias covers its head, and "Masud" to an earlier "Ahmad Masud" of the same
article.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from analyzer.actors.layer import acronym_expansions
from analyzer.actors.lexicon import demonyms, known_countries, words_with_role
from analyzer.config import Config
from analyzer.text.context_rules import HONORIFICS, PRONOUNS, word_set
from analyzer.text.sources import (
    OTHER_PRONOUNS,
    classify_source,
    kind_of_actor,
    resolve_actor,
    source_nouns,
)

#: Pronouns that may refer to a person merely named before ("I", "you" are the speaker and the
#: interviewer, whose names the text rarely writes next to them).
THIRD_PERSON = frozenset(("he", "she"))
#: ", the spokesman for the army," / " (a senior official)": the appositive's words up to "for",
#: "of", a comma or a closing mark.
_APPOSITIVE = re.compile(
    r"\s*[,(–—]\s*((?:(?:the|a|an)\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}?)\s*(?:\b(?:for|of|at|to|in)\b|[,)–—])"
)
#: A person's name as written: two to six capitalised words, an honorific allowed before them
#: ("Ahmad Massoud", "Gen. Mark Milley", "Mr. Smith", "Deputy Prime Minister Ishaq Dar",
#: "Jean-Marc Delva"); a lone capitalised word may open a sentence.
_NAME_RUN = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Col|Capt|Lt)\.?\s+)?"
    r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*(?:\s+[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*){1,5}\b"
)


#: The comma that opens an apposition after a name: "Afi Mensah-Lawson, a Paris-based activist".
_APPOSED_PERSON = re.compile(r"\s*,\s*(?=(?:a|an|the)\s)")
#: A letter or digit: text before a name that makes it no sentence opener.
_LETTERS = re.compile(r"[^\W_]")
#: Nouns of the source lexicon that name a document, a rumour or a quantity, not a person.
_NOT_PEOPLE = word_set(
    "source estimate study survey report rumour rumor media newspaper some many most others"
)
#: Person nouns a "he" or "she" cannot refer to.
_OTHER_GENDER = {
    "he": word_set("woman mother daughter wife sister girl spokeswoman"),
    "she": word_set("man father son husband brother boy spokesman"),
}


@functools.cache
def _person_description() -> re.Pattern[str]:
    """ "a young friend of mine", "the officer", "an elderly woman": an article, up to three
    modifiers and a singular person noun of the source lexicon, with "of mine" kept. Modifiers
    are no function words: "a statement by its spokesman" describes no person."""
    nouns = sorted(
        (term for term, (noun, plural) in source_nouns().items()
         if noun.kind == "anonymous" and not plural and term not in _NOT_PEOPLE),
        key=len, reverse=True,
    )  # fmt: skip
    return re.compile(
        r"\b(?i:a|an|the|his|her|my|our)\s+(?:(?!(?i:by|of|for|from|in|on|at|with|to|its|his|"
        r"her|their|the|a|an)\s)[\w’'-]+\s+){0,3}?"
        rf"(?P<noun>{'|'.join(map(re.escape, nouns))})\b(?:\s+of\s+(?:mine|ours))?"
    )


@dataclass(frozen=True, slots=True)
class ResolvedSource:
    """A source as classified and resolved: its kind, the speaker's name and story-pack actor."""

    kind: str
    speaker: str | None
    actor: str | None


@dataclass(frozen=True, slots=True)
class Speaker:
    sentence: int
    paragraph: int
    name: str
    kind: str
    plural: bool
    actor: str | None


class Speakers:
    """Classifies sources and resolves speakers in reading order, remembering who spoke where."""

    def __init__(
        self, text: str, config: Config, sentences: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.text = text
        self.pack = config.story_pack
        self.settings = config.attribution  # how far back pronouns and titles are looked for
        self.sentences = sentences
        self.history: list[Speaker] = []
        self.surnames: dict[str, str] = {}
        self.titles: dict[str, Speaker] = {}  # "spokesman" -> the named speaker it described
        self.genders: dict[str, str] = {}  # speaker name -> "he" or "she", once a pronoun said

    def resolve(
        self, source: tuple[int, int] | None, sentence: int, paragraph: int
    ) -> ResolvedSource:
        """Classify ``text[source]``, resolve its speaker and remember it for later pronouns."""
        kind, speaker, actor_name = "anonymous", None, None
        if source is not None:
            info = classify_source(self.text, *source)
            kind, speaker = info.kind, self.text[source[0] : source[1]]
            if kind == "pronoun":
                known = self._antecedent(info.head, sentence, paragraph)
                if info.head in THIRD_PERSON:
                    known = self._subject_since(info.head, source[0], known) or known
                if known is None and info.head in THIRD_PERSON:
                    known = self._named_before(info.head, source[0], sentence, paragraph)
                if known is not None:
                    speaker, actor_name = known.name, known.actor
                    self.history.append(replace(known, sentence=sentence, paragraph=paragraph))
                    if info.head in THIRD_PERSON:
                        self.genders.setdefault(known.name, info.head)
            else:
                actor = resolve_actor(self.pack, self.text, *source, info.head_start)
                titled = self._titled(source, info.head)
                if actor is not None:
                    kind, speaker, actor_name = kind_of_actor(actor), actor.name, actor.name
                elif titled is not None:  # "the spokesman" after "spokesman Fuad Basya"
                    kind, speaker, actor_name = titled.kind, titled.name, titled.actor
                elif kind == "named" and info.name_like:
                    speaker = self._merge_surname(speaker)
                else:  # "The ADL" after "the Anti-Defamation League": the same organisation
                    speaker = self._expand_acronym(speaker)
                remembered = Speaker(sentence, paragraph, speaker, kind, info.plural, actor_name)
                self.history.append(remembered)
                if kind == "named":
                    self._remember_titles(source, remembered)
        return ResolvedSource(kind, speaker, actor_name)

    def _antecedent(self, pronoun: str, sentence: int, paragraph: int) -> Speaker | None:
        """The last speaker a pronoun can plainly refer to: within reach and agreeing in number."""
        role = PRONOUNS.get(pronoun) or OTHER_PRONOUNS[pronoun]
        for known in reversed(self.history):
            near = known.sentence >= sentence - self.settings.pronoun_max_sentences_back
            if not near and known.paragraph < paragraph - 1:
                return None
            if role == "person" and known.kind in ("named", "anonymous") and not known.plural:
                if self._other_gender(known.name, pronoun):
                    continue  # "she" after "he" said of the same speaker: someone else
                return known
            if role == "plural" and (known.plural or known.kind == "organisation"):
                return known
            if role == "thing" and known.kind == "organisation":
                return known
        return None

    def _other_gender(self, name: str, pronoun: str) -> bool:
        """Whether ``name`` was called the other of "he" and "she" before (or either, for "I"
        and "you")."""
        if pronoun in THIRD_PERSON:
            return self.genders.get(name, pronoun) != pronoun
        return pronoun in ("i", "you") and name in self.genders  # a third person, called "he"

    def _remember_titles(self, source: tuple[int, int], speaker: Speaker) -> None:
        """Remember the titles a named source is given, in the phrase ("military spokesman Fuad
        Basya") or in an appositive after it ("Ahmad Massoud, the son of ..."), so that a later
        "the spokesman" resolves to the name."""
        after = self.text[source[1] : source[1] + self.settings.appositive_max_chars]
        appositive = _APPOSITIVE.match(after)
        words = self.text[source[0] : source[1]].split()
        if appositive is not None:
            words += appositive.group(1).split()
        for word in words:
            low = word.lower().strip(",.")
            if word[:1].islower() and low in source_nouns():
                self.titles[low] = speaker

    def _titled(self, source: tuple[int, int], head: str) -> Speaker | None:
        """The named speaker a definite description refers to: "the spokesman", "the general"."""
        words = self.text[source[0] : source[1]].lower().split()
        if not words or len(words) > 3 or words[0] != "the":
            return None
        return self.titles.get(head)

    def _subject_since(
        self, pronoun: str, pronoun_start: int, last: Speaker | None
    ) -> Speaker | None:
        """A person who opens a sentence after the last speaker's, up to the pronoun, is the
        likelier antecedent ("Ishaq Dar drew fury when he suggested ..."; "Rosario Murillo went
        further. '...,' she said." after another speaker's paragraph), as is a person introduced
        with an apposition anywhere in a sentence ("dismissed by Afi Mensah-Lawson, a Paris-based
        activist"). Another name inside a sentence ("Asked about Trump's remarks, he said") is
        left to the last speaker."""
        if not self.sentences:
            return None
        starts = [start for start, _ in self.sentences]
        here = bisect.bisect_right(starts, pronoun_start) - 1
        back = self.settings.pronoun_max_sentences_back
        floor = -1 if last is None else last.sentence
        for index in range(here, floor, -1):
            start, end = self.sentences[index]
            if index < here - back and "\n" in self.text[end:pronoun_start]:
                break  # beyond reach: a paragraph back and more than ``back`` sentences
            name = self._introduced(start, min(end, pronoun_start))
            described = self._first_description(pronoun, start, end) if index < here else None
            if name is None and described is not None:
                return None  # "I asked a young friend of mine ...": left to the description
            if name is None:
                name = self._first_name(start, min(end, pronoun_start))
                if name is None or _LETTERS.search(self.text, start, name[0]):
                    continue
            written = self.text[name[0] : name[1]]
            if written.endswith(("'s", "’s")) or self.text[name[1] : name[1] + 1] in "-–":
                continue  # "Smith's office" is no subject; "Inter-Services" is cut short
            if _inside_quotation(self.text, name[0]):
                continue  # "Our Constitution has no exception," she said
            info = classify_source(self.text, *name[:2])
            if info.kind != "named" or not info.name_like or _names_no_person(written):
                continue
            merged = self._merge_surname(written)
            actor = resolve_actor(self.pack, self.text, *name[:2], info.head_start)
            found = actor.name if actor is not None else merged
            if last is not None and found == last.name:
                return None
            if self._other_gender(found, pronoun):
                continue
            return Speaker(index, 0, found, "named", False, actor.name if actor else None)
        return None

    def _introduced(self, start: int, end: int) -> tuple[int, int] | None:
        """A person the sentence introduces with an apposition, wherever the name stands: "was
        dismissed by Afi Mensah-Lawson, a Paris-based activist ..."."""
        found = None
        for match in _NAME_RUN.finditer(self.text, start, end):
            first = _name_start(match.group())
            apposed = _APPOSED_PERSON.match(self.text, match.end())
            if first is None or apposed is None:
                continue
            if _person_description().match(self.text, apposed.end()) is not None:
                found = (match.start() + first, match.end())
        return found

    def _named_before(
        self, pronoun: str, pronoun_start: int, sentence: int, paragraph: int
    ) -> Speaker | None:
        """The first person written in the nearest earlier sentence that has one (a subject is
        the likeliest antecedent), within ``pronoun_max_sentences_back`` sentences: a person's
        name, or a person described ("I asked a young friend of mine how she felt. '...,' she
        said.") by a noun that does not contradict the pronoun's gender. None when the nearest
        name is an organisation ("the United Nations") or nothing is within reach."""
        if not self.sentences:
            return None
        starts = [start for start, _ in self.sentences]
        here = bisect.bisect_right(starts, pronoun_start) - 1
        back = self.settings.pronoun_max_sentences_back
        for index in range(here - 1, max(-1, here - 1 - back), -1):
            start, end = self.sentences[index]
            name = self._first_name(start, end)
            described = self._first_description(pronoun, start, end)
            if described is not None and (name is None or described[0] < name[0]):
                text = self.text[described[0] : described[1]]
                return Speaker(sentence, paragraph, text, "anonymous", False, None)
            if name is None:
                continue
            span = name[:2]
            info = classify_source(self.text, *span)
            if info.kind != "named" or not info.name_like:
                return None
            if self.text[span[0] : span[1]].endswith(_OWNED):
                return None  # "the Federal District's security": an owner, no one speaking
            merged = self._merge_surname(self.text[span[0] : span[1]])
            if self._other_gender(merged, pronoun):
                return None  # the nearest person is the other "he" or "she"
            actor = resolve_actor(self.pack, self.text, *span, info.head_start)
            actor_name = actor.name if actor is not None else None
            return Speaker(sentence, paragraph, actor_name or merged, "named", False, actor_name)
        return None

    def _first_name(self, start: int, end: int) -> tuple[int, int] | None:
        for match in _NAME_RUN.finditer(self.text, start, end):
            first = _name_start(match.group())
            if first is not None:
                return match.start() + first, match.end()
        return None

    def _first_description(self, pronoun: str, start: int, end: int) -> tuple[int, int] | None:
        for match in _person_description().finditer(self.text, start, end):
            if _inside_quotation(self.text, match.start()):
                continue  # "You can kill a commander from the sky," he said
            if match.group("noun").lower() in _OTHER_GENDER[pronoun]:
                continue
            if match.group().split()[0].lower() in ("his", "her", "my", "our"):
                continue  # "her mother": someone else's relative, rarely the next speaker
            return match.span()
        return None

    def _expand_acronym(self, name: str) -> str:
        """The organisation an acronym stands for where the article spells it out."""
        bare = _LEADING_THE.sub("", name.strip())
        if not (2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()):
            return name
        return acronym_expansions(self.text).get(bare.casefold(), name)

    def _merge_surname(self, name: str) -> str:
        """ "Masud" or "Mr Massoud" after "Ahmad Massoud" in the same article: the same speaker."""
        words = [w for w in name.replace(".", " ").split() if w.lower() not in HONORIFICS]
        if len(words) == 1:
            return self.surnames.get(words[0].lower(), name)
        if words and not _never_a_surname(words[-1]):
            self.surnames.setdefault(words[-1].lower(), name)
        return name


#: The ending of a name that owns the noun after it.
_OWNED = ("'s", "’s")


def _names_no_person(name: str) -> bool:
    """ "Muslim Americans", "Amnesty International", "Pakistan": people, an organisation or
    a country, which "he" or "she" never refers to."""
    last = name.split()[-1].lower()
    return _never_a_surname(last) or (last.endswith("s") and last[:-1] in demonyms())


def _inside_quotation(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a quotation opened earlier in its paragraph."""
    opened = text.rfind("\n", 0, at) + 1
    before = text[opened:at]
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1


@functools.cache
def _countries_and_group_words() -> frozenset[str]:
    return frozenset((*(c.lower() for c in known_countries()), *words_with_role("group")))


def _never_a_surname(word: str) -> bool:
    """A country or an organisation's head word ends a name ("Tehrik-e-Taliban Pakistan",
    "Amnesty International Kenya", "Rapid Support Forces") but "Pakistan said" is no speaker
    of that name."""
    return word.lower() in _countries_and_group_words()


#: Capitalised words that open a sentence but never a name ("On Sunday Ahmad ..."); "The"
#: stays, so that "The United Nations" is read as the organisation it is.
_NOT_NAME_WORDS = word_set(
    "on in at after before but and when while however last this for to from with by as "
    "monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august "
    "september october november december"
)


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _name_start(run: str) -> int | None:
    """Offset in ``run`` where the name begins once opening non-name words are dropped, or None
    when fewer than two words are left."""
    words = run.split()
    drop = 0
    while drop < len(words) and words[drop].lower() in _NOT_NAME_WORDS:
        drop += 1
    if len(words) - drop < 2:
        return None
    return run.index(words[drop]) if drop else 0
