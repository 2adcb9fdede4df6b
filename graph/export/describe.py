"""Plain-language descriptions of a view's picture, for handouts and SVG.

The alt text is short (at most 250 characters, so Pandoc's visible caption stays a caption):
what the diagram is about and how big it is. The long description says what a sighted reader
takes from the picture: how many nodes of which kinds, the focus and depth, the path, and the
main connections (the most connected nodes and what they link to); handouts give it a section.
Both are plain text; callers escape them for their format.
"""

from __future__ import annotations

from collections import Counter

from graph.network.view import View
from graph.present.styled import styled_view

ALT_TEXT_LIMIT = 250
TOP_NODES = 5
NEIGHBOURS_SHOWN = 5
DIRECTIONS = {"both": "in both directions", "out": "following links outwards",
              "in": "following links inwards"}


def alt_text(view: View) -> str:
    """One or two sentences, at most ALT_TEXT_LIMIT characters, saying what the picture shows."""
    graph = view.graph
    text = f"Diagram: {view.title}. {graph.number_of_nodes()} nodes and {graph.number_of_edges()} links"
    text += ", described in the text below." if graph.number_of_nodes() else "."
    return shorten(text, ALT_TEXT_LIMIT)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…" if cut."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def long_description(view: View) -> str:
    """A few sentences describing the picture of ``view``: kinds, focus, path, main connections."""
    parts = [_overview(view), _focus(view), _path(view), _hubs(view)]
    return " ".join(part for part in parts if part)


def _overview(view: View) -> str:
    graph = view.graph
    styled = styled_view(view, cluster_above=None)
    kinds = Counter(styled.node(node).kind_label for node in graph)
    ordered = sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
    counts = ", ".join(f"{label} ({count})" for label, count in ordered)
    return (f"A diagram of {graph.number_of_nodes()} nodes joined by {graph.number_of_edges()} links, "
            f"drawn left to right. Nodes by kind: {counts or 'none'}.")


def _focus(view: View) -> str:
    focus = view.spec.focus
    if not focus or focus not in view.graph:
        return ""
    steps = "step" if view.spec.depth == 1 else "steps"
    return (f"It is centred on {view.graph.nodes[focus]['label']} and shows what lies within "
            f"{view.spec.depth} {steps} of it, {DIRECTIONS[view.spec.direction]}.")


def _path(view: View) -> str:
    if not view.path_sentences:
        return ""
    return "The highlighted path: " + " ".join(view.path_sentences)


def _hubs(view: View) -> str:
    """The most connected nodes, each with the labels of the nodes it links to."""
    degrees = sorted(view.graph.degree, key=lambda item: (-item[1], item[0]))[:TOP_NODES]
    hubs = [_hub(view, node, degree) for node, degree in degrees if degree]
    return f"The most connected: {'; '.join(hubs)}." if hubs else ""


def _hub(view: View, node: str, degree: int) -> str:
    graph = view.graph
    linked = {*graph.predecessors(node), *graph.successors(node)}
    neighbours = sorted(graph.nodes[n]["label"] for n in linked)
    shown = ", ".join(neighbours[:NEIGHBOURS_SHOWN])
    more = f" and {len(neighbours) - NEIGHBOURS_SHOWN} more" if len(neighbours) > NEIGHBOURS_SHOWN else ""
    links = "link" if degree == 1 else "links"
    return f"{graph.nodes[node]['label']} ({degree} {links}, to {shown}{more})"
