"""CXL concept maps (CmapTools, or this project's CXL export) read as a graph file's nodes and edges.

Concepts become nodes; each linking phrase joins every concept connected into it to every
concept it connects to (CmapTools lets one phrase fan out), one edge per pair, its label the
phrase. The focus question (``res-meta``'s ``dc:description``) is kept in the description. The
``name: value`` lines of a ``long-comment`` (:mod:`graph.export.cxl_export` writes the kind,
relation, evidence level and the rest there) are read back; a concept's ``short-comment`` is its
summary. A concept whose id is not an id of this format's usual shape gets one from its label.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any
from xml.etree.ElementTree import Element

from graph.errors import ValidationError
from graph.export.cxl_export import EDGE_FACTS, NODE_FACTS
from graph.importing.graph_files import FileGraph, Item
from graph.importing.kumu import slug, unique_id
from graph.importing.xmlsafe import XmlDocument, parse_xml

_OUR_ID = re.compile(r"^(?=.*[a-z])[a-z0-9][a-z0-9_.\-]*$")  # lower case, as this project writes them
NUMBERS = ("evidence_rank", "tier")
_WHOLE = re.compile(r"^-?[0-9]+$")


def read_cxl_graph(name: str, data: bytes) -> FileGraph:
    """The concepts and propositions of a CXL file; raises ValidationError if it is not CXL."""
    document = parse_xml(name, data)
    if document.root.tag != "cmap" or document.root.find("map") is None:
        raise ValidationError([document.problem(document.root, f"is not a CXL concept map: its root is "
                                                f"<{document.root.tag}>, not <cmap> with a <map>.")])
    graph = FileGraph(name, "CXL", title=document.root.findtext("res-meta/title") or "",
                      question=(document.root.findtext("res-meta/description") or "").strip())
    ids = _concepts(document, graph)
    _propositions(document, graph, ids)
    return graph


def _concepts(document: XmlDocument, graph: FileGraph) -> dict[str, str]:
    """Add the concepts as nodes (with the colour their appearance gives); return CXL id → node id."""
    ids: dict[str, str] = {}
    colours = {look.get("id"): _colour(look.get("background-color", ""))
               for look in document.root.iterfind("map/concept-appearance-list/concept-appearance")}
    for concept in document.root.iterfind("map/concept-list/concept"):
        cxl_id, label = concept.get("id", ""), (concept.get("label") or "").strip()
        node_id = cxl_id if _OUR_ID.match(cxl_id) else unique_id(slug(label), set(ids.values()))
        ids[cxl_id] = node_id
        values = {"label": " ".join(label.split()), "summary": concept.get("short-comment", ""),
                  "color": colours.get(cxl_id)}
        graph.nodes.append(Item(node_id, values | facts(concept, NODE_FACTS, "text"), document.line(concept)))
    return ids


def _propositions(document: XmlDocument, graph: FileGraph, ids: dict[str, str]) -> None:
    connections = list(document.root.iterfind("map/connection-list/connection"))
    for phrase in document.root.iterfind("map/linking-phrase-list/linking-phrase"):
        phrase_id = phrase.get("id", "")
        sources = [ids[c.get("from-id", "")] for c in connections if c.get("to-id") == phrase_id
                   and c.get("from-id") in ids]
        targets = [ids[c.get("to-id", "")] for c in connections if c.get("from-id") == phrase_id
                   and c.get("to-id") in ids]
        values = {"label": " ".join((phrase.get("label") or "").split())} | facts(phrase, EDGE_FACTS, "note")
        for source, target in product(sources, targets):
            graph.edges.append(Item(phrase_id, values, document.line(phrase), source=source, target=target))


def _colour(text: str) -> str | None:
    """A CXL ``r,g,b[,alpha]`` colour as ``#RRGGBB``; None when it is not one."""
    parts = text.split(",")
    if len(parts) not in (3, 4) or not all(part.strip().isdigit() for part in parts):
        return None
    return "#" + "".join(f"{min(255, int(part)):02X}" for part in parts[:3])


def facts(element: Element, names: tuple[str, ...], text_name: str) -> dict[str, Any]:
    """The ``name: value`` lines of an element's long comment, for the ``names`` given; ``note`` as ``text_name``."""
    found: dict[str, Any] = {}
    for line in (element.get("long-comment") or "").splitlines():
        name, _, value = line.partition(":")
        name = name.strip()
        if name in names or name == "note":
            value = value.strip()
            found[text_name if name == "note" else name] = int(value) if name in NUMBERS and _WHOLE.match(value) \
                else value
    return found


