"""Line verdicts: rules for unmistakable furniture, the headline, then the line model.

Order of decision for each non-blank line:

1. a furniture rule (``lexicons/furniture_patterns.csv``) or a numbered breadcrumb trail: furniture
   (the caption and byline rows give set-apart lines instead, :mod:`analyzer.boilerplate.kinds`);
2. a copy of the known title: the first copy is the headline (body), later copies furniture;
   a photo caption or a dateline alone on its line (``kinds.set_apart_reason``): set apart;
3. the line model (``analyzer/models/boilerplate.json``; the HTML model when body hints are
   given): furniture when its probability reaches the model's tuned threshold;
4. when the model keeps nothing, the most body-like block is kept rather than an empty body;
5. a page check: in HTML, trafilatura's body when the kept text is a small fraction of the main
   prose block; in plain text, the densest prose run is added back when the kept text is a small
   fraction of it or mostly short lines (``analyzer.boilerplate.prose_block``);
6. a reader comment thread after the article (``analyzer.boilerplate.threads``): furniture.

Verdicts are kept as arrays (:class:`LineVerdicts`), and the model reads its feature rows a block
at a time, so a page's cost follows its characters: a text of a million one-letter lines is not
a million feature rows held at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from analyzer.boilerplate.copies import copied_lines
from analyzer.boilerplate.features import BLOCK_LINES, SENTENCE_MIN_WORDS, normalise_line
from analyzer.boilerplate.kinds import set_apart_reason
from analyzer.boilerplate.model import TreeModel, load_model
from analyzer.boilerplate.prose_block import recovered_body
from analyzer.boilerplate.sequences import best_segment, main_block
from analyzer.boilerplate.table import LineTable, tabulate_bounds
from analyzer.boilerplate.threads import comment_thread
from analyzer.settings import BoilerplateSettings
from analyzer.text.lines import line_bounds

#: The tuned choices used when none are given (the values the decision rules were tuned to).
DEFAULT_SETTINGS = BoilerplateSettings()

#: Lines of at most this many words are "short" in model reasons (menus, labels, buttons).
SHORT_LINE_WORDS = 4

BLANK = "blank"
FALLBACK_FURNITURE = "outside the extractor's body (the line model's verdicts failed a page check)"
HEADLINE = "headline"
COMMENT_THREAD = "reader comment (in a thread of comments after the article)"
COPIED_BODY = "a copy of the article's lines (page metadata run together)"
BODY_PARAGRAPH = "body paragraph"
SHORT_BODY_LINE = "short body line (subheading, list item or quote)"

#: Why the model took a line for furniture, in the order the reasons are tried.
FURNITURE_KINDS = (
    "repeated line",
    "link-like line",
    "short navigation-like line",
    "prose outside the article body (comments, teasers)",
    "teaser or label unlike body text",
)


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """The verdict on one line: body or not, why, and the model's furniture probability.

    ``is_body`` is the article body the extractor evaluations score (prose and headline). A
    caption, byline or dateline is not body yet not furniture either: its reason gives it a kind
    (:func:`analyzer.boilerplate.kinds.kind_of_reason`) and the document keeps it in the text.
    """

    is_body: bool
    reason: str
    furniture_probability: float


@dataclass(frozen=True, slots=True)
class LineVerdicts:
    """The verdicts on a text's lines as arrays: 13 bytes a line, not a ~100-byte object.

    ``reasons[reason_codes[i]]`` is line ``i``'s reason; each distinct reason is stored once.
    """

    is_body: np.ndarray
    reason_codes: np.ndarray
    reasons: tuple[str, ...]
    furniture_probability: np.ndarray

    def __len__(self) -> int:
        return len(self.is_body)

    def __getitem__(self, index: int) -> LineVerdict:
        return LineVerdict(
            bool(self.is_body[index]),
            self.reasons[self.reason_codes[index]],
            float(self.furniture_probability[index]),
        )

    def to_list(self) -> list[LineVerdict]:
        reasons = self.reasons
        return [
            LineVerdict(body, reasons[code], probability)
            for body, code, probability in zip(
                self.is_body.tolist(),
                self.reason_codes.tolist(),
                self.furniture_probability.tolist(),
                strict=True,
            )
        ]


def classify_lines(
    text: str,
    lines: Sequence[tuple[int, int]],
    *,
    title: str | None = None,
    body_hints: Sequence[bool] | None = None,
    link_shares: Sequence[float] | None = None,
    settings: BoilerplateSettings = DEFAULT_SETTINGS,
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
    link_shares : sequence of float, optional
        One per span, the share of the line's characters inside links (HTML pages).
    settings : BoilerplateSettings
        The tuned choices of the decision rules (``Config.boilerplate``).

    Returns
    -------
    list of LineVerdict
        In the order of ``lines``.
    """
    starts = np.array([start for start, _ in lines], dtype=np.int64)
    ends = np.array([end for _, end in lines], dtype=np.int64)
    return judge_lines(
        text,
        starts,
        ends,
        title=title,
        body_hints=body_hints,
        link_shares=link_shares,
        settings=settings,
    ).to_list()


