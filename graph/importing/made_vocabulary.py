"""The vocabulary sections of an imported dataset: kinds, relations, certainty, evidence levels and references.

A JSON export holds the dataset's own records, which are used whole; otherwise (and for ids the
file's records lack) each is made from what the items say: a kind from its nodes' colour, shape
and tier, a relation from its links' phrase and polarity, a level from its rank and certainty
(renumbered, the claim-only level lowest and "not yet graded" next, when the file gives no ranks
or a level was made up), a certainty scale only when the levels use grades beyond GRADE's, and a
reference as a placeholder that says its citation was not in the file.
"""

from __future__ import annotations

from typing import Any

from graph.dataset.model import DEFAULT_CERTAINTY
from graph.dataset.vocabulary import LINE_STYLES
from graph.importing.import_state import FILE_SOURCE, ImportState, base, humanised
from graph.importing.kumu import UNGRADED

_GRADES = {grade.id: grade for grade in DEFAULT_CERTAINTY}


def vocabulary_sections(state: ImportState) -> dict[str, Any]:
    """The record's kinds, relations, certainty (when needed), evidence and references sections, in order."""
    return {"kinds": _given(state, "kinds", list(state.kinds.values())),
            "relations": _given(state, "relations", list(state.relations.values())), **_certainty_section(state),
            "evidence": _evidence(state), "references": _given(state, "references", _references(state))}


def _given(state: ImportState, section: str, made: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The file's own records of a section (a JSON export has them), then those made up for ids it lacks."""
    given = state.graph.vocabulary.get(section, [])
    ids = {record["id"] for record in given}
    return [*given, *(record for record in made if record["id"] not in ids)]


def _evidence(state: ImportState) -> list[dict[str, Any]]:
    """The file's levels when it has them all, else levels made from what the links say."""
    given = {record["id"]: record for record in state.graph.vocabulary.get("evidence", [])}
    return list(given.values()) if set(state.levels) <= set(given) else _levels(state)


def _levels(state: ImportState) -> list[dict[str, Any]]:
    """The levels, ranks kept where the file gave them all, else renumbered: claim-only lowest, then ungraded."""
    order = sorted(state.levels, key=lambda level: (state.levels[level]["certainty"] is not None,
                                                     level != UNGRADED, state.levels[level]["rank"] or 0))
    ranks = [state.levels[level]["rank"] for level in order]
    keep = None not in ranks and ranks == sorted(set(ranks))
    return [_level_record(level, state.levels[level], ranks[index] if keep else index)
            for index, level in enumerate(order)]


def _level_record(level: str, facts: dict[str, Any], rank: int) -> dict[str, Any]:
    label = "Not yet graded" if level == UNGRADED else humanised(level)
    record: dict[str, Any] = {"id": level, "rank": rank, "label": label}
    if facts["certainty"] is None:
        return record | {"claim_only": True}
    return record | {"certainty": facts["certainty"]}


def _certainty_section(state: ImportState) -> dict[str, Any]:
    """A ``certainty`` section when the levels use grades beyond GRADE's (the file's own scale)."""
    if "certainty" in state.graph.vocabulary and set(state.levels) <= {
            record["id"] for record in state.graph.vocabulary.get("evidence", [])}:
        return {"certainty": state.graph.vocabulary["certainty"]}
    used = [facts for facts in state.levels.values() if facts["certainty"] is not None]
    grades = dict.fromkeys(facts["certainty"] for facts in sorted(used, key=lambda f: -(f["rank"] or -1)))
    if set(grades) <= set(_GRADES):
        return {}
    lines = _lines(grades, used)
    return {"certainty": [{"id": grade, "label": humanised(grade), "line": lines[grade]} for grade in grades]}


def _lines(grades: dict[str, None], used: list[dict[str, Any]]) -> dict[str, str]:
    drawn = {facts["certainty"]: facts["line"] for facts in used if facts["line"] in LINE_STYLES}
    lines: dict[str, str] = {}
    for grade in grades:
        free = [line for line in LINE_STYLES if line not in lines.values()]
        lines[grade] = drawn[grade] if drawn.get(grade) in free else free[0]
    return lines


def _references(state: ImportState) -> list[dict[str, Any]]:
    return [{"id": ref, "kind": "other", "verification": "unverified",
             "citation": f"Imported from {base(state)}." if ref == FILE_SOURCE else
             f"Cited as '{ref}' in {base(state)}, which does not hold the citation itself."}
            for ref in state.references]
