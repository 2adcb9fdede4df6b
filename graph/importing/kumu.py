"""Kumu-style sheets to a dataset record: elements become nodes, connections become edges.

Kumu's blueprint (and yEd's and Graph Commons' similar imports) is an *Elements* sheet
(``Label``, ``Type``, ``Description``, ``Tags``) and a *Connections* sheet (``From``, ``To``,
``Type``, ``Label``, ``Description``). What this format needs and a spreadsheet lacks is made
honestly: each element or connection type becomes a kind or a relation, described as imported
so the author can phrase it; a connection without an ``Evidence`` column gets the lowest level,
"not yet graded"; every node and edge cites the spreadsheet itself unless a ``References`` column
names sources; an Evidence cell that names a GRADE grade (high, moderate, low, very low) sets
the link's certainty. Cells holding several values (``Tags``, ``Aliases``, ``References``) are split at
``|``. Every problem is reported at once, with its sheet, row and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.dataset.convert import suggest
from graph.dataset.vocabulary import SHAPES
from graph.errors import Problem, ValidationError
from graph.importing.sheets import Sheet

PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
           "#882255", "#44AA99", "#117733", "#332288")
UNGRADED = "not-yet-graded"
NOT_GRADED = "not-graded"
GRADES = {"high": "high", "moderate": "moderate", "low": "low", "very_low": "very-low"}
SOURCE = "imported-spreadsheet"


@dataclass
class _Import:
    """What the sheets say so far, and what is wrong with them."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    labels: dict[str, tuple[str, int]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    relations: dict[str, str] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    references: dict[str, str] = field(default_factory=dict)
    edges: list[dict[str, Any]] = field(default_factory=list)
    seen: dict[tuple[str | None, str, str | None], int] = field(default_factory=dict)

    def problem(self, sheet: Sheet, row: int, column: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(sheet.file, row, message, path=f"sheet {sheet.name}, column {column}", hint=hint))


def import_kumu(sheets: list[Sheet], title: str | None = None) -> dict[str, Any]:
    """A dataset record (plain data, in the format's section order) from the sheets; raises ValidationError."""
    elements, connections = _find(sheets, "Elements"), _find(sheets, "Connections")
    state = _Import(elements.file)
    _check_columns(state, elements, ("Label",))
    _check_columns(state, connections, ("From", "To"))
    if not state.problems:
        for row, cells in elements.rows:
            _element(state, elements, row, cells)
        for row, cells in connections.rows:
            _connection(state, connections, row, cells)
    if state.problems:
        raise ValidationError(state.problems)
    return _record(state, title or default_title(elements.file))


def default_title(file: str) -> str:
    """A title from the file's name, without the words elements and connections ("cells-elements.csv" → "Cells")."""
    words = re.sub(r"(?i)\b(elements|connections)\b", " ", Path(file).stem.replace("-", " ").replace("_", " "))
    return " ".join(words.split()).capitalize() or "Imported map"


def slug(text: str) -> str:
    """An id from a label: lower case letters and digits joined by ``_``."""
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_") or "item"


def split_cell(text: str) -> list[str]:
    """A cell's values, split at ``|`` as Kumu does."""
    return [part.strip() for part in text.split("|") if part.strip()]


def _find(sheets: list[Sheet], name: str) -> Sheet:
    found = [sheet for sheet in sheets if sheet.name.casefold() == name.casefold()]
    if not found:
        names = ", ".join(sheet.name for sheet in sheets) or "none"
        file = sheets[0].file if sheets else "(no file)"
        raise ValidationError.single(file, f"has no {name} sheet (its sheets: {names}).",
                                     "Name the sheets Elements and Connections, or give elements.csv and "
                                     "connections.csv.")
    return found[0]


def _check_columns(state: _Import, sheet: Sheet, required: tuple[str, ...]) -> None:
    for column in required:
        if sheet.column(column) is None:
            state.problem(sheet, 1, column, f"the header row has no '{column}' column "
                          f"(it has: {', '.join(sheet.header) or 'nothing'}).")


def _get(sheet: Sheet, cells: dict[str, str], column: str) -> str:
    name = sheet.column(column)
    return cells.get(name, "") if name else ""


def _element(state: _Import, sheet: Sheet, row: int, cells: dict[str, str]) -> None:
    label = _get(sheet, cells, "Label")
    if not label:
        state.problem(sheet, row, "Label", "the label is empty: every element needs one.")
        return
    if label.casefold() in state.labels:
        first = state.labels[label.casefold()][1]
        state.problem(sheet, row, "Label", f"'{label}' is already the label of row {first}.")
        return
    node_id = unique_id(slug(label), {node["id"] for node in state.nodes.values()})
    state.labels[label.casefold()] = (node_id, row)
    kind = _vocabulary(state.kinds, _get(sheet, cells, "Type") or "Element")
    node: dict[str, Any] = {"id": node_id, "label": label, "kind": kind,
                            "summary": _get(sheet, cells, "Description") or "(No description in the spreadsheet.)"}
    node.update(_optional_lists(sheet, cells))
    node["references"] = _references(state, sheet, cells)
    state.nodes[node_id] = node


