"""Turn untrusted bytes into a YAML node tree, safely, within limits, in one pass.

Files people share can be huge, binary, not UTF-8, nested thousands deep or stuffed with
aliases. Each of these ends in a :class:`~graph.errors.Problem` with a line number, never in a
hang, a crash or a traceback. Nothing here constructs Python objects: the result is a composed
node tree (PyYAML's node classes), whose marks give the line of every value.

The tree is composed by a loop over libyaml's events with an explicit stack, not by PyYAML's
recursive composer, so the nesting limit is checked while composing (one parse per file) and
no input, however deep, can exhaust the C stack. The garbage collector is paused while a tree is
built: the tree holds no reference cycles, and collecting while hundreds of thousands of young
nodes are alive made parsing five times slower.
"""

from __future__ import annotations

import codecs
import gc
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import yaml
from yaml import events
from yaml.composer import ComposerError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver, Resolver

from graph.errors import Problem, ValidationError

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# libyaml's events carry marks of its own class, which the type stubs of PyYAML's nodes and errors do not
# list (they work the same): hence the arg-type ignores where those marks are passed on.
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_RESOLVABLE_STARTS = frozenset(_RESOLVER.yaml_implicit_resolvers)
_COLLECTION_STARTS = {events.MappingStartEvent: (MappingNode, BaseResolver.DEFAULT_MAPPING_TAG),
                      events.SequenceStartEvent: (SequenceNode, BaseResolver.DEFAULT_SEQUENCE_TAG)}
_COLLECTION_ENDS = (events.MappingEndEvent, events.SequenceEndEvent)
_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


MAX_KEY_CHARS = 1024  # YAML's limit on an implicit key


def decode_yaml_bytes(data: bytes, file: str) -> str:
    """Check size and encoding, and return the text; raise ValidationError if unusable."""
    if len(data) > MAX_FILE_BYTES:
        size = len(data) / 1024 / 1024
        more = "more than " if len(data) == MAX_FILE_BYTES + 1 else ""  # files are read only that far
        raise _error(
            file, 1, f"file is {more}{size:.1f} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB.",
            "Split the dataset into a folder of smaller files.",
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _error(file, 1, "the file is UTF-16 text, not UTF-8.", "Save the file with UTF-8 encoding.")
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


def compose_yaml(text: str, file: str) -> Node | None:
    """Parse one YAML document into a node tree (None for an empty file)."""
    try:
        with paused_gc():
            return _compose(_PARSER(text), file)
    except yaml.MarkedYAMLError as exc:
        if _is_parser_nesting_limit(exc):
            raise _nesting_error(text, exc, file) from None
        raise _long_key_error(text, file, _line_of(exc)) or _error(
            file, _line_of(exc), f"YAML syntax error: {_describe(exc)}") from None
    except yaml.reader.ReaderError:
        raise _unprintable(text, file) from None
    except yaml.YAMLError as exc:
        raise _error(file, 0, f"YAML syntax error: {exc}") from None


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic trees (nests, thread-safe)."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def _compose(parser: object, file: str) -> Node | None:
    """The single document's root node, composed from the parser's events without recursion."""
    next_event = parser.get_event  # type: ignore[attr-defined]
    next_event()  # stream start
    event = next_event()
    if isinstance(event, events.StreamEndEvent):
        return None
    root = _compose_document(next_event, file)
    event = next_event()  # document end
    extra = next_event()
    if not isinstance(extra, events.StreamEndEvent):
        raise ComposerError("expected a single document in the stream", root.start_mark,
                            "but found another document", extra.start_mark)
    return root


def _compose_document(next_event: object, file: str) -> Node:
    """Build the tree with an explicit stack of open collections (and a pending mapping key)."""
    stack: list[list] = []
    anchors: dict[str, Node] = {}
    node: Node
    while True:
        event = next_event()  # type: ignore[operator]
        kind = type(event)
        if kind in _COLLECTION_STARTS:
            _check_depth(len(stack), event, file)
            stack.append([_open_collection(event, anchors), None])
            continue
        if kind is events.ScalarEvent and event.anchor is None:  # the common case, kept inline
            node = ScalarNode(_scalar_tag(event), event.value, event.start_mark, event.end_mark, style=event.style)
        elif kind in _COLLECTION_ENDS:
            node = stack.pop()[0]
            node.end_mark = event.end_mark
        else:
            node = _leaf(event, anchors)
        if not stack:
            return node
        _attach(stack[-1], node)


def _check_depth(open_collections: int, event: events.Event, file: str) -> None:
    if open_collections >= MAX_DEPTH:
        mark = event.start_mark
        raise _too_deep(file, mark.line + 1 if mark else 0)


def _too_deep(file: str, line: int) -> ValidationError:
    return _error(file, line, f"values are nested more than {MAX_DEPTH} levels deep.")


def _is_parser_nesting_limit(exc: yaml.MarkedYAMLError) -> bool:
    """libyaml's own nesting limit (PyYAML 6.0.4 and later), which its scanner hits while reading ahead."""
    return "maximum nesting depth" in (exc.problem or "")


def _nesting_error(text: str, exc: yaml.MarkedYAMLError, file: str) -> ValidationError:
    """The project's nesting message at the line our own limit names, whichever parser stopped first.

    libyaml stops deep nesting in its scanner, before its events reach :func:`_check_depth`. The
    text before the point where it stopped is nested less than libyaml's limit, so composing that
    prefix again reaches our lower limit and reports the same line as without libyaml's limit.
    """
    mark = exc.problem_mark
    prefix = text[: mark.index] if mark else ""
    try:
        _compose(_PARSER(prefix), file)
    except ValidationError as ours:
        return ours
    except yaml.YAMLError:
        pass
    return _too_deep(file, _line_of(exc))


def _open_collection(event: events.CollectionStartEvent, anchors: dict[str, Node]) -> Node:
    node_class, default_tag = _COLLECTION_STARTS[type(event)]
    tag = default_tag if event.tag in (None, "!") else event.tag
    node = node_class(tag, [], event.start_mark, None, flow_style=event.flow_style)  # type: ignore[arg-type]
    _remember(event, node, anchors)
    return node


def _leaf(event: events.AliasEvent | events.ScalarEvent, anchors: dict[str, Node]) -> Node:
    """A scalar node, or the node an alias refers to."""
    if isinstance(event, events.AliasEvent):
        if event.anchor not in anchors:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}",
                                event.start_mark)  # type: ignore[arg-type]
        return anchors[event.anchor]
    node = ScalarNode(_scalar_tag(event), event.value, event.start_mark, event.end_mark,  # type: ignore[arg-type]
                      style=event.style)
    _remember(event, node, anchors)
    return node


