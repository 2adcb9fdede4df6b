"""Showing dataset text through Streamlit's Markdown without it turning into markup."""

from __future__ import annotations

from graph.present import escape_markdown


def escape(text: str) -> str:
    """``text`` as Markdown that shows it literally (">" stays ">", "*" stays "*")."""
    return escape_markdown(text)


def escape_lines(text: str) -> str:
    """Escaped text that keeps its line breaks."""
    return "  \n".join(escape_markdown(line) for line in text.splitlines())
