"""GUM news and interview documents: attribution sentences and source kinds against eRST gold.

The metric is written from ``shared/eval/gum-attribution/SOURCE.md`` (no code was copied). Each
document's text is rebuilt from its CoNLL-U sentences (one paragraph per ``# newpar``) and analysed
like an article. A gold sentence *has attribution* when it holds an EDU whose relation starts with
``attribution``; ours when one of our attribution cues lies in it. Sentence P/R/F1 are pooled.

Source kind: every gold source span (``semantic-attribution_source``) is typed from gold UPOS,
``named`` when it holds a PROPN, ``pronoun`` when it is a single pronoun, else ``nominal``. Our
:func:`~analyzer.text.sources.classify_source` types the same span, mapped to GUM's three kinds
(``organisation`` is named when it is written with a capital, as GUM's PROPN rule has it). The
accuracy isolates the source classifier from the cue finder; the share of gold sources our
attributions find is reported beside it. Splits are GUM's official ``splits.md``.

This module reads the evaluation data and must never be imported by the analysis pipeline.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from analyzer.config import Config
from analyzer.document import Document, build_document
from analyzer.evaluation.base import DatasetResult, ErrorCase, Figure, eval_dir
from analyzer.evaluation.sfu import precision_recall_f1
from analyzer.text.sources import classify_source

GUM_FOLDER = "gum-attribution"
GUM_KINDS = ("named", "nominal", "pronoun")
CAVEAT = "Wikinews news and interviews (CC BY); interviews are Q/A transcripts, not news copy"
#: Body text already known to be clean: no boilerplate pass. A sweep starts from this config.
EVAL_CONFIG = Config(strip_boilerplate=False)
#: Picture and media credit lines ("Image: Nick Moreau."): GUM marks them as attributions; our
#: detector reports them as ``credit`` attributions, which the attribution signal counts as no
#: voice (in a scraped article they are furniture, DOMAIN.md). Counted apart so the figure
#: without them can be read too. Also found after a caption ("Shimon Peres image: David
#: Shankbone.").
CREDIT_LINE = re.compile(r"(?:^|\s)(?:image|video|audio)[:;]\s", re.IGNORECASE)
_SOURCE = re.compile(r"semantic-attribution_source-([0-9,\-]+)-")


@dataclass(frozen=True, slots=True)
class GoldSentence:
    start: int  # first token, 0-based over the document
    end: int
    text: str
    paragraph_start: bool
    attributed: bool = False


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    tokens: tuple[str, ...]
    upos: tuple[str, ...]
    sentences: tuple[GoldSentence, ...]
    sources: tuple[tuple[int, ...], ...]  # token indices of each gold source span
    # Per token, for the coreference yardstick (gum_coref): lemma, head token (-1 for a root)
    # and the MISC column that carries GUM's Entity= brackets.
    lemmas: tuple[str, ...] = ()
    heads: tuple[int, ...] = ()
    misc: tuple[str, ...] = ()


def split_documents(split: str, data_dir: Path | None = None) -> list[str]:
    """News and interview document names of ``split`` (``train``, ``dev`` or ``test``)."""
    folder = (data_dir or eval_dir()) / GUM_FOLDER
    current, names = "", []
    for line in (folder / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.strip().startswith("* ") and current == split:
            name = line.strip()[2:].strip()
            if name.startswith(("GUM_news_", "GUM_interview_")):
                names.append(name)
    return names


def read_document(name: str, data_dir: Path | None = None) -> GoldDocument:
    folder = (data_dir or eval_dir()) / GUM_FOLDER
    tokens: list[str] = []
    upos: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    misc: list[str] = []
    raw: list[tuple[int, int, str, bool]] = []
    new_par, text, start = False, "", 0
    for line in (folder / "conllu" / f"{name}.conllu").read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            new_par = True
        elif line.startswith("# text = "):
            text, start = line[9:], len(tokens)
        elif line and line[0].isdigit():
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                tokens.append(cols[1])
                upos.append(cols[3])
                lemmas.append(cols[2])
                heads.append(start + int(cols[6]) - 1 if cols[6] != "0" else -1)
                misc.append(cols[9])
        elif not line and text:
            raw.append((start, len(tokens), text, new_par or not raw))
            new_par, text = False, ""
    attributed_tokens: set[int] = set()
    sources: list[tuple[int, ...]] = []
    position = 0
    for line in (folder / "rsd" / f"{name}.rsd").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        width = len(cols[1].split(" "))
        if cols[7].startswith("attribution"):
            attributed_tokens.update(range(position, position + width))
            for match in _SOURCE.finditer(cols[9]):
                sources.append(tuple(_token_ids(match.group(1))))
        position += width
    sentences = tuple(
        GoldSentence(s, e, t, p, any(i in attributed_tokens for i in range(s, e)))
        for s, e, t, p in raw
    )
    return GoldDocument(
        name,
        tuple(tokens),
        tuple(upos),
        sentences,
        tuple(sources),
        tuple(lemmas),
        tuple(heads),
        tuple(misc),
    )


def _token_ids(spec: str) -> Iterator[int]:
    """0-based token indices of an eRST id list ("28", "31-41", "3,5-6")."""
    for part in spec.split(","):
        first, _, last = part.partition("-")
        yield from range(int(first) - 1, int(last or first))


def gold_kind(doc: GoldDocument, ids: tuple[int, ...]) -> str:
    tags = [doc.upos[i] for i in ids]
    if "PROPN" in tags:
        return "named"
    return "pronoun" if tags == ["PRON"] else "nominal"


def our_kind(text: str) -> str:
    """Our source kind of ``text``, mapped to GUM's named / nominal / pronoun."""
    kind = classify_source(text, 0, len(text)).kind
    if kind == "pronoun":
        return "pronoun"
    if kind == "named":
        return "named"
    if kind == "organisation":
        words = text.split()
        capital = any(w[0].isupper() for w in words[1:]) or (
            len(words) == 1 and words[0][0].isupper()
        )
        return "named" if capital else "nominal"
    return "nominal"


