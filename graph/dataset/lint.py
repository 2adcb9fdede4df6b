"""Quality rules for a valid dataset: things that load fine but mislead or clutter.

Validation (:mod:`graph.dataset.validation`) rejects data the explorer cannot use; these rules flag
data it can use but should not publish: references nobody cites, kinds with no nodes, nodes with
no links, links that a claim marks unsupported or contradicted yet are stated above the
claim-only evidence level, links above that level that rest only on the source of claims (whose
statements are what is being checked, so they cannot count as evidence), kinds that share a fill
colour (Gephi, Cytoscape and spreadsheets show colour without the shape), and authoring notes
("not verified", "TODO") left in text students read: verification status belongs in the
``verification`` fields.
``python -m graph validate --strict`` treats them as errors.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from graph.dataset.model import Dataset, Node
from graph.dataset.vocabulary import VERDICT_LIST
from graph.errors import Origin, Problem

DISPUTING_VERDICTS = tuple(v.id for v in VERDICT_LIST if v.disputes)
AUTHORING_NOTES = re.compile(
    r"\b(?:not verified|unverified|not checked|to be checked|closest reference|TODO|FIXME)\b",
    re.IGNORECASE)


def lint_dataset(dataset: Dataset, file: str = "dataset") -> list[Problem]:
    """Every quality problem in ``dataset``: shared kind colours at the line of the colour, the
    others without line numbers."""
    messages = (
        unused_references(dataset) + empty_kinds(dataset) + isolated_nodes(dataset)
        + overstated_disputed_edges(dataset) + resting_on_claim_sources(dataset)
        + authoring_notes(dataset)
    )
    return shared_colours(dataset, file) + [Problem(file, 0, message) for message in messages]


def shared_colours(dataset: Dataset, file: str = "dataset") -> list[Problem]:
    """Kinds whose fill colour an earlier kind already has, each at the line of its colour."""
    first: dict[str, str] = {}
    problems = []
    for kind in dataset.kinds:
        earlier = first.setdefault(kind.colour.upper(), kind.id)
        if earlier != kind.id:
            where = dataset.colour_origins.get(kind.id, Origin(file, 0))
            problems.append(Problem(
                where.file, where.line, f"kinds '{earlier}' and '{kind.id}' share the colour {kind.colour}; "
                "other tools show the colour without the shape.",
                hint="Give each kind its own colour, or leave 'colour' out to take one from the default palette."))
    return problems


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
    """Edges restating an unsupported or contradicted claim, stated above the claim-only level.

    An edge restates a claim when the claim is about it and it cites the claim's source. A
    disputed claim may also point at edges that do not cite its source: the evidence it fails
    against (a null result, say), which keeps its own level.
    """
    return [
        f"edge '{edge.id}' is disputed by claim '{claim.id}' but has evidence "
        f"'{edge.evidence}'; use the claim-only level."
        for claim in dataset.claims if claim.verdict in DISPUTING_VERDICTS
        for edge in map(dataset.edge, claim.about_edges)
        if claim.source in edge.references and not dataset.evidence_level(edge.evidence).claim_only
    ]


def resting_on_claim_sources(dataset: Dataset) -> list[str]:
    """Edges above the claim-only level whose every reference is the source of some claim."""
    sources = {claim.source for claim in dataset.claims}
    return [f"edge '{edge.id}' rests only on {', '.join(edge.references)}, a source whose claims are "
            "being checked; cite evidence, or use the claim-only level."
            for edge in dataset.edges
            if set(edge.references) <= sources and not dataset.evidence_level(edge.evidence).claim_only]


def authoring_notes(dataset: Dataset) -> list[str]:
    """Student-facing texts that talk about checking the data instead of about the subject."""
    return [f"{where} says '{match.group(0)}'; record what was checked in a `verification` field "
            "and keep authoring notes out of text students read."
            for where, text in student_texts(dataset) if (match := AUTHORING_NOTES.search(text))]


def student_texts(dataset: Dataset) -> Iterator[tuple[str, str]]:
    """Every text the explorer shows a student, with where it comes from (citations excepted)."""
    yield from (("meta description", dataset.meta.description), ("meta disclaimer", dataset.meta.disclaimer))
    for section, items in (("kind", dataset.kinds), ("relation", dataset.relations),
                           ("evidence level", dataset.evidence)):
        for item in items:
            yield from _texts(f"{section} '{item.id}'", item, ("label", "inverse", "description"))
    for node in dataset.nodes:
        yield from _node_texts(node)
    for edge in dataset.edges:
        yield f"edge '{edge.id}' note", edge.note
    for claim in dataset.claims:
        yield from _texts(f"claim '{claim.id}'", claim, ("statement", "note"))
    for tour in dataset.tours:
        yield from _texts(f"tour '{tour.id}'", tour, ("title", "description"))
        yield from ((f"tour '{tour.id}' step {n} caption", step.caption) for n, step in enumerate(tour.steps, 1))


def _node_texts(node: Node) -> Iterator[tuple[str, str]]:
    where = f"node '{node.id}'"
    yield from _texts(where, node, ("label", "summary", "text"))
    yield from ((f"{where} attribute '{name}'", value) for name, value in node.attributes.items()
                if isinstance(value, str))
    yield from ((f"{where} threshold meaning", t.meaning) for t in node.thresholds)


def _texts(where: str, item: object, fields: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    return ((f"{where} {name}", getattr(item, name)) for name in fields if hasattr(item, name))


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
