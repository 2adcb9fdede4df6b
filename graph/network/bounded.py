"""Bounded views of large graphs: the most connected nodes with their links, so a tab never freezes.

A browser draws a few hundred nodes at once in well under a second, but 20,000 nodes with 60,000
links take tens of seconds and make every pan slow. Over :data:`LARGE_GRAPH_NODES` nodes the app
therefore shows a bounded view by default: the :data:`SHOWN_NODES` most connected nodes that pass
the filters (or the most connected around the focus, always keeping the focus and path ends),
with every link among them, laid out afresh, since the whole graph's layout would scatter them.
Only the part shown is copied and laid out. :class:`Bound` says how big the graph is and what is
shown, in words the app puts above the picture.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import networkx as nx

from graph.dataset.model import Dataset
from graph.network.build import CLAIMS_LAYER
from graph.network.layout import compute_layout
from graph.network.paths import shortest_paths
from graph.network.query import check_ids, filtered, induced_copy, neighbourhood
from graph.network.view import View, make_view
from graph.viewspec import ViewSpec

LARGE_GRAPH_NODES = 2000
SHOWN_NODES = 500


@dataclass(frozen=True)
class Bound:
    """How a bounded view relates to the whole graph."""

    total_nodes: int
    total_edges: int
    shown_nodes: int
    shown_edges: int
    matching_nodes: int
    focus_label: str | None = None
    depth: int = 1

    @property
    def sentence(self) -> str:
        """E.g. "20,000 nodes and 59,939 links; showing the 500 most connected and their 2,113 links."."""
        around = f" within {_steps(self.depth)} of {self.focus_label}" if self.focus_label else ""
        which = f"the {self.shown_nodes:,} most connected" if self.cut else f"all {self.shown_nodes:,}"
        return (f"{self.total_nodes:,} nodes and {self.total_edges:,} links; showing {which}{around} "
                f"and their {self.shown_edges:,} links.")

    @property
    def cut(self) -> bool:
        """True when some nodes that match the view are left out."""
        return self.shown_nodes < self.matching_nodes

    @property
    def warning(self) -> str:
        """What drawing everything costs, said before the user asks for it."""
        return (f"Drawing all {self.total_nodes:,} nodes and {self.total_edges:,} links can take a minute, "
                "during which the page does not respond, and then every pan and zoom is slow.")


def is_large(graph: nx.MultiDiGraph, threshold: int = LARGE_GRAPH_NODES) -> bool:
    """True when drawing the whole graph would keep the browser busy for seconds."""
    return graph.number_of_nodes() > threshold


def bounded_view(dataset: Dataset, graph: nx.MultiDiGraph, spec: ViewSpec, limit: int = SHOWN_NODES,
                 title: str | None = None) -> tuple[View, Bound]:
    """The view ``spec`` selects, cut to its ``limit`` most connected nodes, and what was cut.

    Filters, focus, depth and paths mean what they mean in :func:`make_view`; the focus and
    path nodes are always kept. Raises ViewSpecError when the spec names ids that do not exist.
    """
    check_ids(dataset, spec)
    pinned = [node for node in (spec.focus, spec.path_from, spec.path_to) if node]
    visible = filtered(dataset, graph, spec, keep=set(pinned))
    if spec.path_from and spec.path_to:
        pinned += [node for path in shortest_paths(visible, spec.path_from, spec.path_to) for node in path.nodes]
    region = neighbourhood(visible, spec.focus, spec.depth, spec.direction) if spec.focus else set(visible)
    part = induced_copy(graph, most_connected(graph, region, limit, pinned))
    view = make_view(dataset, part, spec, compute_layout(part, spec.layout), title)
    view = replace(view, hidden_nodes=graph.number_of_nodes() - view.graph.number_of_nodes(),
                   hidden_edges=graph.number_of_edges() - view.graph.number_of_edges(),
                   hidden_claims=_claims(graph) - _claims(view.graph))
    focus_label = graph.nodes[spec.focus]["label"] if spec.focus else None
    bound = Bound(graph.number_of_nodes(), graph.number_of_edges(), view.graph.number_of_nodes(),
                  view.graph.number_of_edges(), len(region | set(pinned)), focus_label, spec.depth)
    return view, bound


def most_connected(graph: nx.MultiDiGraph, candidates: Iterable[str], limit: int,
                   pinned: Sequence[str] = ()) -> list[str]:
    """The pinned nodes, then the candidates with the most links in ``graph`` (ties by id), ``limit`` in all."""
    chosen = list(dict.fromkeys(pinned))
    kept = set(chosen)
    degree = graph.degree
    ranked = sorted((node for node in candidates if node not in kept),
                    key=lambda node: (-degree[node], node))
    return chosen + ranked[:max(0, limit - len(chosen))]


def _claims(graph: nx.MultiDiGraph) -> int:
    return sum(1 for _, data in graph.nodes(data=True) if data.get("layer") == CLAIMS_LAYER)


def _steps(depth: int) -> str:
    return "1 step" if depth == 1 else f"{depth} steps"
