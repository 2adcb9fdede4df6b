"""NetworkX node-link JSON: the view's graph with every attribute, readable by
``networkx.node_link_graph``."""

from __future__ import annotations

import json
from typing import BinaryIO

import networkx as nx

from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View


@path_or_stream
def write_json(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as node-link JSON (``edges="edges"``), with positions and the title."""
    graph = view.graph.copy()
    graph.graph["title"] = view.title
    for node, (x, y) in view.positions.items():
        graph.nodes[node]["x"], graph.nodes[node]["y"] = x, y
    data = nx.node_link_data(graph, edges="edges")
    stream.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
