"""GraphML, GEXF and node-link JSON exports, read back by NetworkX and compared with the view."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from graph import Explorer, View, ViewSpec
from graph.export import export_bytes, export_view
from graph.export.tabular import edge_records, node_records, unify_types
from graph.present import style
from graph.present.styled import styled_view
from tests.helpers import RLS

DATA = Path(__file__).parent / "data"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"


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
        if fmt == "gexf":  # the type is the edge's kind, the end a column of its own
            record = {**{k: x for k, x in record.items() if k not in ("type", "end")}, "line_end": record["end"]}
        assert back[key] == (u, v, record)


def test_flattening_keeps_types_and_values(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))
    graph = read_back(view, "graphml", tmp_path)
    pill, low_iron = graph.nodes["pill"], graph.nodes["low_iron"]
    assert (pill["attr_dose_mg"], pill["attr_oral"]) == (65, True)
    assert pill["thresholds"].startswith("≤ 75 ng/mL (adults): give iron [ref1]; 75–100 ng/mL")
    assert (low_iron["aliases"], low_iron["x"], low_iron["label"]) == (
        "iron deficiency", view.layout_positions["low_iron"][0], "Low iron")
    edge = graph.edges["pill", "disease", "pill--treats--disease"]
    assert (edge["recommendation_direction"], edge["evidence_rank"], edge["width"]) == (
        "for", 3, style.LINES["solid"].width)
    assert "recommendation_direction" not in graph.edges["pill", "low_iron", "pill--treats--low_iron"]


def test_mixed_attribute_types_become_one_type() -> None:
    records = {"a": {"n": 1, "m": 1, "b": True}, "b": {"n": 2.5, "m": "x", "b": 3}}
    assert unify_types(records) == {"a": {"n": 1.0, "m": "1", "b": "true"},
                                    "b": {"n": 2.5, "m": "x", "b": "3"}}


def test_gexf_has_viz_colour_size_and_upright_position(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    nodes = read_back(view, "gexf", tmp_path).nodes
    viz = nodes["bad_blood"]["viz"]
    assert viz["color"] == {"r": 0xE6, "g": 0x9F, "b": 0x00, "a": 1.0}
    assert viz["position"]["y"] == pytest.approx(-view.layout_positions["bad_blood"][1], abs=0.01)
    assert viz["size"] == 10 < nodes["pill"]["viz"]["size"]  # no links, then two


def test_graphml_and_gexf_agree_on_y_pointing_up(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    graphml, gexf = read_back(view, "graphml", tmp_path), read_back(view, "gexf", tmp_path)
    assert {n: d["y"] for n, d in graphml.nodes(data=True)} == {
        n: d["viz"]["position"]["y"] for n, d in gexf.nodes(data=True)}


def test_gexf_has_no_date(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    export_view(view, "gexf", tmp_path / "a.gexf")
    assert "lastmodifieddate" not in (tmp_path / "a.gexf").read_text(encoding="utf-8")


def test_json_reads_back_with_every_attribute(view: View) -> None:
    graph = nx.node_link_graph(json.loads(export_bytes(view, "json")), edges="edges")
    drawn = styled_view(view, cluster_above=None)
    for node, data in view.graph.nodes(data=True):
        x, y = drawn.node(node).position
        assert graph.nodes[node] == {**data, "x": round(x, 2), "y": round(-y, 2) + 0.0, "focus": False,
                                     "on_path": False}
    assert {(u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)} == {
        (u, v, k): {**d, "focus": False, "on_path": False} for u, v, k, d in view.graph.edges(keys=True, data=True)}


def path_view() -> View:
    return Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True, path_from="bad_blood", path_to="disease"))


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "cyjs"])
def test_path_and_focus_are_carried(fmt: str) -> None:
    """``on_path`` marks the path's nodes and edges, ``focus`` the focus and its edges."""
    graph = read_any(path_view(), fmt)
    assert {n for n, on in graph.nodes(data="on_path") if on} == {"bad_blood", "disease"}
    assert [d["id"] for *_, d in graph.edges(data=True) if d["on_path"]] == ["bad_blood--causes--disease"]
    focused = read_any(Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(focus="disease")), fmt)
    assert [n for n, on in focused.nodes(data="focus") if on] == ["disease"]
    assert all(on == ("disease" in (u, v)) for u, v, on in focused.edges(data="focus"))


def read_any(view: View, fmt: str) -> nx.MultiDiGraph:
    """The export read back as a multigraph by networkx (Cytoscape JSON: from its elements)."""
    data = export_bytes(view, fmt)
    if fmt == "json":
        return nx.node_link_graph(json.loads(data), edges="edges")
    if fmt == "cyjs":
        return cyjs_graph(json.loads(data))
    if fmt == "gexf":
        return nx.MultiDiGraph(nx.read_gexf(io.BytesIO(data)))
    return nx.read_graphml(io.BytesIO(data), force_multigraph=True)