def judge_lines(
    text: str,
    starts: np.ndarray,
    ends: np.ndarray,
    *,
    title: str | None = None,
    body_hints: Sequence[bool] | None = None,
    link_shares: Sequence[float] | None = None,
    settings: BoilerplateSettings = DEFAULT_SETTINGS,
) -> LineVerdicts:
    """:func:`classify_lines` for lines given as arrays (``analyzer.text.lines.line_bounds``),
    with the verdicts as arrays."""
    n = len(starts)
    reasons: dict[str, int] = {BLANK: 0}
    is_body = np.zeros(n, dtype=bool)
    codes = np.zeros(n, dtype=np.int32)
    probability = np.zeros(n)
    table = tabulate_bounds(
        text, starts, ends, title=title, body_hints=body_hints, link_shares=link_shares
    )
    if table.lines:
        model = load_model("html" if table.columns.hints is not None else "plain")
        ruled = _ruled(table)
        probability_of = _block_probabilities(table, model, ruled)
        found = _decide(table, ruled, probability_of, model.threshold, title, settings)
        is_body[table.indices] = found.is_body
        remap = np.array([reasons.setdefault(r, len(reasons)) for r in found.reasons], np.int32)
        codes[table.indices] = remap[found.reason_codes]
        probability[table.indices] = probability_of
    return LineVerdicts(is_body, codes, tuple(reasons), probability)


def _block_probabilities(table: LineTable, model: TreeModel, ruled: np.ndarray) -> np.ndarray:
    """The model's furniture probability of each rule-free line (1.0 for ruled lines), reading
    the feature rows a block at a time."""
    n = len(table.lines)
    probability = np.ones(n)
    free = ~ruled
    rows = table.rows()
    for start in range(0, n, BLOCK_LINES):
        stop = min(start + BLOCK_LINES, n)
        chosen = free[start:stop]
        if chosen.any():
            block = rows.block(start, stop)[chosen]
            probability[start:stop][chosen] = model.furniture_probability(block)
    return probability


def body_text(
    text: str,
    *,
    title: str | None = None,
    body_hints: Sequence[bool] | None = None,
    link_shares: Sequence[float] | None = None,
    include_headline: bool = True,
    settings: BoilerplateSettings = DEFAULT_SETTINGS,
) -> str:
    """The body lines of ``text`` joined by newlines (what the evaluations score).

    Parameters
    ----------
    text : str
        Plain text or the visible text of a page (``ExtractedPage.text``).
    title : str, optional
        The article title.
    body_hints, link_shares : sequences, optional
        One per line of ``split_lines(text)`` (see :func:`classify_lines`).
    include_headline : bool
        False leaves out the headline line: benchmarks whose gold is the article body without its
        title (AEB's ``articleBody``) score the body alone.
    """
    starts, ends = line_bounds(text)
    verdicts = judge_lines(
        text,
        starts,
        ends,
        title=title,
        body_hints=body_hints,
        link_shares=link_shares,
        settings=settings,
    )
    keep = verdicts.is_body.copy()
    if not include_headline and HEADLINE in verdicts.reasons:
        keep &= verdicts.reason_codes != verdicts.reasons.index(HEADLINE)
    kept = zip(starts[keep].tolist(), ends[keep].tolist(), strict=True)
    return "\n".join(text[start:end] for start, end in kept)


class FurnitureModel(Protocol):
    """What :func:`decide_lines` needs from a model (the shipped one, or one being trained)."""

    @property
    def threshold(self) -> float: ...

    def furniture_probability(self, features: np.ndarray) -> np.ndarray: ...


def decide_lines(
    table: LineTable,
    model: FurnitureModel,
    *,
    title: str | None = None,
    settings: BoilerplateSettings = DEFAULT_SETTINGS,
) -> list[LineVerdict]:
    """Verdicts for the non-blank lines of ``table`` (in its order) with ``model``.

    Training (``benchmarks/train_boilerplate.py``) calls this with the model being fitted, so
    cross-validated figures come from exactly the decision logic that ships. The model is asked
    once, for the whole matrix of rule-free lines.
    """
    ruled = _ruled(table)
    probability = np.ones(len(table.lines))
    free = ~ruled
    if free.any():
        probability[free] = model.furniture_probability(table.features[free])
    return _decide(table, ruled, probability, model.threshold, title, settings).to_list()


