"""Check a composed YAML tree against the declared format and turn it into plain values.

Every object comes back as a :class:`Item`: a dict of its converted fields plus the file and
line of the object and of each key, so later checks (unknown ids and so on) can point at the
exact line. Problems are collected, never raised one at a time.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from graph.dataset.fields import COLOUR_PATTERN, ID_PATTERN, Field
from graph.dataset.limits import MAX_ID_CHARS, text_problem
from graph.dataset.scalars import not_finite, rewritten_scalar
from graph.errors import MAX_PROBLEMS_SHOWN, Problem

MAX_VALUES = 500_000
_STANDARD_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
_STRINGY = ("str", "int", "float", "bool", "timestamp")
_SCALAR_VALUES = (str, int, float, bool)
_QUOTE_HINT = "Put it in quotes to keep it as text: \"{}\"."


class Item(dict):
    """A converted YAML mapping that remembers where it came from."""

    def __init__(self, file: str, line: int) -> None:
        super().__init__()
        self.file = file
        self.line = line
        self.lines: dict[str, int] = {}
        self.complete = True

    def line_of(self, key: str) -> int:
        """Line of ``key`` in the file, or of the whole mapping if the key is absent."""
        return self.lines.get(key, self.line)


class ValuesBudgetExceeded(Exception):
    """The document expands to more values than any dataset needs (an alias bomb)."""


class Converter:
    """Converts nodes of one file, collecting problems in ``problems``."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self._values = 0
        self._constructor = SafeConstructor()

    def convert(self, node: yaml.Node, field: Field, path: str) -> Any:
        """The value of ``node`` as ``field`` declares it, or None after reporting a problem."""
        self._count_value(node)
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace(_STANDARD_TAG, "!!")
            self._report(node, path, f"the tag {tag} is not allowed here.",
                         "Remove the tag: datasets hold plain values only.")
            return None
        converter = getattr(self, f"_to_{field.type}")
        return converter(node, field, path)

    def _to_object(self, node: yaml.Node, field: Field, path: str) -> Item | None:
        if not isinstance(node, yaml.MappingNode):
            self._report(node, path, "expected a mapping of keys to values.")
            return None
        item = Item(self.file, _line(node))
        known = {f.name: f for f in field.fields}
        for key_node, value_node in node.value:
            self._add_key(item, key_node, value_node, known, path)
        self._check_required(item, field, path)
        return item

    def _add_key(self, item: Item, key_node: yaml.Node, value_node: yaml.Node,
                 known: dict[str, Field], path: str) -> None:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str) or key not in known:
            hint = _unknown_key_hint(key, known, value_node) if len(self.problems) < MAX_PROBLEMS_SHOWN else ""
            plain = key is not None
            what = f"unknown key {_quote(key)}." if plain else "a key must be plain text, not a list or a mapping."
            self._report(key_node, path, what, hint)
        elif key in item.lines:
            self._report(key_node, path,
                         f"duplicate key '{key}' (first at line {item.lines[key]}).")
        else:
            item.lines[key] = _line(key_node)
            value = self.convert(value_node, known[key], _join(path, key))
            if value is not None:
                item[key] = value

    def _check_required(self, item: Item, field: Field, path: str) -> None:
        for required in (f for f in field.fields if f.required):
            if required.name not in item:
                item.complete = False
            if required.name not in item.lines:
                what = f"'{item['id']}'" if "id" in item else "this entry"
                self.problems.append(Problem(
                    self.file, item.line, f"{what} is missing the required key "
                    f"'{required.name}' ({required.description})", path))

    def _to_objects(self, node: yaml.Node, field: Field, path: str) -> list[Item] | None:
        if not isinstance(node, yaml.SequenceNode):
            self._report(node, path, "expected a list (entries starting with '- ').")
            return None
        if field.minimum and len(node.value) < field.minimum:
            self._report(node, path, f"needs at least {field.minimum} {field.noun}.")
            return None
        single = Field(field.name, "object", fields=field.fields)
        items = (self.convert(child, single, f"{path}[{i}]") for i, child in enumerate(node.value))
        return [item for item in items if item is not None]

    def _to_string(self, node: yaml.Node, field: Field, path: str) -> str | None:
        if not _is_scalar_text(node) or not str(node.value).strip():
            self._report(node, path, "expected some text.", _nothing_hint(node))
            return None
        hidden_or_long = text_problem(str(node.value))
        if hidden_or_long:
            self._report(node, path, *hidden_or_long)
            return None
        return str(node.value)

    def _to_id(self, node: yaml.Node, field: Field, path: str) -> str | None:
        return self._matching(node, path, ID_PATTERN, f"an id (up to {MAX_ID_CHARS} letters, digits, _ - .)")

    def _to_colour(self, node: yaml.Node, field: Field, path: str) -> str | None:
        return self._matching(node, path, COLOUR_PATTERN, "a colour like \"#0072B2\"")

    def _matching(self, node: yaml.Node, path: str, pattern: str, what: str) -> str | None:
        text = node.value if _is_scalar_text(node) else None
        if not isinstance(text, str) or len(text) > MAX_ID_CHARS or not re.fullmatch(pattern, text):
            self._report(node, path, f"expected {what}, got {_quote(text)}.")
            return None
        return text

    def _to_choice(self, node: yaml.Node, field: Field, path: str) -> str | None:
        text = node.value if _is_scalar_text(node) else None
        if text not in field.choices:
            hint = suggest(text, field.choices) or f"Use one of: {', '.join(field.choices)}."
            self._report(node, path, f"{_quote(text)} is not a valid {field.name}.", hint)
            return None
        return text

    def _to_integer(self, node: yaml.Node, field: Field, path: str) -> int | None:
        value = self._scalar(node)
        low = float("-inf") if field.minimum is None else field.minimum
        high = float("inf") if field.maximum is None else field.maximum
        if type(value) is not int or not low <= value <= high:
            self._report(node, path, f"expected a whole number{_range(field)}, "
                         f"got {_quote(node.value)}.", _text_not_value_hint(node, value))
            return None
        return self._unambiguous(node, path, value)

    def _to_number(self, node: yaml.Node, field: Field, path: str) -> float | None:
        value = self._scalar(node)
        if type(value) not in (int, float) or not_finite(value):
            self._report(node, path, f"expected a finite number, got {_quote(node.value)}.",
                         _text_not_value_hint(node, value))
            return None
        return self._unambiguous(node, path, value)

    def _to_boolean(self, node: yaml.Node, field: Field, path: str) -> bool | None:
        value = self._scalar(node)
        if type(value) is not bool:
            self._report(node, path, f"expected true or false, got {_quote(node.value)}.",
                         _text_not_value_hint(node, value))
            return None
        return value

    def _unambiguous(self, node: yaml.Node, path: str, value: Any) -> Any:
        """``value``, unless YAML 1.1 read its plain scalar as something it does not say."""
        rewritten = rewritten_scalar(node.value, value) if _plain(node) else None
        if not rewritten:
            return value
        self._report(node, path, f"{rewritten}.", "Write the number as it is meant, e.g. 10 or 2.5.")
        return None

    def _to_strings(self, node: yaml.Node, field: Field, path: str) -> tuple[str, ...] | None:
        return self._list_of(node, Field(field.name, "string"), path, field)

    def _to_ids(self, node: yaml.Node, field: Field, path: str) -> tuple[str, ...] | None:
        return self._list_of(node, Field(field.name, "id"), path, field)

    def _to_choices(self, node: yaml.Node, field: Field, path: str) -> tuple[str, ...] | None:
        item_field = Field(field.name.removesuffix("s"), "choice", choices=field.choices)
        return self._list_of(node, item_field, path, field)

    def _list_of(self, node: yaml.Node, item_field: Field, path: str,
                 field: Field) -> tuple[str, ...] | None:
        if not isinstance(node, yaml.SequenceNode):
            self._report(node, path, "expected a list, e.g. [a, b].")
            return None
        if field.minimum and len(node.value) < field.minimum:
            self._report(node, path, f"needs at least {field.minimum} entry.")
            return None
        values = [self.convert(child, item_field, f"{path}[{i}]")
                  for i, child in enumerate(node.value)]
        return tuple(value for value in values if value is not None)

    def _to_scalars(self, node: yaml.Node, field: Field, path: str) -> dict[str, Any] | None:
        if not isinstance(node, yaml.MappingNode):
            self._report(node, path, "expected a mapping of names to values.")
            return None
        values = {}
        for key_node, value_node in node.value:
            value = self._scalar(value_node)
            problem = _attribute_problem(key_node, value_node, value)
            if problem:
                self._report(value_node, path, *problem)
            else:
                values[str(key_node.value)] = value
        return values

    def _scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return None
        try:
            return self._constructor.construct_object(node)
        except ValueError:  # an impossible date, or an integer too long to convert
            return None

    def _count_value(self, node: yaml.Node) -> None:
        self._values += 1
        if self._values > MAX_VALUES:
            raise ValuesBudgetExceeded(_line(node))

    def _report(self, node: yaml.Node, path: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, _line(node), message, path, hint))


