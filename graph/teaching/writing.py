"""Writing a question bank as text to a path (atomically) or an open text stream."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from graph.files import write_bytes

TextTarget = str | Path | TextIO


def write_text(text: str, target: TextTarget) -> None:
    """Write ``text`` (UTF-8) to an open text stream, or replace a path's file with it atomically.

    Raises ExportError for a path that cannot be written or is not a regular file.
    """
    if isinstance(target, (str, Path)):
        write_bytes(Path(target), text.encode("utf-8"))
    else:
        target.write(text)


def one_line(text: str) -> str:
    """Text with every run of whitespace, line breaks included, made a single space."""
    return " ".join(text.split())