def _ruled(table: LineTable) -> np.ndarray:
    return np.array(
        [
            rule is not None or crumb
            for rule, crumb in zip(table.rules, table.breadcrumb, strict=True)
        ],
        dtype=bool,
    ).reshape(len(table.lines))


def _decide(
    table: LineTable,
    ruled: np.ndarray,
    probability: np.ndarray,
    threshold: float,
    title: str | None,
    settings: BoilerplateSettings,
) -> LineVerdicts:
    """The verdicts of the table's lines, given the lines a rule took and the model's
    probabilities (1.0 where ruled)."""
    n = len(table.lines)
    furniture = ruled | (probability >= threshold)
    headline = _headline_copies(table, title, ruled, settings)
    rescued = np.zeros(n, dtype=bool)
    if not (~furniture & (headline == 0)).any() and (~ruled).any():
        rescued = _best_block(table, probability, ruled, settings.fallback_share)
    kept = ~furniture | rescued
    fallback = _fallback_body(table, ruled, kept | (headline == 1), settings.sanity_prose_share)
    if fallback is not None:
        kept = fallback
    elif table.columns.hints is None:
        # Plain text has no second extractor: the densest prose run is the page check.
        recovered = recovered_body(table, ruled, kept | (headline == 1), settings)
        if recovered is not None:
            kept = recovered
    if title is None:
        headline = np.maximum(headline, _opening_headline(table, ruled, kept, settings))
    kept |= _cut_off_ending(table, ruled, kept)
    thread = comment_thread(table, kept)
    kept &= ~thread
    copies = copied_lines(table.lines, kept)
    kept &= ~copies
    long_lines = table.stats.words >= SENTENCE_MIN_WORDS
    kinds = _furniture_kinds(table)
    apart = _set_apart(table, ruled)
    reasons: dict[str, int] = {}
    codes = np.zeros(n, dtype=np.int32)
    is_body = np.zeros(n, dtype=bool)
    # Python lists a block at a time: indexing numpy arrays one item at a time costs more than the
    # loop body, and whole-page lists would cost 30 bytes a line.
    for start in range(0, n, BLOCK_LINES):
        stop = min(start + BLOCK_LINES, n)
        block_codes: list[int] = []
        block_body: list[bool] = []
        for k, p, mark, keep, kind, long, comment, copy in zip(
            range(start, stop),
            probability[start:stop].tolist(),
            headline[start:stop].tolist(),
            kept[start:stop].tolist(),
            kinds[start:stop].tolist(),
            long_lines[start:stop].tolist(),
            thread[start:stop].tolist(),
            copies[start:stop].tolist(),
            strict=True,
        ):
            rule = table.rules[k]
            if rule is not None:
                body, reason = False, rule.reason
            elif table.breadcrumb[k]:
                body, reason = False, "breadcrumb"
            elif comment:
                body, reason = False, COMMENT_THREAD
            elif copy:
                body, reason = False, COPIED_BODY
            elif mark == 1:
                body, reason = True, HEADLINE
            elif mark == 2:
                body, reason = False, "duplicated headline"
            elif k in apart:  # a caption or dateline: kept in the text, but not article body
                body, reason = False, apart[k]
            elif keep:
                body, reason = True, BODY_PARAGRAPH if long else SHORT_BODY_LINE
            elif fallback is not None:
                body, reason = False, FALLBACK_FURNITURE
            else:
                body, reason = False, f"model: {FURNITURE_KINDS[kind]} (p={p:.2f})"
            block_codes.append(reasons.setdefault(reason, len(reasons)))
            block_body.append(body)
        codes[start:stop] = block_codes
        is_body[start:stop] = block_body
    return LineVerdicts(is_body, codes, tuple(reasons), probability)


def _set_apart(table: LineTable, ruled: np.ndarray) -> dict[int, str]:
    """Line index -> reason, for the caption and dateline lines no rule took."""
    found = {}
    words = table.stats.words.tolist()
    for k in np.flatnonzero(~ruled).tolist():
        reason = set_apart_reason(table.lines[k], words[k])
        if reason is not None:
            found[k] = reason
    return found


def _headline_copies(
    table: LineTable, title: str | None, ruled: np.ndarray, settings: BoilerplateSettings
) -> np.ndarray:
    """0 for other lines, 1 for the first copy of the title, 2 for later copies."""
    marks = np.zeros(len(table.lines), dtype=np.int8)
    title_key = normalise_line(title) if title else ""
    if not title_key:
        return marks
    title_words = set(title_key.split())
    # Judged once per distinct line (``keys``), then placed by each line's key.
    same = np.array(
        [_copies_title(key, title_key, title_words, settings) for key in table.columns.keys],
        dtype=bool,
    )
    copies = np.flatnonzero(same[table.columns.key_ids] & ~ruled)
    if len(copies):
        marks[copies] = 2
        marks[copies[0]] = 1
    return marks


