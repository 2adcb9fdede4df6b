"""Learning mode in the app, driven with AppTest: guided tours (list, links, Next and Back, the URL)
and the quiz (answer, explanation, score, narrowed to the view).

The app runs on tests/data/learning.yaml only (``KG_DATASETS``), so editing the bundled RLS
content cannot break these tests. Expected steps, views and questions come from the library.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph import Explorer, ViewSpec
from graph.network import viewstate
from graph.teaching import Quiz, make_quiz, start_tour
from tests.helpers import checked, plain, run_app
from ui.quiz import PANEL as QUIZ_PANEL
from ui.session import QuizProgress
from ui.text import escape

ROOT = Path(__file__).resolve().parent.parent
LEARNING = ROOT / "tests" / "data" / "learning.yaml"
TINY = ROOT / "tests" / "data" / "tiny.yaml"
PROGRESS = re.compile(r"\*\* · Step \d+ of \d+$")


@pytest.fixture(autouse=True)
def learning_datasets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_DATASETS", os.pathsep.join(map(str, (LEARNING, TINY))))


@cache
def learning() -> Explorer:
    return Explorer.from_path(LEARNING)


def step_panel(at: AppTest) -> list[str]:
    """The open step's texts as Markdown: the "**Tour** · Step N of M" line and the caption after it."""
    texts = [m.value for m in at.main.markdown]
    found = [i for i, text in enumerate(texts) if PROGRESS.search(text)]
    assert len(found) == 1, texts
    return texts[found[0]:found[0] + 2]


def shown_spec(at: AppTest) -> ViewSpec:
    """The view the controls describe, read back through the library's mapping."""
    values = {key: at.session_state[key] for key in viewstate.WIDGET_KEYS}
    return viewstate.spec_from_widgets(values, learning().dataset)


def click(at: AppTest, key: str) -> AppTest:
    return checked(at.button(key=key).click().run())


# Tours -----------------------------------------------------------------------------------------

def test_the_sidebar_lists_the_tours_and_a_click_starts_one() -> None:
    at = run_app()
    titles = [tour.title for tour in learning().dataset.tours]
    assert [b.label for b in at.sidebar.button if b.key.startswith("tour_start_")] == titles
    assert "tour_next" not in [b.key for b in at.main.button]
    click(at, "tour_start_treatments")
    first = start_tour(learning().dataset, "treatments")
    assert plain(step_panel(at)[0]) == f"**{first.tour.title}** · Step 1 of 2"
    assert shown_spec(at) == first.spec
    assert at.query_params["tour"] == "treatments" and at.query_params["step"] == "1"


def test_a_tour_link_opens_its_step_with_its_view() -> None:
    at = run_app(tour="iron-story", step="2")
    position = start_tour(learning().dataset, "iron-story", 2)
    assert step_panel(at) == [f"**{escape(position.tour.title)}** · Step 2 of 4", escape(position.step.caption)]
    assert shown_spec(at) == position.spec
    assert dict(at.query_params) == {"dataset": "learning", **position.spec.to_query(), **position.query()}
    assert not at.warning


def test_next_and_back_move_the_view_and_the_link() -> None:
    at = run_app(tour="iron-story", step="1")
    description = learning().dataset.tour("iron-story").description
    assert description in [plain(c.value) for c in at.main.caption]
    assert at.button(key="tour_back").disabled
    tour = learning().dataset.tour("iron-story")
    for number in range(2, len(tour.steps) + 1):
        click(at, "tour_next")
        assert shown_spec(at) == tour.steps[number - 1].view
        assert at.query_params["step"] == str(number)
        assert description not in [plain(c.value) for c in at.main.caption]
    assert at.button(key="tour_next").disabled
    click(at, "tour_back")
    assert shown_spec(at) == tour.steps[-2].view
    assert at.query_params["step"] == str(len(tour.steps) - 1)


def test_captions_show_their_markup_as_text() -> None:
    at = run_app(tour="iron-story", step="1")
    caption = learning().dataset.tour("iron-story").steps[0].caption
    assert "**low iron**" in caption and "<b>" in caption
    assert step_panel(at)[1] == escape(caption)
    assert plain(step_panel(at)[1]) == caption


