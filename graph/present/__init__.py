"""Presentation: how a view looks and reads (style, legend, the vis-network page, details, guide).

Everything here turns a :class:`~graph.network.View` into something a person sees; nothing here
changes what the view contains. :func:`styled_view` resolves how each node and edge is drawn
(label, colour, shape, line style, tooltip, emphasis, clusters) once, for every renderer.
"""

from graph.present.details import (
    NEEDS_VERIFICATION,
    Connection,
    LinkRow,
    NodeDetails,
    ThresholdRow,
    connection_rows,
    node_details,
    view_table,
)
from graph.present.guide import evidence_guide
from graph.present.legend import Legend, legend_for
from graph.present.markdown import escape_markdown
from graph.present.placement import SCREENS, Screen
from graph.present.ranked import RankedLinks, ranked_links, ranked_markdown
from graph.present.render import (
    component_script,
    component_style,
    describe_view,
    legend_payload,
    network_payload,
    network_script,
    render_html,
    vis_asset,
)
from graph.present.styled import Cluster, EdgeStyle, Heading, NodeStyle, StyledView, styled_view

__all__ = [
    "NEEDS_VERIFICATION",
    "SCREENS",
    "Cluster",
    "Connection",
    "EdgeStyle",
    "Heading",
    "Legend",
    "LinkRow",
    "NodeDetails",
    "NodeStyle",
    "RankedLinks",
    "Screen",
    "StyledView",
    "ThresholdRow",
    "component_script",
    "component_style",
    "connection_rows",
    "describe_view",
    "escape_markdown",
    "evidence_guide",
    "legend_for",
    "legend_payload",
    "network_payload",
    "network_script",
    "node_details",
    "ranked_links",
    "ranked_markdown",
    "render_html",
    "styled_view",
    "view_table",
    "vis_asset",
]
