"""The parts of a static figure around the graph: node markers, title, legend and caption.

Shapes map vis-network's names to matplotlib markers; the shapes vis draws around their label
(ellipse, box, database) become wide or tall marker paths, so the legend shows exactly the
marker used in the picture. The legend comes from :func:`graph.present.legend.legend_for`, like the
page's, so the key always matches what is drawn.
"""

from __future__ import annotations

import textwrap

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from graph.export.common import shown_references
from graph.network.view import View
from graph.present import style
from graph.present.legend import legend_for

TITLE_HEIGHT = 0.8
TITLE_SIZE = 14
MIN_LEGEND_WIDTH = 2.4
LEGEND_SIZE = 8
LEGEND_ROW = 0.22
CAPTION_SIZE = 7.0
CAPTION_GAP = 0.14
CAPTION_COLUMN = 8.0
CHAR_WIDTH = 0.6
PIXEL = 0.75
MARKERS = {"dot": "o", "circle": "o", "diamond": "D", "square": "s", "triangle": "^",
           "triangleDown": "v", "star": "*", "hexagon": "h"}


def points(pixels: float) -> float:
    """Screen pixels (vis-network's unit) in points, at the CSS 96 pixels per inch."""
    return pixels * PIXEL


def marker(shape: str) -> str | MarkerStyle:
    """The matplotlib marker for a vis-network shape name."""
    if shape in MARKERS:
        return MARKERS[shape]
    return MarkerStyle(_PATHS.get(shape, _PATHS["box"]))


def _wide(path: Path) -> Path:
    return path.transformed(Affine2D().scale(1.6, 1.0))


def _cylinder() -> Path:
    body = Path.unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5).scale(1.6, 1.6))
    top = Path.unit_circle().transformed(Affine2D().scale(0.8, 0.3).translate(0, 0.8))
    return Path.make_compound_path(body, top)


_PATHS = {"ellipse": _wide(Path.unit_circle()),
          "box": _wide(Path.unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5))),
          "database": _cylinder()}


def add_title(figure: Figure, title: str) -> None:
    """The view's title, wrapped to the figure's width, at the top left."""
    characters = int(figure.get_figwidth() * 72 / (TITLE_SIZE * CHAR_WIDTH))
    text = "\n".join(textwrap.wrap(title, characters)) or title
    top = 1 - 0.25 / figure.get_figheight()
    figure.text(0.2 / figure.get_figwidth(), top, text, fontsize=TITLE_SIZE, fontweight="bold", va="top")


def legend_width(view: View) -> float:
    """Inches the legend needs: its longest label, plus the symbol column."""
    longest = max((len(label) for _, label in _legend_entries(view)), default=0)
    return max(MIN_LEGEND_WIDTH, longest * LEGEND_SIZE * CHAR_WIDTH / 72 + 1.1)


def legend_height(view: View) -> float:
    """Inches the legend needs: one row per entry and per section heading."""
    legend = legend_for(view)
    rows = len(legend.kinds) + len(legend.evidence) + len(legend.verdicts) + 4 + bool(view.paths)
    return rows * LEGEND_ROW + 0.4


def add_legend(axes: Axes, view: View) -> None:
    """Kinds (shape and colour), evidence (line style and width), verdicts and the path colour."""
    entries = _legend_entries(view)
    legend = axes.legend([handle for handle, _ in entries], [label for _, label in entries],
                         loc="upper left", frameon=False, fontsize=LEGEND_SIZE, handlelength=3.2,
                         borderaxespad=0.2, labelspacing=0.6)
    for text, (handle, _) in zip(legend.get_texts(), entries, strict=True):
        if handle.get_label() == "heading":
            text.set_fontweight("bold")


def _legend_entries(view: View) -> list[tuple[Line2D, str]]:
    legend = legend_for(view)
    entries = [_heading("Kinds")]
    entries += [(_marker_handle(kind.shape, kind.colour), kind.label) for kind in legend.kinds]
    entries += [(_marker_handle(style.CLAIM_SHAPE, v.colour), f"Claim: {v.label}") for v in legend.verdicts]
    entries += [_heading("Evidence")] + [(_line_handle(e.line, e.width), e.label) for e in legend.evidence]
    if view.paths:
        entries.append((Line2D([], [], color=style.PATH_COLOUR, linewidth=points(4)), "Path"))
    return entries


def _heading(text: str) -> tuple[Line2D, str]:
    return Line2D([], [], linestyle="none", label="heading"), text


def _marker_handle(shape: str, colour: str) -> Line2D:
    return Line2D([], [], linestyle="none", marker=marker(shape), markersize=11, markerfacecolor=colour,
                  markeredgecolor="#333333", markeredgewidth=0.8)


def _line_handle(line: str, width: float) -> Line2D:
    dashes = style.DASHES[line]
    pattern = (0, tuple(points(d) for d in dashes)) if dashes else "solid"
    return Line2D([], [], color=style.EDGE_COLOUR, linewidth=points(width), linestyle=pattern)


def caption_columns(view: View, width: float) -> list[list[str]]:
    """The caption as columns of lines: the disclaimer, then "[id] citation link" per reference.

    A wide figure gets several columns (one per ``CAPTION_COLUMN`` inches) so a long reference
    list does not make the picture very tall; an entry is never split between columns.
    """
    count = max(1, int(width // CAPTION_COLUMN))
    characters = int(width / count * 72 / (CAPTION_SIZE * CHAR_WIDTH)) - 4
    entries = [view.dataset.meta.disclaimer] if view.dataset.meta.disclaimer else []
    entries += [f"[{ref.id}] {ref.citation} {ref.link}".strip() for ref in shown_references(view)]
    wrapped = [textwrap.wrap(entry, characters, subsequent_indent="    ") for entry in entries]
    return _split(wrapped, count)


def _split(entries: list[list[str]], count: int) -> list[list[str]]:
    per_column = -(-sum(len(entry) for entry in entries) // count)
    columns: list[list[str]] = [[]]
    for entry in entries:
        if columns[-1] and len(columns[-1]) + len(entry) > per_column and len(columns) < count:
            columns.append([])
        columns[-1] += entry
    return columns


def caption_height(columns: list[list[str]]) -> float:
    """Inches the caption needs: a heading line, the longest column, and a margin."""
    rows = max(len(column) for column in columns)
    return CAPTION_GAP * (rows + 2.5) if rows else 0.2


def add_caption(figure: Figure, columns: list[list[str]]) -> None:
    """"References shown", then the columns side by side, at the bottom of the figure."""
    if not any(columns):
        return
    width, height = figure.get_size_inches()
    top = (caption_height(columns) - CAPTION_GAP) / height
    figure.text(0.2 / width, top, "References shown", fontsize=CAPTION_SIZE + 1, fontweight="bold", va="top")
    for index, column in enumerate(columns):
        left = (0.2 + index * (width - 0.2) / len(columns)) / width
        figure.text(left, top - 1.5 * CAPTION_GAP / height, "\n".join(column), fontsize=CAPTION_SIZE,
                    va="top", linespacing=1.2)
