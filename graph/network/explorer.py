"""A loaded dataset with its graph and layouts, ready to make views.

The CLI and the app hold one :class:`Explorer` per dataset: the graph, the search index and
each layout are computed once, so every view of the dataset shares positions.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import networkx as nx

from graph.dataset.loading import load_dataset
from graph.dataset.model import Dataset
from graph.network.build import build_graph
from graph.network.layout import Positions, compute_layout
from graph.network.search import search_index
from graph.network.view import View, make_view
from graph.viewspec import ViewSpec


class Explorer:
    """One dataset, its graph, and its cached layouts."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._layouts: dict[str, Positions] = {}

    @classmethod
    def from_path(cls, path: str | Path) -> Explorer:
        return cls(load_dataset(path))

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        return build_graph(self.dataset)

    @cached_property
    def search_index(self) -> dict[str, str]:
        """Node id → label and aliases, for search boxes (built once per dataset)."""
        return search_index(self.graph)

    def positions(self, layout: str) -> Positions:
        if layout not in self._layouts:
            self._layouts[layout] = compute_layout(self.graph, layout)
        return self._layouts[layout]

    def view(self, spec: ViewSpec | None = None, title: str | None = None) -> View:
        """The view ``spec`` selects (the whole evidence graph by default)."""
        spec = spec or ViewSpec()
        return make_view(self.dataset, self.graph, spec, self.positions(spec.layout), title)
