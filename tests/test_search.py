"""Search ranking: exact names first, then whole-word prefixes, prefixes, word starts, substrings, misspellings."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph import Explorer
from graph.network.search import CONTAINS, EXACT, FUZZY, PREFIX, WHOLE_WORDS, WORD_PREFIX, match_rank, search

CLINIC = Path(__file__).parent / "data" / "app" / "clinic.yaml"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return Explorer.from_path(CLINIC).graph


@pytest.mark.parametrize(("name", "needle", "rank"), [
    ("Iron deficiency", "iron deficiency", EXACT),
    ("Restless legs syndrome", "restless", WHOLE_WORDS),
    ("Augmentation", "augment", PREFIX),
    ("Brain iron deficiency", "iron", WORD_PREFIX),
    ("Calcium-channel ligand", "channel", WORD_PREFIX),
    ("Hyperferritinaemia", "ferritin", CONTAINS),
    ("Serum ferritin", "serum feritin", FUZZY),
    ("Serum ferritin", "kidney", None),
])
def test_match_rank(name: str, needle: str, rank: int | None) -> None:
    assert match_rank(name, needle) == rank


def test_an_exact_alias_beats_a_label_that_contains_the_text(graph: nx.MultiDiGraph) -> None:
    hits = search(graph, "iron deficiency")
    assert [hit.node for hit in hits] == ["low_iron", "brain_iron"]
    assert hits[0].via_alias and hits[0].matched == "iron deficiency"


def test_case_spacing_and_hyphens_are_kept_apart_sensibly(graph: nx.MultiDiGraph) -> None:
    assert search(graph, "  IRON   Deficiency ")[0].node == "low_iron"
    assert search(graph, "calcium-channel")[0].node == "ligand"


def test_within_a_rank_the_better_connected_node_comes_first(graph: nx.MultiDiGraph) -> None:
    order = [hit.node for hit in search(graph, "iron")]
    assert order.index("low_iron") < order.index("ferritin")
    assert graph.degree("low_iron") > graph.degree("ferritin")
    assert all(hit.rank == WHOLE_WORDS for hit in search(graph, "iron")[:3])


def test_misspellings_still_find_the_node(graph: nx.MultiDiGraph) -> None:
    assert search(graph, "ferritn")[0].node == "ferritin"


def test_claims_and_empty_text_find_nothing(graph: nx.MultiDiGraph) -> None:
    assert search(graph, "   ") == []
    assert all(graph.nodes[hit.node]["kind"] != "claim" for hit in search(graph, "blood"))
    assert [hit.node for hit in search(graph, "blood")] == ["bad_blood"]
