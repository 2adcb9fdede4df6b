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
from graph.present.styled import DIM_OPACITY, EdgeStyle, NodeStyle, styled_view

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


def network_payload(view: View, cluster_above: int | None = None) -> dict[str, Any]:
    """The vis-network data and options for a view, as plain JSON-able values.

    Everything about how a node or edge looks comes from :func:`styled_view`; this only turns
    its records into vis-network's (through pyvis) and adds what the page script needs: the
    clusters' members and positions, the column headings, the focus and the path.
    """
    styled = styled_view(view, cluster_above)
    net = Network(directed=True, height=f"{NETWORK_HEIGHT}px", width="100%")
    for node in styled.nodes:
        net.add_node(node.id, **vis_node(node))
    for edge in styled.edges:
        net.add_edge(edge.source, edge.target, **vis_edge(edge))
    net.set_options(_OPTIONS)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return {
        "nodes": nodes, "edges": edges, "options": options, "focus": view.spec.focus,
        "path": sorted(view.path_nodes),
        "clusters": [{"id": c.id, "members": list(c.members), "positions": c.positions} for c in styled.clusters],
        "headings": [{"text": h.text, "x": h.x, "y": h.y} for h in styled.headings],
    }


def vis_node(node: NodeStyle) -> dict[str, Any]:
    """A styled node as vis-network's node options; ``kg`` carries what only our script reads."""
    x, y = node.position
    colours = {"background": node.colour, "border": node.border}
    return {
        "label": node.label, "title": node.tooltip, "shape": node.shape, "x": x, "y": y,
        "color": {**colours, "highlight": {"background": node.colour, "border": style.FOCUS_BORDER},
                  "hover": {"background": node.colour, "border": style.FOCUS_BORDER}},
        "borderWidth": node.border_width, "borderWidthSelected": node.border_width + 1,
        "shapeProperties": {"borderDashes": list(node.border_dashes) if node.border_dashes else False},
        "widthConstraint": {"maximum": LABEL_WIDTH}, "hidden": node.cluster is not None,
        "opacity": DIM_OPACITY if node.emphasis == "dimmed" else 1.0,
        "font": {"size": node.font_size, "color": node.font_colour},
        "kg": {"emphasis": node.emphasis, "hub": node.hub, "cluster": node.cluster, "members": list(node.members)},
    }


def vis_edge(edge: EdgeStyle) -> dict[str, Any]:
    """A styled edge as vis-network's edge options; its label is kept aside unless it is shown."""
    smooth = {"enabled": True, "type": "curvedCW", "roundness": edge.curve} if edge.curve else False
    return {
        "id": edge.id, "title": edge.tooltip, "label": edge.label if edge.label_shown else None,
        "width": edge.width, "dashes": list(edge.dashes) if edge.dashes else False,
        "color": {"color": edge.colour, "highlight": edge.colour, "hover": edge.colour, "opacity": edge.opacity},
        "smooth": smooth, "hidden": edge.cluster is not None,
        "kg": {"label": edge.label, "tier": edge.tier, "cluster": edge.cluster, "members": list(edge.members),
               "emphasis": edge.emphasis},
    }


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
