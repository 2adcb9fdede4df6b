"""Node positions that are the same on every run, spaced by the size of each node's label.

Positions are computed once for the whole graph (claims included) and every whole-graph view
reuses them, so a node never jumps when filters change. ``layered`` puts kinds in ranks by tier,
orders each rank to keep related nodes level, and gives every node the room its wrapped label
needs (:class:`Extent`); :func:`place` sets ranks out as columns or rows. ``force`` is a seeded
Fruchterman–Reingold layout; :func:`remove_overlaps` pushes apart nodes whose boxes overlap.
Fitting a small view to the screen is presentation's job (:mod:`graph.present.placement`).
"""

from __future__ import annotations

import math
import random
import threading
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import networkx as nx

from graph.dataset.vocabulary import drawn_label

Positions = dict[str, tuple[float, float]]

FONT_SIZE = 17.0
CHAR_EM = 0.53          # DejaVu Sans averages 0.52 em a character over the RLS labels
WIDE_WORD = 1.25        # a single word may be this much wider than average ("movement")
WRAP_WIDTH = 150.0      # labels wrap at this width (vis-network's widthConstraint.maximum)
ELLIPSE_WRAP = 0.73     # an ellipse is half as wide again as its label: wrap it narrower
SHAPE_SIZE = 16.0       # radius of shapes drawn with their label below (vis-network's nodes.size)
BOX_MARGIN = 5.0
BORDER = 4.0
COLUMN_GAP = 64.0       # between tiers' columns: room for links and their arrows
SUB_COLUMN_GAP = 36.0   # between the columns a tall tier wraps into
ROW_GAP = 14.0
RANK_GAP = 64.0         # between tiers' rows, top to bottom
NODE_GAP = 28.0
MAX_ROWS = 18
MAX_PER_ROW = 5
SWEEPS = 4
LABEL_INSIDE = frozenset({"box", "ellipse", "circle", "database", "text"})
MAX_SPREAD_NODES = 400
MAX_ROUNDS = 200
FORCE_SEED = 7
FORCE_SCALE = 60.0
_RNG_LOCK = threading.Lock()


@dataclass(frozen=True)
class Extent:
    """The box a node takes around its position: its width, and its height above and below."""

    width: float
    above: float
    below: float

    @property
    def height(self) -> float:
        return self.above + self.below


def compute_layout(graph: nx.MultiDiGraph, name: str) -> Positions:
    """Positions for every node of ``graph`` by the named layout (``layered`` or ``force``)."""
    return layered_layout(graph) if name == "layered" else force_layout(graph)


# Label sizes -----------------------------------------------------------------------------------

def wrap_label(text: str, font_size: float = FONT_SIZE, width: float = WRAP_WIDTH) -> list[str]:
    """The label's lines as vis-network wraps them: whole words, each line at most ``width``."""
    lines: list[str] = []
    for word in text.split() or [""]:
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, font_size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def text_width(text: str, font_size: float = FONT_SIZE) -> float:
    return len(text) * CHAR_EM * font_size


def wrap_width(label: str, shape: str, font_size: float = FONT_SIZE, wrap: float = WRAP_WIDTH) -> float:
    """The width a node's label wraps at when labels wrap at ``wrap``: narrower for an ellipse,
    never narrower than its longest word (vis-network would cut the word)."""
    longest = max((text_width(word, font_size) for word in label.split()), default=0.0)
    return max(round(wrap * ELLIPSE_WRAP) if shape == "ellipse" else wrap, math.ceil(longest * WIDE_WORD))


def extent(label: str, shape: str = "dot", font_size: float = FONT_SIZE, wrap: float = WRAP_WIDTH) -> Extent:
    """The box of a node drawn as vis-network draws ``shape`` with ``label`` wrapped at ``wrap``
    (an estimate from the average width of a character)."""
    lines = wrap_label(label, font_size, wrap_width(label, shape, font_size, wrap))
    width = max(text_width(line, font_size) for line in lines)
    height = len(lines) * font_size
    if shape == "ellipse":
        return Extent(1.5 * (width + 2 * BOX_MARGIN) + BORDER, height + BORDER, height + BORDER)
    if shape == "circle":
        radius = max(width, height) / 2 + BOX_MARGIN + BORDER
        return Extent(2 * radius, radius, radius)
    if shape in LABEL_INSIDE:
        half = height / 2 + BOX_MARGIN + BORDER
        return Extent(width + 2 * (BOX_MARGIN + BORDER), half, half)
    return Extent(max(2 * SHAPE_SIZE, width) + BORDER, SHAPE_SIZE + BORDER, SHAPE_SIZE + height + BORDER)


