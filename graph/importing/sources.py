"""Importing any file a teacher or another program has: the reader is picked by the file's suffix.

Spreadsheets (``.xlsx``, or ``.csv`` sheets) are Kumu-style maps (:mod:`graph.importing.kumu`);
``.json``, ``.graphml`` and ``.gexf`` are this project's exports, also after Gephi or yEd saved
them again, and ``.cxl`` is a CmapTools concept map (:mod:`graph.importing.graph_record` says
what they cannot carry).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graph.errors import ValidationError
from graph.importing.cxl import read_cxl_graph
from graph.importing.graph_files import FileGraph, read_gexf_graph, read_graphml_graph, read_json_graph
from graph.importing.graph_record import Imported, dataset_from_graph
from graph.importing.kumu import import_kumu
from graph.importing.sheets import read_sheets

GRAPH_READERS: dict[str, Callable[[str, bytes], FileGraph]] = {
    ".json": read_json_graph, ".graphml": read_graphml_graph, ".gexf": read_gexf_graph,
    ".cxl": read_cxl_graph}
SHEET_SUFFIXES = (".xlsx", ".csv")
IMPORT_SUFFIXES = (*SHEET_SUFFIXES, *GRAPH_READERS)


def import_sources(sources: list[tuple[str, bytes]], title: str | None = None) -> Imported:
    """The dataset record of ``(file name, bytes)`` pairs: Kumu sheets, or one graph file; raises ValidationError."""
    suffixes = [Path(name).suffix.lower() for name, _ in sources]
    if sources and all(suffix in SHEET_SUFFIXES for suffix in suffixes):
        return Imported(import_kumu([sheet for name, data in sources for sheet in read_sheets(name, data)], title))
    if len(sources) != 1 or suffixes[0] not in GRAPH_READERS:
        names = ", ".join(name for name, _ in sources) or "(no file)"
        raise ValidationError.single(names, "is not something this can import.",
                                     f"Give one file ending in {', '.join(GRAPH_READERS)}, or Kumu sheets "
                                     "(one .xlsx, or elements.csv and connections.csv).")
    name, data = sources[0]
    return dataset_from_graph(GRAPH_READERS[suffixes[0]](name, data), title)
