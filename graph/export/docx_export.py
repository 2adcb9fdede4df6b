"""The handout as a Word document (python-docx), its picture embedded to print sharp.

The same blocks as the Markdown handout (:mod:`graph.export.handout`), as Word styles: Title,
Quote, Heading 1 and 2, List Bullet; bold runs stay bold and an aside is bracketed. The page is
A4 with 2.5 cm side margins, so the text column is 16 cm: exactly the width of the picture, drawn
on the ``handout`` preset at 300 dpi (labels at 9 pt or more, portrait when the view is tall), so
Word and LibreOffice place it at its own size and print it at 300 dpi. The picture carries the
short alt text; "About the picture" follows it. Zip entries and properties have fixed dates, so
the same view gives the same bytes.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from docx import Document
from docx.document import Document as DocumentType
from docx.shared import Cm

from graph.export.common import dated_package
from graph.export.files import path_or_stream
from graph.export.handout import Block, handout_blocks, space_before
from graph.export.image_export import write_png
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.pages import CM_PER_INCH, COLUMN_WIDTH, HANDOUT_SCALE
from graph.network.view import View

STYLES = {"quote": "Quote", "paragraph": None, "bullet": "List Bullet"}
HEADINGS = {"title": 0, "heading": 1, "subheading": 2}
PAGE_CM, SIDE_MARGIN_CM = (21.0, 29.7), 2.5


@path_or_stream
def write_docx(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the handout as a .docx file with its picture embedded."""
    document = Document()
    _set_page(document)
    for item in handout_blocks(view):
        if item.role == "picture":
            _add_picture(document, view, item.text)
        else:
            _add_block(document, item)
    document.core_properties.title = view.title
    buffer = io.BytesIO()
    document.save(buffer)
    stream.write(dated_package(buffer.getvalue()))


def _set_page(document: DocumentType) -> None:
    """A4 with side margins that leave a 16 cm column (the picture's width)."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    section.left_margin = section.right_margin = Cm(SIDE_MARGIN_CM)


def _add_picture(document: DocumentType, view: View, alt: str) -> None:
    """The graph and legend on the handout preset at 300 dpi, 16 cm wide, with its alt text."""
    picture = io.BytesIO()
    write_png(view, picture, DEFAULTS.with_changes(page="handout", part="graph", scale=HANDOUT_SCALE))
    picture.seek(0)
    shape = document.add_picture(picture, width=Cm(COLUMN_WIDTH * CM_PER_INCH))
    shape._inline.docPr.set("descr", alt)  # python-docx has no public setter for alt text


def _add_block(document: DocumentType, item: Block) -> None:
    """A heading, or a paragraph of runs in the block's style."""
    if item.role in HEADINGS:
        document.add_heading(item.text, HEADINGS[item.role])
        return
    paragraph = document.add_paragraph(style=STYLES[item.role])
    for index, run in enumerate(item.runs):
        text = f"({run.text})" if run.aside else run.text
        paragraph.add_run(space_before(index, text) + text).bold = run.bold
