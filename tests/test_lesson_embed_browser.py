"""The lesson page inside a course page: nothing scrolls on load, links open in a new tab.

A course page (Moodle, Canvas, a blog) embeds the lesson in an iframe below its own content. A
focus view selects its node on load; that must not scroll the host page (``scrollIntoView``
scrolls every ancestor) nor, on a phone, the lesson past its title.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ViewSpec
from graph.export import export_bytes

RLS = Path(__file__).parent.parent / "data" / "rls"
HOST = """<!doctype html><title>Course</title><body style="margin:0">
<div style="height:1400px;background:#eee">The course's own content</div>
<iframe id="lesson" src="lesson.html" width="800" height="500"></iframe>
<div style="height:1400px"></div></body>"""


@pytest.fixture(scope="module")
def lesson_html() -> bytes:
    return export_bytes(Explorer.from_path(RLS).view(ViewSpec(focus="iron_deficiency")), "html")


def open_offline(context: Any, url: str) -> Any:
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(url)
    return page


@pytest.mark.browser
def test_an_embedded_lesson_does_not_scroll_its_host(browser: Any, tmp_path: Path, lesson_html: bytes) -> None:
    (tmp_path / "lesson.html").write_bytes(lesson_html)
    (tmp_path / "host.html").write_text(HOST)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = open_offline(context, (tmp_path / "host.html").as_uri())
        frame = page.frame_locator("#lesson")
        frame.locator("#lesson-details h2").wait_for(state="attached", timeout=30_000)  # the focus is selected
        page.wait_for_timeout(800)  # a smooth scroll would have started by now
        assert page.evaluate("window.scrollY") == 0
        heading = frame.locator("#lesson-details h2").text_content()
        assert heading == "Systemic iron deficiency (with or without anaemia)"
        links = frame.locator("#lesson-details a[href^='http']")
        assert links.count() > 0
        assert all(links.nth(i).get_attribute("target") == "_blank" for i in range(links.count()))
        assert all("noopener" in (links.nth(i).get_attribute("rel") or "") for i in range(links.count()))
    finally:
        context.close()


@pytest.mark.browser
def test_on_a_phone_the_lesson_opens_at_its_title(browser: Any, tmp_path: Path, lesson_html: bytes) -> None:
    (tmp_path / "lesson.html").write_bytes(lesson_html)
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = open_offline(context, (tmp_path / "lesson.html").as_uri())
        page.locator("body[data-drawn=yes]").wait_for(timeout=30_000)
        page.wait_for_timeout(800)
        assert page.evaluate("window.scrollY") == 0
        assert page.locator("h1").first.is_visible()
    finally:
        context.close()
