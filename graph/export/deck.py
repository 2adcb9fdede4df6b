"""A guided tour as a slide deck: PowerPoint (python-pptx) or PDF pages, one slide per step.

A tour is a lecture already: each step a view and a caption. The deck has a title slide (the
tour's title and description), then one slide per step with the view's title as an editable
title, the step's picture (the slide preset: graph and legend, references left for the end)
placed as an image, and the caption in the speaker notes, and also on the slide with
``narration="slide"``; the last slides list the references of every step. The PDF has the same
pages, drawn with matplotlib, for a projector with no presentation program.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from graph.dataset.model import Reference, Tour
from graph.errors import ExportError
from graph.export import export_bytes
from graph.export.common import picture_references, step_title
from graph.network.explorer import Explorer
from graph.network.view import View
from graph.present.details import reference_line

DECK_FORMATS = ("pptx", "pdf")
NARRATION = ("notes", "slide")
SLIDE_INCHES = (13.333, 7.5)
REFERENCES_PER_SLIDE = 8


@dataclass(frozen=True)
class DeckStep:
    """One step's slide: its title, picture (PNG bytes) and narration."""

    title: str
    picture: bytes
    narration: str


@dataclass(frozen=True)
class Deck:
    """Everything a deck shows, in order, whatever file it is written to."""

    title: str
    subtitle: str
    steps: tuple[DeckStep, ...]
    references: tuple[str, ...]


def tour_deck(explorer: Explorer, tour_id: str) -> Deck:
    """The deck of a tour of ``explorer``'s dataset; an unknown tour id is an ExportError."""
    tour = _tour(explorer, tour_id)
    views = [explorer.view(step.view) for step in tour.steps]
    steps = tuple(DeckStep(f"{number}. {step_title(view)}", _picture(view), step.caption)
                  for number, (step, view) in enumerate(zip(tour.steps, views, strict=True), start=1))
    return Deck(tour.title, f"{tour.description}\n{explorer.dataset.meta.title}", steps, _references(views))


def deck_bytes(deck: Deck, fmt: str, narration: str = "notes") -> bytes:
    """The deck as a file: ``pptx`` or ``pdf``."""
    if fmt not in DECK_FORMATS or narration not in NARRATION:
        raise ExportError(f"a tour is exported as {' or '.join(DECK_FORMATS)}, with narration in "
                          f"{' or '.join(NARRATION)}; not {fmt} with {narration}.")
    if fmt == "pptx":
        from graph.export.deck_pptx import pptx_bytes

        return pptx_bytes(deck, narration == "slide")
    from graph.export.deck_pdf import pdf_bytes

    return pdf_bytes(deck, narration == "slide")


def reference_pages(deck: Deck) -> Iterator[tuple[str, ...]]:
    """The references, a slide's worth at a time."""
    for start in range(0, len(deck.references), REFERENCES_PER_SLIDE):
        yield deck.references[start:start + REFERENCES_PER_SLIDE]


def _tour(explorer: Explorer, tour_id: str) -> Tour:
    tours = {tour.id: tour for tour in explorer.dataset.tours}
    if tour_id not in tours:
        known = ", ".join(tours) or "none"
        raise ExportError(f"'{tour_id}' is not a tour of this dataset (its tours: {known}).")
    return tours[tour_id]


def _picture(view: View) -> bytes:
    return export_bytes(view, "png", page="slide", part="graph", references="none")


def _references(views: list[View]) -> tuple[str, ...]:
    cited: dict[str, Reference] = {}
    for view in views:
        cited |= {reference.id: reference for reference in picture_references(view)}
    order = {reference.id: index for index, reference in enumerate(views[0].dataset.references)} if views else {}
    return tuple(reference_line(ref) for ref in sorted(cited.values(), key=lambda ref: order[ref.id]))