@dataclass
class _Tally:
    sentences: Counter[str]
    kinds: Counter[str]
    found_sources: int = 0
    all_sources: int = 0


def evaluate(
    split: str = "test", data_dir: Path | None = None, config: Config = EVAL_CONFIG
) -> DatasetResult:
    """Has-attribution sentence P/R/F1 and source-kind accuracy on GUM's ``split`` documents;
    ``config`` changes the settings under evaluation (``benchmarks/sweep_settings.py``)."""
    tally = _Tally(Counter(), Counter())
    per_genre: dict[str, Counter[str]] = {"news": Counter(), "interview": Counter()}
    sentence_errors: list[ErrorCase] = []
    kind_errors: list[ErrorCase] = []
    for name in split_documents(split, data_dir):
        gold = read_document(name, data_dir)
        genre = "news" if "_news_" in name else "interview"
        doc = build_document(document_text(gold)[0], config=config)
        _score_document(gold, doc, tally, per_genre[genre], sentence_errors, kind_errors)
    sentence = _prf(tally.sentences)
    details = dict(sentence)
    for genre, counts in (("", sum(per_genre.values(), Counter())), *per_genre.items()):
        prefix = f"{genre}_" if genre else ""
        if genre:
            details.update({f"{prefix}{k}": v for k, v in _prf(counts).items()})
        details[f"{prefix}credit_lines_missed"] = counts["credit_fn"]
        without = Counter({k: counts[k] - counts[f"credit_{k}"] for k in ("tp", "fp", "fn")})
        details[f"{prefix}recall_without_credit_lines"] = _prf(without)["recall"]
    kind_total = tally.kinds["total"]
    accuracy = tally.kinds["correct"] / kind_total if kind_total else 0.0
    kind_details: dict[str, float] = {"sources": kind_total, "correct": tally.kinds["correct"]}
    kind_details["found_by_detector"] = (
        tally.found_sources / tally.all_sources if tally.all_sources else 0.0
    )
    for kind in GUM_KINDS:
        n = tally.kinds[f"gold_{kind}"]
        kind_details[f"{kind}_accuracy"] = tally.kinds[f"ok_{kind}"] / n if n else 0.0
    figures = [
        Figure(
            signal="attribution sentences",
            dataset="GUM news + interview",
            metric="has-attribution sentence F1",
            value=sentence["f1"],
            target=0.85,
            reference="no published GUM figure; GenderGapTracker quotes F1 0.837 on its own set",
            caveat=CAVEAT,
            details=details,
            split=split,
        ),
        Figure(
            signal="source kind",
            dataset="GUM news + interview",
            metric="named / nominal / pronoun accuracy on gold source spans",
            value=accuracy,
            target=0.80,
            reference="-",
            caveat=CAVEAT,
            details=kind_details,
            split=split,
        ),
    ]
    sentence_errors.sort(key=lambda case: -case.severity)
    return DatasetResult(
        figures,
        {"attribution sentences": sentence_errors[:40], "source kind": kind_errors[:40]},
    )


