"""Build mode in headless Chromium: a student rebuilds the pramipexole focus at the skeleton level,
one missing link dragged from node to node (the mouse at 1366×768, a finger on a 390×844 touch
phone) and one chosen from the keyboard's lists, checks the map and reads the score. At 1366×768
the student then saves the map and loads another map file through the Load control, whose links
appear and score as the library says. On both screens the canvas's labels are drawn at least
:data:`MIN_LABEL_PX` on screen (a phone's canvas, fitted to its width, drew them at 4 to 8 px
before it had rows of its own)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ViewSpec
from graph.teaching.concept_map import MapLink, Proposition, StudentMap, map_from_bytes, map_to_json
from graph.teaching.map_scoring import score_links
from graph.teaching.map_task import MapTask, make_task
from ui.build import score_line

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "out" / "screenshots"
FOCUS = "pramipexole"
TIMEOUT_MS = 30_000
MIN_LABEL_PX = 11
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
POINT = """(holder, id) => {
  const box = holder.querySelector('.kg-build-canvas').getBoundingClientRect();
  const spot = holder.kgPosition(id);
  return [box.left + spot.x, box.top + spot.y];
}"""


@cache
def task() -> MapTask:
    return make_task(Explorer.from_path(ROOT / "data" / "rls").view(ViewSpec(focus=FOCUS)), "skeleton")


@cache
def labels() -> dict[str, str]:
    graph = Explorer.from_path(ROOT / "data" / "rls").graph
    return {node: graph.nodes[node]["label"] for node in graph}


def open_build(page: Any, app_url: str) -> Any:
    """Open the focus, then the build panel; the canvas once drawn."""
    page.goto(f"{app_url}/?focus={FOCUS}")
    page.locator(".kg-network[data-drawn=yes]").wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("Rebuild this map").click()
    canvas = page.locator(".kg-build[data-drawn=yes]")
    canvas.wait_for(timeout=TIMEOUT_MS)
    # A run still under way (a phone's network asks for its own layout) can move the canvas after
    # a drag's ends are measured: drag once the page is idle and its frames are drawn.
    page.locator("[data-test-script-state=notRunning]").wait_for(timeout=TIMEOUT_MS)
    canvas.scroll_into_view_if_needed()
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return canvas


def label_px(canvas: Any) -> float:
    """The smallest node label on the canvas, in CSS pixels on screen: its font times the zoom."""
    return canvas.evaluate("""(holder) => Math.min(...Object.values(holder.kgNet.body.nodes)
      .map((node) => node.options.font.size * holder.kgNet.getScale()))""")


def connecting(canvas: Any) -> None:
    """Wait until the canvas is in vis-network's edge-adding mode (re-entered after every run)."""
    canvas.evaluate("""(holder) => new Promise((done) => {
      const poll = () => (holder.kgNet.manipulation.inMode === "addEdge" ? done() : setTimeout(poll, 20));
      poll();
    })""")


def drawn_links(page: Any, count: int) -> None:
    page.locator(f".kg-build[data-links='{len(task().given) + count}']").wait_for(timeout=TIMEOUT_MS)


def drag_by_mouse(page: Any, canvas: Any, link: Proposition) -> None:
    (x1, y1), (x2, y2) = (canvas.evaluate(POINT, end) for end in (link[0], link[2]))
    page.mouse.move(x1, y1)
    page.mouse.down()
    page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, steps=5)
    page.mouse.move(x2, y2, steps=5)
    page.mouse.up()


def drag_by_finger(page: Any, canvas: Any, link: Proposition) -> None:
    """A one-finger drag, sent as the touch events a phone's screen sends."""
    (x1, y1), (x2, y2) = (canvas.evaluate(POINT, end) for end in (link[0], link[2]))
    touch = page.context.new_cdp_session(page)
    touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x1, "y": y1}]})
    for step in range(1, 11):
        x, y = x1 + (x2 - x1) * step / 10, y1 + (y2 - y1) * step / 10
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        page.wait_for_timeout(16)
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def choose(page: Any, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox named ``label`` by typing it, as the keyboard does."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()


def checked(page: Any, links: tuple[MapLink, ...]) -> None:
    """Press "Check my map" and wait for the score the library gives ``links``."""
    page.get_by_role("button", name="Check my map").click()
    expected = score_line(score_links(Explorer.from_path(ROOT / "data" / "rls"), task(), links))
    page.get_by_text(expected).wait_for(timeout=TIMEOUT_MS)


def saved(page: Any) -> StudentMap:
    """The map "Save my map" downloads."""
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my map (JSON)").click()
    path = download.value.path()
    return map_from_bytes(Path(path).read_bytes(), "saved.json")


def load(page: Any, path: Path, links: tuple[MapLink, ...]) -> None:
    """Load the map file at ``path`` through the panel's Load control and wait for its links."""
    uploader = page.locator("[data-testid=stFileUploader]").filter(has_text="Load a saved map")
    uploader.locator("input[type=file]").set_input_files(path)
    page.get_by_text(f"Loaded {path.name}: {len(links)} links.").wait_for(timeout=TIMEOUT_MS)
    drawn_links(page, len(links))


def build_and_check(page: Any, app_url: str, drag: Any, shot: str) -> tuple[MapLink, ...]:
    explorer = Explorer.from_path(ROOT / "data" / "rls")
    first, second = task().to_find[:2]
    canvas = open_build(page, app_url)
    assert label_px(canvas) >= MIN_LABEL_PX
    canvas.locator("select").select_option(first[1])
    connecting(canvas)
    drag(page, canvas, first)
    drawn_links(page, 1)
    choose(page, "From", labels()[second[0]])
    choose(page, "Relation", explorer.dataset.relation(second[1]).label)
    choose(page, "To", labels()[second[2]])
    page.get_by_role("button", name="Add this link").click()
    drawn_links(page, 2)
    checked(page, (MapLink(*first), MapLink(*second)))
    page.screenshot(path=str(SHOTS / shot), full_page=False)
    return MapLink(*first), MapLink(*second)


def test_a_map_built_by_mouse_and_keyboard_is_checked_scored_saved_and_loaded(page: Any, app_url: str,
                                                                             tmp_path: Path) -> None:
    built = build_and_check(page, app_url, drag_by_mouse, "build-desktop.png")
    student_map = saved(page)
    assert student_map.links == built and student_map.given == task().given
    first = built[0]
    links = (*(MapLink(*link) for link in task().to_find[2:]), MapLink(first.target, first.relation, first.source))
    path = tmp_path / "map-loaded.json"
    path.write_text(map_to_json(StudentMap(student_map.dataset, student_map.spec, "skeleton", links,
                                           student="Ada", seed=task().seed, given=task().given)), "utf-8")
    load(page, path, links)
    checked(page, links)


def test_a_map_built_by_touch_and_keyboard_on_a_phone_is_checked_and_scored(browser: Any, app_url: str) -> None:
    context = browser.new_context(**PHONE)
    try:
        build_and_check(context.new_page(), app_url, drag_by_finger, "build-phone.png")
    finally:
        context.close()
