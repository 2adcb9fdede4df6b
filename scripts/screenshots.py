"""Screenshots of the app at the sizes students use, for looking at before a change is called done.

    .venv/bin/python scripts/screenshots.py                      # the default views, three sizes
    .venv/bin/python scripts/screenshots.py "?focus=rls" "?from=iron_deficiency&to=pregabalin"

Starts the app on a free loopback port, opens each view in Debian's headless Chromium at
1366×768, 1920×1080 and a 390×844 phone, waits until vis-network has drawn, and writes PNGs to
out/screenshots/. Nothing outside this machine is contacted.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.browser_timing import chromium, running, wait_for_controls

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "screenshots"
SIZES = ((1366, 768), (1920, 1080), (390, 844))
VIEWS = ("", "?focus=iron_deficiency", "?focus=rls", "?focus=rls&direction=in&kinds=cause",
         "?from=iron_deficiency&to=iv_ferric_carboxymaltose",
         "?claims=on&focus=rls")
DRAWN = "() => window.network && network.body.data.nodes.length > 0"


def file_name(view: str, width: int, height: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", view.casefold()).strip("-") or "overview"
    return f"{slug}-{width}x{height}.png"


def shoot(base: str, views: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with chromium() as browser:
        for width, height in SIZES:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url
                       else route.abort())
            for view in views:
                page.goto(f"{base}/{view}")
                page.wait_for_function(DRAWN, timeout=60_000)
                wait_for_controls(page, 60_000)  # the sidebar's controls follow the picture
                page.wait_for_timeout(1500)
                page.screenshot(path=str(OUT / file_name(view, width, height)))
                print(OUT / file_name(view, width, height))


def main() -> None:
    with running(ROOT, "app.py") as server:
        shoot(server.url, sys.argv[1:] or list(VIEWS))


if __name__ == "__main__":
    main()
