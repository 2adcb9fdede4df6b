"""axe-core, the accessibility engine, over the app's main views at desktop and phone sizes.

One page per size walks the home view, a focus, a path, a tour step and the quiz; axe is injected
once per state (a new address is a new page) and must find no serious or critical violation, nor
a heading that skips a level (``heading-order``, moderate, but it breaks a screen reader's outline).
Skipped unless ``AXE_JS`` names axe-core's ``axe.min.js`` (scripts/test.sh installs it from npm).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30_000
SIZES = {"desktop": {"viewport": {"width": 1366, "height": 768}},
         "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}}
STATES = {"home": "", "focus": "?focus=pramipexole", "path": "?from=iron_deficiency&to=augmentation",
          "tour step": "?tour=iron-to-urge&step=2"}
SERIOUS = ("serious", "critical")
ALSO = ("heading-order",)
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " "))}));
}"""


@pytest.fixture(scope="module")
def axe_script() -> Path:
    script = os.environ.get("AXE_JS")
    if not script:
        pytest.skip("set AXE_JS to axe-core's axe.min.js to run the accessibility checks")
    return Path(script)


def violations(page: Any, axe_script: Path) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now, and those of the rules in ALSO."""
    if not page.evaluate("() => Boolean(window.axe)"):
        page.add_script_tag(path=str(axe_script))
    return [v for v in page.evaluate(RUN_AXE) if v["impact"] in SERIOUS or v["id"] in ALSO]


def open_state(page: Any, url: str) -> None:
    """Open ``url`` and wait for the run that brings the sidebar's controls to end."""
    page.goto(url)
    page.locator(".kg-network[data-drawn=yes]").wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("The controls appear once the graph is drawn.").wait_for(state="detached", timeout=TIMEOUT_MS)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=TIMEOUT_MS)


def open_quiz(page: Any) -> None:
    from playwright.sync_api import expect

    panel = page.locator('[data-testid="stExpander"]', has_text="Quiz yourself on this view")
    panel.get_by_text("Quiz yourself on this view").click()
    panel.get_by_role("button", name="Start a quiz on this view").click()
    expect(panel.get_by_text("Question 1 of")).to_be_visible(timeout=TIMEOUT_MS)


@pytest.mark.parametrize("size", SIZES)
def test_axe_finds_no_serious_violation(browser: Any, app_url: str, axe_script: Path, size: str) -> None:
    context = browser.new_context(**SIZES[size])
    page = context.new_page()
    found = {}
    for name, query in STATES.items():
        open_state(page, f"{app_url}/{query}")
        found[name] = violations(page, axe_script)
    open_quiz(page)
    found["quiz"] = violations(page, axe_script)
    context.close()
    problems = [f"{name}: {v['id']} ({v['impact']}) at {node}" for name, found_here in found.items()
                for v in found_here for node in v["nodes"]]
    assert problems == [], "\n".join(problems)
