"""Escaping text from datasets for Markdown output (the app's panels, handouts)."""

from __future__ import annotations

import re

_SPECIAL = set("\\`*_[]<>#|~&$")
_LIST_START = re.compile(r"^(\s*(?:\d+)?)([-+.)])")
_SCHEME = re.compile(r"(?<=[A-Za-z0-9]):(?=//)")
_WWW = re.compile(r"(?<![A-Za-z0-9])(www)\.", re.IGNORECASE)
_EMAIL_AT = re.compile(r"(?<=[A-Za-z0-9._+\-])@")
WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """``text`` that Markdown shows literally: no emphasis, links, HTML, maths or list markers.

    Only characters that can start markup are escaped, so the result stays readable as plain
    text (brackets, dots and hyphens inside a sentence are left alone). GitHub-flavoured Markdown
    also turns bare ``https://…``, ``www.…`` and e-mail addresses into links; the ``:`` and ``.``
    that start them are escaped, and an address's ``@`` gets an invisible word joiner before it,
    since GFM links an address whatever is escaped inside it (see :func:`defuse_autolinks`).
    """
    escaped = "".join(f"\\{char}" if char in _SPECIAL else char for char in text)
    return defuse_autolinks(_LIST_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped, count=1))


def defuse_autolinks(markdown: str) -> str:
    """``markdown`` in which no URL, ``www.`` name or e-mail address becomes a GFM autolink.

    >>> defuse_autolinks("https://x.example, www.x.example, me@x.example")
    'https\\\\://x.example, www\\\\.x.example, me\\u2060@x.example'
    """
    markdown = _SCHEME.sub(r"\\:", markdown)
    markdown = _WWW.sub(r"\1\\.", markdown)
    return _EMAIL_AT.sub(WORD_JOINER + "@", markdown)
