"""Typed records for a dataset: the format, declared once.

Each field is declared with :func:`~graph.dataset.fields.key`: its description, constraints and,
through its annotation, its YAML type. The loader's checks, the cross-reference checks, the JSON
Schema (``schema/dataset.schema.json``) and the reference tables of ``docs/format.md`` are all
derived from these classes (see :mod:`graph.dataset.schema`). Everything downstream (graph
building, queries, rendering, exports) reads these records or the plain attributes copied from
them into NetworkX.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from graph.dataset.fields import Field, derived, key, record_fields
from graph.dataset.vocabulary import (
    ABOUT_RELATION,
    CLAIM_KIND,
    LINE_STYLES,
    OPERATORS,
    POLARITIES,
    RECOMMENDATION_DIRECTIONS,
    RECOMMENDATION_STRENGTHS,
    REFERENCE_KINDS,
    SHAPES,
    VERDICTS,
    VERIFICATION_STATES,
)
from graph.errors import Origin
from graph.viewspec import MAX_DEPTH, VIEW_OPTIONS, ViewOption, ViewSpec

__all__ = ["ABOUT_RELATION", "CLAIM_KIND", "VERDICTS", "VERIFICATION_STATES"]

Scalar = str | int | float | bool


@dataclass(frozen=True)
class Meta:
    """Title and provenance of a dataset."""

    title: str = key("Shown as the page and export title.")
    description: str = key("One paragraph on what the graph covers.", default="")
    version: str = key("The dataset's own version, e.g. `1.2.0`.", default="")
    licence: str = key("Licence of the content, e.g. `CC-BY-4.0`.", default="")
    authors: tuple[str, ...] = key("Authors or maintainers.", default=())
    disclaimer: str = key("Shown next to the graph, e.g. \"educational use, not medical advice\".", default="")
    reviewed: str = key("The date the content was last reviewed against the literature, e.g. `2026-11-24`.",
                        default="")


@dataclass(frozen=True)
class Kind:
    """A sort of node (cause, symptom…), with how it is drawn and its layout tier."""

    id: str = key("Referenced by `nodes[].kind`.", type="id")
    label: str = key("Shown in legends and filters.")
    shape: str = key("Node shape, so that colour is never the only cue.", choices=SHAPES)
    tier: int = key("Column in the layered left-to-right layout: causes before mechanisms before features…",
                    minimum=0)
    colour: str = key("Fill colour, `#rrggbb`. When absent, the next colour of the default palette that no "
                      "other kind declares (Okabe–Ito, then three extras); give each kind its own.",
                      type="colour", default="")
    description: str = key("What belongs to this kind.", default="")


@dataclass(frozen=True)
class Relation:
    """What an edge says, as a verb phrase read both ways."""

    id: str = key("Referenced by `edges[].relation`.", type="id")
    label: str = key("Verb phrase read source → target: \"is a risk factor for\".")
    inverse: str = key("Phrase read target → source: \"has as a risk factor\".")
    description: str = key("What the relation means.", default="")
    polarity: str = key(
        "`positive`: the link asserts something (causes, treats); `negative`: a studied link that was not "
        "found, or advice against (no association, suggested against, does not diagnose); `contrast`: the "
        "ends are told apart or compared. A negative link ends in a bar instead of an arrowhead, a "
        "contrast has a bar at both ends; tables and sentences say so in words.",
        choices=POLARITIES, default="positive")


@dataclass(frozen=True)
class CertaintyGrade:
    """How certain the evidence behind a link is; each grade is drawn as its own line style."""

    id: str = key("Referenced by `evidence[].certainty`.", type="id")
    label: str = key("Shown in legends, the evidence guide and tooltips, e.g. `Moderate certainty`.")
    line: str = key("Line style of every link at this grade; each grade of a scale has its own.",
                    choices=LINE_STYLES)
    description: str = key("What the grade means.", default="")


@dataclass(frozen=True)
class EvidenceLevel:
    """How strong a link is; higher rank is stronger."""

    id: str = key("Referenced by `edges[].evidence`.", type="id")
    rank: int = key("Higher is stronger; drives line width and the \"minimum evidence\" filter; ranks are unique.",
                    minimum=0)
    label: str = key("Shown in legends and filters.")
    description: str = key("When to use this level.", default="")
    certainty: str = key("How certain the evidence of this sort is, a grade of the `certainty` scale; it sets "
                         "the line style. Required, except on the claim-only level.", refers_to="certainty",
                         default="")
    claim_only: bool = key("The level for \"claimed by a source, unsupported\": its edges belong to the claims "
                           "layer and are hidden when that layer is off. It must be the lowest rank.", default=False)


@dataclass(frozen=True)
class Reference:
    """A citable source and whether it has been checked."""

    id: str = key("Cited by nodes, edges and claims.", type="id")
    citation: str = key("Full citation.")
    kind: str = key("What sort of source this is.", choices=REFERENCE_KINDS)
    verification: str = key(
        "Whether it was checked. `verified`: checked against the source; `secondary`: seen only second-hand; "
        "`unverified`: from general knowledge, needs checking. Anything not `verified` is marked "
        "\"needs verification\".", choices=VERIFICATION_STATES)
    year: int | None = key("Year of publication.", minimum=0, default=None)
    doi: str = key("DOI without the resolver, e.g. `10.5664/jcsm.11390`.", default="")
    url: str = key("Web address, `http(s)://…`.", default="")

    @property
    def needs_verification(self) -> bool:
        return self.verification != "verified"

    @property
    def link(self) -> str:
        """The URL to follow: its DOI resolver, else its URL if it is http(s), else empty.

        Any other scheme (``javascript:``, ``data:``…) is never turned into a link.
        """
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url if self.url.lower().startswith(("http://", "https://")) else ""


@dataclass(frozen=True)
class Threshold:
    """A cut-off kept as data: ``operator value [upper] unit`` means ``meaning``."""

    operator: str = key("How the value compares.", choices=OPERATORS)
    value: float = key("The cut-off (the lower bound for `between`).")
    meaning: str = key("What follows when the value is in range.")
    upper: float | None = key("The upper bound; required with `between`.", default=None)
    unit: str = key("Unit, e.g. `ng/mL`, `%`.", default="")
    population: str = key("Who the cut-off applies to, e.g. `adults`, `children`, `ESRD`.", default="")
    references: tuple[str, ...] = key("Reference ids.", refers_to="references", default=())
    verification: str = key(
        "Set when the cut-off itself was seen only second-hand or not checked, even if its references were; "
        "otherwise a threshold needs verification when none of its references (or, if it cites none, "
        "none of its node's) is `verified`.", choices=VERIFICATION_STATES, default="")

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

    id: str = key("Unique node id.", type="id")
    label: str = key("Display name.")
    kind: str = key("What sort of thing the node is.", refers_to="kinds")
    summary: str = key("One or two sentences.")
    text: str = key("Longer explanation.", default="")
    aliases: tuple[str, ...] = key("Other names, used by search.", default=())
    references: tuple[str, ...] = key("Reference ids.", refers_to="references", default=())
    attributes: Mapping[str, Scalar] = key("Free facts, e.g. `prevalence: \"2–3 % of adults\"`.",
                                           default_factory=lambda: MappingProxyType({}))
    thresholds: tuple[Threshold, ...] = key("Cut-offs that are data, not prose.", default=())


@dataclass(frozen=True)
class Recommendation:
    """A guideline's direction, strength and population for a treatment edge."""

    direction: str = key("For or against.", choices=RECOMMENDATION_DIRECTIONS)
    strength: str = key("Strength of the recommendation.", choices=RECOMMENDATION_STRENGTHS)
    population: str = key("Who it applies to, e.g. `adults`, `ESRD`, `pregnancy`, `children`.")
    certainty: str = key("Certainty of the evidence, e.g. `moderate`.", default="")

    def describe(self) -> str:
        """E.g. ``conditional recommendation against (adults; moderate certainty)``."""
        certainty = f"; {self.certainty} certainty" if self.certainty else ""
        return f"{self.strength} recommendation {self.direction} ({self.population}{certainty})"


