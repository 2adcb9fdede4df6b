"""Quality rules of ``graph.dataset.lint`` on the tiny dataset and broken copies of it."""

from __future__ import annotations

import dataclasses

from graph import load_bytes
from graph.dataset.lint import (
    authoring_notes,
    lint_dataset,
    overstated_disputed_edges,
    resting_on_claim_sources,
    shared_colours,
    student_texts,
)
from graph.dataset.vocabulary import KIND_PALETTE
from tests.helpers import explorer


def test_the_tiny_dataset_has_no_quality_problems() -> None:
    assert lint_dataset(explorer().dataset) == []


def test_student_texts_cover_meta_nodes_attributes_thresholds_edges_and_claims() -> None:
    wheres = {where for where, _ in student_texts(explorer().dataset)}
    assert {"meta description", "node 'pill' summary", "node 'pill' threshold meaning",
            "edge 'low_iron--leads_to--brain_iron' note", "claim 'claim1' note",
            "evidence level 'trial' label", "relation 'treats' inverse"} <= wheres


def test_authoring_notes_are_reported_where_students_read_them() -> None:
    dataset = explorer().dataset
    pill = dataclasses.replace(dataset.node("pill"), summary="Oral iron (dose not verified).")
    claim = dataclasses.replace(dataset.claims[0], note="TODO: find the cohort.")
    broken = dataclasses.replace(
        dataset, nodes=tuple(pill if n.id == "pill" else n for n in dataset.nodes), claims=(claim,))
    messages = authoring_notes(broken)
    assert len(messages) == 2
    assert "node 'pill' summary says 'not verified'" in messages[0]
    assert "claim 'claim1' note says 'TODO'" in messages[1]


def test_a_link_resting_only_on_a_claim_source_must_be_a_claim() -> None:
    dataset = explorer().dataset
    claimed = dataset.edge("bad_blood--causes--disease")
    assert resting_on_claim_sources(dataset) == []
    stated = dataclasses.replace(claimed, evidence="cohort")
    broken = dataclasses.replace(
        dataset, edges=tuple(stated if e.id == claimed.id else e for e in dataset.edges))
    (message,) = resting_on_claim_sources(broken)
    assert message.startswith("edge 'bad_blood--causes--disease' rests only on web")


def test_a_disputed_claim_may_point_at_the_evidence_against_it() -> None:
    dataset = explorer().dataset
    claim = dataclasses.replace(dataset.claims[0], about_edges=(
        "bad_blood--causes--disease", "low_iron--leads_to--brain_iron"))
    assert overstated_disputed_edges(dataclasses.replace(dataset, claims=(claim,))) == []
    restated = dataclasses.replace(dataset.edge("bad_blood--causes--disease"), evidence="cohort")
    broken = dataclasses.replace(dataset, claims=(claim,), edges=tuple(
        restated if e.id == restated.id else e for e in dataset.edges))
    (message,) = overstated_disputed_edges(broken)
    assert message.startswith("edge 'bad_blood--causes--disease' is disputed by claim 'claim1'")


SHARED_COLOUR = """\
meta: {title: Colours}
kinds:
  - {id: cause, label: Cause, colour: "#CC79A7", shape: diamond, tier: 0}
  - id: lifestyle
    label: Lifestyle
    colour: "#cc79a7"
    shape: star
    tier: 1
relations: [{id: helps, label: helps, inverse: is helped by}]
evidence: [{id: book, rank: 1, label: Book, certainty: high}]
references: [{id: ref, citation: A book., kind: book, verification: verified}]
nodes:
  - {id: a, label: A, kind: cause, summary: A., references: [ref]}
  - {id: b, label: B, kind: lifestyle, summary: B., references: [ref]}
edges: [{source: a, target: b, relation: helps, evidence: book, references: [ref]}]
"""


def test_kinds_sharing_a_colour_are_reported_at_the_second_colour_with_both_ids() -> None:
    dataset = load_bytes(SHARED_COLOUR.encode(), "colours.yaml")
    (problem,) = lint_dataset(dataset, "colours.yaml")
    assert (problem.file, problem.line) == ("colours.yaml", 6)
    assert problem.message.startswith("kinds 'cause' and 'lifestyle' share the colour #cc79a7")
    assert "leave 'colour' out" in problem.hint


def test_kinds_without_a_colour_take_palette_colours_no_other_kind_declares() -> None:
    palette_first = f'colour: "{KIND_PALETTE[0]}"'
    text = SHARED_COLOUR.replace('colour: "#CC79A7", ', "").replace('colour: "#cc79a7"', palette_first)
    dataset = load_bytes(text.encode(), "colours.yaml")
    assert [kind.colour for kind in dataset.kinds] == [KIND_PALETTE[1], KIND_PALETTE[0]]
    assert dataset.colour_origins["cause"].line == 3
    assert len(set(KIND_PALETTE)) == len(KIND_PALETTE)
    assert shared_colours(dataset) == []
