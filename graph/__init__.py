"""Knowledge-graph explorer: YAML datasets as validated NetworkX graphs, drawn and exported.

Data flows one way: YAML → :class:`Dataset` → NetworkX graph → :class:`View` → HTML or exports.
The layers are subpackages: :mod:`graph.dataset` (reading and validating),
:mod:`graph.network` (the graph and its views), :mod:`graph.present` (how a view looks) and
:mod:`graph.export` (files other tools open). This module re-exports the names most callers need.
"""

from graph.dataset import Dataset, lint_dataset, load_bytes, load_dataset
from graph.errors import ExportError, GraphDataError, Problem, ValidationError, ViewSpecError
from graph.network import Explorer, View, ViewSpec, build_graph, make_view

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
