"""Draw a view as an interactive vis-network page that works offline, or as the app's component.

The styled view says how everything looks; pyvis builds the vis-network node and edge records
and the options from it. One script (``templates/network.js``) draws the network, its legend and
its keyboard for both the app's component and the standalone page, which comes from our own
autoescaping template (pyvis's template loads Bootstrap from a CDN and inserts some texts raw),
with vis-network's JavaScript and CSS (shipped in ``vendor/``) inlined. Data enters the
page only through ``tojson``, and tooltips are plain text, so no text from a dataset can become
markup or script.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from graph.network.layout import SHAPE_SIZE
from graph.network.view import View
from graph.present import style
from graph.present.placement import SCREENS, page_rules
from graph.present.styled import CLUSTER_ABOVE, DIM_OPACITY, EdgeStyle, NodeStyle, StyledView, styled_view

NETWORK_HEIGHT = 640


def render_html(view: View, height: int | str = "screen") -> str:
    """A complete, self-contained HTML page showing the view, its title and legend.

    ``height`` is the network's height in pixels, or ``"screen"`` to fill the window.
    """
    return _template().render(
        title=view.title, payload=network_payload(view), height=height,
        vis_js=vis_asset("vis-network.min.js"), vis_css=vis_asset("vis-network.css"),
        network_js=network_script(), network_css=_own_asset("network.css"),
    )


def network_payload(view: View, cluster_above: int | None = CLUSTER_ABOVE, screen: str = "wide") -> dict[str, Any]:
    """The vis-network data and options for a view laid out for ``screen`` (a name in
    :data:`~graph.present.placement.SCREENS`), as plain JSON-able values.

    Everything about how a node or edge looks comes from :func:`styled_view`; this only turns
    its records into vis-network's (through pyvis) and adds what the page script needs: the
    clusters' members, positions and type scale, the column headings, the focus and the path, the
    screen and the zoom and label rules the picture was laid out for.
    """
    styled = styled_view(view, cluster_above, SCREENS[screen])
    net = Network(directed=True, height=f"{NETWORK_HEIGHT}px", width="100%")
    add_records(net, styled)
    net.set_options(_OPTIONS)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return {
        "nodes": nodes, "edges": edges, "options": options, "focus": view.spec.focus,
        "path": sorted(view.path_nodes),
        "clusters": [{"id": c.id, "members": list(c.members), "positions": c.positions, "font_scale": c.font_scale}
                     for c in styled.clusters],
        "headings": [{"text": h.text, "x": h.x, "y": h.y} for h in styled.headings],
        "legend": legend_payload(styled), "description": describe_view(view), "rules": page_rules(),
        "screen": screen,
    }


def add_records(net: Network, styled: StyledView) -> None:
    """Add the view's nodes and edges to ``net`` as pyvis's own Node and Edge records.

    The records are exactly what ``add_node`` and ``add_edge`` make, without their checks: those
    search a list on every call, which is quadratic (11 s for 20,000 nodes), and a styled view's
    node ids are unique and its edges join its own nodes.
    """
    for node in styled.nodes:
        options = vis_node(node)
        shape, label, color = options.pop("shape"), options.pop("label") or node.id, options.pop("color")
        record = Node(node.id, shape, label=label, color=color, font_color=net.font_color, **options).options
        net.nodes.append(record)
        net.node_ids.append(node.id)
        net.node_map[node.id] = record
    net.edges.extend(Edge(edge.source, edge.target, net.directed, **vis_edge(edge)).options for edge in styled.edges)


def legend_payload(styled: StyledView) -> dict[str, Any]:
    """The legend as the page script draws it: real swatches for kinds, verdicts, lines, path."""
    legend = styled.legend
    return {
        "kinds": [asdict(kind) for kind in legend.kinds],
        "evidence": [{**asdict(entry), "dashes": list(entry.dashes or [])} for entry in legend.evidence],
        "verdicts": [{**asdict(verdict), "fill": verdict.fill} for verdict in legend.verdicts],
        "ends": [asdict(end) for end in legend.ends],
        "claim_dashes": list(style.CLAIM_BORDER_DASHES), "path": legend.path, "path_colour": style.PATH_COLOUR,
        "groups": bool(styled.clusters),
    }


def vis_node(node: NodeStyle) -> dict[str, Any]:
    """A styled node as vis-network's node options; ``kg`` carries what only our script reads. A label
    drawn below its shape has a pale backing, so that the links that cross it leave it legible."""
    x, y = node.position
    colours = {"background": node.colour, "border": node.border}
    return {
        "label": node.label, "title": node.tooltip, "shape": node.shape, "x": x, "y": y,
        "color": {**colours, "highlight": {"background": node.colour, "border": style.FOCUS_BORDER},
                  "hover": {"background": node.colour, "border": style.FOCUS_BORDER}},
        "borderWidth": node.border_width, "borderWidthSelected": node.border_width + 1,
        "shapeProperties": {"borderDashes": list(node.border_dashes) if node.border_dashes else False},
        "widthConstraint": {"maximum": node.label_width}, "hidden": node.cluster is not None,
        "opacity": DIM_OPACITY if node.emphasis == "dimmed" else 1.0,
        "font": {"size": node.font_size, "color": node.font_colour,
                 **({} if node.shape in style.LABEL_INSIDE else {"background": style.LABEL_BACKING})},
        "kg": {"emphasis": node.emphasis, "cluster": node.cluster, "members": list(node.members)},
    }


VIS_ARROWS = {"arrow": {"to": {"enabled": True, "type": "arrow", "scaleFactor": 0.6}},
              "bar": {"to": {"enabled": True, "type": "bar", "scaleFactor": 0.6}},
              "bars": {"to": {"enabled": True, "type": "bar", "scaleFactor": 0.6},
                       "from": {"enabled": True, "type": "bar", "scaleFactor": 0.6}}}


def vis_edge(edge: EdgeStyle) -> dict[str, Any]:
    """A styled edge as vis-network's edge options; its label is kept aside unless it is shown."""
    smooth = {"enabled": True, "type": "curvedCW", "roundness": edge.curve} if edge.curve else False
    return {
        "id": edge.id, "title": edge.tooltip, "label": edge.label if edge.label_shown else None,
        "width": edge.width, "dashes": list(edge.dashes) if edge.dashes else False,
        "arrows": VIS_ARROWS[edge.end],
        "color": {"color": edge.colour, "highlight": edge.colour, "hover": edge.colour, "opacity": edge.opacity},
        "smooth": smooth, "hidden": edge.cluster is not None, "font": {"size": edge.font_size},
        "kg": {"label": edge.label, "shown": edge.label_shown, "tier": edge.tier, "cluster": edge.cluster,
               "members": list(edge.members), "emphasis": edge.emphasis},
    }


