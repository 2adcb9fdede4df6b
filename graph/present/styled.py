"""The styled view: how each node and edge of a view is drawn, resolved once.

:func:`styled_view` is the one step between a :class:`~graph.network.View` and every renderer
(the app's network, the standalone page and, through them, exports). It decides, once per node
and edge, the drawn label, colour, border, shape, font size, line style, width, tooltip and
emphasis. Claims, clusters and path emphasis are special-cased here and nowhere else, so a
renderer never has to ask what kind of thing it is drawing.

Emphasis is one of ``focus`` (the node the view is about), ``path`` (on a highlighted path),
``dimmed`` (off the path in a path view) or ``plain``. A focus view with many neighbours groups
the kinds that have many of them into *clusters*: one node that says how many it holds ("24
causes / risk factors") and opens on click; :class:`Cluster` carries the positions to use while
it is open, so opening one never reshuffles the rest at random.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import networkx as nx

from graph.dataset.vocabulary import CLAIM_KIND, VERDICTS, drawn_label
from graph.network.layout import Positions, label_box, layered_layout, node_box
from graph.network.view import View
from graph.present import style
from graph.present.legend import Legend, legend_for

CLUSTER_KIND = "cluster"
FONT_SIZE = 17
FOCUS_FONT_SIZE = 20
EDGE_FONT_SIZE = 13
EDGE_CHAR_WIDTH = 7.4
DIM_OPACITY = 0.25
SMALL_VIEW_EDGES = 40
CLUSTER_ABOVE = 30
CLUSTER_MIN = 5
HUB_SHARE = 0.12
TOOLTIP_MEMBERS = 12

EMPHASES = ("focus", "path", "dimmed", "plain")


@dataclass(frozen=True)
class NodeStyle:
    """One node as drawn. ``cluster`` names the cluster node that holds it while closed."""

    id: str
    label: str
    kind: str
    kind_label: str
    colour: str
    border: str
    border_width: float
    border_dashes: tuple[int, ...] | None
    shape: str
    font_size: int
    font_colour: str
    tooltip: str
    position: tuple[float, float]
    emphasis: str
    hub: bool = False
    cluster: str | None = None
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class EdgeStyle:
    """One edge as drawn. ``label`` is the relation phrase; ``label_shown`` says if it is drawn
    without hovering (path edges, and small views where it fits beside the line)."""

    id: str
    source: str
    target: str
    label: str
    label_shown: bool
    tier: str
    evidence: str
    dashes: tuple[int, ...] | None
    width: float
    colour: str
    opacity: float
    tooltip: str
    emphasis: str
    curve: float = 0.0
    cluster: str | None = None
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cluster:
    """Neighbours of one kind shown as one node; ``positions`` places every node while it is open."""

    id: str
    label: str
    kind: str
    members: tuple[str, ...]
    positions: Positions = field(default_factory=dict)


@dataclass(frozen=True)
class Heading:
    """A column heading of the layered layout (e.g. "Cause"), at the column's top centre."""

    text: str
    x: float
    y: float


@dataclass(frozen=True)
class StyledView:
    """A view with every node and edge resolved to how it is drawn, plus its legend."""

    view: View
    nodes: tuple[NodeStyle, ...]
    edges: tuple[EdgeStyle, ...]
    clusters: tuple[Cluster, ...]
    headings: tuple[Heading, ...]
    legend: Legend

    @cached_property
    def by_id(self) -> dict[str, NodeStyle]:
        return {node.id: node for node in self.nodes}

    def node(self, node_id: str) -> NodeStyle:
        return self.by_id[node_id]


