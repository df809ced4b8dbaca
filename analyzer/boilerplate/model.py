"""The line model: gradient-boosted trees read from JSON and evaluated with numpy.

The trees are fitted by scikit-learn (``benchmarks/train_boilerplate.py``) and shipped as plain
JSON (``analyzer/models/boilerplate.json``), never as a pickle: loading a pickle runs code.
Inference walks every tree at once, one tree level per numpy step. Nodes are stored so that a
node's right child directly follows its left child, so a step is ``node = left[node] + (x > t)``;
a leaf points to itself and has an infinite threshold, so walks of unequal depth line up.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from analyzer.boilerplate.columns import HTML_FEATURES, PLAIN_FEATURES
from analyzer.boilerplate.thresholds import check_thresholds
from analyzer.errors import LexiconError

MODEL_FILE = "boilerplate.json"

#: Bumped whenever the JSON layout changes; a mismatch fails loudly at load.
MODEL_FORMAT = "framescope-boilerplate-trees/1"

#: Keys every model file carries (checked by tests and at load).
MODEL_KEYS = ("format", "description", "training", "dev_figures", "models")


@dataclass(frozen=True, slots=True)
class TreeModel:
    """A fitted tree ensemble ready for :meth:`furniture_probability`.

    Attributes
    ----------
    name : str
        ``"plain"`` (text only) or ``"html"`` (text plus extractor hints).
    feature_names : tuple of str
        Column order the trees expect.
    threshold : float
        Furniture probability at or above which a line is furniture (tuned on dev).
    """

    name: str
    feature_names: tuple[str, ...]
    threshold: float
    baseline: float
    depth: int
    roots: np.ndarray
    feature: np.ndarray
    split: np.ndarray
    left: np.ndarray
    value: np.ndarray

    def furniture_probability(self, features: np.ndarray) -> np.ndarray:
        """Probability that each row (line) is furniture."""
        n_rows, width = features.shape
        if n_rows == 0:
            return np.zeros(0)
        flat = np.ascontiguousarray(features, dtype=np.float64).ravel()
        row_base = (np.arange(n_rows) * width)[:, None]
        node = np.broadcast_to(self.roots, (n_rows, len(self.roots)))
        for _ in range(self.depth):
            node = self.left[node] + (flat[row_base + self.feature[node]] > self.split[node])
        raw = self.baseline + self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


def pack_model(name: str, spec: dict[str, Any]) -> TreeModel:
    """Build a :class:`TreeModel` from its JSON ``spec`` (see ``benchmarks/train_boilerplate.py``)."""
    expected = PLAIN_FEATURES if name == "plain" else HTML_FEATURES
    names = tuple(spec["features"])
    if names != expected:
        raise LexiconError(
            f"model {MODEL_FILE}: the {name!r} model was trained on other features than the code "
            "computes; retrain with benchmarks/train_boilerplate.py"
        )
    trees = spec["trees"]
    width = max(len(tree["feature"]) for tree in trees)
    count = len(trees)
    feature = np.zeros((count, width), dtype=np.intp)
    split = np.full((count, width), np.inf)
    left = np.zeros((count, width), dtype=np.intp)
    value = np.zeros((count, width))
    for t, tree in enumerate(trees):
        size = len(tree["feature"])
        offset = t * width
        for node, (used, threshold, child, leaf_value) in enumerate(
            zip(tree["feature"], tree["threshold"], tree["left"], tree["value"], strict=True)
        ):
            if child < 0:  # leaf
                left[t, node] = offset + node
                value[t, node] = leaf_value
            else:
                feature[t, node] = used
                split[t, node] = threshold
                left[t, node] = offset + child
        # Padding nodes are unreachable; make them self-loops so the arrays are well formed.
        left[t, size:] = offset + np.arange(size, width)
    return TreeModel(
        name=name,
        feature_names=names,
        threshold=float(spec["threshold"]),
        baseline=float(spec["baseline"]),
        depth=int(spec["depth"]),
        roots=np.arange(count) * width,
        feature=feature.ravel(),
        split=split.ravel(),
        left=left.ravel(),
        value=value.ravel(),
    )


@functools.cache
def load_model_file() -> dict[str, Any]:
    """The parsed model file (read once per process)."""
    # ``models`` is a data folder of the ``analyzer`` package (see package-data in pyproject.toml).
    source = resources.files("analyzer").joinpath("models", MODEL_FILE)
    document: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    missing = [key for key in MODEL_KEYS if key not in document]
    if missing or document.get("format") != MODEL_FORMAT:
        raise LexiconError(f"model {MODEL_FILE}: not a {MODEL_FORMAT} file (missing {missing})")
    check_thresholds(document, MODEL_FILE)
    return document


@functools.cache
def load_model(name: str) -> TreeModel:
    """The ``"plain"`` or ``"html"`` model, packed for inference (once per process)."""
    return pack_model(name, load_model_file()["models"][name])
