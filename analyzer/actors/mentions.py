"""Actor mentions in one parsed sentence: proper-noun phrases, acronyms and demonyms.

A name is a run of proper nouns by part of speech (not by capitals), joined by "of", hyphens,
"al-" particles and the apostrophe of "Workers' Party": "Kurdistan Workers' Party", "Islamic
State of Iraq", "al-Shabab". Titles are kept out of the name ("President Ashraf Ghani" is
"Ashraf Ghani"); days, months and other words that are never actors are dropped. A demonym
("Ukrainian forces", "the Israelis") is a mention of the actor it stands for.

Each mention has a ``role``: ``actor``, ``location`` (the object of "in", "at", "near" ...: "police
in Mogadishu" labels no one in Mogadishu) or ``target`` (the X of "anti-X" or "X-backed", named
but not as the one the phrase is about).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from analyzer.actors.kinds import head_word
from analyzer.actors.lexicon import capitals, demonyms, known_countries, words_with_role
from analyzer.boilerplate.kinds import dateline_end
from analyzer.words import base_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: "anti-Taliban", "pro-Hamas": the name is the phrase's target; "neo-Nazis" are not the Nazis.
TARGET_PREFIX = re.compile(r"\b(?:anti|pro|neo)\s?[-‐]\s?$", re.IGNORECASE)
_PARTICLES = frozenset(
    ("al", "el", "bin", "ibn", "abu", "de", "van", "von", "da", "au", "aux", "du", "la", "le")
)
_PARTICLES |= {"der", "den", "dos", "das", "del", "della", "di"}  # "Ursula von der Leyen"
_PARTICLES |= {"es"}  # "Dar es Salaam"
_PARTICLES |= {"en", "wal", "wa", "e", "ul"}  # "wal-Muslimin", "Lashkar-e-Taiba", "Hizb-ul-"
_APOSTROPHES = frozenset(("'", "’"))
#: An all-capital token of 2+ characters, with digits allowed ("PKK", "M23", "RSF").
_ACRONYM = re.compile(
    r"^(?=.*[A-ZÀ-ÖØ-Þ])[A-ZÀ-ÖØ-Þ0-9]{2,}$|^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z]{1,5}[A-Z]$"
)  # "AfD", "FETÖ"
_PROMINENCE = {
    "nsubj": 2,
    "nsubj:pass": 2,
    "obl:agent": 2,
    "compound": 1,
    "nmod:poss": 1,
    "amod": 1,
}
#: A participle glued to a name: "-backed", "-trained", "-funded"; or "-hurling", "-speaking",
#: whose name is the thing hurled or spoken ("BOTTLE-hurling thugs", "Russian-speaking towns").
_AGENT_SUFFIX = re.compile(r"[-‐](?:[a-z]+ed|led|run|made|[a-z]{2,}ing)\b")
#: The rest of a suspended hyphen: "U.S.-[ and Israeli-backed]".
_SUSPENDED_AGENT = re.compile(r"\s+(?:and|or)\s+[\w.'’]+[-‐](?:[a-z]+ed|led|run|made)\b")
#: After these a capital opens a quotation or a clause, not a name.
_OPENERS = frozenset(("“", '"', "‘", ":", ";", "—", "–", "(", "["))
#: Tokens that, between two name tokens, stay inside one name.
_HYPHENS = frozenset(("-", "‐", "–"))


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in a sentence. ``first``/``last`` are token indices of the sentence (the
    whole phrase, titles included); ``head`` is the token the rest of the phrase hangs on."""

    start: int
    end: int
    sentence: int
    first: int
    last: int
    head: int
    name: str
    kind: str
    role: str
    acronym_of: str | None = None
    dep: str = ""
    #: Written as a proper name (capitalised words): label words inside it are part of the name.
    proper: bool = True

    @property
    def prominence(self) -> int:
        """2 for a subject, 1 for a modifier or possessor, 0 otherwise: who acts comes first."""
        return _PROMINENCE.get(self.dep, 0)

    def covers(self, token: int) -> bool:
        return self.first <= token <= self.last


def find_mentions(sdoc: Doc, sentence: int, base: int, text: str) -> list[Mention]:
    """The actor mentions of the parsed sentence ``sdoc`` (which starts at ``base`` in ``text``).

    A name is a run of name words (and joiners) holding at least one proper noun or acronym, or
    ending in an organisation's head word: the tagger, trained on web text, often calls the
    capitalised words of an organisation's name nouns or adjectives ("Rapid/ADJ Support/NOUN
    Forces/NOUN"), and their capitals mid-sentence say what its tags do not."""
    mentions: list[Mention] = []
    in_name: set[int] = set()
    i = opening = _after_dateline(sdoc, base, text)
    while i < len(sdoc):
        if not _name_word(sdoc, i) or (i == opening and sdoc[i].lower_ in _COUNTS):
            i += 1  # "Seven Brimob officers were detained": the count opens no name
            continue
        j = i
        # A quoted title-case run is a slogan or a title ("'Trump Is A Racist'"), not a name.
        in_quotes = i > 0 and sdoc[i - 1].text in _OPENING_QUOTES
        while j + 1 < len(sdoc) and (
            _name_word(sdoc, j + 1)
            or _joins(sdoc, j + 1)
            or (not in_quotes and _capitalised_inside(sdoc, j + 1))
            or _name_number(sdoc, j + 1)
        ):
            j += 1
        while j > i and not (
            _name_word(sdoc, j)
            or _name_number(sdoc, j)
            or (not in_quotes and _ends_a_name(sdoc, j))
        ):
            j -= 1  # a joiner never ends a name
        while i + 1 < j and sdoc[i].lower_ in _TARGET_WORDS and sdoc[i + 1].text in _HYPHENS:
            i += 2  # "Anti-Taliban fighters" opening a sentence: Taliban is the target
        introduced = _named_from(sdoc, i, opening)
        whole = introduced < i  # "the group Just Stop Oil": every word is the name's
        if not whole:  # "members of Just/ADV Stop/VERB Oil": capitals before the name word
            k = i
            while True:
                if _capital_before(sdoc, k - 1, opening, in_name):
                    k -= 1
                elif (  # "the Syrian/ADJ Observatory/NOUN for Human Rights": one name
                    sdoc[k - 1].lower_ in ("for", "of")
                    and sdoc[k - 1].i > 0
                    and _capital_before(sdoc, k - 2, opening, in_name)
                ):
                    k -= 2
                elif _glued_by_hyphen(sdoc, k, opening, in_name):
                    k -= 2  # "Grand/ADJ-Bassam" opening a headline: one word, one name
                else:
                    break
            whole = k < i
            introduced = k
        i = introduced
        if _dated_name(sdoc, i, j):  # "the March 23 Movement": a date opens the group's name
            i -= 2
        run = range(i, j + 1)
        if i == j and _lone_opener(sdoc, i, text, opening):
            pass  # "Watchdog groups also consider ...": a common noun opening the sentence
        elif _is_demonym(sdoc, i, j):
            pass  # "North Korean dictator": a demonym of two words, read below
        elif _language_of(sdoc, j):
            pass  # "English-speaking regions": a language, no one's name
        elif i == j and _numbered_unit(sdoc, i):
            pass  # "troops of its 8 Division": a unit of a force named elsewhere
        elif any(_name_token(sdoc, k) for k in run) or sdoc[j].lower_ in words_with_role("group"):
            mention = _name_mention(sdoc, i, j, sentence, base, text)
            if mention is not None and whole:
                mention = _whole_name(mention, sdoc, base, text)
            if mention is not None:
                mentions.append(mention)
            in_name.update(run)
        i = j + 1
    mentions.extend(_demonym_mentions(sdoc, in_name, sentence, base, text))
    mentions.extend(_glued_agents(sdoc, sentence, base))
    for quoted in _quoted_names(sdoc, sentence, base, text):  # replaces the words' own runs
        mentions = [m for m in mentions if m.last < quoted.first or m.first > quoted.last]
        mentions.append(quoted)
    mentions.sort(key=lambda m: m.start)
    return _with_acronyms(sdoc, mentions)


