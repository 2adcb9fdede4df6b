"""Writing a question bank as text to a path or an open text stream."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from graph.errors import ExportError

TextTarget = str | Path | TextIO


def write_text(text: str, target: TextTarget) -> None:
    """Write ``text`` (UTF-8) to a path or an open text stream; an unwritable path is an ExportError."""
    if not isinstance(target, (str, Path)):
        target.write(text)
        return
    try:
        Path(target).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror}.") from None


def one_line(text: str) -> str:
    """Text with every run of whitespace, line breaks included, made a single space."""
    return " ".join(text.split())
