"""GraphML for Gephi, yEd, Cytoscape desktop and ``networkx.read_graphml``.

Every node and edge attribute is kept, flattened to typed scalars by :mod:`graph.export.tabular`
(GraphML has no lists or mappings). Nodes carry a ``label`` attribute, which yEd offers as the
node label, and ``x``/``y``/``colour``/``shape`` so the layout and look survive the trip.
"""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx

from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.tabular import edge_records, node_records
from graph.network.view import View


@path_or_stream
def write_graphml(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as GraphML (UTF-8), with the title as a graph attribute."""
    nx.write_graphml(scalar_graph(view), stream, encoding="utf-8", prettyprint=True)


def scalar_graph(view: View) -> nx.MultiDiGraph:
    """A copy of the view's graph whose attributes are all flat scalars (GraphML, GEXF)."""
    graph = nx.MultiDiGraph(title=view.title, name=view.title)
    graph.add_nodes_from(node_records(view).items())
    graph.add_edges_from((u, v, k, record) for (u, v, k), record in edge_records(view).items())
    return graph
