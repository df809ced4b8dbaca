"""Adapters: the only modules that import third-party scorers (vaderSentiment, textstat)."""