def _dated_name(sdoc: Doc, first: int, last: int) -> bool:
    """A month and a day right before a name that ends in a group's head word ("March 23
    Movement", "April 6 Youth Movement"): the date the group is named after."""
    if first < 2 or sdoc[last].lower_ not in words_with_role("group"):
        return False
    day, month = sdoc[first - 1].text, sdoc[first - 2]
    if first > 2 and sdoc[first - 3].pos_ == "ADP":
        return False  # "On March 23 Police said": when, then who
    return day.isdigit() and 1 <= int(day) <= 31 and month.is_title and month.lower_ in _MONTHS


_MONTHS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december")
)  # fmt: skip


def _numbered_unit(sdoc: Doc, i: int) -> bool:
    """A military unit's word after its number ("8 Division", "the 3rd Brigade"), or an area's
    word before it ("the command's Region 4")."""
    number = sdoc[i - 1] if i > 0 else None
    numbered = number is not None and (number.like_num or _ORDINAL.fullmatch(number.text))
    if numbered and sdoc[i].lower_ in _UNIT_WORDS:
        return True
    after = sdoc[i + 1] if i + 1 < len(sdoc) else None
    return after is not None and after.like_num and sdoc[i].lower_ in _NUMBERED_AREAS


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_NUMBERED_AREAS = frozenset(("region", "zone", "sector", "area", "district", "ward"))
_UNIT_WORDS = frozenset(
    ("division", "brigade", "battalion", "regiment", "corps", "squadron", "army", "fleet")
)


def _capital_before(sdoc: Doc, k: int, opening: int, in_name: set[int]) -> bool:
    """A capitalised content word at ``k``, mid-sentence and in no name yet: part of the name
    after it ("members of Just/ADV Stop/VERB Oil")."""
    opens = k == opening or (k > opening and sdoc[k - 1].text in _OPENERS)
    if opens and k not in in_name and sdoc[k].is_title and sdoc[k].lower_ in demonyms():
        return True  # "Massacre: Lebanese Forces snipers ...": a demonym is capitalised anyway
    return (
        k > opening
        and k not in in_name
        and _capitalised_inside(sdoc, k)
        and sdoc[k].pos_ not in _FUNCTION_CLASSES
        and sdoc[k].is_alpha
        and not (  # "the mostly Christian Kuki tribes": an adjective with an adverb
            sdoc[k].pos_ == "ADJ" and any(c.dep_ == "advmod" for c in sdoc[k].children)
        )
    )


def _glued_by_hyphen(sdoc: Doc, k: int, opening: int, in_name: set[int]) -> bool:
    """A capitalised word glued by a hyphen to the name word at ``k``, even a sentence's first
    word ("Grand-Bassam"): written as one word, it is part of the name."""
    if k - 2 < opening or sdoc[k - 1].text not in _HYPHENS or (k - 2) in in_name:
        return False
    first = sdoc[k - 2]
    return (
        not first.whitespace_
        and not sdoc[k - 1].whitespace_
        and first.is_alpha
        and first.is_title
        and first.lower_ not in _TARGET_WORDS
    )


def _language_of(sdoc: Doc, j: int) -> bool:
    """A name glued by a hyphen to "speaking": "the English-speaking Northwest"."""
    return (
        j + 2 < len(sdoc)
        and sdoc[j + 1].text in _HYPHENS
        and not sdoc[j].whitespace_
        and sdoc[j + 2].lower_ in ("speaking", "speakers")
    )


def _named_from(sdoc: Doc, i: int, opening: int) -> int:
    """Where a name that a group noun or "called" introduces starts: its capitalised words of
    any part of speech belong to it ("the group Just/ADV Stop/VERB Oil", "a group called Women
    Are The Future")."""
    k = i
    while k - 1 > opening and sdoc[k - 1].is_title and sdoc[k - 1].is_alpha:
        k -= 1
    while k < i and sdoc[k].pos_ == "DET":
        k += 1  # "a group called The Resistance Front": the article is no part of the name
    if k == i or k == 0:
        return i
    before = sdoc[k - 1]
    introduces = before.lower_ in _INTRODUCING or (
        before.pos_ == "NOUN" and before.is_lower and before.lower_ in words_with_role("group")
    )
    return k if introduces else i


def _whole_name(mention: Mention, sdoc: Doc, base: int, text: str) -> Mention:
    """A name a group noun introduces, every word kept and read as a group's."""
    start = base + sdoc[mention.first].idx
    before = sdoc[mention.first - 1]
    kind = "group" if before.lower_ in words_with_role("group") else mention.kind
    return replace(mention, start=start, name=text[start : mention.end], kind=kind)


#: Numbers that open a sentence with a capital.
_COUNTS = frozenset(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "twenty", "thirty", "forty", "fifty", "hundreds", "thousands", "dozens", "many", "most",
     "some", "several", "few", "all")
)  # fmt: skip
#: Words after which a capitalised run is the name they introduce.
_INTRODUCING = frozenset(("called", "named", "dubbed"))


