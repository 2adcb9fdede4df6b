"""Guided tours in headless Chromium: a tour link opens at its step, Next moves the drawn graph
and the link, and every step of an RLS tour is legible as drawn at 1366x768 (bench/tour_legibility.py
walks them all).

Legibility is read from vis-network's own state with the measurement of bench/legibility.py:
label size on screen (font size times zoom) and overlapping label and node boxes. The thresholds
are the readability rules: at least 90 % of labels at 11 px or more, none below 9 px, no overlaps.
Tour links name a bundled dataset's tour, so those tests run on the RLS tours (what each step should
show comes from the library, not from this file); the escaping tests upload small test datasets.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bench.legibility import READABLE_PX
from bench.tour_legibility import illegible, rls, step_nodes, wait_for_nodes, walk
from graph import Explorer, ViewSpec
from graph.teaching import make_quiz, start_tour
from tests.helpers import record_dialogs

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "out" / "screenshots"
LEARNING = ROOT / "tests" / "data" / "learning.yaml"
XSS = ROOT / "tests" / "data" / "xss.yaml"
TIMEOUT_MS = 30_000
WALKED_TOUR = "dopamine-agonists"


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


def test_every_step_of_a_tour_is_legible_at_1366x768(page: Any, app_url: str) -> None:
    """The dopamine-agonists tour: its steps draw the most nodes of the bundled tours (47 in seven
    steps, up to 10 at once); ``python -m bench.tour_legibility`` walks every bundled tour."""
    failures = illegible(WALKED_TOUR, walk(page, app_url, WALKED_TOUR))
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
