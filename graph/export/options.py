"""Typed export options, checked once, so a bad option is an :class:`ExportError` with a message.

Every writer takes an :class:`ExportOptions`; :func:`make_options` builds one from keyword
arguments (what the CLI and the app pass) and refuses unknown names, wrong types, values out of
range and options the chosen format does not use, each with a message saying what to use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from graph.errors import ExportError

PAGES = ("poster", "slide", "a4", "handout")
REFERENCES = ("caption", "separate", "none")
BLANKS = ("nodes", "links")  # what a worksheet blanks and numbers
PARTS = ("whole", "graph", "references")
MIN_SCALE, MAX_SCALE = 1.0, 4.0
DEFAULT_PASS_SCORE = 80


@dataclass(frozen=True)
class ExportOptions:
    """What a caller may choose about an export; every field has a default.

    ``scale`` multiplies the pixels of PNG (1 to 4); ``page`` is ``poster`` (A0, texts of 24 pt
    or more), ``slide`` (16:9, 1920×1080 px at scale 1), ``a4`` (landscape, printable) or
    ``handout`` (a 16 cm text column, portrait for a tall view);
    ``references`` puts the references in a ``caption``, on a ``separate`` page or file, or
    leaves them out (``none``); ``title`` replaces the view's title; ``image_name`` is the
    picture a handout links. ``part`` draws the ``whole`` picture, the ``graph`` alone (a
    handout's picture) or the ``references`` page of a ``separate`` export. ``pass_score`` is the
    percentage of right answers a course package's quiz counts as passed (0 to 100).
    """

    scale: float = 1.0
    page: str = "poster"
    references: str = "caption"
    title: str = ""
    image_name: str = ""
    part: str = "whole"
    pass_score: int = DEFAULT_PASS_SCORE

    def __post_init__(self) -> None:
        _check_number("scale", self.scale, MIN_SCALE, MAX_SCALE)
        _check_whole("pass_score", self.pass_score, 0, 100)
        _check_choice("page", self.page, PAGES)
        _check_choice("references", self.references, REFERENCES)
        _check_choice("part", self.part, PARTS)
        for name in ("title", "image_name"):
            if not isinstance(getattr(self, name), str):
                raise ExportError(f"option {name} must be text, got {getattr(self, name)!r}.")

    def with_changes(self, **changes: Any) -> ExportOptions:
        """A copy with some fields changed (checked like the original)."""
        return replace(self, **changes)


OPTION_NAMES = tuple(field.name for field in fields(ExportOptions))


def make_options(fmt: str, accepted: Iterable[str], given: Mapping[str, Any]) -> ExportOptions:
    """Options for format ``fmt`` from keyword arguments; ``accepted`` names the ones it uses.

    Raises ExportError for an unknown name, an option ``fmt`` does not use, or a bad value.
    """
    accepted = tuple(accepted)
    for name in given:
        if name not in OPTION_NAMES:
            raise ExportError(f"unknown export option '{name}'. Options are: {', '.join(OPTION_NAMES)}.")
        if name not in accepted:
            uses = ", ".join(accepted) or "no options"
            raise ExportError(f"the {fmt} export has no option '{name}' (it takes {uses}).")
    return ExportOptions(**given)


def _check_number(name: str, value: object, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ExportError(f"option {name} must be a number, got {value!r}.")
    if not low <= value <= high:
        raise ExportError(f"{name} must be between {low:g} and {high:g}, got {value:g}.")


def _check_whole(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ExportError(f"option {name} must be a whole number, got {value!r}.")
    _check_number(name, value, low, high)


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ExportError(f"option {name} must be one of {', '.join(choices)}, got {value!r}.")


DEFAULTS = ExportOptions()