def test_leaving_a_tour_the_link_opened_keeps_the_view_and_drops_the_tour_from_the_link() -> None:
    at = run_app(tour="iron-story", step="3")
    click(at, "tour_leave")
    assert "tour" not in at.query_params and "step" not in at.query_params
    assert shown_spec(at) == learning().dataset.tour("iron-story").steps[2].view
    assert "tour_next" not in [b.key for b in at.main.button]


def test_leaving_a_tour_brings_back_the_view_and_selection_from_before_it() -> None:
    at = run_app(focus="pill", depth="2")
    at.session_state["session"].selected = "arousal"
    click(at, "tour_start_iron-story")
    click(at, "tour_next")
    click(at, "tour_leave")
    assert shown_spec(at) == ViewSpec(focus="pill", depth=2)
    assert at.session_state["session"].selected == "arousal"
    assert at.query_params["selected"] == "arousal" and "tour" not in at.query_params


def test_changing_the_view_offers_a_way_back_to_the_step() -> None:
    at = run_app(tour="treatments", step="1")
    assert "tour_return" not in [b.key for b in at.main.button]
    checked(at.slider(key="depth").set_value(2).run())
    click(at, "tour_return")
    assert shown_spec(at) == learning().dataset.tour("treatments").steps[0].view


@pytest.mark.parametrize(("query", "message"), [
    ({"tour": "iron-stroy"}, "'iron-stroy' is not a tour of this dataset. Did you mean 'iron-story'?"),
    ({"tour": "iron-story", "step": "9"}, "tour 'iron-story' has steps 1 to 4, not 9."),
], ids=["unknown-tour", "no-such-step"])
def test_a_bad_tour_link_warns_and_shows_the_link_view(query: dict[str, str], message: str) -> None:
    at = run_app(**query, focus="pill")
    assert [plain(w.value) for w in at.warning] == [f"The link's tour could not be opened: {message}"]
    assert shown_spec(at) == ViewSpec(focus="pill")
    assert "tour" not in at.query_params


def test_a_tour_in_a_dataset_without_tours_is_named_in_a_warning() -> None:
    at = run_app(dataset="tiny", tour="iron-story")
    assert [plain(w.value) for w in at.warning] == [
        "The link's tour could not be opened: 'iron-story' is not a tour of this dataset. It has no tours."]
    assert not [b for b in at.sidebar.button if b.key.startswith("tour_start_")]


def test_switching_dataset_closes_the_tour() -> None:
    at = run_app(tour="iron-story", step="2")
    checked(at.selectbox(key="dataset_choice").set_value("tiny").run())
    assert not at.warning and "tour" not in at.query_params and "step" not in at.query_params
    assert "tour_next" not in [b.key for b in at.main.button]


# Quiz ------------------------------------------------------------------------------------------

def open_quiz(at: AppTest) -> AppTest:
    """Open the quiz panel (its content is drawn only while it is open)."""
    at.session_state[QUIZ_PANEL] = True
    return checked(at.run())


def start_quiz(at: AppTest, seed: int = 2, count: int = 3) -> Quiz:
    open_quiz(at)
    at.number_input(key="quiz_seed").set_value(seed)
    at.slider(key="quiz_count").set_value(count)
    click(at, "quiz_start")
    return progress(at).quiz


def progress(at: AppTest) -> QuizProgress:
    """The quiz under way in the app's session."""
    quiz = at.session_state["session"].quiz
    assert quiz is not None
    return quiz


def answer(at: AppTest, quiz: Quiz, index: int, right: bool) -> None:
    question = quiz.questions[index]
    choice = question.correct.id if right else next(o.id for o in question.options if o != question.correct)
    checked(at.radio(key=f"quiz_choice_{progress(at).run}_{index}").set_value(choice).run())
    click(at, "quiz_check")


