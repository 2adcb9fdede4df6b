"""A zip of CSV tables for spreadsheets, pandas and Gephi's spreadsheet import.

``nodes.csv`` and ``edges.csv`` hold one row per node or edge shown, each attribute one column
(flattened as for GraphML: lists joined with ``"; "``, one ``attr_<name>`` column per free
attribute), the usual columns always present and in a fixed order, the others after them
alphabetically, so tables from different views line up. ``references.csv`` lists the
references the view cites, ``kinds.csv`` and ``evidence.csv`` the dataset's vocabulary with the
colours, shapes and line styles used. Every table is UTF-8 with a byte-order mark, so
spreadsheet programs read α, δ and ≤ right. Zip entries carry a fixed date, so the same view
always gives the same bytes.

Dataset text is untrusted, and spreadsheets run a cell that looks like a formula: following
OWASP's advice on CSV injection, a text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab, a
carriage return or a line feed gets a leading ``'`` (numbers, negative coordinates included,
stay numbers). Rows end with CRLF as RFC 4180 says, which also makes the csv module quote every
field holding a ``\r`` or ``\n``, so no spreadsheet starts a new row inside one.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from typing import BinaryIO

from graph.dataset.model import EvidenceLevel
from graph.export.common import FIXED_DATE, shown_references
from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.tabular import EDGE_COLUMNS, NODE_COLUMNS, Record, edge_records, node_records
from graph.network.view import View
from graph.present import style

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
REFERENCE_COLUMNS = ("id", "citation", "year", "kind", "verification", "doi", "url", "link")


@path_or_stream
def write_csv(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the zip: nodes, edges, references, kinds and evidence tables."""
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, (rows, first) in tables(view).items():
            _add(archive, name, csv_text(rows, first))


def tables(view: View) -> dict[str, tuple[list[Record], tuple[str, ...]]]:
    """Each table's rows and the columns it always has, first; the spreadsheet export shares them."""
    return {"nodes.csv": (node_rows(view), ("id", *NODE_COLUMNS)),
            "edges.csv": (edge_rows(view), ("source", "target", *EDGE_COLUMNS)),
            "references.csv": (reference_rows(view), REFERENCE_COLUMNS),
            "kinds.csv": (kind_rows(view), ("id", "label", "color", "shape", "tier")),
            "evidence.csv": (evidence_rows(view), ("id", "rank", "label", "certainty", "certainty_label", "line",
                                                   "width"))}


def node_rows(view: View) -> list[Record]:
    return [{"id": node, **record} for node, record in node_records(view).items()]


def edge_rows(view: View) -> list[Record]:
    return [{"source": u, "target": v, **record} for (u, v, _), record in edge_records(view).items()]


def reference_rows(view: View) -> list[Record]:
    """The references the view cites, with the link the other exports use."""
    return [{"id": ref.id, "citation": ref.citation, "year": "" if ref.year is None else ref.year,
             "kind": ref.kind, "verification": ref.verification, "doi": ref.doi, "url": ref.url,
             "link": ref.link} for ref in shown_references(view)]


def kind_rows(view: View) -> list[Record]:
    return [{"id": kind.id, "label": kind.label, "color": kind.colour, "shape": kind.shape, "tier": kind.tier}
            for kind in view.dataset.kinds]


def evidence_rows(view: View) -> list[Record]:
    """Evidence levels, strongest first, with their certainty grade and the line style and width
    their edges are drawn with."""
    levels = sorted(view.dataset.evidence, key=lambda level: -level.rank)
    return [_evidence_row(view, level) for level in levels]


def _evidence_row(view: View, level: EvidenceLevel) -> Record:
    tier = style.evidence_tier(view.dataset, level.id)
    return {"id": level.id, "rank": level.rank, "label": level.label, "certainty": tier.id,
            "certainty_label": tier.label, "line": tier.line, "width": tier.width}


def csv_text(rows: list[Record], first: Iterable[str]) -> str:
    """The rows as CSV text with a BOM: the ``first`` columns always, then any others."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=table_columns(rows, first), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({name: inert_cell(value) for name, value in row.items()} for row in rows)
    return BOM + buffer.getvalue()


def inert_cell(value: object) -> object:
    """``value``, with a ``'`` before text a spreadsheet would read as a formula; numbers unchanged;
    booleans as ``true``/``false``, as in GraphML and JSON (Python would write ``True``)."""
    if isinstance(value, bool):
        return str(value).lower()
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def table_columns(rows: Iterable[Record], first: Iterable[str]) -> list[str]:
    """The ``first`` columns, then any other column a row has, alphabetically."""
    first = list(first)
    others = {name for row in rows for name in row} - set(first)
    return [*first, *sorted(others)]


def _add(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, text.encode("utf-8"))
