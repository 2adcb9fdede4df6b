"""The app and the standalone HTML in a real headless Chromium, with the internet blocked.

AppTest cannot run JavaScript, so these tests check what only a browser shows: that vis-network
draws non-blank pixels, that the URL picks the right nodes, that a click reaches the details
panel, that a path is coloured, and that no dataset text becomes markup or script. One Streamlit
server serves the whole module (``app_url`` in conftest.py); screenshots go to out/screenshots/.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from bench.browser_timing import CONTROLS
from graph import Explorer, View, ViewSpec
from graph.present.render import render_html
from graph.present.style import PATH_COLOUR
from tests.helpers import record_dialogs

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
XSS = ROOT / "tests" / "data" / "xss.yaml"
SHOTS = ROOT / "out" / "screenshots"
IRON = "iron_deficiency"
FCM = "iv_ferric_carboxymaltose"
FERRITIN = "serum_ferritin"
DRAW_TIMEOUT_MS = 30_000
MIN_INK_PIXELS = 1_000

NODE_COUNT = ("() => window.network ? network.body.data.nodes.get({filter: n => !n.kg.members.length}).length"
              " : 0")  # the view's nodes, shown or inside a closed group
INK = """() => { const c = network.canvas.frame.canvas;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i]) n++; } return n; }"""
NODE_CENTRE = """id => { const p = network.canvasToDOM(network.getPosition(id));
  const box = network.canvas.frame.canvas.getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y, hit: network.getNodeAt(p)}; }"""
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@cache
def rls() -> Explorer:
    return Explorer.from_path(ROOT / "data" / "rls")


@cache
def xss() -> Explorer:
    return Explorer.from_path(XSS)


def record_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def wait_for_network(page: Any, nodes: int | None = None) -> int:
    """Wait until vis-network holds nodes (``nodes`` of them, if given) and has drawn; return the count."""
    condition = f"({NODE_COUNT})() {'=== ' + str(nodes) if nodes is not None else '> 0'}"
    page.wait_for_function(f"() => {condition}", timeout=DRAW_TIMEOUT_MS)
    page.locator(".kg-network[data-drawn=yes]").wait_for(timeout=DRAW_TIMEOUT_MS)
    page.evaluate(TWO_FRAMES)
    return page.evaluate(NODE_COUNT)


def open_app(page: Any, app_url: str, query: str = "") -> int:
    page.goto(f"{app_url}/{query}")
    return wait_for_network(page)


def ink(page: Any) -> int:
    """Non-transparent pixels on the vis-network canvas (0 for a blank picture)."""
    return page.evaluate(INK)


def node_ids(page: Any) -> set[str]:
    return set(page.evaluate("() => network.body.data.nodes.getIds({filter: n => !n.kg.members.length})"))


def details_heading(page: Any) -> Any:
    """The heading of the details panel (the last heading inside the page's columns)."""
    return page.locator('[data-testid="stColumn"] h3').last


def click_node(page: Any, node: str) -> None:
    """Click the node's centre on the canvas, after checking that vis finds that node there."""
    centre = page.evaluate(NODE_CENTRE, node)
    assert centre["hit"] == node, f"another node covers {node}'s centre: {centre['hit']}"
    page.mouse.click(centre["x"], centre["y"])


def screenshot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def view_size(view: View) -> int:
    return view.graph.number_of_nodes()


# The app ---------------------------------------------------------------------------------------

def test_overview_draws_non_blank_network(page: Any, app_url: str, blocked_requests: list[str]) -> None:
    errors = record_errors(page)
    count = open_app(page, app_url)
    assert count == view_size(rls().view())
    assert ink(page) > MIN_INK_PIXELS
    assert page.get_by_text("not medical advice", exact=False).first.is_visible()
    screenshot(page, "overview")
    assert errors == [] and blocked_requests == []


def test_the_controls_follow_the_drawn_network_and_the_page_settles(page: Any, app_url: str) -> None:
    """A new session draws the network first; its report brings the controls, and one run only:
    a page that kept asking for runs would keep receiving messages."""
    frames: list[int] = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda _: frames.append(1)))
    open_app(page, app_url)
    page.locator(CONTROLS).wait_for(timeout=DRAW_TIMEOUT_MS)
    page.locator("[data-test-script-state=notRunning]").wait_for(timeout=DRAW_TIMEOUT_MS)
    settled = len(frames)
    page.wait_for_timeout(1500)
    assert len(frames) == settled, "the app kept rerunning after the controls came"
    assert not page.get_by_text("The controls appear once the graph is drawn.").count()


