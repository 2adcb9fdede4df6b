"""GEXF for Gephi and ``networkx.read_gexf``.

Attributes are flattened as for GraphML; each node also gets GEXF ``viz`` colour, position and
size, so Gephi opens the view with its colours, layout and sizes (y points up, as in every flat
export), and each edge gets ``viz`` colour (as drawn), thickness and shape (``solid``, ``dashed``
or ``dotted``; GEXF has no dash-dot or sparse dots, so those become ``dashed`` or ``dotted``),
with the relation phrase as its ``label``, its ``type`` column as its ``kind`` (the type Gephi's
importer reads, so two links between the same nodes stay two links under Gephi's default merge)
and the line width as its ``weight``. The line's end is written as ``line_end``: GEXF reads an
``end`` attribute as the end of a time interval, and a ``type`` one as directed or undirected.
NetworkX stamps the export date into the file and adds a ``networkx_key`` column for multigraph
keys (our keys are the edge ids, kept as GEXF edge ids); both are removed, so exports are
reproducible and carry no internal columns.
"""

from __future__ import annotations

from typing import BinaryIO
from xml.etree.ElementTree import Element  # networkx builds un-namespaced tags

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from graph.export.files import path_or_stream
from graph.export.graphml_export import scalar_graph
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View

# GEXF has only solid, dashed, dotted and double: broken styles it lacks take the nearest.
SHAPES = {"solid": "solid", "dashed": "dashed", "dotted": "dotted", "sparse": "dotted", "dashdotdot": "dashed",
          "dashdot": "dashed"}


@path_or_stream
def write_gexf(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as GEXF 1.2 (UTF-8) with viz colours and positions, and no date."""
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.xml.find("meta").attrib.pop("lastmodifieddate")
    graph = viz_graph(view)
    kinds = {data["id"]: data.pop("type") for *_, data in graph.edges(data=True)}
    writer.add_graph(graph)
    drop_internal_key(writer.xml)
    for edge in writer.xml.iter("edge"):
        edge.set("kind", str(kinds[edge.get("id")]))
    writer.write(stream)


def viz_graph(view: View) -> nx.MultiDiGraph:
    """The flat graph with a GEXF ``viz`` entry on every node (colour, position) and edge."""
    graph = scalar_graph(view)
    for _, data in graph.nodes(data=True):
        data["viz"] = {"color": _rgba(str(data["color"])),
                       "position": {"x": data["x"], "y": data["y"], "z": 0.0}, "size": data["size"]}
    for *_, data in graph.edges(data=True):
        data["line_end"] = data.pop("end")
        data["viz"] = {"color": _rgba(str(data["color"])), "thickness": data["width"],
                       "shape": SHAPES[str(data["line"])]}
    return graph


def drop_internal_key(root: Element) -> None:
    """Remove the ``networkx_key`` edge attribute and its values from a GEXF tree."""
    for attributes in root.iter("attributes"):
        for attribute in list(attributes):
            if attribute.get("title") == "networkx_key":
                attributes.remove(attribute)
                _drop_values(root, attribute.get("id", ""))


def _drop_values(root: Element, attribute_id: str) -> None:
    for values in root.iter("attvalues"):
        for value in [v for v in values if v.get("for") == attribute_id]:
            values.remove(value)


def _rgba(colour: str) -> dict[str, int | float]:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return {"r": red, "g": green, "b": blue, "a": 1.0}
