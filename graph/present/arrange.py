"""Where a view's nodes go on screen, and how big its labels are, so they can be read.

A view with many nodes is first *grouped*: the neighbours (or, in a whole-graph or path view,
the nodes off the path) of each kind that has many of them become one node, which opens on
click. Then the nodes are placed, spaced by the size of their labels (:mod:`graph.network.layout`
and :mod:`graph.present.placement`), with the smallest font size that lets the picture be drawn
with labels of at least ``TARGET_PX`` pixels on a canvas the size of the app's. Every group also
gets the positions to use while it is open, arranged so that its members fill the canvas. This
is the one place positions are decided: the styled view, and through it every renderer and
export, takes them from here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import networkx as nx

from graph.network.layout import (
    COLUMN_GAP,
    Extent,
    Positions,
    extent,
    force_layout,
    ordered_ranks,
    place,
    remove_overlaps,
    tier_ranks,
)
from graph.network.view import View
from graph.present.placement import CANVAS, MAX_ZOOM, Candidate, best_placement, fit_scale, focus_candidates

FONT_STEPS = (17, 19, 21, 23, 25, 27, 29)
WRAP_STEPS = (150.0, 200.0, 110.0)
FOCUS_FONT_EXTRA = 3
TARGET_PX = 14.0        # aimed at in the estimate, so that what is drawn stays above 11 px
HEADING_ROOM = 56.0     # pixels the column headings take above a whole-graph view
GROUP_SHAPE = "box"
WRAPS = (3, 4, 5, 6, 8, 10, 13, 18)
HEADING_GAP = 30.0
PATH_GAP = 170.0        # a path's columns leave room for the labels of the links between them
FORCE_GAP = 28.0        # force layouts push nodes this far apart: their estimated boxes are rougher


@dataclass(frozen=True)
class Group:
    """Nodes of one kind shown as one node until it is opened."""

    id: str
    label: str
    kind: str
    tier: int
    members: tuple[str, ...]


@dataclass(frozen=True)
class Arrangement:
    """Positions of everything shown while every group is closed, each group's positions while it
    is open, the font size for node labels, and each node's box at that size."""

    positions: Positions
    font_size: int
    extents: Mapping[str, Extent]
    open_positions: Mapping[str, Positions] = field(default_factory=dict)
    direction: str = "LR"
    wrap: float = WRAP_STEPS[0]


def groups_for(view: View, group_above: int | None, smallest: int, names: Mapping[str, str]) -> list[Group]:
    """Groups by kind, for kinds with at least ``smallest`` nodes that are not the focus or on a
    path, when the view has more than ``group_above`` nodes (``None``: never group)."""
    if group_above is None or view.graph.number_of_nodes() <= group_above:
        return []
    keep = {view.spec.focus} | view.path_nodes
    by_kind: dict[str, list[str]] = defaultdict(list)
    for node, data in view.graph.nodes(data=True):
        if node not in keep:
            by_kind[data["kind"]].append(node)
    return [Group(f"group:{kind}", f"{len(members)} × {names[kind].split(' / ')[0]}", kind,
                  view.graph.nodes[members[0]]["tier"], tuple(sorted(members)))
            for kind, members in sorted(by_kind.items()) if len(members) >= smallest]


def collapsed(view: View, groups: list[Group], open_id: str | None = None) -> nx.MultiDiGraph:
    """The view's graph with every group but ``open_id`` merged into one node."""
    member_of = {m: g.id for g in groups if g.id != open_id for m in g.members}
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_nodes_from((n, d) for n, d in view.graph.nodes(data=True) if n not in member_of)
    graph.add_nodes_from((g.id, {"tier": g.tier, "kind": g.kind}) for g in groups if g.id != open_id)
    for source, target in view.graph.edges():
        a, b = member_of.get(source, source), member_of.get(target, target)
        if a != b:
            graph.add_edge(a, b)
    return graph


def arrange(view: View, groups: list[Group], labels: Mapping[str, str], shapes: Mapping[str, str]) -> Arrangement:
    """Place the view: fixed whole-graph positions when it is small and unfocused, else a fresh
    layout at the smallest font size (then the widest wrap) whose labels reach ``TARGET_PX``, or
    the one that draws them biggest."""
    if not groups and not view.spec.focus:
        font = FONT_STEPS[0]
        return Arrangement(dict(view.layout_positions), font, _extents(view, labels, shapes, font, WRAP_STEPS[0]))
    graph = collapsed(view, groups)
    placed = {node: labels[node] for node in graph}  # members of closed groups are sized once, below
    best, best_px = None, -math.inf
    for font in FONT_STEPS:
        for wrap in WRAP_STEPS:
            candidate = _arranged(view, graph, _extents(view, placed, shapes, font, wrap), font, wrap)
            px = _label_px(view, candidate)
            if px > best_px:
                best, best_px = candidate, px
        if best_px >= TARGET_PX:
            break
    assert best is not None
    best = replace(best, extents=_extents(view, labels, shapes, best.font_size, best.wrap))
    return replace(best, open_positions={g.id: _open_positions(view, groups, g, best) for g in groups})


