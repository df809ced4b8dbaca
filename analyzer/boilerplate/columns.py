"""The columns of the line model's feature matrix, in the order the shipped trees expect.

The trained model file stores these names; ``analyzer.boilerplate.model`` refuses a model whose
names differ, so changing this layout means retraining (``benchmarks/train_boilerplate.py``).
"""

from __future__ import annotations

#: Window half-widths (in non-blank lines) for neighbourhood averages: immediate, paragraph-scale
#: and section-scale context.
WINDOWS = (2, 5, 12)

#: Buckets of the hashed bag of words over each line's first ``BOW_WORDS`` words (lower-cased,
#: digits folded to "0"). 64 buckets keep the vocabulary of furniture openings ("click to share",
#: "read more", "comments") without memorising article text; more did not help on AEB dev.
HASH_BUCKETS = 64
BOW_WORDS = 6

#: Rule categories whose lines mark the start of a region (comments follow "Leave a Reply",
#: teasers follow "Related"); the distance to the nearest one above/below is a feature.
MARKER_CATEGORIES = ("comment", "related", "share", "navigation", "copyright")

LINE_FEATURES = (
    "log_chars",
    "log_words",
    "mean_word_length",
    "ends_terminal",
    "ends_colon",
    "ends_ellipsis",
    "ends_question",
    "sentence_breaks",
    "comma_rate",
    "capitalised_share",
    "upper_line",
    "lower_start",
    "digit_share",
    "punct_share",
    "link_like",
    "bullet_start",
    "separators",
    "stopword_share",
    "quote_marks",
    "has_year",
    "title_similarity",
    "title_equal",
    "repeat_count",
    "first_occurrence",
    "rule_fired",
    "sentence_like",
    "head_capitalised_share",
    "unspaced_script",
    "ends_says_colon",
)
POSITION_FEATURES = (
    "relative_position",
    "relative_word_position",
    "log_lines_before",
    "log_lines_after",
)
CONTEXT_FEATURES = (
    "prev_log_words",
    "next_log_words",
    "prev_terminal",
    "next_terminal",
    "prev_rule",
    "next_rule",
    "prev_sentence_like",
    "next_sentence_like",
    "blank_before",
    "blank_after",
    *(f"window{w}_log_words" for w in WINDOWS),
    *(f"window{w}_sentence_share" for w in WINDOWS),
    *(f"window{w}_rule_share" for w in WINDOWS),
    *(f"window{w}_repeat_share" for w in WINDOWS),
    *(f"window{w}_terminal_share" for w in WINDOWS),
    "log_distance_sentence_above",
    "log_distance_sentence_below",
    "before_first_sentence",
    "after_last_sentence",
    "in_main_block",
    "log_distance_main_block",
    "main_block_position",
    "doc_log_lines",
    "doc_sentence_share",
    "doc_stopword_share",
    *(f"log_distance_{category}_above" for category in MARKER_CATEGORIES),
    *(f"log_distance_{category}_below" for category in MARKER_CATEGORIES),
)
BOW_FEATURES = tuple(f"bow_{k:02d}" for k in range(HASH_BUCKETS))
HINT_FEATURES = (
    "hint",
    "prev_hint",
    "next_hint",
    *(f"window{w}_hint_share" for w in WINDOWS),
    "doc_hint_share",
    "before_first_hint",
    "after_last_hint",
    "log_distance_hint",
)
#: HTML only: how much of a line, and of the lines around it, is link text (the strongest
#: shallow cue to navigation in Kohlschuetter et al. 2010's boilerplate study).
LINK_FEATURES = (
    "link_share",
    "prev_link_share",
    "next_link_share",
    *(f"window{w}_link_share" for w in WINDOWS),
)

PLAIN_FEATURES = (*LINE_FEATURES, *POSITION_FEATURES, *CONTEXT_FEATURES, *BOW_FEATURES)
HTML_FEATURES = (*PLAIN_FEATURES, *HINT_FEATURES, *LINK_FEATURES)

#: Column index of every feature name (plain columns are a prefix of the HTML ones).
FEATURE_INDEX = {name: i for i, name in enumerate(HTML_FEATURES)}
