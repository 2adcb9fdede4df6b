"""The graph part of a static picture: edges, nodes and labels that never overlap.

Everything drawn comes from the styled view (colour, border, shape, line style, width, opacity,
emphasis), so the picture matches the screen and no special case lives here. Positions are the
view's (y flipped: vis-network's y grows downwards). The graph is stretched to fill its box, at
most 5 times as far apart as 110 layout units per inch.

Labels are placed one by one, most important first (the focus, the path, then by number of
links), each measured with the renderer: a node label goes below its node, else above, right or
left, wherever it overlaps no other label or node and stays inside the box. A focus or path
label that fits nowhere is tried again on fewer, longer lines; any other that fits nowhere is
left out with its node, and the graph drawn again without it, until every node drawn is named.
A claim is named by its statement, shortened at a word, on lines twice as long. Edge labels are
tried at the middle of their line and a little either side, and are left out when they would
touch anything.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from graph.dataset.vocabulary import CLAIM_KIND, drawn_label
from graph.export.figure_parts import (
    ARROW_STYLES,
    Box,
    dash_pattern,
    line_height,
    marker,
    marker_aspect,
    points,
    text_width,
)
from graph.export.pages import POINTS_PER_INCH, Page
from graph.present.styled import CLUSTER_KIND, EdgeStyle, NodeStyle, StyledView
from graph.wording import shortened

UNITS_PER_INCH = 110.0
MAX_STRETCH = 5.0
EDGE_LABEL_LIMIT = 40
DIM_ALPHA = 0.3
DIM_TEXT = "#8a8a8a"
TEXT_COLOUR = "#1a1a1a"
LABEL_PAD = 2.0
EDGE_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7)
LABEL_BOX = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85}
CLAIM_LENGTH = 80


@dataclass(frozen=True)
class Drawn:
    """What :func:`draw_graph` left out: the nodes whose label found no room."""

    left_out: tuple[NodeStyle, ...]


def wrap_label(label: str, width: int) -> str:
    """A node label broken into lines of about ``width`` characters, as drawn."""
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def graph_extent(nodes: list[NodeStyle]) -> tuple[float, float, float, float]:
    """Left, right, bottom and top of the flipped node positions (zeros for no nodes)."""
    spots = [_xy(node) for node in nodes] or [(0.0, 0.0)]
    xs, ys = [x for x, _ in spots], [y for _, y in spots]
    return min(xs), max(xs), min(ys), max(ys)


def graph_padding(nodes: list[NodeStyle], page: Page) -> tuple[float, float, float]:
    """Inches kept free around the positions: beside, above and below the outermost nodes.

    Beside: half the widest label of the leftmost and rightmost nodes; below: the tallest label of
    the lowest nodes; above: a marker. Inner nodes' labels find room between the positions.
    """
    if not nodes:
        return 0.1, 0.1, 0.1
    left, right, bottom, _ = graph_extent(nodes)
    edge = [node for node in nodes if _xy(node)[0] in (left, right)]
    lowest = [node for node in nodes if _xy(node)[1] == bottom]
    half = max(text_width(max(_lines(node, page), key=len), page.text) for node in edge) / 2
    below = max(len(_lines(node, page)) for node in lowest) * line_height(page.text)
    marker_in = page.marker / POINTS_PER_INCH
    return min(half, 1.8) + 0.1, marker_in, marker_in / 2 + below + 0.05


def _lines(node: NodeStyle, page: Page) -> list[str]:
    return wrap_label(node.label, label_wrap(node, page)).split("\n")


def label_wrap(node: NodeStyle, page: Page) -> int:
    """Characters per label line: a claim's statement gets lines twice as long."""
    return page.label_width * (2 if node.kind == CLAIM_KIND else 1)


