"""Guided tours at run time: positions, stepping, links, and the tours the RLS dataset ships.

The runtime is tested on tests/data/learning.yaml (a tiny dataset with two tours); the RLS tours
are checked for what the issue asks of them: at least three tours of at least four steps, the
three named stories, and every step a small view (a depth-1 focus, or a path with a focus).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from graph import Explorer, ViewSpec, ViewSpecError
from graph.teaching.tours import TourPosition, position_from_query, start_tour, without_tour

ROOT = Path(__file__).resolve().parent.parent
TOURS = ROOT / "tests" / "data" / "learning.yaml"
RLS = ROOT / "data" / "rls"
MAX_STEP_NODES = 12
RLS_TOURS = {
    "iron-to-urge": "From iron to the urge to move",
    "dopamine-agonists": "Why dopamine agonists fell out of favour",
    "vascular-claims": "Claims versus evidence: the vascular story",
}


@cache
def explorer(path: Path = TOURS) -> Explorer:
    return Explorer.from_path(path)


def test_a_position_knows_its_step_view_and_progress() -> None:
    position = start_tour(explorer().dataset, "iron-story", 2)
    assert position.step.caption.startswith("Low iron in the body leads to")
    assert position.spec == ViewSpec(path_from="low_iron", path_to="disease")
    assert position.progress == "Step 2 of 4"
    assert not position.is_first and not position.is_last
    assert position.query() == {"tour": "iron-story", "step": "2"}


def test_next_and_previous_walk_the_steps_and_stop_at_the_ends() -> None:
    first = start_tour(explorer().dataset, "iron-story")
    assert first.is_first and first.previous() == first
    walked = [first]
    while not walked[-1].is_last:
        walked.append(walked[-1].next())
    assert [p.number for p in walked] == [1, 2, 3, 4]
    assert walked[-1].next() == walked[-1]
    assert walked[-1].previous() == walked[2]
    assert [p.spec for p in walked] == [step.view for step in explorer().dataset.tour("iron-story").steps]


def test_every_step_view_draws() -> None:
    for tour in explorer().dataset.tours:
        for number in range(1, len(tour.steps) + 1):
            view = explorer().view(start_tour(explorer().dataset, tour.id, number).spec)
            assert view.graph.number_of_nodes() >= 2


@pytest.mark.parametrize(("query", "expected"), [
    ({}, None),
    ({"focus": "low_iron"}, None),
    ({"tour": "treatments"}, ("treatments", 1)),
    ({"tour": "iron-story", "step": "3", "focus": "pill"}, ("iron-story", 3)),
])
def test_a_link_opens_a_step(query: dict[str, str], expected: tuple[str, int] | None) -> None:
    position = position_from_query(explorer().dataset, query)
    assert (position.tour.id, position.number) == expected if position else expected is None


@pytest.mark.parametrize(("query", "message"), [
    ({"tour": "iron-stroy"}, "'iron-stroy' is not a tour of this dataset. Did you mean 'iron-story'?"),
    ({"tour": "nothing-like"}, "'nothing-like' is not a tour of this dataset. Its tours: iron-story, treatments."),
    ({"tour": "iron-story", "step": "5"}, "tour 'iron-story' has steps 1 to 4, not 5."),
    ({"tour": "iron-story", "step": "0"}, "tour 'iron-story' has steps 1 to 4, not 0."),
    ({"tour": "iron-story", "step": "two"}, "the tour step must be a number from 1, got 'two'."),
    ({"tour": "iron-story", "step": "-1"}, "the tour step must be a number from 1, got '-1'."),
], ids=["misspelt", "unknown", "past-the-end", "zero", "word", "negative"])
def test_a_bad_tour_link_says_what_is_wrong(query: dict[str, str], message: str) -> None:
    with pytest.raises(ViewSpecError) as caught:
        position_from_query(explorer().dataset, query)
    assert str(caught.value) == message


def test_a_dataset_without_tours_says_so() -> None:
    with pytest.raises(ViewSpecError, match="It has no tours"):
        start_tour(explorer(ROOT / "tests" / "data" / "tiny.yaml").dataset, "any")


def test_leaving_a_tour_keeps_the_rest_of_the_link() -> None:
    query = {"dataset": "rls", "focus": "rls", "tour": "iron-story", "step": "2", "lti": "x"}
    assert without_tour(query) == {"dataset": "rls", "focus": "rls", "lti": "x"}


def test_positions_outside_the_tour_cannot_exist() -> None:
    tour = explorer().dataset.tour("treatments")
    with pytest.raises(ViewSpecError):
        TourPosition(tour, 3)


# The RLS tours -----------------------------------------------------------------------------------

def test_rls_ships_the_three_stories_with_four_steps_or_more() -> None:
    tours = {tour.id: tour for tour in explorer(RLS).dataset.tours}
    assert {tour_id: tours[tour_id].title for tour_id in RLS_TOURS} == RLS_TOURS
    assert all(len(tour.steps) >= 4 for tour in tours.values())


@pytest.mark.parametrize("tour_id", list(RLS_TOURS))
def test_rls_tour_steps_are_small_views(tour_id: str) -> None:
    """A depth-1 focus (with a path at most), filtered to a dozen nodes: legible as drawn."""
    for number, step in enumerate(explorer(RLS).dataset.tour(tour_id).steps, start=1):
        spec = step.view
        assert spec.focus and spec.depth == 1, f"{tour_id} step {number} is not a depth-1 focus"
        view = explorer(RLS).view(spec)
        assert 3 <= view.graph.number_of_nodes() <= MAX_STEP_NODES, f"{tour_id} step {number}"
        assert not spec.wants_path or view.paths, f"{tour_id} step {number}: no path found"
        assert step.caption.strip() and len(step.caption) <= 400
