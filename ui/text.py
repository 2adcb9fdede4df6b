"""Showing dataset text through Streamlit's Markdown without it turning into markup.

CommonMark's own markup is escaped by :func:`graph.present.escape_markdown`, which also puts a
word joiner (U+2060, invisible and zero-width) before an e-mail address's ``@``. Streamlit's
Markdown adds more, which backslashes do not stop: links made of ``https://…`` and ``www.…``
after parsing, emoji and icon shortcodes (``:smile:``, ``:material/home:``) and coloured text
(``:red[…]``). A word joiner after each colon that starts one of them and between ``www`` and its
dot breaks every one of those patterns while the text reads the same.
"""

from __future__ import annotations

import re

from graph.present import escape_markdown
from graph.present.markdown import WORD_JOINER

# A colon that starts a URL's "//", a shortcode (":smile:", ":material/home:") or a colour (":red[").
_MARKUP_COLON = re.compile(r":(?=//|[\w/+-]+\\?[:\[])")
_WWW_DOT = re.compile(r"(?i)(www)(\\?\.)")


def escape(text: str) -> str:
    """``text`` as Streamlit Markdown that shows it literally (">" stays ">", links and icons stay text)."""
    return _break_streamlit_markup(escape_markdown(text))


def escape_lines(text: str) -> str:
    """Escaped text that keeps its line breaks."""
    return "  \n".join(escape(line) for line in text.splitlines())


def _break_streamlit_markup(text: str) -> str:
    joined = _MARKUP_COLON.sub(":" + WORD_JOINER, text)
    return _WWW_DOT.sub(rf"\1{WORD_JOINER}\2", joined)
