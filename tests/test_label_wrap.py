"""The width constraint that has vis-network break a label where the layout counted its lines."""

from __future__ import annotations

from itertools import pairwise

import pytest

from graph.network.layout import wrap_label, wrap_width
from graph.present.label_wrap import drawn_width, drawn_wrap, vis_measured


def test_text_is_as_wide_as_arial_draws_it() -> None:
    assert drawn_width("Obesity", 1000) == 778 + 556 + 556 + 500 + 222 + 278 + 500
    assert drawn_width("RLS…", 10) == pytest.approx((722 + 556 + 667 + 1000) / 100)


def test_vis_network_counts_each_space_between_words_three_times() -> None:
    assert vis_measured("a b c", 10) == pytest.approx(drawn_width("a b c", 10) + 4 * drawn_width(" ", 10))


@pytest.mark.parametrize(("label", "font", "wrap"), [("Smoking / nicotine", 29, 270.0),
                                                     ("Dopamine-blocking drugs", 29, 150.0),
                                                     ("[Partly supported] Research shows a strong link", 29, 360.0)])
def test_each_counted_line_fits_and_none_takes_the_next_word(label: str, font: int, wrap: float) -> None:
    """The layout's estimate wraps these where Arial, narrower, would fit the next word too."""
    lines = wrap_label(label, font, wrap_width(label, "box", font, wrap))
    most = drawn_wrap(label, "box", font, wrap)
    assert len(lines) > 1 and all(vis_measured(line, font) <= most for line in lines)
    for line, after in pairwise(lines):
        assert vis_measured(f"{line} {after.split()[0]}", font) > most, (line, after)
