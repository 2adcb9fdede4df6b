"""The canvas's own controls in headless Chromium: zoom, fit and reset buttons, touch, and resizing.

These open the standalone page (the same network script as the app's component), so they need no
server and take a second or two each. Screenshots go to out/screenshots/.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ViewSpec
from graph.present.render import render_html

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "out" / "screenshots"
DRAW_TIMEOUT_MS = 30_000
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
SCALE = "() => network.getScale()"
VIEW_AT = "() => network.getViewPosition()"
IDLE = "() => new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 450))"
SHOWN_BOXES = """() => network.body.data.nodes.getIds({filter: n => !n.hidden}).map(id => {
  const b = network.getBoundingBox(id);
  const a = network.canvasToDOM({x: b.left, y: b.top}), z = network.canvasToDOM({x: b.right, y: b.bottom});
  return [a.x, a.y, z.x, z.y]; })"""
CANVAS = "() => { const c = network.canvas.frame.canvas; return [c.clientWidth, c.clientHeight]; }"


@cache
def overview_page(tmp: Path) -> Path:
    """The RLS overview (grouped, with column headings) as a standalone page."""
    path = tmp / "overview.html"
    path.write_text(render_html(Explorer.from_path(ROOT / "data" / "rls").view(ViewSpec())), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def overview(tmp_path_factory: pytest.TempPathFactory) -> str:
    return overview_page(tmp_path_factory.mktemp("canvas")).as_uri()


def open_page(context: Any, uri: str, size: tuple[int, int] | None = None) -> Any:
    page = context.new_page()
    if size:
        page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(uri)
    page.locator("body[data-drawn=yes]").wait_for(timeout=DRAW_TIMEOUT_MS)
    page.evaluate(IDLE)
    return page


def wait_for_scale(page: Any, scale: float) -> None:
    """Wait until the view's zoom has reached ``scale`` (its animation runs frame by frame)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"() => Math.abs(network.getScale() / {scale} - 1) < 0.01", timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail(f"the zoom stayed at {page.evaluate(SCALE):.4f}, not {scale:.4f}")


def screenshot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_the_canvas_buttons_zoom_fit_and_reset_by_keyboard(browser: Any, overview: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = open_page(context, overview)
    fitted = page.evaluate(SCALE)
    toolbar = page.get_by_role("toolbar", name="Zoom and fit")
    for name in ("Zoom in", "Zoom out", "Fit the whole view on screen", "Reset the view as first drawn"):
        expect(toolbar.get_by_role("button", name=name)).to_be_visible()
    toolbar.get_by_role("button", name="Zoom in").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # before the first zoom has finished moving: it goes on from where that one goes
    wait_for_scale(page, fitted * 1.25 * 1.25)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_for_scale(page, fitted * 1.25)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    wait_for_scale(page, fitted * 0.8)
    screenshot(page, "canvas_buttons_1366")
    toolbar.get_by_role("button", name="Reset the view as first drawn").click()
    wait_for_scale(page, fitted)
    context.close()


def test_one_finger_scrolls_the_page_until_move_graph_is_on(browser: Any, overview: str) -> None:
    context = browser.new_context(**PHONE)
    page = open_page(context, overview)
    page.evaluate("() => { document.body.style.paddingBottom = '1500px'; }")  # room to scroll below
    screenshot(page, "canvas_phone_390")
    before = page.evaluate(VIEW_AT)
    swipe(page)
    assert page.evaluate("() => window.scrollY") > 100, "a swipe on the graph should scroll the page"
    assert page.evaluate(VIEW_AT) == before, "and leave the graph where it was"
    page.evaluate("() => window.scrollTo(0, 0)")
    page.get_by_role("button", name="Move graph").tap()
    assert page.get_by_role("button", name="Move graph").get_attribute("aria-pressed") == "true"
    swipe(page)
    assert page.evaluate("() => window.scrollY") == 0
    assert page.evaluate(VIEW_AT) != before, "in move mode a swipe moves the graph"
    context.close()


def swipe(page: Any) -> None:
    """A one-finger upward swipe of 300 px over the canvas, sent as the phone's touch screen sends it."""
    box = page.locator(".kg-frame .vis-network canvas").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7
    session = page.context.new_cdp_session(page)
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 16):
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 20 * step}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.evaluate(IDLE)


def test_a_tap_selects_and_a_double_tap_focuses(browser: Any, overview: str) -> None:
    context = browser.new_context(**PHONE)
    page = open_page(context, overview)
    page.evaluate("""() => { window.focused = []; kg.destroy();
      window.network = kgNetwork(document.getElementById("mynetwork"), payload,
        {height: "screen", onFocus: (id) => focused.push(id)}).network; }""")
    page.evaluate(IDLE)
    node = page.evaluate("() => network.body.data.nodes.getIds({filter: n => !n.hidden && !n.kg.members.length})[0]")
    at = page.evaluate("""id => { const p = network.canvasToDOM(network.getPosition(id));
      const b = network.canvas.frame.canvas.getBoundingClientRect(); return [b.left + p.x, b.top + p.y]; }""", node)
    page.touchscreen.tap(*at)
    page.evaluate(IDLE)
    assert page.evaluate("() => network.getSelectedNodes()") == [node]
    assert page.evaluate("() => focused") == []
    page.touchscreen.tap(*at)
    page.touchscreen.tap(*at)
    page.wait_for_function("() => focused.length > 0", timeout=2_000)
    assert page.evaluate("() => focused") == [node]
    context.close()


