"""Exports opened in offline headless Chromium: the slide picture's geometry as a browser draws it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, GraphDataError, View, ViewSpec
from graph.export import export_bytes

DATA = Path(__file__).parent / "data"
RLS = Path(__file__).parent.parent / "data" / "rls"
SLIDE = {"width": 1920, "height": 1080}
TOUCH = 0.5  # pixels two boxes may share at their edges (antialiasing), not an overlap

TEXT_BOXES = """() => Array.from(document.querySelectorAll('svg text')).map((text) => {
  const box = text.getBoundingClientRect();
  return {label: text.parentNode.id, text: text.textContent, left: box.left, top: box.top,
          right: box.right, bottom: box.bottom, height: box.height};
})"""


def slide_views() -> list[tuple[str, View]]:
    tiny = Explorer.from_path(DATA / "tiny.yaml")
    views = [("tiny-path", tiny.view(ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))),
             ("tiny-focus", tiny.view(ViewSpec(focus="disease", claims=True)))]
    try:
        rls = Explorer.from_path(RLS)
    except GraphDataError:
        return views
    return [*views, ("rls-focus", rls.view(ViewSpec(focus="iron_deficiency"))),
            ("rls-path", rls.view(ViewSpec(path_from="iron_deficiency", path_to="augmentation")))]


def overlapping(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of texts from different labels whose boxes overlap by more than TOUCH pixels."""
    pairs = []
    for index, a in enumerate(boxes):
        for b in boxes[index + 1:]:
            if a["label"] != b["label"] and _overlap(a, b):
                pairs.append((a["text"], b["text"]))
    return pairs


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > TOUCH
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > TOUCH)


@pytest.mark.browser
@pytest.mark.parametrize(("name", "view"), slide_views(), ids=[name for name, _ in slide_views()])
def test_slide_texts_are_14_px_or_more_and_never_overlap(page: Any, name: str, view: View, tmp_path: Path) -> None:
    """The slide SVG drawn by Chromium at 1920×1080: every <text> at least 14 px tall, none overlapping."""
    path = tmp_path / f"{name}.svg"
    path.write_bytes(export_bytes(view, "svg", page="slide"))
    page.set_viewport_size(SLIDE)
    page.goto(path.as_uri())
    size = page.evaluate("() => { const b = document.querySelector('svg').getBoundingClientRect();"
                         " return [b.width, b.height]; }")
    boxes = page.evaluate(TEXT_BOXES)
    assert size == [1920, 1080] and len(boxes) > 10
    assert min(box["height"] for box in boxes) >= 14, min(boxes, key=lambda box: box["height"])
    assert all(box["left"] >= 0 and box["right"] <= 1920 and box["bottom"] <= 1080 for box in boxes)
    assert overlapping(boxes) == []