def _arranged(view: View, graph: nx.MultiDiGraph, extents: Mapping[str, Extent], font: int,
              wrap: float) -> Arrangement:
    """Force views spread their own layout; layered views take the candidate that fits best."""
    if view.spec.layout == "force":
        return Arrangement(_force(view, graph, extents), font, extents, wrap=wrap)
    best = best_placement(candidates(view, graph), extents, fit=_fitted_nodes(view))
    return Arrangement(best.positions, font, extents, direction=best.name, wrap=wrap)


def candidates(view: View, graph: nx.MultiDiGraph) -> dict[str, Candidate]:
    """Layouts worth trying: whole-graph views read left to right in tier columns; a focus view
    may also take tier rows, or three columns around the focus; a path view puts each node in
    the column of its distance from the start, the rest (dimmed) below in the column nearest
    its tier."""
    if view.paths:
        ranks = _path_ranks(view, graph)
        return {"path": ("LR", ranks, PATH_GAP), "path-TB": ("TB", ranks, PATH_GAP)}
    if view.spec.focus:
        return focus_candidates(graph, view.spec.focus)
    return {"LR": ("LR", tier_ranks(graph), COLUMN_GAP)}


def _path_ranks(view: View, graph: nx.MultiDiGraph) -> list[list[str]]:
    distance: dict[str, int] = {}
    for path in view.paths:
        for index, node in enumerate(path.nodes):
            distance[node] = min(index, distance.get(node, index))
    longest = max(distance.values(), default=0)
    top_tier = max((data["tier"] for _, data in graph.nodes(data=True)), default=0) or 1

    def rank_of(node: str) -> int:
        return distance.get(node, round(graph.nodes[node]["tier"] / top_tier * longest))

    return ordered_ranks(graph, rank_of, first=frozenset(distance))


def _force(view: View, graph: nx.MultiDiGraph, extents: Mapping[str, Extent]) -> Positions:
    """A seeded force layout of what is shown, with overlapping nodes pushed apart."""
    return remove_overlaps(force_layout(graph), extents, FORCE_GAP)


def _extents(view: View, labels: Mapping[str, str], shapes: Mapping[str, str], font: int,
             wrap: float) -> dict[str, Extent]:
    return {node: extent(labels[node], shapes[node],
                         font + (FOCUS_FONT_EXTRA if node == view.spec.focus else 0), wrap) for node in labels}


def _label_px(view: View, arranged: Arrangement) -> float:
    """How big the labels are drawn when the page fits the picture (a path view: its paths) to a
    canvas the app's size, less the column headings' room over a whole-graph view."""
    fitted = _fitted_nodes(view) or set(arranged.positions)
    canvas = CANVAS if view.spec.focus or view.paths else (CANVAS[0], CANVAS[1] - HEADING_ROOM)
    scale = fit_scale({n: arranged.positions[n] for n in fitted}, arranged.extents, canvas)
    return arranged.font_size * min(scale, MAX_ZOOM)


def _fitted_nodes(view: View) -> set[str]:
    """The nodes the page zooms to at first: a path view's paths (empty: everything)."""
    return set(view.path_nodes)


def _open_positions(view: View, groups: list[Group], group: Group, base: Arrangement) -> Positions:
    """Positions while ``group`` is open: the others stay closed, and its members take the layout
    (the closed view's, or another candidate) and the columns (or rows) that make them biggest when
    the page zooms to them; on a tie the closed view's layout wins, so opening moves little."""
    graph = collapsed(view, groups, open_id=group.id)
    if view.spec.layout == "force":
        return _force(view, graph, base.extents)
    layouts = candidates(view, graph)
    order = [base.direction, *(name for name in layouts if name != base.direction)]
    members = set(group.members)
    best, best_scale = None, -math.inf
    for name in order:
        direction, ranks, gap = layouts[name]
        for wrap in WRAPS:
            positions = place(ranks, base.extents, direction, wrap, gap)
            scale = fit_scale({m: positions[m] for m in members}, base.extents, CANVAS)
            if scale > best_scale + 1e-9:
                best, best_scale = positions, scale
    assert best is not None
    return best


def heading_places(positions: Positions, extents: Mapping[str, Extent],
                   tiers: Mapping[str, int]) -> dict[int, tuple[float, float]]:
    """For each tier's column: the middle of the column, and a line just above the whole picture."""
    top = min(positions[n][1] - extents[n].above for n in positions) - HEADING_GAP
    xs: dict[int, list[float]] = defaultdict(list)
    for node, (x, _) in positions.items():
        xs[tiers[node]].append(x)
    return {tier: ((min(values) + max(values)) / 2, top) for tier, values in xs.items()}
