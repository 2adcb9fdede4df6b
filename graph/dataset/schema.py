"""The dataset format as the loader reads it, and as a JSON Schema for editors.

The format is declared once, by the records of :mod:`graph.dataset.model`; this module derives
the declarations the loader checks YAML against (:data:`DATASET`) and publishes them with
:func:`json_schema` (``schema/dataset.schema.json``, regenerated with
``python -m graph schema -o schema/dataset.schema.json``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.dataset.fields import COLOUR_PATTERN, ID_PATTERN, Field, record_fields
from graph.dataset.model import Dataset
from graph.dataset.vocabulary import LINE_STYLES, OPERATORS, REFERENCE_KINDS, SHAPES

# The enumerations are declared in vocabulary.py; they stay importable from here too.
__all__ = ["DATASET", "LINE_STYLES", "OPERATORS", "REFERENCE_KINDS", "REQUIRED_SECTIONS", "SECTIONS", "SECTION_NOUNS",
           "SHAPES", "Field", "json_schema"]

# Any one file of a folder may leave out any section; the merged dataset needs these.
REQUIRED_SECTIONS = tuple(field.name for field in record_fields(Dataset) if field.required)
SECTIONS = tuple(replace(field, required=False) for field in record_fields(Dataset))
DATASET = Field("dataset", "object", fields=SECTIONS)
SECTION_NOUNS = {field.name: field.noun for field in SECTIONS}  # 'evidence' -> 'evidence level'

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
_LISTS = ("strings", "ids", "choices", "objects")


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
    elif field.type == "choices":
        schema = {"type": "array", "items": {"enum": list(field.choices)}}
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
        extra["minItems" if field.type in _LISTS else "minimum"] = field.minimum
    if field.maximum is not None:
        extra["maximum"] = field.maximum
    if field.default is not None:
        extra["default"] = field.default
    return extra
