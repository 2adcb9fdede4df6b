"""Views: filters, neighbourhoods, pinned nodes, counts and errors."""

from __future__ import annotations

import pytest

from graph import ViewSpec, ViewSpecError
from tests.helpers import explorer


def nodes_of(spec: ViewSpec) -> set[str]:
    return set(explorer().view(spec).graph)


def test_default_view_hides_the_claims_layer() -> None:
    view = explorer().view()
    assert "claim1" not in view.graph
    assert not view.graph.has_edge("bad_blood", "disease")
    assert view.hidden_nodes == 2 and view.hidden_edges == 4


def test_claims_layer_shows_claims_and_disputed_edges() -> None:
    view = explorer().view(ViewSpec(claims=True))
    assert {"claim1", "claim2"} <= set(view.graph)
    assert view.graph.has_edge("bad_blood", "disease")


@pytest.mark.parametrize(("direction", "depth", "expected"), [
    ("out", 1, {"brain_iron", "disease"}),
    ("in", 1, {"brain_iron", "low_iron"}),
    ("both", 1, {"brain_iron", "low_iron", "disease"}),
    ("out", 2, {"brain_iron", "disease"}),
    ("in", 2, {"brain_iron", "low_iron", "pill"}),
])
def test_neighbourhood_follows_direction_and_depth(direction: str, depth: int, expected: set[str]) -> None:
    assert nodes_of(ViewSpec(focus="brain_iron", depth=depth, direction=direction)) == expected


def test_kind_relation_and_evidence_filters() -> None:
    assert nodes_of(ViewSpec(kinds=("cause",))) == {"low_iron", "bad_blood"}
    view = explorer().view(ViewSpec(relations=("treats",)))
    assert {data["relation"] for *_, data in view.graph.edges(data=True)} == {"treats"}
    strong = explorer().view(ViewSpec(evidence="trial"))
    assert {data["evidence"] for *_, data in strong.graph.edges(data=True)} == {"trial"}


def test_focus_stays_visible_when_its_kind_is_filtered_out() -> None:
    assert "pill" in nodes_of(ViewSpec(focus="pill", kinds=("cause",)))


def test_expanding_a_node_adds_it_and_its_neighbours_to_the_view() -> None:
    focus = ViewSpec(focus="brain_iron", direction="out")
    assert nodes_of(focus) == {"brain_iron", "disease"}
    assert nodes_of(focus.with_changes(expanded=("low_iron",))) == {"brain_iron", "disease", "low_iron", "pill"}
    filtered = focus.with_changes(expanded=("low_iron",), kinds=("mechanism",))
    assert nodes_of(filtered) == {"brain_iron", "low_iron"}, "the filters still apply to the neighbours"


def test_hiding_a_node_leaves_it_out_and_paths_go_around_it() -> None:
    assert nodes_of(ViewSpec(hidden=("brain_iron",))) == {"bad_blood", "disease", "low_iron", "pill"}
    assert nodes_of(ViewSpec(focus="brain_iron", hidden=("brain_iron", "disease"))) == {"brain_iron", "low_iron"}
    around = explorer().view(ViewSpec(path_from="low_iron", path_to="disease", hidden=("brain_iron",)))
    assert around.path_sentences == ("Low iron is treated by Iron pill, which treats The disease.",)


def test_expanded_and_hidden_nodes_must_exist() -> None:
    with pytest.raises(ViewSpecError, match=r"'pil' in expand is not a node id\. Did you mean 'pill'"):
        explorer().view(ViewSpec(expanded=("pil",)))
    with pytest.raises(ViewSpecError, match=r"'diseas' in hide is not a node id"):
        explorer().view(ViewSpec(hidden=("diseas",)))


def test_unknown_ids_are_reported_with_a_suggestion() -> None:
    with pytest.raises(ViewSpecError, match=r"focus 'low_irn' is not a node id\. Did you mean 'low_iron'"):
        explorer().view(ViewSpec(focus="low_irn"))
    with pytest.raises(ViewSpecError, match=r"'cuase' in kinds is not a kind id\. Did you mean 'cause'"):
        explorer().view(ViewSpec(kinds=("cuase",)))
    with pytest.raises(ViewSpecError, match="depth must be 1 to 4"):
        ViewSpec(depth=5)


def test_titles_describe_the_view() -> None:
    assert explorer().view(ViewSpec(focus="pill")).title == "Tiny test graph: around Iron pill"
    assert explorer().view(ViewSpec(path_from="low_iron", path_to="pill")).title == (
        "Tiny test graph: from Low iron to Iron pill")
