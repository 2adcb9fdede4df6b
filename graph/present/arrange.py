"""Where a view's nodes go on screen, and how big its labels are, so they can be read.

A view with many nodes is first *grouped*: the neighbours (or, in a whole-graph or path view,
the nodes off the path) of each sort that has many of them become one node, which opens on
click. Then the nodes are placed, spaced by the size of their labels (:mod:`graph.network.layout`
and :mod:`graph.present.placement`), with the smallest font size that lets the picture be drawn
with labels of at least ``TARGET_PX`` pixels on the app's canvas (a wide screen's, or a phone's,
where a whole-graph view may also read top to bottom). Every group also gets the positions, and
the wrap of its members' labels, to use while it is open, so that its members fill the canvas. This
is the one place positions are decided: the styled view, and through it every renderer and
export, takes them from here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

import networkx as nx

from graph.network.layout import (
    COLUMN_GAP,
    RANK_GAP,
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
from graph.present.placement import (
    CANVAS,
    MAX_ZOOM,
    Candidate,
    Canvas,
    best_placement,
    fit_scale,
    focus_candidates,
)

FONT_STEPS = (17, 19, 21, 23, 25, 27, 29)
WRAP_STEPS = (150.0, 200.0, 110.0)
FOCUS_FONT_EXTRA = 3
TARGET_PX = 14.0        # aimed at in the estimate, so that what is drawn stays above 11 px
HEADING_ROOM = 56.0     # pixels the column headings take above a whole-graph view
GROUP_SHAPE = "box"
WRAPS = (3, 4, 5, 6, 8, 10, 13, 18)
OPEN_WRAPS = (150.0, 200.0, 270.0, 360.0)  # label wraps an open group's members may take: long ones read wider
HEADING_GAP = 30.0
PATH_GAP = 170.0        # a path's columns leave room for the labels of the links between them
PATH_ROW_GAP = 90.0     # a path's rows leave room for a line of link label between them
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
    """Positions of everything shown while every group is closed, each group's positions and its
    members' label wrap and font size while it is open, the font size for the other node labels,
    their wrap, each node's box at its size and wrap, and how big the labels are estimated to be
    drawn (unknown, infinite, for fixed whole-graph positions)."""

    positions: Positions
    font_size: int
    extents: Mapping[str, Extent]
    open_positions: Mapping[str, Positions] = field(default_factory=dict)
    direction: str = "LR"
    wrap: float = WRAP_STEPS[0]
    open_wraps: Mapping[str, float] = field(default_factory=dict)
    open_fonts: Mapping[str, int] = field(default_factory=dict)
    label_px: float = math.inf


def groups_for(view: View, group_above: int | None, smallest: int, names: Mapping[str, str],
               sort_of: Callable[[dict], str] = lambda data: data["kind"]) -> list[Group]:
    """Groups by sort (``sort_of`` a node's data; its kind unless told), named by ``names``, for
    sorts with at least ``smallest`` nodes that are not the focus or on a path, when the view has
    more than ``group_above`` nodes (``None``: never group)."""
    if group_above is None or view.graph.number_of_nodes() <= group_above:
        return []
    keep = {view.spec.focus} | view.path_nodes
    by_sort: dict[str, list[str]] = defaultdict(list)
    for node, data in view.graph.nodes(data=True):
        if node not in keep:
            by_sort[sort_of(data)].append(node)
    nodes = view.graph.nodes
    return [Group(f"group:{sort}", f"{len(members)} × {names[sort].split(' / ')[0]}", nodes[members[0]]["kind"],
                  nodes[members[0]]["tier"], tuple(sorted(members)))
            for sort, members in sorted(by_sort.items()) if len(members) >= smallest]


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


def arrange(view: View, groups: list[Group], labels: Mapping[str, str], shapes: Mapping[str, str],
            canvas: Canvas = CANVAS) -> Arrangement:
    """Place the view: fixed whole-graph positions when it is small and unfocused, else a fresh
    layout at the smallest font size (then the widest wrap) whose labels reach ``TARGET_PX`` on
    ``canvas``, or the one that draws them biggest."""
    if not groups and not view.spec.focus:
        font = FONT_STEPS[0]
        return Arrangement(dict(view.layout_positions), font, _extents(view, labels, shapes, font, WRAP_STEPS[0]))
    graph = collapsed(view, groups)
    placed = {node: labels[node] for node in graph}  # members of closed groups are sized once, below
    best, best_px = None, -math.inf
    for font in FONT_STEPS:
        for wrap in WRAP_STEPS:
            candidate = _arranged(view, graph, _extents(view, placed, shapes, font, wrap), font, wrap, canvas)
            px = _label_px(view, candidate, canvas)
            if px > best_px:
                best, best_px = candidate, px
        if best_px >= TARGET_PX:
            break
    assert best is not None
    best = replace(best, extents=_extents(view, placed, shapes, best.font_size, best.wrap), label_px=best_px)
    return _open_layouts(view, groups, best, labels, shapes, canvas)


def _arranged(view: View, graph: nx.MultiDiGraph, extents: Mapping[str, Extent], font: int,
              wrap: float, canvas: Canvas) -> Arrangement:
    """Force views spread their own layout; layered views take the candidate that fits best."""
    if view.spec.layout == "force":
        return Arrangement(_force(view, graph, extents), font, extents, wrap=wrap)
    best = best_placement(candidates(view, graph, canvas), extents, canvas, fit=_fitted_nodes(view))
    return Arrangement(best.positions, font, extents, direction=best.name, wrap=wrap)


def candidates(view: View, graph: nx.MultiDiGraph, canvas: Canvas = CANVAS) -> dict[str, Candidate]:
    """Layouts worth trying: whole-graph views read left to right in tier columns, or on a canvas
    taller than wide (a phone) also top to bottom in tier rows; a focus view may also take tier
    rows, or three columns around the focus; a path view puts each node in the column of its
    distance from the start, the rest (dimmed) below in the column nearest its tier, or in the row
    of its distance, the rest in rows after the end."""
    if view.paths:
        by_row = _path_ranks(view, graph, rest_last=True)
        return {"path": ("LR", _path_ranks(view, graph), PATH_GAP), "path-TB": ("TB", by_row, PATH_ROW_GAP)}
    if view.spec.focus:
        return focus_candidates(graph, view.spec.focus)
    tiers = tier_ranks(graph)
    rows: dict[str, Candidate] = {"TB": ("TB", tiers, RANK_GAP)} if canvas[1] > canvas[0] else {}
    return {"LR": ("LR", tiers, COLUMN_GAP), **rows}


def _path_ranks(view: View, graph: nx.MultiDiGraph, rest_last: bool = False) -> list[list[str]]:
    """Path nodes by their distance from the start; the rest in the rank nearest their tier, or
    (``rest_last``) all in one rank after the end, so that rows of the path stay together."""
    distance: dict[str, int] = {}
    for path in view.paths:
        for index, node in enumerate(path.nodes):
            distance[node] = min(index, distance.get(node, index))
    longest = max(distance.values(), default=0)
    top_tier = max((data["tier"] for _, data in graph.nodes(data=True)), default=0) or 1

    def rank_of(node: str) -> int:
        rest = longest + 1 if rest_last else round(graph.nodes[node]["tier"] / top_tier * longest)
        return distance.get(node, rest)

    return ordered_ranks(graph, rank_of, first=frozenset(distance))


def _force(view: View, graph: nx.MultiDiGraph, extents: Mapping[str, Extent]) -> Positions:
    """A seeded force layout of what is shown, with overlapping nodes pushed apart."""
    return remove_overlaps(force_layout(graph), extents, FORCE_GAP)


def _extents(view: View, labels: Mapping[str, str], shapes: Mapping[str, str], font: int,
             wrap: float, scale: float = 1.0) -> dict[str, Extent]:
    """Each node's box at ``font`` (the focus's ``FOCUS_FONT_EXTRA`` more) and ``wrap``, both
    ``scale`` times as big (the page grows the type of what is around an open group so)."""
    return {node: extent(labels[node], shapes[node], (font + (FOCUS_FONT_EXTRA if node == view.spec.focus else 0))
                         * scale, wrap * scale) for node in labels}


def _label_px(view: View, arranged: Arrangement, canvas: Canvas) -> float:
    """How big the labels are drawn when the page fits the picture (a path view: its paths) to
    ``canvas``, less the column headings' room over a whole-graph view in columns."""
    fitted = _fitted_nodes(view) or set(arranged.positions)
    headed = not (view.spec.focus or view.paths) and arranged.direction == "LR"
    room = (canvas[0], canvas[1] - HEADING_ROOM) if headed else canvas
    scale = fit_scale({n: arranged.positions[n] for n in fitted}, arranged.extents, room)
    return arranged.font_size * min(scale, MAX_ZOOM)


