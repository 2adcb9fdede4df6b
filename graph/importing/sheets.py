"""Reading spreadsheets as named sheets of rows: an XLSX workbook (openpyxl) or CSV files.

A workbook's sheets keep their names; a CSV file is one sheet, named after what its header
holds (``From`` and ``To`` make it the connections, ``Label`` the elements), so
``elements.csv`` and ``connections.csv`` can be given in any order. Rows are numbered as the
spreadsheet numbers them (the header is row 1), so messages point at the cell a teacher sees.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ValidationError

MAX_SHEET_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, its header (as written) and its rows as ``(row number, {column: text})``."""

    name: str
    file: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]

    def column(self, wanted: str) -> str | None:
        """The header's spelling of ``wanted``, matched without regard to case or spaces."""
        key = wanted.casefold().replace(" ", "")
        return next((name for name in self.header if name.casefold().replace(" ", "") == key), None)


def read_sheets(name: str, data: bytes) -> list[Sheet]:
    """The sheets of a file's bytes, by its suffix (``.xlsx`` or ``.csv``); raises ValidationError."""
    if len(data) > MAX_SHEET_BYTES:
        raise ValidationError.single(name, f"is {len(data) / 1e6:.1f} MB; a spreadsheet may be at most 5 MB.")
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _workbook(name, data)
    if suffix == ".csv":
        return [_csv_sheet(name, data)]
    raise ValidationError.single(name, "is not a spreadsheet this can read.", "Save it as .xlsx or .csv.")


def _workbook(name: str, data: bytes) -> list[Sheet]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ValidationError.single(name, f"cannot be read as an Excel workbook ({type(exc).__name__}).",
                                     "Save it again from the spreadsheet program as .xlsx.") from None
    return [_sheet(sheet.title, name, [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)])
            for sheet in book.worksheets]


def _csv_sheet(name: str, data: bytes) -> Sheet:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError.single(name, "is not UTF-8 text.", "Save the CSV as UTF-8.") from None
    rows = list(csv.reader(io.StringIO(text)))
    header = {cell.strip().casefold() for cell in rows[0]} if rows else set()
    return _sheet("Connections" if {"from", "to"} <= header else "Elements", name, rows)


def _sheet(title: str, name: str, rows: list[list[str]]) -> Sheet:
    if len(rows) > MAX_ROWS:
        raise ValidationError.single(name, f"sheet {title} has {len(rows):,} rows; the limit is {MAX_ROWS:,}.")
    header = tuple(cell.strip() for cell in rows[0]) if rows else ()
    records = tuple((number, {column: cell.strip() for column, cell in zip(header, row, strict=False) if column})
                    for number, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row))
    return Sheet(title, name, header, records)


def _cell(value: object) -> str:
    return "" if value is None else str(value)
