"""Graph files read back as flat items: the project's JSON, GraphML and GEXF, also after Gephi or yEd saved them.

Each reader returns a :class:`FileGraph`: the title, and every node and edge with its
attributes by name and the line (or position) it came from, in file order; a JSON export also
holds the dataset's vocabulary and the references it cites, which come back whole. What the
readers know of the programs that re-save these files: Gephi's GraphML names the edge label key
``Edge Label``, writes node colours as ``r``, ``g`` and ``b`` (and no edge colours) and the
edge's type as the element's ``label``; its GEXF is version 1.3, keeps the attribute ids and
titles it was given (attributes are matched by title) and writes the type as the edge's
``kind``; yEd keeps our keys and adds its own graphics, whose label text is used when a node has
no ``label``. The names of Gephi's own keys are matched without regard to case.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from graph.errors import Problem, ValidationError
from graph.importing.xmlsafe import MAX_XML_BYTES, XmlDocument, parse_xml

Value = str | int | float | bool
VOCABULARY = ("kinds", "relations", "certainty", "evidence", "references")
ALIASES = {"edge label": "label", "edgelabel": "label", "nodelabel": "label", "edge weight": "weight"}
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


@dataclass(frozen=True)
class Item:
    """A node (``source`` and ``target`` empty) or an edge, with its attributes and where it was."""

    id: str
    data: dict[str, Any]
    line: int = 0
    where: str = ""
    source: str = ""
    target: str = ""


@dataclass
class FileGraph:
    """What a graph file holds: its title (and a map's focus question), nodes, edges, and the problems met."""

    file: str
    fmt: str
    title: str = ""
    question: str = ""
    vocabulary: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    nodes: list[Item] = field(default_factory=list)
    edges: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_json_graph(name: str, data: bytes) -> FileGraph:
    """NetworkX node-link JSON (``edges`` or ``links``), as :mod:`graph.export.json_export` writes it."""
    document = _json_document(name, data)
    found = document.get("graph")
    attributes: dict[str, Any] = found if isinstance(found, dict) else {}
    graph = FileGraph(name, "JSON", title=str(attributes.get("title", "")), vocabulary=_vocabulary(attributes))
    for index, node in enumerate(_json_list(graph, document, "nodes")):
        graph.nodes.append(Item(str(node.get("id", "")), node, where=f"nodes[{index}]"))
    for index, edge in enumerate(_json_list(graph, document, "edges" if "edges" in document else "links")):
        graph.edges.append(Item(str(edge.get("id", edge.get("key", ""))), edge, where=f"edges[{index}]",
                                source=str(edge.get("source", "")), target=str(edge.get("target", ""))))
    return graph


def _json_document(name: str, data: bytes) -> dict[str, Any]:
    if len(data) > MAX_XML_BYTES:
        raise ValidationError.single(name, f"is {len(data) / 1e6:.1f} MB; a graph file may be at most 5 MB.")
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        raise ValidationError.single(name, "is not UTF-8 text.", "Save it as UTF-8 JSON.") from None
    except json.JSONDecodeError as exc:
        problem = Problem(name, exc.lineno, f"is not valid JSON: {exc.msg} (column {exc.colno}).")
        raise ValidationError([problem]) from None
    except RecursionError:
        raise ValidationError.single(name, "nests lists or objects deeper than this reader follows; graph files "
                                     "never do.") from None
    except ValueError as exc:
        raise ValidationError.single(name, f"is not JSON this can read: {exc}.") from None
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        raise ValidationError.single(name, "is JSON, but not a node-link graph: it needs a 'nodes' list.",
                                     "Give a file from this project's JSON export (networkx node_link_data).")
    return document


def _vocabulary(attributes: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The vocabulary sections the JSON export writes among the graph's attributes, records with an id only."""
    sections = {name: attributes.get(name) for name in VOCABULARY}
    return {name: [item for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]
            for name, items in sections.items() if isinstance(items, list) and items}


def _refuse_constant(name: str) -> float:
    raise ValueError(f"it holds {name}, which is not a number JSON allows")


def _json_list(graph: FileGraph, document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = document.get(key) or []
    if not isinstance(items, list):
        graph.problems.append(Problem(graph.file, 0, f"'{key}' is not a list.", path=key))
        return []
    for index in [index for index, item in enumerate(items) if not isinstance(item, dict)][:5]:
        graph.problems.append(Problem(graph.file, 0, f"{key}[{index}] is not an object.", path=f"{key}[{index}]"))
    return [item for item in items if isinstance(item, dict)]


def read_graphml_graph(name: str, data: bytes) -> FileGraph:
    """GraphML as :mod:`graph.export.graphml_export`, Gephi or yEd write it."""
    document = _root(parse_xml(name, data), "graphml", "GraphML")
    graph, keys = FileGraph(name, "GraphML"), {key.get("id", ""): key for key in document.root.iter("key")}
    element = document.root.find("graph")
    if element is None:
        return graph
    defaults = {owner: _defaults(document, graph, keys, owner) for owner in ("node", "edge", "graph")}
    for node in element.iter("node"):
        values = _graphml_values(document, graph, node, keys, defaults["node"])
        graph.nodes.append(Item(node.get("id", ""), values, document.line(node)))
    for edge in element.iter("edge"):
        values = ({"type": edge.get("label")} if edge.get("label") else {}) | defaults["edge"]
        values = _graphml_values(document, graph, edge, keys, values)
        graph.edges.append(Item(edge.get("id", ""), values, document.line(edge),
                                source=edge.get("source", ""), target=edge.get("target", "")))
    graph.title = str(_graphml_values(document, graph, element, keys, defaults["graph"]).get("title", ""))
    return graph


def _defaults(document: XmlDocument, graph: FileGraph, keys: dict[str, Element], owner: str) -> dict[str, Any]:
    """The ``<default>`` of every key for ``owner`` (and ``all``), by attribute name."""
    return {_name(key): _typed(document, graph, key, key.findtext("default")) for key in keys.values()
            if key.get("for") in (owner, "all") and key.find("default") is not None}


def _graphml_values(document: XmlDocument, graph: FileGraph, element: Element, keys: dict[str, Element],
                    defaults: dict[str, Any]) -> dict[str, Any]:
    values = dict(defaults)
    for data in element.findall("data"):
        key = keys.get(data.get("key", ""))
        if key is None:
            graph.problems.append(document.problem(data, f"uses the key '{data.get('key')}', which no <key> declares."))
        elif key.get("yfiles.type") in ("nodegraphics", "edgegraphics"):
            values.setdefault("label", _yed_label(data))
        else:
            values[_name(key)] = _typed(document, graph, key, data.text or "" if len(data) == 0 else
                                        "".join(data.itertext()), data)
    return {name: value for name, value in values.items() if value is not None}


def _name(key: Element) -> str:
    name = (key.get("attr.name") or key.get("id") or "").strip()
    return ALIASES.get(name.casefold(), name)


def _typed(document: XmlDocument, graph: FileGraph, key: Element, text: str | None,
           element: Element | None = None) -> Value | None:
    """A value converted to its key's ``attr.type``; a problem (and None) when it does not fit."""
    if text is None:
        return None
    kind = (key.get("attr.type") or "string").casefold()
    try:
        return convert(text, kind)
    except ValueError:
        where = element if element is not None else key
        graph.problems.append(document.problem(where, f"'{text[:40]}' is not a {kind}, as the key "
                                               f"'{key.get('attr.name') or key.get('id')}' says it is."))
        return None


def convert(text: str, kind: str) -> Value:
    """``text`` as a value of an XML graph format's type (boolean, int, long, float, double, string)."""
    if kind in ("boolean", "bool"):
        if text.strip().casefold() not in _BOOLEANS:
            raise ValueError(text)
        return _BOOLEANS[text.strip().casefold()]
    if kind in ("int", "integer", "long", "short", "byte"):
        return int(text.strip())
    if kind in ("float", "double"):
        return float(text.strip())
    return text


def _yed_label(data: Element) -> str | None:
    texts = ["".join(label.itertext()).strip() for label in data.iter() if label.tag in ("NodeLabel", "EdgeLabel")]
    return next((text for text in texts if text), None)


def read_gexf_graph(name: str, data: bytes) -> FileGraph:
    """GEXF 1.1 to 1.3 as :mod:`graph.export.gexf_export` or Gephi write it."""
    document = _root(parse_xml(name, data), "gexf", "GEXF")
    graph = FileGraph(name, "GEXF", title=document.root.findtext("meta/title") or "")
    element = document.root.find("graph")
    if element is None:
        return graph
    graph.title = graph.title or element.get("name", "")
    columns = {(part.get("class"), column.get("id")): column
               for part in element.findall("attributes") for column in part.findall("attribute")}
    for node in element.iter("node"):
        graph.nodes.append(Item(node.get("id", ""), _gexf_values(document, graph, node, columns, "node"),
                                document.line(node)))
    for edge in element.iter("edge"):
        graph.edges.append(Item(edge.get("id", ""), _gexf_values(document, graph, edge, columns, "edge"),
                                document.line(edge), source=edge.get("source", ""), target=edge.get("target", "")))
    return graph


def _gexf_values(document: XmlDocument, graph: FileGraph, element: Element,
                 columns: dict[tuple[str | None, str | None], Element], owner: str) -> dict[str, Any]:
    values: dict[str, Any] = {"label": element.get("label"), "type": element.get("kind"), "color": _viz(element)}
    for value in element.iter("attvalue"):
        column = columns.get((owner, value.get("for") or value.get("id")))
        if column is None:
            graph.problems.append(document.problem(value, f"gives a value for the attribute '{value.get('for')}', "
                                                   f"which the {owner} attributes do not declare."))
            continue
        values[_title(column)] = _typed_gexf(document, graph, column, value)
    return {name: item for name, item in values.items() if item is not None}


def _title(column: Element) -> str:
    name = (column.get("title") or column.get("id") or "").strip()
    return ALIASES.get(name.casefold(), name)


def _typed_gexf(document: XmlDocument, graph: FileGraph, column: Element, value: Element) -> Value | None:
    text, kind = value.get("value", ""), (column.get("type") or "string").casefold()
    try:
        return convert(text, kind)
    except ValueError:
        graph.problems.append(document.problem(value, f"'{text[:40]}' is not a {kind}, as the attribute "
                                               f"'{column.get('title')}' says it is."))
        return None


def _viz(element: Element) -> str | None:
    colour = next((child for child in element if child.tag == "color"), None)
    if colour is None:
        return None
    try:
        return "#" + "".join(f"{min(255, max(0, int(colour.get(part, '0')))):02X}" for part in "rgb")
    except ValueError:
        return None


def _root(document: XmlDocument, expected: str, fmt: str) -> XmlDocument:
    if document.root.tag != expected:
        raise ValidationError([document.problem(document.root, f"is not {fmt}: its root element is "
                                                f"<{document.root.tag}>, not <{expected}>.",
                                                f"Check the file's suffix: a {fmt} file starts with <{expected}>.")])
    return document
