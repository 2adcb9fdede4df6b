"""What the app's details panel and text alternative show, as typed rows.

Kept out of the app so it can be tested and reused: a node's facts, thresholds
(:class:`ThresholdRow`) and references, its connections grouped by relation phrase
(:class:`Connection`), and the visible links as a table (:class:`LinkRow`). Rows keep lists as
lists: a reader joins them for display, and nobody has to split a display string again. A claim
reads as a claim: its heading is its statement (cut at a word), with its verdict beside it, and
every list of claims gives each one's verdict. Evidence is given in words with its certainty
grade, and each link says whether it holds, was not found (or is advised against), or tells two
things apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from graph.dataset.model import CLAIM_KIND, Dataset, Reference
from graph.network.view import View
from graph.present import style

NEEDS_VERIFICATION = "needs verification"
SOURCE_LENGTH = 90
HEADING_LENGTH = 120


@dataclass(frozen=True)
class ThresholdRow:
    """A threshold as the details show it: the value with its operator ("≤ 75 ng/mL"), who it is
    for, what it means, its references, and whether nobody has checked it."""

    value: str
    population: str
    meaning: str
    references: tuple[str, ...]
    needs_verification: bool


@dataclass(frozen=True)
class Connection:
    """A link as read from one node: the node at the other end (id and label), the evidence in
    words, the link's note and its references, and the verdict (id and word) when that end is a claim."""

    other: str
    label: str
    evidence: str
    note: str
    references: tuple[str, ...]
    verdict_id: str = ""
    verdict: str = ""


@dataclass(frozen=True)
class NodeDetails:
    """The details panel of one node."""

    label: str
    kind_label: str
    summary: str
    text: str
    needs_verification: bool
    facts: list[tuple[str, str]]
    thresholds: list[ThresholdRow]
    references: list[str]
    verdict: str = ""
    verdict_id: str = ""


def node_details(dataset: Dataset, graph: nx.MultiDiGraph, node: str) -> NodeDetails:
    """Details of ``node`` (an evidence node or a claim)."""
    data = graph.nodes[node]
    claim = data["kind"] == CLAIM_KIND
    return NodeDetails(
        label=shorten(data["summary"], HEADING_LENGTH) if claim else data["label"],
        kind_label=_kind_label(dataset, data), summary=data["summary"], text=data["text"],
        needs_verification=data["needs_verification"], facts=_facts(data),
        thresholds=[_threshold_row(t) for t in data["thresholds"]],
        references=[reference_line(dataset.reference(ref)) for ref in data["references"]],
        verdict=style.VERDICT_STYLES[data["verdict"]].label if claim else "",
        verdict_id=data["verdict"] if claim else "",
    )


def _kind_label(dataset: Dataset, data: dict) -> str:
    if data["kind"] == CLAIM_KIND:
        return f"Claim by {shorten(dataset.reference(data['source']).citation)}"
    return dataset.kind(data["kind"]).label


def _facts(data: dict) -> list[tuple[str, str]]:
    facts = [(name.replace("_", " "), str(value)) for name, value in data["attributes"].items()]
    if data["aliases"]:
        facts.insert(0, ("also called", ", ".join(data["aliases"])))
    return facts


def _threshold_row(threshold: dict) -> ThresholdRow:
    return ThresholdRow(threshold["text"], threshold["population"], threshold["meaning"],
                        tuple(threshold["references"]), threshold["needs_verification"])


def shorten(text: str, limit: int = SOURCE_LENGTH) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def reference_line(reference: Reference) -> str:
    """A reference as one line: id, citation, DOI or URL, and a mark if unchecked."""
    link = f" {reference.link}" if reference.link else ""
    mark = f" [{NEEDS_VERIFICATION}]" if reference.needs_verification else ""
    return f"{reference.id}: {reference.citation}{link}{mark}"


def connection_rows(dataset: Dataset, graph: nx.MultiDiGraph, node: str) -> dict[str, list[Connection]]:
    """The node's links grouped by how they read from the node ("is a risk factor for", …)."""
    groups: dict[str, list[Connection]] = defaultdict(list)
    for _, target, data in graph.out_edges(node, data=True):
        groups[style.relation_phrase(dataset, data["relation"])].append(_row(dataset, graph, target, data))
    for source, _, data in graph.in_edges(node, data=True):
        groups[_inverse_phrase(dataset, data["relation"])].append(_row(dataset, graph, source, data))
    return dict(groups)


def _inverse_phrase(dataset: Dataset, relation: str) -> str:
    known = {r.id: r for r in dataset.relations}
    return known[relation].inverse if relation in known else "has claims about it"


def _row(dataset: Dataset, graph: nx.MultiDiGraph, other: str, data: dict) -> Connection:
    verdict = graph.nodes[other].get("verdict") or ""
    return Connection(other, graph.nodes[other]["label"], _evidence_text(dataset, data), data["note"],
                      tuple(data["references"]), verdict, style.VERDICT_STYLES[verdict].label if verdict else "")


def _evidence_text(dataset: Dataset, data: dict) -> str:
    if not data["evidence"]:
        return "claim"
    level = dataset.evidence_level(data["evidence"])
    text = level.label if level.claim_only else f"{level.label} ({grade_words(dataset, level.certainty)})"
    if data["recommendation"]:
        rec = data["recommendation"]
        text += f"; {rec['strength']} recommendation {rec['direction']} ({rec['population']})"
    return text + (f"; {NEEDS_VERIFICATION}" if data["needs_verification"] else "")


@dataclass(frozen=True)
class LinkRow:
    """One visible link in the table of links: source, relation phrase, target, what kind of finding
    it is, evidence (with its certainty) and references."""

    source: str
    relation: str
    target: str
    finding: str
    evidence: str
    references: tuple[str, ...]

    @property
    def cells(self) -> dict[str, str]:
        """The row under the table's headings, references joined for reading."""
        return {"From": self.source, "Relation": self.relation, "To": self.target, "Finding": self.finding,
                "Evidence": self.evidence, "References": ", ".join(self.references)}


def grade_words(dataset: Dataset, grade: str) -> str:
    """E.g. "low certainty", "not graded": the grade's label, lower-cased after its first word."""
    label = dataset.certainty_grade(grade).label
    return label[:1].lower() + label[1:]


def view_table(view: View) -> list[LinkRow]:
    """Every visible link as a row, by source label then link id."""
    graph = view.graph
    return [
        LinkRow(graph.nodes[u]["label"], style.relation_phrase(view.dataset, data["relation"]),
                graph.nodes[v]["label"], style.POLARITY_WORDS[data["polarity"]], _evidence_text(view.dataset, data),
                tuple(data["references"]))
        for u, v, data in sorted(graph.edges(data=True), key=lambda e: (graph.nodes[e[0]]["label"], e[2]["id"]))
    ]
