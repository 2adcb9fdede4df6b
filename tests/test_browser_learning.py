"""Guided tours in headless Chromium: a tour link opens at its step, Next moves the drawn graph
and the link, and every step of the RLS tours is legible as drawn at 1366x768.

Legibility is read from vis-network's own state with the measurement of bench/legibility.py:
label size on screen (font size times zoom) and overlapping label and node boxes. The thresholds
are the readability rules: at least 90 % of labels at 11 px or more, none below 9 px, no overlaps.
Tour links name a bundled dataset's tour, so those tests run on the RLS tours (what each step should
show comes from the library, not from this file); the escaping tests upload small test datasets.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from bench.legibility import MEASURE, READABLE_PX, SETTLED, summary
from graph import Explorer, ViewSpec
from graph.teaching import TourPosition, make_quiz, start_tour
from tests.helpers import record_dialogs

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "out" / "screenshots"
LEARNING = ROOT / "tests" / "data" / "learning.yaml"
XSS = ROOT / "tests" / "data" / "xss.yaml"
TIMEOUT_MS = 30_000
NODE_IDS = "() => window.network ? network.body.data.nodes.getIds().sort() : []"
MIN_READABLE_SHARE = 0.9


@cache
def rls() -> Explorer:
    return Explorer.from_path(ROOT / "data" / "rls")


def step_nodes(position: TourPosition) -> list[str]:
    return sorted(rls().view(position.spec).graph)


def wait_for_nodes(page: Any, nodes: list[str]) -> None:
    """Wait until vis-network holds exactly ``nodes`` and has drawn them."""
    wanted = json.dumps(json.dumps(nodes, separators=(",", ":")))
    page.wait_for_function(f"() => JSON.stringify(({NODE_IDS})()) === {wanted}", timeout=TIMEOUT_MS)
    page.locator("[data-drawn=yes]").first.wait_for(timeout=TIMEOUT_MS)


def step_panel(page: Any) -> Any:
    return page.locator(".st-key-tour_step")


def test_a_tour_link_opens_at_its_step_and_next_moves_on(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    position = start_tour(rls().dataset, "dopamine-agonists", 3)
    page.goto(f"{app_url}/?tour=dopamine-agonists&step=3")
    wait_for_nodes(page, step_nodes(position))
    expect(step_panel(page)).to_contain_text(f"{position.tour.title} · Step 3 of {len(position.tour.steps)}")
    expect(step_panel(page)).to_contain_text(" ".join(position.step.caption.split()))
    page.screenshot(path=str(SHOTS / "tour-link.png"))
    step_panel(page).get_by_role("button", name="Next →").click()
    wait_for_nodes(page, step_nodes(position.next()))
    page.wait_for_url(re.compile(r"[?&]step=4(&|$)"), timeout=TIMEOUT_MS)
    assert "tour=dopamine-agonists" in page.url


def measure(page: Any, position: TourPosition) -> dict[str, Any]:
    """Wait until the step's view is drawn and settled, then read its legibility figures."""
    wait_for_nodes(page, step_nodes(position))
    page.wait_for_timeout(600)  # any zoom animation (at most 500 ms) has finished
    page.evaluate(SETTLED)
    return summary(page.evaluate(MEASURE))


def walk(page: Any, app_url: str, tour_id: str) -> dict[int, dict[str, Any]]:
    """Open the tour's first step by its link, then press Next to the end, measuring each step."""
    position = start_tour(rls().dataset, tour_id)
    page.goto(f"{app_url}/?tour={tour_id}&step=1")
    figures = {1: measure(page, position)}
    while not position.is_last:
        step_panel(page).get_by_role("button", name="Next →").click()
        position = position.next()
        figures[position.number] = measure(page, position)
    return figures


@pytest.mark.parametrize("tour_id", [tour.id for tour in rls().dataset.tours])
def test_every_rls_tour_step_is_legible_at_1366x768(page: Any, app_url: str, tour_id: str) -> None:
    failures = [f"{tour_id} step {number}: {figures}" for number, figures in walk(page, app_url, tour_id).items()
                if figures["readable_share"] < MIN_READABLE_SHARE or figures["smudges"] or figures["overlaps"]]
    assert failures == [], f"steps not legible (labels ≥ {READABLE_PX} px, no overlaps):\n" + "\n".join(failures)


# Dataset text stays text ------------------------------------------------------------------------

def upload(page: Any, app_url: str, path: Path) -> None:
    """Open the app, upload ``path`` and wait until its whole graph is drawn."""
    page.goto(app_url)
    page.wait_for_function("() => window.network && network.body.data.nodes.length > 0", timeout=TIMEOUT_MS)
    page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(path)
    wait_for_nodes(page, sorted(Explorer.from_path(path).view().graph))


def test_a_caption_shows_its_markup_as_text(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    upload(page, app_url, LEARNING)
    position = start_tour(Explorer.from_path(LEARNING).dataset, "iron-story")
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name=position.tour.title).click()
    wait_for_nodes(page, sorted(Explorer.from_path(LEARNING).view(position.spec).graph))
    caption = position.step.caption
    assert "**low iron**" in caption and "<b>" in caption and "](a-link)" in caption
    shown = step_panel(page).locator('[data-testid="stMarkdownContainer"]', has_text="It starts with")
    expect(shown).to_have_text(caption)
    assert shown.locator("b, a, strong, em").count() == 0


def test_a_quiz_shows_dataset_text_literally(page: Any, app_url: str) -> None:
    from playwright.sync_api import expect

    dialogs = record_dialogs(page)
    upload(page, app_url, XSS)
    show_claims = page.get_by_role("button", name=re.compile(r"claims? hidden: show the claims layer"))
    show_claims.click()
    expect(show_claims).to_have_count(0, timeout=TIMEOUT_MS)  # the claims layer is on before the quiz starts
    quiz = make_quiz(Explorer.from_path(XSS), ViewSpec(claims=True), seed=1, count=5)
    panel = page.locator('[data-testid="stExpander"]', has_text="Quiz yourself on this view")
    panel.get_by_text("Quiz yourself on this view").click()
    panel.get_by_role("button", name="Start a quiz on this view").click()
    question = quiz.questions[0]
    expect(panel.get_by_text(f"Question 1 of {len(quiz.questions)}.")).to_be_visible(timeout=TIMEOUT_MS)
    expect(panel).to_contain_text(question.prompt)
    labels = panel.locator('[data-testid="stRadio"] [role="radiogroup"] label')
    assert [label.inner_text().strip() for label in labels.all()] == [option.text for option in question.options]
    assert page.locator('img[src="x"]').count() == 0 and dialogs == []
