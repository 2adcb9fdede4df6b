"""What a student sees in the app at 1366×768, on a phone and on a tablet: labels big enough to read, none
overlapping, a keyboard that stays inside the graph, and a legend with real swatches next to the network.

Legibility is read from vis-network's own state after it has drawn, with the measurement of
bench/legibility.py: a label's size on screen is its font size times ``network.getScale()``; node
boxes come from ``network.getBoundingBox(id)``, edge-label boxes from ``labelModule.size``.
Screenshots go to out/screenshots/ (legibility-*.png) to be looked at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.legibility import MEASURE, PHONE, READABLE_PX, SETTLED, SMUDGE_PX, TABLET, after_rerun, summary
from tests.conftest import is_local

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"
TIMEOUT_MS = 30_000
MIN_READABLE_SHARE = 0.9
VIEWS = {
    "focus-rls": "?focus=rls&depth=1",
    "focus-iron": "?focus=iron_deficiency&depth=1",
    "focus-augmentation": "?focus=augmentation&depth=1",
    "path": "?from=iron_deficiency&to=iv_ferric_carboxymaltose",
    "overview": "",
}
CANVAS_HEIGHT = "() => network.canvas.frame.canvas.clientHeight"
VIEW_STATE = "() => ({scale: network.getScale(), position: network.getViewPosition()})"
BIGGEST_GROUP = """sort => network.body.data.nodes
  .get({filter: n => n.kg.members.length && !n.hidden && n.id.startsWith('group:' + sort)})
  .sort((a, b) => b.kg.members.length - a.kg.members.length)[0].id"""
NODE_CENTRE = """id => { const p = network.canvasToDOM(network.getPosition(id));
  const box = network.canvas.frame.canvas.getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y}; }"""


def open_view(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => window.network !== undefined", timeout=TIMEOUT_MS)
    page.locator(".kg-network[data-drawn=yes]").wait_for(timeout=TIMEOUT_MS)
    # The drawn report reruns the app with its controls; measure and press keys after that run.
    page.get_by_text("The controls appear once the graph is drawn.").wait_for(state="detached", timeout=TIMEOUT_MS)
    page.locator("[data-test-script-state=notRunning]").wait_for(timeout=TIMEOUT_MS)
    page.evaluate(SETTLED)


def legible(page: Any) -> dict[str, Any]:
    """The measured figures, and the reasons (if any) they fail the thresholds."""
    state = page.evaluate(MEASURE)
    figures = summary(state)
    problems = []
    if figures["readable_share"] < MIN_READABLE_SHARE:
        problems.append(f"only {figures['readable_share']:.0%} of labels are drawn at 11 px or more")
    if figures["smudges"]:
        problems.append(f"{figures['smudges']} labels drawn below {SMUDGE_PX} px")
    if state["overlaps"]:
        problems.append(f"overlapping: {state['overlaps']}")
    return {"figures": figures, "problems": problems}


def screenshot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"legibility-{name}.png"))


@pytest.mark.parametrize("name", list(VIEWS))
def test_labels_are_readable_as_drawn_and_never_overlap(page: Any, app_url: str, name: str) -> None:
    open_view(page, f"{app_url}/{VIEWS[name]}")
    result = legible(page)
    screenshot(page, f"{name}-1366x768")
    assert result["figures"]["nodes"] >= 3
    assert result["problems"] == [], f"{name}: {result}"
    assert page.evaluate(CANVAS_HEIGHT) >= 0.55 * 768  # the network takes most of the window


def test_zoomed_out_labels_are_hidden_not_drawn_as_smudges(page: Any, app_url: str) -> None:
    open_view(page, f"{app_url}/{VIEWS['focus-augmentation']}")
    page.evaluate("() => network.moveTo({scale: network.getScale() * 0.45, animation: false})")
    page.evaluate(SETTLED)
    figures = summary(page.evaluate(MEASURE))
    assert figures["smudges"] == 0
    assert figures["drawn"] < figures["nodes"]  # the small ones are gone, not faded


def open_biggest_group(page: Any, sort: str = "") -> int:
    """Open the view's biggest group (of those whose id begins "group:" ``sort``) with a click on it,
    as a student would; its number of members."""
    group = page.evaluate(BIGGEST_GROUP, sort)
    members = page.evaluate(f"() => network.body.data.nodes.get('{group}').kg.members.length")
    centre = page.evaluate(NODE_CENTRE, group)
    page.mouse.click(centre["x"], centre["y"])
    page.locator(f'.kg-network[data-open-cluster="{group}"]').wait_for(timeout=TIMEOUT_MS)
    after_rerun(page)  # the run the opening brings must leave the group in view
    return members


@pytest.mark.parametrize(("query", "sort"), [(VIEWS["focus-rls"], ""), ("?claims=on", "claim")])
def test_an_opened_group_is_readable_too(page: Any, app_url: str, query: str, sort: str) -> None:
    """The claims' biggest group shows its statements (shortened at a word), not empty coloured boxes."""
    open_view(page, f"{app_url}/{query}")
    members = open_biggest_group(page, sort)
    result = legible(page)
    screenshot(page, f"{sort or 'biggest'}-group-open-1366x768")
    assert result["figures"]["nodes"] >= members
    assert result["problems"] == [], result


