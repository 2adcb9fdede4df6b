"""The parts of a static figure around the graph: node markers, title, compact legend and caption.

Shapes map vis-network's names to matplotlib markers; the shapes vis draws around their label
(ellipse, box, database) become wide or tall marker paths, so the legend shows exactly the
marker used in the picture. The legend comes from the styled view's :class:`Legend`, like the
page's and the app's: kinds, at most four evidence line styles, verdicts and the path. Sizes are
estimated from character counts (DejaVu Sans averages about 0.6 em per character), so a page can
be planned before anything is drawn.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Affine2D

from graph.export.common import picture_references
from graph.export.pages import POINTS_PER_INCH, Page
from graph.network.view import View
from graph.present import style
from graph.present.legend import EvidenceEntry, Legend

if TYPE_CHECKING:
    from matplotlib.typing import LineStyleType  # a provisional module: read by the type checker only

CHAR_WIDTH = 0.62
LINE_SPACING = 1.3
SWATCH = 0.42
LEGEND_GAP = 0.12
CAPTION_COLUMN = 8.0
INDENT = "\u00a0" * 4  # no-break spaces: SVG viewers collapse leading ordinary spaces
PIXEL = 0.75
# Characters that draw nothing: soft hyphen, zero-width spaces and joiners, direction marks, BOM.
UNDRAWN = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
MARKERS = {"dot": "o", "circle": "o", "diamond": "D", "square": "s", "triangle": "^",
           "triangleDown": "v", "star": "*", "hexagon": "h"}
Box = tuple[float, float, float, float]  # left, bottom, width, height in inches
# The ends of a link as on screen: an arrowhead, a bar for a negative relation, bars at both ends
# for a contrast.
ARROW_STYLES = {"arrow": "-|>,head_length=0.6,head_width=0.3", "bar": "-[,widthB=0.5,lengthB=0",
                "bars": "]-[,widthA=0.5,lengthA=0,widthB=0.5,lengthB=0"}


def points(pixels: float) -> float:
    """Screen pixels (vis-network's unit) in points, at the CSS 96 pixels per inch."""
    return pixels * PIXEL


def dash_pattern(dashes: Sequence[float] | None) -> LineStyleType:
    """A matplotlib line style for a vis-network dash pattern in pixels (None: solid)."""
    return (0, tuple(points(d) for d in dashes)) if dashes else "solid"


def marker(shape: str) -> str | MarkerStyle:
    """The matplotlib marker for a vis-network shape name."""
    if shape in MARKERS:
        return MARKERS[shape]
    return MarkerStyle(_PATHS.get(shape, _PATHS["box"]))


def marker_aspect(shape: str) -> float:
    """How much wider than high a shape's marker is."""
    return 1.6 if shape in _PATHS else 1.0


def _wide(path: Path) -> Path:
    return path.transformed(Affine2D().scale(1.6, 1.0))


def _cylinder() -> Path:
    body = Path.unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5).scale(1.6, 1.6))
    top = Path.unit_circle().transformed(Affine2D().scale(0.8, 0.3).translate(0, 0.8))
    return Path.make_compound_path(body, top)


_PATHS = {"ellipse": _wide(Path.unit_circle()),
          "box": _wide(Path.unit_rectangle().transformed(Affine2D().translate(-0.5, -0.5))),
          "database": _cylinder()}


def text_width(text: str, size: float) -> float:
    """Estimated width in inches of one line of ``text`` at ``size`` points."""
    return len(text) * size * CHAR_WIDTH / POINTS_PER_INCH


def line_height(size: float) -> float:
    """Inches per line of text at ``size`` points."""
    return size * LINE_SPACING / POINTS_PER_INCH


def strip_undrawn(figure: Figure) -> Figure:
    """``figure`` with the characters that draw nothing removed from every text.

    Dataset text may hold them (a U+FEFF pasted with a word), and matplotlib's PDF writer fails on
    U+FEFF with an IndexError; no picture needs them.
    """
    for text in figure.findobj(Text):
        text.set_text(UNDRAWN.sub("", text.get_text()))
    return figure


# Title -----------------------------------------------------------------------------------------

def title_lines(title: str, width: float, page: Page) -> list[str]:
    characters = max(10, int(width / text_width("x", page.title)))
    return textwrap.wrap(title, characters) or [title]


def title_height(lines: list[str], page: Page) -> float:
    return len(lines) * line_height(page.title) + 2 * page.margin


def add_title(figure: Figure, lines: list[str], page: Page) -> None:
    """The view's title, wrapped, at the top left."""
    _add_lines(figure, lines, (page.margin, figure.get_figheight() - page.margin), page.title, fontweight="bold",
               gid="kg-title")


