"""Cytoscape.js elements JSON, with a stylesheet, for Cytoscape.js pages and Cytoscape desktop.

``{"elements": {"nodes": [...], "edges": [...]}, "style": [...], "layout": {"name": "preset"}}``:
each element's ``data`` holds every attribute plus ``focus`` and ``on_path``, as flat, typed
columns: Cytoscape desktop's importer reads a nested object as an empty string and fixes a
column's type by the first value it meets, so each mapping is spread into prefixed keys
(``attr_dose_mg``, ``recommendation_strength``), thresholds become phrases, lists of texts stay
lists (list columns), and a key whose values mix types across the view becomes text; and the
look the styled view resolved as ``draw_*`` fields (fill, border, shape, colour, width, opacity),
which the ``style`` array maps with ``data(...)``; nodes
have a ``position``; ``classes`` name the kind, evidence level, certainty grade, line style, line
end (``end-arrow``, ``end-bar`` for negative relations, ``end-bars`` for contrasts) and emphasis
(``focus``, ``path``, ``dimmed`` or ``plain``). ``cytoscape({container, ...document})`` keeps the positions
(the ``preset`` layout), as does ``cy.layout({name: 'preset'}).run()`` after ``cy.add``.

The ``cytoscape`` format is a zip of this document as ``network.cyjs`` and ``styles.json``: the
same stylesheet in the file Cytoscape desktop writes when it exports styles (a list of styles,
each with ``format_version``, ``generated_by``, ``target_cytoscapejs_version``, ``title`` and
``style``, rules with ``css``), which Cytoscape.js reads as it is.

Nodes and edges share one id space in Cytoscape, and a dataset may give an edge the id of a node
(the format keeps them apart): such an edge's element id becomes ``edge:ID`` (a colon is never in
a dataset id), so Cytoscape loads it rather than dropping it; ``dataset_id`` keeps the original.
"""

from __future__ import annotations

import json
import textwrap
import zipfile
from collections.abc import Mapping
from typing import Any, BinaryIO

from graph.export.common import FIXED_DATE
from graph.export.common import class_name as _class_name
from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.tabular import describe_threshold, flatten, unify_types
from graph.network.view import View
from graph.present import style
from graph.present.styled import EdgeStyle, NodeStyle, styled_view

SHAPES = {"ellipse": "ellipse", "box": "round-rectangle", "square": "rectangle", "dot": "ellipse",
          "circle": "ellipse", "diamond": "diamond", "triangle": "triangle", "triangleDown": "polygon",
          "star": "star", "hexagon": "hexagon", "database": "barrel"}
DOWN_TRIANGLE = "-1 -1 1 -1 0 1"
FONT_SIZE, LABEL_WIDTH, CHAR_PX, NARROW_PX, LINE_PX, PAD_PX, MIN_PX = 10, 140, 6.2, 5.0, 13, 16, 30
STYLE_VERSION = {"format_version": "1.0", "generated_by": "knowledge-graph-explorer",
                 "target_cytoscapejs_version": "~3.0"}
DIMMED = 0.3
END_RULES = {"arrow": {"target-arrow-shape": "triangle"}, "bar": {"target-arrow-shape": "tee"},
             "bars": {"target-arrow-shape": "tee", "source-arrow-shape": "tee",
                      "source-arrow-color": "data(draw_colour)"}}


def class_name(prefix: str, identifier: str) -> str:
    """A Cytoscape class such as ``kind-cause`` or ``evidence-cohort``."""
    return _class_name(prefix, identifier, "-")


@path_or_stream
def write_cyjs(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the elements and stylesheet as UTF-8 JSON with sorted keys."""
    stream.write(_json(cyjs_data(view)))


@path_or_stream
def write_cytoscape(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write a zip of ``network.cyjs`` and ``styles.json``, with fixed dates (same view, same bytes)."""
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, document in (("network.cyjs", cyjs_data(view)), ("styles.json", styles_document(view))):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, _json(document))