@dataclass(frozen=True)
class Edge:
    """A directed, evidence-graded link between two nodes."""

    id: str = key("Defaults to `SOURCE--RELATION--TARGET`; needed only when two edges would share that.",
                  type="id", required=False)
    source: str = key("Where the link starts.", refers_to="nodes")
    target: str = key("Where the link ends.", refers_to="nodes")
    relation: str = key("What the link says.", refers_to="relations")
    evidence: str = key("How strong the link is.", refers_to="evidence")
    references: tuple[str, ...] = key("At least one reference behind the link.", refers_to="references",
                                      minimum=1)
    note: str = key("Why the link holds; figures and caveats.", default="")
    recommendation: Recommendation | None = key("A guideline recommendation.", default=None)  # noqa: RUF009
    verification: str = key(
        "Set when the link itself was seen only second-hand or not checked, even if its references were; "
        "otherwise an edge needs verification when none of its references is `verified`.",
        choices=VERIFICATION_STATES, default="")


@dataclass(frozen=True)
class Claim:
    """A statement made by a source, with our verdict on it."""

    id: str = key("Unique claim id; not a node id.", type="id")
    statement: str = key("The claim, in our words.")
    source: str = key("Who made the claim.", refers_to="references")
    verdict: str = key("Our verdict on it.", choices=tuple(VERDICTS))
    note: str = key("Why the verdict.")
    references: tuple[str, ...] = key("The evidence behind the verdict.", refers_to="references", minimum=1)
    about_nodes: tuple[str, ...] = key("What the claim concerns.", refers_to="nodes", default=())
    about_edges: tuple[str, ...] = key("Edges the claim concerns.", refers_to="edges", default=())