@dataclass
class Placed:
    """Rectangles (display pixels) already taken, inside the box labels must stay in.

    ``faint`` holds the markers of dimmed nodes: the labels of the focus and the path may cover
    them (a label's box is opaque and the marker is pale), so the path is named even where the
    rest of the graph is dense. Every other label keeps clear of them.
    """

    region: Bbox
    taken: list[Bbox] = field(default_factory=list)
    faint: list[Bbox] = field(default_factory=list)

    def free(self, box: Bbox, may_cover_faint: bool = False) -> bool:
        inside = self.region.containsx(box.x0) and self.region.containsx(box.x1) and \
            self.region.containsy(box.y0) and self.region.containsy(box.y1)
        blocking = self.taken if may_cover_faint else [*self.taken, *self.faint]
        return inside and not any(box.overlaps(other) for other in blocking)


def draw_graph(figure: Figure, styled: StyledView, box: Box, page: Page, renderer: RendererBase) -> Drawn:
    """Draw the graph into ``box`` (inches). Nodes whose label finds no room are left out and the
    rest drawn again, until every node drawn is named."""
    everything = _drawn(styled)
    nodes = everything
    while True:
        axes, unnamed = _draw_nodes(figure, styled, nodes, (box, page, renderer))
        if not unnamed:
            kept = {node.id for node in nodes}
            return Drawn(tuple(node for node in everything if node.id not in kept))
        axes.remove()
        nodes = [node for node in nodes if node.id not in unnamed]


def _draw_nodes(figure: Figure, styled: StyledView, shown: list[NodeStyle],
                where: tuple[Box, Page, RendererBase]) -> tuple[Axes, set[str]]:
    """Draw ``shown`` and the edges between them; returns the axes and the ids left unnamed."""
    box, page, renderer = where
    axes = _axes(figure, box)
    _set_limits(axes, shown, box, page)
    nodes = {node.id: node for node in shown}
    for edge in styled.edges:
        if edge.source in nodes and edge.target in nodes:
            _draw_edge(axes, edge, nodes, page)
    for index, node in enumerate(nodes.values()):
        _draw_node(axes, node, page, f"kg-node-{index}")
    markers = {node.id: _marker_box(axes, node, page) for node in nodes.values()}
    placed = Placed(axes.get_window_extent(renderer),
                    [box for node_id, box in markers.items() if nodes[node_id].emphasis != "dimmed"],
                    [box for node_id, box in markers.items() if nodes[node_id].emphasis == "dimmed"])
    ids = {node_id: f"kg-label-{index}" for index, node_id in enumerate(nodes)}
    unnamed = {node.id for node in _by_importance(styled, nodes)
               if not _label_node(axes, node, (page, ids[node.id]), placed, renderer)}
    for edge in _labelled_edges(styled, nodes):
        _label_edge(axes, edge, nodes, page, placed, renderer)
    return axes, unnamed


def _drawn(styled: StyledView) -> list[NodeStyle]:
    """The nodes drawn (closed groups' members are not), claims named by their statement."""
    return [named_node(styled, node) for node in styled.nodes if node.cluster is None]


def named_node(styled: StyledView, node: NodeStyle) -> NodeStyle:
    """``node`` as a picture names it: a claim by its statement (shortened at a word)."""
    if node.kind != CLAIM_KIND:
        return node
    data = styled.view.graph.nodes[node.id]
    return replace(node, label=drawn_label({**data, "label": shortened(data["summary"], CLAIM_LENGTH)}))


def _xy(node: NodeStyle) -> tuple[float, float]:
    x, y = node.position
    return x, -y


def _axes(figure: Figure, box: Box) -> Axes:
    width, height = figure.get_size_inches()
    left, bottom, w, h = box
    axes = figure.add_axes((left / width, bottom / height, w / width, h / height))
    axes.set_axis_off()
    return axes


