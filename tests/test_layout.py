"""Layouts are deterministic, layered by tier, spaced by label size, and shared by every view."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from graph import Explorer, ViewSpec
from graph.network.layout import (
    Extent,
    Positions,
    compute_layout,
    default_extents,
    extent,
    remove_overlaps,
    wrap_label,
)
from graph.network.view import View
from graph.present.arrange import TARGET_PX
from graph.present.placement import MAX_ZOOM, fit_scale
from graph.present.styled import styled_view
from tests.helpers import RLS, ROOT, TINY, explorer


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
        assert all(drawn(view)[n] == drawn(whole)[n] for n in view.graph)


def drawn(view: View) -> Positions:
    """Where the view's nodes are drawn, in every export and on screen."""
    return {node.id: node.position for node in styled_view(view, cluster_above=None).nodes}


def boxes_overlap(positions: dict, extents: dict) -> list[tuple[str, str]]:
    def box(node: str) -> tuple[float, float, float, float]:
        (x, y), e = positions[node], extents[node]
        return x - e.width / 2, y - e.above, x + e.width / 2, y + e.below

    return [(a, b) for a, b in itertools.combinations(sorted(positions), 2)
            if box(a)[0] < box(b)[2] and box(b)[0] < box(a)[2] and box(a)[1] < box(b)[3] and box(b)[1] < box(a)[3]]


@pytest.mark.parametrize("focus", ["iron_deficiency", "augmentation", "gene_meis1", "rls"])
def test_focus_views_are_laid_out_afresh_with_room_for_every_label(focus: str) -> None:
    view = Explorer.from_path(RLS).view(ViewSpec(focus=focus))
    styled = styled_view(view, cluster_above=None)
    positions = {node.id: node.position for node in styled.nodes}
    assert boxes_overlap(positions, styled.extents) == []
    if view.graph.number_of_nodes() <= 20:  # the big one is grouped by the styled view
        smallest = min(node.font_size for node in styled.nodes)
        assert smallest * min(fit_scale(positions, styled.extents), MAX_ZOOM) >= TARGET_PX


def test_whole_graph_layout_leaves_room_for_every_label() -> None:
    graph = Explorer.from_path(RLS).graph
    assert boxes_overlap(compute_layout(graph, "layered"), default_extents(graph)) == []


def test_labels_wrap_at_whole_words_and_boxes_grow_with_them() -> None:
    assert wrap_label("Restless legs syndrome (Willis–Ekbom disease)") == [
        "Restless legs", "syndrome", "(Willis–Ekbom", "disease)"]
    one, three = extent("Pill", "box"), extent("Restless legs syndrome (Willis–Ekbom disease)", "box")
    assert one.width < three.width and one.height < three.height
    below = extent("Pill", "dot")
    assert below.below > below.above  # the label hangs below a dot


def test_overlapping_nodes_are_pushed_apart_and_the_rest_stays() -> None:
    boxes = {n: Extent(100.0, 20.0, 20.0) for n in "abc"}
    crowded = {"a": (0.0, 0.0), "b": (10.0, 0.0), "c": (0.0, 300.0)}
    apart = remove_overlaps(crowded, boxes, gap=10.0)
    assert boxes_overlap(apart, boxes) == []
    assert apart["b"][1] - apart["a"][1] == pytest.approx(50.0)  # the shorter way out: one above the other
    assert apart["c"] == (0.0, 300.0)


@pytest.mark.parametrize("focus", ["rls", "iron_deficiency"])
def test_force_focus_views_leave_room_for_every_label(focus: str) -> None:
    view = Explorer.from_path(RLS).view(ViewSpec(focus=focus, layout="force"))
    styled = styled_view(view, cluster_above=None)
    assert boxes_overlap({node.id: node.position for node in styled.nodes}, styled.extents) == []


def test_fitted_layout_is_the_same_in_another_process_with_another_hash_seed() -> None:
    script = ("from graph import Explorer, ViewSpec; from graph.present import styled_view; "
              "e = Explorer.from_path('data/rls'); "
              "print(sorted((n.id, n.position) for n in styled_view(e.view(ViewSpec(focus='rls'))).nodes), "
              "sorted(e.positions('layered').items()))")
    runs = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2")}
    assert len(runs) == 1 and len(next(iter(runs))) > 1000


def test_a_grouped_force_view_lays_out_each_open_group_without_overlaps() -> None:
    view = Explorer.from_path(RLS).view(ViewSpec(layout="force"))
    styled = styled_view(view)
    assert styled.clusters
    for cluster in styled.clusters:
        assert set(cluster.members) <= set(cluster.positions)
        assert boxes_overlap(cluster.positions, styled.extents) == []
