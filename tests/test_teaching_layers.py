"""The learning package sits on top of the library: it reads datasets, networks and presentation,
and only the command line's modules, the two exports that package its work (a SCORM course holds
a quiz; the class overlay picture draws scored maps) and the app, outside graph/, import it."""

from __future__ import annotations

import ast
from pathlib import Path

GRAPH = Path(__file__).resolve().parent.parent / "graph"
TEACHING_MAY_IMPORT = {"graph.dataset", "graph.network", "graph.present", "graph.errors", "graph.viewspec",
                       "graph.teaching", "graph.files"}


def graph_imports(path: Path) -> set[str]:
    """The ``graph.*`` modules a file imports, as their first two dotted parts."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return {".".join(name.split(".")[:2]) for name in names if name.startswith("graph.")}


def test_teaching_imports_only_lower_layers() -> None:
    files = sorted((GRAPH / "teaching").glob("*.py"))
    assert files
    for path in files:
        assert graph_imports(path) <= TEACHING_MAY_IMPORT, path.name


def test_only_the_command_line_imports_teaching() -> None:
    importers = {path.relative_to(GRAPH).as_posix() for path in GRAPH.rglob("*.py")
                 if "teaching" not in path.parts and "graph.teaching" in graph_imports(path)}
    assert importers == {"cli.py", "cli_maps.py", "export/scorm.py", "export/overlay_picture.py"}
