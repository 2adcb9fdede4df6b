"""The app's own behaviour in headless Chromium: uploads one after another, and what the details panel shows.

These run on uploaded test datasets, so the bundled content can change without breaking them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "tiny.yaml"
CLINIC = ROOT / "tests" / "data" / "app" / "clinic.yaml"
PHOTOSYNTHESIS = ROOT / "data" / "photosynthesis.yaml"
TIMEOUT_MS = 30_000
# The dataset's nodes in the network, not the nodes that stand for a group of them (a whole view of
# more than 30 nodes groups its largest kinds).
NODE_IDS = "() => window.network ? network.body.data.nodes.getIds({filter: n => !n.kg.members.length}).sort() : []"


def upload(page: Any, path: Path) -> None:
    """Upload ``path`` and wait until the network holds exactly that dataset's whole-graph nodes."""
    expected = sorted(Explorer.from_path(path).view().graph)
    page.wait_for_function(f"() => ({NODE_IDS})().length > 0", timeout=TIMEOUT_MS)  # the page is up, as for a person
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(path)
    wanted = json.dumps(json.dumps(expected, separators=(",", ":")))
    page.wait_for_function(f"() => JSON.stringify(({NODE_IDS})()) === {wanted}", timeout=TIMEOUT_MS)


def details(page: Any) -> Any:
    return page.locator(".st-key-details")


def search_for(page: Any, text: str, heading: str, attempts: int = 3) -> None:
    """Type ``text`` into the search box, press Enter, and wait for the details of ``heading``.

    Text typed while the app is still redrawing after an upload can be lost with the old field, as
    it would be for a person, who would then type it again: so does this, up to ``attempts`` times.
    """
    from playwright.sync_api import expect

    search = page.get_by_role("textbox", name="Search (label or alias)")
    for attempt in range(attempts):
        search.fill(text)
        search.press("Enter")
        try:
            expect(details(page).locator("h3")).to_have_text(heading, timeout=TIMEOUT_MS // attempts)
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise


def test_a_second_upload_is_drawn_whole(page: Any, app_url: str) -> None:
    page.goto(app_url)
    upload(page, TINY)
    upload(page, PHOTOSYNTHESIS)
    assert "Showing 0 nodes" not in page.inner_text("body")


def test_thresholds_keep_their_operators_on_screen(page: Any, app_url: str) -> None:
    page.goto(app_url)
    upload(page, CLINIC)
    search_for(page, "ferritin", "Serum ferritin")
    text = details(page).inner_text()
    assert "> 100 ng/mL (adults): iron is generally not given" in text
    assert "≤ 75 ng/mL (adults): oral iron is offered" in text
    assert details(page).locator("blockquote").count() == 0


def test_a_connection_button_walks_to_the_linked_node(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(app_url)
    upload(page, CLINIC)
    search_for(page, "brain iron", "Brain iron deficiency")
    details(page).get_by_role("button", name="The condition").focus()
    page.keyboard.press("Enter")
    expect(details(page).locator("h3")).to_have_text("The condition", timeout=TIMEOUT_MS)
    assert page.evaluate("() => network.getSelectedNodes()") == ["disease"]
    focused = "() => document.activeElement.closest('.st-key-details h3')?.textContent"
    page.wait_for_function(f"() => ({focused})() === 'The condition'", timeout=TIMEOUT_MS)  # not the page body


@pytest.mark.parametrize(("width", "height", "minimum"), [(768, 1024, 460), (1366, 768, 600)])
def test_the_network_keeps_its_width_on_narrow_screens(browser: Any, app_url: str, width: int, height: int,
                                                        minimum: int) -> None:
    """Below 900 px the details column goes under the network instead of squeezing it."""
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(app_url)
        page.wait_for_function("() => window.network && network.body.data.nodes.length > 0", timeout=TIMEOUT_MS)
        canvas = page.evaluate("() => network.canvas.frame.canvas.getBoundingClientRect().width")
        column = page.evaluate("""() => network.canvas.frame.canvas.getRootNode().host
                                         .closest('[data-testid="stColumn"]').getBoundingClientRect().width""")
        assert canvas >= minimum
        assert canvas >= column - 8, "the network should use its column's full width"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    finally:
        page.close()


COLUMN = "() => document.querySelector('.st-key-details').closest('[data-testid=stColumn]')"


def test_on_a_wide_screen_reading_the_details_never_scrolls_the_graph_away(page: Any, app_url: str) -> None:
    """The details column is sticky and no taller than the window: a long one scrolls on its own."""
    page.goto(f"{app_url}/?focus=pramipexole")
    page.locator(".kg-network[data-drawn=yes]").wait_for(timeout=TIMEOUT_MS)
    details(page).locator("h3").wait_for(timeout=TIMEOUT_MS)
    page.locator("[data-testid=stStatusWidget]").wait_for(state="detached", timeout=TIMEOUT_MS)
    column = page.evaluate_handle(COLUMN)
    assert column.evaluate("c => getComputedStyle(c).position") == "sticky"
    assert column.evaluate("c => c.clientHeight") <= 768
    assert column.evaluate("c => c.scrollHeight > c.clientHeight"), "pramipexole's details are longer than the window"
    details(page).locator("h3").hover()
    top = page.evaluate("() => network.canvas.frame.canvas.getBoundingClientRect().top")
    page.mouse.wheel(0, 400)
    page.wait_for_function(f"() => ({COLUMN})().scrollTop > 0", timeout=TIMEOUT_MS)
    assert page.evaluate("() => network.canvas.frame.canvas.getBoundingClientRect().top") == top
