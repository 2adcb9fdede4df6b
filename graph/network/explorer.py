"""A loaded dataset with its graph and layouts, ready to make views.

The CLI and the app hold one :class:`Explorer` per dataset: the graph, the search entries and
each layout are computed once, so every view of the dataset shares positions. The most recent
views are kept too: a class following the same tour, or a reader clicking around one view, asks
for the same few views again and again.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cached_property
from pathlib import Path
from threading import Lock

import networkx as nx

from graph.dataset.loading import load_dataset
from graph.dataset.model import Dataset
from graph.network.build import build_graph
from graph.network.layout import Positions, compute_layout
from graph.network.search import SearchEntry, SearchHit, example_name, search, search_entries
from graph.network.view import View, make_view
from graph.viewspec import ViewSpec

VIEWS_KEPT = 64
SEARCHES_KEPT = 64


class Explorer:
    """One dataset, its graph, and its cached layouts and recent views."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._layouts: dict[str, Positions] = {}
        self._views: OrderedDict[tuple[ViewSpec, str | None], View] = OrderedDict()
        self._searches: OrderedDict[str, tuple[SearchHit, ...]] = OrderedDict()
        self._lock = Lock()

    @classmethod
    def from_path(cls, path: str | Path) -> Explorer:
        return cls(load_dataset(path))

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        return build_graph(self.dataset)

    @cached_property
    def search_entries(self) -> tuple[SearchEntry, ...]:
        """What search knows of each node (built once per dataset)."""
        return search_entries(self.dataset)

    @cached_property
    def search_example(self) -> str | None:
        """A label to offer as an example in a search box (:func:`graph.network.search.example_name`)."""
        return example_name(self.search_entries)

    def search(self, text: str) -> tuple[SearchHit, ...]:
        """The nodes that match ``text``, best first; the last few searches are kept."""
        with self._lock:
            if text in self._searches:
                return self._searches[text]
        hits = tuple(search(self.search_entries, text))
        with self._lock:
            self._searches[text] = hits
            while len(self._searches) > SEARCHES_KEPT:
                self._searches.popitem(last=False)
        return hits

    def positions(self, layout: str) -> Positions:
        if layout not in self._layouts:
            self._layouts[layout] = compute_layout(self.graph, layout)
        return self._layouts[layout]

    def view(self, spec: ViewSpec | None = None, title: str | None = None) -> View:
        """The view ``spec`` selects (the whole evidence graph by default); the same object for the same request.

        Raises ViewSpecError when the spec names ids the dataset does not have.
        """
        key = (spec or ViewSpec(), title)
        return self._remembered(key) or self._remember(key, make_view(
            self.dataset, self.graph, key[0], self.positions(key[0].layout), title))

    def _remembered(self, key: tuple[ViewSpec, str | None]) -> View | None:
        with self._lock:
            if key in self._views:
                self._views.move_to_end(key)
            return self._views.get(key)

    def _remember(self, key: tuple[ViewSpec, str | None], view: View) -> View:
        with self._lock:
            self._views[key] = view
            while len(self._views) > VIEWS_KEPT:
                self._views.popitem(last=False)
        return view
