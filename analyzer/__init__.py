"""framescope: framing and source-credibility signals for news, each score backed by evidence spans.

>>> from analyzer import analyze
>>> result = analyze("Officials said the militants may withdraw.")
>>> [span.signal for span in result.spans]  # doctest: +SKIP
['attribution', 'loaded', 'hedge']
"""

from __future__ import annotations

from analyzer.analysis import Analysis, analyze
from analyzer.collection import CollectionResult, analyze_collection
from analyzer.config import Config
from analyzer.document import Article, ArticleMeta, Document
from analyzer.span import Span
from analyzer.storypack import StoryPack, load_story_pack
from analyzer.version import LEXICON_VERSION, __version__

__all__ = [
    "LEXICON_VERSION",
    "Analysis",
    "Article",
    "ArticleMeta",
    "CollectionResult",
    "Config",
    "Document",
    "Span",
    "StoryPack",
    "__version__",
    "analyze",
    "analyze_collection",
    "load_story_pack",
]
