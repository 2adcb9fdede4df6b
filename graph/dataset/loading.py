"""Read a dataset from a YAML file, a folder of YAML files, or uploaded bytes.

``load_dataset`` reads (through :mod:`graph.dataset.reading`, which the app uses too), parses,
checks the format and the cross-references, and returns a :class:`~graph.dataset.model.Dataset`
or raises a :class:`~graph.errors.ValidationError` carrying every problem found.
"""

from __future__ import annotations

from pathlib import Path

from graph.dataset.convert import Converter, Item, ValuesBudgetExceeded
from graph.dataset.model import Dataset
from graph.dataset.reading import read_sources
from graph.dataset.schema import DATASET, SECTIONS
from graph.dataset.validation import build_dataset, cross_reference_problems
from graph.dataset.yamlsafe import compose_yaml, decode_yaml_bytes, paused_gc
from graph.errors import Problem, ValidationError

Sections = dict[str, list[Item]]


def load_dataset(path: str | Path) -> Dataset:
    """Load and validate the dataset at ``path`` (a YAML file or a folder of them)."""
    return load_sources(read_sources(Path(path)))


def load_bytes(data: bytes, name: str) -> Dataset:
    """Load and validate a dataset uploaded as one file's bytes."""
    return load_sources([(name, data)])


def load_sources(sources: list[tuple[str, bytes]]) -> Dataset:
    """Parse, merge and validate ``(file name, bytes)`` pairs, reporting all problems at once."""
    with paused_gc():  # millions of small acyclic objects: collecting meanwhile is most of the time
        return _load_sources(sources)


def _load_sources(sources: list[tuple[str, bytes]]) -> Dataset:
    problems: list[Problem] = []
    sections: Sections = {field.name: [] for field in SECTIONS}
    unreadable = False
    for name, data in sources:
        name, item, parse_problems = _parse(name, data)
        unreadable |= item is None
        problems += _merge(sections, name, item, parse_problems)
    if not unreadable:  # a file we could not read would make every cross-reference look wrong
        problems += cross_reference_problems(sections, sources[0][0] if sources else "dataset")
    if problems:
        raise ValidationError(problems)
    return build_dataset(sections)


def _parse(name: str, data: bytes) -> tuple[str, Item | None, list[Problem]]:
    try:
        root = compose_yaml(decode_yaml_bytes(data, name), name)
    except ValidationError as exc:
        return name, None, exc.problems
    if root is None:
        return name, None, [Problem(name, 1, "the file is empty.", hint="Add at least a 'nodes' section.")]
    converter = Converter(name)
    try:
        item = converter.convert(root, DATASET, "")
    except ValuesBudgetExceeded as exc:
        return name, None, [Problem(name, exc.args[0], "the document expands to too many values "
                                    "(aliases repeated inside aliases?).", hint="Write values out plainly.")]
    return name, item, converter.problems


def _merge(sections: Sections, name: str, item: Item | None, problems: list[Problem]) -> list[Problem]:
    if item is None:
        return problems
    for key, value in item.items():
        if key == "meta":
            problems += _merge_meta(sections, value)
        else:
            sections[key].extend(value)
    return problems


def _merge_meta(sections: Sections, meta: Item) -> list[Problem]:
    if sections["meta"]:
        first = sections["meta"][0]
        return [Problem(meta.file, meta.line, f"'meta' is given twice (first in {first.file}:{first.line}).",
                        hint="Keep one 'meta' section per dataset.")]
    sections["meta"].append(meta)
    return []
