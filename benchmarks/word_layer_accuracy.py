"""Accuracy and speed of the shipped word layer (``analyzer/models/word_layer``).

    python benchmarks/word_layer_accuracy.py                 # EWT test + GUM news/interview + speed
    python benchmarks/word_layer_accuracy.py --split dev --no-gum --model build/word_layer/x/model-best

Accuracy is scored against gold tokenisation: each gold sentence's syntactic words (multiword
token ranges ``1-2`` are replaced by their words, empty nodes ``1.1`` are skipped) become a
pre-tokenised ``Doc`` that the pipeline components then annotate. Scores are over all words,
punctuation included: UPOS, Penn tag (XPOS), FEATS (exact match of the whole feature set), lemma
(exact string), UAS and LAS (full UD labels with subtypes, e.g. ``nsubj:pass``). A parser that
splits a sentence in two gives the second root head 0 and is scored as such.

Data: UD English EWT v2.15 dev or test (``../shared/train/ud-english-ewt``) and the GUM news and
interview documents (``../shared/eval/gum-attribution/conllu/GUM_{news,interview}_*.conllu``).
Use ``--split dev`` for model selection; the test split is for the final figure only.
``--gum-splits dev,test`` restricts the GUM rows to the documents of those official GUM splits
(``gum-attribution/splits.md``); use it for a model trained with GUM train documents
(``train_word_layer.py --with-gum-train``), which must not be scored on its own training data.

Speed is words (spaCy tokens) per second on one thread, running the pipeline on sentence strings
(the sentences of all 43 GUM news + interview documents, whatever ``--gum-splits`` says, as the
analyzer passes one sentence per call) through ``nlp.pipe(sentences, batch_size=...)``: (a) the
whole pipeline, (b) without the parser (tokenizer, tok2vec, tagger, morphologizer, lemmatizer),
(c) the tokenizer alone. Best of ``--repeats`` runs after a warm-up.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from threadpoolctl import threadpool_limits

# One thread for every numeric library. spaCy (and numpy / thinc with it) is imported only in
# main(), after this, so the settings apply from the start.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRAIN_DIR = Path(os.environ.get("FRAMESCOPE_TRAIN_DIR", SHARED / "train"))
EVAL_DIR = Path(os.environ.get("FRAMESCOPE_EVAL_DIR", SHARED / "eval"))
EWT_DIR = TRAIN_DIR / "ud-english-ewt"
GUM_DIR = EVAL_DIR / "gum-attribution" / "conllu"
MODEL_DIR = ROOT / "analyzer" / "models" / "word_layer"


@dataclass
class Sentence:
    words: list[str]
    spaces: list[bool]
    upos: list[str]
    xpos: list[str]
    feats: list[str]
    lemmas: list[str]
    heads: list[int]  # 1-based, 0 = root
    deprels: list[str]

    @property
    def text(self) -> str:
        return "".join(
            w + (" " if s else "") for w, s in zip(self.words, self.spaces, strict=True)
        ).strip()


def read_conllu(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL-U file (plain or .gz), as syntactic words."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf8") as handle:
        blocks = handle.read().strip().split("\n\n")
    sentences = []
    for block in blocks:
        sent = Sentence([], [], [], [], [], [], [], [])
        range_end = 0  # last word id of the current multiword token
        range_space = True
        for line in block.split("\n"):
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            wid = cols[0]
            if "." in wid:  # empty node of the enhanced graph
                continue
            if "-" in wid:  # multiword token: its SpaceAfter belongs to its last word
                range_end = int(wid.split("-")[1])
                range_space = "SpaceAfter=No" not in cols[9]
                continue
            n = int(wid)
            if n < range_end:  # inside a multiword token: no space between its words
                space = False
            elif n == range_end:
                space = range_space
            else:
                space = "SpaceAfter=No" not in cols[9]
            sent.words.append(cols[1])
            sent.spaces.append(space)
            sent.lemmas.append(cols[2])
            sent.upos.append(cols[3])
            sent.xpos.append(cols[4])
            sent.feats.append("" if cols[5] == "_" else cols[5])
            sent.heads.append(int(cols[6]))
            sent.deprels.append(cols[7])
        if sent.words:
            sentences.append(sent)
    return sentences


def _feats(token) -> str:
    return str(token.morph)


def score(nlp, sentences: list[Sentence]) -> dict[str, float]:
    """Per-word accuracies of ``nlp`` on gold-tokenised ``sentences``."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences)
    counts = dict.fromkeys(("upos", "tag", "feats", "lemma", "uas", "las"), 0)
    total = 0
    for sent, doc in zip(sentences, nlp.pipe(docs, batch_size=256), strict=True):
        for i, tok in enumerate(doc):
            total += 1
            counts["upos"] += tok.pos_ == sent.upos[i]
            counts["tag"] += tok.tag_ == sent.xpos[i]
            counts["feats"] += _feats(tok) == sent.feats[i]
            counts["lemma"] += tok.lemma_ == sent.lemmas[i]
            head = 0 if tok.head.i == tok.i else tok.head.i + 1
            dep = "root" if tok.dep_ == "ROOT" else tok.dep_
            if head == sent.heads[i]:
                counts["uas"] += 1
                counts["las"] += dep == sent.deprels[i]
    result = {k: v / total for k, v in counts.items()}
    result["words"] = total
    result["sentences"] = len(sentences)
    return result


