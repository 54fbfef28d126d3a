"""The layers of ARCHITECTURE.md: each package imports only those below it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "prisonwatch"

#: For each layer, the prisonwatch packages it must not import.
FORBIDDEN = {
    "core": {"storage", "extract", "ingest", "names", "services", "cli", "api", "web"},
    "storage": {"extract", "ingest", "names", "services", "cli", "api", "web"},
    "extract": {"services", "cli", "api", "web"},
    "ingest": {"extract", "services", "cli", "api", "web"},
    "names": {"storage", "extract", "services", "cli", "api", "web"},
    "services": {"cli", "api", "web"},
    "web": {"cli"},
}


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_below(layer: str) -> None:
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in imports(path):
            parts = name.split(".")
            if parts[0] == "prisonwatch" and len(parts) > 1:
                assert parts[1] not in FORBIDDEN[layer], f"{path.name} imports {name}"


def test_core_is_pure() -> None:
    """The core uses the standard library only, and none of its I/O or clock modules."""
    impure = {"os", "io", "pathlib", "socket", "subprocess", "sqlite3", "time", "random", "shutil"}
    stdlib = sys.stdlib_module_names
    for path in (PACKAGE / "core").rglob("*.py"):
        for name in imports(path):
            top = name.split(".")[0]
            assert top == "prisonwatch" or top in stdlib or top == "__future__", (
                f"{path.name} imports {name}"
            )
            assert top not in impure, f"{path.name} imports {name}"
            if top == "prisonwatch":
                assert name.startswith("prisonwatch.core"), f"{path.name} imports {name}"
        source = path.read_text(encoding="utf-8")
        for call in ("date.today(", "datetime.now(", "datetime.utcnow(", "open("):
            assert call not in source, f"{path.name} calls {call}"