def styled_view(view: View, cluster_above: int | None = CLUSTER_ABOVE) -> StyledView:
    """Resolve how ``view`` is drawn. Focus views with more than ``cluster_above`` nodes group
    big kinds into clusters (``None``: never, e.g. for a printed handout that shows everything)."""
    clusters = _clusters(view) if cluster_above is not None and _wants_clusters(view, cluster_above) else ()
    positions = _closed_positions(view, clusters) if clusters else dict(view.positions)
    member_of = {member: cluster.id for cluster in clusters for member in cluster.members}
    hubs = _hubs(view)
    nodes = [_node_style(view, node, data, positions, hubs, member_of.get(node))
             for node, data in view.graph.nodes(data=True)]
    nodes += [_cluster_style(view, cluster, positions) for cluster in clusters]
    edges = _edge_styles(view, nodes, member_of)
    return StyledView(view=view, nodes=tuple(nodes), edges=tuple(edges), clusters=tuple(clusters),
                      headings=_headings(view, positions, member_of), legend=legend_for(view))


# Nodes -----------------------------------------------------------------------------------------

def _node_style(view: View, node: str, data: dict, positions: Positions, hubs: set[str],
                cluster: str | None) -> NodeStyle:
    emphasis = _node_emphasis(view, node)
    look = _claim_look(data) if data["kind"] == CLAIM_KIND else _kind_look(view, data)
    fill, shape = look["fill"], look["shape"]
    border, width = _border(emphasis, look["border"], look["border_width"])
    return NodeStyle(
        id=node, label=drawn_label(data), kind=data["kind"], kind_label=look["kind_label"], colour=fill,
        border=border, border_width=width, border_dashes=look["dashes"], shape=shape,
        font_size=FOCUS_FONT_SIZE if emphasis == "focus" else FONT_SIZE,
        font_colour=style.label_colour(fill) if shape in style.LABEL_INSIDE else "#1a1a1a",
        tooltip=node_tooltip(view, node, data, look["kind_label"]), position=positions.get(node, (0.0, 0.0)),
        emphasis=emphasis, hub=node in hubs, cluster=cluster,
    )


def _kind_look(view: View, data: dict) -> dict:
    kind = view.dataset.kind(data["kind"])
    return {"fill": kind.colour, "shape": kind.shape, "border": "#333333", "border_width": 1.0,
            "dashes": None, "kind_label": kind.label}


def _claim_look(data: dict) -> dict:
    """Claims: a pale pill with a thick dashed border in the verdict's colour, verdict in the label."""
    verdict = VERDICTS[data["verdict"]]
    return {"fill": style.claim_fill(verdict.colour), "shape": style.CLAIM_SHAPE, "border": verdict.colour,
            "border_width": style.CLAIM_BORDER_WIDTH, "dashes": style.CLAIM_BORDER_DASHES,
            "kind_label": f"Claim ({verdict.label})"}


def _node_emphasis(view: View, node: str) -> str:
    if node == view.spec.focus:
        return "focus"
    if view.paths:
        return "path" if node in view.path_nodes else "dimmed"
    return "plain"


def _border(emphasis: str, border: str, width: float) -> tuple[str, float]:
    if emphasis == "focus":
        return style.FOCUS_BORDER, 4.0
    if emphasis == "path":
        return style.PATH_COLOUR, 4.0
    return border, width


def _hubs(view: View) -> set[str]:
    """In a whole-graph view, the best-connected nodes: labelled even when zoomed out."""
    if view.spec.focus or view.paths:
        return set()
    count = max(1, round(HUB_SHARE * view.graph.number_of_nodes()))
    ranked = sorted(view.graph.degree, key=lambda item: (-item[1], item[0]))
    return {node for node, _ in ranked[:count]}


def node_tooltip(view: View, node: str, data: dict, kind_label: str) -> str:
    """Plain-text hover text for a node: label, kind, summary, verdict and source, references."""
    lines = [data["label"], kind_label, data["summary"]]
    if data["kind"] == CLAIM_KIND:
        lines += [f"Verdict: {VERDICTS[data['verdict']].label}", f"Source: {_source_title(view, data)}"]
    lines.append("References: " + ", ".join(data["references"]) if data["references"] else "")
    if data["needs_verification"]:
        lines.append("Needs verification")
    return "\n".join(line for line in lines if line)