def describe_view(view: View) -> str:
    """A one-line text description of the picture, for screen readers."""
    return (f"Network diagram '{view.title}': {view.graph.number_of_nodes()} nodes and "
            f"{view.graph.number_of_edges()} links. A table of the same links is available.")


@lru_cache(maxsize=4)
def component_script(vis_url: str) -> str:
    """The module that wires the shared network script to the app component.

    vis-network itself (470 KB) is not inlined: a component's script travels with every rerun,
    so the module loads vis-network once per page from ``vis_url``, where the browser caches it.
    """
    return "\n".join((vis_loader_script(vis_url), network_script(), _own_asset("network_component.js")))


def vis_loader_script(vis_url: str) -> str:
    """``kgLoadVis()``, which loads vis-network once per page from ``vis_url``, for any component that draws with it."""
    return f"const KG_VIS_URL = {json.dumps(vis_url)};\n" + _own_asset("vis_loader.js")


@lru_cache(maxsize=1)
def component_style() -> str:
    """CSS for the app component: vis-network's tooltip rule (the only one it uses), then the network's own.

    vis-network's whole stylesheet is 216 KB, mostly images for toolbars the network does not show.
    """
    return "\n".join((vis_tooltip_rule(), _own_asset("network.css")))


def vis_tooltip_rule() -> str:
    """vis-network's own rule for its tooltip box."""
    found = re.search(r"div\.vis-tooltip\{[^}]*\}", vis_asset("vis-network.css"))
    if found is None:
        raise RuntimeError("vis-network.css has no div.vis-tooltip rule: is vendor/vis-network complete?")
    return found.group(0)


def network_script() -> str:
    """The one script that draws the network, its legend and keyboard, for the app and the page."""
    return _own_asset("network.js")


@lru_cache(maxsize=4)
def _own_asset(name: str) -> str:
    return resources.files("graph.present").joinpath("templates", name).read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def vis_asset(name: str) -> str:
    """vis-network's JavaScript or CSS, shipped with this package (the same build pyvis 0.3.2 bundles)."""
    return resources.files("graph.present").joinpath("vendor", "vis-network", name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def _template(name: str = "network.html.j2") -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("graph.present", "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template(name)


_OPTIONS = json.dumps({
    "physics": {"enabled": False},
    "layout": {"randomSeed": 7},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "selectionWidth": 1.5, "hoverWidth": 1.0,
              "font": {"size": 13, "align": "horizontal", "background": "rgba(255,255,255,0.9)", "strokeWidth": 0}},
    "nodes": {"size": SHAPE_SIZE, "font": {"size": 17, "face": "DejaVu Sans, Arial, sans-serif"}},
    "interaction": {"hover": True, "tooltipDelay": 120, "keyboard": {"enabled": False},
                    "multiselect": False, "hideEdgesOnDrag": True, "selectConnectedEdges": True},
})

__all__ = ["component_script", "component_style", "describe_view", "legend_payload", "network_payload",
           "network_script", "render_html", "vis_edge", "vis_node"]