HEADINGS = "() => document.getElementById('mynetwork').getAttribute('data-headings')"
FILLED = "() => { const boxes = (" + SHOWN_BOXES + """)(); const c = network.canvas.frame.canvas;
  const w = Math.max(...boxes.map(b => b[2])) - Math.min(...boxes.map(b => b[0]));
  const h = Math.max(...boxes.map(b => b[3])) - Math.min(...boxes.map(b => b[1]));
  return Math.max(w / c.clientWidth, h / c.clientHeight); }"""
SCREEN_HEIGHT = """() => { const frame = document.querySelector('.kg-frame');
  return [frame.getBoundingClientRect().height,
          kgHeight(frame.parentElement, document.querySelector('.kg-legend'), 'screen', payload.rules)]; }"""


def test_resizing_the_window_refits_the_canvas_and_the_view(browser: Any, overview: str) -> None:
    """From 1366 × 768 to a large screen, a narrow window, a phone and the widest screen, one after another."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = open_page(context, overview)
    for width, height in ((1920, 1080), (900, 768), (360, 740), (2560, 1440)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(f"() => Math.abs(network.canvas.frame.canvas.clientWidth - {width} + 22) < 30",
                               timeout=5_000)
        page.evaluate(IDLE)
        shown, wanted = page.evaluate(SCREEN_HEIGHT)
        assert shown == wanted, f"at {width} × {height} the canvas should fill the window below it"
        canvas_width, canvas_height = page.evaluate(CANVAS)
        for left, top, right, bottom in page.evaluate(SHOWN_BOXES):
            assert left >= -1 and top >= -1 and right <= canvas_width + 1 and bottom <= canvas_height + 1, \
                f"a node is cut off at {width} × {height}"
        assert page.evaluate(FILLED) > 0.85, f"at {width} × {height} the view should be refitted to the canvas"
        screenshot(page, f"canvas_resized_to_{width}")
    context.close()


def test_on_a_phone_headings_do_not_run_together_and_an_open_group_hides_them(browser: Any, overview: str) -> None:
    context = browser.new_context(**PHONE)
    page = open_page(context, overview)
    drawn = page.evaluate(HEADINGS).split(" | ")
    assert 0 < len(drawn) < len(page.evaluate("() => payload.headings")), "overlapping headings are left out"
    group = page.evaluate("() => payload.clusters[0].id")
    at = page.evaluate("""id => { const p = network.canvasToDOM(network.getPosition(id));
      const b = network.canvas.frame.canvas.getBoundingClientRect(); return [b.left + p.x, b.top + p.y]; }""", group)
    page.touchscreen.tap(*at)
    page.locator(f"#mynetwork[data-open-cluster='{group}']").wait_for(timeout=5_000)
    page.evaluate(IDLE)
    assert page.evaluate(HEADINGS) == "", "an open group's nodes are not under the closed picture's headings"
    screenshot(page, "canvas_phone_group_open")
    context.close()


def test_in_the_app_a_larger_window_gives_a_taller_canvas(browser: Any, app_url: str) -> None:
    """The app's case from the report: 1366 × 768 → 1920 × 1080 left the canvas 472 px tall (758 fresh)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(app_url)
    page.locator(".kg-network[data-drawn=yes]").wait_for(timeout=DRAW_TIMEOUT_MS)
    before = page.evaluate(CANVAS)
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_function(f"() => network.canvas.frame.canvas.clientHeight > {before[1] + 100}", timeout=10_000)
    page.evaluate(IDLE)
    width, height = page.evaluate(CANVAS)
    for left, top, right, bottom in page.evaluate(SHOWN_BOXES):
        assert left >= -1 and top >= -1 and right <= width + 1 and bottom <= height + 1, "a node is cut off"
    screenshot(page, "canvas_app_resized_1920")
    context.close()


def test_the_selected_node_wears_a_thick_border_and_a_halo(browser: Any, overview: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = open_page(context, overview)
    node = page.evaluate("() => network.body.data.nodes.getIds({filter: n => !n.hidden && !n.kg.members.length})[0]")
    plain = page.evaluate("id => network.body.nodes[id].getFormattingValues()", node)
    page.evaluate("id => kg.select(id, false)", node)
    marked = page.evaluate("id => network.body.nodes[id].getFormattingValues()", node)
    assert marked["borderWidth"] >= plain["borderWidth"] + 3
    assert marked["shadow"] and not plain["shadow"]
    context.close()


FADED = "() => network.body.data.nodes.get({filter: n => !n.hidden && n.opacity < 0.5}).map(n => n.id).sort()"
CENTRE = """id => { const p = network.canvasToDOM(network.getPosition(id));
  const b = network.canvas.frame.canvas.getBoundingClientRect(); return [b.left + p.x, b.top + p.y]; }"""


def test_pointing_at_or_selecting_a_node_fades_all_but_its_neighbours(browser: Any, overview: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = open_page(context, overview)
    assert page.evaluate(FADED) == []
    node = page.evaluate("() => network.body.data.nodes.getIds({filter: n => !n.hidden && !n.kg.members.length})[0]")
    page.evaluate("id => kg.select(id, false)", node)
    near = set(page.evaluate("id => network.getConnectedNodes(id)", node)) | {node}
    faded = page.evaluate(FADED)
    assert faded and not near & set(faded), "everything but the node and its neighbours fades"
    assert page.locator("#mynetwork").get_attribute("data-highlight") == node
    other = next(n for n in faded if n not in near)
    page.mouse.move(*page.evaluate(CENTRE, other))
    page.wait_for_function(f"() => document.querySelector('#mynetwork').dataset.highlight === {other!r}",
                           timeout=5_000)
    assert other not in page.evaluate(FADED), "the node pointed at is highlighted instead"
    screenshot(page, "canvas_neighbours_highlighted")
    page.evaluate("() => kg.select(null, false)")
    page.mouse.move(1, 1)
    page.wait_for_function(f"() => ({FADED})().length === 0", timeout=5_000)
    context.close()
