"""Line verdicts: rules for unmistakable furniture, the headline, then the line model.

Order of decision for each non-blank line:

1. a furniture rule (``lexicons/furniture_patterns.csv``) or a numbered breadcrumb trail: furniture;
2. a copy of the known title: the first copy is the headline (body), later copies furniture;
3. the line model (``analyzer/models/boilerplate.json``; the HTML model when body hints are
   given): furniture when its probability reaches the model's tuned threshold;
4. when the model keeps nothing, the most body-like block is kept rather than an empty body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from analyzer.boilerplate.columns import FEATURE_INDEX, HTML_FEATURES
from analyzer.boilerplate.features import SENTENCE_MIN_WORDS, normalise_line
from analyzer.boilerplate.model import load_model
from analyzer.boilerplate.sequences import best_segment
from analyzer.boilerplate.table import LineTable, tabulate_lines
from analyzer.text.lines import split_lines

#: Word-set overlap (Jaccard) at which a line counts as a copy of the title: the page title and
#: the on-page headline often differ by a word or a site name ("... | Reuters").
TITLE_MATCH_SIMILARITY = 0.8

#: Shortest line (in words) matched to the title by overlap rather than equality.
TITLE_MATCH_MIN_WORDS = 4

#: When the model keeps nothing, lines are scored ``(body_probability - FALLBACK_SHARE * best)``
#: and the maximum-sum block is kept. 0.3 of the page's best line recovered 4 of 5 empty AEB dev
#: pages (+0.013 F1) in cross-validation; 0.5 and 0.7 recovered fewer.
FALLBACK_SHARE = 0.3

#: Lines of at most this many words are "short" in model reasons (menus, labels, buttons).
SHORT_LINE_WORDS = 4

BLANK = "blank"
HEADLINE = "headline"


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """The verdict on one line: body or furniture, why, and the model's furniture probability."""

    is_body: bool
    reason: str
    furniture_probability: float


_BLANK_VERDICT = LineVerdict(False, BLANK, 0.0)


def classify_lines(
    text: str,
    lines: Sequence[tuple[int, int]],
    *,
    title: str | None = None,
    body_hints: Sequence[bool] | None = None,
) -> list[LineVerdict]:
    """Return one verdict per line span; blank lines get ``is_body=False`` and reason ``"blank"``.

    Parameters
    ----------
    text : str
        The whole text.
    lines : sequence of (int, int)
        Line spans from ``analyzer.text.lines.split_lines``, blank lines included.
    title : str, optional
        The article title, to keep the headline and drop its copies (breadcrumbs, captions).
    body_hints : sequence of bool, optional
        One per span, True where an HTML-aware extractor kept the line (``analyzer.io.html``).

    Returns
    -------
    list of LineVerdict
        In the order of ``lines``.
    """
    verdicts = [_BLANK_VERDICT] * len(lines)
    table = tabulate_lines(text, lines, title=title, body_hints=body_hints)
    if not table.lines:
        return verdicts
    model = load_model("html" if table.features.shape[1] == len(HTML_FEATURES) else "plain")
    for index, verdict in zip(table.indices, decide_lines(table, model, title=title), strict=True):
        verdicts[index] = verdict
    return verdicts


def body_text(
    text: str,
    *,
    title: str | None = None,
    body_hints: Sequence[bool] | None = None,
    include_headline: bool = True,
) -> str:
    """The body lines of ``text`` joined by newlines (what the evaluations score).

    Parameters
    ----------
    text : str
        Plain text or the visible text of a page (``ExtractedPage.text``).
    title : str, optional
        The article title.
    body_hints : sequence of bool, optional
        One per line of ``split_lines(text)``.
    include_headline : bool
        False leaves out the headline line: benchmarks whose gold is the article body without its
        title (AEB's ``articleBody``) score the body alone.
    """
    spans = split_lines(text)
    verdicts = classify_lines(text, spans, title=title, body_hints=body_hints)
    return "\n".join(
        text[s:e]
        for (s, e), v in zip(spans, verdicts, strict=True)
        if v.is_body and (include_headline or v.reason != HEADLINE)
    )


