"""The view's address in Chromium: Back and Forward walk through the views a student chose, and
the link to share holds the whole view.

Each deliberate change of view (a focus, a selection) is one entry of the tab's history; Back and
Forward put that entry's view and selection back on screen, not only its address. The copied link
opens the same view, with the same node selected and the same group open.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from graph import Explorer, ViewSpec
from tests.helpers import RLS

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30_000


RLS_EXPLORER = Explorer.from_path(RLS)


def rls_title(focus: str | None = None) -> str:
    return RLS_EXPLORER.view(ViewSpec(focus=focus)).title


def label(node: str) -> str:
    return RLS_EXPLORER.dataset.node(node).label


def on_screen(page: Any) -> tuple[str, str, dict[str, list[str]]]:
    """The view's title, the details panel's heading and the address's query."""
    title = page.locator('[data-testid="stMainBlockContainer"] h2').first.inner_text()
    heading = page.locator(".st-key-details h3")
    return title, heading.inner_text() if heading.count() else "", parse_qs(urlsplit(page.url).query)


def shows(page: Any, title: str, heading: str) -> None:
    """Wait until the page shows the view ``title`` with ``heading`` in the details panel."""
    from playwright.sync_api import expect

    expect(page.locator('[data-testid="stMainBlockContainer"] h2').first).to_have_text(title, timeout=TIMEOUT_MS)
    details = page.locator(".st-key-details")
    if heading:
        expect(details.locator("h3")).to_have_text(heading, timeout=TIMEOUT_MS)
    else:
        expect(details.locator("h3")).to_have_count(0, timeout=TIMEOUT_MS)


def enter(page: Any, field: str, text: str) -> None:
    box = page.get_by_role("textbox", name=field)
    box.fill(text)
    box.press("Enter")


def test_back_and_forward_restore_each_view_and_its_selection(page: Any, app_url: str) -> None:
    page.goto(app_url)
    page.get_by_role("textbox", name="Focus on").wait_for()
    opened = page.evaluate("() => history.length")  # about:blank, then the app
    assert parse_qs(urlsplit(page.url).query) == {}, "opening the app adds no entry of its own"
    enter(page, "Focus on", "pramipexole")
    shows(page, rls_title("pramipexole"), label("pramipexole"))
    enter(page, "Focus on", "ropinirole")
    shows(page, rls_title("ropinirole"), label("ropinirole"))
    enter(page, "Search (label or alias)", "augmentation")
    shows(page, rls_title("ropinirole"), label("augmentation"))
    assert on_screen(page)[2]["selected"] == ["augmentation"]
    assert page.evaluate("() => history.length") == opened + 3, "one entry per change of view"
    page.go_back()
    shows(page, rls_title("ropinirole"), label("ropinirole"))
    assert on_screen(page)[2]["focus"] == ["ropinirole"] and "selected" not in on_screen(page)[2]
    page.go_back()
    shows(page, rls_title("pramipexole"), label("pramipexole"))
    assert on_screen(page)[2]["focus"] == ["pramipexole"]
    page.go_back()
    shows(page, rls_title(), "")
    assert "focus" not in on_screen(page)[2]
    page.go_forward()
    shows(page, rls_title("pramipexole"), label("pramipexole"))
    assert page.evaluate("() => network.getSelectedNodes()") == ["pramipexole"]


def test_the_copied_link_opens_the_same_view_selection_and_group(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1366, "height": 768},
                                  permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?selected=serum_ferritin")
        page.wait_for_function("() => window.network && network.getSelectedNodes()[0] === 'serum_ferritin'",
                               timeout=TIMEOUT_MS)
        group = page.evaluate("() => network.canvas.frame.closest('.kg-holder').getAttribute('data-open-cluster')")
        assert group, "selecting a node inside a group opens the group"
        page.get_by_text("Copy link to this view").click()
        page.get_by_role("button", name="Copy link").click()
        expect(page.get_by_text("Copied.")).to_be_visible(timeout=TIMEOUT_MS)
        link = page.evaluate("() => navigator.clipboard.readText()")
        assert link == page.get_by_role("textbox", name="Link to this view").input_value()
        assert parse_qs(urlsplit(link).query)["group"] == [group]
        other = context.new_page()
        other.goto(link)
        shows(other, rls_title(), label("serum_ferritin"))
        other.wait_for_function(f"""() => window.network && network.canvas.frame.closest('.kg-holder')
                                   .getAttribute('data-open-cluster') === {group!r}""", timeout=TIMEOUT_MS)
    finally:
        context.close()
