"""Quality rules for a valid dataset: things that load fine but mislead or clutter.

Validation (:mod:`graph.dataset.validation`) rejects data the explorer cannot use; these rules flag
data it can use but should not publish: references nobody cites, kinds with no nodes, nodes with
no links, and links that a claim marks unsupported or contradicted yet are stated above the
claim-only evidence level. ``python -m graph validate --strict`` treats them as errors.
"""

from __future__ import annotations

from collections import Counter

from graph.dataset.model import Dataset
from graph.dataset.vocabulary import VERDICT_LIST
from graph.errors import Problem

DISPUTING_VERDICTS = tuple(v.id for v in VERDICT_LIST if v.disputes)


def lint_dataset(dataset: Dataset, file: str = "dataset") -> list[Problem]:
    """Every quality problem in ``dataset``, as Problems without line numbers."""
    messages = (
        unused_references(dataset) + empty_kinds(dataset) + isolated_nodes(dataset)
        + overstated_disputed_edges(dataset)
    )
    return [Problem(file, 0, message) for message in messages]


def unused_references(dataset: Dataset) -> list[str]:
    """References that no node, threshold, edge or claim cites."""
    cited = cited_references(dataset)
    return [f"reference '{ref.id}' is never cited." for ref in dataset.references
            if ref.id not in cited]


def empty_kinds(dataset: Dataset) -> list[str]:
    """Kinds that no node uses."""
    used = {node.kind for node in dataset.nodes}
    return [f"kind '{kind.id}' has no nodes." for kind in dataset.kinds if kind.id not in used]


def isolated_nodes(dataset: Dataset) -> list[str]:
    """Nodes with no edge at all (claims do not count)."""
    degree = Counter(end for edge in dataset.edges for end in (edge.source, edge.target))
    return [f"node '{node.id}' has no edges." for node in dataset.nodes if not degree[node.id]]


def overstated_disputed_edges(dataset: Dataset) -> list[str]:
    """Edges an unsupported or contradicted claim is about, stated above the claim-only level."""
    disputed = {edge_id: claim.id for claim in dataset.claims
                if claim.verdict in DISPUTING_VERDICTS for edge_id in claim.about_edges}
    return [
        f"edge '{edge.id}' is disputed by claim '{disputed[edge.id]}' but has evidence "
        f"'{edge.evidence}'; use the claim-only level."
        for edge in dataset.edges
        if edge.id in disputed and not dataset.evidence_level(edge.evidence).claim_only
    ]


def cited_references(dataset: Dataset) -> set[str]:
    """Ids of every reference cited anywhere: nodes, thresholds, edges, claims and their sources."""
    cited: set[str] = set()
    for node in dataset.nodes:
        cited.update(node.references)
        cited.update(ref for threshold in node.thresholds for ref in threshold.references)
    for edge in dataset.edges:
        cited.update(edge.references)
    for claim in dataset.claims:
        cited.update((claim.source, *claim.references))
    return cited
