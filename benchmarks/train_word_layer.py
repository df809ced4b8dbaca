"""Train the word layer (spaCy: tags, universal POS + morphology, lemmas, dependency parse).

    python benchmarks/train_word_layer.py                      # convert, train, ship the model
    python benchmarks/train_word_layer.py --no-ship --output build/word_layer/trial \\
        --training.max_steps 800                               # a trial; any config override works

Training data: UD English EWT v2.15 (``../shared/train/ud-english-ewt``, or
``$FRAMESCOPE_TRAIN_DIR/ud-english-ewt``; CC BY-SA 4.0). The CoNLL-U train and dev files are
converted with spaCy's own CoNLL-U converter (one sentence per ``Doc``, since the analyzer parses
one sentence per call; multiword tokens are split into their syntactic words, empty nodes are
dropped) to ``.spacy`` files under ``build/word_layer/corpus``. Training uses
``benchmarks/word_layer.cfg`` (seeded); the dev split only picks the best checkpoint. The best
checkpoint is then re-saved into ``analyzer/models/word_layer`` without training-only settings.
No pretrained spaCy pipeline or vectors are used: everything is learned from EWT train.
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

ROOT = Path(__file__).resolve().parents[1]
TRAIN_DIR = Path(os.environ.get("FRAMESCOPE_TRAIN_DIR", ROOT.parent / "shared" / "train"))
EWT_DIR = TRAIN_DIR / "ud-english-ewt"
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


def ship(best: Path, target: Path = MODEL_DIR) -> None:
    """Re-save the best checkpoint as package data, keeping only what loading needs."""
    nlp = spacy.load(best)
    # Training-only settings (corpus paths, batcher, optimizer) are irrelevant at run time;
    # blank the corpus paths so the shipped config names no build directory.
    config = nlp.config
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    nlp.meta.update(
        {
            "name": "word_layer",
            "version": "0.1.0",
            "description": "framescope word layer: Penn tags, UPOS + morphology, lemmas and UD "
            "dependencies, trained from scratch on UD English EWT v2.15",
            "author": "framescope contributors",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "UD English EWT v2.15",
                    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                    "license": "CC BY-SA 4.0",
                    "author": "Silveira et al. 2014; Universal Dependencies",
                }
            ],
        }
    )
    # Keep the dev scores spaCy recorded, drop per-label tables (bulky, not needed to load).
    perf = nlp.meta.get("performance", {})
    nlp.meta["performance"] = {
        k: v for k, v in perf.items() if not isinstance(v, dict) and v is not None
    }
    keep = target / "SOURCE.md"
    saved = keep.read_text(encoding="utf8") if keep.exists() else None
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    if saved is not None:
        keep.write_text(saved, encoding="utf8")
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"shipped {best} -> {target} ({size / 1e6:.2f} MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--output", type=Path, default=BUILD / "train")
    parser.add_argument("--no-ship", action="store_true", help="train only, keep the shipped model")
    parser.add_argument("--ship-only", action="store_true", help="re-ship OUTPUT/model-best")
    args, rest = parser.parse_known_args(argv)
    overrides = parse_config_overrides(rest)

    best = args.output / "model-best"
    if not args.ship_only:
        train_path = convert("train")
        dev_path = convert("dev")
        overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), **overrides}
        start = time.perf_counter()
        train(args.config, args.output, overrides=overrides)
        print(f"training took {(time.perf_counter() - start) / 60:.1f} min")
    if not args.no_ship:
        ship(best)
    return 0


if __name__ == "__main__":
    sys.exit(main())
