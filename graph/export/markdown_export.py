"""A Markdown handout of a view: title, picture, its description, connections, thresholds, claims,
references (the blocks of :mod:`graph.export.handout`, rendered as Markdown).

The picture is linked, not embedded: ``![alt](image_name)``, a file next to the handout, drawn
graph-only on the handout preset (a 16 cm text column at 300 dpi; the references are in the
text). The ``md`` format declares it as its companion, so ``plan_files("md", "handout.md")``
names ``handout.png`` and the CLI and app write or offer both. The alt text is short (at most
250 characters); the long description is the section "About the picture". Every text from the
dataset is Markdown-escaped, so a label cannot become a link, an image or HTML.
"""

from __future__ import annotations

from typing import BinaryIO
from urllib.parse import quote

from graph.export.files import path_or_stream
from graph.export.handout import CLOSING, Block, Run, handout_blocks, joined
from graph.export.options import DEFAULTS, ExportOptions
from graph.network.view import View
from graph.present.markdown import escape_markdown

DEFAULT_IMAGE = "view.png"
URL_SAFE = ":/?#@!$&'*+,;=%~"
PREFIXES = {"title": "# ", "quote": "> ", "heading": "## ", "subheading": "### ", "bullet": "- ", "paragraph": ""}


def md(text: str) -> str:
    """Dataset text for Markdown: whitespace (newlines too) collapsed, special characters escaped."""
    return escape_markdown(" ".join(text.split()))


@path_or_stream
def write_md(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the handout as UTF-8 Markdown that links the picture ``options.image_name``."""
    stream.write(markdown_text(view, options.image_name or DEFAULT_IMAGE).encode("utf-8"))


def markdown_text(view: View, image_name: str = DEFAULT_IMAGE) -> str:
    """The handout's Markdown text: blocks apart by a blank line, bullets of one list on the next line."""
    text, previous = "", ""
    for item in handout_blocks(view):
        gap = "\n" if item.role == previous == "bullet" else "\n\n"
        text += (gap if text else "") + _line(item, image_name)
        previous = item.role
    return text + "\n"


def _line(item: Block, image_name: str) -> str:
    if item.role == "picture":
        return f"![{md(item.text)}]({quote(image_name, safe=URL_SAFE)})"
    return PREFIXES[item.role] + joined(_run(run) for run in item.runs)


def _run(run: Run) -> str:
    """A run as Markdown; lone punctuation as it is (mid-line it starts no markup)."""
    if not run.text.strip("".join(CLOSING)):
        return run.text
    if run.bold:
        return f"**{md(run.text)}**"
    if run.aside:
        return f"\\({md(run.text)}\\)"
    return f"[{md(run.text)}]({quote(run.link, safe=URL_SAFE)})" if run.link else md(run.text)
