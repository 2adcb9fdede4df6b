"""A deck as PowerPoint (python-pptx): editable titles and notes, pictures placed as images.

python-pptx writes the Office Open XML that PowerPoint, LibreOffice Impress, Keynote and Google
Slides open; every title and text is a text frame a teacher can edit, every picture an image.
The slides are 16:9 (13.333 × 7.5 in); shapes are placed explicitly, since the default
template's placeholders are laid out for 4:3.
"""

from __future__ import annotations

import datetime
import io

from pptx import Presentation
from pptx.presentation import Presentation as Deckfile
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from graph.export.deck import SLIDE_INCHES, Deck, DeckStep, reference_pages

MARGIN = 0.4
TITLE_HEIGHT = 1.1
NARRATION_HEIGHT = 1.3
TITLE_ONLY = 5
TITLE_SLIDE = 0
FIXED_TIME = datetime.datetime(2000, 1, 1)


def pptx_bytes(deck: Deck, narration_on_slide: bool) -> bytes:
    """The deck as a .pptx file."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(SLIDE_INCHES[0]), Inches(SLIDE_INCHES[1])
    _properties(presentation, deck)
    _title_slide(presentation, deck)
    for step in deck.steps:
        _step_slide(presentation, step, narration_on_slide)
    for number, page in enumerate(reference_pages(deck), start=1):
        _references_slide(presentation, page, number)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def _properties(presentation: Deckfile, deck: Deck) -> None:
    """The file's title, and fixed dates, so the same tour gives the same document properties."""
    properties = presentation.core_properties
    properties.title, properties.author, properties.last_modified_by = deck.title, "", ""
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1


def _title_slide(presentation: Deckfile, deck: Deck) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_SLIDE])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    _place(title, MARGIN, 1.8, SLIDE_INCHES[0] - 2 * MARGIN, 1.6)
    _place(subtitle, MARGIN, 3.6, SLIDE_INCHES[0] - 2 * MARGIN, 2.4)
    _set_text(title, deck.title, 40)
    _set_text(subtitle, deck.subtitle, 24)


def _step_slide(presentation: Deckfile, step: DeckStep, narration_on_slide: bool) -> None:
    slide = _titled_slide(presentation, step.title)
    bottom = NARRATION_HEIGHT if narration_on_slide and step.narration else 0.0
    _add_picture(slide, step.picture, SLIDE_INCHES[1] - TITLE_HEIGHT - MARGIN / 2 - bottom)
    if bottom:
        box = slide.shapes.add_textbox(Inches(MARGIN), Inches(SLIDE_INCHES[1] - bottom),
                                       Inches(SLIDE_INCHES[0] - 2 * MARGIN), Inches(bottom - MARGIN / 2))
        box.text_frame.word_wrap = True
        _set_text(box, step.narration, 20)
    notes = slide.notes_slide.notes_text_frame
    if notes is not None:
        notes.text = step.narration


def _references_slide(presentation: Deckfile, references: tuple[str, ...], number: int) -> None:
    slide = _titled_slide(presentation, "References" if number == 1 else f"References ({number})")
    width, height = SLIDE_INCHES[0] - 2 * MARGIN, SLIDE_INCHES[1] - TITLE_HEIGHT - MARGIN
    box = slide.shapes.add_textbox(Inches(MARGIN), Inches(TITLE_HEIGHT + MARGIN / 2), Inches(width), Inches(height))
    box.text_frame.word_wrap = True
    _set_text(box, "\n".join(references), 16)


def _titled_slide(presentation: Deckfile, title: str) -> Slide:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
    _place(slide.shapes.title, MARGIN, MARGIN / 4, SLIDE_INCHES[0] - 2 * MARGIN, TITLE_HEIGHT - MARGIN / 4)
    _set_text(slide.shapes.title, title, 28)
    return slide


def _add_picture(slide: Slide, png: bytes, height: float) -> None:
    """The picture as large as the space under the title allows, centred."""
    picture = slide.shapes.add_picture(io.BytesIO(png), Inches(MARGIN), Inches(TITLE_HEIGHT), height=Inches(height))
    width = min(picture.width, Inches(SLIDE_INCHES[0] - 2 * MARGIN))
    picture.height = Emu(int(picture.height * width / picture.width))
    picture.width = width
    picture.left = Emu(int((Inches(SLIDE_INCHES[0]) - width) / 2))


def _place(shape: object, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)  # type: ignore[attr-defined]


def _set_text(shape: object, text: str, points: int) -> None:
    """Plain text (one paragraph per line) at one size: dataset text is never markup here."""
    frame = shape.text_frame  # type: ignore[attr-defined]
    lines = text.split("\n")
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(points)
