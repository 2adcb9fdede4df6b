"""Layouts are deterministic, layered by tier, and shared by every view."""

from __future__ import annotations

from graph import Explorer, ViewSpec
from graph.network.layout import COMPACT_COLUMN_GAP, compact, compute_layout
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


def test_nodes_do_not_move_when_filters_change() -> None:
    whole = explorer().view(ViewSpec(claims=True))
    for spec in (ViewSpec(), ViewSpec(kinds=("cause",)), ViewSpec(evidence="trial"), ViewSpec(layout="layered")):
        view = explorer().view(spec)
        assert all(view.positions[n] == whole.positions[n] for n in view.graph)


def order(positions: dict[str, tuple[float, float]], axis: int) -> list[str]:
    return sorted(positions, key=lambda node: (positions[node][axis], node))


def test_focus_views_close_gaps_but_keep_every_node_in_order() -> None:
    whole = explorer().view(ViewSpec(claims=True)).positions
    focus = explorer().view(ViewSpec(focus="disease", claims=True)).positions
    assert order(focus, 0) == order({n: whole[n] for n in focus}, 0)
    columns = {x for x, _ in focus.values()}
    assert sorted(columns) == [i * COMPACT_COLUMN_GAP for i in range(len(columns))]


def test_compact_force_layout_shrinks_evenly_to_the_minimum_gap() -> None:
    compacted = compact({"a": (0.0, 0.0), "b": (1000.0, 0.0), "c": (0.0, 500.0)}, "force", {})
    assert compacted == {"a": (0.0, 0.0), "b": (220.0, 0.0), "c": (0.0, 110.0)}
    assert compact({"a": (5.0, 5.0)}, "layered", {"a": 50.0}) == {"a": (5.0, 5.0)}
