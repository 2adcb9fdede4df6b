"""Filters and neighbourhoods over the built graph.

All functions take the full graph and return a node set or a subgraph view; none mutates its
input. ``filtered`` applies kinds, relations, minimum evidence and the claims layer;
``neighbourhood`` walks out, in or both ways to a depth.
"""

from __future__ import annotations

import networkx as nx

from graph.dataset.convert import suggest
from graph.dataset.model import CLAIM_KIND, Dataset
from graph.dataset.vocabulary import VERDICTS
from graph.errors import ViewSpecError
from graph.network.build import CLAIMS_LAYER
from graph.viewspec import ViewSpec


def check_ids(dataset: Dataset, graph: nx.MultiDiGraph, spec: ViewSpec) -> None:
    """Raise ViewSpecError if the spec names a node, kind, relation or level that does not exist."""
    for label, value in (("focus", spec.focus), ("from", spec.path_from), ("to", spec.path_to)):
        if value is not None and value not in graph:
            raise ViewSpecError(f"{label} '{value}' is not a node id. {suggest(value, graph.nodes)}".strip())
    _check_all("kind", spec.kinds, [k.id for k in dataset.kinds] + [CLAIM_KIND])
    _check_all("relation", spec.relations, [r.id for r in dataset.relations])
    _check_all("evidence level", (spec.evidence,) if spec.evidence else (), [e.id for e in dataset.evidence])
    _check_all("verdict", spec.verdicts, list(VERDICTS))


def _check_all(what: str, values: tuple[str, ...] | None, known: list[str]) -> None:
    for value in values or ():
        if value not in known:
            raise ViewSpecError(f"'{value}' is not a {what} id. {suggest(value, known)}".strip())


def filtered(dataset: Dataset, graph: nx.MultiDiGraph, spec: ViewSpec,
             keep: set[str] = frozenset()) -> nx.MultiDiGraph:  # type: ignore[assignment]
    """The subgraph of nodes and edges that pass the spec's filters (a read-only view).

    Nodes in ``keep`` (the focus, path ends) stay even if their kind is filtered out.
    """
    nodes = [n for n, data in graph.nodes(data=True) if n in keep or _node_passes(data, spec)]
    minimum = dataset.evidence_level(spec.evidence).rank if spec.evidence else None

    def edge_passes(u: str, v: str, key: str) -> bool:
        return _edge_passes(graph.edges[u, v, key], spec, minimum)

    return nx.subgraph_view(graph.subgraph(nodes), filter_edge=edge_passes)


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
