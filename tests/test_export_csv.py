"""The CSV zip: two tables, read back with the csv module."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from graph import Explorer, ViewSpec
from graph.export import export_bytes, export_view

DATA = Path(__file__).parent / "data"


def tables(data: bytes) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
                for name in archive.namelist()}


def test_zip_holds_nodes_and_edges(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))
    export_view(view, "csv", tmp_path / "tiny.zip")
    read = tables((tmp_path / "tiny.zip").read_bytes())
    assert sorted(read) == ["edges.csv", "nodes.csv"]
    nodes = {row["id"]: row for row in read["nodes.csv"]}
    assert set(nodes) == set(view.graph)
    assert nodes["pill"]["attr_dose_mg"] == "65" and nodes["low_iron"]["attr_dose_mg"] == ""
    assert nodes["claim1"]["verdict"] == "contradicted"
    edges = {row["key"]: row for row in read["edges.csv"]}
    assert len(edges) == view.graph.number_of_edges()
    assert edges["pill--treats--disease"]["recommendation_strength"] == "strong"


def test_payloads_are_cells_not_markup() -> None:
    view = Explorer.from_path(DATA / "xss.yaml").view(ViewSpec(claims=True))
    nodes = {row["id"]: row for row in tables(export_bytes(view, "csv"))["nodes.csv"]}
    assert nodes["img"]["label"] == "<img src=x onerror=alert(1)>"
    assert nodes["quotes"]["summary"] == "Line one\nline two with <br> and -->"


def test_same_view_same_bytes() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    assert export_bytes(view, "csv") == export_bytes(view, "csv")
