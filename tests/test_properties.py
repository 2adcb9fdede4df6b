"""Property-based tests (Hypothesis): random datasets round-trip, random damage is always a message.

1. Random valid datasets, written as YAML, load back as the dataset written; their graph survives
   every re-importable text export (node-link JSON, GraphML, GEXF, CSV, Cytoscape JSON) with the
   same nodes, edges and attributes.
2. Random mutations of a valid YAML file (bytes flipped, cut, inserted, lines repeated or
   swapped) either load or raise the library's ValidationError: never anything else, and a file
   that loads also builds, lays out and exports.

Examples are derandomized (the same every run, so CI is stable) and few enough to keep the file
to a few seconds.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import Explorer, GraphDataError, ValidationError, ViewSpec, load_bytes
from graph.dataset.limits import text_problem
from graph.dataset.schema import SHAPES
from graph.export import export_bytes
from graph.export.csv_export import inert_cell
from graph.export.tabular import edge_records, node_records

TINY = Path(__file__).resolve().parent / "data" / "tiny.yaml"
ROUND_TRIP = settings(max_examples=60, derandomize=True, deadline=None, database=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MUTATIONS = settings(max_examples=400, derandomize=True, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow])

ids = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
texts = st.text(st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=BIDI_CONTROLS),
                min_size=1, max_size=24).filter(
    lambda text: text.strip() != "" and text_problem(text) is None)
scalars = st.one_of(texts, st.integers(-10**6, 10**6), st.booleans(),
                    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, Any]:
    """A random valid dataset as plain data, ready for yaml.safe_dump."""
    kind_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True).filter(lambda xs: "claim" not in xs))
    relation_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    evidence_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    reference_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    node_ids = draw(st.lists(ids, min_size=1, max_size=7, unique=True))
    return {
        "meta": {"title": draw(texts)},
        "kinds": [{"id": k, "label": draw(texts), "colour": draw(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)),
                   "shape": draw(st.sampled_from(SHAPES)), "tier": draw(st.integers(0, 3))} for k in kind_ids],
        "relations": [{"id": r, "label": draw(texts), "inverse": draw(texts)} for r in relation_ids],
        "evidence": [{"id": e, "rank": rank, "label": draw(texts), "certainty": "moderate"}
                     for rank, e in enumerate(evidence_ids)],
        "references": [{"id": r, "citation": draw(texts), "kind": "other", "verification":
                        draw(st.sampled_from(["verified", "unverified"]))} for r in reference_ids],
        "nodes": [draw(_node(n, kind_ids, reference_ids)) for n in node_ids],
        "edges": draw(_edges(node_ids, relation_ids, evidence_ids, reference_ids)),
    }


@st.composite
def _node(draw: st.DrawFn, node_id: str, kinds: list[str], references: list[str]) -> dict[str, Any]:
    node = {"id": node_id, "label": draw(texts), "kind": draw(st.sampled_from(kinds)), "summary": draw(texts),
            "references": draw(st.lists(st.sampled_from(references), max_size=2, unique=True))}
    if draw(st.booleans()):
        node["aliases"] = draw(st.lists(texts, min_size=1, max_size=2))
    if draw(st.booleans()):
        node["attributes"] = draw(st.dictionaries(ids, scalars, min_size=1, max_size=2))
    return node


@st.composite
def _edges(draw: st.DrawFn, nodes: list[str], relations: list[str], evidence: list[str],
           references: list[str]) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 8))
    return [{"id": f"e{i}", "source": draw(st.sampled_from(nodes)), "target": draw(st.sampled_from(nodes)),
             "relation": draw(st.sampled_from(relations)), "evidence": draw(st.sampled_from(evidence)),
             "references": draw(st.lists(st.sampled_from(references), min_size=1, max_size=2, unique=True)),
             **({"note": draw(texts)} if draw(st.booleans()) else {})} for i in range(count)]


def as_yaml(data: dict[str, Any]) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@ROUND_TRIP
@given(datasets())
def test_a_random_dataset_loads_as_written(data: dict[str, Any]) -> None:
    dataset = load_bytes(as_yaml(data), "random.yaml")
    assert dataset.meta.title == data["meta"]["title"]
    for written, node in zip(data["nodes"], dataset.nodes, strict=True):
        assert (node.id, node.label, node.kind, node.summary) == tuple(written[k] for k in ("id", "label", "kind",
                                                                                             "summary"))
        assert node.aliases == tuple(written.get("aliases", ()))
        assert dict(node.attributes) == written.get("attributes", {})
    assert [(e.id, e.source, e.target, e.note) for e in dataset.edges] == \
        [(e["id"], e["source"], e["target"], e.get("note", "")) for e in data["edges"]]


@ROUND_TRIP
@given(datasets())
def test_a_random_graph_survives_every_text_export(data: dict[str, Any]) -> None:
    view = Explorer(load_bytes(as_yaml(data), "random.yaml")).view(ViewSpec())
    nodes, edges = node_records(view), edge_records(view)
    for fmt in ("graphml", "gexf"):
        _assert_graph_equal(_read_xml(export_bytes(view, fmt), fmt), nodes, edges if fmt == "graphml" else
                            {key: _as_gexf(record) for key, record in edges.items()})
    _assert_node_link_equal(view, json.loads(export_bytes(view, "json")))
    _assert_csv_equal(export_bytes(view, "csv"), nodes, edges)
    _assert_cyjs_equal(json.loads(export_bytes(view, "cyjs")), view)


def _read_xml(data: bytes, fmt: str) -> nx.MultiDiGraph:
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    return nx.read_gexf(io.BytesIO(data))


def _as_gexf(record: dict[str, Any]) -> dict[str, Any]:
    """An edge record as GEXF holds it: the type is the edge's kind, the end a column of its own."""
    return {**{k: v for k, v in record.items() if k not in ("type", "end")}, "line_end": record["end"]}