def test_without_vis_network_the_page_says_so_and_keeps_its_controls(page: Any, app_url: str) -> None:
    page.route("**/vis-network-*.js", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(app_url)
    page.get_by_text("The network could not be drawn: vis-network could not be loaded: 404.").wait_for(
        timeout=DRAW_TIMEOUT_MS)
    page.get_by_role("textbox", name="Search (label or alias)").wait_for(timeout=DRAW_TIMEOUT_MS)


def test_focus_link_draws_the_node_and_its_neighbours(page: Any, app_url: str) -> None:
    view = rls().view(ViewSpec(focus=IRON, depth=1))
    count = open_app(page, app_url, f"?focus={IRON}&depth=1")
    assert count == view_size(view) < view_size(rls().view())
    assert node_ids(page) == set(view.graph)
    assert ink(page) > MIN_INK_PIXELS
    screenshot(page, "focus")


def test_clicking_a_node_shows_its_details(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    open_app(page, app_url, f"?focus={IRON}&depth=1")
    expect(details_heading(page)).to_have_text(rls().graph.nodes[IRON]["label"], timeout=DRAW_TIMEOUT_MS)
    click_node(page, FERRITIN)
    expect(details_heading(page)).to_have_text("Serum ferritin", timeout=DRAW_TIMEOUT_MS)
    assert page.evaluate("() => network.getSelectedNodes()") == [FERRITIN]
    screenshot(page, "details")


def test_path_link_colours_the_path_and_states_it(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    view = rls().view(ViewSpec(path_from=IRON, path_to=FCM))
    open_app(page, app_url, f"?from={IRON}&to={FCM}")
    colours = page.evaluate("() => Object.fromEntries(network.body.data.edges.get().map(e => [e.id, e.color.color]))")
    on_path = {key for _, _, key in view.path_edges}
    assert on_path and on_path <= colours.keys()
    assert {colours[key] for key in on_path} == {PATH_COLOUR}
    assert PATH_COLOUR not in {colour for key, colour in colours.items() if key not in on_path}
    for sentence in view.path_sentences:
        expect(page.locator("li", has_text=sentence)).to_have_count(1)
    screenshot(page, "path")


# Escaping --------------------------------------------------------------------------------------

def test_standalone_html_shows_payloads_as_text(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    view = xss().view(ViewSpec(claims=True))
    html_file = tmp_path / "xss.html"
    html_file.write_text(render_html(view), encoding="utf-8")
    dialogs = record_dialogs(page)
    page.goto(html_file.as_uri())
    page.locator("body[data-drawn=yes]").wait_for(timeout=DRAW_TIMEOUT_MS)
    page.evaluate(TWO_FRAMES)
    assert page.evaluate(NODE_COUNT) == view_size(view)
    assert ink(page) > MIN_INK_PIXELS
    assert page.title() == view.title == 'XSS <img src=x onerror=alert(1)> & "quotes" {{braces}} \\N'
    expect(page.locator("h1")).to_have_text(view.title)
    hover_shows_tooltip(page, "img", "<img src=x onerror=alert(1)>")
    assert page.locator("img").count() == 0
    assert dialogs == []


def hover_shows_tooltip(page: Any, node: str, literal: str) -> None:
    """Hover a node and check its tooltip shows ``literal`` as text (no element made from it)."""
    from playwright.sync_api import expect

    centre = page.evaluate(NODE_CENTRE, node)
    page.mouse.move(centre["x"], centre["y"])
    tooltip = page.locator("div.vis-tooltip")
    expect(tooltip).to_be_visible()
    assert literal in tooltip.inner_text()
    assert tooltip.locator(":not(br)").count() == 0  # innerText turns newlines into <br>, nothing else


def open_xss_upload(page: Any, app_url: str) -> View:
    """Open the app and upload tests/data/xss.yaml through the sidebar's file uploader."""
    view = xss().view()
    open_app(page, app_url)
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(XSS)
    wait_for_network(page, view_size(view))
    return view


def test_app_shows_uploaded_payloads_as_text(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    dialogs = record_dialogs(page)
    view = open_xss_upload(page, app_url)
    assert node_ids(page) == set(view.graph)
    labels = page.evaluate("() => Object.fromEntries(network.body.data.nodes.get().map(n => [n.id, n.label]))")
    assert labels == {node: data["label"] for node, data in view.graph.nodes(data=True)}
    expect(page.locator("h2", has_text="XSS")).to_have_text(view.title)
    click_node(page, "img")
    expect(details_heading(page)).to_have_text("<img src=x onerror=alert(1)>", timeout=DRAW_TIMEOUT_MS)
    assert page.locator('img[src="x"]').count() == 0
    assert dialogs == []


def test_app_details_heading_shows_markdown_characters_literally(page: Any, app_url: str) -> None:
    """Labels such as '[a](b) *star*' must read literally, not become a link and italics."""
    from playwright.sync_api import expect

    view = open_xss_upload(page, app_url)
    heading = details_heading(page)
    shown = {}
    for node in ("plain", "quotes"):
        before = heading.inner_text() if heading.count() else ""
        click_node(page, node)
        expect(heading).not_to_have_text(before, timeout=DRAW_TIMEOUT_MS)
        shown[node] = heading.inner_text().strip()
    assert shown == {node: view.graph.nodes[node]["label"] for node in shown}
