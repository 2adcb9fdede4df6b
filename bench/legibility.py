"""How legible the network is as drawn: label sizes in pixels and overlapping labels, per view.

Run from the repository root: ``.venv/bin/python -m bench.legibility [--page] [--size 1366x768] [--phone]
[--tablet]``; ``--phone`` adds each view again on a 390 × 844 touch phone, as rows ending "(phone)",
and ``--tablet`` on a 768 × 1024 touch tablet, upright, as rows ending "(tablet)".
By default it starts the Streamlit app on a free loopback port (internet blocked) and opens each
view by its URL, as a student would; ``--page`` measures the standalone page (``render_html``)
instead. Everything is read from vis-network's own state after it has drawn: a label's size on
screen is its font size times ``network.getScale()``; node boxes come from
``network.getBoundingBox(id)`` (shape and label), edge-label boxes from ``labelModule.size``.
A label counts as drawn when vis draws it at all, faded or not.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
READABLE_PX = 11.0
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
TABLET = {"viewport": {"width": 768, "height": 1024}, "has_touch": True, "is_mobile": True}
SMUDGE_PX = 9.0
VIEWS = {
    "focus iron deficiency": "?focus=iron_deficiency&depth=1",
    "focus augmentation": "?focus=augmentation&depth=1",
    "focus rls": "?focus=rls&depth=1",
    "focus meis1": "?focus=gene_meis1&depth=1",
    "overview": "",
    "path iron deficiency → IV FCM": "?from=iron_deficiency&to=iv_ferric_carboxymaltose",
    "focus rls, biggest group opened": "?focus=rls&depth=1#open",
    "claims, biggest claim group opened": "?claims=on#open:claim",
}
OPEN_BIGGEST_GROUP = """sort => { const group = network.body.data.nodes
    .get({filter: n => n.kg && n.kg.members.length && n.id.startsWith('group:' + sort)})
    .sort((a, b) => b.kg.members.length - a.kg.members.length)[0];
  if (!group) { return false; }
  const p = network.canvasToDOM(network.getPosition(group.id));
  const box = network.canvas.frame.canvas.getBoundingClientRect();
  return {x: box.left + p.x, y: box.top + p.y}; }"""

# Boxes are in screen pixels relative to the canvas. Node boxes: shape plus label when the label
# is drawn, shape alone when vis hides it. Only boxes that reach into the canvas count.
MEASURE = """() => {
  const net = window.network, scale = net.getScale(), canvas = net.canvas.frame.canvas;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  const screen = (l, t, r, b) => { const a = net.canvasToDOM({x: l, y: t}), z = net.canvasToDOM({x: r, y: b});
    return {l: a.x, t: a.y, r: z.x, b: z.y}; };
  const onScreen = box => box.r > 0 && box.l < width && box.b > 0 && box.t < height;
  const nodes = [], boxes = [];
  for (const id of net.body.nodeIndices) {
    const node = net.body.nodes[id], label = node.labelModule;
    const drawn = label.elementOptions.label !== undefined && label.visible();
    let box;
    if (drawn) { const bb = net.getBoundingBox(id); box = screen(bb.left, bb.top, bb.right, bb.bottom); }
    else { const w = (node.shape.width || 0) / 2, h = (node.shape.height || 0) / 2;
           box = screen(node.x - w, node.y - h, node.x + w, node.y + h); }
    if (!onScreen(box)) continue;
    const hasLabel = !!label.elementOptions.label;
    nodes.push({id: id, px: label.fontOptions.size * scale, drawn: drawn && hasLabel, hasLabel: hasLabel});
    boxes.push({id: id, what: 'node', box: box});
  }
  for (const id of net.body.edgeIndices) {
    const label = net.body.edges[id].labelModule;
    if (!label.elementOptions.label || !label.visible()) continue;
    const s = label.size, box = screen(s.left, s.top, s.left + s.width, s.top + s.height);
    if (onScreen(box)) boxes.push({id: id, what: 'edge', box: box, px: label.fontOptions.size * scale});
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i].box, b = boxes[j].box;
    const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    if (w > 1 && h > 1) overlaps.push([boxes[i].what + ':' + boxes[i].id, boxes[j].what + ':' + boxes[j].id]);
  }
  const edgeLabels = boxes.filter(b => b.what === 'edge').map(b => b.px);
  return {scale: scale, width: width, height: height, nodes: nodes, edgeLabels: edgeLabels, overlaps: overlaps};
}"""
RERUN_MS = 800  # a click reaches the app and its run starts within this
IDLE_APP = """() => { const app = document.querySelector('[data-test-script-state]');
  return !app || app.getAttribute('data-test-script-state') === 'notRunning'; }"""  # no app: a standalone page
SETTLED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def summary(state: dict[str, Any]) -> dict[str, Any]:
    """Figures for one view: visible nodes, drawn label sizes, share readable, smudges, edge labels
    drawn and the smallest of them (None: none drawn), overlaps."""
    labelled = [n for n in state["nodes"] if n["hasLabel"]]
    drawn = [n["px"] for n in labelled if n["drawn"]]
    readable = sum(1 for n in labelled if n["drawn"] and n["px"] >= READABLE_PX)
    return {
        "nodes": len(labelled), "zoom": state["scale"], "drawn": len(drawn),
        "min_px": min(drawn, default=0.0), "median_px": statistics.median(drawn) if drawn else 0.0,
        "readable_share": readable / len(labelled) if labelled else 1.0,
        "smudges": sum(1 for px in drawn + state["edgeLabels"] if px < SMUDGE_PX),
        "edge_labels": len(state["edgeLabels"]), "edge_min_px": min(state["edgeLabels"], default=None),
        "overlaps": len(state["overlaps"]),
        "canvas": f"{state['width']}x{state['height']}", "pairs": state["overlaps"],
    }


def measure(page: Any, url: str) -> dict[str, Any]:
    """Open ``url``, wait until vis-network has drawn and settled, and read its state. A URL
    ending in ``#open`` first opens the view's biggest group with a click, as a student would;
    ``#open:claim`` its biggest group of claims."""
    url, opening, sort = url.partition("#open")
    page.goto(url)
    page.wait_for_function("() => window.network !== undefined", timeout=60_000)
    page.locator("[data-drawn=yes]").first.wait_for(timeout=60_000)  # pierces the component's shadow root
    page.wait_for_timeout(600)  # any zoom animation (at most 500 ms) has finished
    page.evaluate(SETTLED)
    if opening and (spot := page.evaluate(OPEN_BIGGEST_GROUP, sort.removeprefix(":"))):
        page.mouse.click(spot["x"], spot["y"])
        page.locator("[data-open-cluster]").first.wait_for(timeout=60_000)
        after_rerun(page)
    return page.evaluate(MEASURE)


