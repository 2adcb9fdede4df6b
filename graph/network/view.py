"""A view: the part of the graph a spec selects, with its highlighted paths.

The :class:`View` is what every renderer and exporter takes, so the picture on screen, the HTML
file and every export of "this view" show the same nodes and edges. It is the selection only:
where each node is drawn is decided once, by presentation (:func:`graph.present.styled_view`),
which keeps the whole graph's layout for a whole-graph view and lays a focus view out afresh.
The view carries that whole-graph layout (``layout_positions``) so a node never jumps when
filters change.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.dataset.model import Dataset
from graph.network.build import CLAIMS_LAYER
from graph.network.layout import Positions
from graph.network.paths import GraphPath, no_path_sentence, path_sentence, shortest_paths
from graph.network.query import check_ids, expansion, filtered, induced_copy, neighbourhood, without
from graph.viewspec import ViewSpec


@dataclass(frozen=True)
class View:
    """The visible subgraph and everything needed to draw and describe it.

    ``layout_positions`` are where the whole graph's layout puts the shown nodes; what is drawn
    comes from the styled view, which lays focused and grouped views out afresh.
    """

    dataset: Dataset
    graph: nx.MultiDiGraph
    spec: ViewSpec
    layout_positions: Positions
    paths: tuple[GraphPath, ...]
    path_sentences: tuple[str, ...]
    hidden_nodes: int
    hidden_edges: int
    hidden_claims: int
    title: str

    @property
    def path_edges(self) -> set[tuple[str, str, str]]:
        return {key for path in self.paths for key in path.edge_keys}

    @property
    def path_nodes(self) -> set[str]:
        return {node for path in self.paths for node in path.nodes}


def make_view(dataset: Dataset, graph: nx.MultiDiGraph, spec: ViewSpec,
              positions: Positions, title: str | None = None) -> View:
    """Apply ``spec`` to ``graph``: filters, then focus and depth, then paths.

    Hidden nodes are taken out first (paths then go around them), and each expanded node brings
    its neighbours among the nodes the filters let through.

    Raises ViewSpecError when the spec names ids the dataset does not have.
    """
    check_ids(dataset, spec)
    pinned = {n for n in (spec.focus, spec.path_from, spec.path_to) if n}
    visible = without(filtered(dataset, graph, spec, keep=pinned | set(spec.expanded)), set(spec.hidden) - pinned)
    paths = shortest_paths(visible, spec.path_from, spec.path_to) if spec.path_from and spec.path_to else []
    nodes = set(visible)
    if spec.focus:
        nodes = neighbourhood(visible, spec.focus, spec.depth, spec.direction)
    nodes |= {node for path in paths for node in path.nodes} | pinned | expansion(visible, spec.expanded)
    shown = induced_copy(visible, nodes)
    return View(
        dataset=dataset, graph=shown, spec=spec, layout_positions={node: positions[node] for node in shown},
        paths=tuple(paths), path_sentences=_sentences(dataset, visible, spec, paths),
        hidden_nodes=graph.number_of_nodes() - shown.number_of_nodes(),
        hidden_edges=graph.number_of_edges() - shown.number_of_edges(),
        hidden_claims=_claims(graph) - _claims(shown),
        title=title or _title(dataset, graph, spec),
    )


def _sentences(dataset: Dataset, graph: nx.MultiDiGraph, spec: ViewSpec,
               paths: list[GraphPath]) -> tuple[str, ...]:
    if not spec.wants_path:
        return ()
    if not paths:
        return (no_path_sentence(graph, spec.path_from or "", spec.path_to or ""),)
    return tuple(path_sentence(dataset, graph, path) for path in paths)


def _title(dataset: Dataset, graph: nx.MultiDiGraph, spec: ViewSpec) -> str:
    if spec.wants_path:
        start, end = graph.nodes[spec.path_from]["label"], graph.nodes[spec.path_to]["label"]
        return f"{dataset.meta.title}: from {start} to {end}"
    if spec.focus:
        label = graph.nodes[spec.focus]["label"]
        return f"Around {label}" if label == dataset.meta.title else f"{dataset.meta.title}: around {label}"
    return dataset.meta.title


def _claims(graph: nx.MultiDiGraph) -> int:
    return sum(1 for _, data in graph.nodes(data=True) if data.get("layer") == CLAIMS_LAYER)
