"""Mermaid ``flowchart LR`` text, for Markdown on GitHub/GitLab, Mermaid Live and Obsidian.

Node ids are never written raw: nodes become ``n0``, ``n1``… in graph order (a ``%%`` comment
gives the mapping). Every label is double-quoted with characters that Mermaid would read as
syntax or markup replaced by Mermaid entity codes (``#quot;``, ``#lt;``, ``#35;``…), so text
from a dataset stays text; ``%``, ``{`` and ``}`` are among them, so neither a label nor the
title (a ``%%`` comment, escaped the same way) can open a ``%%{init: …}%%`` directive that
would restyle or blank the diagram. Mermaid draws nothing past its default limits
(:data:`MAX_EDGES` links, :data:`MAX_TEXT_CHARS` characters), so a larger view is refused with
an :class:`~graph.errors.ExportError` that says so, rather than written as an empty picture.

Everything drawn comes from the styled view. Evidence is the arrow: ``==>`` for solid lines (the
most certain grade), ``-.->`` for broken ones, and a negative relation ends in a cross (``==x``,
``-.-x``), a contrast has a cross at both ends (``x==x``); every edge's colour, width, dash
pattern and dimming is a ``linkStyle``; each look (a kind, or a claim's verdict) is a
``classDef``, and the focus, path and dimmed nodes get one more class each.
"""

from __future__ import annotations

from collections import defaultdict
from typing import BinaryIO

from graph.errors import ExportError
from graph.export.common import class_name
from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present import style
from graph.present.styled import EdgeStyle, NodeStyle, styled_view

ENTITIES = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
            ";": "#59;", "|": "#124;", "%": "#37;", "{": "#123;", "}": "#125;", "\n": " ", "\r": " "}
MAX_EDGES = 500  # Mermaid's default maxEdges
MAX_TEXT_CHARS = 50_000  # Mermaid's default maxTextSize
SHAPES = {"ellipse": '(["{}"])', "box": '["{}"]', "square": '["{}"]', "circle": '(("{}"))',
          "dot": '(("{}"))', "diamond": '{{"{}"}}', "hexagon": '{{{{"{}"}}}}', "database": '[("{}")]',
          "triangle": '[/"{}"\\]', "triangleDown": '[\\"{}"/]', "star": '>"{}"]'}
EMPHASIS = {"focus": f"stroke:{style.FOCUS_BORDER},stroke-width:4px",
            "path": f"stroke:{style.PATH_COLOUR},stroke-width:4px", "dimmed": "opacity:0.35"}
EMPHASIS_BORDERS = ("focus", "path")


@path_or_stream
def write_mermaid(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as Mermaid flowchart text (UTF-8)."""
    stream.write(mermaid_text(view).encode("utf-8"))


def mermaid_text(view: View) -> str:
    """The flowchart: an id mapping, nodes, edges, then classes and link styles.

    Raises ExportError when Mermaid would draw nothing: more than MAX_EDGES links or
    MAX_TEXT_CHARS characters.
    """
    styled = styled_view(view, cluster_above=None)
    ids = {node.id: f"n{i}" for i, node in enumerate(styled.nodes)}
    lines = [f"%% {_comment(view.title)}", "flowchart LR"]
    lines += [f"  %% {ids[node.id]}: {node.id}" for node in styled.nodes]
    lines += [f"  {ids[node.id]}{SHAPES[node.shape].format(escape(node.label))}" for node in styled.nodes]
    lines += [f"  {ids[e.source]} {_arrow(e)}|\"{escape(e.label)}\"| {ids[e.target]}" for e in styled.edges]
    text = "\n".join([*lines, *_class_lines(styled.nodes, ids), *_link_styles(styled.edges), ""])
    _check_drawable(len(styled.edges), len(text))
    return text


def _check_drawable(edges: int, characters: int) -> None:
    if edges > MAX_EDGES or characters > MAX_TEXT_CHARS:
        raise ExportError(
            f"this view has {edges:,} links and {characters:,} characters of Mermaid; Mermaid draws nothing "
            f"past {MAX_EDGES:,} links or {MAX_TEXT_CHARS:,} characters. Export a smaller view (a focus, "
            "fewer kinds or a higher minimum evidence), or use another format such as SVG or DOT.")


def escape(text: str) -> str:
    """``text`` with Mermaid's special characters as entity codes, safe inside double quotes."""
    return "".join(ENTITIES.get(char, char) for char in text)


def _comment(text: str) -> str:
    """``text`` on one line, escaped like a label: a ``%%`` comment cannot hold a directive."""
    return escape(" ".join(text.split()))


def _arrow(edge: EdgeStyle) -> str:
    """``==>`` for solid lines, ``-.->`` for broken ones; crosses end negative and contrasting links."""
    tail, head = {"arrow": ("", ">"), "bar": ("", "x"), "bars": ("x", "x")}[edge.end]
    return f"{tail}-.-{head}" if edge.dashes else f"{tail}=={head}"


def _class_lines(nodes: tuple[NodeStyle, ...], ids: dict[str, str]) -> list[str]:
    """``classDef`` and ``class`` lines: one class per look (kind, or claim verdict), then emphasis."""
    members: dict[str, list[str]] = defaultdict(list)
    looks: dict[str, str] = {}
    for node in nodes:
        name = class_name("look", node.kind_label)
        members[name].append(ids[node.id])
        if name not in looks or node.emphasis not in EMPHASIS_BORDERS:  # emphasis classes draw those
            looks[name] = _look(node)
    lines = [f"  classDef {name} {css}" for name, css in sorted(looks.items())]
    lines += [f"  class {','.join(members[name])} {name}" for name in sorted(members)]
    return lines + _emphasis_lines(nodes, ids)


def _look(node: NodeStyle) -> str:
    css = f"fill:{node.colour},color:{style.label_colour(node.colour)},stroke:{node.border}"
    return css + (f",stroke-width:{node.border_width:g}px,stroke-dasharray:{_dasharray(node.border_dashes)}"
                  if node.border_dashes else "")


def _dasharray(dashes: tuple[int, ...]) -> str:
    return " ".join(str(d) for d in dashes)


def _emphasis_lines(nodes: tuple[NodeStyle, ...], ids: dict[str, str]) -> list[str]:
    """The focus border, the path border and the dimming of nodes off the path."""
    lines = []
    for emphasis, css in EMPHASIS.items():
        chosen = [ids[node.id] for node in nodes if node.emphasis == emphasis]
        if chosen:
            lines += [f"  classDef {emphasis} {css}", f"  class {','.join(chosen)} {emphasis}"]
    return lines


def _link_styles(edges: tuple[EdgeStyle, ...]) -> list[str]:
    """``linkStyle`` lines grouping edges (by index) that share a stroke: colour, dashes, opacity."""
    groups: dict[str, list[str]] = defaultdict(list)
    for index, edge in enumerate(edges):
        parts = [f"stroke:{edge.colour}", f"stroke-width:{edge.width:g}px"]
        parts += [f"stroke-dasharray:{_dasharray(edge.dashes)}"] if edge.dashes else []
        parts += [f"opacity:{edge.opacity:g}"] if edge.opacity < 1 else []
        groups[",".join(parts)].append(str(index))
    return [f"  linkStyle {','.join(indices)} {css}" for css, indices in sorted(groups.items())]
