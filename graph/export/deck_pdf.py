"""A deck as PDF pages drawn with matplotlib: the same slides, for a projector with no presentation program."""

from __future__ import annotations

import io
import textwrap

import matplotlib.image as mpimg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from graph.export.deck import SLIDE_INCHES, Deck, DeckStep, reference_pages
from graph.export.image_export import METADATA

TITLE_POINTS = 24
TEXT_POINTS = 18
WRAP = 95
TITLE_WRAP = 72


def pdf_bytes(deck: Deck, narration_on_slide: bool) -> bytes:
    """The deck as a PDF, one page per slide."""
    figures = [_text_page(deck.title, [deck.subtitle], 40)]
    figures += [_step_page(step, narration_on_slide) for step in deck.steps]
    figures += [_text_page("References", list(page), 14) for page in reference_pages(deck)]
    buffer = io.BytesIO()
    with PdfPages(buffer, metadata=METADATA["pdf"]) as pdf:
        for figure in figures:
            pdf.savefig(figure)
    return buffer.getvalue()


def _step_page(step: DeckStep, narration_on_slide: bool) -> Figure:
    figure = Figure(figsize=SLIDE_INCHES, facecolor="white")
    figure.text(0.03, 0.96, textwrap.fill(step.title, TITLE_WRAP), fontsize=TITLE_POINTS, va="top", fontweight="bold")
    bottom = 0.17 if narration_on_slide and step.narration else 0.02
    top = 0.84 if len(step.title) <= TITLE_WRAP else 0.79
    axes = figure.add_axes((0.03, bottom, 0.94, top - bottom))
    axes.imshow(mpimg.imread(io.BytesIO(step.picture), format="png"))
    axes.set_axis_off()
    if bottom > 0.02:
        figure.text(0.03, bottom - 0.01, textwrap.fill(step.narration, WRAP), fontsize=TEXT_POINTS, va="top")
    return figure


def _text_page(title: str, lines: list[str], points: int) -> Figure:
    figure = Figure(figsize=SLIDE_INCHES, facecolor="white")
    figure.text(0.03, 0.94, title, fontsize=TITLE_POINTS if points < 40 else points, va="top", fontweight="bold")
    body = "\n".join(textwrap.fill(line, int(WRAP * TEXT_POINTS / points * 1.2)) for line in lines)
    figure.text(0.03, 0.78, body, fontsize=min(points, 24), va="top", linespacing=1.4)
    return figure