def _fitted_nodes(view: View) -> set[str]:
    """The nodes the page zooms to at first: a path view's paths (empty: everything)."""
    return set(view.path_nodes)


def _open_layouts(view: View, groups: list[Group], base: Arrangement, labels: Mapping[str, str],
                  shapes: Mapping[str, str], canvas: Canvas) -> Arrangement:
    """``base`` with each group's positions, its members' label wrap and font size while it is open
    (the rest of the picture's type grows with theirs), and its members' boxes at that wrap and size
    (members are drawn only while their group is open)."""
    extents, positions, wraps, fonts = dict(base.extents), {}, {}, {}
    for group in groups:
        opened = _opened(view, groups, group, base, labels, shapes, canvas)
        positions[group.id], wraps[group.id], fonts[group.id] = opened.positions, opened.wrap, opened.font
        extents.update(opened.extents)
    return replace(base, extents=extents, open_positions=positions, open_wraps=wraps, open_fonts=fonts)


@dataclass(frozen=True)
class _Opened:
    """One group's layout while open: positions, its members' wrap, font size and boxes, and how
    big their labels are drawn when the page zooms to them."""

    positions: Positions
    wrap: float
    font: int
    extents: Mapping[str, Extent]
    px: float


def _opened(view: View, groups: list[Group], group: Group, base: Arrangement, labels: Mapping[str, str],
            shapes: Mapping[str, str], canvas: Canvas) -> _Opened:
    """``group`` open at the smallest font size, from the closed view's up, whose members' labels
    reach ``TARGET_PX`` when the page zooms to them, or at the one that draws them biggest: the
    members fill the canvas on their own, so a crowd of them (on a phone's narrow canvas, say) may
    need bigger type than the closed picture to be read. The rest of the picture, around them,
    has its type (font sizes and wraps) grown in the same proportion, so it reads as well."""
    fonts = [base.font_size] if view.spec.layout == "force" else [f for f in FONT_STEPS if f >= base.font_size]
    members = {m: labels[m] for m in group.members}
    best: _Opened | None = None
    for font in fonts:
        sizes = {wrap: _extents(view, members, shapes, font, wrap) for wrap in dict.fromkeys((base.wrap, *OPEN_WRAPS))}
        around = _extents(view, {n: labels[n] for n in base.positions}, shapes, base.font_size, base.wrap,
                          font / base.font_size)
        positions, wrap, scale = _open_positions(view, groups, group, replace(base, extents=around), sizes, canvas)
        opened = _Opened(positions, wrap, font, sizes[wrap], font * min(scale, MAX_ZOOM))
        if best is None or opened.px > best.px + 1e-9:
            best = opened
        if best.px >= TARGET_PX:
            break
    assert best is not None
    return best