def _source_title(view: View, data: dict) -> str:
    source = data.get("source", "")
    known = {reference.id for reference in view.dataset.references}
    return view.dataset.reference(source).citation if source in known else source


# Clusters --------------------------------------------------------------------------------------

def _wants_clusters(view: View, cluster_above: int) -> bool:
    return bool(view.spec.focus) and not view.paths and view.graph.number_of_nodes() > cluster_above


def _clusters(view: View) -> list[Cluster]:
    """Neighbours grouped by kind, for every kind with at least ``CLUSTER_MIN`` of them."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for node, data in view.graph.nodes(data=True):
        if node != view.spec.focus:
            by_kind[data["kind"]].append(node)
    clusters = []
    for kind, members in sorted(by_kind.items()):
        if len(members) >= CLUSTER_MIN:
            clusters.append(Cluster(id=f"cluster:{kind}", label=_cluster_label(view, kind, len(members)),
                                    kind=kind, members=tuple(sorted(members))))
    return [_with_open_positions(view, cluster, clusters) for cluster in clusters]


def _cluster_label(view: View, kind: str, count: int) -> str:
    name = "claims" if kind == CLAIM_KIND else view.dataset.kind(kind).label
    return f"{count} × {name}"


def _collapsed(view: View, clusters: list[Cluster], open_id: str | None = None) -> nx.MultiDiGraph:
    """The view's graph with every cluster but ``open_id`` merged into one node."""
    member_of = {m: c.id for c in clusters if c.id != open_id for m in c.members}
    graph = nx.MultiDiGraph()
    for node, data in view.graph.nodes(data=True):
        if node not in member_of:
            graph.add_node(node, **data)
    for cluster in clusters:
        if cluster.id != open_id:
            tier = view.graph.nodes[cluster.members[0]]["tier"]
            graph.add_node(cluster.id, label=cluster.label, kind=CLUSTER_KIND, tier=tier)
    for source, target in view.graph.edges():
        a, b = member_of.get(source, source), member_of.get(target, target)
        if a != b:
            graph.add_edge(a, b)
    return graph


def _closed_positions(view: View, clusters: tuple[Cluster, ...] | list[Cluster]) -> Positions:
    return layered_layout(_collapsed(view, list(clusters)))


def _with_open_positions(view: View, cluster: Cluster, clusters: list[Cluster]) -> Cluster:
    positions = layered_layout(_collapsed(view, clusters, open_id=cluster.id))
    return Cluster(cluster.id, cluster.label, cluster.kind, cluster.members, positions)


def _cluster_style(view: View, cluster: Cluster, positions: Positions) -> NodeStyle:
    kind = None if cluster.kind == CLAIM_KIND else view.dataset.kind(cluster.kind)
    fill = kind.colour if kind else style.claim_fill(style.CLAIM_EDGE_COLOUR)
    names = [view.graph.nodes[m]["label"] for m in cluster.members]
    more = len(names) - TOOLTIP_MEMBERS
    tooltip = "\n".join([cluster.label, "Click to open this group.", *names[:TOOLTIP_MEMBERS]]
                        + ([f"… and {more} more"] if more > 0 else []))
    return NodeStyle(
        id=cluster.id, label=cluster.label, kind=CLUSTER_KIND, kind_label="Group", colour=fill,
        border="#333333", border_width=3.0, border_dashes=None, shape="box", font_size=FONT_SIZE,
        font_colour=style.label_colour(fill), tooltip=tooltip, position=positions[cluster.id],
        emphasis="plain", members=cluster.members,
    )


# Edges -----------------------------------------------------------------------------------------

