"""Where a small view's nodes go on a canvas the size of the app's, and the page's zoom rules.

A focus or path view is laid out afresh for the screen: each candidate (tier columns, tier rows,
three columns around the focus, a path's columns) is tried with a few numbers of nodes per column,
and the one whose labels are drawn biggest on :data:`CANVAS` wins (:func:`best_placement`). A page
whose network is narrower than :data:`NARROW_BELOW_PX` asks for its view laid out for a phone
instead (:data:`SCREENS` names both screens). The page script zooms by the same rules, which it
reads from :func:`page_rules` in the payload, so the estimate here and the picture on screen never
disagree about the canvas or the zoom.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from graph.network.layout import (
    COLUMN_GAP,
    MAX_ROWS,
    RANK_GAP,
    Extent,
    Positions,
    ordered_ranks,
    place,
    tier_ranks,
)

Canvas = tuple[float, float]  # width and height in pixels

CANVAS = (612.0, 404.0)  # the network in the app at 1366×768, in pixels, less a margin
PHONE_CANVAS = (330.0, 680.0)  # the network on a 390×844 phone (760 px tall), less a margin and its buttons
NARROW_BELOW_PX = 560    # a network narrower than this is laid out for a phone's canvas
PHONE_BAR_PX = 72        # a phone's canvas is the window's height less this: the app's bar and a margin
MAX_ZOOM = 1.3           # the page never zooms in further than this when it fits a view
MIN_LABEL_PX = 9         # the page hides labels drawn smaller than this, rather than fading them
HEADING_PX = 13          # column headings keep this size on screen at every zoom
FIT_MARGIN = 12          # pixels the page leaves around a fitted picture


def page_rules() -> dict[str, float]:
    """The zoom limit, label and heading sizes, fit margin, the width below which the page asks
    for a phone's layout and the room a phone's canvas leaves for the bar above it, as the page
    script reads them."""
    return {"max_zoom": MAX_ZOOM, "min_label_px": MIN_LABEL_PX, "heading_px": HEADING_PX,
            "fit_margin": FIT_MARGIN, "narrow_below_px": NARROW_BELOW_PX, "phone_bar_px": PHONE_BAR_PX}


@dataclass(frozen=True)
class Screen:
    """What a view is laid out for: the network's canvas, and the fewest nodes of a kind that make
    a group (a phone groups small kinds too, so that its picture names a few big things)."""

    canvas: Canvas
    group_min: int


WIDE = Screen(CANVAS, 5)
SCREENS = {"wide": WIDE, "narrow": Screen(PHONE_CANVAS, 2)}


@dataclass(frozen=True)
class Placement:
    """A layered layout and how it was made: the candidate's name, nodes per column (row), and
    the zoom at which it fits the canvas."""

    positions: Positions
    name: str
    wrap: int
    scale: float


Candidate = tuple[str, list[list[str]], float]  # direction (LR: ranks as columns, TB: rows), ranks, gap
WRAP_COUNTS = {"LR": (3, 4, 5, 6, 8, 12, MAX_ROWS), "TB": (3, 4, 5, 7)}


def best_placement(candidates: Mapping[str, Candidate], extents: Mapping[str, Extent],
                   canvas: Canvas = CANVAS, fit: set[str] | None = None) -> Placement:
    """The candidate, and number of nodes per column or row, whose nodes (those in ``fit``, if
    given) fit ``canvas`` at the biggest zoom; on a tie the earlier candidate and taller columns win."""
    best: Placement | None = None
    for name, (direction, ranks, gap) in candidates.items():
        for wrap in sorted(WRAP_COUNTS[direction], reverse=True):
            positions = place(ranks, extents, direction, wrap, gap)
            scale = fit_scale({n: positions[n] for n in fit} if fit else positions, extents, canvas)
            if best is None or scale > best.scale + 1e-9:
                best = Placement(positions, name, wrap, scale)
    assert best is not None, "no candidate layout"
    return best


def focus_candidates(graph: nx.MultiDiGraph, focus: str | None) -> dict[str, Candidate]:
    """Tier columns, tier rows, and (with a focus) three columns around the focus."""
    tiers = tier_ranks(graph)
    candidates = {"LR": ("LR", tiers, COLUMN_GAP), "TB": ("TB", tiers, RANK_GAP)}
    if focus is not None and focus in graph:
        candidates["sides"] = ("LR", side_ranks(graph, focus), COLUMN_GAP)
    return candidates


def side_ranks(graph: nx.MultiDiGraph, focus: str) -> list[list[str]]:
    """Three ranks around ``focus``: tiers before its own, its own tier, tiers after."""
    tier = graph.nodes[focus]["tier"]
    return ordered_ranks(graph, lambda node: (graph.nodes[node]["tier"] > tier) - (graph.nodes[node]["tier"] < tier))


def fit_scale(positions: Positions, extents: Mapping[str, Extent], canvas: Canvas = CANVAS) -> float:
    """The zoom at which every node's box fits on ``canvas``."""
    left, top, right, bottom = bounds(positions, extents)
    return min(canvas[0] / max(right - left, 1.0), canvas[1] / max(bottom - top, 1.0))


def bounds(positions: Positions, extents: Mapping[str, Extent]) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of all the nodes' boxes."""
    boxes = [_box(positions[node], extents[node]) for node in positions]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _box(position: tuple[float, float], box: Extent) -> tuple[float, float, float, float]:
    x, y = position
    return (x - box.width / 2, y - box.above, x + box.width / 2, y + box.below)
