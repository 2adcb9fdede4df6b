"""Views a dataset declares (tour steps), checked against the dataset without building the graph.

:func:`check_view` tells whether a :class:`~graph.viewspec.ViewSpec` fits a dataset: every node,
kind, relation, evidence level and verdict it names exists, and a path has both ends. The
checks follow the view keys declared in :data:`graph.dataset.model.VIEW_KEYS`, so a new view key
is checked as soon as it is declared. The loader uses the same checks for each tour step, with
the step's file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from graph.dataset.convert import suggest
from graph.dataset.fields import Field
from graph.dataset.model import VIEW_KEYS, Dataset
from graph.dataset.schema import SECTION_NOUNS
from graph.dataset.vocabulary import CLAIM_KIND
from graph.errors import Problem
from graph.viewspec import ViewSpec

__all__ = ["check_view", "view_problems"]

IdLookup = Callable[[str], Collection[str]]


def check_view(dataset: Dataset, spec: ViewSpec, file: str = "view") -> list[Problem]:
    """Every way ``spec`` does not fit ``dataset``, as Problems whose ``path`` is the view key.

    For example, ``ViewSpec(focus="iron_defficiency")`` gives "focus 'iron_defficiency' is not a
    node id." with the hint "Did you mean 'iron_deficiency'?". An empty list means the view fits.
    """
    return [Problem(file, 0, p.message, p.path, p.hint) for p in view_problems(dataset.ids, spec)]


def view_problems(ids: IdLookup, spec: ViewSpec) -> list[Problem]:
    """The problems of ``spec`` given the ids of each section (``ids('nodes')``…), without file or line."""
    problems = [problem for field in VIEW_KEYS for problem in _key_problems(ids, field, spec)]
    return problems + _half_path(spec)


def _key_problems(ids: IdLookup, field: Field, spec: ViewSpec) -> list[Problem]:
    value = getattr(spec, field.attribute or field.name, None)
    if value is None or not (field.refers_to or field.choices):
        return []
    known = _known(ids, field.refers_to) if field.refers_to else field.choices
    values = value if isinstance(value, tuple) else (value,)
    return [_unknown(field, item, known) for item in values if item not in known]


def _known(ids: IdLookup, section: str) -> list[str]:
    """Ids a view may name: claims are nodes of the graph, and 'claim' is their kind."""
    extra = {"nodes": list(ids("claims")), "kinds": [CLAIM_KIND]}.get(section, [])
    return [*ids(section), *extra]


def _unknown(field: Field, value: str, known: Collection[str]) -> Problem:
    noun = f"{SECTION_NOUNS[field.refers_to]} id" if field.refers_to else field.name.removesuffix("s")
    article = "an" if noun[0] in "aeiou" else "a"
    where = f"'{value}' in {field.name}" if field.type in ("ids", "choices") else f"{field.name} '{value}'"
    hint = suggest(value, known) or _listing(field, known)
    return Problem("", 0, f"{where} is not {article} {noun}.", field.name, hint)


def _listing(field: Field, known: Collection[str]) -> str:
    if field.refers_to:
        return f"Use an id defined under '{field.refers_to}'."
    return f"Use one of: {', '.join(known)}."


def _half_path(spec: ViewSpec) -> list[Problem]:
    if bool(spec.path_from) == bool(spec.path_to):
        return []
    given, missing = ("from", "to") if spec.path_from else ("to", "from")
    return [Problem("", 0, f"a path needs both 'from' and 'to'; only '{given}' is given.", given,
                    f"Add '{missing}', or remove '{given}'.")]
