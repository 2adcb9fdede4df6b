"""What the user asked to see: filters, focus, depth, path and layout, as one record.

A :class:`ViewSpec` is what the app keeps in the URL and what the CLI's export options build, so
that "the view on screen" and "the view exported" are the same thing. It round-trips through
query parameters: ``ViewSpec.from_query(spec.to_query()) == spec``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from graph.errors import ViewSpecError

DIRECTIONS = ("both", "out", "in")
LAYOUTS = ("layered", "force")
MAX_DEPTH = 4


@dataclass(frozen=True)
class ViewSpec:
    """A view of a dataset. ``None`` for kinds, relations and verdicts means "all".

    ``verdicts`` narrows the claims layer (when ``claims`` is on) to claims with those verdicts.
    """

    focus: str | None = None
    depth: int = 1
    direction: str = "both"
    kinds: tuple[str, ...] | None = None
    relations: tuple[str, ...] | None = None
    evidence: str | None = None
    claims: bool = False
    verdicts: tuple[str, ...] | None = None
    layout: str = "layered"
    path_from: str | None = None
    path_to: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.depth <= MAX_DEPTH:
            raise ViewSpecError(f"depth must be 1 to {MAX_DEPTH}, got {self.depth}.")
        if self.direction not in DIRECTIONS:
            raise ViewSpecError(f"direction must be one of {', '.join(DIRECTIONS)}, got '{self.direction}'.")
        if self.layout not in LAYOUTS:
            raise ViewSpecError(f"layout must be one of {', '.join(LAYOUTS)}, got '{self.layout}'.")

    @property
    def wants_path(self) -> bool:
        return bool(self.path_from and self.path_to)

    @property
    def missing_path_end(self) -> str | None:
        """``"path_to"`` or ``"path_from"`` when the path has only its other end, else None.

        A reader picks one end before the other, so the app allows half a path; an export or a
        shared link that gives only one end is a mistake worth reporting.
        """
        if bool(self.path_from) == bool(self.path_to):
            return None
        return "path_to" if self.path_from else "path_from"

    def with_changes(self, **changes: Any) -> ViewSpec:
        return replace(self, **changes)

    def to_query(self) -> dict[str, str]:
        """The non-default parts of the spec as URL query parameters."""
        default = ViewSpec()
        query = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if value != getattr(default, field.name):
                query[_QUERY_NAMES.get(field.name, field.name)] = _encode(value)
        return query

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> ViewSpec:
        """Parse query parameters (as ``to_query`` writes them); unknown ones are ignored."""
        names = {_QUERY_NAMES.get(f.name, f.name): f.name for f in fields(cls)}
        values = {names[key]: value for key, value in query.items() if key in names}
        try:
            return cls(**{name: _decode(name, value) for name, value in values.items()})
        except ValueError as exc:
            raise ViewSpecError(f"cannot read the view from the link: {exc}") from None


_QUERY_NAMES = {"path_from": "from", "path_to": "to"}


def query_names() -> tuple[str, ...]:
    """Every URL parameter a ViewSpec reads and writes."""
    return tuple(_QUERY_NAMES.get(field.name, field.name) for field in fields(ViewSpec))
_LISTS = ("kinds", "relations", "verdicts")


def _encode(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, tuple):
        return ",".join(value)
    return str(value)


def _decode(name: str, text: str) -> Any:
    if name == "depth":
        return int(text)
    if name == "claims":
        if text not in ("on", "off"):
            raise ValueError(f"claims must be 'on' or 'off', got '{text}'")
        return text == "on"
    if name in _LISTS:
        return tuple(part for part in text.split(",") if part)
    return text or None
