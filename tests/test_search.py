"""Search ranking: the shared case table, each rung of the ladder, and its tie-breaks."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ViewSpec
from graph.export.lesson import lesson_data
from graph.network.search import (
    EXACT,
    MAX_HITS,
    MISSPELT,
    PREFIX,
    SUMMARY,
    WHOLE_WORDS,
    SearchEntry,
    edit_distance,
    example_name,
    name_match,
    search,
    words,
)

ROOT = Path(__file__).resolve().parent.parent
CASES = json.loads((ROOT / "tests" / "data" / "search_cases.json").read_text(encoding="utf-8"))


@cache
def explorer(name: str) -> Explorer:
    return Explorer.from_path(ROOT / CASES["datasets"][name])


def case_id(case: dict[str, Any]) -> str:
    return f"{case['dataset']}:{case['query']}"


@pytest.mark.parametrize("case", CASES["cases"], ids=case_id)
def test_the_case_table(case: dict[str, Any]) -> None:
    hits = [hit.node for hit in search(explorer(case["dataset"]).search_entries, case["query"])]
    if "first" in case:
        assert hits[:1] == [case["first"]], case["why"]
    else:
        assert case["offers"] in hits, case["why"]


def test_the_table_has_forty_rls_cases_and_every_expected_node_exists() -> None:
    assert sum(case["dataset"] == "rls" for case in CASES["cases"]) >= 40
    for case in CASES["cases"]:
        assert case.get("first", case.get("offers")) in explorer(case["dataset"]).graph


@pytest.mark.parametrize(("name", "typed", "rung"), [
    ("Iron deficiency", "iron  Deficiency", EXACT),
    ("Willis–Ekbom disease", "willis-ekbom disease", EXACT),
    ("Restless legs syndrome", "restless", WHOLE_WORDS),
    ("Brain iron deficiency", "iron deficiency", WHOLE_WORDS),
    ("Augmentation", "augm", PREFIX),
    ("Urge to move the legs", "move the le", PREFIX),
    ("Serum ferritin", "serum feritin", MISSPELT),
    ("Serum ferritin", "kidney", None),
    ("Iron", "irn", None),
])
def test_name_rungs(name: str, typed: str, rung: int | None) -> None:
    found = name_match(words(name), words(typed))
    assert (found and found[0]) == rung


def test_words_fold_accents_case_and_punctuation() -> None:
    assert words("Café-au-lait  SPOTS (α2δ)") == ("cafe", "au", "lait", "spots", "α2δ")
    assert words(" ,; ") == ()


@pytest.mark.parametrize(("first", "second", "edits"), [
    ("ferritin", "feritin", 1), ("ferritin", "ferritine", 1), ("ferritin", "ferirtin", 1),
    ("kitten", "sitting", 3), ("", "abc", 3), ("same", "same", 0),
])
def test_edit_distance(first: str, second: str, edits: int) -> None:
    assert edit_distance(first, second, cap=5) == edits


def test_edit_distance_stops_at_its_cap() -> None:
    assert edit_distance("ferritin", "transferrin", cap=2) == 3
    assert edit_distance("a", "abcdefgh", cap=2) == 3


def test_a_summary_match_needs_every_word_and_ranks_below_names() -> None:
    entries = [SearchEntry("a", "Heat pad", (), "Warms a leg ache away.", 5),
               SearchEntry("b", "Leg ache", (), "", 0)]
    assert [(hit.node, hit.rank) for hit in search(entries, "leg ache")] == [("b", EXACT), ("a", SUMMARY)]
    assert search(entries, "leg cramp") == []


def test_short_text_is_never_taken_for_a_misspelling() -> None:
    assert search([SearchEntry("a", "Age", (), "", 0)], "ago") == []


def test_empty_text_finds_nothing_and_the_limit_holds() -> None:
    rls = explorer("rls")
    assert search(rls.search_entries, "  ") == [] and rls.search("") == ()
    assert len(search(rls.search_entries, "a")) == MAX_HITS


def test_claims_are_not_searched() -> None:
    rls = explorer("rls")
    claim = rls.dataset.claims[0]
    assert claim.id not in {hit.node for hit in rls.search(claim.statement[:30])}


def test_the_explorer_keeps_recent_searches() -> None:
    rls = explorer("rls")
    assert rls.search("iron") is rls.search("iron")
    assert rls.search("iron") == tuple(search(rls.search_entries, "iron"))


def test_links_count_the_datasets_edges() -> None:
    entries = {entry.node: entry for entry in explorer("ladder").search_entries}
    assert entries["iron"].links == 1 and entries["iron_store"].links == 2 and entries["hub"].links == 20


def entries_fixture() -> str:
    """The search entries of every dataset in the case table, as JSON for tests/js/lesson_search.test.js."""
    entries = {name: [{"id": entry.node, "label": entry.label, "aliases": list(entry.aliases),
                       "summary": entry.summary, "links": entry.links} for entry in explorer(name).search_entries]
               for name in CASES["datasets"]}
    return json.dumps(entries, indent=1, ensure_ascii=False) + "\n"


def test_the_javascript_tests_see_the_datasets_as_search_does() -> None:
    """tests/golden/search_entries.json is what the lesson page ships for each dataset's nodes.

    Regenerate with ``REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_search.py``.
    """
    path = ROOT / "tests" / "golden" / "search_entries.json"
    if os.environ.get("REGENERATE_GOLDEN") == "1":
        path.write_text(entries_fixture(), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == entries_fixture()


def test_the_lesson_page_ships_the_search_entries_of_its_nodes() -> None:
    view = explorer("ladder").view(ViewSpec(focus="iron_store"))
    shipped = lesson_data(view)["search"]
    assert {entry["id"] for entry in shipped} == set(view.graph)
    everything = {entry["id"]: entry for entry in json.loads(entries_fixture())["ladder"]}
    assert shipped == [everything[entry["id"]] for entry in shipped]


def test_the_search_hint_names_a_short_label_of_a_well_linked_node_of_the_dataset_shown() -> None:
    entries = [SearchEntry("a", "A label far too long to type as an example", (), "", 9),
               SearchEntry("b", "Beta", ("B",), "", 3), SearchEntry("c", "Alpha", (), "", 3),
               SearchEntry("d", "Delta", (), "", 1)]
    assert example_name(entries) == "Alpha", "the most linked short label; ties by label"
    assert example_name(entries[:1]) == entries[0].label, "only long labels: the shortest"
    assert example_name([]) is None
