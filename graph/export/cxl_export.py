"""CXL, CmapTools' concept-map XML: concepts, linking phrases, connections and the focus question.

The structure follows IHMC's CXL description (cmap.ihmc.us/xml/CXL.html): ``<cmap>`` holds
``<res-meta>`` (``dc:title``, and ``dc:description``, the map's focus question) and ``<map>``
with a ``concept-list`` (one concept per node), a ``linking-phrase-list`` (one phrase per link,
its relation read forwards), a ``connection-list`` (concept → phrase → concept) and the
appearance lists placing each concept where this explorer draws it (CXL's y grows downwards, as
here), in its colour as ``background-color`` (``r,g,b,alpha``), and each phrase halfway along its
link. What CXL has no element for rides in the comments
CmapTools shows on hover: a concept's ``short-comment`` is its summary; the ``long-comment`` of
a concept or phrase holds ``name: value`` lines (a concept's kind and tier, a claim's verdict and source;
a link's relation, evidence level, rank and certainty, a note), which the CXL import reads back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element, ElementTree, SubElement, indent

from graph.dataset.model import CLAIM_KIND
from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present.styled import styled_view

CXL_NAMESPACE = "http://cmap.ihmc.us/xml/cmap/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
NODE_FACTS = ("kind", "tier", "verdict", "source", "aliases", "references")
EDGE_FACTS = ("relation", "evidence", "evidence_rank", "certainty", "polarity", "references", "claims")


@path_or_stream
def write_cxl(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the view as a CXL concept map (UTF-8), laid out as drawn, with its focus question."""
    root = Element("cmap", {"xmlns": CXL_NAMESPACE, "xmlns:dc": DC_NAMESPACE})
    meta = SubElement(root, "res-meta")
    SubElement(meta, "dc:title").text = view.title
    SubElement(meta, "dc:description").text = focus_question(view)
    SubElement(meta, "dc:format").text = "x-cmap/text-xml"
    _map(SubElement(root, "map"), view)
    indent(root)
    ElementTree(root).write(stream, encoding="utf-8", xml_declaration=True)


def focus_question(view: View) -> str:
    """The question the view answers, as a concept map states it."""
    labels = {node: data["label"] for node, data in view.graph.nodes(data=True)}
    spec = view.spec
    if spec.path_from and spec.path_to and spec.path_from in labels and spec.path_to in labels:
        return f"How does {labels[spec.path_from]} lead to {labels[spec.path_to]}?"
    if spec.focus in labels:
        return f"What is {labels[spec.focus]} linked to, and how?"
    return f"How are the parts of {view.dataset.meta.title} linked?"


LISTS = ("concept-list", "linking-phrase-list", "connection-list", "concept-appearance-list",
         "linking-phrase-appearance-list")


def _map(element: Element, view: View) -> None:
    lists = {name: SubElement(element, name) for name in LISTS}
    looks = {node.id: node for node in styled_view(view, cluster_above=None).nodes}
    drawn = {node: look.position for node, look in looks.items()}
    for node, data in view.graph.nodes(data=True):
        SubElement(lists["concept-list"], "concept", _concept(node, data))
        SubElement(lists["concept-appearance-list"], "concept-appearance",
                   _at(node, drawn[node]) | {"background-color": cxl_colour(looks[node].colour)})
    for number, (source, target, data) in enumerate(view.graph.edges(data=True), start=1):
        _proposition(lists, view, (source, data["id"], target), data, number)
        ends = zip(drawn.get(source, (0.0, 0.0)), drawn.get(target, (0.0, 0.0)), strict=True)
        SubElement(lists["linking-phrase-appearance-list"], "linking-phrase-appearance",
                   _at(data["id"], tuple((a + b) / 2 for a, b in ends)))


def _proposition(lists: dict[str, Element], view: View, chain: tuple[str, str, str], data: dict[str, Any],
                 number: int) -> None:
    """A link as CXL holds it: its linking phrase, and connections concept → phrase → concept."""
    source, phrase, target = chain
    SubElement(lists["linking-phrase-list"], "linking-phrase", _phrase(view, phrase, data))
    for end, (start, finish) in (("a", (source, phrase)), ("b", (phrase, target))):
        SubElement(lists["connection-list"], "connection", {"id": f"c{number}{end}", "from-id": start,
                                                            "to-id": finish})


def cxl_colour(colour: str) -> str:
    """``#RRGGBB`` as CXL writes colours: ``r,g,b,alpha`` from 0 to 255."""
    return ",".join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5)) + ",255"


def _at(identifier: str, position: tuple[float, ...]) -> dict[str, str]:
    return {"id": identifier, "x": _int(position[0]), "y": _int(position[1])}


def _concept(node: str, data: dict[str, Any]) -> dict[str, str]:
    label = data["summary"] if data["kind"] == CLAIM_KIND else data["label"]
    return {"id": node, "label": label, "short-comment": data["summary"],
            "long-comment": comment_lines(data, NODE_FACTS, data["text"])}


def _phrase(view: View, phrase: str, data: dict[str, Any]) -> dict[str, str]:
    relation = data["relation"]
    label = "is about" if relation not in view.dataset.ids("relations") else view.dataset.relation(relation).label
    return {"id": phrase, "label": label, "long-comment": comment_lines(data, EDGE_FACTS, data["note"])}


def comment_lines(data: dict[str, Any], names: Iterable[str], text: str = "") -> str:
    """``name: value`` lines for the facts CXL has no place for (lists joined with ``; ``), then ``text``."""
    lines = [f"{name}: {_value(data[name])}" for name in names if data.get(name) not in (None, "", [])]
    return "\n".join([*lines, *([f"note: {' '.join(text.split())}"] if text else [])])


def _value(value: Any) -> str:
    return "; ".join(str(item) for item in value) if isinstance(value, list | tuple) else str(value)


def _int(value: float) -> str:
    return str(round(value))
