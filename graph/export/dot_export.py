"""Graphviz DOT: the view as a ``digraph`` for ``dot``, ``neato -n`` and any Graphviz viewer.

Written by hand (no binding needed) so that every string is quoted and escaped the one safe way:
ids and labels are always double-quoted, ``\\`` and ``"`` are backslash-escaped (Graphviz would
otherwise read ``\\N`` as "the node's name"), newlines become ``\\n`` and ``&`` becomes ``&amp;``
(Graphviz decodes HTML entities in labels). A label is never written as ``<...>``, so none can
become an HTML-like label. Graphviz cannot read a quoted string over 16,384 characters, while a
dataset text may hold 20,000 (and ``&amp;`` grows on the way), so drawn labels are cut at
:data:`LABEL_CHARS` and tooltips at :data:`TOOLTIP_CHARS`, at a word, with an ellipsis.
``pos`` holds the view's positions in points (y flipped, since Graphviz's y axis points up);
``dot`` lays the graph out itself, ``neato -n`` keeps them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import BinaryIO

from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present import style
from graph.present.styled import EdgeStyle, NodeStyle, styled_view

FONT = "DejaVu Sans"
LABEL_WIDTH = 24
LABEL_CHARS = 200
TOOLTIP_CHARS = 2_000  # five times this, all '&' escaped as '&amp;', stays under Graphviz's 16,384
SHAPES = {"ellipse": "ellipse", "box": "box", "diamond": "diamond", "dot": "circle",
          "square": "square", "triangle": "triangle", "triangleDown": "invtriangle",
          "star": "star", "hexagon": "hexagon", "database": "cylinder", "circle": "circle"}
DIMMED_ALPHA = "40"  # 25 % opacity, as on screen
# Graphviz has no dash-dot or sparse dots: those are drawn dashed or dotted, with a thinner pen.
LINES = {"solid": "solid", "dashed": "dashed", "dotted": "dotted", "sparse": "dotted", "dashdotdot": "dashed",
         "dashdot": "dashed"}
ENDS = {"arrow": {"arrowhead": "normal"}, "bar": {"arrowhead": "tee"},
        "bars": {"arrowhead": "tee", "arrowtail": "tee", "dir": "both"}}


@path_or_stream
def write_dot(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as UTF-8 DOT text."""
    stream.write(dot_text(view).encode("utf-8"))


def dot_text(view: View) -> str:
    """The DOT source: graph defaults, then one line per node, then one per edge."""
    styled = styled_view(view, cluster_above=None)
    lines = ["digraph \"view\" {", *_defaults(view)]
    lines += [_node_line(node) for node in styled.nodes]
    lines += [_edge_line(edge) for edge in styled.edges]
    return "\n".join([*lines, "}", ""])


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string whose label shows exactly ``text``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n") + '"'


def wrap(label: str, width: int = LABEL_WIDTH) -> str:
    """A long label cut to LABEL_CHARS and broken into lines of about ``width`` characters."""
    label = shorten(label, LABEL_CHARS)
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def shorten(text: str, limit: int) -> str:
    """``text``, or its first words up to ``limit`` characters followed by an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    word_end = cut.rfind(" ")
    return (cut[:word_end] if word_end > limit // 2 else cut).rstrip() + "…"


def _attributes(values: Mapping[str, object]) -> str:
    return ", ".join(f"{name}={quote(str(value))}" for name, value in values.items())


def _defaults(view: View) -> list[str]:
    graph = {"label": shorten(view.title, LABEL_CHARS), "labelloc": "t", "fontname": FONT, "rankdir": "LR"}
    return [
        f"  graph [{_attributes(graph)}];",
        f"  node [{_attributes({'style': 'filled', 'fontname': FONT, 'fontsize': 10})}];",
        f"  edge [{_attributes({'fontname': FONT, 'fontsize': 8})}];",
    ]


def _node_line(node: NodeStyle) -> str:
    """A node as drawn: fill, border (dashed if the styled view says so), label, position, tooltip."""
    x, y = node.position
    values = {"label": wrap(node.label), "shape": SHAPES[node.shape],
              "style": "filled,dashed" if node.border_dashes else "filled",
              "fillcolor": _faded(node.colour, node.emphasis), "fontcolor": style.label_colour(node.colour),
              "color": _faded(node.border, node.emphasis), "penwidth": f"{node.border_width:g}",
              "pos": f"{x:g},{0.0 - y:g}", "tooltip": shorten(node.tooltip, TOOLTIP_CHARS)}
    return f"  {quote(node.id)} [{_attributes(values)}];"


def _edge_line(edge: EdgeStyle) -> str:
    """An edge as drawn: its certainty's line style, width and colour, faded off a path, and the
    arrowhead of its relation's polarity."""
    values = {"id": edge.id, "label": wrap(edge.label, 18), "style": LINES[edge.line],
              **ENDS[edge.end],
              "penwidth": f"{edge.width:g}", "color": _faded(edge.colour, edge.emphasis),
              "tooltip": shorten(edge.tooltip, TOOLTIP_CHARS)}
    return f"  {quote(edge.source)} -> {quote(edge.target)} [{_attributes(values)}];"


def _faded(colour: str, emphasis: str) -> str:
    """``colour`` with Graphviz alpha when the styled view dims it (off a highlighted path)."""
    return colour + DIMMED_ALPHA if emphasis == "dimmed" else colour
