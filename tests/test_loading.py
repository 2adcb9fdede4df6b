"""Loading and validation: every broken input ends in clear problems, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph import ValidationError, load_bytes, load_dataset
from graph.dataset.yamlsafe import MAX_FILE_BYTES

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"

# One broken file per problem, with the message (and line) a user must see.
EXPECTED = {
    "malformed.yaml": (15, "YAML syntax error: while parsing a flow mapping"),
    "unknown_edge_node.yaml": (14, "edge source 'iron_defficiency' is not a node id. Did you mean 'iron_deficiency'?"),
    "duplicate_id.yaml": (13, "duplicate node id 'fatigue' (first defined at"),
    "duplicate_key.yaml": (13, "duplicate key 'label' (first at line 12)."),
    "unknown_kind.yaml": (11, "node kind 'couse' is not a kind id. Did you mean 'cause'?"),
    "unknown_relation.yaml": (14, "edge relation 'lead_to' is not a relation id. Did you mean 'leads_to'?"),
    "unknown_evidence.yaml": (14, "edge evidence 'cohrot' is not an evidence level id. Did you mean 'cohort'?"),
    "unknown_reference.yaml": (11, "node references 'ref2' is not a reference id."),
    "missing_field.yaml": (11, "'iron_deficiency' is missing the required key 'summary'"),
    "wrong_type.yaml": (11, "expected a list, e.g. [a, b]."),
    "unknown_key.yaml": (11, "unknown key 'sumary'. Did you mean 'summary'?"),
    "empty.yaml": (1, "the file is empty."),
    "empty_dataset.yaml": (1, "the dataset has no 'nodes' section"),
    "python_tag.yaml": (11, "the tag !!python/object/apply:os.system is not allowed here."),
    "alias_bomb.yaml": (3, "the document expands to too many values"),
    "deep_nesting.yaml": (1, "values are nested more than 40 levels deep."),
    "not_utf8.yaml": (1, "the file is not UTF-8 text (byte 0xe9)."),
    "binary.yaml": (3, "this is a binary file, not YAML text."),
    "tour_unknown_node.yaml": (22, "tour 'iron' step 1: focus 'low_irn' is not a node id. Did you mean 'low_iron'?"),
    "tour_without_steps.yaml": (20, "needs at least 1 tour step."),
    "tour_half_path.yaml": (22, "tour 'iron' step 1: a path needs both 'from' and 'to'; only 'from' is given. "
                                "Add 'to', or remove 'from'."),
    "tour_depth_out_of_range.yaml": (23, "expected a whole number from 1 to 4, got '5'."),
    "tour_duplicate_id.yaml": (22, "duplicate tour id 'iron' (first defined at"),
    "tour_unknown_kind.yaml": (22, "tour 'iron' step 1: 'casue' in kinds is not a kind id. Did you mean 'cause'?"),
    "tour_unknown_relation.yaml": (22, "'lead_to' in relations is not a relation id. Did you mean 'leads_to'?"),
    "tour_unknown_evidence.yaml": (22, "evidence 'cohrot' is not an evidence level id. Did you mean 'cohort'?"),
    "tour_unknown_verdict.yaml": (23, "'suported' is not a valid verdict. Did you mean 'supported'?"),
    "ungraded_level.yaml": (9, "evidence level 'cohort' has no certainty grade. Add 'certainty:', one of high, "
                               "moderate, low, very-low, not-graded."),
    "grade_against_rank.yaml": (9, "evidence level 'good_practice' ranks above 'trial' but its certainty "
                                   "('not-graded') is lower than 'moderate'."),
    "grades_drawn_alike.yaml": (10, "certainty grades 'sure' and 'likely' are both drawn solid."),
}


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        load_dataset(path)
    return [str(problem) for problem in caught.value.problems]


def test_every_expectation_has_its_broken_file() -> None:
    """tests/test_hostile.py checks the whole corpus; these are the messages pinned here."""
    assert set(EXPECTED) <= {p.name for p in BROKEN.glob("*.yaml")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_reports_file_line_and_message(name: str) -> None:
    line, message = EXPECTED[name]
    started = time.process_time()  # CPU, not wall time: others share the machine's cores
    problems = problems_of(BROKEN / name)
    assert time.process_time() - started < 10
    where = f"{name}:{line}: " if line else f"{name}: "
    assert any(where in problem and message in problem for problem in problems), problems


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (BROKEN / "unknown_kind.yaml").read_text()
    text += "edges:\n  - {source: nowhere, target: iron_deficiency, relation: leads_to, evidence: cohort}\n"
    (tmp_path / "two.yaml").write_text(text)
    problems = problems_of(tmp_path / "two.yaml")
    assert len(problems) == 3  # unknown kind, missing references, unknown source
    assert any("is missing the required key 'references'" in p for p in problems)


def test_folder_files_are_merged_in_name_order(tmp_path: Path) -> None:
    tiny = (DATA / "tiny.yaml").read_text()
    head, nodes = tiny.split("nodes:\n", 1)
    (tmp_path / "01-vocabulary.yaml").write_text(head)
    (tmp_path / "02-graph.yaml").write_text("nodes:\n" + nodes)
    merged = load_dataset(tmp_path)
    assert merged == load_dataset(DATA / "tiny.yaml")


def test_meta_given_twice_in_a_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text((DATA / "tiny.yaml").read_text())
    (tmp_path / "b.yaml").write_text("meta: {title: Again}\n")
    assert any("'meta' is given twice" in p for p in problems_of(tmp_path))


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    assert any("no such file or folder" in p for p in problems_of(tmp_path / "nope.yaml"))
    assert any("has no .yaml or .yml files" in p for p in problems_of(tmp_path))


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    assert any("the limit is 5 MB" in p for p in problems_of(huge))


def test_uploaded_bytes_are_validated_like_files() -> None:
    with pytest.raises(ValidationError, match=r"upload\.yaml:1: the file is not UTF-8"):
        load_bytes(b"meta: {title: Caf\xe9}\n", "upload.yaml")


def test_reserved_and_colliding_ids(tmp_path: Path) -> None:
    text = (DATA / "tiny.yaml").read_text().replace("id: cause,", "id: claim,").replace("kind: cause", "kind: claim")
    text = text.replace("id: claim1", "id: pill")
    (tmp_path / "d.yaml").write_text(text)
    problems = problems_of(tmp_path / "d.yaml")
    assert any("the kind id 'claim' is reserved" in p for p in problems)
    assert any("claim id 'pill' is also a node id" in p for p in problems)


def test_evidence_scale_rules(tmp_path: Path) -> None:
    text = (DATA / "tiny.yaml").read_text().replace("rank: 0, label: Claimed", "rank: 3, label: Claimed")
    (tmp_path / "d.yaml").write_text(text)
    problems = problems_of(tmp_path / "d.yaml")
    assert any("evidence rank 3 is used twice" in p for p in problems)
    assert any("the claim-only level 'claimed' must have the lowest rank" in p for p in problems)


def test_valid_dataset_has_typed_records() -> None:
    dataset = load_dataset(DATA / "tiny.yaml")
    pill = dataset.node("pill")
    assert pill.attributes == {"dose_mg": 65, "oral": True}
    assert [t.describe() for t in pill.thresholds] == ["≤ 75 ng/mL", "75–100 ng/mL"]
    edge = dataset.edge("pill--treats--disease")
    assert edge.recommendation is not None
    assert edge.recommendation.describe() == "strong recommendation for (adults; moderate certainty)"
    assert dataset.edge_needs_verification(dataset.edge("low_iron--leads_to--brain_iron"))
    assert not dataset.edge_needs_verification(edge)


def test_meta_reviewed_date_is_kept_as_text() -> None:
    text = (DATA / "tiny.yaml").read_text().replace("licence: CC0-1.0", "licence: CC0-1.0\n  reviewed: 2026-11-24")
    assert load_bytes(text.encode(), "d.yaml").meta.reviewed == "2026-11-24"
