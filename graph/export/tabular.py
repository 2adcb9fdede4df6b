"""Flat, typed attribute records of a view, for formats that hold only scalars.

GraphML, GEXF and CSV cannot store lists or mappings, so every node and edge becomes one flat
record: lists are joined with ``"; "``, ``attributes`` become one ``attr_<name>`` entry each,
``recommendation`` becomes ``recommendation_<part>``, thresholds become readable text, and empty
values are dropped. Drawing attributes from the styled view (position, ``color`` as ``#rrggbb``,
shape, and a ``size`` growing with the node's links; for edges the evidence tier's line style and
width) are added so a tool such as Gephi or yEd can show the view as it looks here (``y`` points
up, as Gephi and Graphviz draw it, so no tool shows the picture mirrored; positions are rounded to
0.01), and the view itself is carried: ``focus`` (the focus node, and the edges that touch it)
and ``on_path`` (nodes and edges of the highlighted path). A column whose values have different types across the view
becomes text, so each attribute has one declared type. :data:`NODE_COLUMNS` and
:data:`EDGE_COLUMNS` fix the order of the usual columns, so tables from any view line up.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from graph.network.view import View
from graph.present import style
from graph.present.styled import EdgeStyle, NodeStyle, styled_view

Scalar = str | int | float | bool
Record = dict[str, Scalar]
EdgeKey = tuple[str, str, str]
LIST_SEPARATOR = "; "
NODE_SIZE, SIZE_PER_ROOT_LINK = 10.0, 5.0
PREFIXES = {"attributes": "attr", "recommendation": "recommendation"}


NODE_COLUMNS = ("label", "kind", "summary", "aliases", "references", "needs_verification", "layer", "tier",
                "x", "y", "color", "shape", "size", "focus", "on_path", "verdict", "source", "text", "thresholds")
EDGE_COLUMNS = ("id", "label", "type", "relation", "polarity", "evidence", "evidence_rank", "certainty", "references",
                "needs_verification", "layer", "note", "color", "width", "weight", "line", "end", "focus", "on_path")


def node_records(view: View) -> dict[str, Record]:
    """One flat record per visible node, in graph order, with position, colour, shape and emphasis."""
    path, looks = view.path_nodes, styled_view(view, cluster_above=None)
    records = {node: {**flatten(data), **_node_drawing(looks.node(node), view.graph.degree(node)),
                      "focus": node == view.spec.focus, "on_path": node in path}
               for node, data in view.graph.nodes(data=True)}
    return ordered(unify_types(records), NODE_COLUMNS)


def edge_records(view: View) -> dict[EdgeKey, Record]:
    """One flat record per visible edge, keyed ``(source, target, key)``, with line style and emphasis."""
    path, focus = view.path_edges, view.spec.focus
    looks = {edge.id: edge for edge in styled_view(view, cluster_above=None).edges}
    records = {(u, v, k): {**flatten(data), **_edge_drawing(looks[k]),
                           "focus": focus in (u, v), "on_path": (u, v, k) in path}
               for u, v, k, data in view.graph.edges(keys=True, data=True)}
    return ordered(unify_types(typed(records)), EDGE_COLUMNS)


def typed(records: dict[EdgeKey, Record]) -> dict[EdgeKey, Record]:
    """Records with a ``type``: the relation phrase, and where two links join the same nodes with
    the same phrase, the population they are for (else their id) in brackets. Gephi merges links
    with the same ends and type, so every link keeps a type of its own."""
    shared = Counter((u, v, record["label"]) for (u, v, _), record in records.items())
    for (u, v, key), record in records.items():
        if shared[u, v, record["label"]] > 1:
            record["type"] = f"{record['label']} ({record.get('recommendation_population') or key})"
        else:
            record["type"] = record["label"]
    return records


def ordered(records: dict[Any, Record], first: tuple[str, ...]) -> dict[Any, Record]:
    """Records with the ``first`` columns in that order, then the others alphabetically."""
    rank = {name: index for index, name in enumerate(first)}
    return {key: dict(sorted(record.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))
            for key, record in records.items()}


def flatten(data: Mapping[str, Any]) -> Record:
    """``data`` with lists joined, mappings spread into prefixed keys and empty values dropped."""
    flat: Record = {}
    for name, value in data.items():
        flat.update(_flat_items(name, value))
    return {name: value for name, value in flat.items() if value != ""}


def _flat_items(name: str, value: Any) -> Record:
    if name == "thresholds":
        return {name: LIST_SEPARATOR.join(describe_threshold(t) for t in value)}
    if isinstance(value, Mapping):
        prefix = PREFIXES.get(name, name)
        return {f"{prefix}_{key}": item for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return {name: LIST_SEPARATOR.join(str(item) for item in value)}
    return {} if value is None else {name: value}


def describe_threshold(threshold: Mapping[str, Any]) -> str:
    """A threshold as one phrase, e.g. ``≤ 75 ng/mL (adults): give iron [ref1]``, with
    "(needs verification)" when nobody has checked it."""
    population = f" ({threshold['population']})" if threshold["population"] else ""
    references = f" [{', '.join(threshold['references'])}]" if threshold["references"] else ""
    unchecked = " (needs verification)" if threshold["needs_verification"] else ""
    return f"{threshold['text']}{population}: {threshold['meaning']}{references}{unchecked}"


def upright(position: tuple[float, float]) -> tuple[float, float]:
    """A drawn position (vis-network's y grows downwards) with y up, both rounded to 0.01."""
    x, y = position
    return round(float(x), 2) + 0.0, round(-float(y), 2) + 0.0  # + 0.0: never a "-0.0"


def _node_drawing(node: NodeStyle, degree: int) -> Record:
    """Position (y up), colour, shape, and a size of 10 plus 5 × the square root of its links, so
    Gephi draws hubs bigger (without a size it draws every node at 10)."""
    x, y = upright(node.position)
    return {"x": x, "y": y, "color": node.colour, "shape": node.shape,
            "size": round(NODE_SIZE + SIZE_PER_ROOT_LINK * math.sqrt(degree), 2)}


def _edge_drawing(edge: EdgeStyle) -> Record:
    """The drawn colour, the certainty grade's line style and width (path emphasis left out of
    width), and the line's end from the relation's polarity."""
    width = style.LINES[edge.line].width
    return {"label": edge.label, "color": edge.colour, "width": width, "weight": width, "line": edge.line,
            "end": edge.end}


def unify_types(records: dict[Any, Record]) -> dict[Any, Record]:
    """Turn every column whose values mix types into text (ints mixed with floats become floats)."""
    for name in _mixed_columns(records.values()):
        types = _column_types(records.values(), name)
        for record in records.values():
            if name in record:
                record[name] = _common_value(record[name], types)
    return records


def _mixed_columns(records: Iterable[Record]) -> list[str]:
    records = list(records)
    names = dict.fromkeys(name for record in records for name in record)
    return [name for name in names if len(_column_types(records, name)) > 1]


def _column_types(records: Iterable[Record], name: str) -> set[type]:
    return {type(record[name]) for record in records if name in record}


def _common_value(value: Scalar, types: set[type]) -> Scalar:
    if types == {int, float}:
        return float(value)
    return str(value).lower() if isinstance(value, bool) else str(value)
