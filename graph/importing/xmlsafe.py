"""Reading untrusted XML (GraphML, GEXF, CXL) safely, with the line of every element kept.

The files come from other people and other programs, so the reader is as strict as the formats
allow: a document type declaration is refused outright (none of these formats needs one, and it
is where entity expansion bombs and external entities live), so no entity is ever defined or
fetched; nesting deeper than :data:`MAX_DEPTH` and files over :data:`MAX_XML_BYTES` are refused.
Namespaces are dropped from names (``{http://gexf.net/1.3}node`` is ``node``): the readers accept
each format's versions alike. Every refusal is a :class:`~graph.errors.ValidationError` naming
the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from graph.errors import Problem, ValidationError

MAX_XML_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
REFUSED_HINT = "Save the file again from the program that made it, without a DOCTYPE."


class _Refused(Exception):
    """Raised inside the parser's callbacks to stop at something refused, with what to do about it."""

    def __init__(self, message: str, hint: str = REFUSED_HINT) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass
class XmlDocument:
    """A parsed file: its root element and the line each element starts on."""

    file: str
    root: Element
    lines: dict[int, int] = field(default_factory=dict)

    def line(self, element: Element) -> int:
        """The line ``element`` starts on (0 if unknown)."""
        return self.lines.get(id(element), 0)

    def problem(self, element: Element, message: str, hint: str = "") -> Problem:
        """A problem at ``element``'s line."""
        return Problem(self.file, self.line(element), message, hint=hint)


def parse_xml(name: str, data: bytes) -> XmlDocument:
    """The XML document in ``data``; raises ValidationError for anything malformed or refused."""
    if len(data) > MAX_XML_BYTES:
        raise ValidationError.single(name, f"is {len(data) / 1e6:.1f} MB; a graph file may be at most 5 MB.")
    builder, parser = _Builder(name), expat.ParserCreate(namespace_separator="}")
    builder.attach(parser)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        problem = Problem(name, exc.lineno, f"is not well-formed XML: {expat.ErrorString(exc.code)} "
                          f"(column {exc.offset + 1}).", hint="Check that the file is complete.")
        raise ValidationError([problem]) from None
    except _Refused as exc:
        raise ValidationError([Problem(name, parser.CurrentLineNumber, str(exc), hint=exc.hint)]) from None
    return XmlDocument(name, builder.tree.close(), builder.lines)


def local_name(tag: str) -> str:
    """A name without its namespace."""
    return tag.rsplit("}", 1)[-1]


class _Builder:
    """Expat callbacks building an ElementTree, recording lines and refusing declarations."""

    def __init__(self, name: str) -> None:
        self.name, self.tree, self.depth = name, TreeBuilder(), 0
        self.lines: dict[int, int] = {}
        self.parser: expat.XMLParserType | None = None

    def attach(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        parser.StartElementHandler, parser.EndElementHandler = self.start, self.end
        parser.CharacterDataHandler = self.tree.data
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.entity

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(f"nests elements more than {MAX_DEPTH} deep; graph files never do.",
                           "Check that it is the graph file you meant to give.")
        names = {local_name(key) if "}" in key else key: value for key, value in attributes.items()}
        element = self.tree.start(local_name(tag), names)
        self.lines[id(element)] = self.parser.CurrentLineNumber if self.parser else 0

    def end(self, tag: str) -> None:
        self.depth -= 1
        self.tree.end(local_name(tag))

    def doctype(self, *_: object) -> None:
        raise _Refused("declares a DOCTYPE, which this reader refuses: entities defined there could expand "
                       "without limit or read other files.")

    def entity(self, *_: object) -> None:
        raise _Refused("defines an XML entity, which this reader refuses.")