def _add_lines(figure: Figure, lines: list[str], top_left: tuple[float, float], size: float,
               **style_: Any) -> None:
    """One text per line, ``line_height(size)`` apart, so sizes are planned exactly."""
    width, height = figure.get_size_inches()
    x, top = top_left
    gid = style_.pop("gid", None)
    for index, line in enumerate(lines):
        figure.text(x / width, (top - index * line_height(size)) / height, line, fontsize=size, va="top",
                    gid=f"{gid}-{index}" if gid else None, **style_)


# Legend ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One legend row: a heading, or a swatch (a marker or a line) and its label.

    A line's style is kept beside its handle because ``Line2D.get_linestyle()`` answers ``'--'``
    for every custom dash pattern, which would draw all broken lines alike.
    """

    label: str
    handle: Line2D | None = None
    linestyle: LineStyleType = "solid"
    end: str = ""


def legend_rows(legend: Legend, short: bool = False) -> list[Row]:
    """Kinds, claim verdicts, evidence line styles and the path, each under a heading; ``short``
    words each swatch as :func:`short_label` does, for a slide's big type."""
    rows = _rows(legend)
    return [replace(row, label=short_label(row.label)) if short and row.handle else row for row in rows]


def short_label(label: str) -> str:
    """A legend label without what its swatch already shows: "Cause / risk factor" → "Cause",
    "Low certainty (dotted)" → "Low certainty", "Bar: not found" → "Not found"."""
    head, colon, meaning = label.partition(": ")
    text = meaning[:1].upper() + meaning[1:] if colon else head
    return text.split(" (")[0].split(" / ")[0]


def _rows(legend: Legend) -> list[Row]:
    rows = [Row("Kinds"), *(Row(k.label, _marker_handle(k.shape, k.colour, "#333333")) for k in legend.kinds)]
    if legend.verdicts:
        rows += [Row("Claims: verdict"),
                 *(Row(v.label, _marker_handle(style.CLAIM_SHAPE, v.fill, v.colour)) for v in legend.verdicts)]
    if legend.evidence:
        rows += [Row(legend.lines_heading),
                 *(Row(e.label, _line_handle(e), dash_pattern(e.dashes)) for e in legend.evidence)]
    if legend.ends:
        rows += [Row("Line ends"), *(Row(e.label, _line_handle_plain(), end=e.end) for e in legend.ends)]
    if legend.path:
        rows.append(Row("Path", Line2D([], [], color=style.PATH_COLOUR, linewidth=points(4))))
    return rows


def _marker_handle(shape: str, fill: str, border: str) -> Line2D:
    return Line2D([], [], linestyle="none", marker=marker(shape), markerfacecolor=fill,
                  markeredgecolor=border, markeredgewidth=1.2)


def _line_handle(entry: EvidenceEntry) -> Line2D:
    return Line2D([], [], color=entry.colour, linewidth=points(entry.width), linestyle=dash_pattern(entry.dashes))


def _line_handle_plain() -> Line2D:
    return Line2D([], [], color=style.EDGE_COLOUR, linewidth=points(2))


