"""GEXF for Gephi and ``networkx.read_gexf``.

Attributes are flattened as for GraphML; each node also gets GEXF ``viz`` colour and position,
so Gephi opens the view with its colours and layout (GEXF's y axis points up, so y is flipped).
NetworkX stamps the export date into the file; it is removed so exports are reproducible.
"""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from graph.export.files import path_or_stream
from graph.export.graphml_export import scalar_graph
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View


@path_or_stream
def write_gexf(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as GEXF 1.2 (UTF-8) with viz colours and positions, and no date."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.xml.find("meta").attrib.pop("lastmodifieddate")
    writer.add_graph(viz_graph(view))
    writer.write(stream)


def viz_graph(view: View) -> nx.MultiDiGraph:
    """The flat graph with a GEXF ``viz`` entry (colour, position) on every node."""
    graph = scalar_graph(view)
    for _, data in graph.nodes(data=True):
        data["viz"] = {"color": _rgba(str(data["colour"])),
                       "position": {"x": data["x"], "y": -float(data["y"]), "z": 0.0}}
    return graph


def _rgba(colour: str) -> dict[str, int | float]:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return {"r": red, "g": green, "b": blue, "a": 1.0}
