"""The styled view: how each node and edge of a view is drawn, resolved once.

:func:`styled_view` is the one step between a :class:`~graph.network.View` and every renderer
(the app's network, the standalone page and, through them, exports). It decides, once per node
and edge, the drawn label, colour, border, shape, font size, line style, width, tooltip and
emphasis, and where everything goes (:mod:`graph.present.arrange`). Claims, clusters and path
emphasis are special-cased here and nowhere else, so a renderer never has to ask what kind of
thing it is drawing.

Emphasis is one of ``focus`` (the node the view is about), ``path`` (on a highlighted path),
``dimmed`` (off the path in a path view) or ``plain``. A view with many nodes groups the kinds
(claims: the verdicts) that have many of them (never the focus or a path's nodes) into
*clusters*: one node that says how many it holds ("24 × Cause", "20 × Partly supported claim")
and opens on click; :class:`Cluster` carries the
positions to use while it is open, so opening one never reshuffles the rest at random. Renderers
that show everything at once (printed pictures) pass ``cluster_above=None``.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from graph.dataset.vocabulary import CLAIM_KIND, VERDICTS, drawn_label
from graph.network.layout import Extent, Positions
from graph.network.view import View
from graph.present import style
from graph.present.arrange import (
    FOCUS_FONT_EXTRA,
    GROUP_SHAPE,
    Arrangement,
    Group,
    arrange,
    groups_for,
    heading_places,
)
from graph.present.label_wrap import drawn_wrap
from graph.present.legend import Legend, legend_for
from graph.present.placement import WIDE, Screen
from graph.wording import counted, statement

CLUSTER_KIND = "cluster"
EDGE_FONT_SHARE = 0.76
EDGE_TARGET_PX = 11.5   # aimed at in the estimate, so that edge labels drawn stay above 11 px
EDGE_CHAR_EM = 0.53
DIM_OPACITY = 0.25
SMALL_VIEW_EDGES = 40
CLUSTER_ABOVE = 30
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
    cluster: str | None = None
    members: tuple[str, ...] = ()
    label_width: float = 150.0


@dataclass(frozen=True)
class EdgeStyle:
    """One edge as drawn. ``label`` is the relation phrase; ``label_shown`` says if it is drawn
    without hovering (path edges, and small views where it fits beside the line). ``tier`` is the
    certainty grade drawn (or 'claim'), ``line`` its line style's name, and ``end`` the end of the
    line from the relation's polarity: 'arrow', 'bar' or 'bars' (a bar at both ends)."""

    id: str
    source: str
    target: str
    label: str
    label_shown: bool
    tier: str
    evidence: str
    line: str
    end: str
    dashes: tuple[int, ...] | None
    width: float
    colour: str
    opacity: float
    tooltip: str
    emphasis: str
    curve: float = 0.0
    cluster: str | None = None
    members: tuple[str, ...] = ()
    font_size: int = 13


@dataclass(frozen=True)
class Cluster:
    """Nodes of one kind shown as one node until opened; ``positions`` places everything while it is
    open, and ``font_scale`` says how much bigger than in the closed picture the type of everything
    else (font sizes and label wraps) is then drawn, to match its members' (already that size)."""

    id: str
    label: str
    kind: str
    members: tuple[str, ...]
    positions: Positions = field(default_factory=dict)
    font_scale: float = 1.0


@dataclass(frozen=True)
class Heading:
    """A column heading of the layered layout (e.g. "Cause"), at the column's top centre."""

    text: str
    x: float
    y: float


@dataclass(frozen=True)
class StyledView:
    """A view with every node and edge resolved to how it is drawn, plus its legend; ``extents``
    are the boxes the placement gave each node (and closed group) at its drawn size."""

    view: View
    nodes: tuple[NodeStyle, ...]
    edges: tuple[EdgeStyle, ...]
    clusters: tuple[Cluster, ...]
    headings: tuple[Heading, ...]
    legend: Legend
    extents: Mapping[str, Extent] = field(default_factory=dict)

    @cached_property
    def by_id(self) -> dict[str, NodeStyle]:
        return {node.id: node for node in self.nodes}

    def node(self, node_id: str) -> NodeStyle:
        return self.by_id[node_id]


RECENT_STYLED = 4
_recent: dict[tuple[int, int | None, Screen], StyledView] = {}
_recent_lock = threading.Lock()