class FurnitureModel(Protocol):
    """What :func:`decide_lines` needs from a model (the shipped one, or one being trained)."""

    @property
    def threshold(self) -> float: ...

    def furniture_probability(self, features: np.ndarray) -> np.ndarray: ...


def decide_lines(
    table: LineTable, model: FurnitureModel, *, title: str | None = None
) -> list[LineVerdict]:
    """Verdicts for the non-blank lines of ``table`` (in its order) with ``model``.

    Training (``benchmarks/train_boilerplate.py``) calls this with the model being fitted, so
    cross-validated figures come from exactly the decision logic that ships.
    """
    n = len(table.lines)
    ruled = np.array(
        [
            rule is not None or crumb
            for rule, crumb in zip(table.rules, table.breadcrumb, strict=True)
        ]
    )
    probability = np.ones(n)
    free = ~ruled
    if free.any():
        probability[free] = model.furniture_probability(table.features[free])
    furniture = ruled | (probability >= model.threshold)
    headline = _headline_copies(table, title, ruled)
    rescued = np.zeros(n, dtype=bool)
    if not (~furniture & (headline == 0)).any() and free.any():
        rescued = _best_block(table, probability, ruled)
    verdicts = []
    # Python lists: indexing numpy arrays one item at a time costs more than the loop body.
    kept = (~furniture | rescued).tolist()
    for k, p, mark in zip(range(n), probability.tolist(), headline.tolist(), strict=True):
        rule = table.rules[k]
        if rule is not None:
            verdicts.append(LineVerdict(False, rule.reason, 1.0))
        elif table.breadcrumb[k]:
            verdicts.append(LineVerdict(False, "breadcrumb", 1.0))
        elif mark == 1:
            verdicts.append(LineVerdict(True, HEADLINE, p))
        elif mark == 2:
            verdicts.append(LineVerdict(False, "duplicated headline", p))
        elif kept[k]:
            verdicts.append(LineVerdict(True, _body_reason(table, k), p))
        else:
            verdicts.append(
                LineVerdict(False, f"model: {_furniture_kind(table, k)} (p={p:.2f})", p)
            )
    return verdicts


def _headline_copies(table: LineTable, title: str | None, ruled: np.ndarray) -> np.ndarray:
    """0 for other lines, 1 for the first copy of the title, 2 for later copies."""
    marks = np.zeros(len(table.lines), dtype=np.int8)
    title_key = normalise_line(title) if title else ""
    if not title_key:
        return marks
    title_words = set(title_key.split())
    found = False
    for k, line in enumerate(table.lines):
        if ruled[k]:
            continue
        key = normalise_line(line)
        words = set(key.split())
        same = key == title_key or (
            len(words) >= TITLE_MATCH_MIN_WORDS
            and len(words & title_words) / len(words | title_words) >= TITLE_MATCH_SIMILARITY
        )
        if same:
            marks[k] = 2 if found else 1
            found = True
    return marks


def _best_block(table: LineTable, probability: np.ndarray, ruled: np.ndarray) -> np.ndarray:
    """The most body-like run of lines, for pages where no line passed the threshold."""
    body = 1.0 - probability
    best = float(body[~ruled].max())
    words = table.stats.words
    start, end = best_segment(np.where(ruled, -words, (body - FALLBACK_SHARE * best) * words))
    keep = np.zeros(len(body), dtype=bool)
    keep[start:end] = True
    return keep & ~ruled


def _body_reason(table: LineTable, k: int) -> str:
    if table.stats.words[k] >= SENTENCE_MIN_WORDS:
        return "body paragraph"
    return "short body line (subheading, list item or quote)"


def _furniture_kind(table: LineTable, k: int) -> str:
    row = table.features[k]
    if row[FEATURE_INDEX["repeat_count"]] > 0 and not row[FEATURE_INDEX["first_occurrence"]]:
        return "repeated line"
    if row[FEATURE_INDEX["link_like"]]:
        return "link-like line"
    if table.stats.words[k] <= SHORT_LINE_WORDS:
        return "short navigation-like line"
    if table.stats.sentence_like[k]:
        return "prose outside the article body (comments, teasers)"
    return "teaser or label unlike body text"