def _after_dateline(sdoc: Doc, base: int, text: str) -> int:
    """The first token after a dateline opening the sentence."""
    end = dateline_end(text, base)
    return next((t.i for t in sdoc if base + t.idx >= end), len(sdoc))


def _lone_opener(sdoc: Doc, i: int, text: str, opening: int = 0) -> bool:
    """A single capitalised word opening the sentence (or a quotation) that the text never
    writes with a capital anywhere else: the tagger's PROPN is then only its capital ("Watchdog
    groups", "Protesters"). A name recurs mid-sentence; acronyms keep their capitals anyway. A
    short text (a headline, a phrase) says too little about its names to judge. ``opening``:
    the sentence's first word after its dateline ("OUAGADOUGOU (Reuters) - Jihadist fighters")."""
    token = sdoc[i]
    opens = i in (0, opening) or sdoc[i - 1].text in _OPENERS or sdoc[i - 1].text in _OPENING_QUOTES
    if not opens:
        return False
    if token.text.isupper() and len(token.text) >= 4 and token.lower_ in _lower_case_words(text):
        return True  # "SUICIDE bombers from ...": a tabloid's opening capitals, no acronym
    if token.text.isupper() and token.lower_ in _FUNCTION_WORDS:
        return True  # "THE fanatics who massacred ...": an article in a tabloid's capitals
    if _ACRONYM.match(token.text) or token.lower_ in demonyms():
        return False
    if any(c.isupper() for c in token.text[1:]) or _apposed_description(sdoc, i):
        return False  # "B'Tselem, the Israeli rights group, said": a name however seldom written
    if token.lower_ in capitals() or token.lower_ in _country_names():
        return False  # "Damascus says it is fighting terrorists": a seat of government acting
    written = _capitals_mid_sentence(text)
    if len(written) >= MIN_CAPITALS_TO_JUDGE and token.text not in written:
        return True
    # "Community leaders told ..." where the text writes "a farming community" and the capital
    # only inside a longer name ("Benue State Community Volunteer Guards")
    return token.lower_ in _lower_case_words(text) and token.text not in _lone_capitals(text)


def _apposed_description(sdoc: Doc, i: int) -> bool:
    """A comma and a description of an organisation or a person after the word: "X, the
    Israeli rights group," / "X, a spokesman for ...": the word is a name."""
    if (
        i + 2 >= len(sdoc)
        or sdoc[i + 1].text != ","
        or sdoc[i + 2].lower_ not in ("the", "a", "an")
    ):
        return False
    nouns = words_with_role("group") | words_with_role("civil") | _person_titles()
    for k in range(i + 3, min(i + 8, len(sdoc))):
        if sdoc[k].pos_ == "NOUN" and sdoc[k].tag_ == "NN":
            return sdoc[k].lemma_.lower() in nouns
    return False


@functools.lru_cache(maxsize=4)
def _lower_case_words(text: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(text))


@functools.lru_cache(maxsize=4)
def _lone_capitals(text: str) -> frozenset[str]:
    """Capitalised words written mid-sentence on their own, not inside a longer capitalised run."""
    return frozenset(
        run.removesuffix("'s").removesuffix("’s")
        for run in _AFTER_LOWER.findall(text)
        if " " not in run and "\t" not in run
    )


@functools.lru_cache(maxsize=4)
def _capitals_mid_sentence(text: str) -> frozenset[str]:
    """Capitalised words written after a lower-case word or a comma, with the capitalised words
    right after them ("that Nicolas Maduro's regime": Nicolas and Maduro): capitals that are not
    the sentence's."""
    return frozenset(
        word.removesuffix("'s").removesuffix("’s")
        for run in _AFTER_LOWER.findall(text)
        for word in run.split()
    )


_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]*\b")
#: Distinct mid-sentence capitalised words a text needs before a lone opener is judged by them.
MIN_CAPITALS_TO_JUDGE = 10
#: The capitalised run is looked ahead at, not consumed: in "Yemen's Iran-backed Houthi rebels"
#: "Iran-backed" follows "'s" and "Houthi" follows "backed".
_AFTER_LOWER = re.compile(r"(?:\b[a-z][\w’'-]*|,)\s+(?=((?:[A-Z][\w’'-]*[ \t]+)*[A-Z][\w’'-]*))")


def _is_demonym(sdoc: Doc, first: int, last: int) -> bool:
    """A run of capitalised words that is a demonym ("North Korean", "South Sudanese"), or one
    word the tagger took for a name modifying a noun ("the Congolese/PROPN army"); a demonym
    standing alone names its people ("calling Mexicans rapists"), not their state."""
    words = [sdoc[k].lower_ for k in range(first, last)]
    table = demonyms()
    word = sdoc[last]
    before_noun = (
        word.i + 1 < len(sdoc) and sdoc[word.i + 1].pos_ == "NOUN" and word.lower_ in table
    )  # "the army and Rwandan troops", the demonym parsed as a conjunct of "army"
    # "backed by French/ADJ and U.S. troops": an adjective however the parse hung it
    adjective = word.pos_ == "ADJ" and word.lower_ in table
    if first == last and not (
        (word.dep_ in ("amod", "compound") and word.head.i > word.i) or before_noun or adjective
    ):
        return False
    return any(
        " ".join((*words, form)) in table
        for form in (sdoc[last].lower_, *base_forms(sdoc[last].lower_))
    )


_PROPER_TAGS = frozenset(("NNP", "NNPS"))


def _name_token(sdoc: Doc, i: int) -> bool:
    """A proper noun or an acronym: what makes a run of capitalised words a name."""
    token = sdoc[i]
    word = token.text
    if not word[:1].isalnum() or token.lower_.rstrip(".") in words_with_role("not-name"):
        return False
    if token.lower_ in words_with_role("not-alone"):
        return False
    if word.islower() and token.lower_ not in _PARTICLES:
        return False  # "eczema/PROPN": a name has a capital ("al-Qaeda", "M23", "al Qaeda")
    if _shouted(sdoc, i):
        return False  # "BLOCKADERS' RAMPAGE: ...": a headline in capitals, not acronyms
    if token.pos_ == "PROPN" or token.tag_ in _PROPER_TAGS:
        return True  # the two taggers may disagree: "United/NNP/VERB Nations"
    # Acronyms the tagger calls nouns or numbers ("M23", "RSF", "FETÖ") are names all the same.
    return bool(_ACRONYM.match(word)) and not word.isdigit()


