"""The shared search cases in Chromium: the app's Focus on picker, its search box typed into at once, the lesson page.

tests/data/search_cases.json is the table tests/test_search.py runs against the library and
tests/js/lesson_search.test.js against the lesson page's script; here a person's path is taken:
type, press Enter, read what was chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.search_walk import CASES, CONTROLS, TIMEOUT_MS, case_key, cases, focus_of, misses, walk
from graph import Explorer, ViewSpec
from graph.export import export_bytes

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
RLS_KINDS = {"Willis-Ekbom", "L-dopa", "dopamine agonist", "iron", "feritin"}
SEARCH = "Search (label or alias)"
RLS_IRON = "Systemic iron deficiency (with or without anaemia)"


def test_the_focus_picker_meets_the_rls_cases_of_each_kind(page: Any, app_url: str) -> None:
    """One RLS case of each kind the ladder has no twin for (dash folding, a hyphenated alias, an alias
    three nodes share, a query in the table twice, a misspelling's other match); ``python -m
    bench.search_walk`` walks all 56."""
    table = [case for case in cases("rls") if case["query"] in RLS_KINDS]
    assert {case["query"] for case in table} == RLS_KINDS
    page.goto(app_url)
    page.locator(CONTROLS).wait_for(timeout=TIMEOUT_MS)
    assert walk(page, table)[0] == []


def test_the_focus_picker_meets_every_ladder_case(page: Any, app_url: str) -> None:
    page.goto(app_url)
    page.locator(CONTROLS).wait_for(timeout=TIMEOUT_MS)
    upload = page.locator('[data-testid="stSidebar"] input[type="file"]')
    upload.set_input_files(ROOT / "tests" / "data" / "search.yaml")
    page.get_by_role("heading", name="Search ladder test graph").wait_for(timeout=TIMEOUT_MS)
    page.locator("[data-test-script-state=notRunning]").wait_for(timeout=TIMEOUT_MS)  # the upload's run is over
    assert walk(page, cases("ladder"))[0] == []


# Typing at once ------------------------------------------------------------------------------

def click_and_type(page: Any, text: str) -> str:
    """As a person does: click where the search box is, type ``text`` and Enter at once; the
    heading of the details then shown. A box that moved, or was replaced, after the click loses
    the keys or sends them to another control."""
    box = page.get_by_role("textbox", name=SEARCH).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    heading = page.locator(".st-key-details h3")
    heading.first.wait_for(timeout=TIMEOUT_MS)
    page.locator("[data-test-script-state=notRunning]").wait_for(timeout=TIMEOUT_MS)
    return heading.first.inner_text()


def test_typing_the_instant_the_page_loads_reaches_the_right_node(page: Any, app_url: str) -> None:
    """The search box is drawn with the first picture; text typed into it as soon as it is there
    survives the run that brings the other controls, and Enter selects the right node."""
    page.goto(app_url, wait_until="commit")
    page.get_by_role("textbox", name=SEARCH).wait_for(timeout=TIMEOUT_MS)
    assert click_and_type(page, "iron deficiency") == RLS_IRON
    assert page.get_by_role("textbox", name=SEARCH).input_value() == "iron deficiency"
    assert focus_of(page) is None


def test_typing_the_instant_the_controls_appear_reaches_the_right_node(page: Any, app_url: str) -> None:
    page.goto(app_url, wait_until="commit")
    page.locator(CONTROLS).wait_for(state="attached", timeout=TIMEOUT_MS)
    assert click_and_type(page, "iron deficiency") == RLS_IRON
    assert focus_of(page) is None


# The lesson page -----------------------------------------------------------------------------

def lesson_search(page: Any, text: str) -> tuple[str | None, list[str]]:
    """Type ``text`` into the lesson page's search; the nodes offered, then the node Enter opens."""
    page.fill("#lesson-search", text)
    offered = page.eval_on_selector_all("#lesson-results button", "buttons => buttons.map(b => b.dataset.node)")
    page.press("#lesson-search", "Enter")
    return page.evaluate("document.getElementById('lesson-details').dataset.node || null"), offered


@pytest.mark.parametrize("dataset", list(CASES["datasets"]))
def test_the_lesson_page_meets_every_case(page: Any, tmp_path: Path, dataset: str) -> None:
    path = tmp_path / "lesson.html"
    path.write_bytes(export_bytes(Explorer.from_path(ROOT / CASES["datasets"][dataset]).view(ViewSpec()), "html"))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-drawn=yes]", timeout=TIMEOUT_MS)
    table = cases(dataset)
    found = {case_key(case): lesson_search(page, case["query"])
             for case in table}
    assert misses(found, table) == []
    assert all(next(iter(offered), None) == chosen for chosen, offered in found.values()), "Enter picks the first shown"
