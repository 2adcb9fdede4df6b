"""A class overlay as a picture: the view the maps were built on, with every link any student drew
(and every link nobody found) drawn over it, as thick as the share of the class that drew it.

The picture is the picture export's (:func:`graph.export.image_export.draw_styled`): the same
page presets, title, placement and legend rules, with the legend's line styles standing for the
overlay's verdicts instead of the evidence (one style per verdict shown, in the scoring's order),
and each link labelled with how many students drew it ("3 of 5").
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import matplotlib

from graph.errors import ExportError
from graph.export.image_export import METADATA, RC, draw_styled
from graph.export.options import ExportOptions
from graph.files import write_atomically
from graph.network.view import View
from graph.present import style
from graph.present.legend import EndEntry, EvidenceEntry
from graph.present.styled import EdgeStyle, styled_view
from graph.teaching.map_overlay import ClassOverlay
from graph.teaching.map_scoring import MISSING, NOT_IN_MAP, REVERSED, RIGHT, VERDICT_WORDS, WRONG_RELATION

VERDICT_LINES = {RIGHT: ("#009E73", "solid"), REVERSED: ("#E69F00", "dashed"),
                 WRONG_RELATION: ("#CC79A7", "dashed"), NOT_IN_MAP: ("#D55E00", "dotted"),
                 MISSING: ("#8a8a8a", "dotted")}
PICTURE_FORMATS = (".png", ".pdf", ".svg")


def overlay_edges(overlay: ClassOverlay, phrases: dict[str, str]) -> tuple[EdgeStyle, ...]:
    """One drawn line per overlay link: colour and style by verdict, width by the share who drew it."""
    students = max(1, len(overlay.students))
    return tuple(_edge(index, link.link, link.verdict, link.students, students, phrases)
                 for index, link in enumerate(overlay.links))


def _edge(index: int, link: tuple[str, str, str], verdict: str, drew: int, students: int,
          phrases: dict[str, str]) -> EdgeStyle:
    colour, line = VERDICT_LINES[verdict]
    source, relation, target = link
    return EdgeStyle(id=f"overlay{index}", source=source, target=target,
                     label=f"{phrases[relation]}: {drew} of {students}", label_shown=True, tier=verdict,
                     evidence="", line=line, end="arrow",
                     dashes=style.DASHES[line], width=1.0 + 5.0 * drew / students, colour=colour, opacity=1.0,
                     tooltip="", emphasis="plain", curve=0.15 if verdict == REVERSED else 0.0)


def write_overlay_picture(view: View, overlay: ClassOverlay, phrases: dict[str, str], path: str | Path) -> None:
    """Draw the overlay over ``view`` and write it as PNG, PDF or SVG (by the file's suffix)."""
    suffix = Path(path).suffix.lower()
    if suffix not in PICTURE_FORMATS:
        raise ExportError(f"{path}: a class overlay picture is {', '.join(PICTURE_FORMATS)}, "
                          f"not {suffix or 'a file without a suffix'}.")
    styled = styled_view(view, cluster_above=None)
    shown = {node.id for node in styled.nodes}
    edges = tuple(edge for edge in overlay_edges(overlay, phrases) if {edge.source, edge.target} <= shown)
    verdicts = [v for v in VERDICT_LINES if any(edge.tier == v for edge in edges)]
    legend = replace(styled.legend, evidence=tuple(_entry(v) for v in verdicts), verdicts=(), path=False,
                     lines_heading="Students' links (line)",
                     ends=(EndEntry("arrow", "Arrowhead: as the students drew it"),))
    title = f"Class overlay ({len(overlay.students)} maps): {view.title}"
    sheet = replace(styled, view=replace(view, title=title), edges=edges, legend=legend)
    with matplotlib.rc_context(RC):
        figure = draw_styled(sheet, ExportOptions(page="a4", references="none"))
        fmt = suffix.removeprefix(".")
        write_atomically(Path(path), lambda stream: figure.savefig(stream, format=fmt, metadata=METADATA[fmt]))


def _entry(verdict: str) -> EvidenceEntry:
    colour, line = VERDICT_LINES[verdict]
    return EvidenceEntry(label=VERDICT_WORDS[verdict].capitalize(), width=2.0, line=line, colour=colour)