def test_a_quiz_explains_each_answer_and_scores_at_the_end() -> None:
    at = run_app(tour="iron-story", step="2")
    spec = shown_spec(at)
    quiz = start_quiz(at)
    assert quiz == make_quiz(learning(), spec, seed=2, count=3)
    assert len(quiz.questions) == 3
    plan = [True, False, True]
    for index, right in enumerate(plan):
        question = quiz.questions[index]
        assert plain(_question_text(at)) == f"**Question {index + 1} of 3.** {question.prompt}"
        answer(at, quiz, index, right)
        if right:
            assert [plain(s.value) for s in at.success] == [f"Right: {question.correct.text}."]
        else:
            assert [plain(e.value) for e in at.error] == [f"Not quite. The answer is: {question.correct.text}."]
        assert question.explanation.statement in [plain(m.value) for m in at.main.markdown]
        assert f"Evidence: {question.explanation.evidence}" in [plain(c.value) for c in at.main.caption]
        click(at, "quiz_next")
    assert [plain(h.value) for h in at.main.subheader][-1] == "Your score: 2 of 3"
    results = [plain(m.value) for m in at.main.markdown if m.value.startswith(("✓", "✗"))]
    assert [line[0] for line in results] == ["✓", "✗", "✓"]
    right, wrong = quiz.questions[0], quiz.questions[1]
    assert results[0].endswith(f"your answer: **{right.correct.text}**")
    assert "your answer: **" in results[1] and results[1].endswith(f"the map's: **{wrong.correct.text}**")
    assert f"your answer: **{wrong.correct.text}**" not in results[1]


def _question_text(at: AppTest) -> str:
    return next(m.value for m in at.main.markdown if m.value.startswith("**Question "))


def test_the_quiz_follows_the_view_on_screen() -> None:
    at = run_app(focus="pill")
    quiz = start_quiz(at, seed=4, count=20)
    assert quiz == make_quiz(learning(), ViewSpec(focus="pill"), seed=4, count=20)
    assert quiz != make_quiz(learning(), ViewSpec(), seed=4, count=20)
    shown = set(learning().view(ViewSpec(focus="pill")).graph)
    assert all(question.anchor in shown for question in quiz.questions)
    checked(at.toggle(key="claims").set_value(True).run())
    assert "The view has changed since this quiz started: start again to match it." in [
        c.value for c in at.main.caption]


def test_starting_again_asks_afresh() -> None:
    at = run_app(focus="pill")
    quiz = start_quiz(at, seed=4, count=2)
    answer(at, quiz, 0, right=True)
    click(at, "quiz_start")
    assert progress(at).current == 0 and not progress(at).answers
    assert at.radio(key=f"quiz_choice_{progress(at).run}_0").value is None
    assert not at.success and not at.error


def test_another_dataset_drops_the_quiz() -> None:
    at = run_app(focus="pill")
    start_quiz(at, seed=4, count=2)
    checked(at.selectbox(key="dataset_choice").set_value("tiny").run())
    assert at.session_state["session"].quiz is None
    assert not [m for m in at.main.markdown if m.value.startswith("**Question ")]


def test_without_the_claims_layer_the_quiz_says_how_to_get_claim_questions() -> None:
    hint = "Questions on claims and their verdicts need the claims layer: show it to include them."
    assert hint in [c.value for c in open_quiz(run_app()).main.caption]
    assert hint not in [c.value for c in open_quiz(run_app(claims="on")).main.caption]


def test_the_question_bank_downloads_are_offered() -> None:
    at = open_quiz(run_app())
    keys = [element.proto.id for element in at.get("download_button")]
    assert any("quiz_download_gift" in key for key in keys) and any("quiz_download_md" in key for key in keys)
    assert any("quiz_download_moodle-xml" in key for key in keys) and any("quiz_download_json" in key for key in keys)


def test_an_open_tour_offers_itself_as_slides() -> None:
    labels = [element.proto.label for element in run_app(tour="iron-story", step="1").get("download_button")]
    assert "Download the tour as slides (.pptx)" in labels
    assert "Download the tour as slides (.pptx)" not in [e.proto.label for e in run_app().get("download_button")]
