"""The project's JSON, GraphML and GEXF exports come back as datasets, also after Gephi saved them.

tests/data/import/gephi.graphml and gephi.gexf are the photosynthesis export as Gephi 0.10's
exporters write it back (modules/ExportPlugin, ExporterGraphML and ExporterGEXF): GraphML with
the edge label key renamed ``Edge Label``, node colours as ``r``/``g``/``b`` and the edge type as
the element's ``label``; GEXF 1.3 with the attribute ids it was given and the type as ``kind``.
Both add Gephi's "Modularity Class" column and rename "Sugar (glucose)" to "Glucose"; the GraphML
one also has a node and a link drawn in Gephi, with nothing but a label. tests/data/import/broken/
holds one broken or hostile file per kind of refusal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph import ValidationError, load_bytes
from graph.cli import main
from graph.dataset.limits import MAX_UPLOAD_NODES
from graph.dataset.model import Dataset
from graph.importing import dataset_yaml, import_sources
from graph.importing.upload import upload_sources
from tests.test_import_kumu import workbook

HERE = Path(__file__).parent / "data" / "import"
BROKEN = HERE / "broken"


def imported(path: Path) -> tuple[Dataset, tuple[str, ...]]:
    result = import_sources([(path.name, path.read_bytes())])
    return load_bytes(dataset_yaml(result.record, "a test", result.lost).encode(), "imported.yaml"), result.lost


def refusal(name: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        import_sources([(name, (BROKEN / name).read_bytes())])
    return [str(problem) for problem in caught.value.problems]


def test_gephis_graphml_comes_back_with_its_edits_and_what_it_lacks() -> None:
    dataset, lost = imported(HERE / "gephi.graphml")
    assert (len(dataset.nodes), len(dataset.edges), len(dataset.claims)) == (10, 11, 1)
    assert dataset.node("glucose").label == "Glucose" and dataset.kind("input").colour == "#56B4E9"
    stomata = dataset.node("n10")
    assert (stomata.label, stomata.kind, dataset.kind(stomata.kind).colour) == ("Stomata", "imported", "#999999")
    drawn = dataset.edge("co2--enters_through--n10")
    assert (drawn.evidence, drawn.references, dataset.relation(drawn.relation).label) == (
        "not-yet-graded", ("imported-file",), "enters through")
    assert dataset.relation("used_by").label == "is used by"
    assert [level.id for level in dataset.evidence] == ["misconception", "not-yet-graded", "simplification",
                                                        "textbook"]
    assert [grade.id for grade in dataset.certainty] == ["established", "simplified", "not-graded"]
    assert lost[-1] == "columns this project does not write, left out: Modularity Class (9)"
    assert lost[0].startswith("references: the 2 sources keep their ids, but a GraphML file holds no citations")


def test_gephis_gexf_1_3_comes_back() -> None:
    dataset, lost = imported(HERE / "gephi.gexf")
    assert (len(dataset.nodes), len(dataset.edges), len(dataset.claims)) == (9, 10, 1)
    assert dataset.node("glucose").label == "Glucose"
    claim = dataset.claim("soil_makes_mass")  # about one link: its ends are not listed again, as in the dataset
    assert (claim.about_edges, claim.about_nodes) == (("soil--produces--glucose",), ())
    assert dataset.edge("light--used_by--light_reactions").evidence == "textbook"
    assert "Modularity Class (9)" in lost[-1]


def test_a_yed_file_keeps_our_keys_and_gives_its_labels() -> None:
    dataset, _ = imported(HERE / "yed.graphml")
    assert [(node.id, node.label, node.kind) for node in dataset.nodes] == [
        ("light", "Light", "input"), ("light_reactions", "Light reactions", "process")]
    assert dataset.relation("used_by").label == "is used by" and dataset.evidence_level("textbook").rank == 2


def test_a_declared_entity_is_refused_before_it_expands() -> None:
    assert refusal("entity_bomb.graphml") == [
        "entity_bomb.graphml:2: declares a DOCTYPE, which this reader refuses: entities defined there could expand "
        "without limit or read other files. Save the file again from the program that made it, without a DOCTYPE."]


def test_an_external_entity_is_never_read() -> None:
    assert refusal("external_entity.gexf")[0].startswith("external_entity.gexf:2: declares a DOCTYPE")


@pytest.mark.parametrize(("data", "message"), [
    (b"<graphml>" + b"<graph>" * 70, "nested.graphml:1: nests elements more than 64 deep; graph files never do. "
                                     "Check that it is the graph file you meant to give."),
    (b" " * (5 * 1024 * 1024 + 1), "nested.graphml: is 5.2 MB; a graph file may be at most 5 MB."),
    (b"<graphml>\n<graph>\xff</graph>", "nested.graphml:2: is not well-formed XML: not well-formed (invalid token)"),
])
def test_deep_huge_or_binary_xml_is_refused_with_a_message(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        import_sources([("nested.graphml", data)])
    assert str(caught.value).startswith(message)


def test_a_truncated_file_says_where_it_ends() -> None:
    assert refusal("truncated.graphml") == [
        "truncated.graphml:7: is not well-formed XML: no element found (column 1). Check that the file is complete."]


def test_a_file_of_another_format_names_its_root() -> None:
    assert refusal("not_graphml.graphml") == [
        "not_graphml.graphml:2: is not GraphML: its root element is <gexf>, not <graphml>. Check the file's suffix: "
        "a GraphML file starts with <graphml>."]


@pytest.mark.parametrize(("name", "message"), [
    ("not_a_graph.json", "not_a_graph.json: is JSON, but not a node-link graph: it needs a 'nodes' list."),
    ("nan.json", "nan.json: is not JSON this can read: it holds NaN, which is not a number JSON allows."),
])
def test_json_that_is_not_a_graph_is_refused(name: str, message: str) -> None:
    assert refusal(name)[0].startswith(message)


def test_json_nested_without_end_is_refused_without_a_traceback() -> None:
    with pytest.raises(ValidationError, match=r"deep\.json: nests lists or objects deeper than this reader follows"):
        import_sources([("deep.json", b"[" * 200_000)])


def test_every_wrong_item_is_reported_at_once_with_its_line() -> None:
    assert refusal("wrong_items.graphml") == [
        "wrong_items.graphml:8: 'maybe' is not a boolean, as the key 'focus' says it is.",
        "wrong_items.graphml:9: the node id 'light' is used twice (first at line 7).",
        "wrong_items.graphml:10: the node 'soil' has no label. Give it a label in the program that edited it.",
        "wrong_items.graphml:10: uses the key 'colour', which no <key> declares.",
        "wrong_items.graphml:11: the edge from 'light' to 'glucose' ends at 'glucose', which is not a node of the "
        "file.",
        "wrong_items.graphml:12: the edge from 'water' to 'light' has no relation and no label: say what it means. "
        "Give it a label such as 'causes' in the program that edited it.",
    ]


def test_the_command_line_picks_the_reader_by_suffix_and_lists_what_was_lost(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "cells.yaml"
    assert main(["import", str(HERE / "gephi.gexf"), "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Wrote {target}: 9 nodes, 10 links (10 with an evidence level), 1 claim, 4 kinds, "
                          "4 relations.\nNot in gephi.gexf, so written as placeholders or left out")
    assert "# - references: the 2 sources keep their ids" in target.read_text(encoding="utf-8")


def test_an_upload_to_import_becomes_yaml_under_the_upload_limits(tmp_path: Path) -> None:
    sheets = workbook(tmp_path, fix=True)
    upload = upload_sources(sheets.read_bytes(), "cells.xlsx")
    assert upload.sources[0][0] == "cells.yaml (imported from cells.xlsx)" and not upload.lost
    assert len(load_bytes(upload.sources[0][1], upload.sources[0][0]).nodes) == 30
    nodes = [{"id": f"n{i}", "label": f"Node {i}", "kind": "idea"} for i in range(MAX_UPLOAD_NODES + 1)]
    graph = {"nodes": nodes, "edges": [{"source": "n0", "target": "n1", "label": "feeds"}]}
    with pytest.raises(ValidationError, match=r"^big\.yaml \(imported from big\.json\):1: the dataset has 2,001 no"):
        upload_sources(json.dumps(graph).encode(), "big.json")


def test_a_file_without_links_says_a_dataset_needs_one() -> None:
    with pytest.raises(ValidationError, match=r"^lonely\.json: has no links between its nodes"):
        import_sources([("lonely.json", b'{"nodes": [{"id": "a", "label": "A"}], "edges": []}')])


def test_a_number_where_a_list_belongs_is_read_as_one_value() -> None:
    data = b'{"nodes": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], ' \
           b'"edges": [{"source": "a", "target": "b", "label": "feeds", "references": 7, "claims": 3}]}'
    assert import_sources([("odd.json", data)]).record["edges"][0]["references"] == ["7"]
