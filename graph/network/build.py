"""Build a NetworkX graph from a validated dataset.

The graph is a ``MultiDiGraph`` (two nodes can be linked by several relations, e.g. a fact and a
disputed claim) whose edge keys are the dataset's edge ids. Attributes are plain values, so any
NetworkX tool can use the graph. Claims become nodes of kind ``claim`` in the ``claims`` layer,
joined by ``is_about`` edges to what they concern.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.dataset.model import ABOUT_RELATION, CLAIM_KIND, Claim, Dataset, Edge, Node, Threshold
from graph.dataset.yamlsafe import paused_gc
from graph.wording import shortened

EVIDENCE_LAYER = "evidence"
CLAIMS_LAYER = "claims"
CLAIM_CERTAINTY = "claim-only"  # the certainty attribute of claim-only links and of claims' "is about" links
CLAIM_LABEL_LENGTH = 48


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """The dataset as a graph: nodes and edges with plain attributes, claims as a layer."""
    with paused_gc():  # many small acyclic dicts: collecting while building tripled the time
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(title=dataset.meta.title)
        for node in dataset.nodes:
            graph.add_node(node.id, **_node_attributes(dataset, node))
        claims_about = _claims_by_edge(dataset)
        for edge in dataset.edges:
            attributes = _edge_attributes(dataset, edge, claims_about.get(edge.id, []))
            graph.add_edge(edge.source, edge.target, key=edge.id, **attributes)
        for claim in dataset.claims:
            _add_claim(graph, dataset, claim)
    return graph


def _node_attributes(dataset: Dataset, node: Node) -> dict[str, Any]:
    references = [dataset.reference(ref) for ref in node.references]
    return {
        "label": node.label,
        "kind": node.kind,
        "tier": dataset.kind(node.kind).tier,
        "layer": EVIDENCE_LAYER,
        "summary": node.summary,
        "text": node.text,
        "aliases": list(node.aliases),
        "references": list(node.references),
        "attributes": dict(node.attributes),
        "thresholds": [_threshold(dataset, node, t) for t in node.thresholds],
        "needs_verification": all(ref.needs_verification for ref in references),
    }


def _threshold(dataset: Dataset, node: Node, threshold: Threshold) -> dict[str, Any]:
    return {
        "operator": threshold.operator, "value": threshold.value, "upper": threshold.upper,
        "unit": threshold.unit, "population": threshold.population,
        "meaning": threshold.meaning, "references": list(threshold.references),
        "text": threshold.describe(), "needs_verification": dataset.threshold_needs_verification(node, threshold),
    }


def _claims_by_edge(dataset: Dataset) -> dict[str, list[str]]:
    """Edge id → ids of the claims about it, in dataset order."""
    claims: dict[str, list[str]] = {}
    for claim in dataset.claims:
        for edge_id in claim.about_edges:
            claims.setdefault(edge_id, []).append(claim.id)
    return claims


def _edge_attributes(dataset: Dataset, edge: Edge, claims: list[str]) -> dict[str, Any]:
    level = dataset.evidence_level(edge.evidence)
    return {
        "id": edge.id,
        "relation": edge.relation,
        "evidence": edge.evidence,
        "evidence_rank": level.rank,
        "certainty": CLAIM_CERTAINTY if level.claim_only else level.certainty,
        "polarity": dataset.relation(edge.relation).polarity,
        "layer": CLAIMS_LAYER if level.claim_only else EVIDENCE_LAYER,
        "references": list(edge.references),
        "note": edge.note,
        "recommendation": _recommendation(edge),
        "needs_verification": dataset.edge_needs_verification(edge),
        "claims": claims,
    }


def _recommendation(edge: Edge) -> dict[str, str]:
    rec = edge.recommendation
    if rec is None:
        return {}
    return {"direction": rec.direction, "strength": rec.strength,
            "population": rec.population, "certainty": rec.certainty}


def _add_claim(graph: nx.MultiDiGraph, dataset: Dataset, claim: Claim) -> None:
    graph.add_node(claim.id, **_claim_attributes(dataset, claim))
    for target in claim_targets(dataset, claim):
        graph.add_edge(claim.id, target, key=f"{claim.id}--{ABOUT_RELATION}--{target}",
                       id=f"{claim.id}--{ABOUT_RELATION}--{target}", relation=ABOUT_RELATION,
                       evidence="", evidence_rank=-1, certainty=CLAIM_CERTAINTY, polarity="positive",
                       layer=CLAIMS_LAYER,
                       references=[claim.source], note="", recommendation={},
                       needs_verification=False, claims=[claim.id])


def _claim_attributes(dataset: Dataset, claim: Claim) -> dict[str, Any]:
    references = [dataset.reference(ref) for ref in claim.references]
    return {
        "label": shortened(claim.statement, CLAIM_LABEL_LENGTH),
        "kind": CLAIM_KIND,
        "tier": _claim_tier(dataset),
        "layer": CLAIMS_LAYER,
        "summary": claim.statement,
        "text": claim.note,
        "aliases": [],
        "references": list(claim.references),
        "attributes": {},
        "thresholds": [],
        "needs_verification": all(ref.needs_verification for ref in references),
        "verdict": claim.verdict,
        "source": claim.source,
    }


def claim_targets(dataset: Dataset, claim: Claim) -> list[str]:
    """The nodes a claim is drawn against: its nodes, and both ends of its edges, in order."""
    targets = list(claim.about_nodes)
    for edge_id in claim.about_edges:
        edge = dataset.edge(edge_id)
        targets += [edge.source, edge.target]
    return list(dict.fromkeys(targets))


def _claim_tier(dataset: Dataset) -> int:
    return max(kind.tier for kind in dataset.kinds) + 1
