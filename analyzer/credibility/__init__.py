"""Credibility evidence, one module per indicator group (the signal is ``signals/credibility.py``).

- :mod:`~analyzer.credibility.voices`: whose voices are heard, per side;
- :mod:`~analyzer.credibility.evidence`: documents, data, sourced numbers, dates, links;
- :mod:`~analyzer.credibility.headline`: clickbait cues and headline words the body lacks;
- :mod:`~analyzer.credibility.tone`: judging words in the outlet's own voice;
- :mod:`~analyzer.credibility.page`: byline, date, dateline, corrections, asks and adverts;
- :mod:`~analyzer.credibility.indicators`: every indicator column, its group and its evidence.
"""
