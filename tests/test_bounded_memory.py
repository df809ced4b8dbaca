"""A long run keeps bounded memory: the word layer forgets each article's new words."""

from __future__ import annotations

from analyzer.config import Config
from analyzer.document import Article, ArticleMeta
from analyzer.words import pipeline
from analyzer.workers import ArticleTables, score_items


def _articles(first: int, count: int) -> list[Article]:
    # Each article names a group nobody named before, in a sentence with a label (so it is parsed).
    return [
        Article(
            f"Officials said the Zorvath{n}qua militants seized the town of Belmik{n}ora on "
            f"Monday. Residents said the Zorvath{n}qua rebels had left by evening.",
            ArticleMeta(file=f"a{n}.txt", outlet="Wire"),
        )
        for n in range(first, first + count)
    ]


def _rows(items) -> list[dict]:
    return [item.row for item in items if isinstance(item, ArticleTables)]


def test_scoring_rows_leaves_the_vocabulary_as_it_found_it() -> None:
    config = Config()
    list(score_items(_articles(0, 3), config))  # models loaded, lexicon words met once
    strings = len(pipeline().vocab.strings)
    rows = _rows(score_items(_articles(100, 40), config))
    assert len(rows) == 40
    assert len(pipeline().vocab.strings) == strings


def test_rows_are_the_same_whether_the_words_are_kept_or_forgotten() -> None:
    config = Config()
    forgotten = _rows(score_items(_articles(200, 5), config))
    kept = _rows(score_items(_articles(200, 5), config, keep_analyses=True))
    assert forgotten == kept
    assert any(row["loaded_label_rate"] > 0 for row in forgotten)
