"""Time Streamlit apps in headless Chromium: navigation to first draw, to interactive, and server memory.

Servers bind 127.0.0.1 on a free port and are stopped when their block ends; the browser aborts
every request that is not to this machine, so the figures are the offline experience. Times are
wall-clock from the start of navigation, polled every 10 ms, and the same poll is used for our
app, the hello-world floor and pyvis's own default page, so the ratios compare like with like.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
VIEWPORT = {"width": 1366, "height": 768}
START_SECONDS = 60
POLL_SECONDS = 0.01
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
NEXT_FRAME = "new Promise(r => requestAnimationFrame(() => r(true)))"
CONTROLS = "[data-testid=stSidebar] .st-key-dataset_choice"  # the dataset picker, drawn with the controls
SKIPPED_ENTRIES = {".git", ".venv", "data", "out", ".cache", ".pytest_cache", ".ruff_cache"}

HELLO_APP = 'import streamlit as st\n\nst.write("Hello, world")\n'
PYVIS_APP = '''"""pyvis's own default: from_nx, physics on, in_line resources, shown with st.iframe."""
import re
import sys

import networkx as nx
import streamlit as st
from pyvis.network import Network

from graph import Explorer, ViewSpec

BOOTSTRAP = re.compile(r'<link\\s+href="https://cdn\\.jsdelivr\\.net[^>]*/>\\s*<script\\s+src="https://cdn\\.jsdelivr\\.net'
                       r'[^>]*>\\s*</script>', re.S)
HOOK = ("network.once('afterDrawing', function () { document.body.setAttribute('data-drawn', 'yes'); });"
        "network.once('stabilized', function () { document.body.setAttribute('data-still', 'yes'); });")


@st.cache_resource
def page(path: str) -> str:
    explorer = Explorer.from_path(path)
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(nx.DiGraph(explorer.view(ViewSpec()).graph))
    html = BOOTSTRAP.sub("", net.generate_html())
    marker = "network = new vis.Network(container, data, options);"
    return html.replace(marker, marker + HOOK)


st.iframe(page(sys.argv[1]), height=640)
'''


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def app_folder(datasets: dict[str, Path]) -> Iterator[Path]:
    """A copy of the checkout made of symlinks, whose data/ holds RLS and the synthetic datasets."""
    with tempfile.TemporaryDirectory(prefix="bench-app-") as folder:
        root = Path(folder)
        for entry in ROOT.iterdir():
            if entry.name not in SKIPPED_ENTRIES:
                (root / entry.name).symlink_to(entry)
        (root / "data").mkdir()
        (root / "data" / "rls").symlink_to(ROOT / "data" / "rls")
        for name, path in datasets.items():
            (root / "data" / (name + path.suffix)).symlink_to(path)
        (root / "hello_app.py").write_text(HELLO_APP)
        (root / "pyvis_app.py").write_text(PYVIS_APP)
        yield root


class Server:
    """``streamlit run SCRIPT`` in ``folder`` on a free loopback port; its peak memory on request."""

    def __init__(self, folder: Path, script: str, args: tuple[str, ...] = (),
                 env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
                   "--server.port", str(self.port), "--server.address", "127.0.0.1",
                   "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", "--", *args]
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop(), with the server
        self.process = subprocess.Popen(command, cwd=folder, stdout=self.log, stderr=subprocess.STDOUT,
                                        env={**os.environ, "PYTHONPATH": str(folder), **(env or {})})
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        self.log.seek(0)
        raise RuntimeError(f"streamlit did not start:\n{self.log.read().decode(errors='replace')[-2000:]}")

    def peak_rss_mib(self) -> float:
        """The server process's peak resident memory (VmHWM), in MiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user + system)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def static_file_ms(self, count: int = 20) -> float:
        """Median milliseconds to fetch one of the page's own script files over one kept-alive
        connection, as a browser does: Streamlit's server without uvloop holds each response
        about 40 ms (Nagle's algorithm on its sockets meets the client's delayed ACK)."""
        with urllib.request.urlopen(self.url) as response:
            files = re.findall(r'src="\.?/?(static/js/[^"]+)"', response.read().decode())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        times = [self._fetch_ms(connection, "/" + files[index % len(files)]) for index in range(count)]
        connection.close()
        return statistics.median(times)

    @staticmethod
    def _fetch_ms(connection: http.client.HTTPConnection, path: str) -> float:
        started = time.perf_counter()
        connection.request("GET", path)
        connection.getresponse().read()
        return (time.perf_counter() - started) * 1000

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@contextmanager
def running(folder: Path, script: str, args: tuple[str, ...] = (),
            env: dict[str, str] | None = None) -> Iterator[Server]:
    server = Server(folder, script, args, env)
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium through Playwright (never Playwright's own browser download)."""
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _offline(route: Any) -> None:
    if urlsplit(route.request.url).hostname in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        route.abort()


@contextmanager
def fresh_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.route("**/*", _offline)
    try:
        yield page
    finally:
        context.close()


def navigate(browser: Any, url: str, milestones: dict[str, Callable[[Any], bool]],
             timeout: float) -> dict[str, float]:
    """Seconds from the start of navigation until each milestone, in order, first holds (inf if never)."""
    reached: dict[str, float] = {}
    with fresh_page(browser) as page:
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        pending = list(milestones)
        while pending and time.perf_counter() - started < timeout:
            while pending and _holds(milestones[pending[0]], page):  # in order: interactive follows drawn
                reached[pending.pop(0)] = time.perf_counter() - started
            page.wait_for_timeout(POLL_SECONDS * 1000)
    return {name: reached.get(name, float("inf")) for name in milestones}


def _holds(check: Callable[[Any], bool], page: Any) -> bool:
    try:
        return bool(check(page))
    except Exception:  # a page mid-navigation can refuse any query: try again on the next poll
        return False


def text_shown(text: str) -> Callable[[Any], bool]:
    return lambda page: page.get_by_text(text).count() > 0


def network_drawn(page: Any) -> bool:
    """Our component marks its holder once vis-network has drawn (the locator pierces shadow DOM)."""
    return page.locator("[data-drawn=yes]").count() > 0


def app_idle(page: Any) -> bool:
    """Streamlit has finished running the script, and the page's main thread answers in a frame."""
    if page.locator("[data-test-script-state=running]").count() > 0:
        return False
    if page.locator("[data-test-script-state]").count() == 0:
        return False
    return page.evaluate(NEXT_FRAME)


def controls_shown(page: Any) -> bool:
    """The sidebar's controls are on the page (a session's first run draws the network without them)."""
    return page.locator(CONTROLS).count() > 0


def wait_for_controls(page: Any, timeout_ms: float) -> None:
    """Wait until the sidebar's controls have come: the page as a person finds it to work with."""
    page.locator(CONTROLS).first.wait_for(state="attached", timeout=timeout_ms)


def interactive(page: Any) -> bool:
    return network_drawn(page) and controls_shown(page) and app_idle(page)


def frame_seconds(page: Any) -> float:
    """How long the page takes to answer with its next animation frame: a frozen tab never does."""
    started = time.perf_counter()
    page.evaluate(NEXT_FRAME)
    return time.perf_counter() - started


def frame_flag(name: str) -> Callable[[Any], bool]:
    """True once any frame's body carries ``data-NAME`` (pyvis's page runs inside st.iframe)."""
    def check(page: Any) -> bool:
        return any(frame.evaluate(f"!!(document.body && document.body.dataset.{name})")
                   for frame in page.frames[1:])
    return check
