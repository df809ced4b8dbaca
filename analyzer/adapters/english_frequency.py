"""General English word frequencies behind one door (the ``wordfreq`` package).

wordfreq ships its frequency lists inside the package (Wikipedia, subtitles, news, books, web
text and more, merged), so a look-up reads a local file and never the network. Its word lists load
on the first look-up (about 0.3 s) and are cached by wordfreq itself.
"""

from __future__ import annotations

#: wordfreq's Zipf scale: log10 of a word's frequency per billion words. 6.0 is one use in every
#: 1,000 words of English ("the" 7.7, "our" 6.1, "said" 6.0; "government" 5.6, "fighters" 4.2).
ZIPF_PER_THOUSAND = 6.0


def zipf(word: str) -> float:
    """The Zipf frequency of ``word`` in general English (0.0 for a word wordfreq never saw)."""
    from wordfreq import zipf_frequency  # loaded on first use: the lists take 0.3 s

    return float(zipf_frequency(word, "en"))
