"""The SCORM package in a real SCORM 1.2 run-time: scorm-again's ``Scorm12API`` as the LMS, in Chromium.

An LMS page (served by the test at ``http://lms.test/``) sets ``window.API`` to scorm-again's
``Scorm12API`` and opens the package's launch page in a frame, as Moodle does. A student
answers the quiz; the test reads what the run-time recorded (``renderCommitCMI``) after the
course page has finished its session. Any request outside the LMS page and the package fails
the test (the ``page`` fixture's guard), so the package is shown to fetch nothing.
"""

from __future__ import annotations

import io
import json
import mimetypes
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ViewSpec
from graph.export import export_bytes

LEARNING = Path(__file__).parent / "data" / "learning.yaml"
RLS = Path(__file__).parent.parent / "data" / "rls"
LMS = "http://lms.test"
HOST = """<!doctype html><title>LMS</title><script src="/scorm12.min.js"></script>
<script>window.API = new Scorm12API({logLevel: 5}); window.API.loadFromJSON(%s);</script>
<iframe id="sco" src="/course/index.html" style="width: 1300px; height: 700px"></iframe>"""


@pytest.fixture(scope="module")
def course() -> zipfile.ZipFile:
    view = Explorer.from_path(LEARNING).view(ViewSpec(claims=True))
    return zipfile.ZipFile(io.BytesIO(export_bytes(view, "scorm", pass_score=80)))


def _runtime() -> bytes:
    script = os.environ.get("SCORM_AGAIN_JS")
    if not script or not Path(script).is_file():
        pytest.skip("set SCORM_AGAIN_JS to scorm-again's dist/scorm12.min.js to play the package in its run-time")
    return Path(script).read_bytes()


def open_in_lms(page: Any, course: zipfile.ZipFile, learner: dict[str, Any] | None = None) -> Any:
    """The LMS page with the course in its frame; ``learner`` is what the LMS already holds."""
    runtime, host = _runtime(), HOST % json.dumps(learner or {})

    def serve(route: Any) -> None:
        path = route.request.url.removeprefix(LMS).split("?")[0]
        name = path.removeprefix("/course/")
        if path == "/":
            route.fulfill(body=host, content_type="text/html")
        elif path == "/scorm12.min.js":
            route.fulfill(body=runtime, content_type="text/javascript")
        elif path.startswith("/course/") and name in course.namelist():
            route.fulfill(body=course.read(name), content_type=mimetypes.guess_type(name)[0] or "text/plain")
        else:
            route.fallback()  # the page fixture aborts and records it

    page.route(f"{LMS}/**", serve)
    page.goto(f"{LMS}/")
    frame = page.frame_locator("#sco")
    frame.locator("#course-connection").filter(has_text="Connected").wait_for()
    return frame


def answer(frame: Any, right: int) -> list[dict[str, Any]]:
    """Open the quiz and answer it, the first ``right`` questions rightly and the rest wrongly."""
    questions = json.loads(frame.locator("#course-data").text_content())["questions"]
    frame.locator(".course-tab", has_text="Quiz").click()
    for number, question in enumerate(questions, start=1):
        wrong = (question["answer"] + 1) % len(question["feedback"])
        frame.locator(f"#question-{number} input[value='{question['answer'] if number <= right else wrong}']").check()
    return questions


