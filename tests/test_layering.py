"""Imports point downward only, and no module imports itself round a loop.

Every import is read from the source (module level and inside functions alike, since a lazy
import is still a dependency and has hidden a cycle before), mapped to a layer, and checked
against the order below. The map is data: a new package joins a layer here, on purpose.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from analyzer.evaluation import EVALUATIONS
from tests.conftest import ROOT

#: Bottom to top: a module may import from its own layer and the layers before it.
LAYERS = ("model", "document", "signals", "pipeline", "tables", "outputs", "apps")

#: Module (or package) -> layer; the longest matching prefix decides.
LAYER_OF = {
    # Plain data and settings, and the adapters that keep third-party code behind one door.
    "analyzer.span": "model",
    "analyzer.errors": "model",
    "analyzer.version": "model",
    "analyzer.lexicons": "model",
    "analyzer.matching": "model",
    "analyzer.storypack": "model",
    "analyzer.config": "model",
    "analyzer.settings": "model",
    "analyzer.adapters": "model",
    # The document and every shared layer it owns (lines, sentences, quotations, words, voice,
    # furniture, actors).
    "analyzer.document": "document",
    "analyzer.text": "document",
    "analyzer.words": "document",
    "analyzer.lemmas": "document",
    "analyzer.voice": "document",
    "analyzer.boilerplate": "document",
    "analyzer.actors": "document",
    # Signals: find evidence in a document and summarise it.
    "analyzer.signals": "signals",
    "analyzer.loaded": "signals",
    "analyzer.credibility": "signals",  # the credibility signal's finders and indicator list
    "analyzer.credibility.table": "tables",
    # Reading articles and running every signal on one.
    "analyzer.io": "pipeline",
    "analyzer.analysis": "pipeline",
    "analyzer.coverage": "pipeline",
    # Collections as tables.
    "analyzer.tables": "tables",
    "analyzer.scorecard": "tables",
    "analyzer.display": "tables",  # plain names beside the data dictionary
    "analyzer.collection": "tables",
    "analyzer.workers": "tables",
    "analyzer.aggregates": "tables",
    # What people read: highlighted articles, comparisons, worksheets, accuracy reports.
    "analyzer.render": "outputs",
    "analyzer.compare": "outputs",
    "analyzer.worksheets": "outputs",
    "analyzer.evaluation": "outputs",
    "analyzer.journal": "outputs",
    "analyzer.progress": "outputs",
    "analyzer.streaming": "outputs",
    "analyzer.dask": "outputs",
    # Entry points: the package's public face, the commands and the dashboard.
    "analyzer": "apps",
    "analyzer.cli": "apps",
    "analyzer.bundled": "apps",
    "analyzer.command_files": "apps",
    "analyzer.score_command": "apps",
    "analyzer.worksheets.command": "apps",
    "dashboards": "apps",
}

#: Upward imports not fixed yet, each with its reason. Empty now; an entry is a debt, not a pass.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}

#: Only these may import the third-party adapters; everything else asks a signal. The NELA-style
#: baseline stands for a peer's toolkit, which computes VADER and readability itself: it must not
#: read our signals, so it calls the adapters as that toolkit calls the libraries. The
#: distinctive-words comparison reads general English word frequencies.
ADAPTER_USERS = (
    "analyzer.signals",
    "analyzer.evaluation.nela_baseline",
    "analyzer.compare.distinctive",
)


def test_imports_point_downward_only() -> None:
    upward = []
    for module, imported in _edges():
        if _rank(imported) > _rank(module) and (module, imported) not in KNOWN_UPWARD:
            upward.append(f"{module} ({_layer(module)}) imports {imported} ({_layer(imported)})")
    assert not upward, "\n".join(upward)
    assert set(KNOWN_UPWARD) <= set(_edges()), "a known exception was fixed: remove it"


def test_no_import_cycles() -> None:
    graph: dict[str, set[str]] = {}
    for module, imported in _edges():
        graph.setdefault(module, set()).add(imported)
    cycles = [sorted(group) for group in _strongly_connected(graph) if len(group) > 1]
    assert not cycles, cycles


def test_only_signals_call_the_adapters() -> None:
    callers = {
        module
        for module, imported in _edges()
        if imported.startswith("analyzer.adapters")
        and not module.startswith(("analyzer.adapters", *ADAPTER_USERS))
    }
    assert not callers, callers


def test_every_module_has_a_layer_and_the_map_names_real_modules() -> None:
    modules = set(_modules())
    assert all(_layer(module) in LAYERS for module in modules)
    for prefix in LAYER_OF:
        assert any(m == prefix or m.startswith(prefix + ".") for m in modules), prefix


def test_the_checker_sees_lazy_imports_and_resolves_submodules() -> None:
    edges = set(_edges())
    assert ("analyzer.cli", "analyzer.evaluation.report") in edges  # inside a function
    assert ("analyzer.signals", "analyzer.signals.attribution") in edges  # from pkg import mod
    assert ("dashboards.views.read", "dashboards.common") in edges  # the app's own modules


def _modules() -> dict[str, Path]:
    found = {}
    for path in [*ROOT.glob("analyzer/**/*.py"), *ROOT.glob("dashboards/**/*.py")]:
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _edges() -> Iterator[tuple[str, str]]:
    """Every (importer, imported) pair between the project's own modules."""
    modules = _modules()
    for module, path in modules.items():
        for name in _imported_names(ast.parse(path.read_text(encoding="utf-8"))):
            if module.startswith("dashboards") and name.split(".")[0] in ("common", "views"):
                name = "dashboards." + name  # the app puts its own folder on sys.path
            target = _resolve(name, modules)
            if target is not None and target != module:
                yield module, target
    # analyzer.evaluation imports its evaluations by name (importlib), listed as data.
    for evaluation in EVALUATIONS:
        yield "analyzer.evaluation", f"analyzer.evaluation.{evaluation.module}"


def _imported_names(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from package import module`` depends on the module, else on the package.
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The project module ``name`` refers to (a symbol resolves to its module), or None."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _layer(module: str) -> str:
    prefix = max((p for p in LAYER_OF if module == p or module.startswith(p + ".")), key=len)
    return LAYER_OF[prefix]


def _rank(module: str) -> int:
    return LAYERS.index(_layer(module))


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm: the groups of modules that can each reach every other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            groups.append(group)

    for node in list(graph):
        if node not in index:
            visit(node)
    return groups