def _json(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def cyjs_data(view: View) -> dict[str, Any]:
    """The Cytoscape.js document for ``view``."""
    styled = styled_view(view, cluster_above=None)
    nodes = _typed([_node(view, node) for node in styled.nodes])
    node_ids = {node.id for node in styled.nodes}
    edges = _typed([_distinct(_edge(view, edge), node_ids) for edge in styled.edges])
    return {"data": {"title": view.title}, "elements": {"nodes": nodes, "edges": edges},
            "style": stylesheet(), "layout": {"name": "preset"}}


def styles_document(view: View) -> list[dict[str, Any]]:
    """``styles.json`` as Cytoscape desktop writes it: one style, its rules' properties under ``css``."""
    rules = [{"selector": rule["selector"], "css": rule["style"]} for rule in stylesheet()]
    return [{**STYLE_VERSION, "title": view.title, "style": rules}]


def flat_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` with each mapping spread into prefixed keys and thresholds as phrases; lists stay
    lists and missing values are left out (Cytoscape desktop would read null as the text "null")."""
    flat: dict[str, Any] = {}
    for name, value in data.items():
        if name == "thresholds":
            flat[name] = [describe_threshold(threshold) for threshold in value]
        elif isinstance(value, Mapping):
            flat.update(flatten({name: value}))
        elif value is not None:
            flat[name] = value
    return flat


def _typed(elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Elements whose data keys each hold one type across the view (mixed ones become text)."""
    unified = unify_types({index: element["data"] for index, element in enumerate(elements)})
    return [{**element, "data": unified[index]} for index, element in enumerate(elements)]


def _node(view: View, node: NodeStyle) -> dict[str, Any]:
    x, y = node.position
    data = view.graph.nodes[node.id]
    classes = [class_name("kind", node.kind), node.emphasis]
    emphasis = {"focus": node.emphasis == "focus", "on_path": node.id in view.path_nodes}
    return {"data": {**flat_data(data), **emphasis, **_node_drawing(node), "id": node.id,
                     "display_label": node.label},
            "position": {"x": x, "y": y}, "classes": " ".join(classes)}


def _distinct(element: dict[str, Any], node_ids: set[str]) -> dict[str, Any]:
    """An edge element whose id is not also a node's (Cytoscape drops the second of two)."""
    data = element["data"]
    if data["id"] in node_ids:
        element["data"] = {**data, "id": f"edge:{data['id']}", "dataset_id": data["id"]}
    return element


def _node_drawing(node: NodeStyle) -> dict[str, Any]:
    """The styled view's look as ``draw_*`` data fields, which the stylesheet maps."""
    return {**_node_size(node), "draw_fill": node.colour, "draw_border": node.border,
            "draw_border_width": node.border_width,
            "draw_border_style": "dashed" if node.border_dashes else "solid", "draw_shape": SHAPES[node.shape],
            "draw_text": style.label_colour(node.colour) if node.shape in style.LABEL_INSIDE else "#000000",
            "draw_valign": "center" if node.shape in style.LABEL_INSIDE else "bottom",
            "draw_opacity": DIMMED if node.emphasis == "dimmed" else 1.0}


def _node_size(node: NodeStyle) -> dict[str, float]:
    """Width and height in pixels: a shape that holds its label is as big as the wrapped label (a
    white label would spill out of a default 30 px node onto the white page), others 30 px. The
    label's lines are not known before Cytoscape.js wraps it at 140 px, so the width assumes the
    longest lines narrow characters allow and the height the most lines wide ones make."""
    if node.shape not in style.LABEL_INSIDE:
        return {"draw_width": MIN_PX, "draw_height": MIN_PX}
    longest = max(map(len, _lines(node.label, NARROW_PX)))
    width = min(longest * CHAR_PX, LABEL_WIDTH) + PAD_PX
    height = len(_lines(node.label, CHAR_PX)) * LINE_PX + PAD_PX
    return {"draw_width": round(max(width, MIN_PX), 1), "draw_height": max(height, MIN_PX)}


def _lines(label: str, char_px: float) -> list[str]:
    return textwrap.wrap(label, int(LABEL_WIDTH / char_px), break_long_words=False) or [label]


def _edge(view: View, edge: EdgeStyle) -> dict[str, Any]:
    data = view.graph.edges[edge.source, edge.target, edge.id]
    classes = [class_name("evidence", data["evidence"] or "none"), class_name("certainty", edge.tier),
               f"line-{edge.line}", f"end-{edge.end}", edge.emphasis]
    emphasis = {"focus": view.spec.focus in (edge.source, edge.target), "on_path": edge.emphasis == "path"}
    drawing = {"draw_colour": edge.colour, "draw_width": edge.width, "draw_opacity": edge.opacity}
    return {"data": {**flat_data(data), **emphasis, **drawing, "source": edge.source, "target": edge.target,
                     "display_label": edge.label}, "classes": " ".join(classes)}


def stylesheet() -> list[dict[str, Any]]:
    """Nodes and edges drawn from their ``draw_*`` data; one rule per line style; the down triangle."""
    rules = [_rule("node", {"label": "data(display_label)", "text-wrap": "wrap", "text-max-width": f"{LABEL_WIDTH}px",
                            "font-size": FONT_SIZE, "background-color": "data(draw_fill)",
                            "width": "data(draw_width)", "height": "data(draw_height)", "shape": "data(draw_shape)",
                            "border-color": "data(draw_border)", "border-width": "data(draw_border_width)",
                            "border-style": "data(draw_border_style)", "color": "data(draw_text)",
                            "text-valign": "data(draw_valign)", "opacity": "data(draw_opacity)"}),
             _rule("edge", {"label": "data(display_label)", "font-size": 8, "curve-style": "bezier",
                            "target-arrow-shape": "triangle", "line-color": "data(draw_colour)",
                            "target-arrow-color": "data(draw_colour)", "width": "data(draw_width)",
                            "opacity": "data(draw_opacity)"}),
             _rule('node[draw_shape = "polygon"]', {"shape-polygon-points": DOWN_TRIANGLE})]
    return (rules + [_line_rule(name, dashes) for name, dashes in style.DASHES.items()]
            + [_rule(f".end-{end}", css) for end, css in END_RULES.items()])


def _rule(selector: str, css: dict[str, Any]) -> dict[str, Any]:
    return {"selector": selector, "style": css}


def _line_rule(name: str, dashes: tuple[int, ...] | None) -> dict[str, Any]:
    if not dashes:
        return _rule(f".line-{name}", {"line-style": "solid"})
    return _rule(f".line-{name}", {"line-style": "dashed", "line-dash-pattern": list(dashes)})
