"""Typed records for a dataset, as declared in docs/format.md.

The YAML's shape is declared once, in :mod:`graph.dataset.schema`; these frozen dataclasses are what the
loader produces from it. Everything downstream (graph building, queries, rendering, exports)
reads these records or the plain attributes copied from them into NetworkX.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from graph.dataset.vocabulary import ABOUT_RELATION, CLAIM_KIND, VERDICTS, VERIFICATION_STATES

__all__ = ["ABOUT_RELATION", "CLAIM_KIND", "VERDICTS", "VERIFICATION_STATES"]

Scalar = str | int | float | bool


@dataclass(frozen=True)
class Meta:
    """Title and provenance of a dataset."""

    title: str
    description: str = ""
    version: str = ""
    licence: str = ""
    authors: tuple[str, ...] = ()
    disclaimer: str = ""
    reviewed: str = ""


@dataclass(frozen=True)
class Kind:
    """A sort of node (cause, symptom…), with how it is drawn and its layout tier."""

    id: str
    label: str
    colour: str
    shape: str
    tier: int
    description: str = ""


@dataclass(frozen=True)
class Relation:
    """What an edge says, as a verb phrase read both ways."""

    id: str
    label: str
    inverse: str
    description: str = ""


@dataclass(frozen=True)
class EvidenceLevel:
    """How strong a link is; higher rank is stronger."""

    id: str
    rank: int
    label: str
    description: str = ""
    line: str = "solid"
    claim_only: bool = False


@dataclass(frozen=True)
class Reference:
    """A citable source and whether it has been checked."""

    id: str
    citation: str
    kind: str
    verification: str
    year: int | None = None
    doi: str = ""
    url: str = ""

    @property
    def needs_verification(self) -> bool:
        return self.verification != "verified"

    @property
    def link(self) -> str:
        """The best URL for the reference: its DOI resolver, else its URL, else empty."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url


@dataclass(frozen=True)
class Threshold:
    """A cut-off kept as data: ``operator value [upper] unit`` means ``meaning``."""

    operator: str
    value: float
    meaning: str
    upper: float | None = None
    unit: str = ""
    population: str = ""
    references: tuple[str, ...] = ()

    def describe(self) -> str:
        """The cut-off as text, e.g. ``≤ 75 ng/mL`` or ``75–100 ng/mL``."""
        unit = f" {self.unit}" if self.unit else ""
        if self.operator == "between":
            return f"{_number(self.value)}–{_number(self.upper or 0)}{unit}"
        symbol = {"<=": "≤", ">=": "≥"}.get(self.operator, self.operator)
        return f"{symbol} {_number(self.value)}{unit}"


@dataclass(frozen=True)
class Node:
    """An entity in the graph."""

    id: str
    label: str
    kind: str
    summary: str
    text: str = ""
    aliases: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    attributes: Mapping[str, Scalar] = field(default_factory=lambda: MappingProxyType({}))
    thresholds: tuple[Threshold, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    """A guideline's direction, strength and population for a treatment edge."""

    direction: str
    strength: str
    population: str
    certainty: str = ""

    def describe(self) -> str:
        """E.g. ``conditional recommendation against (adults; moderate certainty)``."""
        certainty = f"; {self.certainty} certainty" if self.certainty else ""
        return f"{self.strength} recommendation {self.direction} ({self.population}{certainty})"


@dataclass(frozen=True)
class Edge:
    """A directed, evidence-graded link between two nodes."""

    id: str
    source: str
    target: str
    relation: str
    evidence: str
    references: tuple[str, ...]
    note: str = ""
    recommendation: Recommendation | None = None
    verification: str = ""


@dataclass(frozen=True)
class Claim:
    """A statement made by a source, with our verdict on it."""

    id: str
    statement: str
    source: str
    verdict: str
    note: str
    references: tuple[str, ...]
    about_nodes: tuple[str, ...] = ()
    about_edges: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """A whole validated dataset, with lookups by id."""

    meta: Meta
    kinds: tuple[Kind, ...]
    relations: tuple[Relation, ...]
    evidence: tuple[EvidenceLevel, ...]
    references: tuple[Reference, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    claims: tuple[Claim, ...] = ()

    @cached_property
    def _index(self) -> dict[str, dict[str, object]]:
        sections = ("kinds", "relations", "evidence", "references", "nodes", "edges", "claims")
        return {name: {item.id: item for item in getattr(self, name)} for name in sections}

    def kind(self, kind_id: str) -> Kind:
        return self._index["kinds"][kind_id]  # type: ignore[return-value]

    def relation(self, relation_id: str) -> Relation:
        return self._index["relations"][relation_id]  # type: ignore[return-value]

    def evidence_level(self, evidence_id: str) -> EvidenceLevel:
        return self._index["evidence"][evidence_id]  # type: ignore[return-value]

    def reference(self, reference_id: str) -> Reference:
        return self._index["references"][reference_id]  # type: ignore[return-value]

    def node(self, node_id: str) -> Node:
        return self._index["nodes"][node_id]  # type: ignore[return-value]

    def edge(self, edge_id: str) -> Edge:
        return self._index["edges"][edge_id]  # type: ignore[return-value]

    def claim(self, claim_id: str) -> Claim:
        return self._index["claims"][claim_id]  # type: ignore[return-value]

    def edge_needs_verification(self, edge: Edge) -> bool:
        """True when the edge is flagged, or none of its references has been checked."""
        if edge.verification:
            return edge.verification != "verified"
        return all(self.reference(ref).needs_verification for ref in edge.references)


def default_edge_id(source: str, relation: str, target: str) -> str:
    """The id an edge gets when its YAML gives none."""
    return f"{source}--{relation}--{target}"


def _number(value: float) -> str:
    return f"{value:g}"