def _view_key(option: ViewOption) -> Field:
    """A key of a tour step's view, as the ViewSpec option declares it, with the field's default."""
    default = getattr(ViewSpec(), option.attribute)
    depth = option.attribute == "depth"
    choices = tuple(VERDICTS) if option.attribute == "verdicts" else option.choices  # vocabulary, not the spec's
    return Field(option.name, option.type, description=option.description,
                 attribute="" if option.attribute == option.name else option.attribute,
                 default=None if default in ("", (), None) else default, choices=choices,
                 refers_to=option.refers_to, minimum=1 if depth else None, maximum=MAX_DEPTH if depth else None)


VIEW_KEYS = tuple(_view_key(option) for option in VIEW_OPTIONS)


@dataclass(frozen=True)
class TourStep:
    """One step of a tour: a caption and the view it shows."""

    caption: str = key("Short Markdown text shown with the step (escaped like all dataset text).")
    view: ViewSpec = key(  # noqa: RUF009
        "The view to show: its keys sit on the step itself.", keys=VIEW_KEYS, default_factory=ViewSpec)


@dataclass(frozen=True)
class Tour:
    """A guided walk through the graph, one view per step."""

    id: str = key("Unique tour id, used in links (`?tour=ID&step=N`).", type="id")
    title: str = key("Shown in the list of tours.")
    description: str = key("What the tour explains.")
    steps: tuple[TourStep, ...] = key("The steps, in order; at least one.", minimum=1)


