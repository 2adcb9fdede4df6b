"""A SCORM 1.2 course package: the lesson page and a scored quiz in one zip that an LMS imports.

Moodle plays SCORM 1.2 (not 2004) and Canvas has a SCORM tool; a package needs no server. The
zip holds ``imsmanifest.xml`` (:mod:`graph.export.scorm_manifest`) with the three schemas it
names (``templates/scorm12-schemas.md`` says where they come from), the course page
``index.html`` and the lesson pages it shows (``lesson-1.html``…: one for a view, one per step
of a tour), each the offline lesson page of :mod:`graph.export.html_export`. The quiz is drawn by
the quiz rules (:func:`graph.teaching.quiz.quiz_on`) from what the lesson shows. The course page
(``templates/scorm.js``) finds the LMS's ``API`` object, reports the score as
``cmi.core.score.raw`` (0 to 100) with ``passed`` or ``failed`` at the pass score, and keeps the
answers and the page in ``cmi.suspend_data`` (SCORM 1.2 allows 4,096 characters; the course
page's record is a few dozen). Everything is inlined, so nothing is fetched; every text is
escaped by the template or written with ``textContent``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from importlib import resources
from typing import Any, BinaryIO

import networkx as nx

from graph.export.common import step_title
from graph.export.files import path_or_stream
from graph.export.html_export import asset, lesson_html, template
from graph.export.options import DEFAULT_PASS_SCORE, DEFAULTS, ExportOptions
from graph.export.scorm_manifest import LAUNCH, manifest_xml
from graph.network.build import build_graph
from graph.network.explorer import Explorer
from graph.network.view import View
from graph.teaching.questions import Question, Quiz
from graph.teaching.quiz import quiz_on
from graph.teaching.tours import start_tour

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
SCHEMAS = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")


@dataclass(frozen=True)
class CourseStep:
    """One lesson page of the course: its title, the words that go with it, and the page."""

    title: str
    caption: str
    page: str


@dataclass(frozen=True)
class Course:
    """What a package teaches: lesson pages in order, then the quiz, passed at ``pass_score`` %."""

    title: str
    description: str
    steps: tuple[CourseStep, ...]
    quiz: Quiz
    pass_score: int = DEFAULT_PASS_SCORE


@path_or_stream
def write_scorm(view: View, stream: BinaryIO, options: ExportOptions = DEFAULTS) -> None:
    """Write the package for ``view``: its lesson page and a quiz on what it shows."""
    write_course(view_course(view, options.pass_score), stream)


def view_course(view: View, pass_score: int = DEFAULT_PASS_SCORE) -> Course:
    """The course of one view: its lesson page and a quiz on its nodes and links."""
    quiz = quiz_on(view.dataset, build_graph(view.dataset), view.graph, view.title)
    step = CourseStep(view.title, "", lesson_html(view))
    return Course(view.title, view.dataset.meta.title, (step,), quiz, pass_score)


def course_notes(view: View, options: ExportOptions = DEFAULTS) -> list[str]:
    """What a teacher should know before making the package: how many questions, and the pass score."""
    questions = len(quiz_on(view.dataset, build_graph(view.dataset), view.graph, view.title).questions)
    if not questions:
        return ["This view yields no quiz questions (widen it, or turn the claims layer on): the package is "
                "the lesson alone, which the LMS records as completed once it is opened."]
    return [f"The quiz has {questions} questions; the LMS records passed at {options.pass_score}% or more."]


def tour_course(explorer: Explorer, tour_id: str, pass_score: int = DEFAULT_PASS_SCORE) -> Course:
    """The course of a tour: a lesson page per step, then a quiz on everything the steps show.

    Raises ViewSpecError for a tour the dataset does not have.
    """
    tour = start_tour(explorer.dataset, tour_id).tour
    views = [explorer.view(step.view) for step in tour.steps]
    steps = tuple(CourseStep(step_title(view), step.caption, lesson_html(view))
                  for step, view in zip(tour.steps, views, strict=True))
    shown = nx.compose_all([view.graph for view in views])
    quiz = quiz_on(explorer.dataset, explorer.graph, shown, tour.title)
    return Course(tour.title, tour.description, steps, quiz, pass_score)


def course_bytes(course: Course) -> bytes:
    """The package as the bytes of a zip file."""
    buffer = io.BytesIO()
    write_course(course, buffer)
    return buffer.getvalue()


def write_course(course: Course, stream: BinaryIO) -> None:
    """Write the zip: the manifest and its schemas, the course page and the lesson pages."""
    pages = {page_name(number): step.page for number, step in enumerate(course.steps, start=1)}
    files = {name: text.encode("utf-8") for name, text in {LAUNCH: course_html(course), **pages}.items()}
    content = b"".join(files.values())
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        pass_score = course.pass_score if course.quiz.questions else None
        _add(archive, "imsmanifest.xml", manifest_xml(course.title, pass_score, list(files), content))
        for name in SCHEMAS:
            _add(archive, name, schema_bytes(name))
        for name, data in files.items():
            _add(archive, name, data)


def schema_bytes(name: str) -> bytes:
    """One of the SCORM 1.2 schemas, as ADL distributed it."""
    return resources.files("graph.export").joinpath("templates", name).read_bytes()


def page_name(number: int) -> str:
    """The file of lesson page ``number`` (from 1) in the package."""
    return f"lesson-{number}.html"


def course_html(course: Course) -> str:
    """The course page: the lesson pages one at a time, the quiz, and the LMS reporting."""
    return template("scorm.html.j2").render(
        course=course, pages=[page_name(number) for number in range(1, len(course.steps) + 1)],
        data=course_data(course), course_css=asset("scorm.css"), course_js=asset("scorm.js"))


def course_data(course: Course) -> dict[str, Any]:
    """What the course page's script needs: the pass score, the pages and each question's answer."""
    return {"passScore": course.pass_score, "pages": len(course.steps),
            "questions": [_question_data(question) for question in course.quiz.questions]}


def _question_data(question: Question) -> dict[str, Any]:
    return {"id": question.id, "answer": question.answer,
            "feedback": [option.feedback for option in question.options]}


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)