def _edge_styles(view: View, nodes: list[NodeStyle], member_of: dict[str, str]) -> list[EdgeStyle]:
    shown = {node.id: node for node in nodes if node.cluster is None}
    small = view.graph.number_of_edges() <= SMALL_VIEW_EDGES
    placed: list[Box] = []
    edges = []
    for source, target, key, data in sorted(view.graph.edges(keys=True, data=True), key=_path_first(view)):
        edge = _edge_style(view, (source, target, key), data, member_of)
        fits = edge.emphasis == "path" or (small and edge.cluster is None and edge.curve == 0.0
                                           and _label_fits(edge, shown, placed))
        edges.append(replace(edge, label_shown=fits))
    return edges + _cluster_edges(view, edges, member_of)


def _path_first(view: View) -> Callable[[tuple], tuple[bool, str]]:
    """Sort key that puts path edges first, so their labels get the room."""
    path = view.path_edges
    return lambda item: (item[:3] not in path, item[2])


def _edge_style(view: View, key: tuple[str, str, str], data: dict, member_of: dict[str, str]) -> EdgeStyle:
    tier = style.evidence_tier(view.dataset, data["evidence"])
    emphasis = "path" if key in view.path_edges else ("dimmed" if view.paths else "plain")
    return EdgeStyle(
        id=key[2], source=key[0], target=key[1], label=style.relation_phrase(view.dataset, data["relation"]),
        label_shown=False, tier=tier.id, evidence=_level_label(view, data["evidence"]),
        dashes=style.DASHES[tier.line], width=tier.width + (2.0 if emphasis == "path" else 0.0),
        colour=style.PATH_COLOUR if emphasis == "path" else tier.colour,
        opacity=DIM_OPACITY if emphasis == "dimmed" else 1.0, tooltip=edge_tooltip(view, key, data),
        emphasis=emphasis, curve=_curve(view, key),
        cluster=member_of.get(key[0]) or member_of.get(key[1]),
    )


def _level_label(view: View, evidence: str) -> str:
    return view.dataset.evidence_level(evidence).label if evidence else "Claim (no evidence level)"


def _curve(view: View, key: tuple[str, str, str]) -> float:
    """Roundness that bends parallel edges apart; 0 keeps single edges straight (cheap to draw)."""
    source, target, edge_key = key
    parallel = list(view.graph.get_edge_data(source, target, default={}))
    if view.graph.has_edge(target, source):
        parallel += ["reverse"]
    return 0.0 if len(parallel) < 2 else 0.15 * (1 + parallel.index(edge_key))


def edge_tooltip(view: View, key: tuple[str, str, str], data: dict) -> str:
    """Plain-text hover text for an edge: the statement, its exact evidence level and references."""
    source, target, _ = key
    labels = view.graph.nodes
    phrase = style.relation_phrase(view.dataset, data["relation"])
    lines = [f"{labels[source]['label']} {phrase} {labels[target]['label']}"]
    if data["evidence"]:
        tier = style.evidence_tier(view.dataset, data["evidence"])
        lines.append(f"Evidence: {_level_label(view, data['evidence'])} ({tier.id} tier)")
    lines += [data["note"], "References: " + ", ".join(data["references"])]
    if data["needs_verification"]:
        lines.append("Needs verification")
    return "\n".join(line for line in lines if line)


def _cluster_edges(view: View, edges: list[EdgeStyle], member_of: dict[str, str]) -> list[EdgeStyle]:
    """One edge per cluster and neighbour (each way) standing for the members' edges."""
    groups: dict[tuple[str, str], list[EdgeStyle]] = defaultdict(list)
    for edge in edges:
        ends = (member_of.get(edge.source, edge.source), member_of.get(edge.target, edge.target))
        if edge.cluster and ends[0] != ends[1]:
            groups[ends].append(edge)
    return [_cluster_edge(view, ends, members) for ends, members in sorted(groups.items())]


