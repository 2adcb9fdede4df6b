"""Every kind has its own colour in every export that carries colour, read back by its consumer."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections import defaultdict

import networkx as nx
import pytest

from graph import Explorer, View, ViewSpec
from graph.export import export_bytes
from tests.helpers import RLS


@pytest.fixture(scope="module")
def view() -> View:
    return Explorer.from_path(RLS).view(ViewSpec())


def colours_by_kind(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    found = defaultdict(set)
    for kind, colour in pairs:
        found[kind].add(colour.upper())
    return found


def graphml_pairs(data: bytes) -> list[tuple[str, str]]:
    graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    return [(node["kind"], node["color"]) for _, node in graph.nodes(data=True)]


def gexf_pairs(data: bytes) -> list[tuple[str, str]]:
    graph = nx.read_gexf(io.BytesIO(data))
    return [(node["kind"], "#{:02X}{:02X}{:02X}".format(*(node["viz"]["color"][c] for c in "rgb")))
            for _, node in graph.nodes(data=True)]


def cyjs_pairs(data: bytes) -> list[tuple[str, str]]:
    return [(node["data"]["kind"], node["data"]["draw_fill"]) for node in json.loads(data)["elements"]["nodes"]]


def csv_pairs(data: bytes) -> list[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rows = csv.DictReader(io.StringIO(archive.read("kinds.csv").decode("utf-8-sig")))
        return [(row["id"], row["color"]) for row in rows]


def mermaid_pairs(data: bytes) -> list[tuple[str, str]]:
    return re.findall(r"classDef look_(\S+) fill:(#[0-9A-Fa-f]{6})", data.decode())


READERS = {"graphml": graphml_pairs, "gexf": gexf_pairs, "cyjs": cyjs_pairs, "csv": csv_pairs,
           "mermaid": mermaid_pairs}


@pytest.mark.parametrize("fmt", READERS)
def test_each_kind_has_a_colour_of_its_own(view: View, fmt: str) -> None:
    found = colours_by_kind(READERS[fmt](export_bytes(view, fmt)))
    assert len(found) == len(view.dataset.kinds), found
    assert all(len(colours) == 1 for colours in found.values()), found
    assert len({colour for colours in found.values() for colour in colours}) == len(found), found
