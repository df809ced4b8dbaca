"""Train the word layer (spaCy: tags, universal POS + morphology, lemmas, dependency parse).

    python benchmarks/train_word_layer.py --with-gum-train     # convert, train, ship the model
    python benchmarks/train_word_layer.py --no-ship --output build/word_layer/trial \\
        --training.max_steps 800                               # a trial; any config override works

Training data: UD English EWT v2.15 (``../shared/train/ud-english-ewt``, or
``$FRAMESCOPE_TRAIN_DIR/ud-english-ewt``; CC BY-SA 4.0). The CoNLL-U train and dev files are
converted with spaCy's own CoNLL-U converter (one sentence per ``Doc``, since the analyzer parses
one sentence per call; multiword tokens are split into their syntactic words, empty nodes are
dropped) to ``.spacy`` files under ``build/word_layer/corpus``. Training uses
``benchmarks/word_layer.cfg`` (seeded); the dev split only picks the best checkpoint. The best
checkpoint is then re-saved into ``analyzer/models/word_layer`` without training-only settings.
No pretrained spaCy pipeline or vectors are used: everything is learned from the treebanks.

``--with-gum-train`` adds the GUM news and interview trees (``../shared/eval/gum-attribution``, or
``$FRAMESCOPE_EVAL_DIR/gum-attribution``; annotations CC BY 4.0, Wikinews texts CC BY 2.5) of the
documents listed under the *train* split of its ``splits.md`` to the training set; GUM dev and test
documents are never used. Before conversion, multiword-token lines (``1-2``) and empty nodes
(``1.1``) are dropped, the enhanced-dependency column is blanked and MISC keeps only
``SpaceAfter=No``. EWT dev stays the model-selection set.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.cli._util import parse_config_overrides
from spacy.cli.train import train
from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_lemma_table import build as build_lemma_table

ROOT = Path(__file__).resolve().parents[1]
TRAIN_DIR = Path(os.environ.get("FRAMESCOPE_TRAIN_DIR", ROOT.parent / "shared" / "train"))
EWT_DIR = TRAIN_DIR / "ud-english-ewt"
EVAL_DIR = Path(os.environ.get("FRAMESCOPE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
GUM_DIR = EVAL_DIR / "gum-attribution"
CONFIG = ROOT / "benchmarks" / "word_layer.cfg"
BUILD = ROOT / "build" / "word_layer"
CORPUS = BUILD / "corpus"
MODEL_DIR = ROOT / "analyzer" / "models" / "word_layer"


def convert(split: str, force: bool = False) -> Path:
    """Convert ``en_ewt-ud-{split}.conllu.gz`` to ``build/word_layer/corpus/{split}.spacy``."""
    out = CORPUS / f"{split}.spacy"
    if out.exists() and not force:
        return out
    src = EWT_DIR / f"en_ewt-ud-{split}.conllu.gz"
    with gzip.open(src, "rt", encoding="utf8") as handle:
        text = handle.read()
    docs = list(conllu_to_docs(text, n_sents=1, no_print=True))
    CORPUS.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    print(
        f"converted {src.name}: {len(docs)} sentences, {sum(len(d) for d in docs)} words -> {out}"
    )
    return out


def gum_split_docs(split: str, splits_md: Path | None = None) -> list[str]:
    """Document names listed under ``## {split}`` in GUM's ``splits.md``."""
    text = (splits_md or GUM_DIR / "splits.md").read_text(encoding="utf8")
    docs: list[str] = []
    section = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("## "):
            section = line[3:].strip()
        elif section == split and line.startswith("* "):
            docs.append(line[2:].strip())
    return docs


def clean_conllu(text: str) -> str:
    """Basic-tree CoNLL-U that spaCy's converter reads: no multiword-token or empty-node lines,
    no enhanced dependencies, MISC reduced to ``SpaceAfter=No`` (GUM's entity / discourse MISC
    annotations are not for the word layer)."""
    out = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cols[8] = "_"
            cols[9] = "SpaceAfter=No" if "SpaceAfter=No" in cols[9].split("|") else "_"
            line = "\t".join(cols)
        out.append(line)
    return "\n".join(out) + "\n"


def check_trees(docs: list) -> None:
    """Every converted sentence must be one tree: one root, every word reaching it."""
    for doc in docs:
        roots = [t for t in doc if t.head.i == t.i]
        if len(roots) != 1:
            raise ValueError(f"{len(roots)} roots in {doc.text[:80]!r}")
        for tok in doc:
            seen, t = set(), tok
            while t.head.i != t.i:
                if t.i in seen:
                    raise ValueError(f"cycle in {doc.text[:80]!r}")
                seen.add(t.i)
                t = t.head


