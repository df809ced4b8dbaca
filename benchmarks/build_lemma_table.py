"""Write the word layer's lemma table (``analyzer/models/word_layer/lemmas.tsv``).

    python benchmarks/build_lemma_table.py

For every (lower-case form, Penn tag) of the training treebanks (UD English EWT train and the
GUM news and interview documents of GUM's train split, the data the word layer's network was
trained on: CC BY-SA 4.0 / CC BY 4.0), the lemma the annotators gave it most often; ties go to
the lemma seen first. Only the forms whose lemma the regular endings of
:func:`analyzer.lemmas.lemma_by_endings` would get wrong are written. Then prints the accuracy of
the table lemmas, with the tags the word layer predicts, on EWT dev and test.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from word_layer_accuracy import EWT_DIR, gum_files, read_conllu

from analyzer.lemmas import TABLE_NAME, lemma_by_endings
from analyzer.words import MODEL_DIR


def build(target: Path = MODEL_DIR) -> Path:
    sentences = read_conllu(EWT_DIR / "en_ewt-ud-train.conllu.gz")
    sentences += [s for f in gum_files(splits=["train"]) for s in read_conllu(f)]
    lemmas: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    forms: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for form, tag, lemma in zip(sentence.words, sentence.xpos, sentence.lemmas, strict=True):
            key = (form.lower(), tag)
            lemmas[key][lemma] += 1
            forms[key][form] += 1
    rows = []
    for key in sorted(lemmas):
        lemma = lemmas[key].most_common(1)[0][0]
        form = forms[key].most_common(1)[0][0]
        if lemma_by_endings(form, key[1]).lower() != lemma.lower() or (
            key[1] not in ("NNP", "NNPS") and lemma_by_endings(form, key[1]) != lemma
        ):
            rows.append(f"{key[0]}\t{key[1]}\t{lemma}\n")
    path = target / TABLE_NAME
    path.write_text("".join(rows), encoding="utf8")
    print(f"{len(rows):,} of {len(lemmas):,} (form, tag) pairs written to {path}")
    return path


def accuracy() -> None:
    from spacy.tokens import Doc

    from analyzer.words import pipeline

    nlp = pipeline()
    for split in ("dev", "test"):
        gold = read_conllu(EWT_DIR / f"en_ewt-ud-{split}.conllu.gz")
        docs = (Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in gold)
        right = total = 0
        for sentence, doc in zip(gold, nlp.pipe(docs, batch_size=256), strict=True):
            for token, lemma in zip(doc, sentence.lemmas, strict=True):
                right += token.lemma_ == lemma
                total += 1
        print(f"EWT {split}: lemma accuracy {right / total:.4f} ({total:,} words, predicted tags)")


if __name__ == "__main__":
    build()
    accuracy()