def _attribute_problem(key_node: yaml.Node, value_node: yaml.Node, value: Any) -> tuple[str, str] | None:
    """Why a free-form attribute may not be kept as written (message and hint), or None."""
    if not isinstance(key_node, yaml.ScalarNode) or type(value) not in _SCALAR_VALUES:
        hint = _QUOTE_HINT.format(value_node.value) if isinstance(value_node, yaml.ScalarNode) else ""
        return "attribute values must be text, numbers or true/false.", hint
    if not_finite(value):
        return f"{_quote(value_node.value)} is not a finite number.", "Write a number, or quote it to keep it as text."
    rewritten = rewritten_scalar(value_node.value, value) if _plain(value_node) else None
    if rewritten:
        return f"{rewritten}.", _QUOTE_HINT.format(value_node.value) + " Or write the value it means."
    return text_problem(str(key_node.value)) or text_problem(str(value))


def _nothing_hint(node: yaml.Node) -> str:
    """For ``label: null`` (or ``~``): YAML reads the bare word as no value at all."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _STANDARD_TAG + "null" and node.value:
        return f"YAML reads a bare {node.value} as no value. " + _QUOTE_HINT.format(node.value)
    return ""


def _text_not_value_hint(node: yaml.Node, value: Any) -> str:
    """For ``rank: "1"`` or ``rank: !!str 1``: quotes or the tag made a number (or true/false) text."""
    if isinstance(value, str) and node.tag == _STANDARD_TAG + "str" and value.strip():
        return f"Quotes or a !!str tag make {_quote(value)} text: write it bare, without them."
    return ""


def suggest(word: object, candidates: Any) -> str:
    """A "Did you mean …?" hint for a misspelt name, or empty."""
    if not isinstance(word, str):
        return ""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"Did you mean '{matches[0]}'?" if matches else ""


def _unknown_key_hint(key: object, known: dict[str, Field], value_node: yaml.Node) -> str:
    """Suggest the key meant, or spot text cut at a comma inside a { … } mapping."""
    cut_text = value_node.tag.endswith(":null") and isinstance(key, str) and " " in key
    if cut_text:
        return "Inside { … }, a text containing a comma must be put in quotes."
    return suggest(key, known)


def _range(field: Field) -> str:
    """How a declared integer is bounded, in words: " from 1 to 4", " of at least 0"."""
    if field.minimum is not None and field.maximum is not None:
        return f" from {field.minimum} to {field.maximum}"
    if field.maximum is not None:
        return f" of at most {field.maximum}"
    return "" if field.minimum is None else f" of at least {field.minimum}"


def _plain(node: yaml.Node) -> bool:
    """An unquoted scalar (libyaml's parser gives it the style '', PyYAML's None)."""
    return isinstance(node, yaml.ScalarNode) and not node.style


def _is_scalar_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.removeprefix(_STANDARD_TAG) in _STRINGY


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _quote(value: object) -> str:
    text = "nothing" if value in (None, "") else repr(value)
    return text if len(text) <= 80 else f"{text[:60]}… ({len(text):,} characters)"
