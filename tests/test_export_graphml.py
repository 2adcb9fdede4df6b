"""GraphML, GEXF and node-link JSON exports, read back by NetworkX and compared with the view."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from graph import Explorer, View, ViewSpec
from graph.export import export_bytes, export_view
from graph.export.tabular import edge_records, node_records, unify_types

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module", params=["tiny.yaml", "xss.yaml"])
def view(request: pytest.FixtureRequest) -> View:
    return Explorer.from_path(DATA / request.param).view(ViewSpec(claims=True))


def read_back(view: View, fmt: str, tmp_path: Path) -> nx.Graph:
    target = tmp_path / f"out.{fmt}"
    export_view(view, fmt, target)
    if fmt == "graphml":
        return nx.read_graphml(target, force_multigraph=True)
    return nx.read_gexf(target)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_nodes_and_attributes_survive(view: View, fmt: str, tmp_path: Path) -> None:
    graph = read_back(view, fmt, tmp_path)
    assert set(graph) == set(view.graph)
    for node, record in node_records(view).items():
        assert {k: v for k, v in graph.nodes[node].items() if k != "viz"} == record


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_edges_and_attributes_survive(view: View, fmt: str, tmp_path: Path) -> None:
    graph = read_back(view, fmt, tmp_path)
    back = {data["id"]: (u, v, data) for u, v, data in graph.edges(data=True)}
    assert len(back) == graph.number_of_edges() == view.graph.number_of_edges()
    for (u, v, key), record in edge_records(view).items():
        assert back[key] == (u, v, record)


def test_flattening_keeps_types_and_values(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))
    graph = read_back(view, "graphml", tmp_path)
    pill, low_iron = graph.nodes["pill"], graph.nodes["low_iron"]
    assert (pill["attr_dose_mg"], pill["attr_oral"]) == (65, True)
    assert pill["thresholds"].startswith("≤ 75 ng/mL (adults): give iron [ref1]; 75–100 ng/mL")
    assert (low_iron["aliases"], low_iron["x"], low_iron["label"]) == ("iron deficiency", 0.0, "Low iron")
    edge = graph.edges["pill", "disease", "pill--treats--disease"]
    assert (edge["recommendation_direction"], edge["evidence_rank"], edge["width"]) == ("for", 3, 5.0)
    assert "recommendation_direction" not in graph.edges["pill", "low_iron", "pill--treats--low_iron"]


def test_mixed_attribute_types_become_one_type() -> None:
    records = {"a": {"n": 1, "m": 1, "b": True}, "b": {"n": 2.5, "m": "x", "b": 3}}
    assert unify_types(records) == {"a": {"n": 1.0, "m": "1", "b": "true"},
                                    "b": {"n": 2.5, "m": "x", "b": "3"}}


def test_gexf_has_viz_colour_and_flipped_position(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    viz = read_back(view, "gexf", tmp_path).nodes["bad_blood"]["viz"]
    assert viz["color"] == {"r": 0xE6, "g": 0x9F, "b": 0x00, "a": 1.0}
    assert viz["position"]["y"] == -view.positions["bad_blood"][1]


def test_gexf_has_no_date(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    export_view(view, "gexf", tmp_path / "a.gexf")
    assert "lastmodifieddate" not in (tmp_path / "a.gexf").read_text(encoding="utf-8")


def test_json_reads_back_with_every_attribute(view: View) -> None:
    graph = nx.node_link_graph(json.loads(export_bytes(view, "json")), edges="edges")
    for node, data in view.graph.nodes(data=True):
        assert graph.nodes[node] == {**data, "x": view.positions[node][0], "y": view.positions[node][1]}
    assert {(u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)} == {
        (u, v, k): d for u, v, k, d in view.graph.edges(keys=True, data=True)}
