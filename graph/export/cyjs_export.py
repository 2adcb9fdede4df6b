"""Cytoscape.js elements JSON, with a stylesheet, for Cytoscape.js pages and Cytoscape desktop.

``{"elements": {"nodes": [...], "edges": [...]}, "style": [...], "layout": {"name": "preset"}}``:
each element's ``data`` holds every attribute (lists and mappings stay JSON lists and objects)
plus ``focus`` and ``on_path``, nodes have a ``position``, and ``classes`` name the kind,
verdict, evidence level and line style, so the ``style`` array can draw the view as it looks
here with one selector per class. ``cytoscape({container, ...document})`` keeps the positions
(the ``preset`` layout), as does ``cy.layout({name: 'preset'}).run()`` after ``cy.add``.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from graph.dataset.model import VERDICTS
from graph.export.common import class_name as _class_name
from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present import style

SHAPES = {"ellipse": "ellipse", "box": "round-rectangle", "square": "rectangle", "dot": "ellipse",
          "circle": "ellipse", "diamond": "diamond", "triangle": "triangle", "triangleDown": "polygon",
          "star": "star", "hexagon": "hexagon", "database": "barrel"}
DOWN_TRIANGLE = "-1 -1 1 -1 0 1"


def class_name(prefix: str, identifier: str) -> str:
    """A Cytoscape class such as ``kind-cause`` or ``verdict-partly-supported``."""
    return _class_name(prefix, identifier, "-")


@path_or_stream
def write_cyjs(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the elements and stylesheet as UTF-8 JSON with sorted keys."""
    stream.write(json.dumps(cyjs_data(view), ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"))


def cyjs_data(view: View) -> dict[str, Any]:
    """The Cytoscape.js document for ``view``."""
    nodes = [_node(view, node, data) for node, data in view.graph.nodes(data=True)]
    edges = [_edge(view, (u, v, k), data) for u, v, k, data in view.graph.edges(keys=True, data=True)]
    return {"data": {"title": view.title}, "elements": {"nodes": nodes, "edges": edges},
            "style": stylesheet(view), "layout": {"name": "preset"}}


def _node(view: View, node: str, data: dict) -> dict[str, Any]:
    x, y = view.positions[node]
    classes = [class_name("kind", data["kind"])]
    classes += [class_name("verdict", data["verdict"])] if "verdict" in data else []
    classes += ["focus"] if node == view.spec.focus else []
    classes += ["path"] if node in view.path_nodes else []
    emphasis = {"focus": node == view.spec.focus, "on_path": node in view.path_nodes}
    return {"data": {**data, **emphasis, "id": node, "display_label": style.node_label(data)},
            "position": {"x": x, "y": y}, "classes": " ".join(classes)}


def _edge(view: View, key: tuple[str, str, str], data: dict) -> dict[str, Any]:
    classes = [class_name("evidence", data["evidence"] or "none"),
               f"line-{style.edge_line(view.dataset, data)}"]
    classes += ["path"] if key in view.path_edges else []
    phrase = style.relation_phrase(view.dataset, data["relation"])
    emphasis = {"focus": view.spec.focus in key[:2], "on_path": key in view.path_edges}
    return {"data": {**data, **emphasis, "source": key[0], "target": key[1], "display_label": phrase},
            "classes": " ".join(classes)}


def stylesheet(view: View) -> list[dict[str, Any]]:
    """Base node and edge styles, then one rule per kind, verdict and evidence level shown."""
    rules = [_rule("node", {"label": "data(display_label)", "text-wrap": "wrap", "text-max-width": "140px",
                            "font-size": 10, "border-width": 1, "border-color": "#333333"}),
             _rule("edge", {"label": "data(display_label)", "font-size": 8, "curve-style": "bezier",
                            "target-arrow-shape": "triangle", "line-color": style.EDGE_COLOUR,
                            "target-arrow-color": style.EDGE_COLOUR})]
    rules += [_kind_rule(kind.id, kind.colour, kind.shape) for kind in view.dataset.kinds]
    rules += [_rule(f".{class_name('verdict', verdict)}", _fill(style.VERDICT_STYLES[verdict].colour,
                                                                style.CLAIM_SHAPE)) for verdict in VERDICTS]
    return rules + _evidence_rules(view) + _emphasis_rules()


def _rule(selector: str, css: dict[str, Any]) -> dict[str, Any]:
    return {"selector": selector, "style": css}


def _fill(colour: str, shape: str) -> dict[str, Any]:
    css = {"background-color": colour, "color": style.label_colour(colour), "shape": SHAPES[shape],
           "text-valign": "center" if shape in style.LABEL_INSIDE else "bottom"}
    return {**css, "shape-polygon-points": DOWN_TRIANGLE} if shape == "triangleDown" else css


def _kind_rule(kind: str, colour: str, shape: str) -> dict[str, Any]:
    """Fill and shape of a kind; labels drawn below the shape are black, as on the white page."""
    css = _fill(colour, shape)
    if shape not in style.LABEL_INSIDE:
        css["color"] = "#000000"
    return _rule(f".{class_name('kind', kind)}", css)


def _evidence_rules(view: View) -> list[dict[str, Any]]:
    """Line style per style class, width per evidence level; claim links (no evidence) are grey."""
    rules = [_rule(f".line-{line}", {"line-style": line}) for line in ("solid", "dashed", "dotted")]
    for level in view.dataset.evidence:
        width = style.edge_width(view.dataset, {"evidence": level.id, "evidence_rank": level.rank})
        rules.append(_rule(f".{class_name('evidence', level.id)}", {"width": width}))
    claim_links = {"width": style.MIN_WIDTH, "line-color": style.CLAIM_EDGE_COLOUR}
    return [*rules, _rule(".evidence-none", claim_links)]


def _emphasis_rules() -> list[dict[str, Any]]:
    return [_rule("edge.path", {"line-color": style.PATH_COLOUR, "target-arrow-color": style.PATH_COLOUR}),
            _rule("node.path", {"border-color": style.PATH_COLOUR, "border-width": 3}),
            _rule("node.focus", {"border-color": style.FOCUS_BORDER, "border-width": 4})]