def read_in_full(result: dict[str, Any]) -> list[str]:
    """The thresholds' problems, and any label (of a node or a link) drawn under READABLE_PX."""
    figures = result["figures"]
    small = figures["min_px"] < READABLE_PX or (figures["edge_min_px"] or READABLE_PX) < READABLE_PX
    return result["problems"] + ([f"labels drawn under {READABLE_PX} px: {figures}"] if small else [])


@pytest.mark.parametrize("device", ["phone", "tablet"])
def test_on_a_phone_or_tablet_each_view_and_an_opened_group_reads_in_full(browser: Any, app_url: str,
                                                                           device: str) -> None:
    """Before the phone had its own layout none of these drew a label it could read (0 of 12, 0 of 15, 0 of
    29); before its canvas took the window's height, the opened group of 29 causes was drawn at 10.2 px (one
    four-line label into the next), the claims' at 10.2 px and the augmentation focus at 10.6 px."""
    context = browser.new_context(**(PHONE if device == "phone" else TABLET))
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if is_local(route.request.url) else route.abort())
    try:
        for name in ("overview", "path", "focus-augmentation"):
            open_view(page, f"{app_url}/{VIEWS[name]}")
            result = legible(page)
            screenshot(page, f"{name}-{device}")
            assert result["figures"]["nodes"] >= 3 and read_in_full(result) == [], result
            assert device != "phone" or not page.locator(".kg-network").get_attribute("data-headings"), \
                "no column headings on a phone"
        for query, sort in ((VIEWS["focus-rls"], ""), ("?claims=on", "claim")):
            open_view(page, f"{app_url}/{query}")
            members = open_biggest_group(page, sort)
            result = legible(page)
            screenshot(page, f"{sort or 'biggest'}-group-open-{device}")
            assert result["figures"]["drawn"] >= members and read_in_full(result) == [], result
    finally:
        page.unroute("**/*")
        context.close()


def test_minus_typed_in_a_text_field_stays_there_and_the_graph_does_not_move(page: Any, app_url: str) -> None:
    open_view(page, f"{app_url}/{VIEWS['focus-iron']}")
    before = page.evaluate(VIEW_STATE)
    field = page.locator('[data-testid="stSidebar"] input[type="text"]').first
    field.click()
    page.keyboard.type("iron-deficiency +-")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("PageDown")
    assert field.input_value() == "iron-deficiency +-"
    page.evaluate(SETTLED)
    assert page.evaluate(VIEW_STATE) == before


def test_the_graph_is_a_labelled_region_that_moves_its_selection_by_keyboard(page: Any, app_url: str) -> None:
    open_view(page, f"{app_url}/{VIEWS['focus-iron']}")
    region = page.locator(".kg-frame")
    assert region.get_attribute("role") == "application"
    assert "Arrow keys" in region.get_attribute("aria-label")
    region.focus()
    page.keyboard.press("Escape")
    page.keyboard.press("ArrowRight")
    first = page.evaluate("() => network.getSelectedNodes()")
    page.keyboard.press("ArrowRight")
    second = page.evaluate("() => network.getSelectedNodes()")
    assert len(first) == len(second) == 1 and first != second
    scale = page.evaluate("() => network.getScale()")
    page.keyboard.press("+")
    page.wait_for_timeout(500)  # the zoom is animated
    assert page.evaluate("() => network.getScale()") > scale
    assert page.locator(".kg-live").inner_text().startswith("Selected:")


def test_legend_has_real_swatches_and_is_visible_next_to_the_network(page: Any, app_url: str) -> None:
    open_view(page, f"{app_url}/?focus=rls&depth=1&claims=on")
    legend = page.locator(".kg-legend")
    swatches = legend.locator("canvas.kg-swatch")
    assert swatches.count() >= 8
    ink = swatches.first.evaluate(
        "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i]) n++; } return n; }")
    assert ink > 20
    for text in ("Cause / risk factor", "Moderate certainty (dashed)", "Low certainty (dotted)", "Supported"):
        assert legend.get_by_text(text, exact=True).first.is_visible()
    box = legend.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 768, f"legend below the fold: {box}"


@pytest.mark.parametrize("size", [(768, 1024), (1920, 1080)])  # 1366 × 768: the test above
def test_the_network_takes_most_of_the_window_at_common_sizes(browser: Any, app_url: str,
                                                              size: tuple[int, int]) -> None:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if is_local(route.request.url) else route.abort())
    try:
        for name in ("overview", "path"):
            open_view(page, f"{app_url}/{VIEWS[name]}")
            page.screenshot(path=str(SHOTS / f"legibility-{name}-{size[0]}x{size[1]}.png"))
            assert page.evaluate(CANVAS_HEIGHT) >= 0.55 * size[1]
    finally:
        context.close()
