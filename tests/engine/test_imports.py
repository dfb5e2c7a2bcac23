"""The build logic flows one way: no module of scripts/ imports one that
imports it back, however far round, and the core knows nothing of MkDocs
or of the modules built on it. Read from the sources, every import
counted (those under ``if TYPE_CHECKING`` and inside functions too)."""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

SCRIPTS = ROOT / "scripts"
PACKAGES = ("worksheet", "worksheet_site", "sheet_import")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SCRIPTS).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> set[str]:
    """The modules of scripts/ that the file at ``path`` imports."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from . import views`` imports the module views; ``from .views import x``, the module.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in SCRIPTS.rglob("*.py") if "__pycache__" not in p.parts}
    modules = set(paths)
    return {name: imports(path, modules) for name, path in paths.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module (Tarjan), as a cycle to read."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def test_the_import_graph_is_read_whole():
    edges = graph()
    assert {"worksheet_site.plugin", "worksheet.questions", "sheet_import.page_words"} <= set(edges)
    assert "worksheet.questions" in edges["worksheet_site.question_blocks"]
    assert "worksheet_site.pages" in edges["worksheet_site.builders"]  # ``from .pages import …``
    assert "worksheet_site.views" in edges["worksheet_site.plugin"]  # ``from . import views``


def test_no_module_imports_one_that_imports_it_back():
    assert cycles(graph()) == []


def test_a_cycle_is_found_however_far_round():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_core_imports_nothing_built_on_it():
    edges = graph()
    core = {name: targets for name, targets in edges.items() if name.split(".")[0] == "worksheet"}
    assert {name: sorted(t for t in targets if t.split(".")[0] != "worksheet") for name, targets in core.items()
            if any(t.split(".")[0] != "worksheet" for t in targets)} == {}
    for name in core:
        source = (SCRIPTS / Path(*name.split("."))).with_suffix(".py")
        source = source if source.exists() else SCRIPTS / Path(*name.split(".")) / "__init__.py"
        tree = ast.parse(source.read_text(encoding="utf-8"))
        modules = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        modules |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert [m for m in modules if m.split(".")[0] in ("mkdocs", "material", "markdown", "pymdownx")] == [], name
