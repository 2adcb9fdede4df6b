"""What the lesson page knows about a view, as plain JSON-able values: details, search, references.

The page (:mod:`graph.export.html_export`) shows the network with the shared network script and
adds a search box, a details pane and the reference list. Everything the pane shows is prepared
here, once: for each node its label, kind, summary, longer text, aliases (searched too), its
connections with their evidence, and its references; for each reference its citation and a link.
A link is kept only when it is an ``http``/``https`` address (DOIs become ``https://doi.org/…``),
so a dataset cannot smuggle a ``javascript:`` URL into a clickable link. All of it is text: the
template and the page script insert it with autoescaping and ``textContent``, never as markup.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from graph.dataset.model import Reference
from graph.export.common import shown_references
from graph.network.search import search_entries
from graph.network.view import View
from graph.present.details import NEEDS_VERIFICATION, Connection, ThresholdRow, connection_rows, node_details
from graph.present.styled import StyledView, styled_view

SAFE_SCHEMES = ("http", "https")


def safe_link(url: str) -> str:
    """``url`` if it is an http(s) address with a host, else "" (never a script or data URL)."""
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else ""


def reference_entry(reference: Reference) -> dict[str, Any]:
    """A reference as the page shows it: id, citation, a safe link and its label, verification."""
    link = safe_link(reference.link)
    label = f"doi:{reference.doi}" if reference.doi and link else link
    return {"id": reference.id, "citation": reference.citation, "link": link, "link_label": label,
            "needs_verification": reference.needs_verification}


def lesson_data(view: View) -> dict[str, Any]:
    """Details of every node, what search knows of each shown node, the references the view cites,
    and the path sentences."""
    styled = styled_view(view, cluster_above=None)
    return {
        "nodes": {node: _node_entry(view, styled, node) for node in view.graph},
        "search": search_data(view),
        "references": [reference_entry(reference) for reference in shown_references(view)],
        "path": list(view.path_sentences),
    }


def search_data(view: View) -> list[dict[str, Any]]:
    """The shown nodes as the page's search ranks them (``lesson.js``), with their links in the
    whole dataset, so the page ranks as the app does (claims are not searched)."""
    return [{"id": entry.node, "label": entry.label, "aliases": list(entry.aliases), "summary": entry.summary,
             "links": entry.links} for entry in search_entries(view.dataset) if entry.node in view.graph]


def _node_entry(view: View, styled: StyledView, node: str) -> dict[str, Any]:
    """What the details pane shows of a node: the app's details (facts and thresholds included)."""
    data = view.graph.nodes[node]
    details = node_details(view.dataset, view.graph, node)
    return {"id": node, "label": data["label"], "kind": styled.node(node).kind_label, "summary": data["summary"],
            "text": data["text"], "aliases": list(data["aliases"]), "references": list(data["references"]),
            "needs_verification": data["needs_verification"], "facts": details.facts,
            "thresholds": [_threshold_entry(row) for row in details.thresholds],
            "connections": _connections(view, node)}


def _threshold_entry(row: ThresholdRow) -> dict[str, str]:
    """A threshold with the words the page script shows for each part."""
    return {"Value": row.value, "Population": row.population, "Meaning": row.meaning,
            "References": ", ".join(row.references),
            "Verification": NEEDS_VERIFICATION if row.needs_verification else ""}


def _with_verdict(row: Connection) -> str:
    """A claim's label starts with its verdict in words, as drawn: "[Contradicted] Bad blood flow…"."""
    return f"[{row.verdict}] {row.label}" if row.verdict else row.label


def _connections(view: View, node: str) -> list[dict[str, Any]]:
    """The node's links, read from the node: phrase, the other node, evidence, note, references."""
    rows = connection_rows(view.dataset, view.graph, node)
    return [{"phrase": phrase, "other": row.other, "label": _with_verdict(row), "evidence": row.evidence,
             "note": row.note, "references": list(row.references)}
            for phrase, group in rows.items() for row in group]
