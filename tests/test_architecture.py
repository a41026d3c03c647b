"""The package's layering: imports go downward only, and no module imports itself in a circle,
not even through an import inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "corpuslint"

# Lower numbers are lower layers; a module imports only from its own layer or below.
LAYERS = {
    "core": 0, "load": 0,
    "text": 1,
    "page": 2,
    "corpus": 3,
    "rules": 4,
    "suppress": 5, "cache": 5, "late_findings": 5,
    "engine": 6, "fix": 6, "report": 6, "assess": 6, "clean": 6, "terminate": 6,
    "cli": 7, "api": 7, "integrations": 7, "ray": 7,
    "__init__": 8, "__main__": 8,
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every corpuslint module ``path`` imports, at any depth of its code."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("corpuslint"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("corpuslint"):
                continue
            out.add(target)
            for alias in node.names:  # ``from . import x`` may name a module
                out.add(f"{target}.{alias.name}")
    return out


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    return {m: {t for t in _imports(p) if t in modules and t != m} for m, p in modules.items()}


def _layer(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    if top not in LAYERS:
        pytest.fail(f"{module}: no layer assigned in tests/test_architecture.py")
    return LAYERS[top]


def test_imports_go_downward_only():
    wrong = sorted(f"{m} imports {t}" for m, targets in _graph().items() for t in targets
                   if _layer(t) > _layer(m))
    assert wrong == []


def test_no_import_circle():
    graph = _graph()
    # Package __init__ modules re-export their children; a child importing its own package's
    # __init__ is the usual pattern and no circle of code, so edges into a package's own
    # __init__ from inside it are left out.
    edges = {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(edges.get(m, ())):
            if state.get(t) == 1:
                circles.append(stack[stack.index(t):] + [t])
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
    assert circles == []
