"""How the format is declared: typed records whose fields say what their YAML keys mean.

The frozen dataclasses of :mod:`graph.dataset.model` are the one declaration of the format. Each
field is made with :func:`key`, which records its description and constraints; its YAML type is
read from the annotation (``str``, ``int``, ``tuple[Node, ...]``…), so the model and the format
cannot disagree. :func:`record_fields` turns a record class into :class:`Field` declarations,
which drive the loader's checks, the cross-reference checks, the JSON Schema and the reference
tables of ``docs/format.md``; :func:`build_record` turns checked YAML back into the records.
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
_DECLARATION = "format"
_DERIVED = "derived"
_LIST_TYPES = {"string": "strings", "id": "ids", "choice": "choices"}
_SCALAR_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


@dataclass(frozen=True)
class Field:
    """One key of the format: its type, whether it is required, and what it means.

    ``type`` is one of: string, id, integer, number, boolean, colour, choice (one of
    ``choices``), strings, ids, choices (lists), scalars (a mapping of name to scalar), object
    and objects (a mapping, or a list of mappings, with ``fields``, read into ``record``).
    ``refers_to`` names the section whose ids an id must be; ``part_of`` names the record
    attribute a key is gathered into (a tour step's view keys); ``attribute`` is the record's
    name for a key when it differs (``from`` is ``path_from``).
    """

    name: str
    type: str
    required: bool = False
    description: str = ""
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    refers_to: str = ""
    default: object = None
    record: builtins.type | None = None  # the builtin: ``type`` above is a field
    attribute: str = ""
    part_of: str = ""

    @property
    def noun(self) -> str:
        """What one entry is called in messages: 'evidence level' for EvidenceLevel."""
        name = self.record.__name__ if self.record else self.name
        return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


@dataclass(frozen=True)
class _Declaration:
    description: str
    type: str
    choices: tuple[str, ...]
    refers_to: str
    minimum: int | None
    maximum: int | None
    required: bool | None
    keys: tuple[Field, ...]


def key(description: str, *, type: str = "", choices: tuple[str, ...] = (), refers_to: str = "",
        minimum: int | None = None, maximum: int | None = None, required: bool | None = None,
        keys: tuple[Field, ...] = (), **default: Any) -> Any:
    """A dataclass field that is also a YAML key; ``default=`` or ``default_factory=`` as usual.

    ``required`` defaults to "the record has no default"; ``keys`` declares a record (a view)
    whose keys sit directly in the parent mapping.
    """
    declaration = _Declaration(description, type, choices, refers_to, minimum, maximum, required, keys)
    return dataclasses.field(metadata={_DECLARATION: declaration}, **default)


def derived(description: str, **default: Any) -> Any:
    """A dataclass field that is not a YAML key: filled in while loading (where things were
    written), left out of the format, the schema and comparisons."""
    return dataclasses.field(metadata={_DERIVED: description}, compare=False, repr=False, **default)


def derived_fields(record: type) -> tuple[str, ...]:
    """The names of a record's fields made with :func:`derived`."""
    return tuple(field.name for field in dataclasses.fields(record) if _DERIVED in field.metadata)


@functools.cache
def record_fields(record: type) -> tuple[Field, ...]:
    """The YAML keys of a record class, in declaration order."""
    hints = typing.get_type_hints(record)
    declared: list[Field] = []
    for field in dataclasses.fields(record):
        declaration = field.metadata.get(_DECLARATION)
        if declaration and declaration.keys:
            declared += [replace(part, part_of=field.name) for part in declaration.keys]
        elif declaration:
            declared.append(_field(field, declaration, hints[field.name]))
    return tuple(declared)


def _field(field: dataclasses.Field, declaration: _Declaration, hint: Any) -> Field:
    type_, record = _yaml_type(hint, declaration)
    has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
    required = not has_default if declaration.required is None else declaration.required
    default = None if field.default in (dataclasses.MISSING, "", (), None) else field.default
    return Field(
        field.name, type_, required, declaration.description, declaration.choices,
        record_fields(record) if record else (), declaration.minimum, declaration.maximum,
        declaration.refers_to, default, record,
    )


def _yaml_type(hint: Any, declaration: _Declaration) -> tuple[str, type | None]:
    """The YAML type of an annotation, and the record class of object types."""
    hint = _without_none(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return "object", hint
    if typing.get_origin(hint) is tuple:
        item_type, item_record = _yaml_type(typing.get_args(hint)[0], declaration)
        return ("objects", item_record) if item_record else (_LIST_TYPES[item_type], None)
    if typing.get_origin(hint) in (Mapping, dict):
        return "scalars", None
    if declaration.type:
        return declaration.type, None
    if declaration.choices:
        return "choice", None
    return ("id" if declaration.refers_to else _SCALAR_TYPES[hint]), None


def _without_none(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        others = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return others[0] if len(others) == 1 else hint
    return hint


def build_record(record: type, values: Mapping[str, Any], fields: tuple[Field, ...] | None = None) -> Any:
    """The ``record`` made from checked YAML values (as :mod:`graph.dataset.convert` returns them)."""
    fields = record_fields(record) if fields is None else fields
    arguments = {field.attribute or field.name: _value(field, values[field.name])
                 for field in fields if field.name in values and not field.part_of}
    for part in dict.fromkeys(field.part_of for field in fields if field.part_of):
        arguments[part] = build_part(record, part, values)
    return record(**arguments)


def build_part(record: type, part: str, values: Mapping[str, Any]) -> Any:
    """The record gathered from the keys of ``record``'s ``part`` (a tour step's view)."""
    part_fields = tuple(replace(field, part_of="") for field in record_fields(record) if field.part_of == part)
    return build_record(typing.get_type_hints(record)[part], values, part_fields)


def _value(field: Field, value: Any) -> Any:
    if field.type == "object":
        return build_record(field.record, value, field.fields)  # type: ignore[arg-type]
    if field.type == "objects":
        return tuple(build_record(field.record, item, field.fields) for item in value)  # type: ignore[arg-type]
    if field.type == "scalars":
        return types.MappingProxyType(dict(value))
    return value
