"""Mermaid ``flowchart LR`` text, for Markdown on GitHub/GitLab, Mermaid Live and Obsidian.

Node ids are never written raw: nodes become ``n0``, ``n1``… in graph order (a ``%%`` comment
gives the mapping). Every label is double-quoted with characters that Mermaid would read as
syntax or markup replaced by Mermaid entity codes (``#quot;``, ``#lt;``, ``#35;``…), so text
from a dataset stays text. Evidence is the arrow: ``==>`` for the strongest levels, ``-->`` for
other solid lines, ``-.->`` for dashed and dotted ones (dotted also get a dash pattern); path
edges are highlighted with ``linkStyle``; kinds, verdicts and the focus are ``classDef`` classes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import BinaryIO

from graph.export.common import class_name
from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present import style

ENTITIES = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
            ";": "#59;", "|": "#124;", "\n": " ", "\r": " "}
SHAPES = {"ellipse": '(["{}"])', "box": '["{}"]', "square": '["{}"]', "circle": '(("{}"))',
          "dot": '(("{}"))', "diamond": '{{"{}"}}', "hexagon": '{{{{"{}"}}}}', "database": '[("{}")]',
          "triangle": '[/"{}"\\]', "triangleDown": '[\\"{}"/]', "star": '>"{}"]'}
THICK_SHARE = 0.75
DOTTED = "stroke-dasharray:2 5"


@path_or_stream
def write_mermaid(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as Mermaid flowchart text (UTF-8)."""
    stream.write(mermaid_text(view).encode("utf-8"))


def mermaid_text(view: View) -> str:
    """The flowchart: an id mapping, nodes, edges, then classes and link styles."""
    ids = {node: f"n{i}" for i, node in enumerate(view.graph)}
    edges = list(view.graph.edges(keys=True, data=True))
    lines = [f"%% {_comment(view.title)}", "flowchart LR"]
    lines += [f"  %% {ids[node]}: {node}" for node in view.graph]
    lines += [_node_line(view, node, ids[node]) for node in view.graph]
    lines += [f"  {ids[u]} {_arrow(view, data)}|\"{escape(_phrase(view, data))}\"| {ids[v]}"
              for u, v, _, data in edges]
    return "\n".join([*lines, *_class_lines(view, ids), *_link_styles(view, edges), ""])


def escape(text: str) -> str:
    """``text`` with Mermaid's special characters as entity codes, safe inside double quotes."""
    return "".join(ENTITIES.get(char, char) for char in text)


def _comment(text: str) -> str:
    return " ".join(text.split())


def _node_line(view: View, node: str, safe_id: str) -> str:
    data = view.graph.nodes[node]
    shape = SHAPES[style.node_shape(view.dataset, data)]
    return f"  {safe_id}{shape.format(escape(style.node_label(data)))}"


def _phrase(view: View, data: dict) -> str:
    return style.relation_phrase(view.dataset, data["relation"])


def _arrow(view: View, data: dict) -> str:
    """``==>`` for the strongest evidence, ``-.->`` for dashed or dotted lines, else ``-->``."""
    if style.edge_line(view.dataset, data) != "solid":
        return "-.->"
    share = (style.edge_width(view.dataset, data) - style.MIN_WIDTH) / (style.MAX_WIDTH - style.MIN_WIDTH)
    return "==>" if share >= THICK_SHARE else "-->"


def _class_lines(view: View, ids: dict[str, str]) -> list[str]:
    """``classDef`` and ``class`` lines: one class per kind or verdict shown, and the focus."""
    members: dict[str, list[str]] = defaultdict(list)
    fills: dict[str, str] = {}
    for node, data in view.graph.nodes(data=True):
        name = _node_class(data)
        members[name].append(ids[node])
        fills[name] = style.node_colour(view.dataset, data)
    lines = [f"  classDef {name} fill:{fill},color:{style.label_colour(fill)},stroke:#333333"
             for name, fill in sorted(fills.items())]
    lines += [f"  class {','.join(members[name])} {name}" for name in sorted(members)]
    return lines + _emphasis_lines(view, ids)


def _node_class(data: dict) -> str:
    if "verdict" in data:
        return class_name("verdict", data["verdict"])
    return class_name("kind", data["kind"])


def _emphasis_lines(view: View, ids: dict[str, str]) -> list[str]:
    lines = []
    path = [ids[node] for node in view.graph if node in view.path_nodes and node != view.spec.focus]
    if path:
        lines += [f"  classDef onpath stroke:{style.PATH_COLOUR},stroke-width:3px",
                  f"  class {','.join(path)} onpath"]
    if view.spec.focus in ids:
        lines += [f"  classDef focus stroke:{style.FOCUS_BORDER},stroke-width:4px",
                  f"  class {ids[view.spec.focus]} focus"]
    return lines


def _link_styles(view: View, edges: list) -> list[str]:
    """``linkStyle`` lines grouping edges (by index) that share a style: path, dotted, or both."""
    groups: dict[str, list[str]] = defaultdict(list)
    for index, (u, v, k, data) in enumerate(edges):
        parts = [DOTTED] if style.edge_line(view.dataset, data) == "dotted" else []
        if (u, v, k) in view.path_edges:
            parts.append(f"stroke:{style.PATH_COLOUR},stroke-width:4px")
        if parts:
            groups[",".join(parts)].append(str(index))
    return [f"  linkStyle {','.join(indices)} {css}" for css, indices in sorted(groups.items())]
