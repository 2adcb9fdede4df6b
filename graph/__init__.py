"""Knowledge-graph explorer: YAML datasets as validated NetworkX graphs, drawn and exported.

Data flows one way: YAML → :class:`Dataset` → NetworkX graph → :class:`View` → HTML or exports.
"""

from graph.build import build_graph
from graph.errors import ExportError, GraphDataError, Problem, ValidationError
from graph.explorer import Explorer
from graph.lint import lint_dataset
from graph.loading import load_bytes, load_dataset
from graph.model import Dataset
from graph.view import View, make_view
from graph.viewspec import ViewSpec, ViewSpecError

__all__ = [
    "Dataset",
    "Explorer",
    "ExportError",
    "GraphDataError",
    "Problem",
    "ValidationError",
    "View",
    "ViewSpec",
    "ViewSpecError",
    "build_graph",
    "lint_dataset",
    "load_bytes",
    "load_dataset",
    "make_view",
]
