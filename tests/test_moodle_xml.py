"""Moodle XML banks, read back by a reader that follows Moodle's own ``qformat_xml`` importer.

``read_moodle_xml`` mirrors question/format/xml/format.php: ``readquestions`` parses the file
(``xmlize``: an XML parser, so CDATA sections and entities are decoded) and takes every
``quiz/question``; ``import_question`` dispatches on the ``type`` attribute; ``import_category``
reads ``category/text``; ``import_headers`` reads the name (required), the question text and its
``format`` attribute, and the general feedback, each trimmed as ``getpath`` does; and
``import_multichoice`` reads ``single``, ``shuffleanswers`` and each ``answer``: its text, its
``fraction`` attribute divided by 100, and its feedback. Category paths are split as
``split_category_path`` does (a "/" not beside another "/" separates names; "//" is a "/").
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph import Explorer, ViewSpec
from graph.teaching import Explanation, Option, Question, Quiz, make_quiz, moodle_xml_text
from graph.teaching.moodle_xml import xml_escape

ROOT = Path(__file__).resolve().parent.parent
XSS = ROOT / "tests" / "data" / "xss.yaml"
NASTY = "a ]]> b <b>c</b> & d ' e \" f / g // h\nnext line ]]]]> ~=#{}:"


@dataclass
class MoodleAnswer:
    text: str
    fraction: float
    feedback: str


@dataclass
class MoodleQuestion:
    qtype: str
    name: str = ""
    text: str = ""
    text_format: str = ""
    general_feedback: str = ""
    single: bool = True
    answers: tuple[MoodleAnswer, ...] = ()
    category: tuple[str, ...] = ()


def _text(element: ET.Element | None, path: str = "text") -> str:
    found = element.find(path) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def split_category_path(path: str) -> tuple[str, ...]:
    return tuple(name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", path))


def read_moodle_xml(source: str) -> list[MoodleQuestion]:
    root = ET.fromstring(source.encode("utf-8"))
    assert root.tag == "quiz"
    return [import_question(question) for question in root.findall("question")]


def import_question(question: ET.Element) -> MoodleQuestion:
    qtype = question.get("type")
    if qtype == "category":
        return MoodleQuestion("category", category=split_category_path(_text(question.find("category"))))
    assert qtype == "multichoice", f"unsupported type {qtype}"
    name = _text(question.find("name"))
    assert name, "Moodle refuses a question without a name (xmlimportnoname)"
    text = question.find("questiontext")
    answers = tuple(MoodleAnswer(_text(answer), float(answer.get("fraction", "0")) / 100,
                                 _text(answer.find("feedback"))) for answer in question.findall("answer"))
    return MoodleQuestion("multichoice", name, _text(text), text.get("format", "") if text is not None else "",
                          _text(question.find("generalfeedback")), _text(question, "single") != "false", answers)


def shown(html_text: str) -> str:
    """What a student reads: the HTML's text with its tags gone and its entities decoded."""
    return words(html.unescape(re.sub(r"<[^>]+>", " ", html_text)))


def words(text: str) -> str:
    return " ".join(text.split())


def category_name(name: str) -> str:
    return html.escape(words(name.replace("\\", " ")), quote=False)


def assert_round_trip(quiz: Quiz) -> None:
    read = read_moodle_xml(moodle_xml_text(quiz))
    category, questions = read[0], read[1:]
    assert category.qtype == "category"
    expected = ("$course$", "top", category_name(quiz.dataset or "Knowledge graph"), category_name(quiz.title))
    assert category.category == expected
    assert len(questions) == len(quiz.questions)
    for number, (question, got) in enumerate(zip(quiz.questions, questions, strict=True), start=1):
        assert got.name == words(quiz.name(number)) and got.text_format == "html" and got.single
        assert shown(got.text) == words(question.prompt)
        assert [shown(a.text) for a in got.answers] == [words(o.text) for o in question.options]
        assert [a.fraction for a in got.answers] == [float(i == question.answer) for i in range(len(question.options))]
        assert [shown(a.feedback) for a in got.answers] == [words(o.feedback) for o in question.options]
        assert " ".join(question.explanation.statement.split()) in html.unescape(got.general_feedback)


CASES = [(path, seed, claims) for path in ("rls", "photosynthesis.yaml") for seed in range(1, 6)
         for claims in (True, False)]


@pytest.mark.parametrize(("name", "seed", "claims"), CASES)
def test_banks_read_back_as_written(name: str, seed: int, claims: bool) -> None:
    quiz = make_quiz(Explorer.from_path(ROOT / "data" / name), ViewSpec(claims=claims), seed=seed, count=50)
    assert quiz.questions
    assert_round_trip(quiz)


def nasty_quiz() -> Quiz:
    explanation = Explanation(statement=NASTY, note=NASTY, evidence=NASTY, references=(NASTY, NASTY))
    options = (Option("a", NASTY, NASTY), Option("b", "]]>"), Option("c", "<![CDATA[x]]>"), Option("d", "&amp;"))
    question = Question(id="q", kind="relation", prompt=NASTY, options=options, answer=1,
                        explanation=explanation, about=())
    return Quiz(title=NASTY, seed=1, questions=(question,), dataset="A/B /slashes/")


def test_cdata_ends_and_markup_in_every_text_survive_moodles_reader() -> None:
    assert_round_trip(nasty_quiz())
    question = read_moodle_xml(moodle_xml_text(nasty_quiz()))[1]
    assert "<b>" not in question.text and "&lt;b&gt;" in question.text
    assert shown(question.answers[2].text) == "<![CDATA[x]]>"


def test_category_names_with_slashes_split_back_into_the_same_names() -> None:
    assert read_moodle_xml(moodle_xml_text(nasty_quiz()))[0].category[2] == "A/B /slashes/"


def test_texts_are_escaped_the_way_moodles_writer_escapes_them() -> None:
    assert xml_escape("plain words") == "plain words"
    assert xml_escape("a < b") == "<![CDATA[a < b]]>"
    assert xml_escape("x]]>y&") == "<![CDATA[x]]]]><![CDATA[>y&]]>"


def test_markup_in_data_reaches_moodle_as_text() -> None:
    quiz = make_quiz(Explorer.from_path(XSS), ViewSpec(claims=True), seed=2, count=40)
    for question in read_moodle_xml(moodle_xml_text(quiz))[1:]:
        for text in (question.text, question.general_feedback, *(a.text for a in question.answers)):
            assert not re.findall(r"<(?!/?(p|ul|li)>)", text), text