def styled_view(view: View, cluster_above: int | None = CLUSTER_ABOVE, screen: Screen = WIDE) -> StyledView:
    """Resolve how ``view`` is drawn, placed to be read on ``screen``. Views with more than
    ``cluster_above`` nodes group the kinds that have the screen's ``group_min`` nodes or more
    into clusters (``None``: never, e.g. for a printed picture that shows everything).

    A view is immutable, so the last few results are kept and handed out again: the exports of one
    view (GraphML alone asked twice: its nodes, then its edges) share one resolution. Each kept
    result holds its view, so the id in the key cannot belong to another view while it is kept.
    """
    key = (id(view), cluster_above, screen)
    with _recent_lock:
        found = _recent.get(key)
    if found is not None and found.view is view:
        return found
    styled = _resolve(view, cluster_above, screen)
    with _recent_lock:
        _recent[key] = styled
        while len(_recent) > RECENT_STYLED:
            del _recent[next(iter(_recent))]
    return styled


def _resolve(view: View, cluster_above: int | None, screen: Screen) -> StyledView:
    looks = {node: _look(view, data) for node, data in view.graph.nodes(data=True)}
    groups = groups_for(view, cluster_above, screen.group_min, _group_names(view), _group_of)
    labels = {node: drawn_label(data) for node, data in view.graph.nodes(data=True)} | {g.id: g.label for g in groups}
    shapes = {node: look.shape for node, look in looks.items()} | {g.id: GROUP_SHAPE for g in groups}
    arranged = arrange(view, groups, labels, shapes, screen.canvas)
    member_of = {member: group.id for group in groups for member in group.members}
    nodes = [_node_style(view, node, data, looks[node], arranged, member_of.get(node))
             for node, data in view.graph.nodes(data=True)]
    nodes += [_cluster_style(view, group, arranged) for group in groups]
    clusters = tuple(Cluster(g.id, g.label, g.kind, g.members, dict(arranged.open_positions[g.id]),
                             arranged.open_fonts[g.id] / arranged.font_size) for g in groups)
    return StyledView(view=view, nodes=tuple(nodes), edges=tuple(_edge_styles(view, arranged, member_of)),
                      clusters=clusters, headings=_headings(view, arranged, groups), legend=legend_for(view),
                      extents=arranged.extents)


def _group_names(view: View) -> dict[str, str]:
    return {kind.id: kind.label for kind in view.dataset.kinds} | {
        f"{CLAIM_KIND}:{verdict.id}": f"{verdict.label} claim" for verdict in VERDICTS.values()}


def _group_of(data: dict) -> str:
    """Claims are grouped by verdict, so that an open group's statements are few enough to read."""
    return f"{CLAIM_KIND}:{data['verdict']}" if data["kind"] == CLAIM_KIND else data["kind"]


# Nodes -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Look:
    """How a node looks before emphasis: from its kind, or from its verdict for a claim."""

    fill: str
    shape: str
    border: str
    border_width: float
    dashes: tuple[int, ...] | None
    kind_label: str


def _look(view: View, data: dict) -> _Look:
    return _claim_look(data) if data["kind"] == CLAIM_KIND else _kind_look(view, data)


def _node_style(view: View, node: str, data: dict, look: _Look, arranged: Arrangement,
                cluster: str | None) -> NodeStyle:
    emphasis = _node_emphasis(view, node)
    fill, shape = look.fill, look.shape
    border, width = _border(emphasis, look.border, look.border_width)
    where = arranged.open_positions[cluster] if cluster else arranged.positions
    extra = FOCUS_FONT_EXTRA if emphasis == "focus" else 0  # never a group's member: groups leave the focus out
    font = arranged.open_fonts[cluster] if cluster else arranged.font_size + extra
    wrap = arranged.open_wraps[cluster] if cluster else arranged.wrap
    return NodeStyle(
        id=node, label=drawn_label(data), kind=data["kind"], kind_label=look.kind_label, colour=fill,
        border=border, border_width=width, border_dashes=look.dashes, shape=shape,
        font_size=font, font_colour=style.label_colour(fill) if shape in style.LABEL_INSIDE else "#1a1a1a",
        tooltip=node_tooltip(view, node, data, look.kind_label), position=where.get(node, (0.0, 0.0)),
        emphasis=emphasis, cluster=cluster,
        label_width=drawn_wrap(drawn_label(data), shape, font, wrap),
    )


