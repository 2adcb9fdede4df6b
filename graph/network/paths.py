"""Paths between two nodes, ranked and written out as sentences.

Paths are searched with edge direction ignored (a student asking how a cause reaches a
treatment should find "A leads to B, which is treated by C"), then each step is read in its real
direction: forwards with the relation's phrase, backwards with its inverse phrase. Claim nodes
are never stepping stones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice, pairwise

import networkx as nx

from graph.dataset.model import Dataset
from graph.network.build import CLAIMS_LAYER
from graph.wording import relative, statement

MAX_PATHS = 5
CANDIDATES = 50


@dataclass(frozen=True)
class Step:
    """One hop of a path: the edge used and whether it is walked against its direction."""

    source: str
    target: str
    key: str
    reversed: bool


@dataclass(frozen=True)
class GraphPath:
    """A path as node ids and steps, with its weakest evidence rank."""

    nodes: tuple[str, ...]
    steps: tuple[Step, ...]
    weakest_rank: int
    total_rank: int

    @property
    def edge_keys(self) -> tuple[tuple[str, str, str], ...]:
        return tuple((step.source, step.target, step.key) for step in self.steps)


def shortest_paths(graph: nx.MultiDiGraph, start: str, end: str, limit: int = MAX_PATHS) -> list[GraphPath]:
    """Up to ``limit`` shortest simple paths, by length, then strongest weakest link."""
    if start == end:
        return [GraphPath((start,), (), 0, 0)] if start in graph else []
    simple = _undirected_evidence_graph(graph)
    if start not in simple or end not in simple or not nx.has_path(simple, start, end):
        return []
    candidates = islice(nx.shortest_simple_paths(simple, start, end), CANDIDATES)
    paths = [_graph_path(graph, tuple(nodes)) for nodes in _shortest_lengths(candidates, limit)]
    return sorted(paths, key=lambda p: (len(p.nodes), -p.weakest_rank, -p.total_rank))[:limit]


def _shortest_lengths(candidates: Iterable[list[str]], limit: int) -> list[list[str]]:
    """Candidates in length order, stopping once ``limit`` are found and the length grows."""
    kept: list[list[str]] = []
    for nodes in candidates:
        if len(kept) >= limit and len(nodes) > len(kept[-1]):
            break
        kept.append(nodes)
    return kept


def _undirected_evidence_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(n for n, data in graph.nodes(data=True) if data.get("layer") != CLAIMS_LAYER)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u in simple and v in simple)
    return simple


def _graph_path(graph: nx.MultiDiGraph, nodes: tuple[str, ...]) -> GraphPath:
    steps = tuple(_best_step(graph, a, b) for a, b in pairwise(nodes))
    ranks = [graph.edges[s.source, s.target, s.key]["evidence_rank"] for s in steps]
    return GraphPath(nodes, steps, min(ranks), sum(ranks))


def _best_step(graph: nx.MultiDiGraph, a: str, b: str) -> Step:
    """The strongest evidence-layer edge between a and b, preferring the forward direction."""
    options = [(data["evidence_rank"], 1, Step(a, b, key, False))
               for key, data in graph[a].get(b, {}).items()]
    options += [(data["evidence_rank"], 0, Step(b, a, key, True))
                for key, data in graph[b].get(a, {}).items()]
    return max(options, key=lambda option: option[:2])[2]


def path_sentence(dataset: Dataset, graph: nx.MultiDiGraph, path: GraphPath) -> str:
    """The path in words, e.g. "Iron deficiency leads to brain iron deficiency, which …"."""
    labels = graph.nodes
    if not path.steps:
        return f"{_capital(labels[path.nodes[0]]['label'])} is both the start and the end: the path is empty."
    first = labels[path.nodes[0]]["label"]
    text = ""
    for step, before, after in zip(path.steps, path.nodes, path.nodes[1:], strict=False):
        relation = dataset.relation(graph.edges[step.source, step.target, step.key]["relation"])
        phrase = relation.inverse if step.reversed else relation.label
        text += (statement(first, phrase, labels[after]["label"]) if not text
                 else f"{relative(labels[before]['label'])} {phrase} {labels[after]['label']}")
    return _capital(text) + "."


def no_path_sentence(graph: nx.MultiDiGraph, start: str, end: str) -> str:
    """What to say when two nodes are not connected in the current view."""
    return (f"There is no path between {graph.nodes[start]['label']} and "
            f"{graph.nodes[end]['label']} in the current view. Try showing more kinds, relations "
            "or weaker evidence.")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
