"""What kind of actor a name is, read from how the text treats it.

A name of two or more capitalised words with no title reads as a person by its shape ("Omar
Haddad"), but so does "Boko Haram". The text tells them apart: a group has members, fighters,
factions and a leader ("Boko Haram fighters", "the leader of Boko Haram", "Boko Haram's
factions"), names a group noun ("the Boko Haram movement"), follows one ("jihadist group Boko
Haram"), is set beside one ("Boko Haram, the jihadist group") and owns "its" ("Boko Haram said
its fighters ..."). A person has none of these.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from analyzer.actors.lexicon import words_with_role
from analyzer.words import lemma_in

if TYPE_CHECKING:
    from spacy.tokens import Token


#: How a parse may hang a name on the noun right before it ("the group [Boko Haram]"); a phrase
#: with a preposition ("the militia [including] Tom Devocht") is someone else.
_NAME_AFTER_NOUN = frozenset(("appos", "flat", "obj", "compound", "dep"))


def treated_as_group(token: Token) -> bool:
    """Whether the name whose head is ``token`` is treated as a group in its sentence."""
    parts = words_with_role("part")
    noun = token.head
    if noun.i != token.i and lemma_in(noun, parts | words_with_role("member")):
        if token.dep_ == "compound":  # "Boko Haram fighters", "a Boko Haram commander"
            return True
        case = next((c.lower_ for c in token.children if c.dep_ == "case"), "")
        if token.dep_ == "nmod" and case in ("of", "from"):  # "members of Boko Haram"
            return True
        if token.dep_ == "nmod:poss" and lemma_in(noun, parts):
            return True  # "Boko Haram's factions" (but "Shekau's fighters" may be his)
    groups = words_with_role("group") - words_with_role("state")  # not "a security guard"
    if token.dep_ == "compound" and noun.i != token.i and lemma_in(noun, groups):
        return True  # "the Viv Ansanm coalition", "the Wagner group"
    right_after = noun.i == token.left_edge.i - 1 and token.dep_ in _NAME_AFTER_NOUN
    right_after = right_after and not token.left_edge.is_punct  # a comma: an apposition, below
    if right_after and lemma_in(noun, groups):
        return True  # "the jihadist group Boko Haram", however the parser hung the name
    if any(c.dep_ == "compound" and c.i < token.i and lemma_in(c, groups) for c in token.children):
        return True  # the same with the group noun hung on the name
    listed = token.dep_ == "nmod" and any(
        c.dep_ == "case" and c.lower_ in ("such", "like", "including") for c in token.children
    )
    if listed and noun.tag_ == "NNS" and lemma_in(noun, groups):
        return True  # "jihadist groups such as Boko Haram" (not "the militia including Tom X")
    if any(c.dep_ == "conj" and any(t.lower_ == "its" for t in c.subtree) for c in token.children):
        return True  # "Boko Haram and its offshoot"
    apposed = [c for c in token.children if c.dep_ == "appos"]
    if token.dep_ == "appos" and not _after_a_persons_noun(token.head):
        apposed.append(token.head)
    if any(lemma_in(a, groups) for a in apposed):  # "Boko Haram, the jihadist group"
        return True
    if _group_noun_set_off_after(token, groups):
        return True
    return token.dep_ == "nsubj" and any(  # "Boko Haram said its fighters ..."
        t.lower_ == "its" and t.i > token.i for t in token.head.subtree
    )


def _after_a_persons_noun(noun: Token) -> bool:
    """ "a spokesman for the federation, Boruch Gorin": the group noun belongs to a person's
    noun before it, which the name after the comma (hung on the group noun) is."""
    case = next((c.lower_ for c in noun.children if c.dep_ == "case"), "")
    person = words_with_role("person") | words_with_role("title")
    return case in ("for", "of") and noun.head.i < noun.i and lemma_in(noun.head, person)


def described_as_one_person(token: Token) -> bool:
    """Whether the name whose head is ``token`` stands beside a singular noun for one person:
    "said Salif, a 31-year-old survivor"; "Rami, a Sweida man". A group noun is no person."""
    doc, k = token.doc, token.i + 1  # read from the words: the parse may hang the noun anywhere
    if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an"):
        return False
    for j in range(k + 2, min(k + 9, len(doc))):
        noun = doc[j]
        after = doc[j + 1] if j + 1 < len(doc) else None
        # the last noun of the phrase ("31-year-old survivor": "year" is glued to "old")
        if noun.pos_ == "NOUN" and (after is None or (after.pos_ != "NOUN" and after.text != "-")):
            groups = words_with_role("group") | words_with_role("collective")
            return (
                noun.tag_ == "NN"
                and not lemma_in(noun, groups)
                and (lemma_in(noun, words_with_role("person") | words_with_role("kin"))
                     or noun.lower_.endswith(_PERSON_ENDINGS))
            )  # fmt: skip
        if noun.pos_ not in ("ADJ", "NUM", "PUNCT", "NOUN", "PROPN") or noun.text == ",":
            return False
    return False


#: Endings of singular nouns for one person ("survivor", "farmer", "resident", "activist").
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ent", "man", "woman")


def _group_noun_set_off_after(token: Token, groups: frozenset[str]) -> bool:
    """ "Palestine Action, a group the government banned ...": a group noun set off by a comma
    right after the name, however the parse hung it (often on the verb)."""
    doc, k = token.doc, token.i + 1
    if k >= len(doc) or doc[k].text != ",":
        return False
    k += 1
    if k < len(doc) and doc[k].lower_ in ("a", "an", "the"):
        k += 1
    for j in range(k, min(k + 3, len(doc))):
        if doc[j].pos_ == "NOUN" and lemma_in(doc[j], groups):
            # the noun heads the apposition: not "X, the group's deputy director"
            return j + 1 == len(doc) or doc[j + 1].pos_ not in ("PART", "NOUN", "PROPN")
        if doc[j].pos_ not in ("ADJ", "NOUN", "ADV", "PUNCT"):
            return False
    return False


#: Nouns for an organisation of any kind, armed or not: a rights group is "the group", never
#: "the militia".
PLAIN_ORGANISATION = frozenset(
    ("group", "organisation", "organization", "body", "movement", "association", "coalition",
     "alliance", "council", "committee", "institution")
)  # fmt: skip


def civil_organisation(actor: str) -> bool:
    """A name that ends in the word of a non-combatant organisation ("Human Rights Watch",
    "Amnesty International", "the United Nations") or holds "rights" ("League of Human
    Rights"); "Reuters" is not: a one-word name says nothing): no armed label is its people."""
    written = actor.split()
    if len(written) > 2 and written[-1].isupper() and len(written[-1]) <= 3:
        written = written[:-1]  # "Migrant Centre NI": a place's initials after the head word
    words = [w.lower() for w in written]
    rights = "rights" in words  # "Togolese League of Human Rights", "Rights Commission"
    return len(words) > 1 and (rights or head_word(words) in words_with_role("civil"))


def intergovernmental(actor: str) -> bool:
    """The United Nations, its agencies and missions, and the unions of states ("the UN",
    "UNHCR", "NATO", "ECOWAS"): no label of an armed group or a group's members is theirs."""
    words = actor.lower().replace(".", "").split()
    if not words:
        return False
    agency = len(words) == 1 and words[0].startswith("un") and actor[:2].isupper()  # "UNRWA"
    # "African Union Mission in Somalia", "European Union Naval Force": a union's own mission
    mission = not _MISSION_WORDS.isdisjoint(words[1:]) and any(
        " ".join(words[:n]) in _INTERGOVERNMENTAL for n in (1, 2)
    )
    return (
        agency
        or mission
        or " ".join(words) in _INTERGOVERNMENTAL
        or words[:2] == ["united", "nations"]
    )


def commercial(actor: str) -> bool:
    """A company's name ("Dyck Advisory Group", "Wagner Holdings Ltd"): a firm's contractors may
    fight, but no label of outlaws or of a group's armed men is the firm's."""
    words = actor.lower().replace(".", "").replace(",", "").split()
    return len(words) > 1 and not _COMPANY_WORDS.isdisjoint(words)


#: Words only a company's name holds.
_COMPANY_WORDS = frozenset(
    ("inc", "ltd", "llc", "plc", "corp", "corporation", "company", "holdings", "advisory",
     "consulting", "consultancy", "industries", "enterprises", "energies", "airlines", "airways",
     "petroleum", "mining", "technologies")
)  # fmt: skip


#: Unions of states and the UN's own names, lower case without full stops.
_INTERGOVERNMENTAL = frozenset(
    ("un", "united nations", "eu", "european union", "nato", "african union", "au", "ecowas",
     "asean", "osce", "iaea", "ocha", "who", "world health organization", "icrc", "sadc", "eac",
     "igad", "arab league", "opec", "interpol", "monusco", "minusma", "unifil", "binuh", "iom",
     "international organization for migration", "international organisation for migration",
     "wfp", "world food programme", "world food program", "imf", "international monetary fund",
     "world bank", "icc", "international criminal court", "oas", "organization of american states",
     "gcc", "gulf cooperation council", "csto", "collective security treaty organization",
     "amisom", "atmis", "minusca", "unamid", "unmiss", "isaf", "kfor", "eufor", "ecomog")
)  # fmt: skip

#: Words naming what a union of states sends ("African Union Mission in Somalia").
_MISSION_WORDS = frozenset(("mission", "force", "forces", "operation"))


def head_word(words: list[str]) -> str:
    """The head word of a name's lower-case words: the last, or the one before its first
    preposition ("University of Indonesia", "Syrian Observatory for Human Rights")."""
    return next((w for w, after in itertools.pairwise(words) if after in _OF_A_NAME), words[-1])


#: Prepositions inside organisations' names, after their head word.
_OF_A_NAME = frozenset(
    ("for", "of", "on", "in", "against", "without", "pour", "sans", "para", "por")
)


def state_body(actor: str) -> bool:
    """A name of a state's office ("Interior Ministry", "State Department", "Ministry of
    Defence"): it speaks and acts for the state, but no label of armed men or of a group's
    members ("the attackers", "the loyalists") is its people."""
    words = actor.lower().split()
    if words in (["state"], ["government"]) or (len(words) == 1 and words[0] in _LEGISLATURES):
        return True  # "the State had no links to the armed gangs"; "Congress"
    # by its head word too: "the Philippines' Department of Migrant Workers"
    heads = (words[-1], head_word(words))
    if words[-2:] == ["constitutional", "council"]:
        return True  # the francophone states' constitutional court
    if "council" in heads and set(words) & _STATE_COUNCILS:
        return True  # "the Security and Defence Council", "the Sovereignty Council"
    if any(w.startswith(_HUNTERS) for w in words):
        return True  # "the National Anti-Terrorism Committee", Russia's "Investigative
        # Committee": never the attackers they hunt
    return len(words) > 1 and (any(w in _STATE_BODIES for w in heads) or words[0] == "ministry")


#: Words that make a council a state's ("National Security Council", "Council of Ministers").
_STATE_COUNCILS = frozenset(("security", "defence", "defense", "sovereignty", "ministers"))
#: Word beginnings of the names of bodies that investigate or fight attacks.
_HUNTERS = ("anti-terror", "counter-terror", "counterterror", "investigat")
#: A state's legislature, named by one word.
_LEGISLATURES = frozenset(("congress", "parliament", "senate", "knesset", "duma"))
_STATE_BODIES = frozenset(
    ("ministry", "department", "office", "bureau", "directorate", "secretariat", "presidency",
     "cabinet", "parliament", "assembly", "senate", "congress", "authority", "administration",
     "executive", "agency", "commission", "house", "court", "tribunal")
)  # fmt: skip
