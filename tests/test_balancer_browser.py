"""Replicas behind nginx (deploy/nginx/kg.conf) in headless Chromium: uploads reach their own replica,
and a page whose replica stops is told to reload.

Three servers of the app and nginx run on loopback (bench/balancer.py, which installs Debian's
nginx when it is missing). Round-robin had sent 2 of 3 uploads to a replica that did not hold the
session (HTTP 400), and a page whose replica stopped was reconnected elsewhere with its upload lost
and nothing said.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psutil
import pytest

from bench.balancer import Balancer, balanced
from tests.conftest import VIEWPORT, is_local
from tests.test_browser_app import TIMEOUT_MS, TINY, upload
from ui.network import RECONNECTED_TEXT

pytestmark = pytest.mark.browser

CONTROLS = "[data-testid=stSidebar] [data-testid=stTextInput]"
ROUTE = "kgroute"


@pytest.fixture(scope="module")
def balancer() -> Iterator[Balancer]:
    with balanced(3) as running:
        yield running


@contextmanager
def offline_page(browser: Any, base_url: str, route: str | None = None) -> Iterator[Any]:
    """A page that may only talk to this machine, with the route cookie ``route`` if given."""
    context = browser.new_context(viewport=VIEWPORT)
    if route:
        context.add_cookies([{"name": ROUTE, "value": route, "url": base_url}])
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if is_local(r.request.url) else r.abort())
    try:
        yield page
    finally:
        context.close()


def open_app(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(CONTROLS, timeout=TIMEOUT_MS * 2)


def connections(balancer: Balancer) -> list[set[tuple[str, int]]]:
    """The established connections into each replica (nginx's, for pages and websockets), each
    named by its far end, so that a connection opened later is told apart from one that closed."""
    ports = [server.port for server in balancer.replicas]
    found: dict[int, set[tuple[str, int]]] = {port: set() for port in ports}
    for connection in psutil.net_connections("tcp"):
        if connection.status == psutil.CONN_ESTABLISHED and connection.laddr.port in found:
            found[connection.laddr.port].add((connection.raddr.ip, connection.raddr.port))
    return [found[port] for port in ports]


def test_an_upload_works_in_every_session_through_the_balancer(browser: Any, balancer: Balancer) -> None:
    with offline_page(browser, balancer.url) as first, offline_page(browser, balancer.url) as second, \
            offline_page(browser, balancer.url) as third:
        pages = [first, second, third]
        for page in pages:
            open_app(page, balancer.url)
        for page in pages:
            upload(page, TINY)
        titles = [page.locator("[data-testid=stMain] h2").first.inner_text() for page in pages]
        assert titles == ["Tiny test graph"] * 3
        assert all(page.context.cookies()[0]["name"] == ROUTE for page in pages)


def test_a_page_whose_replica_stops_is_told_to_reload(browser: Any, balancer: Balancer) -> None:
    before = connections(balancer)
    with offline_page(browser, balancer.url, route="one-student") as page:
        open_app(page, balancer.url)
        added = [len(after - earlier) for after, earlier in zip(connections(balancer), before, strict=True)]
        assert sorted(added)[-2] == 0 < max(added), added  # every request of the page went to one replica
        serving = balancer.replicas[added.index(max(added))]
        assert page.get_by_text(RECONNECTED_TEXT).count() == 0
        serving.stop()
        act_until_told(page)
        page.wait_for_selector(CONTROLS, timeout=TIMEOUT_MS)


def act_until_told(page: Any, attempts: int = 12) -> None:
    """Search, as a reader would, until the notice shows. Streamlit reconnects the page to a new
    session without running the app, so the reader is told on their next action (a search typed
    while the page is still reconnecting is lost, and typed again)."""
    from playwright.sync_api import Error

    search = page.get_by_role("textbox", name="Search (label or alias)")
    for attempt in range(attempts):
        try:
            search.fill("iron", timeout=TIMEOUT_MS // 6)
            search.press("Enter")
            page.get_by_text(RECONNECTED_TEXT).wait_for(timeout=TIMEOUT_MS // 6)
            return
        except Error:
            if attempt == attempts - 1:
                raise
