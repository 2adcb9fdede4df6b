"""A student's concept map: the links they drew between the nodes of a view, saved as a small JSON file.

A link is drawn from one node to another with a relation from the dataset's vocabulary, read
forwards ("Oral iron treats RLS") or, with ``inverse``, backwards by the relation's inverse
phrase (an arrow from RLS to oral iron labelled "is treated by"). Either way it states one
proposition, ``(source, relation, target)`` in the dataset's direction, which is what is scored.
The file's shape is published as ``schema/student-map.schema.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import Problem, ValidationError
from graph.viewspec import ViewSpec

MAP_FORMAT = "knowledge-graph-explorer/student-map"
MAP_VERSION = 1
LEVELS = ("skeleton", "kit", "memory")
MAX_MAP_BYTES = 1024 * 1024
Proposition = tuple[str, str, str]


@dataclass(frozen=True)
class MapLink:
    """One link a student drew: from ``source`` to ``target``, with ``relation`` read forwards or inverse."""

    source: str
    relation: str
    target: str
    inverse: bool = False

    @property
    def proposition(self) -> Proposition:
        """What the link states, in the dataset's direction."""
        if self.inverse:
            return (self.target, self.relation, self.source)
        return (self.source, self.relation, self.target)


@dataclass(frozen=True)
class StudentMap:
    """A map built on one view of one dataset, at one level of scaffolding."""

    dataset: str
    spec: ViewSpec
    level: str
    links: tuple[MapLink, ...]
    student: str = ""
    seed: int = 0
    given: tuple[MapLink, ...] = field(default=())


def map_to_json(student_map: StudentMap) -> str:
    """The map as the JSON a student saves (keys in a fixed order)."""
    record = {"format": MAP_FORMAT, "version": MAP_VERSION, "dataset": student_map.dataset,
              "view": student_map.spec.to_query(), "level": student_map.level, "seed": student_map.seed,
              "student": student_map.student, "given": [_link_record(link) for link in student_map.given],
              "links": [_link_record(link) for link in student_map.links]}
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def read_map(path: str | Path) -> StudentMap:
    """A saved map; raises ValidationError naming the file and every problem in it."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError.single(name, f"cannot be read: {exc.strerror}.") from None
    return map_from_bytes(data, name)


def map_from_bytes(data: bytes, name: str) -> StudentMap:
    """A map from a file's bytes (an upload, or a file read by :func:`read_map`)."""
    if len(data) > MAX_MAP_BYTES:
        raise ValidationError.single(name, f"is {len(data):,} bytes; a map file is at most {MAX_MAP_BYTES:,}.")
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError.single(name, "is not UTF-8 text.", "Save the map again from the app.") from None
    except json.JSONDecodeError as exc:
        raise ValidationError([Problem(name, exc.lineno, f"is not valid JSON: {exc.msg}.")]) from None
    return _map_from_record(record, name)


def _map_from_record(record: Any, name: str) -> StudentMap:
    if not isinstance(record, dict) or record.get("format") != MAP_FORMAT:
        raise ValidationError.single(name, "is not a student map saved by the explorer.",
                                     f'A map file has "format": "{MAP_FORMAT}".')
    problems = _record_problems(record, name)
    if problems:
        raise ValidationError(problems)
    return StudentMap(dataset=str(record.get("dataset", "")), spec=ViewSpec.from_query(record.get("view", {})),
                      level=record.get("level", "memory"), links=_links(record.get("links", [])),
                      student=str(record.get("student", "")), seed=int(record.get("seed", 0)),
                      given=_links(record.get("given", [])))


def _record_problems(record: dict[str, Any], name: str) -> list[Problem]:
    problems = []
    if record.get("level", "memory") not in LEVELS:
        problems.append(Problem(name, 0, f"level {record.get('level')!r} is not one of {', '.join(LEVELS)}."))
    if not isinstance(record.get("view", {}), dict):
        problems.append(Problem(name, 0, "view must be an object of view parameters."))
    for part in ("given", "links"):
        items = record.get(part, [])
        if not isinstance(items, list):
            problems.append(Problem(name, 0, f"{part} must be a list of links."))
            continue
        problems += [Problem(name, 0, f"{part}[{index}] needs text fields source, relation and target.")
                     for index, item in enumerate(items) if not _is_link(item)]
    return problems


def _is_link(item: Any) -> bool:
    return isinstance(item, dict) and all(isinstance(item.get(key), str) for key in ("source", "relation", "target"))


def _links(items: list[dict[str, Any]]) -> tuple[MapLink, ...]:
    return tuple(MapLink(item["source"], item["relation"], item["target"], bool(item.get("inverse", False)))
                 for item in items)


def _link_record(link: MapLink) -> dict[str, Any]:
    return {"source": link.source, "relation": link.relation, "target": link.target, "inverse": link.inverse}
