"""Lemmas of the word layer: a table read from the treebanks, then the regular English endings.

A word's lemma is the one the training treebanks (UD English EWT train and the GUM news and
interview train documents) give most often to that form with that Penn tag; a form they never
saw is undone by its tag's regular ending ("sanctioned"/VBD -> "sanction", "militias"/NNS ->
"militia"); a proper noun keeps its spelling. On EWT, with the tags the word layer predicts,
this is more often right than the network lemmatizer it replaces (0.962 against 0.957 of the
test words, ``benchmarks/WORD_LAYER.md``) and costs a dictionary lookup instead of a tenth of
the parse. The table is ``lemmas.tsv`` beside the model, written by
``benchmarks/build_lemma_table.py``; it keeps only the forms the endings would get wrong.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

TABLE_NAME = "lemmas.tsv"
#: The name of the spaCy pipeline component that sets ``token.lemma_`` from the table.
COMPONENT = "framescope_lemmatizer"


def lemma_by_endings(form: str, tag: str) -> str:
    """The lemma of ``form`` read from its regular ending for Penn tag ``tag``."""
    if tag in ("NNP", "NNPS"):
        return form[:-1] if tag == "NNPS" and form[-1:] in "sS" and len(form) > 3 else form
    word = form.lower()
    if tag in ("NNS", "VBZ"):
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("ches", "shes", "sses", "xes", "zes")) or (
            tag == "VBZ" and word.endswith("oes")
        ):
            return word[:-2]
        if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
            return word[:-1]
        return word
    if tag in ("VBD", "VBN"):
        if word.endswith("ied") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith("ed") and len(word) > 4:
            return _restore_e(word[:-2])
        return word
    if tag == "VBG" and word.endswith("ing") and len(word) > 5:
        return _restore_e(word[:-3])
    if tag == "JJR" and word.endswith("er") and len(word) > 4:
        return word[:-2]
    if tag == "JJS" and word.endswith("est") and len(word) > 5:
        return word[:-3]
    return word


def _restore_e(stem: str) -> str:
    """ "controll" -> "control", "stat" -> "state": undo the doubled consonant or the dropped
    "e" before "-ed"/"-ing"."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    if stem.endswith(_E_DROPPED):
        return stem + "e"
    return stem


#: Stem endings that lost a final "e" before "-ed" / "-ing" ("designat-ed", "recogniz-ing").
_E_DROPPED = (
    "at", "iz", "is", "ut", "ir", "ur", "uc", "iv", "ag", "ic", "ov", "os", "et", "it", "in",
    "ng", "rs", "rg", "dg", "bl", "pl", "tl", "gl", "cl", "as", "ar", "ys",
)  # fmt: skip


@functools.cache
def lemma_table(folder: Path) -> dict[tuple[str, str], str]:
    """``(lower-case form, Penn tag) -> lemma`` for the forms the endings get wrong."""
    path = folder / TABLE_NAME
    table: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf8") as handle:
        for line in handle:
            form, tag, lemma = line.rstrip("\n").split("\t")
            table[form, tag] = lemma
    return table


def lemma_of(table: dict[tuple[str, str], str], form: str, tag: str) -> str:
    word = form.lower()
    found = table.get((word, tag))
    if found is None and tag in _PAST:  # "fought" seen only as a participle: the same lemma
        found = table.get((word, _PAST[tag]))
    if found is not None:
        return form if tag in ("NNP", "NNPS") and found.lower() == form.lower() else found
    return lemma_by_endings(form, tag)


#: A past tense and a past participle share their lemma, irregular or not ("fought", "led").
_PAST = {"VBD": "VBN", "VBN": "VBD"}


def register(folder: Path) -> None:
    """Register the spaCy component (idempotent) reading the table in ``folder``."""
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.factory(COMPONENT, default_config={"folder": str(folder)})
    def _make(nlp: Language, name: str, folder: str) -> Callable[[Doc], Doc]:  # spaCy signature
        table = lemma_table(Path(folder))

        def set_lemmas(doc: Doc) -> Doc:
            for token in doc:
                token.lemma_ = lemma_of(table, token.text, token.tag_)
            return doc

        return set_lemmas
