"""Building the NetworkX graph: plain attributes, claims as a layer, nothing lost."""

from __future__ import annotations

from graph import build_graph, load_dataset
from tests.helpers import TINY


def test_nodes_edges_and_claims_are_all_in_the_graph() -> None:
    dataset = load_dataset(TINY)
    graph = build_graph(dataset)
    assert graph.number_of_nodes() == len(dataset.nodes) + len(dataset.claims)
    about_edges = 2 + 1  # claim1 → both ends of its edge; claim2 → pill
    assert graph.number_of_edges() == len(dataset.edges) + about_edges


def test_node_and_edge_attributes_are_plain_values() -> None:
    graph = build_graph(load_dataset(TINY))
    pill = graph.nodes["pill"]
    assert (pill["label"], pill["kind"], pill["tier"], pill["layer"]) == ("Iron pill", "treatment", 3, "evidence")
    assert pill["attributes"] == {"dose_mg": 65, "oral": True}
    assert pill["thresholds"][0]["text"] == "≤ 75 ng/mL"
    edge = graph.edges["pill", "disease", "pill--treats--disease"]
    assert edge["relation"] == "treats" and edge["evidence"] == "trial" and edge["evidence_rank"] == 3
    assert edge["recommendation"]["strength"] == "strong"


def test_claim_only_edges_and_claims_form_the_claims_layer() -> None:
    graph = build_graph(load_dataset(TINY))
    disputed = graph.edges["bad_blood", "disease", "bad_blood--causes--disease"]
    assert disputed["layer"] == "claims" and disputed["claims"] == ["claim1"]
    assert graph.nodes["claim1"]["kind"] == "claim" and graph.nodes["claim1"]["verdict"] == "contradicted"
    assert set(graph.successors("claim1")) == {"bad_blood", "disease"}


def test_building_does_not_depend_on_run() -> None:
    dataset = load_dataset(TINY)
    first, second = build_graph(dataset), build_graph(dataset)
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))
