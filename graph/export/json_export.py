"""NetworkX node-link JSON: the view's graph with every attribute, readable by
``networkx.node_link_graph``."""

from __future__ import annotations

import json
from typing import BinaryIO

import networkx as nx

from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.tabular import upright
from graph.network.view import View
from graph.present.styled import styled_view


@path_or_stream
def write_json(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as node-link JSON (``edges="edges"``), with positions, emphasis and the title.

    Nodes get ``x``, ``y`` (where every other export draws them: y up, rounded to 0.01, as in
    the tables), ``focus`` and ``on_path``;
    edges get ``focus`` (they touch the focus) and ``on_path``.
    """
    graph = view.graph.copy()
    graph.graph["title"] = view.title
    path_nodes, path_edges, focus = view.path_nodes, view.path_edges, view.spec.focus
    for drawn in styled_view(view, cluster_above=None).nodes:
        x, y = upright(drawn.position)
        graph.nodes[drawn.id].update(x=x, y=y, focus=drawn.id == focus, on_path=drawn.id in path_nodes)
    for u, v, k, data in graph.edges(keys=True, data=True):
        data.update(focus=focus in (u, v), on_path=(u, v, k) in path_edges)
    data = nx.node_link_data(graph, edges="edges")
    stream.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
