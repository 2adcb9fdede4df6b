"""Layouts are deterministic, layered by tier, and shared by every view."""

from __future__ import annotations

from graph import Explorer, ViewSpec
from graph.layout import compute_layout
from tests.helpers import TINY, explorer


def test_layouts_are_identical_across_runs() -> None:
    first, second = Explorer.from_path(TINY), Explorer.from_path(TINY)
    for name in ("layered", "force"):
        assert first.positions(name) == second.positions(name)


def test_layered_columns_follow_tiers() -> None:
    positions = compute_layout(explorer().graph, "layered")
    graph = explorer().graph
    by_tier = sorted(graph.nodes, key=lambda n: graph.nodes[n]["tier"])
    xs = [positions[n][0] for n in by_tier]
    assert xs == sorted(xs)
    assert positions["low_iron"][0] < positions["brain_iron"][0] < positions["disease"][0] < positions["pill"][0]


def test_nodes_do_not_move_when_the_view_changes() -> None:
    whole = explorer().view(ViewSpec(claims=True))
    for spec in (ViewSpec(focus="disease"), ViewSpec(kinds=("cause",)), ViewSpec(evidence="trial")):
        view = explorer().view(spec)
        assert all(view.positions[n] == whole.positions[n] for n in view.graph)