def after_rerun(page: Any) -> None:
    """Wait for the run an opened group brings (the app hears of it) and anything it moves on screen:
    what is measured is what stays there, not the moment after the click."""
    page.wait_for_timeout(RERUN_MS)
    page.wait_for_function(IDLE_APP, timeout=60_000)
    page.wait_for_timeout(600)  # any animation (at most 500 ms) the run started has finished
    page.evaluate(SETTLED)


def print_overlaps(rows: dict[str, dict[str, Any]]) -> None:
    for name, row in rows.items():
        for pair in row["pairs"]:
            print(f"{name}: {pair[0]} overlaps {pair[1]}")


def print_table(rows: dict[str, dict[str, Any]]) -> None:
    header = ("view", "canvas", "nodes", "zoom", "drawn", "min px", "median px", "≥11 px", "<9 px",
              "edge lbl", "edge min px", "overlaps")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for name, r in rows.items():
        edge_px = "–" if r["edge_min_px"] is None else f"{r['edge_min_px']:.1f}"
        print(f"{name} | {r['canvas']} | {r['nodes']} | {r['zoom']:.2f} | {r['drawn']} | {r['min_px']:.1f} | "
              f"{r['median_px']:.1f} | {r['readable_share']:.0%} | {r['smudges']} | {r['edge_labels']} | "
              f"{edge_px} | {r['overlaps']}")


@contextmanager
def streamlit_app() -> Iterator[str]:
    """The app on a free loopback port, stopped afterwards."""
    from tests.conftest import free_port

    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/_stcore/health")
        yield base + "/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"no answer from {url}")


def page_urls(folder: Path) -> dict[str, str]:
    """Each view written as a standalone page; name → file URL."""
    from graph import Explorer, ViewSpec

    explorer = Explorer.from_path(ROOT / "data" / "rls")
    urls = {}
    for index, (name, query) in enumerate(VIEWS.items()):
        from graph.present import render_html

        query, opening, sort = query.partition("#open")
        spec = ViewSpec.from_query(dict(p.split("=") for p in query.lstrip("?").split("&") if p))
        path = folder / f"view{index}.html"
        path.write_text(render_html(explorer.view(spec)), encoding="utf-8")
        urls[name] = path.as_uri() + opening + sort
    return urls


def run(standalone: bool, devices: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each view measured on each device (name suffix → browser context options)."""
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM_ARGS

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        if standalone:
            urls = page_urls(Path(folder))
            return {name + suffix: summary(measure(page, url)) for suffix, options in devices.items()
                    for page in [_page(browser, options)] for name, url in urls.items()}
        with streamlit_app() as base:
            return {name + suffix: summary(measure(page, base + query)) for suffix, options in devices.items()
                    for page in [_page(browser, options)] for name, query in VIEWS.items()}


def _page(browser: Any, options: dict[str, Any]) -> Any:
    """A page with these context options that may only reach this machine."""
    from tests.conftest import is_local

    page = browser.new_context(**options).new_page()
    page.route("**/*", lambda route: route.continue_() if is_local(route.request.url) else route.abort())
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", action="store_true", help="measure the standalone page, not the app")
    parser.add_argument("--size", default="1366x768", help="browser viewport, WIDTHxHEIGHT")
    parser.add_argument("--phone", action="store_true", help="also measure each view on a 390x844 touch phone")
    parser.add_argument("--tablet", action="store_true", help="also measure each view on a 768x1024 touch tablet")
    parser.add_argument("--overlaps", action="store_true", help="also list every overlapping pair")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    print(f"{'standalone page' if args.page else 'app'} at {args.size}")
    devices = {"": {"viewport": {"width": width, "height": height}}} | ({" (phone)": PHONE} if args.phone else {}) \
        | ({" (tablet)": TABLET} if args.tablet else {})
    rows = run(args.page, devices)
    print_table(rows)
    if args.overlaps:
        print_overlaps(rows)


if __name__ == "__main__":
    main()
