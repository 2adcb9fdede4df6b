"""The reference tables of ``docs/format.md``, generated from the declared format.

The page's prose is written by hand; each table sits between ``<!-- format: SECTION -->`` and
``<!-- /format -->`` and is rewritten from the records of :mod:`graph.dataset.model` by
:func:`update_format_doc` (``python -m graph schema --docs docs/format.md``), so the page cannot
drift from what the loader checks. A test fails when the committed page is not current.
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.dataset.fields import Field
from graph.dataset.schema import REQUIRED_SECTIONS, SECTION_NOUNS, SECTIONS
from graph.errors import ExportError
from graph.files import write_bytes

__all__ = ["format_tables", "update_format_doc", "write_format_doc"]

_BLOCK = re.compile(r"(<!-- format: (?P<name>[a-z_]+) -->\n).*?(<!-- /format -->)", re.S)
_HEADER = "| key | type | required | meaning |\n|---|---|---|---|\n"
_PLAIN_TYPES = {"string": "string", "number": "number", "boolean": "boolean", "colour": "`#rrggbb`",
                "strings": "list of strings", "scalars": "mapping of name → string, number or boolean"}


def format_tables(name: str) -> str:
    """The Markdown for one marker: ``sections`` (the overview) or a section's name."""
    if name == "sections":
        return _overview()
    section = {field.name: field for field in SECTIONS}[name]
    return _tables(section, top=True)


def update_format_doc(text: str) -> str:
    """``text`` with every marked block regenerated."""
    return _BLOCK.sub(lambda match: match[1] + format_tables(match["name"]) + match[3], text)


def write_format_doc(path: str | Path) -> bool:
    """Regenerate the tables of the page at ``path`` in place; True if it changed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot update {path}: {exc.strerror}.") from None
    updated = update_format_doc(text)
    if updated != text:
        write_bytes(path, updated.encode("utf-8"))
    return updated != text


def _overview() -> str:
    header = "| section | type | needed in the merged dataset | meaning |\n|---|---|---|---|\n"
    return header + "".join(_overview_row(field) for field in SECTIONS)


def _overview_row(section: Field) -> str:
    kind = "mapping" if section.type == "object" else _type(section)
    needed = "yes" if section.name in REQUIRED_SECTIONS else "no"
    return f"| `{section.name}` | {kind} | {needed} | {_cell(section.description)} |\n"


def _tables(declared: Field, top: bool = False) -> str:
    """The table of ``declared``'s keys, then one table for each kind of sub-entry."""
    rows = "\n".join(_row(field) for field in declared.fields)
    text = ("" if top else f"\nA {declared.noun}:\n\n") + _HEADER + rows + "\n"
    return text + "".join(_tables(field) for field in declared.fields if field.fields)


def _row(field: Field) -> str:
    return f"| `{field.name}` | {_type(field)} | {_required(field)} | {_cell(field.description)} |"


def _type(field: Field) -> str:
    noun = SECTION_NOUNS.get(field.refers_to, "")
    if field.type in ("id", "ids"):
        what = f"{noun} id" if noun else "id"
        return what if field.type == "id" else f"list of {what}s"
    if field.type in ("choice", "choices"):
        return _choices(field.choices) if field.type == "choice" else f"list, each {_choices(field.choices)}"
    if field.type == "integer":
        return "integer" + _bounds(field)
    if field.type in ("object", "objects"):
        return f"a {field.noun} (below)" if field.type == "object" else f"list of {field.noun}s"
    return _PLAIN_TYPES[field.type]


def _choices(choices: tuple[str, ...]) -> str:
    words = [f"`{choice}`" for choice in choices]
    if len(words) <= 3:
        return " or ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else words[0]
    return "one of " + ", ".join(words)


def _bounds(field: Field) -> str:
    if field.maximum is not None:
        return f" {field.minimum}–{field.maximum}"
    return f" ≥ {field.minimum}" if field.minimum is not None else ""


def _required(field: Field) -> str:
    if field.required:
        return f"yes (at least {field.minimum})" if field.minimum and field.type != "integer" else "yes"
    if field.default is None:
        return "no"
    default = str(field.default).lower() if isinstance(field.default, bool) else field.default
    return f"no (default `{default}`)"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
