"""A dataset record written as the YAML a person would write: commented sections, one line per small record.

Kinds, relations, evidence levels, references and edges are short, so each is a one-line flow
mapping; nodes and claims are block mappings. What the source could not carry opens the file as
comments, so the author sees what to fill in. Every string is written as a JSON string (a valid YAML
double-quoted scalar, so no text can turn into a number, a date, a boolean or markup), except
ids and other words that YAML reads as plain text anyway. The loader reads the result back.
"""

from __future__ import annotations

import json
import re
from typing import Any

SECTION_NOTES = {
    "meta": "What the dataset is.",
    "kinds": "What sort of thing each node is (colour and shape, column in the layered layout).",
    "relations": "What a link says, read forwards (label) and backwards (inverse).",
    "certainty": "How certain each grade of evidence is, most certain first, with its line style.",
    "evidence": "How strong a link is; a higher rank is stronger.",
    "references": "Sources cited by nodes and links.",
    "nodes": "The things the map is about.",
    "edges": "The links between them, each with its evidence and references.",
    "claims": "Statements made by a source, with our verdict on each.",
}
BLOCKS = ("nodes", "claims")
_PLAIN = re.compile(r"^[a-z_][a-z0-9_.\-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def dataset_yaml(record: dict[str, Any], origin: str, lost: tuple[str, ...] = ()) -> str:
    """The record as a YAML document, with a first comment naming where it came from and what it lacked."""
    lines = [f"# {_one_line(origin)}", "# Validate it with: kg validate THIS_FILE", ""]
    if lost:
        lines += ["# Not in the imported file, so to fill in by hand:", *(f"# - {_one_line(i)}" for i in lost), ""]
    for section, value in record.items():
        lines += [f"# {SECTION_NOTES.get(section, section)}", *_section(section, value), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def scalar(value: object) -> str:
    """One value as YAML: numbers and booleans as they are, strings plain only when YAML keeps them text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    return text if _PLAIN.match(text) and text not in _YAML_WORDS else json.dumps(text, ensure_ascii=False)


def _section(name: str, value: Any) -> list[str]:
    if isinstance(value, dict):
        return [f"{name}:", *(f"  {key}: {_inline(item)}" for key, item in value.items())]
    if name in BLOCKS:
        return [f"{name}:", *(line for item in value for line in _block(item))]
    return [f"{name}:", *(f"  - {_inline(item)}" for item in value)]


def _block(record: dict[str, Any]) -> list[str]:
    lines = []
    for index, (key, value) in enumerate(record.items()):
        lead = "  - " if index == 0 else "    "
        lines.append(f"{lead}{key}: {_inline(value)}")
    return lines


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_inline(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    return scalar(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())