def _kind_look(view: View, data: dict) -> _Look:
    kind = view.dataset.kind(data["kind"])
    return _Look(kind.colour, kind.shape, "#333333", 1.0, None, kind.label)


def _claim_look(data: dict) -> _Look:
    """Claims: a pale pill with a thick dashed border in the verdict's colour, verdict in the label."""
    verdict = VERDICTS[data["verdict"]]
    return _Look(style.claim_fill(verdict.colour), style.CLAIM_SHAPE, verdict.colour, style.CLAIM_BORDER_WIDTH,
                 style.CLAIM_BORDER_DASHES, f"Claim ({verdict.label})")


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

def _cluster_style(view: View, group: Group, arranged: Arrangement) -> NodeStyle:
    first = view.graph.nodes[group.members[0]]
    claim = group.kind == CLAIM_KIND
    fill = style.claim_fill(VERDICTS[first["verdict"]].colour) if claim else view.dataset.kind(group.kind).colour
    names = [view.graph.nodes[m]["label"] for m in group.members]
    more = len(names) - TOOLTIP_MEMBERS
    tooltip = "\n".join([group.label, "Click to open this group.", *names[:TOOLTIP_MEMBERS]]
                        + ([f"… and {more} more"] if more > 0 else []))
    return NodeStyle(
        id=group.id, label=group.label, kind=CLUSTER_KIND, kind_label="Group", colour=fill,
        border="#333333", border_width=3.0, border_dashes=None, shape=GROUP_SHAPE, font_size=arranged.font_size,
        font_colour=style.label_colour(fill), tooltip=tooltip, position=arranged.positions[group.id],
        emphasis="dimmed" if view.paths else "plain", members=group.members,
        label_width=drawn_wrap(group.label, GROUP_SHAPE, arranged.font_size, arranged.wrap),
    )


# Edges -----------------------------------------------------------------------------------------

def _edge_styles(view: View, arranged: Arrangement, member_of: dict[str, str]) -> list[EdgeStyle]:
    """Every edge, with its label shown where it fits (path edges first), then one edge per group
    and neighbour standing for the edges the group hides while it is closed."""
    small = view.graph.number_of_edges() <= SMALL_VIEW_EDGES
    font = _edge_font(arranged)
    boxes = {node: _rect(arranged.positions[node], arranged.extents[node]) for node in arranged.positions}
    placed: list[Box] = []
    edges = []
    for source, target, key, data in sorted(view.graph.edges(keys=True, data=True), key=_path_first(view)):
        edge = _edge_style(view, (source, target, key), data, member_of, font)
        shown = edge.emphasis == "path" or (small and edge.cluster is None and edge.curve == 0.0)
        edges.append(replace(edge, label_shown=shown and _label_fits(edge, arranged, boxes, placed)))
    return edges + _cluster_edges(view, edges, member_of)


def _edge_font(arranged: Arrangement) -> int:
    """Edge labels' font size: ``EDGE_FONT_SHARE`` of the nodes', or more where that would be drawn
    under ``EDGE_TARGET_PX`` at the zoom the layout expects (a phone draws its picture small)."""
    share = round(arranged.font_size * EDGE_FONT_SHARE)
    if not math.isfinite(arranged.label_px):
        return share
    return max(share, math.ceil(arranged.font_size * EDGE_TARGET_PX / arranged.label_px))


def _path_first(view: View) -> Callable[[tuple], tuple[bool, str]]:
    """Sort key that puts path edges first, so their labels get the room."""
    path = view.path_edges
    return lambda item: (item[:3] not in path, item[2])


