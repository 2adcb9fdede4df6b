"""Concept maps rebuilt by students, scored against the graph with hand-computed precision and recall.

tests/data/tiny.yaml's evidence links, the truth here: low_iron leads_to brain_iron, brain_iron
mechanism_of disease, pill treats disease, pill treats low_iron (bad_blood causes disease is only
claimed, so it is not a fact to find).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from graph import Explorer, ValidationError, ViewSpec
from graph.export.csv_export import csv_text
from graph.teaching.concept_map import MapLink, StudentMap, map_from_bytes, map_to_json
from graph.teaching.map_overlay import (
    LINK_COLUMNS,
    STUDENT_COLUMNS,
    class_overlay,
    overlay_link_rows,
    overlay_student_rows,
)
from graph.teaching.map_scoring import MISSING, NOT_IN_MAP, REVERSED, RIGHT, WRONG_RELATION, score_map
from graph.teaching.map_task import make_task

ROOT = Path(__file__).resolve().parent.parent
TRUTH = [("low_iron", "leads_to", "brain_iron"), ("brain_iron", "mechanism_of", "disease"),
         ("pill", "treats", "disease"), ("pill", "treats", "low_iron")]


@pytest.fixture(scope="module")
def tiny() -> Explorer:
    return Explorer.from_path(ROOT / "tests" / "data" / "tiny.yaml")


def built(links: list[MapLink], level: str = "kit", seed: int = 0) -> StudentMap:
    return StudentMap(dataset="Tiny test graph", spec=ViewSpec(), level=level, links=tuple(links), seed=seed)


def test_an_identical_map_scores_full_marks(tiny: Explorer) -> None:
    score = score_map(tiny, built([MapLink(*p) for p in TRUTH]))
    assert (score.drawn, score.right, score.precision, score.recall) == (4, 4, 1.0, 1.0)
    assert score.of(MISSING) == ()


def test_each_kind_of_mistake_is_scored_as_the_rule_says(tiny: Explorer) -> None:
    links = [MapLink("disease", "treats", "pill", inverse=True),  # "The disease is treated by the pill"
             MapLink("disease", "mechanism_of", "brain_iron"),  # the right pair, backwards
             MapLink("low_iron", "causes", "brain_iron"),  # the right pair, another relation
             MapLink("bad_blood", "causes", "low_iron")]  # nothing in the map
    score = score_map(tiny, built(links))
    assert [v.verdict for v in score.verdicts] == [RIGHT, REVERSED, WRONG_RELATION, NOT_IN_MAP,
                                                   MISSING, MISSING, MISSING]
    assert (score.drawn, score.right, score.to_find) == (4, 1, 4)
    assert score.precision == pytest.approx(1 / 4) and score.recall == pytest.approx(1 / 4)
    assert {v.link for v in score.of(MISSING)} == {TRUTH[0], TRUTH[1], TRUTH[3]}


def test_feedback_comes_from_the_edge_and_says_when_nothing_links_two_nodes(tiny: Explorer) -> None:
    score = score_map(tiny, built([MapLink("low_iron", "causes", "brain_iron"),
                                   MapLink("bad_blood", "causes", "low_iron")]))
    wrong, absent = score.verdicts[:2]
    assert wrong.feedback.startswith("The map: Low iron leads to Brain iron deficiency. Seen in autopsy.")
    assert "Cohort study" in wrong.feedback and "ref2" in wrong.feedback
    assert absent.feedback == "The map states no evidence link between Bad blood flow and Low iron."


def test_a_skeleton_leaves_a_few_links_to_add_and_scores_only_those(tiny: Explorer) -> None:
    task = make_task(tiny.view(ViewSpec()), "skeleton", seed=3)
    assert len(task.to_find) == 1 and len(task.given) == 3
    missing = task.to_find[0]
    score = score_map(tiny, built([*task.given, MapLink(*missing)], level="skeleton", seed=3))
    assert (score.drawn, score.right, score.precision, score.recall) == (1, 1, 1.0, 1.0)
    assert make_task(tiny.view(ViewSpec()), "skeleton", seed=3) == task


def test_a_kit_holds_one_piece_per_link_to_find(tiny: Explorer) -> None:
    task = make_task(tiny.view(ViewSpec()), "kit")
    assert sorted(task.kit) == sorted(relation for _, relation, _ in TRUTH)
    assert set(task.to_find) == set(TRUTH) and task.given == ()


def test_a_saved_map_loads_back_and_matches_its_schema() -> None:
    student_map = StudentMap("Tiny test graph", ViewSpec(focus="pill"), "kit",
                             (MapLink("pill", "treats", "disease"),), student="Ana", seed=2)
    text = map_to_json(student_map)
    schema = json.loads((ROOT / "schema" / "student-map.schema.json").read_text())
    jsonschema.validate(json.loads(text), schema)
    assert map_from_bytes(text.encode(), "ana.json") == student_map


def test_a_broken_map_file_lists_every_problem() -> None:
    bad = {"format": "knowledge-graph-explorer/student-map", "level": "guess", "links": [{"source": 1}, "x"]}
    with pytest.raises(ValidationError) as caught:
        map_from_bytes(json.dumps(bad).encode(), "bad.json")
    assert [p.message for p in caught.value.problems] == [
        "level 'guess' is not one of skeleton, kit, memory.",
        "links[0] needs text fields source, relation and target.",
        "links[1] needs text fields source, relation and target."]
    with pytest.raises(ValidationError, match=r"nope\.json:1: is not valid JSON"):
        map_from_bytes(b"{", "nope.json")


def test_a_class_overlay_counts_each_link_and_ranks_misconceptions(tiny: Explorer) -> None:
    wrong = MapLink("bad_blood", "causes", "low_iron")
    maps = {"Ana": built([wrong]), "Ben": built([MapLink(*TRUTH[2]), wrong]), "Cy": built([MapLink(*TRUTH[2])])}
    overlay = class_overlay([(name, m, score_map(tiny, m)) for name, m in maps.items()])
    counts = {link.link: link.students for link in overlay.links}
    assert counts[TRUTH[2]] == 2 and counts[wrong.proposition] == 2 and counts[TRUTH[0]] == 0
    assert [link.link for link in overlay.misconceptions] == [wrong.proposition]
    labels = {n: d["label"] for n, d in tiny.graph.nodes(data=True)}
    phrases = {r.id: r.label for r in tiny.dataset.relations}
    links = csv_text(overlay_link_rows(overlay, labels, phrases), LINK_COLUMNS)
    assert "Bad blood flow,causes,Low iron,2,3,not in the map" in links
    assert "Iron pill,treats,The disease,2,3,right" in links
    assert csv_text(overlay_student_rows(overlay), STUDENT_COLUMNS).splitlines()[2] == "Ben,kit,2,1,3,0.50,0.25"


def test_the_cli_scores_a_map_and_writes_a_class_overlay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    tiny = str(ROOT / "tests" / "data" / "tiny.yaml")
    ana = tmp_path / "ana.json"
    ana.write_text(map_to_json(built([MapLink("disease", "treats", "pill", inverse=True),
                                      MapLink("bad_blood", "causes", "low_iron")])))
    assert main(["score", str(ana), "--dataset", tiny]) == 0
    out = capsys.readouterr().out
    assert out.startswith("right: Iron pill treats The disease\n")
    assert out.endswith("Map (kit): 2 links drawn, 1 right; precision 50% (1 of 2), recall 25% (1 of 4).\n")
    assert main(["overlay", str(ana), str(ana), "-o", str(tmp_path / "class.csv"), "--dataset", tiny]) == 0
    assert (tmp_path / "class.students.csv").read_text(encoding="utf-8-sig").splitlines()[1:] == [
        "ana,kit,2,1,3,0.50,0.25", "ana,kit,2,1,3,0.50,0.25"]
    assert main(["score", str(ana)]) == 1
    assert "was built on 'Tiny test graph'" in capsys.readouterr().err


def test_the_class_overlay_keeps_a_label_that_starts_like_a_formula_inert(tmp_path: Path) -> None:
    from graph.cli import main

    dataset = tmp_path / "formula.yaml"
    dataset.write_text((ROOT / "tests" / "data" / "tiny.yaml").read_text().replace(
        "    label: Low iron\n", '    label: "=HYPERLINK(\\"http://evil.example\\")"\n'))
    ana = tmp_path / "ana.json"
    ana.write_text(map_to_json(built([MapLink("low_iron", "leads_to", "brain_iron")])))
    assert main(["overlay", str(ana), "-o", str(tmp_path / "class.csv"), "--dataset", str(dataset)]) == 0
    cells = [row.split(",")[0] for row in (tmp_path / "class.csv").read_text(encoding="utf-8-sig").splitlines()]
    assert any(cell.startswith('"\'=HYPERLINK') or cell.startswith("'=HYPERLINK") for cell in cells)
    assert not any(cell.startswith(("=", '"=')) for cell in cells)


def test_a_map_naming_what_the_dataset_lacks_lists_every_unknown_id(tiny: Explorer) -> None:
    stale = built([MapLink("pil", "treats", "disease"), MapLink("pill", "cures", "nowhere")])
    with pytest.raises(ValidationError) as caught:
        score_map(tiny, stale, "ana.json")
    assert [str(problem) for problem in caught.value.problems] == [
        "ana.json: links[0]: source 'pil' is not a node of this dataset. Did you mean 'pill'?",
        "ana.json: links[1]: relation 'cures' is not a relation of this dataset. Did you mean 'causes'?",
        "ana.json: links[1]: target 'nowhere' is not a node of this dataset."]
