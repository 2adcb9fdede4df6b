"""Kumu-style spreadsheets become datasets: every mistake named by sheet, row and column, the rest validated.

tests/data/import/ holds a teacher's map of cellular respiration (30 elements, 60 connections)
as two CSV sheets with three mistakes left in: an element without a label, a connection to a
misspelt element, and a connection without a type. The XLSX is built from the same rows.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from graph import ValidationError, load_bytes
from graph.importing import dataset_yaml, import_kumu, read_sheets
from graph.importing.yaml_writer import scalar

HERE = Path(__file__).parent / "data" / "import"
MISTAKES = [
    "connections.xlsx:25: the label is empty: every element needs one. (at sheet Elements, column Label)",
    "connections.xlsx:59: 'Glycolisys' is not the label of an element. Did you mean 'Glycolysis'? "
    "(at sheet Connections, column To)",
    "connections.xlsx:60: the type is empty, and so is the label: say what the connection means. Write a verb "
    "phrase such as 'causes' or 'is treated by'. (at sheet Connections, column Type)",
]


def rows(name: str) -> list[list[str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def workbook(tmp_path: Path, fix: bool = False) -> Path:
    book = Workbook()
    for title, name in (("Elements", "elements.csv"), ("Connections", "connections.csv")):
        sheet = book.create_sheet(title)
        for row in rows(name):
            sheet.append(_fixed(row) if fix else row)
    book.remove(book["Sheet"])
    target = tmp_path / "connections.xlsx"
    book.save(target)
    return target


def _fixed(row: list[str]) -> list[str]:
    """The three mistakes corrected as the messages say (and the copy that the fix would duplicate removed)."""
    if row[:2] == ["", "Place"]:
        return ["Intermembrane space", *row[1:]]
    if row[:2] == ["Ethanol", "Carbon dioxide"]:
        return [*row[:2], "is made with", *row[3:]]
    if row[1:2] == ["Glycolisys"]:
        return ["Glucose", "Glycolysis", "is made into", *row[3:]]
    return row


def test_every_mistake_is_reported_at_once_with_sheet_row_and_column(tmp_path: Path) -> None:
    path = workbook(tmp_path)
    with pytest.raises(ValidationError) as caught:
        import_kumu(read_sheets(path.name, path.read_bytes()))
    assert [str(problem) for problem in caught.value.problems] == MISTAKES


def test_the_csv_sheets_give_the_same_messages() -> None:
    sheets = [sheet for name in ("connections.csv", "elements.csv")
              for sheet in read_sheets(name, (HERE / name).read_bytes())]
    with pytest.raises(ValidationError) as caught:
        import_kumu(sheets)
    assert [p.line for p in caught.value.problems] == [59, 60, 25]


def test_a_corrected_workbook_becomes_a_dataset_that_validates(tmp_path: Path) -> None:
    path = workbook(tmp_path, fix=True)
    record = import_kumu(read_sheets(path.name, path.read_bytes()), "Cellular respiration")
    dataset = load_bytes(dataset_yaml(record, "a test").encode(), "cells.yaml")
    assert (len(dataset.nodes), len(dataset.edges)) == (30, 60)
    assert [kind.label for kind in dataset.kinds] == ["Molecule", "Process", "Place", "Enzyme", "Concept", "Poison"]
    assert len({kind.colour for kind in dataset.kinds}) == len(dataset.kinds)
    ungraded = [edge for edge in dataset.edges if edge.evidence == "not-yet-graded"]
    assert [(e.source, e.target) for e in ungraded] == [("oxygen", "lactic_fermentation"),
                                                        ("cyanide", "oxidative_phosphorylation")]
    assert dataset.evidence_level("not-yet-graded").rank == 0
    glucose = dataset.node("glucose")
    assert glucose.attributes == {"tags": "fuel, sugar"} and glucose.references == ("imported-spreadsheet",)
    campbell = next(ref for ref in dataset.references if ref.citation == "Campbell Biology 12th ed. 2020")
    assert dataset.edge("glycolysis--produces--pyruvate").references == (campbell.id,)


@pytest.mark.parametrize("text", ["yes", "NO", "12:30", "01234", "1.10", "null", "~", "#not a comment",
                                  'a "quoted" word', "key: value", "- a list?", "{not: flow}", "[x]", "é ñ 铁",
                                  "trailing space ", "@at", "`tick", "%percent", "!tag", "*alias", "&anchor"])
def test_every_string_reads_back_as_the_same_text(text: str) -> None:
    assert yaml.safe_load(f"value: {scalar(text)}") == {"value": text}


def test_a_sheet_without_its_columns_says_which_are_missing(tmp_path: Path) -> None:
    (tmp_path / "elements.csv").write_text("Name,Kind\nGlucose,Molecule\n")
    (tmp_path / "connections.csv").write_text("From,To\n")
    sheets = [s for name in ("elements.csv", "connections.csv")
              for s in read_sheets(name, (tmp_path / name).read_bytes())]
    with pytest.raises(ValidationError, match=r"elements\.csv:1: the header row has no 'Label' column \(it has: "
                                              r"Name, Kind\)"):
        import_kumu(sheets)
