"""Helpers shared by several export formats: safe class names, the references a view cites, a tour step's title,
Office packages with fixed dates."""

from __future__ import annotations

import io
import re
import zipfile

from graph.dataset.model import Reference
from graph.network.view import View
from graph.viewspec import ViewSpec

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
FIXED_STAMP = b"1980-01-01T00:00:00Z"


def dated_package(package: bytes) -> bytes:
    """An Office file (a zip) with every entry and its created and modified properties at FIXED_DATE,
    so the same view always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", FIXED_STAMP, data)
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=FIXED_DATE), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def class_name(prefix: str, identifier: str, separator: str = "_") -> str:
    """A class name Mermaid, CSS and Cytoscape accept: ``kind_cause``, or ``kind-cause`` with "-".

    Ids may hold ``.`` (a CSS class selector separator), so every character other than a letter
    or digit becomes ``separator``.
    """
    return f"{prefix}{separator}{re.sub(r'[^A-Za-z0-9]', separator, identifier)}"


def shown_references(view: View) -> list[Reference]:
    """The references cited by the visible nodes (their thresholds too), edges and claims, in the
    dataset's order."""
    return _cited(view, list(view.graph.nodes(data=True)), [data for *_, data in view.graph.edges(data=True)])


def picture_references(view: View) -> list[Reference]:
    """The references a picture's caption lists: a path view's paths' own (the rest is dimmed
    context), else every reference the view shows."""
    if not view.paths:
        return shown_references(view)
    nodes = [(node, view.graph.nodes[node]) for node in view.graph if node in view.path_nodes]
    return _cited(view, nodes, [view.graph.edges[key] for key in view.path_edges])


def _cited(view: View, nodes: list[tuple[str, dict]], edges: list[dict]) -> list[Reference]:
    cited = {ref for _, data in nodes for ref in data["references"]}
    cited |= {ref for _, data in nodes for row in data["thresholds"] for ref in row["references"]}
    cited |= {ref for data in edges for ref in data["references"]}
    cited |= {data["source"] for _, data in nodes if "source" in data}
    return [ref for ref in view.dataset.references if ref.id in cited]


def step_title(view: View) -> str:
    """A tour step's view title without the dataset's name, which the deck's title slide and the course
    page give once."""
    prefix = f"{view.dataset.meta.title}: "
    if view.title == view.dataset.meta.title:
        return "The whole map" if view.spec == ViewSpec(claims=view.spec.claims) else "The map, filtered"
    short = view.title.removeprefix(prefix)
    return short[:1].upper() + short[1:]