def _optional_lists(sheet: Sheet, cells: dict[str, str]) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if aliases := split_cell(_get(sheet, cells, "Aliases")):
        extra["aliases"] = aliases
    if tags := split_cell(_get(sheet, cells, "Tags")):
        extra["attributes"] = {"tags": ", ".join(tags)}
    return extra


def _connection(state: _Import, sheet: Sheet, row: int, cells: dict[str, str]) -> None:
    ends = [_end(state, sheet, row, cells, column) for column in ("From", "To")]
    phrase = _get(sheet, cells, "Type") or _get(sheet, cells, "Label")
    if not phrase:
        state.problem(sheet, row, "Type", "the type is empty, and so is the label: say what the connection means.",
                      "Write a verb phrase such as 'causes' or 'is treated by'.")
    if None in ends or not phrase:
        return
    relation = _vocabulary(state.relations, phrase)
    first = state.seen.setdefault((ends[0], relation, ends[1]), row)
    if first != row:
        state.problem(sheet, row, "To", f"repeats the connection of row {first} (same From, To and Type).",
                      "Delete one of the two rows.")
        return
    edge: dict[str, Any] = {"source": ends[0], "target": ends[1], "relation": relation,
                            "evidence": _vocabulary(state.levels, _get(sheet, cells, "Evidence") or UNGRADED),
                            "references": _references(state, sheet, cells)}
    if note := _get(sheet, cells, "Description"):
        edge["note"] = note
    state.edges.append(edge)


def _end(state: _Import, sheet: Sheet, row: int, cells: dict[str, str], column: str) -> str | None:
    label = _get(sheet, cells, column)
    if label.casefold() in state.labels:
        return state.labels[label.casefold()][0]
    hint = suggest(label, [node["label"] for node in state.nodes.values()]) if label else ""
    state.problem(sheet, row, column, f"'{label}' is not the label of an element." if label else "is empty.", hint)
    return None


def _vocabulary(table: dict[str, str], text: str) -> str:
    """The id for ``text`` in a kind, relation or level table, added the first time it is seen."""
    key = slug(text) if text != UNGRADED else UNGRADED
    table.setdefault(key, text if text != UNGRADED else "Not yet graded")
    return key


def _references(state: _Import, sheet: Sheet, cells: dict[str, str]) -> list[str]:
    citations = split_cell(_get(sheet, cells, "References"))
    if not citations:
        state.references.setdefault(SOURCE, f"Imported from the spreadsheet {Path(state.file).name}.")
        return [SOURCE]
    ids = []
    for citation in citations:
        ref_id = next((i for i, c in state.references.items() if c == citation), None)
        ref_id = ref_id or unique_id(f"ref_{slug(citation)[:40]}", set(state.references))
        state.references[ref_id] = citation
        ids.append(ref_id)
    return ids


def unique_id(candidate: str, taken: set[str]) -> str:
    """``candidate``, or ``candidate_2``, ``candidate_3``… whichever is not taken yet."""
    number, name = 2, candidate
    while name in taken:
        name, number = f"{candidate}_{number}", number + 1
    return name


def _record(state: _Import, title: str) -> dict[str, Any]:
    return {"meta": {"title": title, "description": f"Imported from {Path(state.file).name}."},
            "kinds": list(_kinds(state.kinds)), "relations": list(_relations(state.relations)),
            "evidence": list(_levels(state.levels)), "references": list(_reference_records(state.references)),
            "nodes": list(state.nodes.values()), "edges": state.edges}


def _kinds(kinds: dict[str, str]) -> Iterator[dict[str, Any]]:
    for tier, (kind_id, label) in enumerate(kinds.items()):
        yield {"id": kind_id, "label": label, "colour": PALETTE[tier % len(PALETTE)],
               "shape": SHAPES[tier % len(SHAPES)], "tier": tier,
               "description": "Imported from the spreadsheet's Type column."}


def _relations(relations: dict[str, str]) -> Iterator[dict[str, Any]]:
    for relation_id, label in relations.items():
        yield {"id": relation_id, "label": label, "inverse": f"{label} (read backwards)",
               "description": "Imported from the spreadsheet: write its inverse phrase, e.g. 'is caused by'."}


def _levels(levels: dict[str, str]) -> Iterator[dict[str, Any]]:
    """The evidence levels, least certain first: an Evidence cell that names a GRADE grade (high,
    moderate, low, very low) is drawn at that certainty; any other is "not graded" until an author
    grades it."""
    if UNGRADED in levels:
        yield {"id": UNGRADED, "rank": 0, "label": "Not yet graded", "certainty": NOT_GRADED,
               "description": "The spreadsheet gave no evidence level: grade these links before teaching from them."}
    graded = sorted((level_id for level_id in levels if level_id != UNGRADED), key=_certainty_order)
    for rank, level_id in enumerate(graded, start=1):
        yield {"id": level_id, "rank": rank, "label": levels[level_id], "certainty": _certainty(level_id),
               "description": "Imported from the Evidence column."}


def _certainty(level_id: str) -> str:
    return GRADES.get(level_id, NOT_GRADED)


def _certainty_order(level_id: str) -> int:
    return (NOT_GRADED, *reversed(GRADES.values())).index(_certainty(level_id))


def _reference_records(references: dict[str, str]) -> Iterator[dict[str, Any]]:
    for ref_id, citation in references.items():
        yield {"id": ref_id, "citation": citation, "kind": "other", "verification": "unverified"}
