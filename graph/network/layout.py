"""Node positions that are the same on every run.

Positions are computed once for the whole graph (claims included) and every view of the whole
graph reuses them, so a node never jumps when filters change; a focus view closes up the gaps
but keeps every node's order (:func:`compact`). ``layered`` puts kinds in columns by tier, left
to right, orders each column to keep related nodes level, and gives each node room for its
wrapped label; ``force`` is a seeded Fruchterman–Reingold layout, settled before it is drawn.
"""

from __future__ import annotations

import math
import random
import threading
from collections import defaultdict

import networkx as nx

from graph.dataset.vocabulary import drawn_label

Positions = dict[str, tuple[float, float]]

COLUMN_GAP = 320.0
SUB_COLUMN_GAP = 200.0
ROW_SPACING = 14.0
MAX_ROWS = 18
CHARS_PER_LINE = 16
LINE_HEIGHT = 21.0
SHAPE_HEIGHT = 30.0
CHAR_WIDTH = 9.4
LABEL_MARGIN = 6.0
SWEEPS = 4
MIN_GAP = 110.0
COMPACT_COLUMN_GAP = 190.0
MAX_SHRINK_NODES = 400
FORCE_SEED = 7
FORCE_SCALE = 60.0
_RNG_LOCK = threading.Lock()


def compute_layout(graph: nx.MultiDiGraph, name: str) -> Positions:
    """Positions for every node of ``graph`` by the named layout (``layered`` or ``force``)."""
    return layered_layout(graph) if name == "layered" else force_layout(graph)


def layered_layout(graph: nx.MultiDiGraph) -> Positions:
    """Columns by tier; within a column, nodes ordered by their neighbours' mean row."""
    columns = _columns_by_tier(graph)
    rows = {node: float(i) for column in columns.values() for i, node in enumerate(column)}
    for _ in range(SWEEPS):
        for tier in sorted(columns):
            columns[tier].sort(key=lambda node: (_mean_neighbour_row(graph, node, rows), node))
            rows.update({node: float(i) for i, node in enumerate(columns[tier])})
    return _place_columns(columns, node_heights(graph))


def node_heights(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Room each node needs in its column: its shape plus its label wrapped to ~16 characters."""
    return {node: SHAPE_HEIGHT + LINE_HEIGHT * math.ceil(max(1, len(drawn_label(data))) / CHARS_PER_LINE)
            for node, data in graph.nodes(data=True)}


def node_box(data: dict) -> tuple[float, float]:
    """Width and height a node takes on the canvas with its wrapped label (an estimate)."""
    return label_box(drawn_label(data))


def label_box(label: str) -> tuple[float, float]:
    """Width and height of a node whose label, wrapped to ~16 characters a line, is ``label``."""
    lines = math.ceil(max(1, len(label)) / CHARS_PER_LINE)
    width = min(len(label), CHARS_PER_LINE) * CHAR_WIDTH + 2 * LABEL_MARGIN
    return max(width, SHAPE_HEIGHT), SHAPE_HEIGHT + LINE_HEIGHT * lines


def _stack(nodes: list[str], heights: dict[str, float]) -> list[float]:
    """Vertical centres for nodes stacked top to bottom, the stack centred on zero."""
    total = sum(heights[node] for node in nodes) + ROW_SPACING * (len(nodes) - 1)
    centres, top = [], -total / 2
    for node in nodes:
        centres.append(top + heights[node] / 2)
        top += heights[node] + ROW_SPACING
    return centres


def _columns_by_tier(graph: nx.MultiDiGraph) -> dict[int, list[str]]:
    columns: dict[int, list[str]] = defaultdict(list)
    for node, tier in sorted(graph.nodes(data="tier"), key=lambda item: (item[1], item[0])):
        columns[tier].append(node)
    return columns


def _mean_neighbour_row(graph: nx.MultiDiGraph, node: str, rows: dict[str, float]) -> float:
    neighbours = set(graph.predecessors(node)) | set(graph.successors(node))
    if not neighbours:
        return rows[node]
    return sum(rows[n] for n in neighbours) / len(neighbours)


def _place_columns(columns: dict[int, list[str]], heights: dict[str, float]) -> Positions:
    """Place each tier's nodes, wrapping tall tiers into side-by-side sub-columns."""
    positions: Positions = {}
    x = 0.0
    for tier in sorted(columns):
        nodes = columns[tier]
        width = math.ceil(len(nodes) / MAX_ROWS)
        height = math.ceil(len(nodes) / width)
        for sub in range(width):
            part = nodes[sub * height:(sub + 1) * height]
            ys = _stack(part, heights)
            positions.update({n: (x + sub * SUB_COLUMN_GAP, y) for n, y in zip(part, ys, strict=True)})
        x += (width - 1) * SUB_COLUMN_GAP + COLUMN_GAP
    return positions


def compact(positions: Positions, layout: str, heights: dict[str, float]) -> Positions:
    """Close the gaps that a part of the graph leaves, so a neighbourhood fills the screen.

    Layered: columns and rows are renumbered in their old order, so every node keeps its place
    relative to the others. Force: the picture is shrunk evenly until the closest two nodes are
    ``MIN_GAP`` apart.
    """
    if len(positions) < 2:
        return dict(positions)
    return _compact_grid(positions, heights) if layout == "layered" else _shrink(positions)


def _compact_grid(positions: Positions, heights: dict[str, float]) -> Positions:
    columns: dict[float, list[str]] = defaultdict(list)
    for node, (x, _) in sorted(positions.items(), key=lambda item: (item[1][1], item[0])):
        columns[x].append(node)
    compacted: Positions = {}
    for index, x in enumerate(sorted(columns)):
        ys = _stack(columns[x], heights)
        compacted.update({node: (index * COMPACT_COLUMN_GAP, y) for node, y in zip(columns[x], ys, strict=True)})
    return compacted


def _shrink(positions: Positions) -> Positions:
    points = list(positions.values())
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:]) or MIN_GAP
    factor = min(1.0, MIN_GAP / closest) if len(points) <= MAX_SHRINK_NODES else 1.0
    return {node: (x * factor, y * factor) for node, (x, y) in positions.items()}


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