def _open_positions(view: View, groups: list[Group], group: Group, base: Arrangement,
                    sizes: Mapping[float, Mapping[str, Extent]],
                    canvas: Canvas) -> tuple[Positions, float, float]:
    """Positions while ``group`` is open, the wrap of its members' labels and the zoom that fits
    them: the others stay closed, and its members take the layout (the closed view's, or another
    candidate), the columns (or rows) and the wrap (of ``sizes``, the members' boxes by wrap) that
    make them biggest when the page zooms to them; on a tie the closed view's layout and wrap win,
    so opening moves little."""
    graph = collapsed(view, groups, open_id=group.id)
    if view.spec.layout == "force":
        return _force(view, graph, {**base.extents, **sizes[base.wrap]}), base.wrap, 1.0
    layouts = candidates(view, graph, canvas)
    order = [base.direction, *(name for name in layouts if name != base.direction)]
    best: tuple[Positions, float, float] = ({}, base.wrap, -math.inf)
    for text_wrap, members in sizes.items():
        extents = {**base.extents, **members}
        for name in order:
            direction, ranks, gap = layouts[name]
            for wrap in WRAPS:
                positions = place(ranks, extents, direction, wrap, gap)
                scale = fit_scale({m: positions[m] for m in members}, extents, canvas)
                if scale > best[2] + 1e-9:
                    best = (positions, text_wrap, scale)
    return best


def heading_places(positions: Positions, extents: Mapping[str, Extent],
                   tiers: Mapping[str, int]) -> dict[int, tuple[float, float]]:
    """For each tier's column: the middle of the column, and a line just above the whole picture."""
    top = min(positions[n][1] - extents[n].above for n in positions) - HEADING_GAP
    xs: dict[int, list[float]] = defaultdict(list)
    for node, (x, _) in positions.items():
        xs[tiers[node]].append(x)
    return {tier: ((min(values) + max(values)) / 2, top) for tier, values in xs.items()}
