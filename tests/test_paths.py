"""Paths: ranking, direction-aware sentences, no path and self path."""

from __future__ import annotations

from pathlib import Path

from graph import Explorer, View, ViewSpec
from tests.helpers import explorer


def path_view(start: str, end: str, **extra: object) -> View:
    return explorer().view(ViewSpec(path_from=start, path_to=end, **extra))


def test_paths_are_ranked_by_length_then_evidence() -> None:
    view = path_view("low_iron", "pill")
    assert [path.nodes for path in view.paths] == [
        ("low_iron", "pill"), ("low_iron", "brain_iron", "disease", "pill")]


def test_sentences_read_each_step_in_its_real_direction() -> None:
    view = path_view("low_iron", "pill")
    assert view.path_sentences == (
        "Low iron is treated by Iron pill.",
        "Low iron leads to Brain iron deficiency, which is a mechanism of The disease, which is treated by Iron pill.",
    )


def test_path_edges_and_nodes_are_in_the_view() -> None:
    view = path_view("low_iron", "pill", focus="low_iron")
    assert view.path_nodes <= set(view.graph)
    assert ("pill", "low_iron", "pill--treats--low_iron") in view.path_edges


def test_no_path_is_said_plainly() -> None:
    view = path_view("bad_blood", "pill")
    assert view.paths == ()
    assert view.path_sentences[0].startswith("There is no path between Bad blood flow and Iron pill")


def test_claim_layer_does_not_create_paths() -> None:
    assert path_view("bad_blood", "pill", claims=True).paths[0].nodes == ("bad_blood", "disease", "pill")
    assert not path_view("bad_blood", "pill", claims=False).paths


def test_self_path_is_empty_but_explained() -> None:
    view = path_view("pill", "pill")
    assert view.paths[0].nodes == ("pill",)
    assert view.path_sentences == ("Iron pill is both the start and the end: the path is empty.",)


def test_equally_short_paths_are_ranked_by_their_weakest_link_then_their_total() -> None:
    routes = Explorer.from_path(Path(__file__).parent / "data" / "routes.yaml")
    view = routes.view(ViewSpec(path_from="start", path_to="end"))
    middles = [path.nodes[1] for path in view.paths]
    assert middles == ["via_trials", "via_mixed", "via_cohorts", "via_meta", "via_expert"]
    assert [(path.weakest_rank, path.total_rank) for path in view.paths] == [(3, 6), (2, 5), (2, 4), (1, 5), (1, 4)]
