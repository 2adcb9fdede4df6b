"""Tours in the format, and check_view: views a dataset declares are checked without the graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import load_dataset
from graph.dataset import Tour, TourStep, check_view, load_sources
from graph.errors import ValidationError, ViewSpecError
from graph.viewspec import ViewSpec
from tests.helpers import DATA, TINY, explorer

TOURS = DATA / "tours.yaml"


def test_tours_load_as_typed_records_with_views() -> None:
    dataset = load_dataset(TOURS)
    assert [tour.id for tour in dataset.tours] == ["iron", "claims"]
    iron = dataset.tour("iron")
    assert isinstance(iron, Tour) and all(isinstance(step, TourStep) for step in iron.steps)
    assert iron.steps[0].caption == "Everything starts with **low iron**."
    assert iron.steps[1].view == ViewSpec(focus="brain_iron", depth=2, direction="out")
    assert iron.steps[2].view == ViewSpec(path_from="low_iron", path_to="disease")
    assert iron.steps[3].view == ViewSpec(evidence="trial", kinds=("treatment", "condition"),
                                          relations=("treats",), layout="force")
    claims = dataset.tour("claims")
    assert claims.steps[0].view == ViewSpec(claims=True, verdicts=("contradicted",))
    assert claims.steps[-1].view == ViewSpec()


def test_a_dataset_without_tours_has_none() -> None:
    assert load_dataset(TINY).tours == ()


def test_tours_can_live_in_their_own_file_of_a_folder() -> None:
    tours = b"tours:\n  - {id: t, title: T, description: D, steps: [{caption: Look., focus: pill}]}\n"
    dataset = load_sources([("a.yaml", TINY.read_bytes()), ("b.yaml", tours)])
    assert dataset.tour("t").steps[0].view.focus == "pill"


def test_every_step_view_the_loader_accepts_can_be_drawn() -> None:
    tiny = explorer(TOURS)
    for tour in tiny.dataset.tours:
        for step in tour.steps:
            assert check_view(tiny.dataset, step.view) == []
            assert tiny.view(step.view).graph.number_of_nodes() > 0


def test_a_fitting_view_has_no_problems() -> None:
    dataset = load_dataset(TINY)
    spec = ViewSpec(focus="claim1", kinds=("cause", "claim"), relations=("treats",), evidence="cohort",
                    claims=True, verdicts=("supported",), path_from="low_iron", path_to="disease")
    assert check_view(dataset, spec) == []


BAD_VIEWS = [
    (ViewSpec(focus="low_irn"), "focus", "focus 'low_irn' is not a node id.", "Did you mean 'low_iron'?"),
    (ViewSpec(path_from="pill", path_to="nowhere"), "to", "to 'nowhere' is not a node id.",
     "Use an id defined under 'nodes'."),
    (ViewSpec(kinds=("cause", "casue")), "kinds", "'casue' in kinds is not a kind id.", "Did you mean 'cause'?"),
    (ViewSpec(relations=("treat",)), "relations", "'treat' in relations is not a relation id.",
     "Did you mean 'treats'?"),
    (ViewSpec(evidence="tiral"), "evidence", "evidence 'tiral' is not an evidence level id.",
     "Did you mean 'trial'?"),
    (ViewSpec(claims=True, verdicts=("wrong",)), "verdicts", "'wrong' in verdicts is not a verdict.",
     "Use one of: supported, partly-supported, unsupported, contradicted, outdated."),
    (ViewSpec(path_to="disease"), "to", "a path needs both 'from' and 'to'; only 'to' is given.",
     "Add 'from', or remove 'to'."),
]


@pytest.mark.parametrize(("spec", "key", "message", "hint"), BAD_VIEWS, ids=[v[1] for v in BAD_VIEWS])
def test_check_view_names_the_key_the_problem_and_a_hint(spec: ViewSpec, key: str, message: str, hint: str) -> None:
    [problem] = check_view(load_dataset(TINY), spec, file="link")
    assert (problem.file, problem.path, problem.message, problem.hint) == ("link", key, message, hint)


@pytest.mark.parametrize("spec", [spec for spec, *_ in BAD_VIEWS if spec.path_from or spec.focus or spec.evidence
                                  or spec.kinds or spec.relations])
def test_views_check_view_rejects_are_refused_when_drawn(spec: ViewSpec) -> None:
    with pytest.raises(ViewSpecError):
        explorer().view(spec)


def test_every_problem_of_a_view_is_reported_at_once() -> None:
    spec = ViewSpec(focus="nowhere", kinds=("x", "y"), path_from="pill")
    assert [p.path for p in check_view(load_dataset(TINY), spec)] == ["focus", "kinds", "kinds", "from"]


def test_tour_problems_point_at_the_step_line(tmp_path: Path) -> None:
    text = TOURS.read_text().replace("        focus: brain_iron", "        focus: brain_irn")
    (tmp_path / "d.yaml").write_text(text)
    line = text.splitlines().index("        focus: brain_irn") + 1
    expected = rf"d\.yaml:{line}: tour 'iron' step 2: focus 'brain_irn' is not a node id"
    with pytest.raises(ValidationError, match=expected):
        load_dataset(tmp_path / "d.yaml")
