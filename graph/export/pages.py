"""Page presets for pictures, and the pixel cap, computed without drawing anything.

A :class:`Page` fixes the paper (or screen) and the text sizes: ``slide`` is 16:9 and exactly
1920×1080 px at scale 1 (texts at least 14 px), ``a4`` is landscape A4 with texts of at least
8 pt, and ``poster`` is as large as the view needs at a fixed 110 layout units per inch (the
picture before pages existed). PNG is capped at :data:`MAX_PIXELS`: a larger picture is drawn at
a lower scale, and :func:`pixel_note` says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

BASE_DPI = 100
MAX_PIXELS = 40_000_000
POINTS_PER_INCH = 72.0
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Page:
    """Size in inches (``None``: as the view needs) and text sizes in points for one preset.

    ``text`` sizes node and edge labels, ``small`` the legend and caption, ``title`` the
    title; ``marker`` is the node symbol's size in points; ``margin`` the white border.
    """

    name: str
    size: tuple[float, float] | None
    text: float
    small: float
    title: float
    marker: float
    margin: float
    label_width: int
    caption_share: float


PAGES = {
    "slide": Page("slide", (19.2, 10.8), text=11.5, small=11.0, title=22.0, marker=18.0, margin=0.25,
                  label_width=18, caption_share=0.22),
    "a4": Page("a4", (297 / MM_PER_INCH, 210 / MM_PER_INCH), text=8.5, small=8.0, title=14.0, marker=12.0, margin=0.4,
               label_width=20, caption_share=0.3),
    "poster": Page("poster", None, text=7.0, small=7.0, title=14.0, marker=11.0, margin=0.2,
                   label_width=22, caption_share=1.0),
}


def pixels(size: tuple[float, float], scale: float) -> tuple[int, int]:
    """Width and height in pixels of a picture ``size`` inches wide and high at ``scale``."""
    dpi = BASE_DPI * scale
    return round(size[0] * dpi), round(size[1] * dpi)


def capped_scale(size: tuple[float, float], scale: float) -> float:
    """``scale``, or the largest scale (in hundredths) that keeps the PNG within MAX_PIXELS."""
    width, height = pixels(size, scale)
    if width * height <= MAX_PIXELS:
        return scale
    fitting = math.sqrt(MAX_PIXELS / (size[0] * size[1])) / BASE_DPI
    return math.floor(fitting * 100) / 100


def pixel_note(size: tuple[float, float], scale: float) -> str:
    """A sentence saying the scale was reduced to stay within the cap, or "" if it was not."""
    used = capped_scale(size, scale)
    if used == scale:
        return ""
    (width, height), (new_width, new_height) = pixels(size, scale), pixels(size, used)
    return (f"The picture would be {width} × {height} px ({width * height / 1e6:.0f} megapixels) at scale "
            f"{scale:g}, more than the {MAX_PIXELS // 1_000_000} megapixels image tools accept; "
            f"it is drawn at scale {used:g} instead ({new_width} × {new_height} px).")
