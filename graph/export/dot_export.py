"""Graphviz DOT: the view as a ``digraph`` for ``dot``, ``neato -n`` and any Graphviz viewer.

Written by hand (no binding needed) so that every string is quoted and escaped the one safe way:
ids and labels are always double-quoted, ``\\`` and ``"`` are backslash-escaped (Graphviz would
otherwise read ``\\N`` as "the node's name"), newlines become ``\\n`` and ``&`` becomes ``&amp;``
(Graphviz decodes HTML entities in labels). A label is never written as ``<...>``, so none can
become an HTML-like label. ``pos`` holds the view's positions in points (y flipped, since
Graphviz's y axis points up); ``dot`` lays the graph out itself, ``neato -n`` keeps them.
"""

from __future__ import annotations

import textwrap
from typing import BinaryIO

from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present import style

FONT = "DejaVu Sans"
LABEL_WIDTH = 24
SHAPES = {"ellipse": "ellipse", "box": "box", "diamond": "diamond", "dot": "circle",
          "square": "square", "triangle": "triangle", "triangleDown": "invtriangle",
          "star": "star", "hexagon": "hexagon", "database": "cylinder", "circle": "circle"}
LINES = {"solid": "solid", "dashed": "dashed", "dotted": "dotted"}


@path_or_stream
def write_dot(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as UTF-8 DOT text."""
    stream.write(dot_text(view).encode("utf-8"))


def dot_text(view: View) -> str:
    """The DOT source: graph defaults, then one line per node, then one per edge."""
    lines = ["digraph \"view\" {", *_defaults(view)]
    lines += [_node_line(view, node, data) for node, data in view.graph.nodes(data=True)]
    lines += [_edge_line(view, u, v, k, data) for u, v, k, data in view.graph.edges(keys=True, data=True)]
    return "\n".join([*lines, "}", ""])


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string whose label shows exactly ``text``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n") + '"'


def wrap(label: str, width: int = LABEL_WIDTH) -> str:
    """A long label broken into lines of about ``width`` characters."""
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def _attributes(values: dict[str, object]) -> str:
    return ", ".join(f"{name}={quote(str(value))}" for name, value in values.items())


def _defaults(view: View) -> list[str]:
    graph = {"label": view.title, "labelloc": "t", "fontname": FONT, "rankdir": "LR"}
    return [
        f"  graph [{_attributes(graph)}];",
        f"  node [{_attributes({'style': 'filled', 'fontname': FONT, 'fontsize': 10})}];",
        f"  edge [{_attributes({'fontname': FONT, 'fontsize': 8})}];",
    ]


def _node_line(view: View, node: str, data: dict) -> str:
    fill = style.node_colour(view.dataset, data)
    x, y = view.positions[node]
    values = {"label": wrap(style.node_label(data)), "shape": SHAPES[style.node_shape(view.dataset, data)],
              "fillcolor": fill, "fontcolor": style.label_colour(fill), "pos": f"{x:g},{0.0 - y:g}",
              "tooltip": data["summary"], **_node_emphasis(view, node)}
    return f"  {quote(node)} [{_attributes(values)}];"


def _node_emphasis(view: View, node: str) -> dict[str, object]:
    if node == view.spec.focus:
        return {"color": style.FOCUS_BORDER, "penwidth": 3}
    if node in view.path_nodes:
        return {"color": style.PATH_COLOUR, "penwidth": 2}
    return {}


def _edge_line(view: View, source: str, target: str, key: str, data: dict) -> str:
    on_path = (source, target, key) in view.path_edges
    values = {"id": key, "label": wrap(style.relation_phrase(view.dataset, data["relation"]), 18),
              "style": LINES[style.edge_line(view.dataset, data)],
              "penwidth": style.edge_width(view.dataset, data),
              "color": style.PATH_COLOUR if on_path else style.edge_colour(data)}
    return f"  {quote(source)} -> {quote(target)} [{_attributes(values)}];"
