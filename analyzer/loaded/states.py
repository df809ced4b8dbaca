"""States by their words and names: a state's forces, bodies and officials' titles, the
country a word names, and peoples. Label attachment reads these to keep a state's soldiers off
an armed group named near, and an outlaw's label off a state's army."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from analyzer.actors import Mention
from analyzer.actors.lexicon import country_names, demonyms, known_countries
from analyzer.loaded.reference import state_forces
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Words for a state's own armed men, which an armed group named near does not take.
STATE_ONLY = frozenset(("soldier", "troop", "police", "policeman", "conscript"))
#: A state's armed bodies, by their common nouns.
STATE_ARMS = frozenset(("army", "military", "soldier", "troop", "police", "gendarmerie"))
#: A state's arms as a list of services names them ("the Navy, Air Force, police and ...").
LISTED_ARMS = STATE_ARMS | {"navy", "coastguard"}
#: A state's bodies besides its forces and rulers (actor words "state"): "the ministry said its
#: forces ...".
STATE_BODIES = frozenset(("ministry", "cabinet", "presidency", "government"))
#: Title words of a state's officials: the troops of "Army chief X" or "President X" are the
#: state's, not the man's.
STATE_TITLES = frozenset(("army", "military", "president", "minister"))
#: Words in a title that command no state's forces ("Vice President", "former President").
NO_COMMAND = frozenset(("vice", "deputy", "former", "ex", "opposition"))
#: Last words of the name of a state's police, task force, guard or service ("Multinational Joint Task
#: Force", "National Police Service", "Immigration and Customs Enforcement", "Border Patrol").
_STATE_FORCE_NAMES = frozenset(
    ("police", "gendarmerie", "navy", "command", "force", "service", "guard", "guards",
     "enforcement", "patrol", "corps")
)  # fmt: skip
#: Last words of a state's army when its country's name or demonym is all that comes before
#: ("Nigerian Army"; "New People's Army" and "Arakan Army" are rebels).
_ARMY_NAMES = frozenset(("army", "military"))
#: Common nouns for the country a story is in: "the West African country's forces".
COUNTRY_NOUNS = frozenset(("country", "nation"))


def state_force(actor: str) -> bool:
    """A name of a state's army, police or task force ("Nigerian Army", "Kebbi State Police
    Command")."""
    words = actor.lower().split()
    if "of" in words[1:]:  # "Armed Forces of the Democratic Republic of the Congo", not
        # "Army of Islam", "Revolutionary Armed Forces of Colombia", "Gaitanist Army of Colombia"
        body, country = words[: words.index("of")], words[words.index("of") + 1 :]
        return country[-1] in _country_last_words() and body in _NATIONAL_FORCES
    if len(words) > 2 and words[-1] in _country_last_words():
        words = words[:-1]  # "Border Guard Bangladesh": the force, then its country
    if len(words) < 2:
        return bool(words) and words[0] in _STATE_FORCE_NAMES | _ARMY_NAMES  # "the Army"
    if "infantry" in words or "military" in words:
        return True  # "the 62nd Infantry Battalion", "the Western Military District"
    national = " ".join(words[:-1]) in _national_words()
    if words[-2:] in (["security", "forces"], ["armed", "forces"]):
        return True  # "Defence and Security Forces", "Sudanese Armed Forces" (not the FARC's end)
    if words[-2] in ("defence", "defense") and words[-1] in ("force", "forces"):
        # "Kenya Defence Forces", "South African National Defence Force"; not the "Popular
        # Defence Forces" of a militia: a country's name or demonym opens it
        return any(" ".join(words[:n]) in _national_words() for n in (1, 2))
    return words[-1] in _STATE_FORCE_NAMES or (words[-1] in _ARMY_NAMES and national)


#: The words of a state's forces named before "of" and its country ("Armed Forces of Ukraine").
_NATIONAL_FORCES = (
    ["armed", "forces"], ["army"], ["national", "army"], ["police"], ["national", "police"],
    ["defence", "forces"], ["defense", "forces"], ["security", "forces"], ["police", "service"],
)  # fmt: skip


@functools.cache
def _country_last_words() -> frozenset[str]:
    """The last words of country names, lower case: "congo" of "Republic of the Congo"."""
    return frozenset(c.lower().split()[-1] for c in known_countries())


@functools.cache
def _national_words() -> frozenset[str]:
    """Demonyms and country names, lower case: what comes before a state's "Army"."""
    return frozenset(demonyms()) | {c.lower() for c in known_countries()}


def a_states_body(noun: Token) -> bool:
    """A noun for a state's agency or force owned by a country ("Russia's military intelligence
    agency", "Bangladesh's elite police unit", "the Kenyan army")."""
    if not lemma_in(noun, _AGENCY_NOUNS):
        return False
    owners = [c for c in noun.children if c.dep_ in ("nmod:poss", "amod", "compound")]
    return any(country_of_word(c.lower_) is not None for c in owners)


#: Nouns for a state's agencies and forces.
_AGENCY_NOUNS = frozenset(
    ("agency", "ministry", "service", "army", "police", "unit", "force", "guard", "directorate",
     "bureau", "department", "intelligence")
)  # fmt: skip


def country_of_word(word: str) -> str | None:
    """The country a demonym or a country's name written as one word names ("russian",
    "russia", "us")."""
    entry = demonyms().get(word)
    if entry is not None and entry.kind == "place":
        return entry.actor
    found = country_names().get(word) or country_names().get(word.replace(".", ""))
    return found or _countries_by_lower_name().get(word)


@functools.cache
def _countries_by_lower_name() -> dict[str, str]:
    return {country.lower(): country for country in known_countries()}


def a_people(actor: str) -> bool:
    """A people a demonym names ("Palestinians", "Kurds", "the Rwandans"): no organisation whose
    attackers or militants a label near it would be."""
    plural = actor.lower().endswith("s") and actor.lower()[:-1] in demonyms()
    return actor in _peoples() or plural


@functools.cache
def _peoples() -> frozenset[str]:
    return frozenset(d.actor for d in demonyms().values() if d.kind == "group")


def domestic_forces(head: Token) -> bool:
    """ "federal troops", "government forces": the home state's, read beside the dateline."""
    return state_forces(head) and any(
        c.lower_ in ("federal", "government") for c in head.children if c.i < head.i
    )


def federal(head: Token) -> bool:
    """ "federal troops", "federal forces": a federation's own."""
    return any(c.lower_ == "federal" for c in head.children if c.i < head.i)


def title_words(sdoc: Doc, mention: Mention) -> list[Token]:
    """The words of a name's title: inside the mention before its head, and the nouns right
    before it the parse left out ("Army chief | Abdel Fattah al-Burhan")."""
    words = list(sdoc[mention.first : mention.head])
    i = mention.first - 1
    while i >= 0 and mention.first - i <= 3 and sdoc[i].pos_ in ("NOUN", "PROPN"):
        words.append(sdoc[i])
        i -= 1
    return words
