"""Descriptive alternatives for a loaded label, each with its tier and the guide that backs it.

An answer key that lists "fighters, attackers, armed group" as bare words asks the teacher to
take them on trust; here each alternative carries the tier the lexicon gives it and the style
guides it follows (``basis`` in ``actor_labels.csv``), so the key explains why it is neutral.
"""

from __future__ import annotations

from functools import cache

from analyzer.signals.loaded import label_rows

#: The alternatives an answer key offers, in the order it offers them: words that say what the
#: people did or are, which every guide in the lexicon accepts (all are descriptive there).
SUGGESTED_TERMS = ("fighter", "attacker", "armed group")
#: The guides named in ``actor_labels.csv``'s ``basis`` column, as a teacher would cite them.
GUIDE_NAMES = {
    "AP": "AP Stylebook",
    "BBC": "BBC Editorial Guidelines",
    "REU": "Reuters Handbook",
    "GPSG": "Global Press Style Guide",
    "MOS": "Wikipedia Manual of Style",
    "OWN": "framescope's tier rules",
}
#: What each tier means for a writer, as the answer key says it.
TIER_REASONS = {
    "descriptive": "says who they are or what they did, without judging",
    "contested": "some guides accept it, others avoid it",
    "value-laden": "judges the group: guides allow it only with attribution",
    "dehumanizing": "describes people as less than human: never in the outlet's own voice",
    "honorific": "praises the group: guides allow it only with attribution",
}


@cache
def _lexicon() -> dict[str, tuple[str, str]]:
    return {row["term"].lstrip("="): (row["tier"], row["basis"]) for row in label_rows()}


def explained(term: str) -> str:
    """``term`` with the guides that back its tier, as the answer key cites it.

    >>> explained("armed group")
    "'armed group' (Global Press Style Guide)"
    """
    found = _lexicon().get(term)
    if found is None:
        return f"'{term}'"
    guides = ", ".join(GUIDE_NAMES.get(key, key) for key in found[1].split(";") if key)
    return f"'{term}' ({guides})"


def tier_reason(tier: str) -> str:
    """The tier and what it means for a writer: "value-laden: judges the group: ..."."""
    reason = TIER_REASONS.get(tier)
    return f"{tier}: {reason}" if reason else tier


def alternatives_note() -> str:
    """The answer key's sentence of descriptive alternatives, each with the guides behind it."""
    listed = "; ".join(explained(term) for term in SUGGESTED_TERMS)
    return f"Descriptive alternatives ({tier_reason('descriptive')}): {listed}."
