"""What an import of a graph file has found so far: the vocabulary it met, the sources cited, the problems.

Shared by the modules that turn a graph file into a dataset record (:mod:`graph.importing.graph_record`),
make its vocabulary sections (:mod:`graph.importing.made_vocabulary`) and say what it lacked
(:mod:`graph.importing.lost`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import Problem
from graph.importing.graph_files import FileGraph, Item

FILE_SOURCE = "imported-file"
CLAIM_ONLY = "claim-only"


@dataclass
class ImportState:
    """The file being imported and what its items have said so far (kinds, relations, levels by id)."""

    graph: FileGraph
    problems: list[Problem] = field(default_factory=list)
    kinds: dict[str, dict[str, Any]] = field(default_factory=dict)
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)
    levels: dict[str, dict[str, Any]] = field(default_factory=dict)
    references: dict[str, None] = field(default_factory=dict)
    ignored: Counter[str] = field(default_factory=Counter)

    def problem(self, item: Item, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.graph.file, item.line, message, path=item.where, hint=hint))


def text(value: Any) -> str:
    """A value as stripped text ("" for None)."""
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def base(state: ImportState) -> str:
    """The imported file's name, without its folder."""
    return Path(state.graph.file).name


def humanised(identifier: str) -> str:
    """A label made from an id: ``systematic-review`` → ``Systematic review``."""
    return re.sub(r"[-_]+", " ", identifier).strip().capitalize() or identifier