def legend_columns(rows: list[Row], height: float, page: Page) -> int:
    """How many columns the legend needs to fit ``height`` inches."""
    per_column = max(1, int((height - 2 * page.margin) / line_height(page.small)))
    return max(1, -(-len(rows) // per_column))


def legend_size(rows: list[Row], height: float, page: Page) -> tuple[float, float]:
    """Width and height in inches of the legend laid out in columns that fit ``height``."""
    columns = legend_columns(rows, height, page)
    per_column = -(-len(rows) // columns)
    longest = max((text_width(row.label, page.small) for row in rows), default=0.0)
    return (columns * (SWATCH + LEGEND_GAP * 2 + longest) + page.margin,
            per_column * line_height(page.small) + 2 * page.margin)


def add_legend(figure: Figure, rows: list[Row], box: Box, page: Page) -> None:
    """Draw the rows into ``box``: swatch, then label; headings in bold; columns if tall."""
    left, bottom, width, height = box
    columns = legend_columns(rows, height, page)
    per_column = -(-len(rows) // columns)
    column_width = (width - page.margin) / columns
    for index, row in enumerate(rows):
        x = left + (index // per_column) * column_width
        y = bottom + height - page.margin - (index % per_column + 0.5) * line_height(page.small)
        _legend_row(figure, row, (x, y), page)


def _legend_row(figure: Figure, row: Row, at: tuple[float, float], page: Page) -> None:
    width, height = figure.get_size_inches()
    x, y = at
    if row.handle is None:
        figure.text(x / width, y / height, row.label, fontsize=page.small, fontweight="bold", va="center")
        return
    axes = figure.add_axes(((x + LEGEND_GAP / 2) / width, (y - 0.1) / height, SWATCH / width, 0.2 / height))
    axes.set_axis_off()
    axes.set_xlim(0, 1)
    axes.set_ylim(-1, 1)
    handle = row.handle
    if row.end:
        axes.add_patch(FancyArrowPatch((0.02, 0), (0.98, 0), arrowstyle=ARROW_STYLES[row.end],
                                       mutation_scale=page.small, color=handle.get_color(),
                                       linewidth=handle.get_linewidth()))
    elif handle.get_marker() not in (None, "None", "none", ""):
        axes.plot([0.5], [0], **_marker_style(handle, page))
    else:
        axes.plot([0.02, 0.98], [0, 0], color=handle.get_color(), linewidth=handle.get_linewidth(),
                  linestyle=row.linestyle, solid_capstyle="butt", dash_capstyle="butt")
    figure.text((x + SWATCH + LEGEND_GAP) / width, y / height, row.label, fontsize=page.small, va="center")


def _marker_style(handle: Line2D, page: Page) -> dict[str, Any]:
    return {"linestyle": "none", "marker": handle.get_marker(), "markersize": page.small * 1.1,
            "markerfacecolor": handle.get_markerfacecolor(), "markeredgecolor": handle.get_markeredgecolor(),
            "markeredgewidth": handle.get_markeredgewidth()}


# Caption ---------------------------------------------------------------------------------------

def caption_entries(view: View) -> list[str]:
    """The disclaimer, then "[id] citation link" for each reference the picture cites (a path's own)."""
    entries = [view.dataset.meta.disclaimer] if view.dataset.meta.disclaimer else []
    return entries + [f"[{ref.id}] {ref.citation} {ref.link}".strip() for ref in picture_references(view)]


def source_lines(view: View, width: float, page: Page, max_rows: int) -> list[list[str]]:
    """A slide's caption: the ids of the references the picture cites, on at most ``max_rows``
    lines, and how many did not fit (the deck's last slides and the separate page list them)."""
    ids = [f"[{ref.id}]" for ref in picture_references(view)]
    characters = max(20, int((width - 2 * page.margin) / text_width("x", page.small)))
    for shown in range(len(ids), 0, -1):
        more = f" … and {len(ids) - shown} more" if shown < len(ids) else ""
        lines = textwrap.wrap(" ".join(ids[:shown]) + more, characters)
        if len(lines) <= max_rows:
            return [lines]
    return [[f"{len(ids)} references: export them on a separate page."]] if ids else []


def fitting_legend(rows: list[Row], height: float, page: Page) -> list[Row]:
    """``rows`` without their headings when they would not fit ``height`` inches in one column."""
    if len(rows) * line_height(page.small) <= height - 2 * page.margin:
        return rows
    return [row for row in rows if row.handle is not None]


def caption_columns(entries: list[str], width: float, page: Page, max_rows: int | None = None) -> list[list[str]]:
    """The caption as columns of wrapped lines, at most ``max_rows`` lines high.

    A wide figure gets several columns (one per ``CAPTION_COLUMN`` inches) so a long list does
    not make the picture very tall; an entry is never split between columns. Entries that do
    not fit in ``max_rows`` are replaced by a last line saying how many were left out.
    """
    count = max(1, int(width // CAPTION_COLUMN))
    characters = max(20, int((width - 2 * page.margin) / count / text_width("x", page.small)) - 4)
    wrapped = [textwrap.wrap(entry, characters, subsequent_indent=INDENT) for entry in entries]
    return _split(_fitting(wrapped, count, max_rows), count)


def _fitting(wrapped: list[list[str]], count: int, max_rows: int | None) -> list[list[str]]:
    if max_rows is None or sum(map(len, wrapped)) <= count * max_rows:
        return wrapped
    kept: list[list[str]] = []
    for entry in wrapped:
        if sum(map(len, kept)) + len(entry) + 1 > count * max_rows - count:
            break
        kept.append(entry)
    left_out = len(wrapped) - len(kept)
    return [*kept, [f"… and {left_out} more: export with references on a separate page."]]


def _split(entries: list[list[str]], count: int) -> list[list[str]]:
    per_column = -(-sum(len(entry) for entry in entries) // count)
    columns: list[list[str]] = [[]]
    for entry in entries:
        if columns[-1] and len(columns[-1]) + len(entry) > per_column and len(columns) < count:
            columns.append([])
        columns[-1] += entry
    return columns


def caption_height(columns: list[list[str]], page: Page) -> float:
    """Inches the caption needs: a heading line, the longest column, and margins."""
    rows = max((len(column) for column in columns), default=0)
    return (rows + 1.5) * line_height(page.small) + page.margin if rows else 0.0


def add_caption(figure: Figure, columns: list[list[str]], box: Box, page: Page,
                heading: str = "References shown") -> None:
    """The heading, then the columns side by side, from the top of ``box``."""
    if not any(columns):
        return
    left, bottom, box_width, box_height = box
    top = bottom + box_height
    _add_lines(figure, [heading], (left, top), page.small, fontweight="bold")
    for index, column in enumerate(columns):
        x = left + index * box_width / len(columns)
        _add_lines(figure, column, (x, top - 1.4 * line_height(page.small)), page.small)