def _set_limits(axes: Axes, nodes: list[NodeStyle], box: Box, page: Page) -> None:
    """Limits so the positions fill the box less the padding."""
    left, right, bottom, top = graph_extent(nodes)
    side, above, below = graph_padding(nodes, page)
    _, _, width, height = box
    x_units = _units_per_inch(right - left, width - 2 * side)
    y_units = _units_per_inch(top - bottom, height - above - below)
    centre_x = (left + right) / 2
    axes.set_xlim(centre_x - width * x_units / 2, centre_x + width * x_units / 2)
    low = bottom - below * y_units - (height - above - below - (top - bottom) / y_units) * y_units / 2
    axes.set_ylim(low, low + height * y_units)


def _units_per_inch(span: float, room: float) -> float:
    return max(span / max(room, 0.5), UNITS_PER_INCH / MAX_STRETCH)


def _draw_edge(axes: Axes, edge: EdgeStyle, nodes: dict[str, NodeStyle], page: Page) -> None:
    shrink = page.marker / 2 + 1
    arrow = FancyArrowPatch(
        _xy(nodes[edge.source]), _xy(nodes[edge.target]), arrowstyle=ARROW_STYLES[edge.end],
        mutation_scale=page.marker * 0.8, shrinkA=shrink, shrinkB=shrink + 1,
        connectionstyle=f"arc3,rad={edge.curve}", color=edge.colour, alpha=edge.opacity,
        linewidth=points(edge.width), linestyle=dash_pattern(edge.dashes),
        zorder=2 if edge.emphasis == "path" else 1)
    axes.add_patch(arrow)


def _draw_node(axes: Axes, node: NodeStyle, page: Page, gid: str) -> None:
    """The node's marker (with a ring for the focus); ``gid`` names it in an SVG, so a reader can
    pair it with its label (``kg-node-N`` with ``kg-label-N``)."""
    x, y = _xy(node)
    dimmed = node.emphasis == "dimmed"
    size = page.marker * (1.25 if node.emphasis == "focus" else 1.0)
    axes.plot([x], [y], linestyle="none", marker=marker(node.shape), markersize=size,
              markerfacecolor=node.colour, markeredgecolor=node.border, alpha=DIM_ALPHA if dimmed else 1.0,
              markeredgewidth=min(points(node.border_width), 2.5), zorder=3, gid=gid)
    if node.emphasis == "focus":
        axes.plot([x], [y], linestyle="none", marker=marker(node.shape), markersize=size * 1.55,
                  markerfacecolor="none", markeredgecolor=node.border, markeredgewidth=2.0, zorder=3)


def _marker_box(axes: Axes, node: NodeStyle, page: Page) -> Bbox:
    x, y = axes.transData.transform(_xy(node))
    scale = axes.figure.dpi / POINTS_PER_INCH * (1.55 * 1.25 if node.emphasis == "focus" else 1.0)
    half_w, half_h = page.marker * marker_aspect(node.shape) / 2 * scale, page.marker / 2 * scale
    return Bbox.from_extents(x - half_w, y - half_h, x + half_w, y + half_h)


def _by_importance(styled: StyledView, nodes: dict[str, NodeStyle]) -> list[NodeStyle]:
    """The focus, then path nodes, then groups (their label says what they hold), then the rest
    by number of links drawn (most first), then id."""
    degree = Counter(end for edge in styled.edges if edge.source in nodes and edge.target in nodes
                     for end in (edge.source, edge.target))
    rank = {"focus": 0, "path": 1, "plain": 3, "dimmed": 4}

    def key(node: NodeStyle) -> tuple[int, int, str]:
        return 2 if node.kind == CLUSTER_KIND else rank.get(node.emphasis, 3), -degree[node.id], node.id

    return sorted(nodes.values(), key=key)


