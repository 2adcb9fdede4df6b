"""The question-bank formats by name, for the CLI and the app: ``gift``, ``moodle-xml``, ``md``, ``json``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ExportError
from graph.teaching.bank_json import json_text
from graph.teaching.bank_markdown import markdown_text
from graph.teaching.gift import gift_text
from graph.teaching.moodle_xml import moodle_xml_text
from graph.teaching.questions import Quiz
from graph.teaching.writing import TextTarget, write_text


@dataclass(frozen=True)
class BankFormat:
    """A question-bank format: how to write it, its file suffix, MIME type and what opens it."""

    text: Callable[[Quiz], str]
    suffix: str
    mime: str
    description: str


BANK_FORMATS = {
    "gift": BankFormat(gift_text, ".gift.txt", "text/plain", "Moodle GIFT (Question bank → Import → GIFT format)"),
    "moodle-xml": BankFormat(moodle_xml_text, ".moodle.xml", "application/xml",
                             "Moodle XML (Question bank → Import → Moodle XML format): categories and feedback"),
    "md": BankFormat(markdown_text, ".md", "text/markdown", "Markdown: questions, then an answer key"),
    "json": BankFormat(json_text, ".json", "application/json",
                       "JSON: each question with the ids it stands for, for other quiz tools"),
}


def write_bank(quiz: Quiz, fmt: str, target: TextTarget) -> None:
    """Write ``quiz`` in the named format to a path or an open text stream."""
    if fmt not in BANK_FORMATS:
        raise ExportError(f"'{fmt}' is not a question-bank format; use one of {', '.join(BANK_FORMATS)}.")
    write_text(BANK_FORMATS[fmt].text(quiz), target)


def guess_bank_format(path: str | Path) -> str:
    """From the file's suffix: ``md`` (.md, .markdown), ``moodle-xml`` (.xml), ``json``, else ``gift``."""
    suffix = Path(path).suffix.lower()
    return {".md": "md", ".markdown": "md", ".xml": "moodle-xml", ".json": "json"}.get(suffix, "gift")
