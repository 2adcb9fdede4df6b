"""The app on a 390 × 844 touch phone: what the first screen gives to the disclaimer."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30_000
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
TWO_LINES_PX = 2 * 0.875 * 16 * 1.4 + 2  # two lines of the notice's 0.875 rem text at line height 1.4


def test_on_a_phone_the_disclaimer_takes_two_lines_and_a_tap_shows_all(browser: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(app_url)
    page.locator(".kg-network[data-drawn=yes]").wait_for(timeout=TIMEOUT_MS)
    expect(page.locator(".st-key-notice")).to_be_hidden()
    summary = page.locator(".kg-notice summary")
    expect(summary).to_be_visible()
    assert summary.bounding_box()["height"] <= TWO_LINES_PX
    rest = page.locator(".kg-notice p")
    expect(rest).to_be_hidden()
    summary.tap()
    expect(rest).to_be_visible()
    expect(rest).to_contain_text("talk to a clinician")
    page.screenshot(path="out/screenshots/phone_notice_open.png")
    context.close()