def default_extents(graph: nx.MultiDiGraph) -> dict[str, Extent]:
    """Extents when the shapes are not known: every label drawn below its shape (the roomiest)."""
    return {node: extent(drawn_label(data)) for node, data in graph.nodes(data=True)}


# Layered ---------------------------------------------------------------------------------------

def layered_layout(graph: nx.MultiDiGraph, extents: Mapping[str, Extent] | None = None) -> Positions:
    """Tiers as columns, left to right, each ordered to keep linked nodes level and as wide as its
    widest node; a tier taller than ``MAX_ROWS`` wraps into side-by-side columns."""
    return place(tier_ranks(graph), extents or default_extents(graph), "LR")


def tier_ranks(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Nodes by tier, each tier ordered to keep linked nodes level."""
    return ordered_ranks(graph, lambda node: graph.nodes[node]["tier"])


def place(ranks: list[list[str]], extents: Mapping[str, Extent], direction: str = "LR",
          wrap: int | None = None, gap: float | None = None) -> Positions:
    """Ranks as rows (``TB``) or columns (anything else), as big as their nodes' boxes, ``gap``
    apart."""
    if direction == "TB":
        return _place_rows(ranks, extents, wrap or MAX_PER_ROW, RANK_GAP if gap is None else gap)
    return _place_columns(ranks, extents, wrap or MAX_ROWS, COLUMN_GAP if gap is None else gap)


def ordered_ranks(graph: nx.MultiDiGraph, rank_of: Callable[[str], int],
                  first: frozenset[str] = frozenset()) -> list[list[str]]:
    """Nodes by rank; within a rank the ``first`` nodes lead, then by tier, then by a few sweeps
    of their neighbours' mean place."""
    ranks: dict[int, list[str]] = defaultdict(list)
    for node in sorted(graph, key=lambda n: (graph.nodes[n]["tier"], n)):
        ranks[rank_of(node)].append(node)
    places = {node: float(i) for rank in ranks.values() for i, node in enumerate(rank)}
    for _ in range(SWEEPS):
        for rank in sorted(ranks):
            ranks[rank].sort(key=lambda n: (n not in first, graph.nodes[n]["tier"],
                                            _mean_neighbour_place(graph, n, places), n))
            places.update({node: float(i) for i, node in enumerate(ranks[rank])})
    return [ranks[rank] for rank in sorted(ranks)]


def _mean_neighbour_place(graph: nx.MultiDiGraph, node: str, places: dict[str, float]) -> float:
    neighbours = set(graph.predecessors(node)) | set(graph.successors(node))
    if not neighbours:
        return places[node]
    return sum(places[n] for n in neighbours) / len(neighbours)


def _chunks(nodes: list[str], most: int) -> list[list[str]]:
    """``nodes`` in reading order, cut into as few equal parts of at most ``most`` as possible."""
    parts = math.ceil(len(nodes) / most)
    size = math.ceil(len(nodes) / parts)
    return [nodes[i:i + size] for i in range(0, len(nodes), size)]


def _place_columns(ranks: list[list[str]], extents: Mapping[str, Extent], wrap: int, gap: float) -> Positions:
    """Each tier a column (tall tiers wrap into side-by-side columns), as wide as its widest node."""
    positions: Positions = {}
    left = 0.0
    for rank in ranks:
        for index, column in enumerate(_chunks(rank, wrap)):
            left += SUB_COLUMN_GAP if index else 0.0
            width = max(extents[node].width for node in column)
            ys = _stack([(extents[n].above, extents[n].below) for n in column], ROW_GAP)
            positions.update({node: (left + width / 2, y) for node, y in zip(column, ys, strict=True)})
            left += width
        left += gap
    return positions


def _place_rows(ranks: list[list[str]], extents: Mapping[str, Extent], wrap: int, gap: float) -> Positions:
    """Each tier a row (wide tiers wrap into rows below), as tall as its tallest node."""
    positions: Positions = {}
    top = 0.0
    for rank in ranks:
        for index, row in enumerate(_chunks(rank, wrap)):
            top += ROW_GAP if index else 0.0
            above = max(extents[node].above for node in row)
            below = max(extents[node].below for node in row)
            xs = _stack([(extents[n].width / 2, extents[n].width / 2) for n in row], NODE_GAP)
            positions.update({node: (x, top + above) for node, x in zip(row, xs, strict=True)})
            top += above + below
        top += gap
    return positions


def _stack(sizes: list[tuple[float, float]], gap: float) -> list[float]:
    """Centres of boxes (room before and after each centre) laid end to end, centred on zero."""
    total = sum(before + after for before, after in sizes) + gap * (len(sizes) - 1)
    centres, start = [], -total / 2
    for before, after in sizes:
        centres.append(start + before)
        start += before + after + gap
    return centres


# Overlap removal ---------------------------------------------------------------------------------

def remove_overlaps(positions: Positions, extents: Mapping[str, Extent], gap: float = ROW_GAP,
                    rounds: int = MAX_ROUNDS) -> Positions:
    """Push overlapping nodes apart, pair by pair along the shorter way out, until no two boxes
    are closer than ``gap`` (or ``rounds`` passes are done); the rest of the picture stays put."""
    nodes = sorted(positions)
    if len(nodes) > MAX_SPREAD_NODES:
        return dict(positions)
    moved = [list(positions[node]) for node in nodes]
    boxes = [(extents[node].width, extents[node].above, extents[node].below) for node in nodes]
    pairs = [(moved[i], boxes[i], moved[j], boxes[j]) for i in range(len(nodes)) for j in range(i + 1, len(nodes))]
    for _ in range(rounds):
        if not _push_pairs_apart(pairs, gap):
            break
    return {node: (x, y) for node, (x, y) in zip(nodes, moved, strict=True)}


Box = tuple[float, float, float]  # an Extent's width, above and below, read once for the inner loop


def _push_pairs_apart(pairs: list[tuple[list[float], Box, list[float], Box]], gap: float) -> bool:
    """One pass: move each overlapping pair of boxes apart by half the overlap each, along the shorter
    way out; False if no pair overlapped. The hot loop of a force view (4,000 pairs, up to 200 passes,
    twenty font and wrap candidates), so it reads tuples, not attributes."""
    pushed = False
    for p, (width_a, above_a, below_a), q, (width_b, above_b, below_b) in pairs:
        dx, dy = q[0] - p[0], q[1] - p[1]
        across = (width_a + width_b) / 2 + gap - abs(dx)
        down = (below_a + above_b if dy >= 0 else above_a + below_b) + gap - abs(dy)
        if across <= 0 or down <= 0:
            continue
        axis, need, sign = (0, across, dx) if across < down else (1, down, dy)
        step = need / 2 * (1 if sign >= 0 else -1)
        p[axis] -= step
        q[axis] += step
        pushed = True
    return pushed


def force_layout(graph: nx.MultiDiGraph) -> Positions:
    """A seeded Fruchterman–Reingold layout (igraph), scaled to screen units; same on every run."""
    nodes = sorted(graph.nodes)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = sorted({tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v})
    import igraph  # compiled and slow to import: loaded only when a force layout is asked for

    with _RNG_LOCK:  # igraph draws from one process-wide generator: seed it, then put it back
        igraph.set_random_number_generator(random.Random(FORCE_SEED))
        try:
            coords = igraph.Graph(n=len(nodes), edges=edges).layout_fruchterman_reingold(grid="auto").coords
        finally:
            igraph.set_random_number_generator(random)
    return _scaled(dict(zip(nodes, coords, strict=True)), FORCE_SCALE * math.sqrt(len(nodes)))


def _scaled(raw: dict[str, list[float]], radius: float) -> Positions:
    """Centre the layout and scale it so its farthest node is ``radius`` from the middle."""
    mid_x = sum(x for x, _ in raw.values()) / len(raw)
    mid_y = sum(y for _, y in raw.values()) / len(raw)
    farthest = max(math.hypot(x - mid_x, y - mid_y) for x, y in raw.values()) or 1.0
    factor = radius / farthest
    return {node: ((x - mid_x) * factor, (y - mid_y) * factor) for node, (x, y) in raw.items()}
