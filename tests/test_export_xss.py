"""Every export of the XSS dataset shows its payloads as text and never as markup or code.

Each format is opened the way its consumer opens it (an XML parser, JSON, CSV, Graphviz) and the
literal payloads are looked for among the texts it yields.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from graph import Explorer, View, ViewSpec
from graph.export import export_bytes

DATA = Path(__file__).parent / "data"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
QUOTES = "\"quotes\" & 'apostrophes' \\N {{braces}}"


@pytest.fixture(scope="module")
def view() -> View:
    return Explorer.from_path(DATA / "xss.yaml").view(ViewSpec(claims=True))


def xml_texts(data: bytes) -> str:
    root = ET.fromstring(data)
    assert not any(e.tag.rsplit("}", 1)[-1] in {"img", "script"} for e in root.iter())
    texts = [e.text or "" for e in root.iter()] + [v for e in root.iter() for v in e.attrib.values()]
    return " ".join(texts)  # wrapped labels come back as consecutive lines


def assert_payloads(text: str) -> None:
    assert IMG in text and SCRIPT in text and QUOTES in text


@pytest.mark.parametrize("fmt", ["svg", "graphml", "gexf"])
def test_xml_formats_hold_payloads_as_text(view: View, fmt: str) -> None:
    assert_payloads(xml_texts(export_bytes(view, fmt)))


def test_json_formats_hold_payloads_as_strings(view: View) -> None:
    graph = nx.node_link_graph(json.loads(export_bytes(view, "json")), edges="edges")
    assert_payloads("\n".join(data["label"] for _, data in graph.nodes(data=True)))
    cyjs = json.loads(export_bytes(view, "cyjs"))
    assert_payloads("\n".join(node["data"]["label"] for node in cyjs["elements"]["nodes"]))


def test_csv_holds_payloads_as_cells(view: View) -> None:
    with zipfile.ZipFile(io.BytesIO(export_bytes(view, "csv"))) as archive:
        rows = csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8")))
        assert_payloads("\n".join(row["label"] for row in rows))


@pytest.mark.parametrize("fmt", ["html", "md", "mermaid", "dot"])
def test_text_formats_never_carry_raw_markup(view: View, fmt: str) -> None:
    text = export_bytes(view, fmt).decode("utf-8")
    body = "\n".join(line for line in text.split("\n") if not line.startswith("%%"))
    if fmt in {"html", "md", "mermaid"}:
        assert "<img" not in body.replace("\\<img", "") and SCRIPT not in body
    if fmt == "dot":
        assert 'label="XSS <img src=x onerror=alert(1)> &amp; \\"quotes\\"' in body and "\\\\N" in body