def words_per_second(nlp, texts: list[str], batch_size: int, repeats: int) -> tuple[float, float]:
    """Best words/s of ``nlp.pipe(texts)`` over ``repeats`` timed runs after a warm-up, by wall
    clock and by this process's CPU time (the latter is steadier on a shared machine)."""
    list(nlp.pipe(texts[:200], batch_size=batch_size))
    best_wall = best_cpu = 0.0
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
        best_wall = max(best_wall, words / (time.perf_counter() - wall))
        best_cpu = max(best_cpu, words / (time.process_time() - cpu))
    return best_wall, best_cpu


def tokenizer_speed(nlp, texts: list[str], repeats: int) -> tuple[float, float]:
    best_wall = best_cpu = 0.0
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
        best_wall = max(best_wall, words / (time.perf_counter() - wall))
        best_cpu = max(best_cpu, words / (time.process_time() - cpu))
    return best_wall, best_cpu


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def gum_split_docs(splits: Iterable[str]) -> set[str]:
    """Names of the GUM documents listed under ``## <split>`` in ``splits.md``."""
    text = (GUM_DIR.parent / "splits.md").read_text(encoding="utf8")
    wanted, docs, section = set(splits), set(), None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("## "):
            section = line[3:].strip()
        elif section in wanted and line.startswith("* "):
            docs.add(line[2:].strip())
    return docs


def gum_files(
    genres: Iterable[str] = ("news", "interview"), splits: Iterable[str] | None = None
) -> list[Path]:
    files = sorted(p for g in genres for p in GUM_DIR.glob(f"GUM_{g}_*.conllu"))
    if splits is not None:
        docs = gum_split_docs(splits)
        files = [p for p in files if p.stem in docs]
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    parser.add_argument("--split", choices=("dev", "test"), default="test", help="EWT split")
    parser.add_argument("--no-gum", action="store_true", help="skip the GUM news/interview trees")
    parser.add_argument(
        "--gum-splits",
        help="comma-separated GUM splits to score (e.g. dev,test); default: all documents",
    )
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    from analyzer.words import load_pipeline

    results: dict[str, object] = {"model": str(args.model), "size_bytes": dir_size(args.model)}
    with threadpool_limits(limits=1):
        nlp = load_pipeline(args.model)
        results["pipeline"] = nlp.pipe_names
        rows = {f"EWT {args.split}": read_conllu(EWT_DIR / f"en_ewt-ud-{args.split}.conllu.gz")}
        if not args.no_gum:
            splits = args.gum_splits.split(",") if args.gum_splits else None
            tag = f" ({'+'.join(splits)})" if splits else ""
            news = gum_files(("news",), splits)
            interview = gum_files(("interview",), splits)
            rows[f"GUM news{tag}"] = [s for f in news for s in read_conllu(f)]
            rows[f"GUM interview{tag}"] = [s for f in interview for s in read_conllu(f)]
            rows[f"GUM news+interview{tag}"] = rows[f"GUM news{tag}"] + rows[f"GUM interview{tag}"]
            results["gum_documents"] = [p.stem for p in news + interview]
        scores = {name: score(nlp, sents) for name, sents in rows.items()}
        results["accuracy"] = scores

        shown = args.model.resolve()
        shown = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else args.model
        print(f"model {shown}  ({dir_size(args.model) / 1e6:.2f} MB)  {nlp.pipe_names}")
        print(
            f"{'data':31} {'words':>7} {'UPOS':>6} {'tag':>6} {'feats':>6} {'lemma':>6} "
            f"{'UAS':>6} {'LAS':>6}"
        )
        for name, s in scores.items():
            print(
                f"{name:31} {s['words']:7d} {s['upos']:6.3f} {s['tag']:6.3f} {s['feats']:6.3f} "
                f"{s['lemma']:6.3f} {s['uas']:6.3f} {s['las']:6.3f}"
            )

        if not args.no_speed:
            speed_sents = [s for f in gum_files() for s in read_conllu(f)]
            texts = [s.text for s in speed_sents]
            full = words_per_second(nlp, texts, args.batch_size, args.repeats)
            with nlp.select_pipes(disable=[p for p in ("parser",) if p in nlp.pipe_names]):
                no_parse = words_per_second(nlp, texts, args.batch_size, args.repeats)
            tok = tokenizer_speed(nlp, texts, args.repeats)
            results["speed_words_per_s"] = {
                "full": full[0],
                "without_parser": no_parse[0],
                "tokenizer": tok[0],
                "full_cpu": full[1],
                "without_parser_cpu": no_parse[1],
                "tokenizer_cpu": tok[1],
                "sentences": len(texts),
                "batch_size": args.batch_size,
            }
            print(
                f"speed, one thread, {len(texts)} sentence strings, batch_size {args.batch_size}"
                " (words/s by wall clock / by CPU time):"
            )
            for label, (w, c) in (
                ("full pipeline", full),
                ("without parser", no_parse),
                ("tokenizer only", tok),
            ):
                print(f"  {label:15} {w:9,.0f} / {c:9,.0f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