def _shouted(sdoc: Doc, i: int) -> bool:
    """A word in a run of capitals that is no acronym: three words or more ("THUGS HURL
    BOTTLES"), one of eight letters or more ("BLOCKADERS' RAMPAGE"), or two opening the
    sentence before a colon ("MOB RULE:")."""

    def capitals(k: int) -> bool:
        word = sdoc[k].text
        return word.isalpha() and word.isupper() and len(word) > 1

    if not capitals(i):
        return False
    run = [i]
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(sdoc) and (capitals(k) or sdoc[k].text in _RUN_PUNCTUATION):
            if capitals(k):
                run.append(k)
            k += step
    # a kicker opening a headline: "MOB RULE: Trump fanatics storm Capitol"
    after = max(run) + 1
    kicker = min(run) == 0 and len(run) >= 2 and after < len(sdoc) and sdoc[after].text == ":"
    return kicker or len(run) >= 3 or any(len(sdoc[k].text) >= 8 for k in run)


#: Marks inside a run of capitals: "BLOCKADERS' RAMPAGE:".
_RUN_PUNCTUATION = frozenset(("'", "’", "'s", "’s", ":", "-", ","))


def _name_word(sdoc: Doc, i: int) -> bool:
    """A word that may stand in a name: a proper noun or acronym, or a capitalised noun or
    adjective that does not open the sentence ("Support", "Forces", "Islamic")."""
    token = sdoc[i]
    if any(c.dep_ == "advmod" for c in token.children) and token.pos_ == "ADJ":
        return False  # "the mostly Christian Kuki tribes": an adjective, however capitalised
    if _name_token(sdoc, i):
        return True
    # A sentence opener is a name word only before another ("Islamic State militants").
    opens_a_name = i == 0 and i + 1 < len(sdoc) and _name_word(sdoc, i + 1)
    return (
        (i > 0 or opens_a_name)
        and token.is_title
        and token.pos_ in ("NOUN", "ADJ", "X", "NUM", "PROPN")  # "Baloch/PROPN Liberation Army"
        and token.lower_.rstrip(".") not in words_with_role("not-name")
        and sdoc[i - 1].text not in _OPENERS
    )


@functools.cache
def _country_words() -> frozenset[str]:
    return frozenset(word.lower() for name in known_countries() for word in name.split())


#: How the parse joins a number to the name before it.
_NAME_NUMBER_DEPS = frozenset(("compound", "flat", "nummod", "nmod:unmarked"))


def _name_number(sdoc: Doc, i: int) -> bool:
    """A short number that belongs to the proper noun before it ("Barrio 18", "Calle 18"): the
    parse joins the two (compound or flat), and the number is no year or count."""
    token = sdoc[i]
    if i == 0 or not (token.text.isdigit() and len(token.text) <= 3):
        return False
    before, after = sdoc[i - 1], sdoc[i + 1] if i + 1 < len(sdoc) else None
    if after is not None and after.tag_ in ("NNS", "NNPS", "CD"):
        return False  # "Trump 3 times", "Gaza 2 million": a count of what follows
    if before.lower_ in _country_words():
        return False  # "Brazil 1, Germany 7": a score
    linked = before.head.i == i or token.head.i == i - 1
    return before.pos_ == "PROPN" and linked and token.dep_ in _NAME_NUMBER_DEPS


def _joins(sdoc: Doc, i: int) -> bool:
    """True for a token that may stand inside a name: "of" (+ "the"), a hyphen, an "al"
    particle, or the apostrophe of a plural possessive ("Workers' Party")."""
    token, nxt = sdoc[i], i + 1
    if nxt >= len(sdoc):
        return False
    lower = token.lower_
    if lower == "of":
        if _titled_name_before(sdoc, i):
            return False  # "Capt. Ron Johnson of the Missouri State Highway Patrol": two names
        nxt += sdoc[nxt].lower_ == "the"
        return nxt < len(sdoc) and _name_word(sdoc, nxt)
    if lower == "the":
        preceding = sdoc[i - 1].lower_
        after_joiner = preceding == "of" or (
            (preceding in _NAME_PREPOSITIONS or preceding == "in") and _joins(sdoc, i - 1)
        )
        return after_joiner and _name_word(sdoc, nxt)
    if lower == "and":  # "Justice and Equality Movement (JEM)": a name its acronym closes
        return _name_word(sdoc, nxt) and (
            _acronym_follows(sdoc, nxt) or _head_word_follows(sdoc, i - 1, nxt)
        )
    if token.text in _HYPHENS and (token.whitespace_ or sdoc[i - 1].whitespace_):
        return False  # "Beirut - Lebanon on Friday buried": a dash between words, no hyphen
    if token.text in _HYPHENS or lower in _PARTICLES:
        return (
            _name_word(sdoc, nxt)
            or (sdoc[nxt].text in _HYPHENS and nxt + 1 < len(sdoc))
            or (  # "Ursula von der Leyen": particles in a row
                sdoc[nxt].lower_ in _PARTICLES and nxt + 1 < len(sdoc) and _name_word(sdoc, nxt + 1)
            )
            or (  # "Port-au-Prince", "Saint-Denis-en-Val": a particle between hyphens
                token.text in _HYPHENS
                and sdoc[nxt].lower_ in _PARTICLES
                and nxt + 1 < len(sdoc)
                and sdoc[nxt + 1].text in _HYPHENS
            )
        )
    if token.text in _APOSTROPHES:
        return sdoc[i - 1].text.endswith("s") and _name_word(sdoc, nxt)
    if token.lower_ in ("'s", "’s"):  # "People's Protection Units": a common noun's possessive
        before = sdoc[i - 1]
        # "New People's Army", "People" tagged a proper noun, before a group's head word
        owner = before.pos_ == "NOUN" or (
            before.pos_ == "PROPN"
            # "People's Liberation Army", "Lord's Resistance Army": a common noun all the same
            and (sdoc[nxt].lower_ in words_with_role("group") or before.lower_ in _NAME_OWNERS)
        )
        return i > 0 and before.is_title and owner and _name_word(sdoc, nxt)
    if lower == "in":  # "Centre for Human Rights and Democracy in Africa (CHRDA)", "Al-Qaeda
        # in the Arabian Peninsula (AQAP)"
        nxt += sdoc[nxt].lower_ == "the"
        return (
            sdoc[i - 1].is_title
            and nxt < len(sdoc)
            and _name_word(sdoc, nxt)
            and _acronym_follows(sdoc, nxt)
        )
    if lower in _NAME_PREPOSITIONS:  # "Movement for Democratic Change", "Group for the Support"
        head_word = sdoc[i - 1]
        nxt += sdoc[nxt].lower_ == "the"
        return (
            head_word.is_title
            and nxt < len(sdoc)
            and _name_word(sdoc, nxt)
            # or a name its acronym closes: "Volunteers for the Defence of the Homeland (VDP)"
            and (head_word.lower_ in words_with_role("group") or _acronym_follows(sdoc, nxt))
        )
    return False