@dataclass(frozen=True)
class Dataset:
    """A whole validated dataset, with lookups by id.

    Its fields are the sections of a YAML file (``key`` makes a ``dataclasses.field``, which
    ruff's RUF009 cannot tell, hence the ``noqa`` marks in this module).
    """

    meta: Meta = key("Title and provenance.")  # noqa: RUF009
    kinds: tuple[Kind, ...] = key("What sort of thing a node is.")
    relations: tuple[Relation, ...] = key("What an edge says.")
    evidence: tuple[EvidenceLevel, ...] = key("How strong a link is.")
    references: tuple[Reference, ...] = key("Sources cited by nodes, edges and claims.", required=False)
    nodes: tuple[Node, ...] = key("The entities of the graph.")
    edges: tuple[Edge, ...] = key("Directed, evidence-graded links between nodes.", required=False)
    certainty: tuple[CertaintyGrade, ...] = key(
        "The certainty scale, most certain first. When absent: GRADE's high, moderate, low and very low, "
        "then not graded (good-practice statements, expert opinion).", default=())
    claims: tuple[Claim, ...] = key("Statements made by a source, checked.", default=())
    tours: tuple[Tour, ...] = key("Guided walks through the graph, one view per step.", default=())
    colour_origins: Mapping[str, Origin] = derived(
        "Where each kind's colour is written (the kind's own line when it takes a default), for lint messages.",
        default_factory=lambda: MappingProxyType({}))

    @cached_property
    def _index(self) -> dict[str, dict[str, Any]]:  # section → id → record of that section
        lists = [field.name for field in record_fields(Dataset) if field.type == "objects"]
        return {name: {item.id: item for item in getattr(self, name)} for name in lists}

    def ids(self, section: str) -> Collection[str]:
        """The ids defined in ``section`` ('nodes', 'kinds'…), in dataset order."""
        return self._index[section].keys()

    def kind(self, kind_id: str) -> Kind:
        return self._index["kinds"][kind_id]

    def relation(self, relation_id: str) -> Relation:
        return self._index["relations"][relation_id]

    def certainty_grade(self, grade_id: str) -> CertaintyGrade:
        return self._index["certainty"][grade_id]

    def evidence_level(self, evidence_id: str) -> EvidenceLevel:
        return self._index["evidence"][evidence_id]

    def reference(self, reference_id: str) -> Reference:
        return self._index["references"][reference_id]

    def node(self, node_id: str) -> Node:
        return self._index["nodes"][node_id]

    def edge(self, edge_id: str) -> Edge:
        return self._index["edges"][edge_id]

    def claim(self, claim_id: str) -> Claim:
        return self._index["claims"][claim_id]

    def tour(self, tour_id: str) -> Tour:
        return self._index["tours"][tour_id]

    def edge_needs_verification(self, edge: Edge) -> bool:
        """True when the edge is flagged, or none of its references has been checked."""
        if edge.verification:
            return edge.verification != "verified"
        return all(self.reference(ref).needs_verification for ref in edge.references)

    def threshold_needs_verification(self, node: Node, threshold: Threshold) -> bool:
        """True when the threshold is flagged, or none of its references (the node's, if it cites
        none) has been checked: a cut-off is read as a fact, so it says when nobody has checked it."""
        if threshold.verification:
            return threshold.verification != "verified"
        return all(self.reference(ref).needs_verification for ref in threshold.references or node.references)


DEFAULT_CERTAINTY = (
    CertaintyGrade("high", "High certainty", "solid",
                   "Further research is very unlikely to change our confidence in the finding."),
    CertaintyGrade("moderate", "Moderate certainty", "dashed",
                   "Further research may change the estimate: trials with limitations, consistent "
                   "replicated findings."),
    CertaintyGrade("low", "Low certainty", "dotted",
                   "Further research is likely to change the estimate: observational studies, a single "
                   "small trial, a conditional recommendation on low-certainty evidence."),
    CertaintyGrade("very-low", "Very low certainty", "sparse",
                   "Any estimate is very uncertain: indirect, mechanistic or conflicting evidence."),
    CertaintyGrade("not-graded", "Not graded", "dashdotdot",
                   "Nobody rated the evidence: a guideline's good-practice statement, consensus, standard "
                   "clinical knowledge or expert opinion. It can be sound advice, but it is not graded evidence."),
)


def default_edge_id(source: str, relation: str, target: str) -> str:
    """The id an edge gets when its YAML gives none."""
    return f"{source}--{relation}--{target}"


def _number(value: float) -> str:
    return f"{value:g}"