def cyjs_graph(document: dict) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((n["data"]["id"], n["data"]) for n in document["elements"]["nodes"])
    graph.add_edges_from((e["data"]["source"], e["data"]["target"], e["data"]["id"], e["data"])
                         for e in document["elements"]["edges"])
    return graph


def test_graphml_keys_are_named_with_label_and_hex_colour() -> None:
    """Key ids are attribute names (Gephi matches them); edge keys a node key shares get ``edge``."""
    root = ET.fromstring(export_bytes(path_view(), "graphml"))
    keys = {(key.get("for"), key.get("attr.name")): key.get("id") for key in root.iter(f"{GRAPHML}key")}
    assert all(ident == name for (domain, name), ident in keys.items() if domain != "edge")
    assert keys["edge", "label"] == "edgelabel" and keys["edge", "evidence"] == "evidence"
    assert len(set(keys.values())) == len(keys)
    pill = next(n for n in root.iter(f"{GRAPHML}node") if n.get("id") == "pill")
    values = {data.get("key"): data.text for data in pill}
    assert values["label"] == "Iron pill" and values["kind"] == "treatment"
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", values["color"]) and values["color"] == "#009E73"
    assert (values["needs_verification"], values["on_path"]) == ("false", "false")  # XML Schema booleans


def test_gexf_edges_carry_viz_and_no_internal_columns() -> None:
    root = ET.fromstring(export_bytes(path_view(), "gexf"))
    titles = {attribute.get("title") for attribute in root.iter(f"{GEXF}attribute")}
    assert "networkx_key" not in titles and "on_path" in titles
    edges = {edge.get("id"): edge for edge in root.iter(f"{GEXF}edge")}
    assert len(edges) == 8
    dashed = edges["low_iron--leads_to--brain_iron"]
    assert dashed.find(f"{VIZ}shape").get("value") == "dashed"
    assert float(dashed.find(f"{VIZ}thickness").get("value")) > 1
    assert dashed.find(f"{VIZ}color").get("r") is not None and dashed.get("label") == "leads to"
    shapes = {edge.get("id"): edge.find(f"{VIZ}shape").get("value") for edge in edges.values()}
    assert shapes["pill--treats--disease"] == "solid" and shapes["claim1--is_about--disease"] == "dashed"


@pytest.mark.parametrize("focus", ["iron_deficiency", "rls"])
def test_json_and_graphml_put_every_node_in_the_same_place(focus: str) -> None:
    view = Explorer.from_path(RLS).view(ViewSpec(focus=focus))
    from_json = nx.node_link_graph(json.loads(export_bytes(view, "json")), edges="edges")
    from_graphml = nx.read_graphml(io.BytesIO(export_bytes(view, "graphml")))
    assert len(from_json) > 10
    assert {n: (d["x"], d["y"]) for n, d in from_json.nodes(data=True)} == {
        n: (d["x"], d["y"]) for n, d in from_graphml.nodes(data=True)}


def gephi_edges(data: bytes, fmt: str) -> list[tuple[str, str, str]]:
    """(source, target, type) of each edge as Gephi's importers read them: the type is GraphML's
    ``<edge label>`` and GEXF's ``<edge kind>`` (ImporterGraphML.EDGE_TYPE, ImporterGEXF.EGDE_KIND)."""
    attribute = "label" if fmt == "graphml" else "kind"
    root = ET.fromstring(data)
    return [(e.get("source", ""), e.get("target", ""), e.get(attribute, "")) for e in root.iter() if
            e.tag.endswith("}edge") or e.tag == "edge"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_parallel_links_keep_their_own_type_so_gephi_does_not_merge_them(fmt: str) -> None:
    """Gephi merges edges with the same source, target and type (its default, SUM); the whole RLS
    graph has pairs linked twice (pramipexole → RLS: suggested against, and approved for)."""
    view = Explorer.from_path(RLS).view(ViewSpec())
    edges = gephi_edges(export_bytes(view, fmt), fmt)
    pairs = Counter((source, target) for source, target, _ in edges)
    assert len(edges) == view.graph.number_of_edges() and max(pairs.values()) >= 2
    assert all(kind for *_, kind in edges)
    assert len(set(edges)) == len(edges)  # nothing merged
    assert {kind for source, target, kind in edges if (source, target) == ("pramipexole", "rls")} == {
        "is suggested against (conditional recommendation) in", "has regulatory approval for"}
