"""Every shared search case walked through the app's Focus on picker, as a student would: type, press Enter, read.

Run from the repository root: ``.venv/bin/python -m bench.search_walk``. It starts the app on a free
loopback port (internet blocked), types each RLS query of ``tests/data/search_cases.json`` into Focus
on, presses Enter and reads the node focused and the nodes offered; it prints each miss and the
median seconds a pick takes. The library's ranking meets every case in tests/test_search.py;
tests/test_search_browser.py walks every ladder case and one RLS case of each kind through the
picker, and this walks all 56 RLS cases (42 s here, a median of 0.54 s a pick).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bench.browser_timing import CONTROLS

ROOT = Path(__file__).resolve().parent.parent
CASES = json.loads((ROOT / "tests" / "data" / "search_cases.json").read_text(encoding="utf-8"))
TIMEOUT_MS = 30_000
Found = tuple[str | None, list[str]]


def cases(dataset: str) -> list[dict[str, Any]]:
    """The table's cases for one dataset (``rls`` or ``ladder``)."""
    return [case for case in CASES["cases"] if case["dataset"] == dataset]


def case_key(case: dict[str, Any]) -> str:
    """Query and expected node: unique in the table (a query may be there twice, as "iron" is)."""
    return case["query"] + "\0" + case.get("first", case.get("offers", ""))


def misses(found: dict[str, Found], table: list[dict[str, Any]]) -> list[str]:
    """The cases whose (chosen node, nodes offered) do not meet the table's expectation."""
    wrong = []
    for case in table:
        chosen, offered = found[case_key(case)]
        ok = chosen == case["first"] if "first" in case else case["offers"] in [chosen, *offered]
        if not ok:
            wrong.append(f"{case['query']!r}: {chosen}, offered {offered}")
    return wrong


def focus_of(page: Any) -> str | None:
    """The node the page's address says is focused."""
    return parse_qs(urlsplit(page.url).query).get("focus", [None])[0]


def pick_focus(page: Any, text: str) -> Found:
    """Type ``text`` into Focus on, press Enter; the node focused and the other nodes offered."""
    field = page.get_by_role("textbox", name="Focus on")
    field.fill(text)
    field.press("Enter")
    page.wait_for_function("([box, typed]) => box.value !== typed", arg=[field.element_handle(), text],
                           timeout=TIMEOUT_MS)
    page.locator("[data-test-script-state=notRunning]").wait_for(timeout=TIMEOUT_MS)
    offered = page.locator("[data-testid=stSidebar] [class*=st-key-focus_hit_]").evaluate_all(
        "boxes => boxes.map(box => [...box.classList].find(name => name.startsWith('st-key-focus_hit_')).slice(17))")
    return focus_of(page), offered


def walk(page: Any, table: list[dict[str, Any]]) -> tuple[list[str], list[float]]:
    """Pick every case of ``table`` in turn; the misses and the seconds each pick took."""
    found: dict[str, Found] = {}
    seconds = []
    for case in table:
        started = time.perf_counter()
        found[case_key(case)] = pick_focus(page, case["query"])
        seconds.append(time.perf_counter() - started)
    return misses(found, table), seconds


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.legibility import _page, streamlit_app
    from tests.conftest import CHROMIUM_ARGS

    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    table = cases("rls")
    with sync_playwright() as playwright, streamlit_app() as base:
        page = _page(playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS),
                     {"viewport": {"width": 1366, "height": 768}})
        page.goto(base)
        page.locator(CONTROLS).wait_for(timeout=TIMEOUT_MS)
        wrong, seconds = walk(page, table)
    print(f"{len(table) - len(wrong)} of {len(table)} cases met; median pick {statistics.median(seconds):.2f} s")
    print("\n".join(wrong))
    raise SystemExit(1 if wrong else 0)


if __name__ == "__main__":
    main()
