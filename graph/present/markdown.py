"""Escaping text from datasets for Markdown output (the app's panels, handouts)."""

from __future__ import annotations

import re

_SPECIAL = set("\\`*_[]<>#|~&$")
_LIST_START = re.compile(r"^(\s*(?:\d+)?)([-+.)])")


def escape_markdown(text: str) -> str:
    """``text`` that Markdown shows literally: no emphasis, links, HTML, maths or list markers.

    Only characters that can start markup are escaped, so the result stays readable as plain
    text (brackets, dots and hyphens inside a sentence are left alone).
    """
    escaped = "".join(f"\\{char}" if char in _SPECIAL else char for char in text)
    return _LIST_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped, count=1)
