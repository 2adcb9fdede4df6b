"""Cytoscape.js JSON: elements with data, positions and classes, and a stylesheet."""

from __future__ import annotations

import json
from pathlib import Path

from graph import Explorer, ViewSpec
from graph.export import export_bytes

DATA = Path(__file__).parent / "data"


def document(name: str, spec: ViewSpec) -> dict:
    return json.loads(export_bytes(Explorer.from_path(DATA / name).view(spec), "cyjs"))


def test_elements_carry_data_positions_and_classes() -> None:
    doc = document("tiny.yaml", ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))
    nodes = {node["data"]["id"]: node for node in doc["elements"]["nodes"]}
    assert nodes["pill"]["data"]["attributes"] == {"dose_mg": 65, "oral": True}
    assert set(nodes["pill"]["position"]) == {"x", "y"}
    assert nodes["pill"]["classes"] == "kind-treatment path"
    assert nodes["claim1"]["classes"] == "kind-claim verdict-contradicted"
    edges = {edge["data"]["id"]: edge for edge in doc["elements"]["edges"]}
    assert edges["pill--treats--low_iron"]["classes"] == "evidence-trial line-solid path"
    assert edges["claim1--is_about--disease"]["classes"] == "evidence-none line-dotted"
    assert edges["pill--treats--low_iron"]["data"]["source"] == "pill"


def test_style_has_a_rule_for_every_class_used() -> None:
    doc = document("tiny.yaml", ViewSpec(claims=True, focus="pill"))
    selectors = {rule["selector"] for rule in doc["style"]}
    elements = doc["elements"]["nodes"] + doc["elements"]["edges"]
    used = {name for element in elements for name in element["classes"].split()} - {"kind-claim"}
    assert {f".{name}" for name in used} - {".focus"} <= selectors and "node.focus" in selectors
    kind = next(rule for rule in doc["style"] if rule["selector"] == ".kind-cause")
    assert kind["style"]["background-color"] == "#E69F00" and kind["style"]["shape"] == "triangle"


def test_payloads_stay_plain_strings() -> None:
    doc = document("xss.yaml", ViewSpec(claims=True))
    labels = {node["data"]["label"] for node in doc["elements"]["nodes"]}
    assert "<img src=x onerror=alert(1)>" in labels
    assert doc["data"]["title"].startswith("XSS <img")
