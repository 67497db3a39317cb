"""The house as docs/architecture.md draws it: layers that import only downwards, no
import cycle, OR-Tools only under solver/, at most 12 modules in any folder.

Read from the source with :mod:`ast` (every import, at the top of a module or inside a
function), so the test sees what the code says, not what happens to be loaded.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "motesplan"

LAYERS: dict[str, int] = {
    "source": 0,
    "_version": 0,
    "errors": 1,
    "_files": 1,
    "text": 2,
    "_ics_events": 3,
    "_convert": 3,
    "planner": 4,
    "rotation": 5,
    "solver": 6,
    "formats": 6,
    "reports": 6,
    "config": 6,
    "booking": 7,
    "__init__": 8,
    "cli": 9,
    "__main__": 10,
}
"""Each top-level module or folder of the package, by floor: a module may import only
from floors below its own, or from its own folder."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, name: str) -> set[str]:
    """The motesplan modules (and top-level third-party packages) ``path`` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            # ``from motesplan.solver import options`` names a module too
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {
        name: {other for other in _imports(path, name) if other in modules and other != name}
        for name, path in modules.items()
    }


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_top_level_module_and_folder_has_a_floor() -> None:
    tops = {_top(name) for name in _modules()}
    assert tops == set(LAYERS), "give a new module or folder its floor in LAYERS"


def test_modules_import_only_downwards() -> None:
    wrong = []
    for module, imported in _graph().items():
        for other in imported:
            here, there = _top(module), _top(other)
            if here != there and LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module} -> {other}")
    assert not wrong, "imports that do not go down a floor: " + ", ".join(sorted(wrong))


def test_no_import_cycle() -> None:
    graph = _graph()
    # imports of a package's face (its __init__) by its own modules are not cycles of
    # code: the face only hands names on; every other edge counts
    state: dict[str, int] = defaultdict(int)  # 0 new, 1 on the path, 2 done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for other in sorted(graph[module]):
            if state[other] == 1:
                return [*path[path.index(other) :], other]
            if state[other] == 0 and (cycle := visit(other)) is not None:
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if state[module] == 0:
            cycle = visit(module)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_ortools_only_under_the_solver() -> None:
    wrong = [
        name
        for name, path in _modules().items()
        if any(m == "ortools" or m.startswith("ortools.") for m in _imports(path, name))
        and not name.startswith("motesplan.solver.")
    ]
    assert not wrong, f"OR-Tools imported outside solver/: {wrong}"


@pytest.mark.parametrize(
    "folder", sorted({p.parent for p in PACKAGE.rglob("*.py")}), ids=lambda p: p.name
)
def test_at_most_twelve_modules_side_by_side(folder: Path) -> None:
    modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
    assert len(modules) <= 12, f"{folder}: {len(modules)} modules"