def convert_gum_train(force: bool = False) -> Path:
    """Convert the GUM train-split documents present in ``gum-attribution/conllu`` to
    ``build/word_layer/corpus/gum_train.spacy``."""
    out = CORPUS / "gum_train.spacy"
    if out.exists() and not force:
        return out
    wanted = set(gum_split_docs("train"))
    held_out = set(gum_split_docs("dev")) | set(gum_split_docs("test"))
    files = sorted(p for p in (GUM_DIR / "conllu").glob("*.conllu") if p.stem in wanted)
    assert files and not any(p.stem in held_out for p in files)
    docs = []
    for path in files:
        text = clean_conllu(path.read_text(encoding="utf8"))
        docs.extend(conllu_to_docs(text, n_sents=1, no_print=True))
    check_trees(docs)
    CORPUS.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out)
    print(
        f"converted {len(files)} GUM train documents: {len(docs)} sentences, "
        f"{sum(len(d) for d in docs)} words -> {out}"
    )
    return out


def ship(best: Path, target: Path = MODEL_DIR, with_gum: bool | None = None) -> None:
    """Re-save the best checkpoint as package data, keeping only what loading needs.

    ``with_gum`` (default: read from the checkpoint's training corpus path) names GUM as a source."""
    nlp = spacy.load(best)
    # The network lemmatizer trains beside the others (its loss shapes the shared tok2vec), but
    # the table of build_lemma_table.py gives better lemmas for less: it is not shipped.
    if "trainable_lemmatizer" in nlp.pipe_names:
        nlp.remove_pipe("trainable_lemmatizer")
    # Training-only settings (corpus paths, batcher, optimizer) are irrelevant at run time;
    # blank the corpus paths so the shipped config names no build directory.
    config = nlp.config
    if with_gum is None:
        with_gum = "gum" in str(config["paths"]["train"])
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    sources = [
        {
            "name": "UD English EWT v2.15",
            "url": "https://github.com/UniversalDependencies/UD_English-EWT",
            "license": "CC BY-SA 4.0",
            "author": "Silveira et al. 2014; Universal Dependencies",
        }
    ]
    trained_on = "UD English EWT v2.15"
    if with_gum:
        sources.append(
            {
                "name": "GUM (train-split news and interview documents), commit 72ce5ac",
                "url": "https://github.com/amir-zeldes/gum",
                "license": "annotations CC BY 4.0; Wikinews texts CC BY 2.5",
                "author": "Zeldes 2017; Zeldes et al. 2024",
            }
        )
        trained_on += " and GUM news/interview train documents"
    nlp.meta.update(
        {
            "name": "word_layer",
            "version": "0.3.0" if with_gum else "0.1.0",
            "description": "framescope word layer: Penn tags, UPOS + morphology and UD "
            f"dependencies, trained from scratch on {trained_on}; lemmas from lemmas.tsv",
            "author": "framescope contributors",
            "license": "CC BY-SA 4.0",
            "sources": sources,
        }
    )
    # Keep the dev scores spaCy recorded, drop per-label tables (bulky, not needed to load).
    perf = nlp.meta.get("performance", {})
    nlp.meta["performance"] = {
        k: v
        for k, v in perf.items()
        if not isinstance(v, dict)
        and v is not None
        and not k.startswith(("lemma", "trainable_lemmatizer"))
    }
    keep = target / "SOURCE.md"
    saved = keep.read_text(encoding="utf8") if keep.exists() else None
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    if saved is not None:
        keep.write_text(saved, encoding="utf8")
    build_lemma_table(target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"shipped {best} -> {target} ({size / 1e6:.2f} MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--output", type=Path, default=BUILD / "train")
    parser.add_argument("--no-ship", action="store_true", help="train only, keep the shipped model")
    parser.add_argument("--ship-only", action="store_true", help="re-ship OUTPUT/model-best")
    parser.add_argument(
        "--with-gum-train",
        action="store_true",
        help="also train on the GUM news/interview trees of GUM's train split",
    )
    args, rest = parser.parse_known_args(argv)
    overrides = parse_config_overrides(rest)

    best = args.output / "model-best"
    if not args.ship_only:
        train_path = convert("train")
        dev_path = convert("dev")
        if args.with_gum_train:
            # spaCy's corpus reader takes every .spacy file under a directory.
            combined = CORPUS / "train_ewt_gum"
            combined.mkdir(parents=True, exist_ok=True)
            for src in (train_path, convert_gum_train()):
                link = combined / src.name
                if not link.exists():
                    link.symlink_to(Path("..") / src.name)
            train_path = combined
        overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), **overrides}
        start = time.perf_counter()
        train(args.config, args.output, overrides=overrides)
        print(f"training took {(time.perf_counter() - start) / 60:.1f} min")
    if not args.no_ship:
        ship(best, with_gum=args.with_gum_train or None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
