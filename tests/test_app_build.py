"""Build mode in the app, driven with AppTest on the tiny dataset: links added from the keyboard's
lists, kept through reruns and changes of level, removed, checked with the library's score, saved
as the student-map JSON and loaded back; a view too big to rebuild and a bad file each say why."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from streamlit.testing.v1 import AppTest

from graph import Explorer, ViewSpec
from graph.errors import ValidationError
from graph.teaching.concept_map import MapLink, map_to_json
from graph.teaching.map_scoring import score_links
from graph.teaching.map_task import make_task
from tests.helpers import ROOT, TINY, checked, plain, run_app
from ui.build import PANEL, checked_map, link_for, saved_map, score_line

FOCUS = {"dataset": "tiny", "focus": "disease", "depth": "2"}
SPEC = ViewSpec(focus="disease", depth=2)


@pytest.fixture(autouse=True)
def tiny_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_DATASETS", str(TINY))


@cache
def tiny() -> Explorer:
    return Explorer.from_path(TINY)


def open_build(**query: str) -> AppTest:
    at = run_app(**query)
    at.session_state[PANEL] = True
    return checked(at.run())


def add(at: AppTest, source: str, relation: str, target: str) -> AppTest:
    at.selectbox(key="build_from").set_value(source)
    at.selectbox(key="build_relation").set_value(relation)
    at.selectbox(key="build_to").set_value(target)
    return checked(at.button(key="build_add").click().run())


def drawn(at: AppTest, level: str = "skeleton") -> list[MapLink]:
    return at.session_state["session"].maps.links[(tiny().dataset.meta.title, SPEC, level)]


def texts(at: AppTest) -> list[str]:
    return [element.value for element in at.main.markdown]


def test_links_from_the_lists_are_kept_through_reruns_and_levels_and_can_be_removed() -> None:
    at = add(open_build(**FOCUS), "low_iron", "leads_to", "brain_iron")
    at = add(at, "disease", "treats~inverse", "pill")
    assert drawn(at) == [MapLink("low_iron", "leads_to", "brain_iron"), MapLink("disease", "treats", "pill", True)]
    assert "The disease is treated by Iron pill" in texts(checked(at.run()))
    at.radio(key="build_level").set_value("memory")
    at = add(checked(at.run()), "pill", "treats", "low_iron")
    at.radio(key="build_level").set_value("skeleton")
    checked(at.run())
    assert len(drawn(at)) == 2 and drawn(at, "memory") == [MapLink("pill", "treats", "low_iron")]
    checked(at.button(key="build_remove_0").click().run())
    assert drawn(at) == [MapLink("disease", "treats", "pill", True)]


def test_check_shows_the_librarys_score_and_every_links_verdict() -> None:
    at = add(open_build(**FOCUS), "pill", "treats", "brain_iron")
    checked(at.button(key="build_check").click().run())
    task = make_task(tiny().view(SPEC), "skeleton")
    expected = score_links(tiny(), task, (MapLink("pill", "treats", "brain_iron"),))
    shown = [plain(text) for text in texts(at)]
    assert score_line(expected) in shown
    assert any(text.startswith("- **not in the map**: Iron pill treats Brain iron deficiency.") for text in shown)
    assert sum(text.startswith("- **missing**: ") for text in shown) == len(task.to_find)


def test_the_saved_map_matches_the_schema_and_loads_back_as_drawn() -> None:
    at = add(open_build(**FOCUS), "low_iron", "leads_to", "brain_iron")
    task = make_task(tiny().view(SPEC), "skeleton")
    key = (tiny().dataset.meta.title, SPEC, "skeleton")
    text = map_to_json(saved_map(key, task, tuple(drawn(at)), "Ana"))
    jsonschema.validate(json.loads(text), json.loads((ROOT / "schema" / "student-map.schema.json").read_text()))
    loaded = checked_map(tiny(), text.encode(), "ana.json")
    assert (loaded.links, loaded.spec, loaded.level, loaded.student) == (tuple(drawn(at)), SPEC, "skeleton", "Ana")


def test_a_map_from_another_dataset_or_with_unknown_ids_is_refused_with_its_file() -> None:
    record = json.loads((Path(__file__).parent / "data" / "maps" / "ana.json").read_text())
    with pytest.raises(ValidationError, match=r"ana\.json: was built on 'Elsewhere'"):
        checked_map(tiny(), json.dumps({**record, "dataset": "Elsewhere"}).encode(), "ana.json")
    bad = {**record, "links": [{"source": "nobody", "relation": "treats", "target": "disease"}]}
    with pytest.raises(ValidationError, match=r"links\[0\]: source 'nobody' is not a node"):
        checked_map(tiny(), json.dumps(bad).encode(), "ana.json")


def test_a_relation_choice_reads_forwards_or_by_its_inverse() -> None:
    assert link_for("treats~inverse", "disease", "pill").proposition == ("pill", "treats", "disease")
    assert link_for("treats", "pill", "disease").proposition == ("pill", "treats", "disease")


def test_a_view_too_big_to_rebuild_says_how_to_narrow_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.build.MAX_NODES", 2)
    at = open_build(**FOCUS)
    assert any("Build mode needs a view that fits a screen" in info.value for info in at.info)
