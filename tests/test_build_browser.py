"""Build mode in headless Chromium: a student rebuilds the pramipexole focus at the skeleton level,
one missing link dragged from node to node (the mouse at 1366×768, a finger on a 390×844 touch
phone) and one chosen from the keyboard's lists, checks the map and reads the score. At 1366×768
the student then saves the map and loads another map file through the Load control, whose links
appear and score as the library says. On both screens the canvas's labels are drawn at least
:data:`MIN_LABEL_PX` on screen (a phone's canvas, fitted to its width, drew them at 4 to 8 px
before it had rows of its own). Every link name on the canvas can be read, on both screens, in a
focus, a tour step and a tour's path: none runs into another, lies under a node, is crossed by
another link or runs off the canvas, as vis-network itself places them (:data:`CROWDING`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ViewSpec
from graph.teaching.concept_map import MapLink, Proposition, StudentMap, map_from_bytes, map_to_json
from graph.teaching.map_scoring import score_links
from graph.teaching.map_task import MapTask, make_task
from tests.conftest import VIEWPORT
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


# How many link names on the build canvas cannot be read whole, from vis-network's own state: each
# name's box (labelModule.size, in canvas coordinates), each node's (getBoundingBox) and each
# arrowhead's (getArrowData: its tip and base, and half its length across), on screen through
# canvasToDOM. vis-network draws every link's line and then its name on a white ground, in the
# links' order (body.edgeIndices), then the nodes, then the arrowheads: "crossed" counts names a
# link drawn later runs through (its curve sampled); a line drawn before a name runs behind it.
CROWDING = """(holder) => {
  const net = holder.kgNet;
  const canvas = holder.querySelector('.kg-build-canvas');
  const screen = (l, t, r, b) => {
    const a = net.canvasToDOM({ x: l, y: t }), z = net.canvasToDOM({ x: r, y: b });
    return { l: a.x, t: a.y, r: z.x, b: z.y };
  };
  const meet = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
  const inside = (p, a) => p.x > a.l && p.x < a.r && p.y > a.t && p.y < a.b;
  const ctx = net.canvas.getContext();
  const edges = net.body.edgeIndices.map((id) => net.body.edges[id]).filter((edge) => edge.options.label);
  const names = edges.map((edge, order) => {
    const size = edge.labelModule.size;
    return { id: edge.id, order, ...screen(size.left, size.top, size.left + size.width, size.top + size.height) };
  });
  const nodes = net.body.nodeIndices.map((id) => {
    const box = net.getBoundingBox(id);
    return screen(box.left, box.top, box.right, box.bottom);
  });
  const arrows = edges.map((edge) => {
    const end = edge.options.arrows.to.enabled ? 'to' : 'from';
    const arrow = edge.edgeType.getArrowData(ctx, end, edge.edgeType.getViaNode(), false, false,
      edge.getFormattingValues());
    const half = arrow.length / 2;
    return screen(Math.min(arrow.point.x, arrow.core.x) - half, Math.min(arrow.point.y, arrow.core.y) - half,
      Math.max(arrow.point.x, arrow.core.x) + half, Math.max(arrow.point.y, arrow.core.y) + half);
  });
  const lines = edges.map((edge, order) => ({ order, points: Array.from({ length: 41 },
    (_, i) => net.canvasToDOM(edge.edgeType.getPoint(i / 40))) }));
  const crosses = (line, a) => line.points.some((p, i) => inside(p, a) || (i > 0
    && inside({ x: (p.x + line.points[i - 1].x) / 2, y: (p.y + line.points[i - 1].y) / 2 }, a)));
  const count = (test) => names.filter(test).length;
  return {
    names: names.length,
    numbered: holder.querySelectorAll('.kg-build-names li').length,
    overlapping: count((a) => names.some((b) => b !== a && meet(a, b))),
    under_nodes: count((a) => nodes.some((n) => meet(a, n))),
    outside: count((a) => a.l < 0 || a.t < 0 || a.r > canvas.clientWidth || a.b > canvas.clientHeight),
    crossed: count((a) => lines.some((line) => line.order > a.order && crosses(line, a))),
    under_arrows: count((a) => arrows.some((arrow) => meet(a, arrow))),
  };
}"""
READABLE = {"overlapping": 0, "under_nodes": 0, "outside": 0, "crossed": 0, "under_arrows": 0}
VIEWS = {"focus": "focus=iron_deficiency&depth=1", "tour-step": "tour=iron-to-urge&step=1",
         "tour-path": "tour=iron-to-urge&step=4"}


@cache
def task() -> MapTask:
    return make_task(Explorer.from_path(ROOT / "data" / "rls").view(ViewSpec(focus=FOCUS)), "skeleton")


@cache
def labels() -> dict[str, str]:
    graph = Explorer.from_path(ROOT / "data" / "rls").graph
    return {node: graph.nodes[node]["label"] for node in graph}


def open_build(page: Any, app_url: str, query: str = f"focus={FOCUS}") -> Any:
    """Open the view the query names (the focus), then the build panel; the canvas once drawn."""
    page.goto(f"{app_url}/?{query}")
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


def crowding(canvas: Any) -> dict[str, int]:
    """How many link names on the canvas cannot be read whole, by what hides them (:data:`CROWDING`)."""
    counts = canvas.evaluate(CROWDING)
    assert counts["names"] == int(canvas.get_attribute("data-links"))
    return {key: counts[key] for key in READABLE}


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("query", VIEWS.values(), ids=VIEWS)
def test_every_link_name_given_at_the_skeleton_level_can_be_read(browser: Any, app_url: str, screen: str,
                                                                  query: str) -> None:
    context = browser.new_context(**(PHONE if screen == "phone" else {"viewport": VIEWPORT}))
    try:
        page = context.new_page()
        canvas = open_build(page, app_url, query)
        assert crowding(canvas) == READABLE
    finally:
        context.close()
