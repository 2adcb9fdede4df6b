"""A printable concept-map worksheet: the view's picture with its node or link labels blanked and
numbered, then an answer key.

``blank="nodes"``: each node's label becomes its number and a line to write on ("3 ______"), and
the title no longer names the focus; ``blank="links"``: each link's relation phrase becomes its
number, drawn on every link (a small view labels every link). Numbers run top to bottom, left to
right, as a reader scans the page. The picture uses the print presets and the figure code of the
picture export (A4 by default), so the legend follows the same rules; the key is a page of its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import BinaryIO

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from graph.errors import ExportError
from graph.export.figure_parts import add_caption, add_title, caption_columns, strip_undrawn, title_height, title_lines
from graph.export.files import path_or_stream
from graph.export.graph_drawing import EDGE_LABEL_LIMIT
from graph.export.image_export import METADATA, RC, draw_styled
from graph.export.options import BLANKS, ExportOptions
from graph.export.pages import PAGES
from graph.network.view import View
from graph.present.styled import EdgeStyle, NodeStyle, StyledView, styled_view

BLANK_LINE = "\u2009______"
Answer = tuple[int, str]


def blanked(styled: StyledView, blank: str) -> tuple[StyledView, list[Answer]]:
    """``styled`` with its node (or link) labels replaced by numbers, and each number's answer."""
    if blank not in BLANKS:
        raise ExportError(f"--blank must be one of {', '.join(BLANKS)}, not {blank!r}.")
    return _blank_nodes(styled) if blank == "nodes" else _blank_links(styled)


def _blank_nodes(styled: StyledView) -> tuple[StyledView, list[Answer]]:
    """Every node numbered; the title says what to do, without naming the focus."""
    numbers = {node.id: number for number, node in enumerate(sorted(styled.nodes, key=_reading_order), start=1)}
    answers = sorted((numbers[node.id], node.label) for node in styled.nodes)
    view = replace(styled.view, title=f"Concept-map worksheet: name the {len(numbers)} numbered concepts")
    return replace(styled, view=view, nodes=tuple(_numbered_node(n, numbers[n.id]) for n in styled.nodes)), answers


def _blank_links(styled: StyledView) -> tuple[StyledView, list[Answer]]:
    """Every link numbered where its relation phrase was; refused when too many to label."""
    if len(styled.edges) > EDGE_LABEL_LIMIT:
        raise ExportError(f"the view has {len(styled.edges)} links; a worksheet numbers at most {EDGE_LABEL_LIMIT}. "
                          "Narrow it (a smaller --depth, --kinds or --relations) or blank the nodes instead.")
    edges = sorted(styled.edges, key=lambda edge: (_reading_order(styled.node(edge.source)), edge.target, edge.id))
    numbers = {edge.id: number for number, edge in enumerate(edges, start=1)}
    answers = [(numbers[edge.id], _reading(styled, edge)) for edge in edges]
    title = f"Concept-map worksheet: name the {len(edges)} numbered links ({styled.view.title})"
    view = replace(styled.view, title=title)
    return replace(styled, view=view, edges=tuple(_numbered_edge(e, numbers[e.id]) for e in styled.edges)), answers


def _reading_order(node: NodeStyle) -> tuple[float, float]:
    x, y = node.position
    return (round(y / 40), x)  # rows about a label high, each read left to right


def _numbered_node(node: NodeStyle, number: int) -> NodeStyle:
    return replace(node, label=f"{number}{BLANK_LINE}", tooltip="")


def _numbered_edge(edge: EdgeStyle, number: int) -> EdgeStyle:
    return replace(edge, label=f"({number})", label_shown=True, tooltip="")


def _reading(styled: StyledView, edge: EdgeStyle) -> str:
    """A blanked link's answer: "Iron deficiency — is a risk factor for → RLS"."""
    return f"{styled.node(edge.source).label} \u2014 {edge.label} \u2192 {styled.node(edge.target).label}"


@path_or_stream
def write_worksheet(view: View, stream: BinaryIO, blank: str, options: ExportOptions) -> None:
    """Write the worksheet PDF: the blanked picture, then the answer key."""
    sheet, answers = blanked(styled_view(view, cluster_above=None), blank)
    with matplotlib.rc_context(RC):
        figures = [draw_styled(sheet, options), answer_key(view.title, answers, options)]
        with PdfPages(stream, metadata=METADATA["pdf"]) as pdf:
            for figure in figures:
                pdf.savefig(strip_undrawn(figure))


def answer_key(title: str, answers: list[Answer], options: ExportOptions) -> Figure:
    """A page listing each number with the label it stands for."""
    page = PAGES[options.page]
    width, height = page.size
    heading = title_lines(f"Answer key: {title}", width - 2 * page.margin, page)
    figure = Figure(figsize=(width, height), facecolor="white")
    add_title(figure, heading, page)
    columns = caption_columns([f"{number}. {answer}" for number, answer in answers], width, page)
    top = title_height(heading, page)
    add_caption(figure, columns, (page.margin, 0.0, width - 2 * page.margin, height - top), page, heading="")
    return figure
