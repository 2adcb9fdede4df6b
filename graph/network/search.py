"""Search by label or alias."""

from __future__ import annotations

import networkx as nx


def search_index(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Node id → the text a search box matches: the label, then aliases in brackets.

    Sorted by label so suggestions read alphabetically; claim nodes are left out.
    """
    entries = {
        node: data["label"] + (f" ({', '.join(data['aliases'])})" if data["aliases"] else "")
        for node, data in graph.nodes(data=True) if data["layer"] != "claims"
    }
    return dict(sorted(entries.items(), key=lambda item: item[1].casefold()))


def find_nodes(graph: nx.MultiDiGraph, text: str) -> list[str]:
    """Ids of nodes whose label or an alias contains ``text`` (case-insensitive), best first."""
    needle = text.casefold().strip()
    if not needle:
        return []
    scored = []
    for node, entry in search_index(graph).items():
        names = [graph.nodes[node]["label"], *graph.nodes[node]["aliases"]]
        if any(needle in name.casefold() for name in names):
            exact = any(name.casefold() == needle for name in names)
            scored.append((not exact, len(entry), node))
    return [node for *_, node in sorted(scored)]
