"""The command line's slide decks: ``kg export --tour ID -o lecture.pptx`` (or ``.pdf``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.errors import ExportError
from graph.export.deck import DECK_FORMATS, NARRATION, deck_bytes, reference_pages, tour_deck
from graph.files import write_bytes
from graph.network.explorer import Explorer

__all__ = ["DECK_FORMATS", "NARRATION", "export_tour"]


def export_tour(args: argparse.Namespace) -> int:
    """Write a tour as a deck: a title slide, a slide per step, the references."""
    fmt = args.format or Path(args.output).suffix.lower().lstrip(".")
    if fmt not in DECK_FORMATS:
        raise ExportError(f"a tour is written as {' or '.join(DECK_FORMATS)}: use a .pptx or .pdf file, "
                          "or --format pptx.")
    deck = tour_deck(Explorer.from_path(args.path), args.tour)
    data = deck_bytes(deck, fmt, args.narration)
    write_bytes(Path(args.output), data)
    slides = 1 + len(deck.steps) + len(list(reference_pages(deck)))
    print(f"Wrote {args.output} ({fmt}: {slides} slides, {len(deck.steps)} steps of '{deck.title}').")
    return 0
