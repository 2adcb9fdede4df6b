"""GraphML for Gephi, yEd, Cytoscape desktop and ``networkx.read_graphml``.

Every node and edge attribute is kept, flattened to typed scalars by :mod:`graph.export.tabular`
(GraphML has no lists or mappings). Keys are named: a key's id is its attribute name (``label``,
``color``, ``x``…), because Gephi's importer matches key ids (and then names) against the
properties it knows (``label``, ``x``, ``y``, ``size``, ``color``, ``weight``). GraphML needs
each key id once, so an edge attribute whose name a node attribute already uses gets the id
``edge<name>`` (``edgelabel``, the id Gephi itself writes for edge labels) while keeping its
name. Each ``<edge>`` element also carries its ``type`` (the relation phrase, told apart by
population where two links share ends and phrase) as its ``label`` attribute, which Gephi's
importer reads as the edge's type: two links between the same nodes then stay two links under
Gephi's default merge. Nodes carry ``label`` (the human label), ``color`` (``#rrggbb``) and
``size``; see docs/exports.md for yEd.
"""

from __future__ import annotations

from typing import BinaryIO
from xml.etree.ElementTree import Element  # networkx builds un-namespaced tags

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.tabular import edge_records, node_records
from graph.network.view import View


@path_or_stream
def write_graphml(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as GraphML (UTF-8) with named keys, and the title as a graph attribute."""
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True, named_key_ids=True)
    writer.add_graph_element(scalar_graph(view))
    rename_edge_keys(writer.xml)
    lowercase_booleans(writer.xml)
    type_edges(writer.xml)
    writer.dump(stream)


def scalar_graph(view: View) -> nx.MultiDiGraph:
    """A copy of the view's graph whose attributes are all flat scalars (GraphML, GEXF)."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(title=view.title, name=view.title)
    graph.add_nodes_from(node_records(view).items())
    # A multigraph takes (source, target, key, data) too, which the stubs do not list.
    graph.add_edges_from((u, v, k, record) for (u, v, k), record in edge_records(view).items())  # type: ignore[misc]
    return graph


def rename_edge_keys(root: Element) -> None:
    """Give edge keys whose id a graph or node key already has the id ``edge<name>``."""
    keys = root.findall("key")
    taken = {key.get("id") for key in keys if key.get("for") != "edge"}
    renamed = {}
    for key in keys:
        if key.get("for") == "edge" and key.get("id") in taken:
            renamed[key.get("id")] = f"edge{key.get('id')}"
            key.set("id", renamed[key.get("id")])
    for edge in root.iter("edge"):
        for data in edge.iter("data"):
            data.set("key", renamed.get(data.get("key", ""), data.get("key", "")))


def type_edges(root: Element) -> None:
    """Copy each edge's ``type`` data into the element's ``label``, where Gephi reads the type."""
    for edge in root.iter("edge"):
        kind = next((data.text for data in edge.iter("data") if data.get("key") in ("type", "edgetype")), "")
        edge.set("label", kind or "")


def lowercase_booleans(root: Element) -> None:
    """Write booleans as XML Schema's ``true``/``false`` (networkx writes Python's ``True``)."""
    booleans = {key.get("id") for key in root.findall("key") if key.get("attr.type") == "boolean"}
    for data in root.iter("data"):
        if data.get("key") in booleans and data.text:
            data.text = data.text.lower()
