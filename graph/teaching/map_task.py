"""Rebuilding a view as a concept map: what the student is given at each level of scaffolding.

Three levels fade the scaffold (Kit-Build's "goal map" rebuilt from its parts, then recall):

- ``skeleton``: every node placed and most links drawn; a few are missing, to be added;
- ``kit``: every node placed and no link drawn; the view's relations are offered as a kit, one
  piece per link, to be connected;
- ``memory``: the nodes' names only; the student draws what they recall, with any relation.

The truth is the map itself: the view's evidence links (claims are statements, not facts).
The same view, level and seed give the same task.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

import networkx as nx

from graph.dataset.model import ABOUT_RELATION, CLAIM_KIND
from graph.network.build import EVIDENCE_LAYER
from graph.network.view import View
from graph.teaching.concept_map import LEVELS, MapLink, Proposition

SKELETON_MISSING = 0.25
MAX_MISSING = 6


@dataclass(frozen=True)
class MapTask:
    """What a student gets: the nodes, the links already drawn, and the relations to connect."""

    level: str
    seed: int
    nodes: tuple[str, ...]
    given: tuple[MapLink, ...]
    to_find: tuple[Proposition, ...]
    kit: tuple[str, ...]


def view_propositions(graph: nx.MultiDiGraph) -> tuple[Proposition, ...]:
    """The evidence links among a graph's non-claim nodes, in the graph's edge order."""
    return tuple(dict.fromkeys(
        (source, data["relation"], target) for source, target, data in graph.edges(data=True)
        if data["layer"] == EVIDENCE_LAYER and data["relation"] != ABOUT_RELATION
        and CLAIM_KIND not in (graph.nodes[source]["kind"], graph.nodes[target]["kind"])))


def make_task(view: View, level: str, seed: int = 0) -> MapTask:
    """The task of rebuilding ``view`` at ``level`` (one of :data:`LEVELS`)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    propositions = view_propositions(view.graph)
    nodes = tuple(node for node in view.graph if view.graph.nodes[node]["kind"] != CLAIM_KIND)
    if level != "skeleton":
        kit = tuple(relation for _, relation, _ in propositions) if level == "kit" else ()
        return MapTask(level, seed, nodes, (), propositions, kit)
    missing = _missing(propositions, random.Random(f"skeleton-{seed}"))
    given = tuple(MapLink(*p) for p in propositions if p not in missing)
    return MapTask(level, seed, nodes, given, tuple(p for p in propositions if p in missing), ())


def kit_counts(task: MapTask) -> Counter[str]:
    """How many pieces of each relation the kit holds."""
    return Counter(task.kit)


def _missing(propositions: tuple[Proposition, ...], rng: random.Random) -> set[Proposition]:
    """About a quarter of the links, at least one and at most :data:`MAX_MISSING`."""
    count = min(MAX_MISSING, max(1, round(len(propositions) * SKELETON_MISSING)))
    return set(rng.sample(sorted(propositions), min(count, len(propositions))))
