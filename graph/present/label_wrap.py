"""Where the browser breaks a node's label: the width constraint that makes it break where the layout counted.

The layout (:mod:`graph.network.layout`) sizes each label's box from an average character width,
wrapped at whole words. vis-network wraps the label again in the browser, at the node's
``widthConstraint.maximum``, measuring each line as it draws it, in Arial's widths (pyvis strips
the space from the face "DejaVu Sans", which the browser then does not find; Liberation Sans is
Arial's metric twin where Arial is missing), but with every space between words counted three times.
Given the whole wrap width, vis-network fitted more words on a line than the layout had counted
and drew labels wider than their boxes, into the next. :func:`drawn_wrap` gives it the widest of
the layout's own lines as it measures them, so it breaks the label there.
"""

from __future__ import annotations

import math

from graph.network.layout import wrap_label, wrap_width

# Advance widths of " " to "~" in thousandths of an em: Arial's, as Liberation Sans has them.
ARIAL_ASCII = (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
               556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
               722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
               278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
               556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584)
ARIAL_WIDE = {"→": 1000, "…": 1000, "—": 1000}
ARIAL_OTHER = 600        # most other characters (é, ü, –, ×, ≈) are a little narrower than this
VIS_SPACES = 3           # vis-network measures a line with each space between its words three times over
ROUNDING_PX = 1.0        # room for rounding: the browser's kerning only narrows a line


def drawn_width(text: str, font_size: float) -> float:
    """The width of ``text`` drawn in Arial at ``font_size`` pixels, kerning aside (it only narrows)."""
    return font_size * sum(_arial_em(char) for char in text) / 1000


def _arial_em(char: str) -> int:
    code = ord(char) - 32
    return ARIAL_ASCII[code] if 0 <= code < len(ARIAL_ASCII) else ARIAL_WIDE.get(char, ARIAL_OTHER)


def drawn_wrap(label: str, shape: str, font_size: float, wrap: float) -> float:
    """The ``widthConstraint.maximum`` at which vis-network breaks ``label`` (of a ``shape`` node,
    ``font_size`` pixels, laid out to wrap at ``wrap``) where the layout counted its lines: the
    widest of them as vis-network measures it. Every word is on one of those lines, so none is cut;
    a line that takes the next word as well is measured no wider than the widest."""
    lines = wrap_label(label, font_size, wrap_width(label, shape, font_size, wrap))
    return math.ceil(max(vis_measured(line, font_size) for line in lines) + ROUNDING_PX)


def vis_measured(line: str, font_size: float) -> float:
    """How wide vis-network takes a line to be when it wraps a label (see the module's docstring)."""
    return drawn_width(line, font_size) + (VIS_SPACES - 1) * line.count(" ") * drawn_width(" ", font_size)