def recorded(page: Any) -> dict[str, Any]:
    """What the run-time holds once the course page has ended its session (the LMS closes the frame)."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.API.isTerminated()")
    return page.evaluate("window.API.renderCommitCMI(true)")["cmi"]


@pytest.mark.browser
def test_a_full_pass_is_recorded(page: Any, course: zipfile.ZipFile) -> None:
    frame = open_in_lms(page, course)
    questions = answer(frame, right=99)
    frame.locator("#course-check").click()
    total = len(questions)
    assert frame.locator("#course-result").text_content() == f"{total} of {total} right: 100%. Passed."
    cmi = recorded(page)
    assert cmi["core"]["score"] == {"raw": "100", "min": "0", "max": "100"}
    assert cmi["core"]["lesson_status"] == "passed" and cmi["core"]["exit"] == ""
    saved = json.loads(cmi["suspend_data"])
    assert saved == {"p": 1, "a": [q["answer"] for q in questions], "c": 1} and len(cmi["suspend_data"]) <= 4096


@pytest.mark.browser
def test_a_failing_attempt_is_recorded_and_can_be_tried_again(page: Any, course: zipfile.ZipFile) -> None:
    frame = open_in_lms(page, course)
    questions = answer(frame, right=3)
    frame.locator("#course-check").click()
    percent = round(100 * 3 / len(questions))
    assert frame.locator("#course-result").text_content().endswith(f"{percent}%. Not passed yet.")
    assert frame.locator(".course-wrong").count() == len(questions) - 3
    frame.locator("#course-retry").click()
    assert frame.locator("input:checked").count() == 0 and frame.locator(".course-feedback:visible").count() == 0
    cmi = recorded(page)
    assert cmi["core"]["score"] == {"raw": str(percent), "min": "0", "max": "100"}
    assert cmi["core"]["lesson_status"] == "failed" and cmi["core"]["exit"] == "suspend"


@pytest.mark.browser
def test_unanswered_questions_are_not_scored(page: Any, course: zipfile.ZipFile) -> None:
    frame = open_in_lms(page, course)
    frame.locator(".course-tab", has_text="Quiz").click()
    frame.locator("#question-1 input").first.check()
    frame.locator("#course-check").click()
    questions = frame.locator(".course-question").count()
    assert frame.locator("#course-left").text_content() == f"Answer every question first: {questions - 1} left."
    assert recorded(page)["core"]["lesson_status"] == "incomplete"


@pytest.mark.browser
def test_a_returning_student_finds_their_answers_and_the_lms_pass_score(page: Any, course: zipfile.ZipFile) -> None:
    """The LMS gives back the suspend data of the last session; its mastery score wins over the package's."""
    saved = {"p": 1, "a": [0, 1, None, None, None, None], "c": 0}
    frame = open_in_lms(page, course, {"core": {"entry": "resume"}, "suspend_data": json.dumps(saved),
                                      "student_data": {"mastery_score": "50"}})
    assert frame.locator("#course-quiz").is_visible()
    assert frame.locator("#question-1 input[value='0']").is_checked()
    assert frame.locator("#question-2 input[value='1']").is_checked()
    assert frame.locator("input:checked").count() == 2
    assert frame.locator("#course-mastery").text_content() == " (your course sets 50%)"


@pytest.mark.browser
def test_outside_an_lms_the_quiz_still_scores_and_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    """Opened as a file (no LMS): it says the score is not recorded, scores anyway, and a checked quiz
    (RLS references with long DOI links included) is no wider than a 390 px phone."""
    view = Explorer.from_path(RLS).view(ViewSpec(focus="iron_deficiency"))
    zipfile.ZipFile(io.BytesIO(export_bytes(view, "scorm"))).extractall(tmp_path)
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto((tmp_path / "index.html").as_uri())
        assert page.locator("#course-connection").text_content().startswith("Not connected to a course")
        answer(page, right=99)
        page.locator("#course-check").click()
        assert page.locator("#course-result").text_content().endswith("100%. Passed.")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.mark.browser
def test_a_lesson_without_questions_is_recorded_as_completed(page: Any) -> None:
    """A view with no question (hostile labels, too) opens without a quiz tab or a script run from its text."""
    view = Explorer.from_path(Path(__file__).parent / "data" / "xss.yaml").view(ViewSpec(claims=False))
    lesson = zipfile.ZipFile(io.BytesIO(export_bytes(view, "scorm")))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    frame = open_in_lms(page, lesson)
    assert frame.locator(".course-tab").all_inner_texts() == ["Lesson"]
    cmi = recorded(page)
    assert cmi["core"]["lesson_status"] == "completed" and cmi["core"]["score"]["raw"] == "" and dialogs == []
