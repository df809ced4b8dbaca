"""Comparisons across outlets: aligned sentences, distinctive words, who is called what, charts."""