def _prf(counts: Counter[str]) -> dict[str, float]:
    return precision_recall_f1(counts["tp"], counts["fp"], counts["fn"])


def document_text(gold: GoldDocument) -> tuple[str, list[tuple[int, int]]]:
    """The document as an article (paragraphs apart) and each gold sentence's character span."""
    text, spans = "", []
    for sentence in gold.sentences:
        if text:
            text += "\n\n" if sentence.paragraph_start else " "
        spans.append((len(text), len(text) + len(sentence.text)))
        text += sentence.text
    return text, spans


def _score_document(
    gold: GoldDocument,
    doc: Document,
    tally: _Tally,
    genre: Counter[str],
    sentence_errors: list[ErrorCase],
    kind_errors: list[ErrorCase],
) -> None:
    spans = document_text(gold)[1]
    starts = [start for start, _ in spans]
    ours: set[int] = set()
    source_spans: list[tuple[int, int]] = []
    for a in doc.attributions:
        ours.add(_locate(starts, a.cue_start))
        if a.source_start is not None and a.source_end is not None:
            source_spans.append((a.source_start, a.source_end))
    for i, sentence in enumerate(gold.sentences):
        predicted = i in ours
        outcome = _outcome(sentence.attributed, predicted)
        if outcome:
            tally.sentences[outcome] += 1
            genre[outcome] += 1
            if CREDIT_LINE.search(sentence.text):
                genre[f"credit_{outcome}"] += 1
        if outcome in ("fp", "fn"):
            expected = "attribution" if sentence.attributed else "none"
            predicted_label = "attribution" if predicted else "none"
            # A missed news attribution is worst (news is what users score), a false one least.
            severity = 1.0 if predicted else (3.0 if "_news_" in gold.name else 2.0)
            sentence_errors.append(
                ErrorCase(gold.name, expected, predicted_label, sentence.text, severity)
            )
    offsets = token_offsets(gold, spans)
    for ids in gold.sources:
        source_text = " ".join(gold.tokens[i] for i in ids)
        expected, predicted_kind = gold_kind(gold, ids), our_kind(source_text)
        tally.kinds["total"] += 1
        tally.kinds[f"gold_{expected}"] += 1
        if expected == predicted_kind:
            tally.kinds["correct"] += 1
            tally.kinds[f"ok_{expected}"] += 1
        else:
            kind_errors.append(ErrorCase(gold.name, expected, predicted_kind, source_text))
        tally.all_sources += 1
        first, last = offsets[ids[0]][0], offsets[ids[-1]][1]
        tally.found_sources += any(s < last and first < e for s, e in source_spans)


def _outcome(gold: bool, predicted: bool) -> str:
    if gold and predicted:
        return "tp"
    if predicted:
        return "fp"
    return "fn" if gold else ""


def _locate(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def token_offsets(gold: GoldDocument, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character span of every gold token in the rebuilt text (tokens found left to right)."""
    text = document_text(gold)[0]
    out: list[tuple[int, int]] = []
    for sentence, (start, _) in zip(gold.sentences, spans, strict=True):
        pos = start
        for token in gold.tokens[sentence.start : sentence.end]:
            found = text.find(token, pos)
            at = found if found != -1 else pos
            out.append((at, at + len(token)))
            pos = at + len(token) if found != -1 else pos
    return out
