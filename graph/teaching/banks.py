"""The question-bank formats by name, for the CLI and the app: ``gift`` (Moodle) and ``md``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ExportError
from graph.teaching.bank_markdown import markdown_text
from graph.teaching.gift import gift_text
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
    "md": BankFormat(markdown_text, ".md", "text/markdown", "Markdown: questions, then an answer key"),
}


def write_bank(quiz: Quiz, fmt: str, target: TextTarget) -> None:
    """Write ``quiz`` in the named format to a path or an open text stream."""
    if fmt not in BANK_FORMATS:
        raise ExportError(f"'{fmt}' is not a question-bank format; use one of {', '.join(BANK_FORMATS)}.")
    write_text(BANK_FORMATS[fmt].text(quiz), target)


def guess_bank_format(path: str | Path) -> str:
    """``md`` for a .md or .markdown file, else ``gift``."""
    return "md" if Path(path).suffix.lower() in (".md", ".markdown") else "gift"
