"""Actors found in the text: names, acronyms and demonyms by part of speech, grouped per document,
with a story pack as an optional correction. Shared by every signal that asks "who"."""

from analyzer.actors.layer import ActorLayer, name_key
from analyzer.actors.mentions import Mention

UNRESOLVED = "unresolved"

__all__ = ["UNRESOLVED", "ActorLayer", "Mention", "name_key"]