def _cluster_edge(view: View, ends: tuple[str, str], members: list[EdgeStyle]) -> EdgeStyle:
    tier = style.TIER_BY_ID[Counter(e.tier for e in members).most_common(1)[0][0]]
    counts = Counter(e.label for e in members)
    lines = [f"{len(members)} links"] + [f"{n} × {label}" for label, n in sorted(counts.items())]
    return EdgeStyle(
        id=f"{ends[0]}->{ends[1]}", source=ends[0], target=ends[1], label=f"{len(members)} links",
        label_shown=False, tier=tier.id, evidence="several", dashes=style.DASHES[tier.line], width=tier.width,
        colour=tier.colour, opacity=1.0, tooltip="\n".join(lines), emphasis="plain",
        members=tuple(e.id for e in members),
    )


# Where edge labels fit -------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, top, right, bottom


def _label_fits(edge: EdgeStyle, nodes: dict[str, NodeStyle], placed: list[Box]) -> bool:
    """True when the label, centred on the line between the two nodes' boxes, touches no node
    and no label already placed (then it is added to ``placed``)."""
    source, target = nodes.get(edge.source), nodes.get(edge.target)
    if source is None or target is None:
        return False
    (x1, y1), (x2, y2) = source.position, target.position
    gap = math.dist((x1, y1), (x2, y2)) - _reach(source, x2 - x1, y2 - y1) - _reach(target, x1 - x2, y1 - y2)
    width, height = len(edge.label) * EDGE_CHAR_WIDTH + 8, EDGE_FONT_SIZE + 6
    if gap < width * abs(x2 - x1) / max(math.dist((x1, y1), (x2, y2)), 1) + 8:
        return False
    centre = ((x1 + x2) / 2, (y1 + y2) / 2)
    box = (centre[0] - width / 2, centre[1] - height / 2, centre[0] + width / 2, centre[1] + height / 2)
    if any(_overlap(box, _node_rect(node)) for node in nodes.values()) or any(_overlap(box, b) for b in placed):
        return False
    placed.append(box)
    return True


def _reach(node: NodeStyle, dx: float, dy: float) -> float:
    """Distance from a node's centre to the edge of its box, along (dx, dy)."""
    width, height = label_box(node.label)
    length = math.hypot(dx, dy) or 1.0
    return min(width / 2 / (abs(dx) / length or 1e-9), height / 2 / (abs(dy) / length or 1e-9))


def _node_rect(node: NodeStyle) -> Box:
    width, height = label_box(node.label)
    x, y = node.position
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# Headings --------------------------------------------------------------------------------------

def _headings(view: View, positions: Positions, member_of: dict[str, str]) -> tuple[Heading, ...]:
    """Column headings of a layered whole-graph view: the kinds in each tier, above the column."""
    if view.spec.layout != "layered" or view.spec.focus or not positions:
        return ()
    columns: dict[int, list[str]] = defaultdict(list)
    for node, data in view.graph.nodes(data=True):
        if node not in member_of:
            columns[data["tier"]].append(node)
    top = min(positions[n][1] - node_box(data)[1] / 2 for n, data in view.graph.nodes(data=True)
              if n in positions)
    return tuple(_heading(view, nodes, positions, top) for _, nodes in sorted(columns.items()))


def _heading(view: View, nodes: list[str], positions: Positions, top: float) -> Heading:
    kinds = dict.fromkeys(view.graph.nodes[n]["kind"] for n in sorted(nodes, key=lambda n: positions[n]))
    names = [_short_kind(view, kind) for kind in kinds]
    xs = [positions[n][0] for n in nodes]
    return Heading(" · ".join(names), (min(xs) + max(xs)) / 2, top - 30.0)


def _short_kind(view: View, kind: str) -> str:
    return "Claims" if kind == CLAIM_KIND else view.dataset.kind(kind).label.split(" / ")[0]


__all__ = ["CLUSTER_KIND", "EMPHASES", "Cluster", "EdgeStyle", "Heading", "NodeStyle", "StyledView",
           "edge_tooltip", "node_tooltip", "styled_view"]
