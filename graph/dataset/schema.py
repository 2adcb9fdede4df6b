"""The dataset format, declared once.

The loader checks YAML against these field declarations, and :func:`json_schema` publishes the
same declarations as a JSON Schema for editors (``schema/dataset.schema.json``, regenerated with
``python -m graph schema -o schema/dataset.schema.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.dataset.vocabulary import VERDICTS, VERIFICATION_STATES

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
SHAPES = (
    "ellipse", "box", "diamond", "dot", "square", "triangle", "triangleDown", "star", "hexagon",
    "database",
)
LINE_STYLES = ("solid", "dashed", "dotted")
REFERENCE_KINDS = (
    "guideline", "consensus", "systematic-review", "review", "trial", "observational", "genetic",
    "mechanistic", "regulatory", "book", "web-page", "other",
)
OPERATORS = ("<", "<=", ">", ">=", "between")


@dataclass(frozen=True)
class Field:
    """One key of the format: its type, whether it is required, and what it means.

    ``type`` is one of: string, id, integer, number, boolean, colour, choice (one of
    ``choices``), strings, ids (lists), scalars (a mapping of name to scalar), object and
    objects (a mapping, or a list of mappings, with ``fields``).
    """

    name: str
    type: str
    required: bool = False
    description: str = ""
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    minimum: int | None = None


def _f(name: str, type_: str, description: str, **extra: Any) -> Field:
    return Field(name, type_, description=description, **extra)


def _req(name: str, type_: str, description: str, **extra: Any) -> Field:
    return Field(name, type_, required=True, description=description, **extra)


META = (
    _req("title", "string", "Shown as the page and export title."),
    _f("description", "string", "What the graph covers."),
    _f("version", "string", "The dataset's own version."),
    _f("licence", "string", "Licence of the content, e.g. CC-BY-4.0."),
    _f("authors", "strings", "Authors or maintainers."),
    _f("disclaimer", "string", "Shown next to the graph."),
    _f("reviewed", "string", "Date the content was last reviewed against the literature, e.g. 2026-11-24."),
)
KIND = (
    _req("id", "id", "Referenced by nodes[].kind."),
    _req("label", "string", "Shown in legends and filters."),
    _req("colour", "colour", "Fill colour, #rrggbb."),
    _req("shape", "choice", "Node shape, so colour is never the only cue.", choices=SHAPES),
    _req("tier", "integer", "Column in the layered left-to-right layout.", minimum=0),
    _f("description", "string", "What belongs to this kind."),
)
RELATION = (
    _req("id", "id", "Referenced by edges[].relation."),
    _req("label", "string", "Verb phrase read source to target: 'is a risk factor for'."),
    _req("inverse", "string", "Phrase read target to source: 'has as a risk factor'."),
    _f("description", "string", "What the relation means."),
)
EVIDENCE = (
    _req("id", "id", "Referenced by edges[].evidence."),
    _req("rank", "integer", "Higher is stronger; unique.", minimum=0),
    _req("label", "string", "Shown in legends and filters."),
    _f("description", "string", "When to use this level."),
    _f("line", "choice", "Line style of edges at this level.", choices=LINE_STYLES),
    _f("claim_only", "boolean", "Claimed by a source, unsupported: part of the claims layer."),
)
REFERENCE = (
    _req("id", "id", "Cited by nodes, edges and claims."),
    _req("citation", "string", "Full citation."),
    _req("kind", "choice", "What sort of source this is.", choices=REFERENCE_KINDS),
    _req("verification", "choice", "Whether it was checked.", choices=VERIFICATION_STATES),
    _f("year", "integer", "Year of publication.", minimum=0),
    _f("doi", "string", "DOI without the resolver, e.g. 10.5664/jcsm.11390."),
    _f("url", "string", "Web address."),
)
THRESHOLD = (
    _req("operator", "choice", "How the value compares.", choices=OPERATORS),
    _req("value", "number", "The cut-off (lower bound for 'between')."),
    _f("upper", "number", "Upper bound, with 'between'."),
    _f("unit", "string", "Unit, e.g. ng/mL."),
    _f("population", "string", "Who the cut-off applies to."),
    _req("meaning", "string", "What follows when the value is in range."),
    _f("references", "ids", "Reference ids."),
)
NODE = (
    _req("id", "id", "Unique node id."),
    _req("label", "string", "Display name."),
    _req("kind", "id", "A kind id."),
    _req("summary", "string", "One or two sentences."),
    _f("text", "string", "Longer explanation."),
    _f("aliases", "strings", "Other names, used by search."),
    _f("references", "ids", "Reference ids."),
    _f("attributes", "scalars", "Free facts: name to string, number or boolean."),
    _f("thresholds", "objects", "Cut-offs kept as data.", fields=THRESHOLD),
)
RECOMMENDATION = (
    _req("direction", "choice", "For or against.", choices=("for", "against")),
    _req(
        "strength", "choice", "Strength of the recommendation.",
        choices=("strong", "conditional", "good-practice"),
    ),
    _req("population", "string", "Who it applies to: adults, ESRD, pregnancy, children…"),
    _f("certainty", "string", "Certainty of the evidence, e.g. moderate."),
)
EDGE = (
    _f("id", "id", "Defaults to SOURCE--RELATION--TARGET."),
    _req("source", "id", "Source node id."),
    _req("target", "id", "Target node id."),
    _req("relation", "id", "A relation id."),
    _req("evidence", "id", "An evidence level id."),
    _req("references", "ids", "At least one reference id.", minimum=1),
    _f("note", "string", "Why the link holds; figures and caveats."),
    _f("recommendation", "object", "A guideline recommendation.", fields=RECOMMENDATION),
    _f("verification", "choice", "Flag a link seen only second-hand.", choices=VERIFICATION_STATES),
)
CLAIM = (
    _req("id", "id", "Unique claim id."),
    _req("statement", "string", "The claim, in our words."),
    _req("source", "id", "Reference id of who made the claim."),
    _req("verdict", "choice", "Our verdict on it.", choices=tuple(VERDICTS)),
    _req("note", "string", "Why the verdict."),
    _req("references", "ids", "Evidence behind the verdict.", minimum=1),
    _f("about_nodes", "ids", "Node ids the claim concerns."),
    _f("about_edges", "ids", "Edge ids the claim concerns."),
)
SECTIONS = (
    _f("meta", "object", "Title and provenance.", fields=META),
    _f("kinds", "objects", "Node kinds.", fields=KIND),
    _f("relations", "objects", "Edge relations.", fields=RELATION),
    _f("evidence", "objects", "Evidence levels.", fields=EVIDENCE),
    _f("references", "objects", "References.", fields=REFERENCE),
    _f("nodes", "objects", "Nodes.", fields=NODE),
    _f("edges", "objects", "Edges.", fields=EDGE),
    _f("claims", "objects", "Claims made by a source, with verdicts.", fields=CLAIM),
)
DATASET = Field("dataset", "object", fields=SECTIONS)

_SIMPLE_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "id": {"type": "string", "pattern": ID_PATTERN},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "colour": {"type": "string", "pattern": COLOUR_PATTERN},
    "strings": {"type": "array", "items": {"type": "string"}},
    "ids": {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}},
    "scalars": {
        "type": "object",
        "additionalProperties": {"type": ["string", "number", "boolean"]},
    },
}


def json_schema() -> dict[str, Any]:
    """The format as a JSON Schema (draft 2020-12) document."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/knowledge-graph-explorer/dataset.schema.json",
        "title": "Knowledge-graph explorer dataset",
        "description": "One YAML file of a dataset (a folder's files are merged). See docs/format.md.",
    }
    return schema | _field_schema(DATASET)


def _field_schema(field: Field) -> dict[str, Any]:
    if field.type == "choice":
        schema: dict[str, Any] = {"enum": list(field.choices)}
    elif field.type in ("object", "objects"):
        schema = _object_schema(field.fields)
        if field.type == "objects":
            schema = {"type": "array", "items": schema}
    else:
        schema = dict(_SIMPLE_TYPES[field.type])
    return schema | _constraints(field)


def _object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: _field_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def _constraints(field: Field) -> dict[str, Any]:
    extra: dict[str, Any] = {"description": field.description} if field.description else {}
    if field.minimum is not None:
        extra["minItems" if field.type == "ids" else "minimum"] = field.minimum
    return extra
