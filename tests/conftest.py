"""Shared fixtures: the app served on loopback, and a headless Chromium that may only talk to it.

The browser fixtures import Playwright lazily, so the rest of the suite runs without it. Every
request to a host other than 127.0.0.1 or localhost is aborted and recorded; a test that caused
one fails at teardown, so "it renders" always means "it renders with no internet".
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
LOCAL_SCHEMES = frozenset({"file", "data", "blob", "about"})
SERVER_START_SECONDS = 30
VIEWPORT = {"width": 1366, "height": 768}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_local(url: str) -> bool:
    """True for loopback http(s)/ws(s) URLs and for URLs that never leave the machine."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


def offline_guard(blocked: list[str]) -> Callable[[Any], None]:
    """A Playwright route handler that lets local requests through and aborts, and records in
    ``blocked``, every request for another host."""
    def guard(route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    return guard


def wait_for_health(base_url: str, process: subprocess.Popen, log: Path) -> None:
    """Poll Streamlit's health endpoint until it answers 200; fail with the server log if not."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"streamlit did not answer /_stcore/health in {SERVER_START_SECONDS} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run ``streamlit run app.py`` headless on a free loopback port; yield its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base_url, process, log)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, driven by Playwright (never Playwright's own download)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def blocked_requests() -> list[str]:
    """URLs the page tried to reach outside this machine (filled by the ``page`` fixture)."""
    return []


@pytest.fixture(scope="session")
def desktop(browser: Any) -> Iterator[Any]:
    """One 1366×768 browser context for every ``page``: pages opened in it reuse the app's cached
    scripts, as a student's second tab would, instead of fetching and compiling them each time."""
    context = browser.new_context(viewport=VIEWPORT)
    yield context
    context.close()


@pytest.fixture
def page(desktop: Any, blocked_requests: list[str]) -> Iterator[Any]:
    """A fresh 1366×768 page that aborts and records every non-local request and websocket; a test
    fails if the page tried to go online or, at its end, shows a Streamlit exception. Cookies and
    storage are cleared after it, so no test sees another's."""
    page = desktop.new_page()

    def refuse_socket(socket_route: Any) -> None:
        blocked_requests.append(socket_route.url)
        socket_route.close()

    page.route("**/*", offline_guard(blocked_requests))
    page.route_web_socket(lambda url: not is_local(url), refuse_socket)
    yield page
    app_errors = [] if page.is_closed() else page.locator("[data-testid=stException]").all_inner_texts()
    forget(page)
    assert app_errors == [], f"the app showed an error: {app_errors}"
    assert blocked_requests == [], f"the page tried to reach the internet: {blocked_requests}"


def forget(page: Any) -> None:
    """Close ``page`` and clear what it left in its context: cookies and permissions (the app keeps
    nothing in web storage)."""
    context = page.context
    page.close()
    context.clear_cookies()
    context.clear_permissions()