def _remember(event: events.NodeEvent, node: Node, anchors: dict[str, Node]) -> None:
    if event.anchor is None:
        return
    if event.anchor in anchors:
        raise ComposerError(f"found duplicate anchor {event.anchor!r}; first occurrence",
                            anchors[event.anchor].start_mark, "second occurrence", event.start_mark)  # type: ignore[arg-type]
    anchors[event.anchor] = node


def _scalar_tag(event: events.ScalarEvent) -> str:
    """The scalar's tag as PyYAML's safe resolver gives it; plain words skip the regular expressions."""
    if event.tag not in (None, "!"):
        return event.tag
    value = event.value
    if not event.implicit[0] or (value and value[0] not in _RESOLVABLE_STARTS):
        return BaseResolver.DEFAULT_SCALAR_TAG
    return _RESOLVER.resolve(ScalarNode, value, event.implicit)


def _attach(parent: list, node: Node) -> None:
    """Add ``node`` to the open collection: a list item, a mapping key, or the value of that key."""
    collection, pending_key = parent
    if isinstance(collection, SequenceNode):
        collection.value.append(node)
    elif pending_key is None:
        parent[1] = node
    else:
        collection.value.append((pending_key, node))
        parent[1] = None


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


def _long_key_error(text: str, file: str, line: int) -> ValidationError | None:
    """The error for a key longer than YAML's 1,024 characters, which PyYAML reports as a syntax error."""
    lines = text.split("\n")
    longest = _longest_key(lines[line - 1]) if 0 < line <= len(lines) else 0
    if longest <= MAX_KEY_CHARS:
        return None
    return _error(file, line, f"a key is {longest:,} characters long; YAML allows at most "
                  f"{MAX_KEY_CHARS:,}.", "Use a short name as the key and put long text in its value.")


def _longest_key(line: str) -> int:
    """The length of the longest ``key:`` on a line (split at flow punctuation: linear in its length)."""
    pieces = (piece for piece in re.split(r"[,{}\[\]]", line) if re.search(r":(?:\s|$)", piece))
    return max((len(piece.partition(":")[0].strip().lstrip("- ").strip("'\"")) for piece in pieces), default=0)


def _error(file: str, line: int, message: str, hint: str = "") -> ValidationError:
    return ValidationError([Problem(file, line, message, hint=hint)])
