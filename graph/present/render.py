"""Draw a view as an interactive vis-network page that works offline.

pyvis builds the node and edge records and the options; the page itself comes from our own
autoescaping template (pyvis's template loads Bootstrap from a CDN and inserts some texts
raw), with vis-network's JavaScript and CSS read from the pyvis package and inlined. Data enters
the page only through ``tojson``, and tooltips are plain text, so no text from a dataset can
become markup or script.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from pyvis.network import Network

from graph.network.view import View
from graph.present import style
from graph.present.legend import Legend, legend_for

EDGE_LABEL_LIMIT = 40
LABEL_WIDTH = 150
NETWORK_HEIGHT = 640
_VIS_DIR = "templates/lib/vis-9.1.2"


def render_html(view: View, height: int = NETWORK_HEIGHT) -> str:
    """A complete, self-contained HTML page showing the view, its title and legend."""
    payload = network_payload(view)
    return _template().render(
        title=view.title, payload=payload, legend=legend_for(view), height=height,
        vis_js=vis_asset("vis-network.min.js"), vis_css=vis_asset("vis-network.css"),
        description=describe_view(view),
    )


def render_legend(view: View) -> str:
    """The legend alone, as an HTML fragment (for pages that draw the network themselves)."""
    return _template("legend.html.j2").render(legend=legend_for(view))


def network_payload(view: View) -> dict[str, Any]:
    """The vis-network data and options for a view, as plain JSON-able values."""
    net = Network(directed=True, height=f"{NETWORK_HEIGHT}px", width="100%")
    show_edge_labels = view.graph.number_of_edges() <= EDGE_LABEL_LIMIT
    for node, data in view.graph.nodes(data=True):
        net.add_node(node, **_vis_node(view, node, data))
    for source, target, key, data in view.graph.edges(keys=True, data=True):
        net.add_edge(source, target, **_vis_edge(view, (source, target, key), data, show_edge_labels))
    net.set_options(_OPTIONS)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": options, "focus": view.spec.focus}


def _vis_node(view: View, node: str, data: dict) -> dict[str, Any]:
    x, y = view.positions[node]
    emphasised = node == view.spec.focus or node in view.path_nodes
    colour = style.node_colour(view.dataset, data)
    shape = style.node_shape(view.dataset, data)
    return {
        "label": style.node_label(data), "title": node_tooltip(view, node, data),
        "shape": shape, "x": x, "y": y,
        "color": {"background": colour, "border": style.FOCUS_BORDER if emphasised else "#333333",
                  "highlight": {"background": colour, "border": style.FOCUS_BORDER}},
        "borderWidth": 3 if emphasised else 1, "borderWidthSelected": 3, "widthConstraint": {"maximum": LABEL_WIDTH},
        "font": {"size": 20 if node == view.spec.focus else 17,
                 "color": style.label_colour(colour) if shape in style.LABEL_INSIDE else "#1a1a1a"},
    }



def _vis_edge(view: View, key: tuple[str, str, str], data: dict, show_label: bool) -> dict[str, Any]:
    on_path = key in view.path_edges
    phrase = style.relation_phrase(view.dataset, data["relation"])
    return {
        "id": key[2], "title": edge_tooltip(view, key, data),
        "label": phrase if show_label or on_path else None,
        "width": style.edge_width(view.dataset, data) + (2 if on_path else 0),
        "dashes": list(style.edge_dashes(view.dataset, data) or []) or False,
        "color": {"color": style.PATH_COLOUR if on_path else style.edge_colour(data),
                  "opacity": 0.25 if view.paths and not on_path else 1.0},
        "smooth": _smoothing(view, key),
    }


def _smoothing(view: View, key: tuple[str, str, str]) -> dict[str, Any] | bool:
    """Curve parallel edges apart; keep single edges straight (cheap to draw)."""
    source, target, edge_key = key
    parallel = list(view.graph.get_edge_data(source, target, default={}))
    if view.graph.has_edge(target, source):
        parallel += ["reverse"]
    if len(parallel) < 2:
        return False
    return {"enabled": True, "type": "curvedCW", "roundness": 0.15 * (1 + parallel.index(edge_key))}


def node_tooltip(view: View, node: str, data: dict) -> str:
    """Plain-text hover text for a node: label, kind, summary, references."""
    kind = "Claim" if data["layer"] == "claims" else view.dataset.kind(data["kind"]).label
    lines = [data["label"], f"{kind}", data["summary"]]
    if data.get("verdict"):
        lines.append(f"Verdict: {style.VERDICT_STYLES[data['verdict']].label}")
    lines.append("References: " + ", ".join(data["references"]) if data["references"] else "")
    if data["needs_verification"]:
        lines.append("Needs verification")
    return "\n".join(line for line in lines if line)


def edge_tooltip(view: View, key: tuple[str, str, str], data: dict) -> str:
    """Plain-text hover text for an edge: the statement, its evidence and references."""
    source, target, _ = key
    labels = view.graph.nodes
    phrase = style.relation_phrase(view.dataset, data["relation"])
    lines = [f"{labels[source]['label']} {phrase} {labels[target]['label']}"]
    if data["evidence"]:
        lines.append(f"Evidence: {view.dataset.evidence_level(data['evidence']).label}")
    lines += [data["note"], "References: " + ", ".join(data["references"])]
    if data["needs_verification"]:
        lines.append("Needs verification")
    return "\n".join(line for line in lines if line)


def describe_view(view: View) -> str:
    """A one-line text description of the picture, for screen readers."""
    return (f"Network diagram '{view.title}': {view.graph.number_of_nodes()} nodes and "
            f"{view.graph.number_of_edges()} links. A table of the same links is available.")


@lru_cache(maxsize=1)
def component_script() -> str:
    """vis-network followed by the module that wires it to a bidirectional app component."""
    module = resources.files("graph.present").joinpath("templates/network_component.js").read_text(encoding="utf-8")
    return vis_asset("vis-network.min.js") + "\n" + module


@lru_cache(maxsize=1)
def component_style() -> str:
    """CSS for the app component: vis-network's, plus plain-text tooltips that wrap."""
    return ("/* vis-network, as shipped with pyvis */\n" + vis_asset("vis-network.css")
            + "\n.kg-network { width: 100%; border: 1px solid #ccc; }"
            + "\ndiv.vis-tooltip { white-space: pre-wrap; max-width: 26rem; font-size: 0.8rem;"
            + " font-family: inherit; }\n")


@lru_cache(maxsize=2)
def vis_asset(name: str) -> str:
    """vis-network's JavaScript or CSS, as shipped inside the pyvis package."""
    return resources.files("pyvis").joinpath(_VIS_DIR, name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def _template(name: str = "network.html.j2") -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("graph.present", "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template(name)


_OPTIONS = """{
  "physics": {"enabled": false},
  "layout": {"randomSeed": 7},
  "edges": {"arrows": {"to": {"enabled": true, "scaleFactor": 0.6}},
            "font": {"size": 13, "align": "middle", "background": "rgba(255,255,255,0.8)"}},
  "nodes": {"font": {"size": 14, "face": "DejaVu Sans, Arial, sans-serif"}},
  "interaction": {"hover": true, "tooltipDelay": 120, "keyboard": {"enabled": true},
                  "multiselect": false, "hideEdgesOnDrag": true}
}"""

__all__ = [
    "Legend", "component_script", "component_style", "describe_view", "network_payload", "render_html",
    "render_legend",
]
