"""Static PNG, SVG and PDF diagrams of a view, drawn with matplotlib for print and slides.

The picture matches the screen: the view's positions (y flipped, since vis-network's y grows
downwards), kind colours and shapes, evidence line widths and styles from :mod:`graph.present.style`,
arrows, the path in the path colour and the focus with a thick border. A title, a legend and a
caption listing the references shown are part of the figure (see :mod:`graph.export.figure_parts`).

Figures are built with :class:`matplotlib.figure.Figure` directly, never pyplot, so no global
figure is left open and no GUI back end is touched; each export runs inside its own
``rc_context``. Texts are drawn with math parsing off (a ``$`` in a label stays a ``$``), and
SVG keeps them as ``<text>`` elements. SVG and PDF carry no date, and SVG ids are salted with a
constant, so the same view gives the same file.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from typing import BinaryIO

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from graph.export.figure_parts import (
    TITLE_HEIGHT,
    add_caption,
    add_legend,
    add_title,
    caption_columns,
    caption_height,
    legend_height,
    legend_width,
    marker,
    points,
)
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present import style

UNITS_PER_INCH = 110.0
PAD = 0.9
MIN_GRAPH_SIZE = (5.0, 2.5)
BASE_DPI = 100
LABEL_WIDTH = 22
LABEL_SIZE = 7.0
EDGE_LABEL_SIZE = 7.0
EDGE_LABEL_LIMIT = 40
MARKER_SIZE = 11.0
PARALLEL_BEND = 0.15
RC = {"svg.hashsalt": "graph-export", "svg.fonttype": "none", "pdf.fonttype": 42,
      "text.parse_math": False, "lines.scale_dashes": False, "font.family": "DejaVu Sans"}
METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}


def write_image(view: View, stream: BinaryIO, fmt: str, options: ExportOptions = DEFAULTS) -> None:
    """Draw the view and save it as ``fmt`` (png, svg or pdf) at ``options.scale`` × 100 DPI."""
    with matplotlib.rc_context(RC):
        figure = draw_figure(view)
        figure.savefig(stream, format=fmt, dpi=BASE_DPI * options.scale, metadata=METADATA[fmt])


def draw_figure(view: View) -> Figure:
    """The whole figure: title on top, the graph with the legend at its right, the caption below."""
    (graph_width, graph_height), key_width = _graph_size(view), legend_width(view)
    references = caption_columns(view, graph_width + key_width)
    body = max(graph_height, legend_height(view))
    caption = caption_height(references)
    figure = Figure(figsize=(graph_width + key_width, TITLE_HEIGHT + body + caption), facecolor="white")
    axes = _add_axes(figure, (0, caption + (body - graph_height) / 2, graph_width, graph_height))
    _draw_graph(view, axes)
    add_title(figure, view.title)
    add_legend(_add_axes(figure, (graph_width, caption, key_width, body)), view)
    add_caption(figure, references)
    return figure


def wrap_label(label: str) -> str:
    """A node label broken into short lines, as drawn."""
    return "\n".join(textwrap.wrap(label, LABEL_WIDTH, break_long_words=False)) or label


def _extent(view: View) -> tuple[float, float, float, float]:
    """Left, right, bottom and top of the flipped positions (all zero for an empty view)."""
    points_ = [_xy(view, node) for node in view.positions] or [(0.0, 0.0)]
    xs, ys = [x for x, _ in points_], [y for _, y in points_]
    return min(xs), max(xs), min(ys), max(ys)


def _graph_size(view: View) -> tuple[float, float]:
    """Inches needed for the positions at a fixed scale, so labels keep their size."""
    left, right, bottom, top = _extent(view)
    width = (right - left) / UNITS_PER_INCH + 2 * PAD
    height = (top - bottom) / UNITS_PER_INCH + 2 * PAD
    return max(width, MIN_GRAPH_SIZE[0]), max(height, MIN_GRAPH_SIZE[1])


def _add_axes(figure: Figure, box: tuple[float, float, float, float]) -> Axes:
    """Axes at ``box`` = (left, bottom, width, height) in inches, with no frame or ticks."""
    width, height = figure.get_size_inches()
    left, bottom, w, h = box
    axes = figure.add_axes((left / width, bottom / height, w / width, h / height))
    axes.set_axis_off()
    return axes


def _draw_graph(view: View, axes: Axes) -> None:
    """Edges, then nodes and labels, with the axes limits set so one inch is UNITS_PER_INCH."""
    width, height = (axes.get_position().width * axes.figure.get_figwidth(),
                     axes.get_position().height * axes.figure.get_figheight())
    left, right, bottom, top = _extent(view)
    cx, cy = (left + right) / 2, (bottom + top) / 2
    axes.set_xlim(cx - width * UNITS_PER_INCH / 2, cx + width * UNITS_PER_INCH / 2)
    axes.set_ylim(cy - height * UNITS_PER_INCH / 2, cy + height * UNITS_PER_INCH / 2)
    _draw_edges(view, axes)
    for node, data in view.graph.nodes(data=True):
        _draw_node(view, axes, node, data)


def _xy(view: View, node: str) -> tuple[float, float]:
    x, y = view.positions[node]
    return x, -y


def _draw_node(view: View, axes: Axes, node: str, data: dict) -> None:
    x, y = _xy(view, node)
    edge, edge_width = _node_border(view, node)
    axes.plot([x], [y], linestyle="none", marker=marker(style.node_shape(view.dataset, data)),
              markersize=MARKER_SIZE, markerfacecolor=style.node_colour(view.dataset, data),
              markeredgecolor=edge, markeredgewidth=edge_width, zorder=3)
    axes.annotate(wrap_label(style.node_label(data)), (x, y), xytext=(0, -MARKER_SIZE / 2 - 1),
                  textcoords="offset points", ha="center", va="top", fontsize=LABEL_SIZE, zorder=4,
                  bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75})


def _node_border(view: View, node: str) -> tuple[str, float]:
    if node == view.spec.focus:
        return style.FOCUS_BORDER, 3.0
    if node in view.path_nodes:
        return style.PATH_COLOUR, 2.0
    return "#333333", 0.8


def _draw_edges(view: View, axes: Axes) -> None:
    """Arrows, bent apart when two nodes are linked more than once; labelled if there are few."""
    seen: Counter[frozenset[str]] = Counter()
    labelled = view.graph.number_of_edges() <= EDGE_LABEL_LIMIT
    for source, target, key, data in view.graph.edges(keys=True, data=True):
        pair = frozenset((source, target))
        bend = PARALLEL_BEND * seen[pair]
        seen[pair] += 1
        _draw_edge(view, axes, (source, target, key), data, bend)
        if labelled:
            _label_edge(view, axes, (source, target), data, bend)


def _draw_edge(view: View, axes: Axes, key: tuple[str, str, str], data: dict, bend: float) -> None:
    on_path = key in view.path_edges
    colour = style.PATH_COLOUR if on_path else style.edge_colour(data)
    dashes = style.edge_dashes(view.dataset, data)
    width = points(style.edge_width(view.dataset, data))
    arrow = FancyArrowPatch(
        _xy(view, key[0]), _xy(view, key[1]), arrowstyle="-|>,head_length=0.5,head_width=0.25",
        mutation_scale=10, shrinkA=MARKER_SIZE / 2, shrinkB=MARKER_SIZE / 2 + 1,
        connectionstyle=f"arc3,rad={bend}", color=colour, linewidth=width, zorder=2 if on_path else 1,
        linestyle=(0, tuple(points(d) for d in dashes)) if dashes else "solid")
    axes.add_patch(arrow)


def _label_edge(view: View, axes: Axes, ends: tuple[str, str], data: dict, bend: float) -> None:
    """The relation phrase at the middle of the (possibly bent) arrow."""
    (x1, y1), (x2, y2) = _xy(view, ends[0]), _xy(view, ends[1])
    x = (x1 + x2) / 2 + bend / 2 * (y2 - y1)
    y = (y1 + y2) / 2 - bend / 2 * (x2 - x1)
    axes.text(x, y, style.relation_phrase(view.dataset, data["relation"]), fontsize=EDGE_LABEL_SIZE,
              color="#333333", ha="center", va="center", style="italic", zorder=2,
              bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8})