def _copies_title(
    key: str, title_key: str, title_words: set[str], settings: BoilerplateSettings
) -> bool:
    words = set(key.split())
    return key == title_key or (
        len(words) >= settings.title_match_min_words
        and len(words & title_words) / len(words | title_words) >= settings.title_match_similarity
    )


def _opening_headline(
    table: LineTable, ruled: np.ndarray, kept: np.ndarray, settings: BoilerplateSettings
) -> np.ndarray:
    """1 on the first line when it is an untitled article's headline, else 0 everywhere.

    An article saved as text opens with its headline, set off from the first paragraph; the
    model, which has seen headlines mostly as copies of menus and teasers, greys it. The first
    line is the headline when no rule took it, it is short of a paragraph
    (``settings.max_headline_words``), it does not end in a full stop (a headline never does; a one-line
    lede, "KABUL (Reuters) - Talks resumed on Monday, officials said.", does) and the next line
    is a kept body paragraph.
    """
    marks = np.zeros(len(table.lines), dtype=np.int8)
    words = table.stats.words
    if (
        len(words) > 1
        and not ruled[0]
        and settings.min_headline_words <= words[0] <= settings.max_headline_words
        and not table.lines[0].rstrip().endswith(".")
        and kept[1]
        and words[1] >= SENTENCE_MIN_WORDS
    ):
        marks[0] = 1
    return marks


def _cut_off_ending(table: LineTable, ruled: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """The last line, when it is a paragraph cut off mid-sentence right after the body.

    An excerpt ends in a paragraph without its closing stop; the model reads the missing stop
    as a teaser's. It is body when it is paragraph-long and follows a kept body paragraph.
    """
    cut = np.zeros(len(table.lines), dtype=bool)
    words = table.stats.words
    last = len(words) - 1
    if (
        last > 0
        and not ruled[last]
        and not kept[last]
        and words[last] >= SENTENCE_MIN_WORDS
        and not table.columns.column("ends_terminal")[last]
        and kept[last - 1]
        and words[last - 1] >= SENTENCE_MIN_WORDS
    ):
        cut[last] = True
    return cut


def _fallback_body(
    table: LineTable, ruled: np.ndarray, kept: np.ndarray, prose_share: float
) -> np.ndarray | None:
    """trafilatura's body (the hints) when the kept lines fail the page check, else None.

    The check compares the words kept with the page's main prose block
    (``sequences.main_block``, a content score independent of both extractors). A model trained
    on other sites can take a whole article for comments or teasers while keeping a menu; when it
    keeps less than ``prose_share`` (``BoilerplateSettings.sanity_prose_share``) of that block
    and trafilatura's body passes the same check, trafilatura's body is kept. When the two
    extractors agree on a short body, they outvote the block (a short post above long comments).

    Plain text has no second extractor, and the block alone is no arbiter: on AEB dev it replaced
    right short bodies by the comments below them (page-mean F1 0.976 to 0.951). Plain text gets
    a milder check instead (``prose_block.recovered_body``): the densest prose run is added to,
    not put in place of, the kept lines.
    """
    hints = table.columns.hints
    if hints is None:
        return None
    words = table.stats.words
    prose = table.stats.sentence_like & ~ruled
    kept_words = float(words[kept & ~ruled].sum())
    if kept_words >= prose_share * float(words[prose].sum()):
        return None  # passes against all the page's prose, so against any block of it
    start, end = main_block(np.where(ruled, 0.0, words), prose)
    needed = prose_share * float(words[start:end][prose[start:end]].sum())
    if not needed or kept_words >= needed:
        return None
    hinted = hints & ~ruled
    return hinted if float(words[hinted].sum()) >= needed else None


def _best_block(
    table: LineTable, probability: np.ndarray, ruled: np.ndarray, share: float
) -> np.ndarray:
    """The most body-like run of lines, for pages where no line passed the threshold: lines
    scored ``body_probability - share * best`` (``BoilerplateSettings.fallback_share``)."""
    body = 1.0 - probability
    best = float(body[~ruled].max())
    words = table.stats.words
    start, end = best_segment(np.where(ruled, -words, (body - share * best) * words))
    keep = np.zeros(len(body), dtype=bool)
    keep[start:end] = True
    return keep & ~ruled


def _furniture_kinds(table: LineTable) -> np.ndarray:
    """Index into ``FURNITURE_KINDS`` of each line: the first kind that fits it."""
    columns = table.columns
    repeated = (columns.column("repeat_count") > 0) & (columns.column("first_occurrence") == 0)
    return np.select(
        [
            repeated,
            columns.column("link_like") > 0,
            columns.words <= SHORT_LINE_WORDS,
            columns.sentence_like,
        ],
        [0, 1, 2, 3],
        default=4,
    )