#: Articles, determiners and prepositions, which a tabloid may open a sentence with in capitals
#: ("THE", "AS"); not "US", "IT" or "IS", which may be names.
_FUNCTION_WORDS = frozenset(
    ("the", "a", "an", "this", "these", "those", "of", "in", "on", "at", "for", "by", "with",
     "and", "but", "as", "from", "after", "when")
)  # fmt: skip
#: Common nouns whose possessive opens a name when the tagger takes them for names.
_NAME_OWNERS = frozenset(("people", "lord", "women", "children", "peasants", "citizens"))


def _titled_name_before(sdoc: Doc, i: int) -> bool:
    """A person's title, then one to three proper nouns, right before token ``i``."""
    titles = words_with_role("title")
    k = i - 1
    while k >= 0 and i - k <= 3 and sdoc[k].pos_ == "PROPN":
        if sdoc[k].lower_.rstrip(".") in titles:
            return k < i - 1
        k -= 1
    if k >= 1 and sdoc[k].text == ".":  # "Capt . Ron Johnson": the tokenizer split the stop
        k -= 1
    return k >= 0 and k < i - 1 and sdoc[k].lower_.rstrip(".") in titles


def _head_word_follows(sdoc: Doc, before: int, i: int) -> bool:
    """Whether the capitalised words from ``i`` end in an organisation's head word that the
    word before "and" modifies too: "the Security and Defence Council"."""
    k = i
    while k + 1 < len(sdoc) and sdoc[k + 1].is_title:
        k += 1
    head = sdoc[k]
    return (
        head.lower_ in words_with_role("group")
        and sdoc[before].is_title
        and sdoc[before].dep_ in ("compound", "amod")
        and sdoc[before].head.i == k
    )


def _acronym_follows(sdoc: Doc, i: int) -> bool:
    """Whether the capitalised words from ``i`` (joined by "of", "the", "and") run up to an
    acronym in brackets: "... Islam and Muslims (JNIM)"."""
    k = i
    while k < len(sdoc) and (sdoc[k].is_title or sdoc[k].lower_ in _ACRONYM_JOINERS):
        k += 1
    return (
        k + 2 < len(sdoc)
        and sdoc[k].text == "("
        and bool(_ACRONYM.match(sdoc[k + 1].text))
        and sdoc[k + 2].text == ")"
    )


_ACRONYM_JOINERS = frozenset(("of", "the", "and", "for", "in"))


def _capitalised_inside(sdoc: Doc, i: int) -> bool:
    """A capitalised word after another in mid-sentence, whatever its part of speech: the words
    of a name ("Sock It Forward", "Doctors Without Borders", "Women Are The Future"). Title-case
    headlines are read apart (:func:`analyzer.actors.layer.is_title_case`)."""
    token = sdoc[i]
    return (
        i > 1
        and (token.is_title or (token.is_upper and len(token) > 1))
        and token.pos_ != "PUNCT"
        and token.lower_ not in ("i", "i'm", "i’m")
        and token.lower_.rstrip(".") not in words_with_role("not-name")
        and sdoc[i - 1].text not in _OPENERS
    )


def _ends_a_name(sdoc: Doc, i: int) -> bool:
    """A capitalised word inside a name may end it unless it is a function word ("The", "Of")."""
    return _capitalised_inside(sdoc, i) and sdoc[i].pos_ not in _FUNCTION_CLASSES


#: What an office after a title and "of" is over ("Commissioner of Police", "Secretary of State").
_TITLE_DOMAINS = frozenset(
    ("police", "state", "defence", "defense", "army", "staff", "interior", "justice", "foreign",
     "affairs", "information", "finance", "health", "security", "operations")
)  # fmt: skip
_TITLE_JOINS = frozenset(("of", "for", "and", "the"))
#: Lower-case prepositions inside an organisation's name, after its head word.
_NAME_PREPOSITIONS = frozenset(("for", "against", "without", "on"))  # "Commission on ..."
# the same in the languages organisations name themselves in: "Collectif Justice pour
# Barsalogho (CJB)", "Médecins Sans Frontières", "Frente para la Victoria"
_NAME_PREPOSITIONS |= {"pour", "sans", "contre", "para", "por", "contra", "für"}
_FUNCTION_CLASSES = frozenset(("ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART"))


def _name_mention(
    sdoc: Doc, first: int, last: int, sentence: int, base: int, text: str
) -> Mention | None:
    titles = words_with_role("title")
    if first < last and sdoc[first].lower_ in demonyms():
        # "Kurdish YPG", "Ukrainian President Volodymyr Zelensky": the demonym describes the
        # name; "Syrian Democratic Forces" keeps it
        rest = sdoc[first + 1]
        if rest.lower_.rstrip(".") in titles or (first + 1 == last and _ACRONYM.match(rest.text)):
            first += 1
    if _office_alone(sdoc, first, last, titles):
        return None  # "the Head of State said": an office, though "State" heads names too
    core = first
    # A title before a person's name is no part of it; an organisation's name keeps its first
    # word ("Justice and Equality Movement")
    organisation = first < last and sdoc[last].lower_ in words_with_role("group")
    dated = first + 2 <= last and _dated_name(sdoc, first + 2, last)  # "March 23 Movement"
    while (
        not dated
        and core <= last
        and (
            (
                sdoc[core].lower_.rstrip(".") in titles
                and not organisation
                and not _gen_z(sdoc, core)
            )
            or not _name_word(sdoc, core)
        )
    ):
        core += 1
    cut_title = sdoc[last].text.endswith(".") or (
        last + 1 < len(sdoc) and sdoc[last + 1].text == "."
    )
    if core > last or (cut_title and sdoc[last].lower_.rstrip(".") in titles and not organisation):
        # a title alone ("the President") is a description, not a name; so is one before a
        # name the abbreviation's stop cut off ("Police Col. Somkiat Wongsuwan")
        return None
    if core > first and sdoc[core - 1].lower_ == "of" and not organisation:
        # "Superintendent of Police Terna Akaa", "Secretary of State Marco Rubio": the title's
        # domain is no part of the name
        k = core
        while k <= last and (sdoc[k].lower_ in _TITLE_DOMAINS or sdoc[k].lower_ in _TITLE_JOINS):
            k += 1
        if k > last:
            return None  # "the Minister of State for Defence": a title alone, no name
        core = k if all(_name_word(sdoc, j) for j in range(k, last + 1)) else core
    if not organisation:  # "Balochistan Chief Minister Sarfraz Bugti": a title further in
        core = _after_last_title(sdoc, core, last, titles)
    start = base + sdoc[first].idx
    end = base + sdoc[last].idx + len(sdoc[last])
    name = text[base + sdoc[core].idx : end]
    head = _head_of(sdoc, first, last)
    kind = _kind(sdoc, first, core, last)
    role = _role(sdoc, head, start, text, end, first)
    if (
        role == "location"
        and kind in ("group", "person")
        and _preposition(sdoc, head, first) in ("at", "from")
        and not _place_of_a_thing(sdoc[head])
    ):
        role = "actor"  # "fired at the Taliban", "a threat from Kim": never where something happens
    dep = sdoc[head].dep_
    return Mention(start, end, sentence, first, last, head, name, kind, role, dep=dep)


