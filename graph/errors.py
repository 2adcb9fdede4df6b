"""The library's exceptions.

    GraphDataError            anything wrong with a dataset the user gave us
    ├── ValidationError       the dataset was read, and has problems (each with file and line)
    ├── ViewSpecError         a view asks for something the dataset does not have
    └── ExportError           an export could not be produced or written

The library raises these and never prints or exits; the CLI and the app turn them into messages.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_PROBLEMS_SHOWN = 50


@dataclass(frozen=True)
class Origin:
    """Where something was written: a file and a line."""

    file: str
    line: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset: where it is, what it is, and what to try."""

    file: str
    line: int
    message: str
    path: str = ""
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        hint = f" {self.hint}" if self.hint else ""
        at = f" (at {self.path})" if self.path else ""
        return f"{where}: {self.message}{hint}{at}"


class GraphDataError(Exception):
    """Base class: a dataset, view or export request the library cannot use."""


class ValidationError(GraphDataError):
    """A dataset has one or more problems; all of them are in ``problems``."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
        super().__init__(format_problems(self.problems))

    @classmethod
    def single(cls, file: str, message: str, hint: str = "") -> ValidationError:
        """An error with one problem about a whole file (no line)."""
        return cls([Problem(file, 0, message, hint=hint)])


class ViewSpecError(GraphDataError):
    """A view request that cannot be honoured (unknown id, bad depth…)."""


class ExportError(GraphDataError):
    """An export could not be produced or written."""


def format_problems(problems: list[Problem], limit: int = MAX_PROBLEMS_SHOWN) -> str:
    """One problem per line, capped at ``limit`` with "…and N more"."""
    lines = [str(problem) for problem in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"…and {len(problems) - limit} more")
    return "\n".join(lines)
