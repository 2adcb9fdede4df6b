"""CXL both ways: the export writes a CmapTools concept map, and a CmapTools map imports as a dataset.

The structure checked is IHMC's CXL description (cmap.ihmc.us/xml/CXL.html): ``res-meta`` with
``dc:title`` and the focus question as ``dc:description``, and ``map`` with concept, linking
phrase and connection lists, each proposition going concept → phrase → concept.
tests/data/import/cmaptools.cxl is a small map as CmapTools saves it (its own ids, a label on
two lines, one phrase fanning out to two concepts, appearance lists).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from graph import Explorer, ValidationError, ViewSpec, load_bytes
from graph.export import export_bytes
from graph.export.cxl_export import CXL_NAMESPACE, DC_NAMESPACE
from graph.importing import dataset_yaml, import_sources

DATA = Path(__file__).parent / "data"
NS = {"c": CXL_NAMESPACE, "dc": DC_NAMESPACE}


@pytest.fixture(scope="module")
def explorer() -> Explorer:
    return Explorer.from_path(DATA.parent.parent / "data" / "photosynthesis.yaml")


def test_the_export_writes_concepts_phrases_connections_and_the_focus_question(explorer: Explorer) -> None:
    view = explorer.view(ViewSpec())
    root = ElementTree.fromstring(export_bytes(view, "cxl"))
    assert root.findtext("c:res-meta/dc:title", namespaces=NS) == "Photosynthesis in green plants"
    assert root.findtext("c:res-meta/dc:description", namespaces=NS) == \
        "How are the parts of Photosynthesis in green plants linked?"
    concepts = {c.get("id"): c.get("label") for c in root.iterfind("c:map/c:concept-list/c:concept", NS)}
    phrases = {p.get("id"): p.get("label") for p in root.iterfind("c:map/c:linking-phrase-list/c:linking-phrase", NS)}
    links = [(c.get("from-id"), c.get("to-id")) for c in root.iterfind("c:map/c:connection-list/c:connection", NS)]
    # One concept per node, one linking phrase per link, two connections per link (in, then out).
    assert set(concepts) == set(view.graph) and len(concepts) == 48
    assert set(phrases) == {key for *_, key in view.graph.edges(keys=True)} and len(phrases) == 89
    assert len(links) == 2 * len(phrases)
    assert phrases["light--used_by--light_reactions"] == "is used by" and concepts["glucose"] == "Sugar (glucose)"
    assert {("light", "light--used_by--light_reactions"), ("light--used_by--light_reactions", "light_reactions")} \
        <= set(links)
    assert all((start in concepts and end in phrases) or (start in phrases and end in concepts)
               for start, end in links)
    shown = {a.get("id"): a for a in root.iterfind("c:map/c:concept-appearance-list/c:concept-appearance", NS)}
    assert set(shown) == set(concepts) and shown["light"].get("background-color") == "86,180,233,255"


def test_kinds_come_back_from_the_export_with_their_colours_and_tiers(explorer: Explorer) -> None:
    result = import_sources([("map.cxl", export_bytes(explorer.view(ViewSpec()), "cxl"))])
    dataset = load_bytes(dataset_yaml(result.record, "a test", result.lost).encode(), "map.yaml")
    assert [(kind.id, kind.colour, kind.tier) for kind in dataset.kinds] == [
        (kind.id, kind.colour, kind.tier) for kind in explorer.dataset.kinds]


def test_a_focus_view_asks_about_its_focus(explorer: Explorer) -> None:
    root = ElementTree.fromstring(export_bytes(explorer.view(ViewSpec(focus="calvin_cycle")), "cxl"))
    assert root.findtext("c:res-meta/dc:description", namespaces=NS) == "What is Calvin cycle linked to, and how?"


def test_a_cmaptools_map_becomes_a_dataset_with_its_focus_question() -> None:
    path = DATA / "import" / "cmaptools.cxl"
    result = import_sources([(path.name, path.read_bytes())])
    dataset = load_bytes(dataset_yaml(result.record, "a test", result.lost).encode(), "plants.yaml")
    assert [node.label for node in dataset.nodes] == ["Green plants", "Photosynthesis", "Light energy", "Sugar",
                                                      "Oxygen", "Chlorophyll"]
    assert dataset.meta.description == ("Imported from cmaptools.cxl. Focus question: How does a green plant make "
                                        "its food?")
    assert [(e.source, e.relation, e.target) for e in dataset.edges] == [
        ("green_plants", "carry_out", "photosynthesis"), ("photosynthesis", "is_powered_by", "light_energy"),
        ("photosynthesis", "makes", "sugar"), ("photosynthesis", "makes", "oxygen"),
        ("chlorophyll", "absorbs", "light_energy")]
    assert dataset.node("photosynthesis").summary == "Happens in the leaves."
    assert {edge.evidence for edge in dataset.edges} == {"not-yet-graded"}
    assert result.lost[0] == "references: none in the file; every link cites the file itself, as an unverified " \
                             "placeholder"


def test_a_phrase_without_words_and_a_blank_concept_are_named_with_their_lines() -> None:
    path = DATA / "import" / "broken" / "phrase_without_words.cxl"
    with pytest.raises(ValidationError) as caught:
        import_sources([(path.name, path.read_bytes())])
    assert [str(problem) for problem in caught.value.problems] == [
        "phrase_without_words.cxl:7: the node 'c3' has no label. Give it a label in the program that edited it.",
        "phrase_without_words.cxl:10: the edge 'p1' has no relation and no label: say what it means. Give it a "
        "label such as 'causes' in the program that edited it."]


def test_a_file_that_is_not_a_concept_map_says_so() -> None:
    with pytest.raises(ValidationError, match=r"^map\.cxl:1: is not a CXL concept map: its root is <graphml>"):
        import_sources([("map.cxl", b"<graphml/>")])
