"""An Excel workbook (openpyxl) of the CSV export's tables, typed, so it opens with no import dialog.

One sheet per table: ``nodes``, ``links``, ``references``, ``kinds`` and ``evidence``, with the
CSV export's rows and columns. Cells keep their types: numbers are numbers (coordinates rounded
to 0.01), true and false are booleans, everything else is text. A text cell is written as text
even when it starts like a formula (``=1+1`` stays the four characters), so no dataset text runs,
and characters a workbook cannot hold (control characters other than tab and line breaks) are
dropped. Each header row is bold on grey, frozen, with a filter; columns are as wide as their
longest value, up to 60 characters. The workbook's dates (its properties and its zip entries) are
fixed, as in the CSV zip, so the same view always gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from graph.export.common import dated_package
from graph.export.csv_export import table_columns, tables
from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.tabular import Record
from graph.network.view import View

SHEET_NAMES = {"nodes.csv": "nodes", "edges.csv": "links", "references.csv": "references", "kinds.csv": "kinds",
               "evidence.csv": "evidence"}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
WIDEST = 60


@path_or_stream
def write_xlsx(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the workbook: one typed sheet per table, with a styled, frozen header row."""
    workbook = Workbook()
    for name, (rows, first) in tables(view).items():
        _fill(workbook.create_sheet(SHEET_NAMES[name]), rows, table_columns(rows, first))
    del workbook["Sheet"]  # the empty sheet a new workbook starts with
    buffer = io.BytesIO()
    workbook.save(buffer)
    stream.write(dated_package(buffer.getvalue()))


def _fill(sheet: Worksheet, rows: list[Record], columns: list[str]) -> None:
    sheet.append(columns)
    for row in rows:
        sheet.append([cell_value(row.get(name, "")) for name in columns])
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl takes "=…" for a formula; this is dataset text
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _size_columns(sheet, columns, rows)


def cell_value(value: object) -> object:
    """A number or boolean as it is; text without the characters a workbook cannot hold."""
    if isinstance(value, (bool, int, float)):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _size_columns(sheet: Worksheet, columns: list[str], rows: Iterable[Record]) -> None:
    rows = list(rows)
    for index, name in enumerate(columns, start=1):
        longest = max([len(name), *(len(str(row.get(name, ""))) for row in rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, WIDEST)
