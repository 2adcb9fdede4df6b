"""Filters and neighbourhoods over the built graph.

All functions take the full graph and return a node set, a subgraph view or a copy; none mutates
its input. ``filtered`` applies kinds, relations, minimum evidence and the claims layer;
``without`` leaves hidden nodes out; ``neighbourhood`` walks out, in or both ways to a depth;
``expansion`` adds nodes' neighbours; ``induced_copy`` copies a part.

Views and copies keep the dataset's order of nodes and edges. NetworkX's ``subgraph(nodes)``
iterates a small node set in the set's order, which changes with ``PYTHONHASHSEED``, and every
export would then change from one run to the next.
"""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx

from graph.dataset.model import Dataset
from graph.dataset.views import check_view
from graph.errors import ViewSpecError
from graph.network.build import CLAIMS_LAYER
from graph.viewspec import ViewSpec


def check_ids(dataset: Dataset, spec: ViewSpec) -> None:
    """Raise ViewSpecError for the first thing the spec names that the dataset does not have.

    The checks are :func:`~graph.dataset.check_view`'s, with one difference: a path with only one
    end chosen is allowed (a reader picks "from" before "to"), though that end must exist.
    """
    one_end = spec.path_from or spec.path_to
    checked = spec if spec.wants_path or not one_end else spec.with_changes(path_from=one_end, path_to=one_end)
    problems = check_view(dataset, checked)
    if problems:
        raise ViewSpecError(f"{problems[0].message} {problems[0].hint}".strip())


def filtered(dataset: Dataset, graph: nx.MultiDiGraph, spec: ViewSpec,
             keep: set[str] = frozenset()) -> nx.MultiDiGraph:  # type: ignore[assignment]
    """The subgraph of nodes and edges that pass the spec's filters (a read-only view, in ``graph``'s order).

    Nodes in ``keep`` (the focus, path ends) stay even if their kind is filtered out.
    """
    nodes = {n for n, data in graph.nodes(data=True) if n in keep or _node_passes(data, spec)}
    minimum = dataset.evidence_level(spec.evidence).rank if spec.evidence else None

    def edge_passes(u: str, v: str, key: str) -> bool:
        return _edge_passes(graph.edges[u, v, key], spec, minimum)

    # A plain membership test, not a node set: NetworkX then iterates in the graph's own order.
    # The stubs take only whole-number edge keys; ours are the edges' ids.
    return nx.subgraph_view(graph, filter_node=nodes.__contains__, filter_edge=edge_passes)  # type: ignore[arg-type]


def induced_copy(graph: nx.MultiDiGraph, nodes: Collection[str]) -> nx.MultiDiGraph:
    """A new graph of ``nodes`` and the edges among them, in ``graph``'s order whatever ``nodes``' order."""
    keep = set(nodes)
    ordered = [node for node in graph if node in keep]
    copy: nx.MultiDiGraph = nx.MultiDiGraph()
    copy.graph.update(graph.graph)
    copy.add_nodes_from((node, graph.nodes[node]) for node in ordered)
    copy.add_edges_from((u, v, key, data)  # type: ignore[misc]  # the stubs miss a multigraph's (u, v, key, data)
                        for u in ordered for v, keyed in graph.adj[u].items() if v in keep
                        for key, data in keyed.items())
    return copy


def _node_passes(data: dict, spec: ViewSpec) -> bool:
    if data["layer"] == CLAIMS_LAYER:
        return spec.claims and (spec.verdicts is None or data["verdict"] in spec.verdicts)
    return spec.kinds is None or data["kind"] in spec.kinds


def _edge_passes(data: dict, spec: ViewSpec, minimum: int | None) -> bool:
    if data["layer"] == CLAIMS_LAYER:
        return spec.claims
    if spec.relations is not None and data["relation"] not in spec.relations:
        return False
    return minimum is None or data["evidence_rank"] >= minimum


def neighbourhood(graph: nx.MultiDiGraph, focus: str, depth: int, direction: str) -> set[str]:
    """Nodes within ``depth`` steps of ``focus``, following edges out, in or both ways."""
    walk = {"out": graph, "in": graph.reverse(copy=False),
            "both": graph.to_undirected(as_view=True)}[direction]
    return set(nx.single_source_shortest_path_length(walk, focus, cutoff=depth))


def without(graph: nx.MultiDiGraph, nodes: set[str]) -> nx.MultiDiGraph:
    """``graph`` less ``nodes`` and their edges (a read-only view, in ``graph``'s order)."""
    if not nodes:
        return graph
    return nx.subgraph_view(graph, filter_node=lambda node: node not in nodes)


def expansion(graph: nx.MultiDiGraph, nodes: Collection[str]) -> set[str]:
    """``nodes`` that are in ``graph``, with their neighbours one link away, either way."""
    present = [node for node in nodes if node in graph]
    return set(present) | {other for node in present for other in nx.all_neighbors(graph, node)}
