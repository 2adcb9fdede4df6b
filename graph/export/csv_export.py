"""A zip of two CSV tables, ``nodes.csv`` and ``edges.csv``, for spreadsheets and Gephi's importer.

Each attribute is one column (flattened as for GraphML: lists joined with ``"; "``, one
``attr_<name>`` column per free attribute); a cell is empty where a node or edge lacks it. The
zip entries carry a fixed date so the same view always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from typing import BinaryIO

from graph.export.files import path_or_stream
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.tabular import Record, edge_records, node_records
from graph.network.view import View

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


@path_or_stream
def write_csv(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write a zip holding ``nodes.csv`` (id first) and ``edges.csv`` (source, target, key first)."""
    nodes = [{"id": node, **record} for node, record in node_records(view).items()]
    edges = [{"source": u, "target": v, "key": k, **record}
             for (u, v, k), record in edge_records(view).items()]
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        _add(archive, "nodes.csv", csv_text(nodes))
        _add(archive, "edges.csv", csv_text(edges))


def csv_text(rows: list[Record]) -> str:
    """The rows as CSV text with a header of every column, in first-seen order."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_columns(rows), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _columns(rows: Iterable[Record]) -> list[str]:
    return list(dict.fromkeys(name for row in rows for name in row))


def _add(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, text.encode("utf-8"))
