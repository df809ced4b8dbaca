"""The worked-example notebooks run top to bottom against the current API (no Jupyter needed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_code_cells_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "notebooks")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    namespace: dict[str, object] = {}
    for number, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            exec(compile(source, f"{path.name}[cell {number}]", "exec"), namespace)
    collection = namespace.get("collection")
    if collection is not None:
        assert not collection.errors, collection.errors
        assert len(collection.articles) > 0


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS, f"no notebooks under {os.path.relpath(ROOT / 'notebooks')}"
