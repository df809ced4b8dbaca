"""Facts about a whole story that label attachment falls back on, computed once per document:
the country it is most about (by names, demonyms, the dateline), the person an attack's
perpetrator was identified as, the groups it joins to a state's forces or sets off as a state's
agency, and the state an official serves."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from analyzer.actors import ActorLayer, Mention
from analyzer.actors.kinds import state_body
from analyzer.actors.lexicon import (
    capitals,
    cities,
    country_names,
    demonyms,
    fold_name,
    known_countries,
    words_with_role,
)
from analyzer.boilerplate.kinds import dateline_end
from analyzer.document import Document
from analyzer.loaded.label_phrase import organisation_number
from analyzer.loaded.reference import state_forces
from analyzer.loaded.states import (
    LISTED_ARMS,
    NO_COMMAND,
    STATE_ARMS,
    STATE_TITLES,
    a_states_body,
    country_of_word,
    state_force,
    title_words,
)
from analyzer.loaded.syntax import case_marker, mention_of
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Words that tell of a protest, whose crowd rioters and looters may be part of.
_PROTEST_WORDS = re.compile(
    r"\b(?:protest|demonstrat|rall(?:y|ies)|march(?:es|ed|ers)?\b|riot|unrest|uprising)",
    re.IGNORECASE,
)
#: One or two capitalised words, as a demonym or a country is written ("Syrian", "South Sudan"),
#: or a demonym in a tabloid's capitals ("MEXICAN troops"; four letters or more, not "US").
_CAPITALISED_WORDS = re.compile(r"\b[A-Z](?:[a-z]+(?:[ -][A-Z][a-z]+)?|[A-Z]{3,})\b")
#: Demonyms only an adversary uses, which count nothing toward what a story is about.
_EPITHETS = frozenset(("zionist",))
#: A country's initials: "US", "U.S.", "DRC", "UAE".
_COUNTRY_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,4}\b")
#: A capitalised name going on after a run of two words ("Sudan People['s Liberation ...]").
_NAME_GOES_ON = re.compile(r"(?:['’]s)? [A-Z][a-z]")
#: A country or its people before "federal": "Ethiopia's federal army", "Mexican federal police".
_FEDERAL_OF = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:['’]s)? federal\b")
#: A state's armed bodies at home, by their common nouns.
_HOME_ARMS = frozenset(("army", "military", "police", "gendarmerie"))
#: Words for whoever carried out an attack besides the perpetrator labels.
_SUSPECTS = frozenset(("assassin", "suspect"))
#: What a group claims when it claims an attack.
_CLAIMED = frozenset(
    ("responsibility", "attack", "assault", "raid", "bombing", "killing", "massacre", "ambush",
     "operation", "siege", "shooting", "hijacking", "kidnapping")
)  # fmt: skip
#: A sentence that may say who claimed an attack: it is parsed for :attr:`StoryFacts.claimant`.
_CLAIMED_WORDS = "|".join(sorted(_CLAIMED))
_CLAIM_WORDS = re.compile(
    rf"\bclaim(?:s|ed)\b(?=[^.]{{0,80}}\b(?:{_CLAIMED_WORDS})\b)"
    rf"|\b(?:{_CLAIMED_WORDS})\b[^.]{{0,80}}\bclaimed by\b"
)


def claim_sentences(text: str, sentences: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of the sentences that may say who claimed an attack."""
    return {i for i, (start, end) in enumerate(sentences) if _CLAIM_WORDS.search(text, start, end)}


#: Letter runs of a sentence, to spot a perpetrator word in sentences that were never parsed.
_WORDS = re.compile(r"[A-Za-z]+")
#: "identified ... as Mevlut Mert Altintas", "named by police as X": up to four capitalised words
#: or initials ("Philipp F.").
_IDENTIFIED_AS = re.compile(
    r"\b(?:identified|named)\b[^.;]{0,60}?\bas ((?:[A-Z](?:[\w'’-]+|\.(?=[\s,]|$)) ?){1,4})"
)


