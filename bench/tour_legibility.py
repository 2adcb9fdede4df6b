"""Every step of every bundled tour, as the app draws it at 1366 × 768: label sizes and overlaps.

Run from the repository root: ``.venv/bin/python -m bench.tour_legibility``. It starts the app on a
free loopback port (internet blocked), opens each RLS tour by its link and presses Next to the end,
reading each step with the measurement of bench/legibility.py once the step's nodes are drawn and
settled. It prints one row per step and exits 1 if a step breaks the readability rules (at least
90 % of labels at 11 px or more, none below 9 px, no overlaps). tests/test_browser_learning.py walks
one tour this way; this walks all five (37 steps, 80 s here).
"""

from __future__ import annotations

import argparse
import json
import shutil
from functools import cache
from pathlib import Path
from typing import Any

from bench.legibility import MEASURE, READABLE_PX, SETTLED, summary

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 30_000
MIN_READABLE_SHARE = 0.9
NODE_IDS = "() => window.network ? network.body.data.nodes.getIds().sort() : []"


@cache
def rls() -> Any:
    """The bundled dataset's explorer, loaded once."""
    from graph import Explorer

    return Explorer.from_path(ROOT / "data" / "rls")


def step_nodes(position: Any) -> list[str]:
    """The node ids a tour step's view holds, sorted as ``NODE_IDS`` reads them."""
    return sorted(rls().view(position.spec).graph)


def wait_for_nodes(page: Any, nodes: list[str]) -> None:
    """Wait until vis-network holds exactly ``nodes`` and has drawn them."""
    wanted = json.dumps(json.dumps(nodes, separators=(",", ":")))
    page.wait_for_function(f"() => JSON.stringify(({NODE_IDS})()) === {wanted}", timeout=TIMEOUT_MS)
    page.locator("[data-drawn=yes]").first.wait_for(timeout=TIMEOUT_MS)


def measure(page: Any, position: Any) -> dict[str, Any]:
    """Wait until the step's view is drawn and settled, then read its legibility figures."""
    wait_for_nodes(page, step_nodes(position))
    page.wait_for_timeout(600)  # any zoom animation (at most 500 ms) has finished
    page.evaluate(SETTLED)
    return summary(page.evaluate(MEASURE))


def walk(page: Any, app_url: str, tour_id: str) -> dict[int, dict[str, Any]]:
    """Open the tour's first step by its link, then press Next to the end, measuring each step."""
    from graph.teaching import start_tour

    position = start_tour(rls().dataset, tour_id)
    page.goto(f"{app_url}/?tour={tour_id}&step=1")
    figures = {1: measure(page, position)}
    while not position.is_last:
        page.locator(".st-key-tour_step").get_by_role("button", name="Next →").click()
        position = position.next()
        figures[position.number] = measure(page, position)
    return figures


def illegible(tour_id: str, figures: dict[int, dict[str, Any]]) -> list[str]:
    """The steps of one walked tour that break the readability rules, described."""
    return [f"{tour_id} step {number}: {step}" for number, step in figures.items()
            if step["readable_share"] < MIN_READABLE_SHARE or step["smudges"] or step["overlaps"]]


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.legibility import _page, streamlit_app
    from tests.conftest import CHROMIUM_ARGS

    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    failures: list[str] = []
    print("tour | step | labels | min px | readable | smudges | overlaps")
    with sync_playwright() as playwright, streamlit_app() as base:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for tour in rls().dataset.tours:
            figures = walk(_page(browser, {"viewport": {"width": 1366, "height": 768}}), base.rstrip("/"), tour.id)
            for number, step in figures.items():
                print(f"{tour.id} | {number} | {step['nodes']} | {step['min_px']:.1f} | "
                      f"{step['readable_share']:.0%} | {step['smudges']} | {step['overlaps']}")
            failures += illegible(tour.id, figures)
    print("\n".join(failures) or f"every step legible (labels ≥ {READABLE_PX} px, no overlaps)")
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
