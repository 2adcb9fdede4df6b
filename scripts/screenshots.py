"""Screenshots of the app at the sizes students use, for looking at before a change is called done.

    .venv/bin/python scripts/screenshots.py                      # the default views, three sizes
    .venv/bin/python scripts/screenshots.py "?focus=rls" "?from=iron_deficiency&to=pregabalin"

Starts the app on a free loopback port, opens each view in Debian's headless Chromium at
1366×768, 1920×1080 and 768×1024, waits until vis-network has drawn, and writes PNGs to
out/screenshots/. Nothing outside this machine is contacted.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "screenshots"
SIZES = ((1366, 768), (1920, 1080), (768, 1024))
VIEWS = ("", "?focus=iron_deficiency", "?focus=rls", "?from=iron_deficiency&to=iv_ferric_carboxymaltose",
         "?claims=on&focus=rls")
DRAWN = "() => window.network && network.body.data.nodes.length > 0"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_app(port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return process
        except OSError:
            time.sleep(0.25)
    process.kill()
    raise SystemExit("the app did not start")


def file_name(view: str, width: int, height: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", view.casefold()).strip("-") or "overview"
    return f"{slug}-{width}x{height}.png"


def shoot(base: str, views: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=args)
        for width, height in SIZES:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url
                       else route.abort())
            for view in views:
                page.goto(f"{base}/{view}")
                page.wait_for_function(DRAWN, timeout=60_000)
                page.wait_for_timeout(1500)
                page.screenshot(path=str(OUT / file_name(view, width, height)))
                print(OUT / file_name(view, width, height))
        browser.close()


def main() -> None:
    port = free_port()
    process = start_app(port)
    try:
        shoot(f"http://127.0.0.1:{port}", sys.argv[1:] or list(VIEWS))
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