def _office_alone(sdoc: Doc, first: int, last: int, titles: frozenset[str]) -> bool:
    """A title, "of" and its domain only: "Head of State", "Chief of Staff", "Secretary of
    State" with no name after them."""
    if last < first + 2 or sdoc[first].lower_ not in titles or sdoc[first + 1].lower_ != "of":
        return False
    return all(
        sdoc[k].lower_ in _TITLE_DOMAINS or sdoc[k].lower_ in _TITLE_JOINS
        for k in range(first + 2, last + 1)
    )


def _gen_z(sdoc: Doc, i: int) -> bool:
    """ "Gen Z", "Gen X": a generation, not the abbreviated title of a general."""
    return sdoc[i].lower_ == "gen" and i + 1 < len(sdoc) and sdoc[i + 1].text in ("X", "Y", "Z")


def _after_last_title(sdoc: Doc, core: int, last: int, titles: frozenset[str]) -> int:
    """Where a person's name starts after the last title inside a capitalised run ("Interim
    President Ahmed al-Sharaa", "Communication Minister Jean-Emmanuel Ouedraogo"): only name
    words may follow that title, and one must; else ``core``."""
    for t in range(last - 1, core - 1, -1):
        if sdoc[t].lower_.rstrip(".") not in titles:
            continue
        rest = range(t + 1, last + 1)
        if all(
            _name_word(sdoc, k) or sdoc[k].lower_ in _PARTICLES or sdoc[k].text in _HYPHENS
            for k in rest
        ):
            return t + 1
        return core
    return core


def _place_of_a_thing(token: Token) -> bool:
    """ "a press conference at State House": a name after "at" or "in" on a noun is where the
    thing is, whatever kind of name it is (after a verb, "fired at the Taliban", it is a target)."""
    return token.dep_ == "nmod" and any(
        c.dep_ == "case" and c.lower_ in ("at", "in", "inside") for c in token.children
    )


def _glued_agents(sdoc: Doc, sentence: int, base: int) -> list[Mention]:
    """ "U.S.-backed forces" written as one token: the name before "-backed" is a target."""
    found = []
    for token in sdoc:
        glued = _GLUED_AGENT.match(token.text)
        if glued is None or not token.text[:1].isupper():
            continue
        name = glued.group(1)
        start = base + token.idx
        kind = "place" if name.lower().replace(".", "") in _COUNTRY_SHORT else "other"
        found.append(Mention(start, start + len(name), sentence, token.i, token.i, token.i,
                             name, kind, "target", dep=token.dep_))  # fmt: skip
    return found


#: A name glued to an agent participle in one token ("U.S.-backed", "Iranian-trained").
_GLUED_AGENT = re.compile(r"^(.+?)[-‐](?:[a-z]+ed|led|run|made)$")
_COUNTRY_SHORT = frozenset(("us", "uk", "usa", "uae"))
_TARGET_WORDS = frozenset(("anti", "pro"))


def _quoted_names(sdoc: Doc, sentence: int, base: int, text: str) -> list[Mention]:
    """ "a group called ‘Women Are The Future’": a title-case phrase in quotation marks right
    after "called", "named" or "known as" is a name, whatever the tagger made of its words."""
    found = []
    for token in sdoc:
        if token.lower_ not in _NAMING_WORDS:
            continue
        i = token.i + 1
        if i < len(sdoc) and sdoc[i].lower_ == "as":
            i += 1
        if i + 1 >= len(sdoc) or sdoc[i].text not in _OPENING_QUOTES:
            continue
        close = next((k for k in range(i + 1, min(len(sdoc), i + 10))
                      if sdoc[k].text in _CLOSING_QUOTES), None)  # fmt: skip
        if close is None or close == i + 1:
            continue
        first, last = i + 1, close - 1
        while last > first and sdoc[last].is_punct:
            last -= 1  # 'the so-called "Cyber Partisans,"': the comma is no part of the name
        words = [sdoc[k] for k in range(first, close)]
        if all(w.is_title or w.is_upper or not w.is_alpha for w in words):
            start, end = base + sdoc[first].idx, base + sdoc[last].idx + len(sdoc[last])
            head = _head_of(sdoc, first, last)
            kind = "group" if _kind(sdoc, first, first, last) == "group" else "other"
            name = text[start:end]
            found.append(Mention(start, end, sentence, first, last, head, name, kind, "actor",
                                 dep=sdoc[head].dep_))  # fmt: skip
    return found


_NAMING_WORDS = frozenset(("called", "named", "dubbed", "known", "calling", "styled"))
_OPENING_QUOTES = frozenset(("“", '"', "‘", "'"))
_CLOSING_QUOTES = frozenset(("”", '"', "’", "'"))


def _head_of(sdoc: Doc, first: int, last: int) -> int:
    """The token of ``first..last`` whose syntactic head lies outside the phrase; in a name
    joined by "in" ("Al-Qaeda in the Arabian Peninsula"), of the words before it."""
    last = next((i - 1 for i in range(first + 1, last) if sdoc[i].lower_ == "in"), last)
    for i in range(last, first - 1, -1):
        head = sdoc[i].head.i
        if head == i or not first <= head <= last:
            return i
    return last


