"""The command line's tours: ``kg export --tour ID -o lecture.pptx`` (or ``.pdf``, or ``--format scorm``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.errors import ExportError
from graph.export.deck import DECK_FORMATS, NARRATION, deck_bytes, reference_pages, tour_deck
from graph.export.options import DEFAULT_PASS_SCORE, ExportOptions
from graph.export.scorm import course_bytes, tour_course
from graph.files import write_bytes
from graph.network.explorer import Explorer

__all__ = ["DECK_FORMATS", "NARRATION", "export_tour"]


def export_tour(args: argparse.Namespace) -> int:
    """Write a tour as a deck: a title slide, a slide per step, the references."""
    fmt = args.format or _tour_format(args.output)
    if fmt == "scorm":
        return export_tour_course(args)
    if fmt not in DECK_FORMATS:
        raise ExportError(f"a tour is written as {' or '.join(DECK_FORMATS)} or scorm: use a .pptx or .pdf file, "
                          "or --format pptx or scorm.")
    deck = tour_deck(Explorer.from_path(args.path), args.tour)
    data = deck_bytes(deck, fmt, args.narration)
    write_bytes(Path(args.output), data)
    slides = 1 + len(deck.steps) + len(list(reference_pages(deck)))
    print(f"Wrote {args.output} ({fmt}: {slides} slides, {len(deck.steps)} steps of '{deck.title}').")
    return 0


def _tour_format(output: str) -> str:
    """``scorm`` for a ``.scorm.zip``, else the suffix (``pptx``, ``pdf``)."""
    return "scorm" if output.lower().endswith(".scorm.zip") else Path(output).suffix.lower().lstrip(".")


def export_tour_course(args: argparse.Namespace) -> int:
    """Write a tour as a SCORM package: a lesson page per step, then a quiz on all of them."""
    pass_score = ExportOptions(pass_score=DEFAULT_PASS_SCORE if args.pass_score is None else args.pass_score).pass_score
    course = tour_course(Explorer.from_path(args.path), args.tour, pass_score)
    write_bytes(Path(args.output), course_bytes(course))
    print(f"Wrote {args.output} (scorm: {len(course.steps)} lesson pages of '{course.title}', "
          f"{len(course.quiz.questions)} questions, passed at {pass_score}%).")
    return 0