def _assert_graph_equal(graph: nx.MultiDiGraph, nodes: dict[str, Any], edges: dict[Any, Any]) -> None:
    assert {node: {k: v for k, v in d.items() if k != "viz"} for node, d in graph.nodes(data=True)} == nodes
    back = {data["id"]: (u, v, data) for u, v, data in graph.edges(data=True)}
    assert back == {key: (u, v, record) for (u, v, key), record in edges.items()}


def _assert_node_link_equal(view: Any, document: dict[str, Any]) -> None:
    graph = nx.node_link_graph(document, edges="edges")
    assert set(graph) == set(view.graph)
    for node, data in view.graph.nodes(data=True):
        assert {k: graph.nodes[node][k] for k in data} == json.loads(json.dumps(data, default=_plain))
    assert sorted(graph.edges(keys=True)) == sorted(view.graph.edges(keys=True))
    for u, v, key, data in view.graph.edges(keys=True, data=True):
        assert {k: graph.edges[u, v, key][k] for k in data} == json.loads(json.dumps(data, default=_plain))


def _plain(value: Any) -> Any:
    return dict(value) if hasattr(value, "items") else list(value)


def _assert_csv_equal(data: bytes, nodes: dict[str, Any], edges: dict[Any, Any]) -> None:
    """Every record's value is in its CSV cell, as text (a would-be formula after its ``'``); columns a
    record lacks are empty."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rows = {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
                for name in ("nodes.csv", "edges.csv")}
    assert {row["id"]: {k: row[k] for k in nodes[row["id"]]} for row in rows["nodes.csv"]} == {
        node: {k: str(inert_cell(v)) for k, v in record.items()} for node, record in nodes.items()}
    by_key = {key: record for (_, _, key), record in edges.items()}
    assert {row["id"]: {k: row[k] for k in by_key[row["id"]]} for row in rows["edges.csv"]} == {
        key: {k: str(inert_cell(v)) for k, v in record.items()} for key, record in by_key.items()}


def _assert_cyjs_equal(document: dict[str, Any], view: Any) -> None:
    nodes = {n["data"]["id"]: n["data"] for n in document["elements"]["nodes"]}
    assert set(nodes) == set(view.graph)
    assert {node: data["label"] for node, data in nodes.items()} == dict(view.graph.nodes(data="label"))
    assert len(document["elements"]["edges"]) == view.graph.number_of_edges()


# Random damage ----------------------------------------------------------------------------------

ORIGINAL = TINY.read_bytes()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """tiny.yaml with one to four random edits of its bytes or lines."""
    data = ORIGINAL
    for _ in range(draw(st.integers(1, 4))):
        data = draw(st.sampled_from([_flip, _cut, _insert, _repeat_line, _swap_lines, _truncate]))(draw, data)
    return data


def _flip(draw: st.DrawFn, data: bytes) -> bytes:
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]


def _cut(draw: st.DrawFn, data: bytes) -> bytes:
    if not data:
        return data
    start = draw(st.integers(0, len(data) - 1))
    return data[:start] + data[start + draw(st.integers(1, 40)):]


def _insert(draw: st.DrawFn, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    piece = draw(st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(
        [b"&a ", b"*a", b"!!python/none ", b"{", b"]", b"- ", b": ", b"\t", b"\n  ", b'"', b"\\", b"---\n",
         b"? ", b"<<: ", b"!!binary ", b"\xef\xbb\xbf", b"\x00", "\u202e".encode()])))
    return data[:at] + piece + data[at:]


def _repeat_line(draw: st.DrawFn, data: bytes) -> bytes:
    lines = data.split(b"\n")
    at = draw(st.integers(0, len(lines) - 1))
    return b"\n".join([*lines[:at + 1], lines[at], *lines[at + 1:]])


def _swap_lines(draw: st.DrawFn, data: bytes) -> bytes:
    lines = data.split(b"\n")
    a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def _truncate(draw: st.DrawFn, data: bytes) -> bytes:
    return data[:draw(st.integers(0, len(data)))]


@MUTATIONS
@given(mutated())
def test_damaged_yaml_loads_or_raises_only_the_library_error(data: bytes) -> None:
    try:
        dataset = load_bytes(data, "damaged.yaml")
    except ValidationError as exc:
        assert exc.problems and all(p.file == "damaged.yaml" and p.line >= 1 for p in exc.problems)
        return
    try:
        view = Explorer(dataset).view(ViewSpec(claims=True))
        export_bytes(view, "json")
    except GraphDataError:
        pass
