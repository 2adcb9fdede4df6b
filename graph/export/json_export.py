"""NetworkX node-link JSON: the view's graph with every attribute, readable by
``networkx.node_link_graph``.

The graph's attributes hold the title and the dataset's vocabulary as its YAML writes it (kinds,
relations, certainty grades, evidence levels) with the references the view cites, so the file
alone is enough for ``kg import`` to rebuild the dataset's part it shows.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, BinaryIO

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
    graph.graph.update(title=view.title, **vocabulary(view))
    path_nodes, path_edges, focus = view.path_nodes, view.path_edges, view.spec.focus
    for drawn in styled_view(view, cluster_above=None).nodes:
        x, y = upright(drawn.position)
        graph.nodes[drawn.id].update(x=x, y=y, focus=drawn.id == focus, on_path=drawn.id in path_nodes)
    for u, v, k, data in graph.edges(keys=True, data=True):
        data.update(focus=focus in (u, v), on_path=(u, v, k) in path_edges)
    data = nx.node_link_data(graph, edges="edges")
    stream.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


VOCABULARY = ("kinds", "relations", "certainty", "evidence")


def vocabulary(view: View) -> dict[str, list[dict[str, Any]]]:
    """The dataset's kinds, relations, certainty grades and evidence levels, and the references the
    view cites, each record as its YAML writes it (empty and default values left out)."""
    dataset = view.dataset
    sections = {name: [_yaml_record(item) for item in getattr(dataset, name)] for name in VOCABULARY}
    cited = _cited(view)
    return sections | {"references": [_yaml_record(ref) for ref in dataset.references if ref.id in cited]}


def _cited(view: View) -> set[str]:
    cited: set[str] = set()
    for data in (*(data for _, data in view.graph.nodes(data=True)), *(d for *_, d in view.graph.edges(data=True))):
        cited.update(data.get("references", ()), [data["source"]] if isinstance(data.get("source"), str) else [])
        cited.update(ref for threshold in data.get("thresholds", ()) for ref in threshold["references"])
    return cited


def _yaml_record(record: Any) -> dict[str, Any]:
    values = {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}
    return {name: value for name, value in values.items() if value is not False and value not in (None, "", ())}
