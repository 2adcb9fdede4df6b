"""The browser's own Back and Forward walk through the views a student chose, in Chromium.

Each deliberate change of view (a focus, a selection) is one entry of the tab's history; Back and
Forward put that entry's view and selection back on screen, not only its address.
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
    title = page.locator('[data-testid="stMainBlockContainer"] h3').first.inner_text()
    heading = page.locator(".st-key-details h3")
    return title, heading.inner_text() if heading.count() else "", parse_qs(urlsplit(page.url).query)


def shows(page: Any, title: str, heading: str) -> None:
    """Wait until the page shows the view ``title`` with ``heading`` in the details panel."""
    from playwright.sync_api import expect

    expect(page.locator('[data-testid="stMainBlockContainer"] h3').first).to_have_text(title, timeout=TIMEOUT_MS)
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
