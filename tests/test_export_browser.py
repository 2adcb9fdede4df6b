"""Exports opened in offline headless Chromium: the slide picture's geometry as a browser draws it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, GraphDataError, View, ViewSpec
from graph.export import export_bytes
from graph.export.pages import MINIMUMS
from tests.helpers import record_dialogs

DATA = Path(__file__).parent / "data"
RLS = Path(__file__).parent.parent / "data" / "rls"
PHOTOSYNTHESIS = Path(__file__).parent.parent / "data" / "photosynthesis.yaml"
SLIDE = {"width": 1920, "height": 1080}
TOUCH = 0.5  # pixels two boxes may share at their edges (antialiasing), not an overlap

TEXT_BOXES = """() => Array.from(document.querySelectorAll('svg text')).map((text) => {
  const box = text.getBoundingClientRect();
  return {label: text.parentNode.id, text: text.textContent, left: box.left, top: box.top,
          right: box.right, bottom: box.bottom, height: box.height};
})"""


def slide_views() -> list[tuple[str, View]]:
    tiny = Explorer.from_path(DATA / "tiny.yaml")
    photosynthesis = Explorer.from_path(PHOTOSYNTHESIS)
    views = [("tiny-path", tiny.view(ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))),
             ("tiny-focus", tiny.view(ViewSpec(focus="disease", claims=True))),
             ("photosynthesis", photosynthesis.view(ViewSpec()))]
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
def test_slide_texts_are_28_px_or_more_and_never_overlap(page: Any, name: str, view: View, tmp_path: Path) -> None:
    """The slide SVG drawn by Chromium at 1920×1080: every <text> at least 28 px tall, none overlapping."""
    path = tmp_path / f"{name}.svg"
    path.write_bytes(export_bytes(view, "svg", page="slide"))
    page.set_viewport_size(SLIDE)
    page.goto(path.as_uri())
    size = page.evaluate("() => { const b = document.querySelector('svg').getBoundingClientRect();"
                         " return [b.width, b.height]; }")
    boxes = page.evaluate(TEXT_BOXES)
    assert size == [1920, 1080] and len(boxes) > 10
    assert min(box["height"] for box in boxes) >= MINIMUMS["slide"][0], min(boxes, key=lambda box: box["height"])
    assert all(box["left"] >= 0 and box["right"] <= 1920 and box["bottom"] <= 1080 for box in boxes)
    assert overlapping(boxes) == []


NODE_ON_SCREEN = """(id) => {
  const network = window.lesson.kg.network;
  const spot = network.canvasToDOM(network.getPosition(id));
  const box = network.canvas.frame.canvas.getBoundingClientRect();
  return [spot.x + box.left, spot.y + box.top];
}"""


def lesson_page(page: Any, tmp_path: Path, name: str, spec: ViewSpec) -> Any:
    """The lesson page of ``spec`` on ``name``, opened from a file in offline Chromium and drawn."""
    path = tmp_path / "lesson.html"
    path.write_bytes(export_bytes(Explorer.from_path(DATA / name).view(spec), "html"))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-drawn=yes]", timeout=20_000)
    return page


@pytest.mark.browser
def test_lesson_page_search_selects_and_shows_details(page: Any, tmp_path: Path) -> None:
    lesson_page(page, tmp_path, "tiny.yaml", ViewSpec(claims=True))
    page.fill("#lesson-search", "iron defic")  # an alias of "Low iron"
    assert page.inner_text("#lesson-results").startswith("Low iron")
    page.keyboard.press("Enter")
    assert page.inner_text("#lesson-details h2") == "Low iron"
    assert page.evaluate("window.lesson.kg.network.getSelectedNodes()") == ["low_iron"]
    assert "leads to Brain iron deficiency (Cohort study" in page.inner_text("#lesson-details")


@pytest.mark.browser
def test_lesson_page_shows_facts_and_thresholds_as_the_app_does(page: Any, tmp_path: Path) -> None:
    lesson_page(page, tmp_path, "tiny.yaml", ViewSpec())
    page.fill("#lesson-search", "iron pill")
    page.keyboard.press("Enter")
    details = page.inner_text("#lesson-details")
    assert "dose mg: 65" in details
    assert "Thresholds\n≤ 75 ng/mL (adults): give iron · ref1\n75–100 ng/mL (adults): IV iron only" in details


@pytest.mark.browser
def test_lesson_page_click_opens_details_that_stay(page: Any, tmp_path: Path) -> None:
    lesson_page(page, tmp_path, "learning.yaml", ViewSpec(claims=True))
    assert page.is_visible("text=Test data: not medical advice.")
    page.mouse.click(*page.evaluate(NODE_ON_SCREEN, "disease"))
    page.mouse.move(2, 2)
    page.wait_for_timeout(400)
    details = page.inner_text("#lesson-details")
    assert details.startswith("Close\nThe condition") and "Connections" in details
    doi = page.eval_on_selector_all(".lesson-references a", "links => links.map(a => a.href)")
    assert all(href.startswith("https://") for href in doi)


@pytest.mark.browser
def test_lesson_page_works_by_touch(browser: Any, tmp_path: Path, blocked_requests: list[str]) -> None:
    """A tap (no mouse, no hover) on a node opens its details, on a phone-sized touch screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (blocked_requests.append(route.request.url), route.abort()))
    try:
        lesson_page(page, tmp_path, "tiny.yaml", ViewSpec(path_from="pill", path_to="brain_iron"))
        page.touchscreen.tap(*page.evaluate(NODE_ON_SCREEN, "pill"))
        page.wait_for_timeout(400)
        assert page.inner_text("#lesson-details h2") == "Iron pill"
        top = page.evaluate("document.getElementById('lesson-details').getBoundingClientRect().top")
        assert 0 <= top < 844 / 2  # the pane, below the graph on a phone (top at 836 px), is scrolled up
        assert "doi:10.1000/test.1" in page.inner_text("#lesson-details")
    finally:
        context.close()
    assert blocked_requests == []


@pytest.mark.browser
def test_lesson_page_shows_payloads_as_text(page: Any, tmp_path: Path) -> None:
    dialogs = record_dialogs(page)
    lesson_page(page, tmp_path, "xss.yaml", ViewSpec(claims=True))
    page.fill("#lesson-search", "<img")
    page.keyboard.press("Enter")
    assert page.inner_text("#lesson-details h2") == "<img src=x onerror=alert(1)>"
    assert "note: <script>alert(1)</script>" in page.inner_text("#lesson-details")
    page.fill("#lesson-search", "apostrophes")
    page.keyboard.press("Enter")
    assert '< 1 <unit> ("all"): meaning & <b>' in page.inner_text("#lesson-details")
    assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0 and dialogs == []
    assert page.evaluate("document.querySelectorAll('#lesson-details :is(b, script)').length") == 0
