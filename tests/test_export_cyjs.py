"""Cytoscape.js JSON: elements with data, positions and classes, and a stylesheet."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ViewSpec
from graph.export import export_bytes
from graph.present import style
from graph.present.styled import styled_view

DATA = Path(__file__).parent / "data"
RLS = DATA.parent.parent / "data" / "rls"


def document(name: str, spec: ViewSpec) -> dict:
    return json.loads(export_bytes(Explorer.from_path(DATA / name).view(spec), "cyjs"))


def test_elements_carry_data_positions_and_classes() -> None:
    doc = document("tiny.yaml", ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))
    nodes = {node["data"]["id"]: node for node in doc["elements"]["nodes"]}
    assert (nodes["pill"]["data"]["attr_dose_mg"], nodes["pill"]["data"]["attr_oral"]) == (65, True)
    assert nodes["pill"]["data"]["thresholds"][0] == "≤ 75 ng/mL (adults): give iron [ref1]"
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


def desktop_column_type(value: Any) -> str:
    """The column type Cytoscape desktop's importer (CytoscapejsMapper.getDataType) gives a value."""
    if isinstance(value, list):
        return "List"
    if isinstance(value, bool):
        return "Boolean"
    return "Double" if isinstance(value, (int, float)) else "String"


@pytest.mark.parametrize("name", ["tiny.yaml", "xss.yaml"])
def test_cytoscape_desktop_reads_every_key_as_one_typed_column(name: str) -> None:
    """The importer makes a column from the first value it meets and reads a nested object as "";
    a later value of another type would be read as 0 or "" too."""
    doc = document(name, ViewSpec(claims=True))
    for part in ("nodes", "edges"):
        columns: dict[str, str] = {}
        for element in doc["elements"][part]:
            for key, value in element["data"].items():
                assert not isinstance(value, dict) and value is not None, (key, value)
                assert all(not isinstance(item, (dict, list)) for item in value) if isinstance(value, list) else True
                assert columns.setdefault(key, desktop_column_type(value)) == desktop_column_type(value), key


def cytoscape_zip(view_path: Path, spec: ViewSpec) -> dict[str, Any]:
    data = export_bytes(Explorer.from_path(view_path).view(spec), "cytoscape")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


def test_the_cytoscape_zip_holds_the_network_and_its_styles_json() -> None:
    files = cytoscape_zip(DATA / "tiny.yaml", ViewSpec(focus="pill"))
    assert list(files) == ["network.cyjs", "styles.json"]
    (styles,) = files["styles.json"]
    assert {"format_version", "generated_by", "target_cytoscapejs_version", "title", "style"} == set(styles)
    network_rules = {rule["selector"]: rule["style"] for rule in files["network.cyjs"]["style"]}
    assert {rule["selector"]: rule["css"] for rule in styles["style"]} == network_rules
    assert files["network.cyjs"]["elements"]["nodes"]


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


STYLED = """([doc, styles]) => {
  const warnings = [];
  console.warn = (message) => warnings.push(String(message));
  const cy = cytoscape({container: document.getElementById('cy'), elements: doc.elements, style: styles[0].style,
                        layout: {name: 'preset'}});
  const inside = cy.nodes().filter((n) => n.data('draw_valign') === 'center').map((n) => {
    const shape = n.boundingBox({includeLabels: false, includeOverlays: false});
    const label = n.boundingBox({includeNodes: false, includeLabels: true, includeOverlays: false});
    return [n.id(), label.x1 >= shape.x1 - 1 && label.x2 <= shape.x2 + 1 && label.y1 >= shape.y1 - 1
            && label.y2 <= shape.y2 + 1];
  });
  return {warnings, fill: cy.$id('rls').style('background-color'), inside};
}"""


@pytest.mark.browser
def test_cytoscape_reads_styles_json_and_labels_stay_inside_their_shapes(page: Any) -> None:
    """Cytoscape.js draws the zip's network with its styles.json; RLS's white label no longer spills
    out of a default-size node."""
    page.set_content('<div id="cy" style="width: 800px; height: 600px"></div>')
    page.add_script_tag(path=_cytoscape_script())
    files = cytoscape_zip(RLS, ViewSpec(focus="rls"))
    drawn = page.evaluate(STYLED, [files["network.cyjs"], files["styles.json"]])
    assert drawn["warnings"] == [] and drawn["fill"] == "rgb(0,114,178)"
    assert drawn["inside"] and [node for node, inside in drawn["inside"] if not inside] == []


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
