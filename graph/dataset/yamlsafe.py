"""Turn untrusted bytes into a YAML node tree, safely and within limits.

Files people share can be huge, binary, not UTF-8, nested thousands deep or stuffed with
aliases. Each of these ends in a :class:`~graph.errors.Problem` with a line number, never in a
hang, a crash or a traceback. Nothing here constructs Python objects: the result is PyYAML's
composed node tree, whose marks give the line of every value.
"""

from __future__ import annotations

import re

import yaml

from graph.errors import Problem, ValidationError

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENERS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSERS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def decode_yaml_bytes(data: bytes, file: str) -> str:
    """Check size and encoding, and return the text; raise ValidationError if unusable."""
    if len(data) > MAX_FILE_BYTES:
        size = len(data) / 1024 / 1024
        raise _error(
            file, 1, f"file is {size:.1f} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB.",
            "Split the dataset into a folder of smaller files.",
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise _error(file, line, "this is a binary file, not YAML text.", "Choose a .yaml file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise _error(
            file, line, f"the file is not UTF-8 text (byte 0x{byte:02x}).",
            "Save the file with UTF-8 encoding.",
        ) from None


def compose_yaml(text: str, file: str) -> yaml.Node | None:
    """Parse one YAML document into a node tree (None for an empty file)."""
    try:
        _check_depth(text, file)
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        raise _error(file, _line_of(exc), f"YAML syntax error: {_describe(exc)}") from None
    except yaml.reader.ReaderError:
        raise _unprintable(text, file) from None
    except yaml.YAMLError as exc:
        raise _error(file, 0, f"YAML syntax error: {exc}") from None


def _check_depth(text: str, file: str) -> None:
    """Refuse deep nesting before composing: PyYAML's composer recurses and can crash."""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, _OPENERS):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1
                raise _error(file, line, f"values are nested more than {MAX_DEPTH} levels deep.")
        elif isinstance(event, _CLOSERS):
            depth -= 1


def _unprintable(text: str, file: str) -> ValidationError:
    """The line and code of the first character YAML refuses (the parser's offset may count bytes)."""
    found = _UNPRINTABLE.search(text)
    at, code = (found.start(), ord(found.group())) if found else (0, 0)
    return _error(file, text[:at].count("\n") + 1, f"the text holds the control character U+{code:04X}, "
                  "which YAML does not allow.", "Remove it: it was perhaps pasted from another program.")


def _line_of(exc: yaml.MarkedYAMLError) -> int:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark else 0


def _describe(exc: yaml.MarkedYAMLError) -> str:
    mark = exc.problem_mark
    column = f" (column {mark.column + 1})" if mark else ""
    context = f"{exc.context}, " if exc.context else ""
    return f"{context}{exc.problem}{column}"


def _error(file: str, line: int, message: str, hint: str = "") -> ValidationError:
    return ValidationError([Problem(file, line, message, hint=hint)])
