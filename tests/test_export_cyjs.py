"""Cytoscape.js JSON: elements with data, positions and classes, and a stylesheet."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ViewSpec
from graph.export import export_bytes
from graph.present import style
from graph.present.styled import styled_view

DATA = Path(__file__).parent / "data"


def document(name: str, spec: ViewSpec) -> dict:
    return json.loads(export_bytes(Explorer.from_path(DATA / name).view(spec), "cyjs"))


def test_elements_carry_data_positions_and_classes() -> None:
    doc = document("tiny.yaml", ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))
    nodes = {node["data"]["id"]: node for node in doc["elements"]["nodes"]}
    assert nodes["pill"]["data"]["attributes"] == {"dose_mg": 65, "oral": True}
    assert set(nodes["pill"]["position"]) == {"x", "y"}
    assert nodes["pill"]["classes"] == "kind-treatment path"
    assert nodes["claim1"]["classes"] == "kind-claim dimmed"
    edges = {edge["data"]["id"]: edge for edge in doc["elements"]["edges"]}
    assert edges["pill--treats--low_iron"]["classes"] == "evidence-trial certainty-high line-solid end-arrow path"
    assert edges["claim1--is_about--disease"]["classes"] == (
        "evidence-none certainty-claim line-dashdot end-arrow dimmed")
    assert edges["pill--treats--low_iron"]["data"]["source"] == "pill"
    assert doc["layout"] == {"name": "preset"}


def test_looks_come_from_the_styled_view() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True, focus="disease"))
    doc = json.loads(export_bytes(view, "cyjs"))
    styled = styled_view(view, cluster_above=None)
    for node in doc["elements"]["nodes"]:
        look = styled.node(node["data"]["id"])
        assert (node["data"]["draw_fill"], node["data"]["draw_border"]) == (look.colour, look.border)
    claim = next(n for n in doc["elements"]["nodes"] if n["data"]["id"] == "claim1")["data"]
    assert claim["draw_border_style"] == "dashed" and claim["draw_fill"] == style.claim_fill("#D55E00")


def test_style_has_a_rule_for_every_line_class_and_maps_data() -> None:
    doc = document("tiny.yaml", ViewSpec(claims=True, focus="pill"))
    selectors = {rule["selector"] for rule in doc["style"]}
    lines = {name for edge in doc["elements"]["edges"] for name in edge["classes"].split() if name.startswith("line-")}
    assert lines and {f".{name}" for name in lines} <= selectors
    node_rule = next(rule for rule in doc["style"] if rule["selector"] == "node")["style"]
    assert node_rule["background-color"] == "data(draw_fill)" and node_rule["shape"] == "data(draw_shape)"


def test_payloads_stay_plain_strings() -> None:
    doc = document("xss.yaml", ViewSpec(claims=True))
    labels = {node["data"]["label"] for node in doc["elements"]["nodes"]}
    assert "<img src=x onerror=alert(1)>" in labels
    assert doc["data"]["title"].startswith("XSS <img")


def _cytoscape_script() -> str:
    script = os.environ.get("CYTOSCAPE_JS")
    if not script or not Path(script).is_file():
        pytest.skip("set CYTOSCAPE_JS to a cytoscape.min.js to check with Cytoscape.js itself")
    return script


DRAW = """(doc) => {
  const warnings = [];
  console.warn = (message) => warnings.push(String(message));
  const cy = cytoscape({container: document.getElementById('cy'), ...doc});
  return {warnings, nodes: cy.nodes().map((n) => [n.id(), n.position(), n.style('background-color')]),
          dashed: cy.edges('.line-dashdot').map((e) => e.style('line-dash-pattern'))};
}"""


@pytest.mark.browser
def test_cytoscape_keeps_positions_and_reads_the_style(page: Any) -> None:
    """Cytoscape.js itself (offline Chromium) draws the document at our positions, without warnings."""
    page.set_content('<div id="cy" style="width: 800px; height: 600px"></div>')
    page.add_script_tag(path=_cytoscape_script())
    doc = document("tiny.yaml", ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))
    drawn = page.evaluate(DRAW, doc)
    given = {node["data"]["id"]: node["position"] for node in doc["elements"]["nodes"]}
    assert drawn["warnings"] == [] and {id_: pos for id_, pos, _ in drawn["nodes"]} == given
    assert ("low_iron", given["low_iron"], "rgb(230,159,0)") in [tuple(n) for n in drawn["nodes"]]
    assert drawn["dashed"] and all(pattern == "12 4 2 4" for pattern in drawn["dashed"])


@pytest.mark.parametrize(("name", "shared"), [("edge_id_is_node_id.yaml", "first"),
                                              ("edge_id_is_claim_id.yaml", "second")])
def test_an_edge_with_a_node_s_id_gets_its_own_element_id(name: str, shared: str) -> None:
    doc = document(f"hostile_valid/{name}", ViewSpec())
    ids = [element["data"]["id"] for part in ("nodes", "edges") for element in doc["elements"][part]]
    assert len(ids) == len(set(ids)) == 4
    edges = {edge["data"]["id"]: edge["data"] for edge in doc["elements"]["edges"]}
    assert edges[f"edge:{shared}"]["dataset_id"] == shared and "first--causes--second" in edges


@pytest.mark.browser
def test_cytoscape_loads_every_edge_when_one_shares_a_node_s_id(page: Any) -> None:
    page.set_content('<div id="cy" style="width: 800px; height: 600px"></div>')
    page.add_script_tag(path=_cytoscape_script())
    doc = document("hostile_valid/edge_id_is_node_id.yaml", ViewSpec())
    counts = page.evaluate("""(doc) => {
      const cy = cytoscape({container: document.getElementById('cy'), ...doc});
      return [cy.nodes().length, cy.edges().length];
    }""", doc)
    assert counts == [2, 2]
