"""Escaping text from datasets for Markdown output (the app's panels, handouts)."""

from __future__ import annotations

_SPECIAL = set("\\`*_{}[]<>()#+-.!|~$&")


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown and HTML special character backslash-escaped."""
    return "".join(f"\\{char}" if char in _SPECIAL else char for char in text)
