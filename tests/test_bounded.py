"""Bounded views of large graphs: the most connected nodes, pinned focus, honest counts."""

from __future__ import annotations

import pytest

from graph import ViewSpec, ViewSpecError
from graph.network import Bound, bounded_view, is_large
from graph.network.bounded import most_connected
from tests.helpers import RLS, explorer


def test_whole_graph_keeps_the_most_connected_nodes_with_their_links() -> None:
    rls = explorer(RLS)
    view, bound = bounded_view(rls.dataset, rls.graph, ViewSpec(), limit=20)
    degree = rls.graph.degree
    shown = set(view.graph)
    assert len(shown) == 20 and bound.cut
    weakest_shown = min(degree[node] for node in shown)
    evidence_nodes = [n for n, layer in rls.graph.nodes(data="layer") if layer == "evidence"]
    assert all(degree[node] <= weakest_shown for node in evidence_nodes if node not in shown)
    whole = rls.view(ViewSpec()).graph
    assert view.graph.number_of_edges() == whole.subgraph(shown).number_of_edges()
    assert view.hidden_nodes == rls.graph.number_of_nodes() - 20
    assert view.hidden_claims == sum(1 for _, layer in rls.graph.nodes(data="layer") if layer == "claims")
    assert set(view.layout_positions) == shown


def test_focus_and_path_ends_are_always_kept() -> None:
    rls = explorer(RLS)
    leaf = min(rls.graph, key=lambda node: (rls.graph.degree[node], node))
    view, bound = bounded_view(rls.dataset, rls.graph, ViewSpec(focus=leaf, depth=2, claims=True), limit=3)
    assert leaf in view.graph and len(view.graph) <= 3
    assert rls.graph.nodes[leaf]["label"] in bound.sentence


def test_sentence_says_how_big_the_graph_is_and_what_is_shown() -> None:
    bound = Bound(20_000, 59_939, 500, 1_092, 20_000)
    assert bound.sentence == ("20,000 nodes and 59,939 links; showing the 500 most connected "
                              "and their 1,092 links.")
    assert "20,000 nodes" in bound.warning
    assert Bound(20_000, 59_939, 4, 3, 4, "Iron", 1).sentence.startswith(
        "20,000 nodes and 59,939 links; showing all 4 within 1 step of Iron")


def test_most_connected_ranks_by_degree_then_id() -> None:
    rls = explorer(RLS)
    top = most_connected(rls.graph, list(rls.graph), 3, pinned=["x"])
    assert top[0] == "x" and len(top) == 3
    assert rls.graph.degree[top[1]] >= rls.graph.degree[top[2]]


def test_threshold_and_unknown_ids() -> None:
    rls = explorer(RLS)
    assert not is_large(rls.graph) and is_large(rls.graph, threshold=10)
    with pytest.raises(ViewSpecError):
        bounded_view(rls.dataset, rls.graph, ViewSpec(focus="no-such-node"))
