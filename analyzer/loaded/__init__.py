"""Helpers of the loaded-terminology signal (:mod:`analyzer.signals.loaded`)."""