def _shouted_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is written in capitals ("HELP US NOW"), where "US" may
    be a pronoun."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = re.findall(r"[A-Za-z]{3,}", text[start : end if end >= 0 else len(text)])
    return sum(w.isupper() for w in words) * 2 > len(words)


def _led_by(person: Token) -> Token | None:
    """The noun a "led by", "commanded by" or "headed by" clause with ``person`` as its agent
    describes: "the Sudanese Armed Forces (SAF), led by General Abdel Fattah al-Burhan"."""
    verb = person.head
    if case_marker(person) != "by" or verb.lemma_ not in _LEADING_VERBS:
        return None
    return verb.head if verb.dep_ in ("acl", "acl:relcl") else None


#: Words for a group's leader that are no title before a name ("SPLA-IO leader Riek Machar").
_LEADERS = frozenset(("leader", "head", "founder", "chairman", "boss", "warlord"))
#: Verbs by which a clause says who leads a group.
_LEADING_VERBS = frozenset(("lead", "command", "head"))


class StoryFacts:
    """The story-wide facts of one document (module doc), each computed on first use."""

    def __init__(self, doc: Document, layer: ActorLayer) -> None:
        self._doc = doc
        self._layer = layer

    @functools.cached_property
    def has_a_protest(self) -> bool:
        """Whether the story tells of a protest: a word for one or for its crowd in the body."""
        return bool(_PROTEST_WORDS.search(self._doc.text))

    @functools.cached_property
    def named_as_several(self) -> set[str]:
        """Actors whose name modifies a plural organisation noun somewhere ("KKK groups")."""
        layer, words = self._layer, self._doc.words
        found = set()
        for index in range(len(self._doc.sentences)):
            if not words.is_parsed(index):
                continue
            sdoc = words.parsed(index)
            for m in layer.mentions(index):
                token = sdoc[m.head] if m.first >= 0 else None
                if (
                    token is not None
                    and token.dep_ == "compound"
                    and (organisation_number(token.head) == "several")
                ):
                    found.add(layer.actor(m))
        return found

    def country(self, opposed: set[str]) -> str | None:
        """The country named most in the body, where it is named more than once; only a known
        country: a province or a town named twice has no rulers or soldiers ("Arauca", "the
        countryside of Jableh")."""
        layer, countries = self._layer, known_countries()
        # "Syria's Sharaa ... Syrian President ...": a country counts its demonyms too
        seen = {a for a in layer.salience if layer.kind(a) == "place"}
        seen |= set(self._demonym_counts) | set(self._country_counts)
        filed = self.dateline_country
        # ties go to the country the story is filed from, then to the one named first
        first = self.first_named
        places = [((self.times_named(actor), actor == filed, layer.salience.get(actor, 0),
                    -first.get(actor, len(self._doc.text))), actor)
                  for actor in seen & countries
                  if actor not in opposed and self.times_named(actor) >= 2]  # fmt: skip
        if places:
            return max(places)[1]
        # else the country of the dateline's city ("OUAGADOUGOU (AFP) - ... The junta rejected
        # the report"); else the only country the story names as acting, if named once
        if filed is not None and filed not in opposed and filed in countries:
            return filed
        named = [a for a in layer.salience if a in countries and a not in opposed]
        return named[0] if len(named) == 1 else None

    def country_of_forces(self, opposed: set[str]) -> str | None:
        """The country whose soldiers and "security forces" a story means when no phrase says:
        the country it is most about; of countries named as often, the one whose army, police
        or security forces the text names ("Myanmar's army said ..." in a story naming
        Bangladesh, where the Rohingya fled, as often)."""
        story = self.country(opposed)
        if story is None or story in self._forces_named:
            return story
        times = self.times_named(story)
        named = [
            (count, country)
            for country, count in self._forces_named.items()
            if country not in opposed and self.times_named(country) >= times
        ]
        return max(named)[1] if named else story

    def names_forces_of(self, country: str) -> bool:
        """Whether the text names the country's army, police or security forces by it."""
        return country in self._forces_named

    @functools.cached_property
    def _forces_named(self) -> Counter[str]:
        """How often each country's army, police or security forces are named by the country's
        name or demonym on them ("Myanmar's army", "the Burmese military", "Kenya's security
        forces"); not its "troops" or "soldiers", the words for a force sent abroad ("Rwandan
        troops" in Mozambique)."""
        layer, words, counts = self._layer, self._doc.words, Counter[str]()
        for index in range(len(self._doc.sentences)):
            if not words.is_parsed(index):
                continue
            mentions = layer.mentions(index)
            for token in words.parsed(index):
                if lemma_in(token, _HOME_ARMS) or state_forces(token):
                    country = self._country_on(token, mentions)
                    if country is not None:
                        counts[country] += 1
        return counts

    def _country_on(self, noun: Token, mentions: list[Mention]) -> str | None:
        """The country a possessive, demonym or name on ``noun`` names, if any; a demonym
        inside a force's name too ("Lebanese Armed Forces"). The word right before the noun
        counts whatever the parse made of it ("DHAKA, Bangladesh - Myanmar's army said")."""
        sdoc = noun.doc
        before = noun.i - 1 - (noun.i > 1 and sdoc[noun.i - 1].tag_ == "POS")
        owners = [c for c in noun.children if c.dep_ in ("nmod:poss", "amod", "compound")]
        for child in dict.fromkeys((*owners, *sdoc[before : before + 1])):
            mention = mention_of(child, mentions)
            if mention is not None and self._layer.actor(mention) in known_countries():
                return self._layer.actor(mention)
            country = country_of_word(child.lower_) if child.lower_ in demonyms() else None
            if country is not None:
                return country
        return None

    @functools.cached_property
    def identified_perpetrator(self) -> str | None:
        """The one person the story says an attack's perpetrator was identified as ("identified
        the gunman as X", "the attacker, named by police as X"); None for none or several."""
        perpetrators = words_with_role("perpetrator") | _SUSPECTS
        found = set()
        for sentence in self._doc.sentences:
            words = self._doc.text[sentence.start : sentence.end]
            if not any(w.lower().rstrip("s") in perpetrators for w in _WORDS.findall(words)):
                continue
            for match in _IDENTIFIED_AS.finditer(words):
                found.add(self._layer.actor_named(match.group(1).strip()))
        return found.pop() if len(found) == 1 else None

    def times_named(self, actor: str) -> int:
        """How often the body names a place, by its names or, for a country, its demonyms (and
        its name written in sentences the parse never read)."""
        by_name = self._layer.salience.get(actor, 0) if self._layer.kind(actor) == "place" else 0
        return max(by_name, self._country_counts[actor]) + self._demonym_counts[actor]

    @functools.cached_property
    def first_named(self) -> dict[str, int]:
        """Where each place is first named, by a name or a demonym."""
        first: dict[str, int] = {}
        for index in range(len(self._doc.sentences)):
            for m in self._layer.mentions(index):
                actor = self._layer.actor(m)
                first[actor] = min(first.get(actor, m.start), m.start)
        for actor, start in self._demonym_uses:
            first[actor] = min(first.get(actor, start), start)
        return first

    @functools.cached_property
    def _demonym_uses(self) -> list[tuple[str, int]]:
        """(country, where) for each country's demonym written in the body ("Syrian", "South
        Sudanese")."""
        table, uses = demonyms(), []
        for match in _CAPITALISED_WORDS.finditer(self._doc.text):
            words = match.group(0).lower()  # "South Sudanese", "Syrian President"
            entry = next((table[w] for w in (words, *re.split("[ -]", words)) if w in table), None)
            if words in _EPITHETS:
                continue  # "the Zionist regime" names Israel but says nothing of the story's
            if entry is not None and entry.kind == "place":
                uses.append((entry.actor, match.start()))
        return uses

    @functools.cached_property
    def _demonym_counts(self) -> Counter[str]:
        return Counter(actor for actor, _ in self._demonym_uses)

    @functools.cached_property
    def _country_counts(self) -> Counter[str]:
        """How often each country's name or capital is written in the body ("Tanzania's main
        opposition party says ..."), in sentences parsed or not."""
        names = {**capitals(), **{country.lower(): country for country in known_countries()}}
        counts = Counter[str]()
        text = self._doc.text
        for match in _CAPITALISED_WORDS.finditer(text):
            if match.group(0).isupper():
                continue  # a dateline's city ("DHAKA, Bangladesh -"): the dateline tells of it
            words = match.group(0).lower().split()
            exact = " ".join(words) in names
            if not exact and _NAME_GOES_ON.match(text, match.end()):
                continue  # "the Sudan People's Liberation Movement": a party, not Sudan
            # the longest name in the run: "South Sudan People's ..." is South Sudan, not Sudan
            spans = sorted(
                ((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)),
                key=lambda span: span[0] - span[1],
            )
            country = next(
                (names[" ".join(words[i:j])] for i, j in spans if " ".join(words[i:j]) in names),
                None,
            )
            if country is not None:
                counts[country] += 1
        for match in _COUNTRY_ACRONYM.finditer(text):  # "the US", "U.S.", "the DRC"
            country = country_names().get(match.group(0).lower())
            if country is not None and not _shouted_line(text, match.start()):
                counts[country] += 1
        return counts

    @functools.cached_property
    def federal_country(self) -> str | None:
        """The one country the text calls federal ("Ethiopia's federal army", "the Ethiopian
        federal government"): its "federal troops" are that state's, however often a neighbour
        is named."""
        names = {**capitals(), **country_names()}
        places = {w: entry.actor for w, entry in demonyms().items() if entry.kind == "place"}
        found = set()
        for match in _FEDERAL_OF.finditer(self._doc.text):
            words = match.group(1).lower()
            country = names.get(words) or places.get(words)
            if country is None and words.title() in known_countries():
                country = words.title()
            if country is not None:
                found.add(country)
        return found.pop() if len(found) == 1 else None

    @functools.cached_property
    def dateline_country(self) -> str | None:
        """The country of the city a wire story was filed from ("LA PAZ (AP) -" is Bolivia's
        capital; "IMPHAL, India (Reuters) -" names it), if a dateline opens the body."""
        text = self._doc.text
        names = {**capitals(), **country_names()}
        for sentence in self._doc.sentences[:3]:
            end = dateline_end(text, sentence.start)
            if end == sentence.start:
                continue
            place = text[sentence.start : end].split("(")[0].strip(" -—–:")
            # "GOMA, Democratic Republic of Congo, Nov 19": the country, else the city, else a
            # second place ("SITTWE, Myanmar/COX'S BAZAR, Bangladesh")
            parts = [part.strip().lower() for part in re.split(r"[,/]", place)]
            for word in parts[1:2] + parts[:1] + parts[2:]:
                if word in names:
                    return names[word]
                if word.title() in known_countries():
                    return word.title()
            # else the city's country ("CULIACÁN, Sin. -" is Mexico's): a local paper may never
            # name its own country
            city = cities().get(fold_name(parts[0]))
            if city is not None:
                return city
        return None

    @functools.cached_property
    def state_allies(self) -> frozenset[str]:
        """Groups the text joins to a state's army or police by "and" ("the army and VDP drive
        back terrorists"): a state's auxiliaries, not the armed group a story is about."""
        allies = set()
        for index, sdoc, m in self._parsed_group_mentions():
            token = sdoc[m.head]
            # every conjunct of the list: "the Navy, Air Force, police, Rapid Action Battalion
            # (RAB) and Border Guard Bangladesh", all hung on the first
            first = token.head if token.dep_ == "conj" else token
            if case_marker(first) in ("between", "against"):
                continue  # "a power struggle between the army and the RSF": two sides
            joined = [first, *(c for c in first.children if c.dep_ == "conj")]
            if any(
                c.dep_ == "cc" and c.lower_ in ("or", "nor") for t in joined for c in t.children
            ):
                continue  # "Neither the soldiers nor the Taliban ask us": alternatives
            if any(
                t.i != token.i and (lemma_in(t, LISTED_ARMS) or self._names_a_force(t, index))
                for t in joined
            ):
                allies.add(self._layer.actor(m))
        return frozenset(allies)

    @functools.cached_property
    def claimant(self) -> str | None:
        """The one group the story says claimed the attack ("Al-Mourabitoun ... claimed
        responsibility", "the attack was claimed by AQIM"); None for none or several."""
        found = set()
        layer, words = self._layer, self._doc.words
        named = [
            (words.parsed(index), m)
            for index in range(len(self._doc.sentences))
            if words.is_parsed(index)
            for m in layer.mentions(index)
            if m.first >= 0 and layer.kind(layer.actor(m)) not in ("person", "place")
        ]
        for sdoc, m in named:
            inside = range(m.first, m.last + 1)  # the name's word the rest of the clause hangs on
            token = next((t for t in sdoc[m.first : m.last + 1] if t.head.i not in inside), None)
            if token is None:
                continue
            verb = token.head
            after = m.last + 1
            if after < len(sdoc) and sdoc[after].text == ")":
                after += 1  # "Al-Qaeda in the Islamic Maghreb (AQIM) claimed"
            written_before = after < len(sdoc) and sdoc[after].lemma_.lower() == "claim"
            if written_before:  # "On Sunday, AQIM claimed ...", the name parsed as Sunday's
                token, verb = sdoc[after - 1], sdoc[after]
            if verb.lemma_.lower() != "claim" or m.role != "actor":
                continue
            active = (token.dep_ == "nsubj" or written_before) and any(
                c.dep_ == "obj" and c.lemma_.lower() in _CLAIMED for c in verb.children
            )
            passive = token.dep_ == "obl:agent" and any(
                c.dep_ == "nsubj:pass" and c.lemma_.lower() in _CLAIMED for c in verb.children
            )
            if active or passive:
                found.add(layer.actor(m))
        return found.pop() if len(found) == 1 else None

    def _parsed_group_mentions(self) -> Iterator[tuple[int, Doc, Mention]]:
        """Every group's mention the parse holds: its sentence, the parsed sentence, itself."""
        layer, words = self._layer, self._doc.words
        for index in range(len(self._doc.sentences)):
            if not words.is_parsed(index):
                continue
            sdoc = words.parsed(index)
            for m in layer.mentions(index):
                if m.first >= 0 and layer.kind(layer.actor(m)) == "group":
                    yield index, sdoc, m

    @functools.cached_property
    def _state_bodies_named(self) -> frozenset[str]:
        """Names the text sets off as a state's agency or force ("an officer of Russia's
        military intelligence agency, the GRU", "the RAB, Bangladesh's elite police unit") or
        gives a state's army or police as owner ("the army's Special Services Group"): a
        state's body whatever the name says, so no outlaw's label is theirs."""
        found = set()
        for _, sdoc, m in self._parsed_group_mentions():
            before = m.first - 1 - (m.first > 0 and sdoc[m.first - 1].lower_ == "the")
            owned = m.first >= 2 and sdoc[m.first - 1].tag_ == "POS"
            if owned and lemma_in(sdoc[m.first - 2], STATE_ARMS | {"government"}):
                found.add(self._layer.actor(m))  # "the police's Special Anti-Robbery Squad"
            elif before >= 1 and sdoc[before].text == "," and a_states_body(sdoc[before - 1]):
                found.add(self._layer.actor(m))
            elif m.last + 2 < len(sdoc) and sdoc[m.last + 1].text == ",":
                described = sdoc[m.last + 2 : min(len(sdoc), m.last + 9)]
                closing = next((t.i for t in described if t.is_punct), len(sdoc))
                if any(a_states_body(t) for t in described if t.i < closing):
                    found.add(self._layer.actor(m))
        return frozenset(found)

    def a_state_body(self, actor: str) -> bool:
        """A state's office by its name, or set off as a state's agency in the text."""
        return state_body(actor) or actor in self._state_bodies_named

    def _names_a_force(self, token: Token, index: int) -> bool:
        """Whether ``token`` heads the name of a state's force ("Border Guard Bangladesh")."""
        mention = mention_of(token, self._layer.mentions(index))
        return mention is not None and state_force(self._layer.actor(mention))

    def _parsed_mentions_of(self, actor: str) -> Iterator[tuple[Doc, list[Mention], Mention]]:
        """Every mention of ``actor`` the parse holds: its parsed sentence, that sentence's
        mentions, and the mention."""
        layer, words = self._layer, self._doc.words
        for index in range(len(self._doc.sentences)):
            if not words.is_parsed(index):
                continue
            sdoc, mentions = words.parsed(index), layer.mentions(index)
            for m in mentions:
                if m.first >= 0 and layer.actor(m) == actor:
                    yield sdoc, mentions, m

    def group_a_person_leads(self, actor: str) -> str | None:
        """For a person the text titles as a group's officer ("SPLA-IO leader Riek Machar", "RSF
        commander Mohamed Hamdan Dagalo"), the one group whose name opens his title; None for
        anyone else or a person titled for two groups."""
        layer = self._layer
        if layer.kind(actor) != "person":
            return None
        offices, found = words_with_role("title") | _LEADERS, set()
        for sdoc, mentions, m in self._parsed_mentions_of(actor):
            title = [t for t in title_words(sdoc, m) if lemma_in(t, offices)]
            opening = min((t.i for t in title), default=0)
            owner = mention_of(sdoc[opening - 1], mentions) if opening > 0 else None
            led = _led_by(sdoc[m.head])
            if owner is None and led is not None:  # "the Sudanese Armed Forces, led by X"
                owner = mention_of(led, mentions)
            if owner is not None and layer.kind(layer.actor(owner)) == "group":
                found.add(layer.actor(owner))
        return found.pop() if len(found) == 1 else None

    def state_of_an_official(self, actor: str) -> str | None:
        """For a person the text titles as a state's official anywhere ("Prime Minister
        Abhisit Vejjajiva", "Russian President Vladimir Putin"), the state: the country his
        title names, else the story's; None for anyone else ("M23 president Bertrand Bisimwa")."""
        layer = self._layer
        if layer.kind(actor) != "person":
            return None
        for sdoc, mentions, m in self._parsed_mentions_of(actor):
            title = title_words(sdoc, m)
            if not any(lemma_in(t, STATE_TITLES) for t in title):
                continue
            if any(t.lower_ in NO_COMMAND for t in title):
                return None  # "First Vice President Riek Machar": his troops are his own
            before = sdoc[m.first - 1] if m.first > 0 else None
            if before is not None and before.lower_ in demonyms():
                title = [*title, before]  # "Russian President Vladimir Putin"
            places = [country_of_word(t.lower_) for t in title]
            opening = min(t.i for t in title)
            owner = mention_of(sdoc[opening - 1], mentions) if opening > 0 else None
            acronym = any(
                t.text.isupper() and len(t.text) > 1 and not p
                for t, p in zip(title, places, strict=True)
            )
            if acronym or (owner is not None and layer.kind(layer.actor(owner)) == "group"):
                return None  # "M23 president Bertrand Bisimwa": a group's office, no state's
            found = [p for p in places if p]
            return found[0] if found else self.country(set())
        return None