def _kind(sdoc: Doc, first: int, core: int, last: int) -> str:
    # "Al-Qaeda in the Arabian Peninsula": what it is, not where
    last = next((i - 1 for i in range(core + 1, last) if sdoc[i].lower_ == "in"), last)
    words = [sdoc[i].lower_ for i in range(core, last + 1) if sdoc[i].text[:1].isalnum()]
    if len(words) >= 2 and words[-1] in _PLACE_ENDINGS and words[0] != "islamic":
        return "place"  # "Borno State", "Niger Republic"; the Islamic State is a group
    if names_an_office(words):
        return "person"
    if first >= 1 and sdoc[first - 1].lower_ in _MEDIA_NOUNS:
        return "other"  # "public television ONAMA": an outlet, no party to the story
    if (
        any(word in words_with_role("group") for word in words)
        or (words and head_word(words) in words_with_role("civil"))  # "Associated Press"
        or (_ACRONYM.match(sdoc[last].text) and not _ROMAN.fullmatch(sdoc[last].text))
    ):
        return "group"  # "Fraijanes II" ends in a numeral, no acronym
    if words and " ".join(words) in _country_names() | _AMBIGUOUS_PLACES:
        return "place"  # "the Philippines" before the plural rule; "Congo", either Congo
    after = sdoc[last + 1] if last + 1 < len(sdoc) else None
    if after is not None and (
        after.lower_ in _PLACE_NOUNS or (after.text == "state" and after.pos_ == "NOUN")
    ):
        return "place"  # "the Donbas region", "Arauca province", "Kaduna state"
    if first >= 2 and sdoc[first - 1].lower_ == "of" and sdoc[first - 2].lower_ in _PLACE_NOUNS:
        return "place"  # "the town of Barsalogho", "the city of Jableh", "residents of Maga"
    if _first_of_two_places(sdoc, last):
        return "place"  # "[Sistan] and Baluchestan province"
    if _listed_under_a_place_noun(sdoc[last]):
        return "place"  # "districts such as Bajaur, Khyber and North Waziristan"
    if first >= 2 and sdoc[first - 2].text in _HYPHENS and sdoc[first - 1].lower_ in _HELD:
        return "place"  # "Indian-administered Kashmir", "rebel-held Idlib": a territory
    if core == last and _plural_name(sdoc[last]):
        return "group"  # "the Houthis", "the Sandinistas": a people or a movement
    if len(words) >= 2 and words[0] in _PLURAL_ARTICLES:
        return "group"  # "Los Zetas", "Los Choneros", "Les Républicains": plural, no person
    if any(
        (sdoc[i].pos_ in _FUNCTION_CLASSES and sdoc[i].is_title)
        or sdoc[i].lower_ in _NAME_PREPOSITIONS
        for i in range(core + 1, last)
    ):
        return "group"  # "Sock It Forward", "Mothers Against Violence": no person's name
    # "Bashar al-Assad", "Ursula von der Leyen": the particles aside, two or more capitalised
    # words ("al-Qaeda" is one)
    named = [sdoc[i] for i in range(core, last + 1) if sdoc[i].is_alpha]
    named = [t for t in named if t.lower_ not in _PARTICLES]
    if core > first or (len(named) >= 2 and all(t.is_title for t in named)):
        return "person"  # a title before it, or a first and last name
    return "other"


#: Places the country list leaves out because they name two (``lexicons/country_names.csv``):
#: no country's actor, but places all the same, never a group.
_AMBIGUOUS_PLACES = frozenset(("congo", "korea", "georgia", "holland", "persia"))


def names_an_office(words: list[str]) -> bool:
    """ "Government Spokesman", "Minister of Territorial Administration", "Officer Commanding
    Station" (lower-case words): an office, held by a person, whatever group word it holds."""
    if not words:
        return False
    head = head_word(words)
    titled = words[0] in _person_titles() and head not in words_with_role("group")
    return head in _person_titles() or titled


@functools.cache
def _person_titles() -> frozenset[str]:
    """Head words that make a name a person's office, however it is written."""
    return words_with_role("title") | {"spokesman", "spokeswoman", "spokesperson", "officer"}


#: Common nouns right before a news outlet's name ("state broadcaster RTI", "the daily Le Monde").
_MEDIA_NOUNS = frozenset(
    ("television", "tv", "radio", "broadcaster", "channel", "newspaper", "daily", "weekly",
     "outlet", "magazine")
)  # fmt: skip
#: A Roman numeral ("Fraijanes II", "Pope Leo XIV").
_ROMAN = re.compile(r"[IVXL]+")
#: Plural definite articles of Spanish and French that open the names of gangs, bands and parties.
_PLURAL_ARTICLES = frozenset(("los", "las", "les"))


#: Common nouns that, right after a name or before "of" and a name, say it is a place.
_PLACE_NOUNS = frozenset(
    ("region", "province", "city", "town", "village", "district", "county", "valley",
     "governorate", "oblast", "municipality", "neighbourhood", "neighborhood", "residents",
     "villagers", "inhabitants", "outskirts", "suburbs", "port", "island", "commune", "sector",
     "countryside", "area", "zone", "prefecture", "locality", "hamlet", "township", "canton",
     "subdistrict", "settlement")
)  # fmt: skip
#: Last words of a place's name ("Borno State", "the Red Sea", "the Gulf of Aden" is by "of").
_PLACE_ENDINGS = frozenset(
    ("state", "republic", "province", "region", "governorate", "oblast", "sea", "ocean",
     "strait", "river", "island", "islands", "peninsula", "desert", "coast", "headquarters")
)  # fmt: skip


#: Participles that make the name after them a territory ("Russian-occupied Crimea").
_HELD = frozenset(("administered", "controlled", "held", "occupied", "annexed", "ruled"))


def _first_of_two_places(sdoc: Doc, last: int) -> bool:
    """A name joined by "and" to one capitalised word before a place noun: "Sistan and
    Baluchestan province", "Kohgiluyeh and Boyer-Ahmad province"."""
    k = last + 1
    if k + 2 >= len(sdoc) or sdoc[k].lower_ != "and" or not sdoc[k + 1].is_title:
        return False
    while k + 3 < len(sdoc) and sdoc[k + 2].text in _HYPHENS and sdoc[k + 3].is_title:
        k += 2  # "Boyer-Ahmad"
    return sdoc[k + 2].lower_ in _PLACE_NOUNS