def _label_node(axes: Axes, node: NodeStyle, named: tuple[Page, str], placed: Placed, renderer: RendererBase) -> bool:
    """Put the node's label at the first free spot around it; False if none. A focus or path label
    that fits nowhere is tried again on fewer, longer lines: naming the path matters more than a
    compact label. ``named`` is the page and the label's SVG id."""
    page, gid = named
    widths = [label_wrap(node, page)]
    if node.emphasis in ("focus", "path"):
        widths.append(label_wrap(node, page) * 3 // 2)
    return any(_label_at_free_spot(axes, node, wrap_label(node.label, width), (page, gid), placed, renderer)
               for width in widths)


def _label_at_free_spot(axes: Axes, node: NodeStyle, text: str, named: tuple[Page, str], placed: Placed,
                        renderer: RendererBase) -> bool:
    """Try ``text`` below the node, above, beside, then at the corners; keep the first that is free."""
    page, gid = named
    colour = DIM_TEXT if node.emphasis == "dimmed" else TEXT_COLOUR
    weight = "bold" if node.emphasis == "focus" else "normal"
    for offset, ha, va in _label_spots(node, page):
        label = axes.annotate(text, _xy(node), xytext=offset, textcoords="offset points", ha=ha, va=va,
                              fontsize=page.text, color=colour, fontweight=weight, zorder=4, bbox=LABEL_BOX,
                              linespacing=1.5, gid=gid)
        if _keep(label, placed, renderer, node.emphasis in ("focus", "path")):
            return True
    return False


def _label_spots(node: NodeStyle, page: Page) -> list[tuple[tuple[float, float], str, str]]:
    """Offsets (points) and alignments around the node's marker, in order of preference."""
    reach = page.marker / 2 * (1.55 * 1.25 if node.emphasis == "focus" else 1.0) + LABEL_PAD
    side = reach * marker_aspect(node.shape)
    return [((0, -reach), "center", "top"), ((0, reach), "center", "bottom"),
            ((side, 0), "left", "center"), ((-side, 0), "right", "center"),
            ((side, -reach), "left", "top"), ((-side, -reach), "right", "top"),
            ((side, reach), "left", "bottom"), ((-side, reach), "right", "bottom")]


def _keep(label: Text, placed: Placed, renderer: RendererBase, emphasised: bool = False) -> bool:
    """Keep ``label`` if its box is free (and take the room), else remove it."""
    box = label.get_window_extent(renderer).padded(LABEL_PAD)
    if placed.free(box, may_cover_faint=emphasised):
        placed.taken.append(box)
        return True
    label.remove()
    return False


def _labelled_edges(styled: StyledView, nodes: dict[str, NodeStyle]) -> Iterable[EdgeStyle]:
    """Edges whose label may be drawn, path first: all of them in a small view, else the path's."""
    edges = [e for e in styled.edges if e.source in nodes and e.target in nodes and e.label]
    small = len(edges) <= EDGE_LABEL_LIMIT
    return sorted((e for e in edges if small or e.emphasis == "path"), key=lambda e: e.emphasis != "path")


def _label_edge(axes: Axes, edge: EdgeStyle, nodes: dict[str, NodeStyle], page: Page, placed: Placed,
                renderer: RendererBase) -> None:
    start, end = (axes.transData.transform(_xy(nodes[end])) for end in (edge.source, edge.target))
    colour = DIM_TEXT if edge.emphasis == "dimmed" else "#333333"
    for share in EDGE_SPOTS:
        x, y = axes.transData.inverted().transform(_on_arc(start, end, edge.curve, share))
        label = axes.text(x, y, edge.label, fontsize=page.text, color=colour, ha="center", va="center",
                          style="italic", zorder=2, bbox=LABEL_BOX)
        if _keep(label, placed, renderer, edge.emphasis == "path"):
            return


def _on_arc(start: Iterable[float], end: Iterable[float], rad: float, share: float) -> tuple[float, float]:
    """The point at ``share`` along matplotlib's ``arc3`` curve from ``start`` to ``end`` (pixels)."""
    (x1, y1), (x2, y2) = start, end
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    a, b, c = (1 - share) ** 2, 2 * share * (1 - share), share ** 2
    return a * x1 + b * cx + c * x2, a * y1 + b * cy + c * y2
