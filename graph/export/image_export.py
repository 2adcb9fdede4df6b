"""Static PNG, SVG and PDF pictures of a view for slides, print and posters, drawn with matplotlib.

A picture is planned on a :class:`~graph.export.pages.Page` (``slide``: 1920×1080 px at scale 1;
``a4``: landscape A4; ``handout``: a 16 cm text column; ``poster``: A0): the title on top with a line
saying what is shown, the compact legend at the right, the references in a caption below
(``references="caption"``), on a page or file of their own (``"separate"``) or not at all
(``"none"``), and the graph filling the rest (see :mod:`graph.export.graph_drawing`). The handout's
picture (``part="graph"``) is the graph and legend alone. A view with many nodes draws big kinds
as groups, as the app does, and leaves out what still has no room to be named; the line under
the title (or at the foot of a graph alone) says what was left out. A PNG
larger than 40 megapixels is drawn at a lower scale (:func:`graph.export.pages.pixel_note` says so).

Figures are built with :class:`matplotlib.figure.Figure` directly, never pyplot, so no global
figure is left open and no GUI back end is touched; each export runs inside its own
``rc_context``. Texts are drawn with math parsing off (a ``$`` in a label stays a ``$``). SVG
keeps them as ``<text>`` with a font fallback list, and has a ``<title>`` and ``<desc>``; a
slide's SVG is sized in pixels. SVG and PDF carry no date, and SVG ids are salted with a
constant, so the same view gives the same file.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from graph.export.describe import long_description
from graph.export.figure_parts import (
    Box,
    Row,
    add_caption,
    add_legend,
    add_title,
    caption_columns,
    caption_entries,
    caption_height,
    fitting_legend,
    legend_rows,
    legend_size,
    line_height,
    source_lines,
    strip_undrawn,
    text_width,
    title_height,
    title_lines,
)
from graph.export.files import path_or_stream
from graph.export.graph_drawing import Drawn, draw_graph, graph_extent
from graph.export.options import DEFAULTS, ExportOptions
from graph.export.pages import PAGES, Page, capped_scale, pixels
from graph.network.view import View
from graph.present.legend import legend_for
from graph.present.styled import StyledView, styled_view

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType  # a provisional module: read by the type checker only

FONT_STACK = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
RC: dict[RcKeyType, Any] = {"svg.hashsalt": "graph-export", "svg.fonttype": "none", "pdf.fonttype": 42,
                            "text.parse_math": False, "lines.scale_dashes": False, "font.family": "DejaVu Sans"}
METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}


@dataclass(frozen=True)
class Plan:
    """Where each part of a picture goes, in inches from the bottom left."""

    size: tuple[float, float]
    title: list[str]
    graph: Box
    legend: Box
    rows: list[Row]
    caption: list[list[str]]
    caption_box: Box


@path_or_stream
def write_png(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write a PNG at ``options.scale`` × the page's DPI (100, 50 for a poster; within the pixel cap)."""
    write_image(view, stream, "png", options)