def _listed_under_a_place_noun(token: Token) -> bool:
    """A name, alone or the first of a list, right after a place noun and "such as",
    "including" or "like": "districts such as Bajaur, Khyber and North Waziristan", "border
    villages, including Kozinka and Glotovo" (by the words: the parse may hang the list on
    the verb)."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    sdoc = token.doc
    for case in (c for c in token.children if c.dep_ == "case" and c.lower_ in _LISTING):
        k = case.i - 1
        while k >= 0 and sdoc[k].lower_ in ("such", ","):
            k -= 1
        if k >= 0 and sdoc[k].lemma_.lower() in _PLACE_NOUNS:
            return True
    return False


#: The words that open a list of examples of a noun: "districts such as ...", "cities like ...".
_LISTING = frozenset(("as", "including", "like"))


def _plural_name(token: Token) -> bool:
    """A one-word name in the plural after "the" ("the Houthis"); "Brussels", which the tagger
    may call plural too, has no article."""
    after_the = token.i > 0 and token.doc[token.i - 1].lower_ == "the"
    return after_the and token.text.endswith("s") and not token.text.endswith(("ss", "us"))


def targeted(text: str, start: int, end: int | None = None) -> bool:
    """A name written as the target or agent of a modifier ("anti-Taliban", "pro-Hamas",
    "Rwanda-backed", "U.S.-trained"): the people the phrase names are not that actor."""
    if TARGET_PREFIX.search(text, max(0, start - 7), start):
        return True
    if end is not None and text[end - 1 : end] in _HYPHENS:  # "U.S.- and Israeli-backed"
        return _SUSPENDED_AGENT.match(text, end) is not None
    return end is not None and _AGENT_SUFFIX.match(text, end) is not None


def _role(
    sdoc: Doc, head: int, start: int, text: str, end: int | None = None, first: int | None = None
) -> str:
    if targeted(text, start, end):
        return "target"  # "Rwanda-backed rebels", "U.S.-trained forces": the agent, not the actor
    preposition = _preposition(sdoc, head, first)
    if preposition in words_with_role("locative"):
        return "location"
    owner = _first_of_list(sdoc[head]).head
    if preposition == "of" and owner.lemma_.lower() in _PARTS_OF_A_PLACE | _PLACE_NOUNS:
        return "location"  # "through the streets of Libreville", "the outskirts of Goma"
    return "actor"


#: Nouns for a part of a place, before "of" and its name: "the streets of Libreville".
_PARTS_OF_A_PLACE = frozenset(
    ("street", "centre", "center", "heart", "edge", "north", "south", "east", "west", "road",
     "square", "neighbourhood", "neighborhood", "district", "capital", "border")
)  # fmt: skip


def _first_of_list(token: Token) -> Token:
    """The first name of the list a name closes, when it has no preposition of its own."""
    while (
        token.dep_ == "conj"
        and token.head.i < token.i
        and not any(c.dep_ == "case" for c in token.children)
    ):
        token = token.head
    return token


def _preposition(sdoc: Doc, head: int, first: int | None = None) -> str | None:
    """The preposition a name is the object of: a ``case`` word on its head, or the word right
    before it that the parse hung inside it ("soldiers in Cabo Delgado", parsed with "Delgado"
    as the sentence's root)."""
    token = sdoc[head]
    listed = _first_of_list(token)  # "villages near Jableh and [Baniyas]": the list's "near"
    if listed.dep_ in ("obl", "nmod", "advmod", "obl:npmod"):
        case = next((c.lower_ for c in listed.children if c.dep_ == "case"), None)
        if case is not None:
            return case
    if first is not None and first > 0:
        before = sdoc[first - 1]
        if before.dep_ == "case" and first <= before.head.i <= token.i:
            return before.lower_
    return None


def _demonym_mentions(
    sdoc: Doc, in_name: set[int], sentence: int, base: int, text: str
) -> list[Mention]:
    table = demonyms()
    found = []
    for token in sdoc:
        if token.i in in_name or not token.text[:1].isupper():
            continue
        first = token.i
        keys = (token.lemma_.lower(), *base_forms(token.lower_))  # "Israelis" -> "israeli"
        key = next((k for k in keys if k in table), keys[0])
        if token.i > 0 and f"{sdoc[token.i - 1].lower_} {key}" in table:
            key, first = f"{sdoc[token.i - 1].lower_} {key}", token.i - 1  # "North Korean"
        demonym = table.get(key)
        if demonym is None or _one_national(token):
            continue
        start = base + sdoc[first].idx
        end = base + token.idx + len(token)
        role = _role(sdoc, token.i, start, text, end)  # "Russian-backed separatists": a target
        found.append(
            Mention(
                start,
                end,
                sentence,
                first,
                token.i,
                token.i,
                demonym.actor,
                demonym.kind,
                role,
                dep=token.dep_,
                proper=False,
            )
        )
    return found


def _one_national(token: Token) -> bool:
    """ "The Brazilian was described as a hero": a singular demonym heading its own phrase is one
    person of the country, not the country ("the French", "the Chinese" may be the state)."""
    collective = token.lower_.endswith(("sh", "ch", "ese", "ss"))
    return (
        token.tag_ in ("NN", "NNP")
        and token.dep_ not in ("amod", "compound", "flat")
        and not collective
        and any(c.dep_ == "det" for c in token.children)
    )


def _with_acronyms(sdoc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mark "Kurdistan Workers' Party (PKK)": the acronym in brackets names the same actor."""
    out = list(mentions)
    for k in range(1, len(out)):
        previous, current = out[k - 1], out[k]
        gap = [t.lower_ for t in sdoc[previous.last + 1 : current.first]]
        after = sdoc[current.last + 1].text if current.last + 1 < len(sdoc) else "."
        bracketed = gap == ["("] and after == ")"
        # "The U.N. Integrated Office in Haiti, known as BINUH, has reported ..."
        known_as = (
            gap in ([",", "known", "as"], [",", "also", "known", "as"])
            and after in ",.;"
            and current.name[:1] == previous.name[:1]  # not "the Office in Haiti, known as BINUH"
        )
        if (
            (bracketed or known_as)
            and current.first == current.last
            and _ACRONYM.match(current.name)
        ):
            out[k] = _replace_acronym(current, previous.name)
    return out


def _replace_acronym(mention: Mention, expansion: str) -> Mention:
    kind = "group" if mention.kind == "other" else mention.kind
    return replace(mention, kind=kind, acronym_of=expansion)


@functools.cache
def _country_names() -> frozenset[str]:
    return frozenset(d.actor.lower() for d in demonyms().values() if d.kind == "place")
