"""What the user asked to see: filters, focus, depth, path and layout, as one record.

A :class:`ViewSpec` is what the app keeps in the URL and what the CLI's export options build, so
that "the view on screen" and "the view exported" are the same thing. It round-trips through
query parameters: ``ViewSpec.from_query(spec.to_query()) == spec``.

Each field is declared once more, in :data:`VIEW_OPTIONS`, with its public name and meaning;
the URL parameters, a tour step's keys, the CLI's flags (``--from``, ``--verdicts`` …) and the
app's widget keys are all derived from it, so none of them can miss a field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from graph.errors import ViewSpecError

DIRECTIONS = ("both", "out", "in")
LAYOUTS = ("layered", "force")
MAX_DEPTH = 4


@dataclass(frozen=True)
class ViewSpec:
    """A view of a dataset. ``None`` for kinds, relations and verdicts means "all".

    ``verdicts`` narrows the claims layer (when ``claims`` is on) to claims with those verdicts.
    ``expanded`` adds each listed node and its neighbours (one link, either way) to the view, and
    ``hidden`` leaves the listed nodes out, so a reader can grow or trim a view without leaving it.
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
    expanded: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()

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
        return {option.name: encode_value(getattr(self, option.attribute)) for option in VIEW_OPTIONS
                if getattr(self, option.attribute) != getattr(default, option.attribute)}

    @classmethod
    def from_query(cls, query: Mapping[str, str], source: str = "the link") -> ViewSpec:
        """Parse query parameters (as ``to_query`` writes them, or as given to the CLI); unknown
        ones are ignored. ``source`` names where they come from in the error message."""
        values = {option.attribute: query[option.name] for option in VIEW_OPTIONS if option.name in query}
        try:
            return cls(**{name: _decode(name, value) for name, value in values.items()})
        except ValueError as exc:
            raise ViewSpecError(f"cannot read the view from {source}: {exc}") from None


@dataclass(frozen=True)
class ViewOption:
    """One field of a ViewSpec as people meet it: ``name`` is its URL parameter, tour-step key and
    CLI flag; ``attribute`` the ViewSpec field and the app's widget key; ``type``, ``choices`` and
    ``refers_to`` say what a value is, as the dataset format does; ``description`` what it does."""

    attribute: str
    name: str
    type: str
    description: str
    choices: tuple[str, ...] = ()
    refers_to: str = ""


VIEW_OPTIONS = (
    ViewOption("focus", "focus", "id", "Node (or claim) to centre the view on.", refers_to="nodes"),
    ViewOption("depth", "depth", "integer", "How many links out from the focus."),
    ViewOption("direction", "direction", "choice", "Follow links out of the focus, into it, or both.",
               choices=DIRECTIONS),
    ViewOption("kinds", "kinds", "ids", "Show only nodes of these kinds (all when absent).", refers_to="kinds"),
    ViewOption("relations", "relations", "ids", "Show only links with these relations (all when absent).",
               refers_to="relations"),
    ViewOption("evidence", "evidence", "id", "Show only links at this evidence level or stronger.",
               refers_to="evidence"),
    ViewOption("claims", "claims", "boolean", "Show the claims layer."),
    ViewOption("verdicts", "verdicts", "choices", "With the claims layer, show only claims with these verdicts."),
    ViewOption("layout", "layout", "choice", "How the nodes are placed.", choices=LAYOUTS),
    ViewOption("path_from", "from", "id", "Start of the paths to highlight; needs `to`.", refers_to="nodes"),
    ViewOption("path_to", "to", "id", "End of the paths to highlight; needs `from`.", refers_to="nodes"),
    ViewOption("expanded", "expand", "ids", "Also show these nodes and their neighbours (one link, either way).",
               refers_to="nodes"),
    ViewOption("hidden", "hide", "ids", "Leave these nodes out of the view (not the focus or a path's ends).",
               refers_to="nodes"),
)


def query_names() -> tuple[str, ...]:
    """Every URL parameter a ViewSpec reads and writes."""
    return tuple(option.name for option in VIEW_OPTIONS)


_LISTS = ("kinds", "relations", "verdicts", "expanded", "hidden")


def encode_value(value: object) -> str:
    """A field's value as the URL (and the CLI) writes it: ``on``/``off``, ``a,b``, text."""
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
        return tuple(part.strip() for part in text.split(",") if part.strip())
    return text or None