@path_or_stream
def write_svg(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write an SVG whose texts are ``<text>``, with a title, a description and font fallbacks."""
    write_image(view, stream, "svg", options)


@path_or_stream
def write_pdf(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write a vector PDF (two pages when the references go on a separate page)."""
    write_image(view, stream, "pdf", options)


def write_image(view: View, stream: BinaryIO, fmt: str, options: ExportOptions = DEFAULTS) -> None:
    """Draw the view and save it as ``fmt`` (png, svg or pdf); a PNG at ``options.scale`` × the page's DPI."""
    with matplotlib.rc_context(RC):
        figures = _figures(view, options, fmt)
        dpi = PAGES[options.page].dpi
        scale = capped_scale(tuple(figures[0].get_size_inches()), options.scale, dpi) if fmt == "png" else options.scale
        if fmt == "pdf":
            _save_pdf(figures, stream)
        elif fmt == "svg":
            stream.write(_svg(view, figures[0], options))
        else:
            figures[0].savefig(stream, format="png", dpi=dpi * scale, metadata=METADATA["png"])


def picture_size(view: View, options: ExportOptions = DEFAULTS) -> tuple[float, float]:
    """Inches of the picture ``options`` describe, without drawing it."""
    page = PAGES[options.page]
    if options.part == "references":
        return _references_size(view, page)
    return plan_picture(styled_view(view, cluster_above=page.group_above), options).size


def png_pixels(view: View, options: ExportOptions = DEFAULTS) -> tuple[int, int]:
    """Width and height of the PNG ``options`` describe, after the pixel cap."""
    size, dpi = picture_size(view, options), PAGES[options.page].dpi
    return pixels(size, capped_scale(size, options.scale, dpi), dpi)


def plan_picture(styled: StyledView, options: ExportOptions) -> Plan:
    """Sizes and boxes of the title, graph, legend and caption on the chosen page: a page with a
    portrait size turns portrait for a view taller than wide, or when the legend would take more
    than half its width (a 10 cm handout column under a three-line title and a caption)."""
    page = PAGES[options.page]
    plan = _plan_on(styled, options, page_size(styled, page.size, page.portrait))
    if page.portrait and plan.size != page.portrait and plan.legend[2] > plan.size[0] / 2:
        return _plan_on(styled, options, page.portrait)
    return plan


def _plan_on(styled: StyledView, options: ExportOptions, size: tuple[float, float]) -> Plan:
    page, view = PAGES[options.page], styled.view
    rows = legend_rows(styled.legend, short=True)
    whole = options.part == "whole"
    entries = caption_entries(view) if whole and options.references == "caption" else []
    width, height = size
    title = title_lines(view.title, width - 2 * page.margin, page) if whole else []
    top = (title_height(title, page) + line_height(page.small)) if whole else page.margin
    rows = fitting_legend(rows, height - top, page)
    legend_width, _ = legend_size(rows, height - top, page)
    max_rows = int(height * page.caption_share / line_height(page.small)) - 2
    caption = _caption(view, entries, (width - legend_width, max_rows), page) if entries else []
    bottom = caption_height(caption, page) if caption else page.margin + (0 if whole else line_height(page.small))
    graph = (page.margin, bottom, width - legend_width - page.margin, height - top - bottom)
    return Plan((width, height), title, graph, (width - legend_width, 0.0, legend_width, height - top), rows,
                caption, (page.margin, 0.0, width - legend_width - 2 * page.margin, bottom - page.margin / 2))


Size = tuple[float, float]


def page_size(styled: StyledView, size: Size, portrait: Size | None) -> Size:
    """A fixed page's size in inches: its ``portrait`` size, if it has one, for a view taller than wide."""
    left, right, bottom, top = graph_extent(list(styled.nodes))
    return portrait if portrait and top - bottom > right - left else size


def _caption(view: View, entries: list[str], room: tuple[float, int], page: Page) -> list[list[str]]:
    """The caption's columns: a slide names its sources by id, other pages cite them in full."""
    width, max_rows = room
    if page.name == "slide":
        return source_lines(view, width, page, max_rows)
    return caption_columns(entries, width, page, max_rows)


def _figures(view: View, options: ExportOptions, fmt: str) -> list[Figure]:
    """The picture's pages: the drawing, and the references page when they go separately."""
    if options.part == "references":
        return [strip_undrawn(references_figure(view, PAGES[options.page]))]
    figures = [draw_picture(view, options)]
    if fmt == "pdf" and options.references == "separate" and options.part == "whole":
        figures.append(references_figure(view, PAGES[options.page]))
    return [strip_undrawn(figure) for figure in figures]


def draw_picture(view: View, options: ExportOptions) -> Figure:
    """The figure: title and summary line, graph, legend and caption as planned."""
    return draw_styled(styled_view(view, cluster_above=PAGES[options.page].group_above), options)


def draw_styled(styled: StyledView, options: ExportOptions) -> Figure:
    """The figure of a view already styled (a worksheet's, with its labels blanked)."""
    page = PAGES[options.page]
    plan = plan_picture(styled, options)
    figure = Figure(figsize=plan.size, facecolor="white")
    renderer = FigureCanvasAgg(figure).get_renderer()
    drawn = draw_graph(figure, styled, plan.graph, page, renderer)
    if plan.title:
        add_title(figure, plan.title, page)
    _add_summary(figure, summary_line(styled, drawn, plan.size[0] - 2 * page.margin, page), plan, page)
    add_legend(figure, _drawn_rows(styled, drawn, plan, page), plan.legend, page)
    add_caption(figure, plan.caption, plan.caption_box, page)
    return figure


def _drawn_rows(styled: StyledView, drawn: Drawn, plan: Plan, page: Page) -> list[Row]:
    """The legend of what a fixed page drew (the nodes left out take their kinds and links with
    them); without headings when it would not fit in one column."""
    if not drawn.left_out:
        return plan.rows
    left_out = {node.id for node in drawn.left_out}
    kept = [node for node in styled.view.graph if node not in left_out and styled.node(node).cluster not in left_out]
    shown = dataclasses.replace(styled.view, graph=styled.view.graph.subgraph(kept))
    return fitting_legend(legend_rows(legend_for(shown), short=True), plan.legend[3], page)


def summary_line(styled: StyledView, drawn: Drawn, width: float, page: Page) -> str:
    """What is shown, and what was grouped or left out, in the longest wording that fits ``width``
    inches on one line."""
    view = styled.view
    shown = f"{view.graph.number_of_nodes()} nodes and {view.graph.number_of_edges()} links"
    grouped = "; big kinds grouped" if styled.clusters else ""
    if not drawn.left_out:
        return f"{shown}{grouped}."
    kinds = Counter(node.kind_label.split(" / ")[0] for node in drawn.left_out if not node.members)
    groups = [node.label for node in drawn.left_out if node.members]
    details = ", ".join([*groups, *(f"{label} {count}" for label, count in kinds.most_common())])
    left = f"; {len(drawn.left_out)} left out for room"
    candidates = [f"{shown}{grouped}{left} ({details}); the lesson page shows all.",
                  f"{shown}{grouped}{left} ({details}).", f"{shown}{grouped}{left}.", f"{shown}{left}."]
    return next((text for text in candidates if text_width(text, page.small) <= width), candidates[-1])


def _add_summary(figure: Figure, text: str, plan: Plan, page: Page) -> None:
    """The summary under the title, or at the foot of a graph drawn alone on a fixed page (a
    poster's graph alone is a handout's picture, which the handout's text describes)."""
    width, height = plan.size
    if plan.title:
        top = height - title_height(plan.title, page) + page.margin
    else:
        top = page.margin / 2 + line_height(page.small)
    figure.text(page.margin / width, top / height, text, fontsize=page.small, va="top", color="#333333")


def references_figure(view: View, page: Page) -> Figure:
    """A page listing the disclaimer and every reference the view shows."""
    width, height = _references_size(view, page)
    figure = Figure(figsize=(width, height), facecolor="white")
    columns = caption_columns(caption_entries(view), width, page)
    add_title(figure, title_lines(f"References: {view.title}", width - 2 * page.margin, page), page)
    top = title_height(title_lines(f"References: {view.title}", width - 2 * page.margin, page), page)
    add_caption(figure, columns, (page.margin, 0.0, width - 2 * page.margin, height - top), page, heading="")
    return figure


def _references_size(view: View, page: Page) -> tuple[float, float]:
    """The page's size, taller when the list needs it."""
    width = page.size[0]
    columns = caption_columns(caption_entries(view), width, page)
    title = title_lines(f"References: {view.title}", width - 2 * page.margin, page)
    needed = title_height(title, page) + caption_height(columns, page)
    return width, max(needed, page.size[1])


def _save_pdf(figures: list[Figure], stream: BinaryIO) -> None:
    with PdfPages(stream, metadata=METADATA["pdf"]) as pdf:
        for figure in figures:
            pdf.savefig(figure)


def _svg(view: View, figure: Figure, options: ExportOptions) -> bytes:
    """The SVG with a title, a description, a font fallback list and, for a slide, pixel sizes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata=METADATA["svg"])
    text = buffer.getvalue().decode("utf-8").replace("font-family: 'DejaVu Sans'", f"font-family: {FONT_STACK}")
    if options.page == "slide":
        width, height = pixels(tuple(figure.get_size_inches()), options.scale)
        text = re.sub(r'<svg([^>]*?) width="[^"]+" height="[^"]+"', rf'<svg\1 width="{width}px" height="{height}px"',
                      text, count=1)
    heading = f"<title>{escape(view.title)}</title>\n <desc>{escape(long_description(view))}</desc>\n"
    return re.sub(r"(<svg[^>]*>\n)", lambda match: match.group(1) + " " + heading, text, count=1).encode("utf-8")