def _edge_style(view: View, key: tuple[str, str, str], data: dict, member_of: dict[str, str],
                font: int) -> EdgeStyle:
    tier = style.evidence_tier(view.dataset, data["evidence"])
    emphasis = "path" if key in view.path_edges else ("dimmed" if view.paths else "plain")
    return EdgeStyle(
        id=key[2], source=key[0], target=key[1], label=style.relation_phrase(view.dataset, data["relation"]),
        label_shown=False, tier=tier.id, evidence=_level_label(view, data["evidence"]), line=tier.line,
        end=style.edge_end(view.dataset, data["relation"]), dashes=style.DASHES[tier.line],
        width=tier.width + (2.0 if emphasis == "path" else 0.0),
        colour=style.PATH_COLOUR if emphasis == "path" else tier.colour,
        opacity=DIM_OPACITY if emphasis == "dimmed" else 1.0, tooltip=edge_tooltip(view, key, data),
        emphasis=emphasis, curve=_curve(view, key),
        cluster=member_of.get(key[0]) or member_of.get(key[1]), font_size=font,
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
    lines = [statement(labels[source]["label"], phrase, labels[target]["label"])]
    if data["evidence"]:
        tier = style.evidence_tier(view.dataset, data["evidence"])
        lines.append(f"Evidence: {_level_label(view, data['evidence'])}; {tier.label}")
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
    return [_cluster_edge(ends, members) for ends, members in sorted(groups.items())]


def _cluster_edge(ends: tuple[str, str], members: list[EdgeStyle]) -> EdgeStyle:
    common = Counter(e.tier for e in members).most_common(1)[0][0]
    look = next(e for e in members if e.tier == common)
    counts = Counter(e.label for e in members)
    lines = [counted(len(members), "link")] + [f"{n} × {label}" for label, n in sorted(counts.items())]
    return EdgeStyle(
        id=f"{ends[0]}->{ends[1]}", source=ends[0], target=ends[1], label=counted(len(members), "link"),
        label_shown=False, tier=look.tier, evidence="several", line=look.line, end=look.end, dashes=look.dashes,
        width=style.LINES[look.line].width,
        colour=style.CLAIM_EDGE_COLOUR if look.tier == style.CLAIM_TIER.id else style.EDGE_COLOUR,
        opacity=DIM_OPACITY if members[0].emphasis == "dimmed" else 1.0,
        tooltip="\n".join(lines), emphasis="dimmed" if members[0].emphasis == "dimmed" else "plain",
        members=tuple(e.id for e in members), font_size=members[0].font_size,
    )


# Where edge labels fit -------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, top, right, bottom


def _label_fits(edge: EdgeStyle, arranged: Arrangement, boxes: Mapping[str, Box], placed: list[Box]) -> bool:
    """True when the label, centred on the line between two shown nodes, touches no node and no
    label already placed (then it is added to ``placed``)."""
    if edge.source not in boxes or edge.target not in boxes:
        return False
    (x1, y1), (x2, y2) = arranged.positions[edge.source], arranged.positions[edge.target]
    width, height = len(edge.label) * EDGE_CHAR_EM * edge.font_size * 1.15 + 12, edge.font_size + 8
    box = ((x1 + x2 - width) / 2, (y1 + y2 - height) / 2, (x1 + x2 + width) / 2, (y1 + y2 + height) / 2)
    if any(_overlap(box, other) for other in (*boxes.values(), *placed)):
        return False
    placed.append(box)
    return True


def _rect(position: tuple[float, float], box: Extent, margin: float = 8.0) -> Box:
    """A node's box, with a margin for what the estimate of its label's size may miss."""
    x, y = position
    return (x - box.width / 2 - margin, y - box.above - margin, x + box.width / 2 + margin, y + box.below + margin)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# Headings --------------------------------------------------------------------------------------

def _headings(view: View, arranged: Arrangement, groups: list[Group]) -> tuple[Heading, ...]:
    """Column headings ("Cause", "Mechanism" …) over a whole-graph view laid out left to right."""
    layered_columns = view.spec.layout == "layered" and arranged.direction == "LR"
    if view.spec.focus or view.paths or not layered_columns or not arranged.positions:
        return ()
    kinds = {node: data["kind"] for node, data in view.graph.nodes(data=True)} | {g.id: g.kind for g in groups}
    tiers = {node: data["tier"] for node, data in view.graph.nodes(data=True)} | {g.id: g.tier for g in groups}
    shown = {node: arranged.positions[node] for node in arranged.positions if node in kinds}
    places = heading_places(shown, arranged.extents, tiers)
    names: dict[int, list[str]] = defaultdict(list)
    for node in sorted(shown, key=lambda n: (shown[n][1], n)):
        name = _short_kind(view, kinds[node])
        if name not in names[tiers[node]]:
            names[tiers[node]].append(name)
    return tuple(Heading(" · ".join(names[tier]), *places[tier]) for tier in sorted(places))


def _short_kind(view: View, kind: str) -> str:
    return "Claims" if kind == CLAIM_KIND else view.dataset.kind(kind).label.split(" / ")[0]


__all__ = ["CLUSTER_KIND", "EMPHASES", "Cluster", "EdgeStyle", "Heading", "NodeStyle", "StyledView",
           "edge_tooltip", "node_tooltip", "styled_view"]
