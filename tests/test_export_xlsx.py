"""The spreadsheet export: typed sheets read back with openpyxl, and opened by LibreOffice Calc."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from graph import Explorer, View, ViewSpec
from graph.cli import main
from graph.export import export_view

DATA = Path(__file__).parent / "data"
SOFFICE = shutil.which("soffice")


@pytest.fixture(scope="module")
def view() -> View:
    return Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))


def test_every_table_is_a_sheet_with_a_frozen_bold_header_and_typed_cells(view: View, tmp_path: Path) -> None:
    export_view(view, "xlsx", tmp_path / "view.xlsx")
    book = load_workbook(tmp_path / "view.xlsx")
    assert book.sheetnames == ["nodes", "links", "references", "kinds", "evidence"]
    nodes = book["nodes"]
    header = [cell.value for cell in nodes[1]]
    assert header[:3] == ["id", "label", "kind"] and nodes.freeze_panes == "A2"
    assert all(cell.font.bold for cell in nodes[1]) and nodes.auto_filter.ref
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in nodes.iter_rows(min_row=2, values_only=True)}
    pill = rows["pill"]
    assert pill["on_path"] is True and pill["focus"] is False and isinstance(pill["tier"], int)
    assert isinstance(pill["x"], float) and round(pill["x"], 2) == pill["x"]
    assert [cell.value for cell in book["kinds"][1]][:3] == ["id", "label", "color"]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    case = DATA / "hostile_valid" / "csv_formula_everywhere.yaml"
    export_view(Explorer.from_path(case).view(), "xlsx", tmp_path / "hostile.xlsx")
    book = load_workbook(tmp_path / "hostile.xlsx")
    cells = [cell for row in book["nodes"].iter_rows() for cell in row]
    assert any(str(cell.value).startswith("=") for cell in cells)
    assert all(cell.data_type != "f" for cell in cells)


def test_the_cli_writes_a_workbook_from_the_suffix(tmp_path: Path) -> None:
    assert main(["export", str(DATA / "tiny.yaml"), "-o", str(tmp_path / "out.xlsx")]) == 0
    assert load_workbook(tmp_path / "out.xlsx").sheetnames[0] == "nodes"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt install libreoffice-calc-nogui)")
def test_libreoffice_opens_the_workbook_with_its_types(view: View, tmp_path: Path) -> None:
    """Calc converts the first sheet to CSV headless (no import dialog exists for a workbook): the
    ids, the booleans as Calc's TRUE/FALSE and the coordinates as numbers come back."""
    export_view(view, "xlsx", tmp_path / "view.xlsx")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path / "out"),
                    str(tmp_path / "view.xlsx")], check=True, capture_output=True, timeout=300)
    rows = list(csv.DictReader((tmp_path / "out" / "view.csv").read_text(encoding="utf-8").splitlines()))
    assert {row["id"] for row in rows} == set(view.graph)
    pill = next(row for row in rows if row["id"] == "pill")
    assert (pill["on_path"], pill["focus"]) == ("TRUE", "FALSE")
    assert float(pill["x"]) == round(float(pill["x"]), 2)
