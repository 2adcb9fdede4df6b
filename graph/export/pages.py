"""Page presets for pictures, and the pixel cap, computed without drawing anything.

A :class:`Page` fixes the paper (or screen) and the text sizes: ``slide`` is 16:9 and exactly
1920×1080 px at scale 1 (texts at least 28 px, the title 40 px: legible from the back row), ``a4``
is landscape A4 with texts of at least 9 pt, ``handout`` a 16 cm text column (portrait when the
view is tall) with texts of at least 9 pt, for a handout's picture at 300 dpi, and ``poster`` is
A0 (landscape, or portrait when the view is tall) with texts of at least 24 pt, read from a few
metres. PNG is capped at
:data:`MAX_PIXELS`: a larger picture is drawn at a lower scale, and :func:`pixel_note` says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

BASE_DPI = 100
MAX_PIXELS = 40_000_000
POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4
CM_PER_INCH = 2.54
COLUMN_WIDTH = 16 / CM_PER_INCH
GROUP_ABOVE = 30


@dataclass(frozen=True)
class Page:
    """Size in inches and text sizes in points for one preset.

    ``text`` sizes node and edge labels, ``small`` the legend and caption, ``title`` the
    title; ``marker`` is the node symbol's size in points; ``margin`` the white border.
    ``group_above`` is the number of nodes over which big kinds are drawn as groups, as in the
    app (``None``: never); a node whose label finds no room is left out, never drawn unnamed.
    ``portrait`` is the size used instead when the view is taller than wide; ``dpi`` is a PNG's
    pixels per inch at scale 1.
    """

    name: str
    size: tuple[float, float]
    text: float
    small: float
    title: float
    marker: float
    margin: float
    label_width: int
    caption_share: float
    group_above: int | None = None
    portrait: tuple[float, float] | None = None
    dpi: float = BASE_DPI


# A0 is 841 × 1189 mm. A poster never groups: at 24 pt it names 97 of the whole RLS graph's 134
# nodes and 89 of the 93 around RLS, where grouping above 60 nodes drew 12 and 89.
A0 = (841 / MM_PER_INCH, 1189 / MM_PER_INCH)
# Its PNG is 50 dpi at scale 1 (2341 × 1656 px, about the pixels the poster had when it was as
# large as the view needed; 100 dpi would be 15.5 megapixels for every default picture): scale 2
# prints at 100 dpi, and the PDF, vector, at any size.
POSTER_DPI = 50.0
# A slide is 19.2 in at 100 dpi, shown on a 13.33 in slide: 21 pt is 29 px of 1920, 14.6 pt as
# projected; the title's 30 pt is 42 px. A4 prints at its size: 9 pt.
PAGES = {
    "slide": Page("slide", (19.2, 10.8), text=21.0, small=21.0, title=30.0, marker=26.0, margin=0.3,
                  label_width=16, caption_share=0.16, group_above=GROUP_ABOVE),
    "a4": Page("a4", (297 / MM_PER_INCH, 210 / MM_PER_INCH), text=9.0, small=9.0, title=14.0, marker=12.0,
               margin=0.4, label_width=20, caption_share=0.3, group_above=GROUP_ABOVE),
    "handout": Page("handout", (COLUMN_WIDTH, 10 / CM_PER_INCH), text=9.0, small=9.0, title=12.0, marker=10.0,
                    margin=0.1, label_width=18, caption_share=0.12, group_above=GROUP_ABOVE,
                    portrait=(COLUMN_WIDTH, 20 / CM_PER_INCH)),
    "poster": Page("poster", (A0[1], A0[0]), text=24.0, small=24.0, title=40.0, marker=30.0, margin=0.8,
                   label_width=18, caption_share=0.2, portrait=A0, dpi=POSTER_DPI),
}
# A handout's picture fills a 16 cm text column (the printable width of A4 or Letter less its
# margins), 10 cm high, or 20 cm when the view is taller than wide, at 300 dpi: scale 3.
HANDOUT_SCALE = 3.0
# The smallest text each preset draws, and its title's, in pixels of the picture at scale 1
# (a slide) or in points as printed (A4, handout, poster): what tests and bench/legibility_slides.py hold.
MINIMUMS = {"slide": (28.0, 40.0, "px"), "a4": (9.0, 14.0, "pt"), "handout": (9.0, 12.0, "pt"),
            "poster": (24.0, 40.0, "pt")}


def pixels(size: tuple[float, float], scale: float, dpi: float = BASE_DPI) -> tuple[int, int]:
    """Width and height in pixels of a picture ``size`` inches wide and high at ``scale`` × ``dpi``."""
    return round(size[0] * dpi * scale), round(size[1] * dpi * scale)


def capped_scale(size: tuple[float, float], scale: float, dpi: float = BASE_DPI) -> float:
    """``scale``, or the largest scale (in hundredths) that keeps the PNG within MAX_PIXELS."""
    width, height = pixels(size, scale, dpi)
    if width * height <= MAX_PIXELS:
        return scale
    fitting = math.sqrt(MAX_PIXELS / (size[0] * size[1])) / dpi
    return math.floor(fitting * 100) / 100


def pixel_note(size: tuple[float, float], scale: float, dpi: float = BASE_DPI) -> str:
    """A sentence saying the scale was reduced to stay within the cap, or "" if it was not."""
    used = capped_scale(size, scale, dpi)
    if used == scale:
        return ""
    (width, height), (new_width, new_height) = pixels(size, scale, dpi), pixels(size, used, dpi)
    return (f"The picture would be {width} × {height} px ({width * height / 1e6:.0f} megapixels) at scale "
            f"{scale:g}, more than the {MAX_PIXELS // 1_000_000} megapixels image tools accept; "
            f"it is drawn at scale {used:g} instead ({new_width} × {new_height} px).")
