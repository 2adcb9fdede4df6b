"""Moodle GIFT banks, read back by a parser that follows Moodle's own importer step by step.

No maintained GIFT parser is published on PyPI (pygiftparser's last release is from 2017), so
``read_gift`` below mirrors ``qformat_gift::readquestion`` in Moodle's
question/format/gift/format.php: blank lines split questions, ``//`` lines are dropped, escapes
become placeholders before parsing, the first ``{`` and ``}`` bound the answers, ``####`` starts
the general feedback, ``=`` marks the right answer (``~`` the others, ``%n%`` a weight), ``#`` an
answer's feedback, and ``[html]`` a text's format. If the writer escapes too little, this
parser splits answers, loses text or changes a weight, and the round trip fails.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph import Explorer, ViewSpec
from graph.teaching import Explanation, Option, Question, Quiz, escape_gift, gift_text, make_quiz, write_gift
from graph.teaching.moodle_xml import bank_category

ROOT = Path(__file__).resolve().parent.parent
XSS = ROOT / "tests" / "data" / "xss.yaml"
TINY = ROOT / "tests" / "data" / "tiny.yaml"

ESCAPES = {":": "&&058;", "#": "&&035;", "=": "&&061;", "{": "&&123;", "}": "&&125;", "~": "&&126;", "n": "&&010"}
FORMATS = ("moodle", "html", "plain", "markdown")
WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
NASTY = "a ~ b = c # d { e } f : g \\ h \\n i [plain] %50% // j\nk <b>l</b> &amp; ::m:: ####n"


# A reader that does what Moodle's importer does -------------------------------------------------

@dataclass
class Answer:
    text: str
    fraction: float
    feedback: str


@dataclass
class GiftQuestion:
    name: str
    text: str
    text_format: str
    answers: list[Answer]
    general_feedback: str


def escaped_pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for char, placeholder in ESCAPES.items():
        text = text.replace("\\" + char, placeholder)
    return text.replace("&&092;", "\\")


def escaped_post(text: str) -> str:
    for char, placeholder in ESCAPES.items():
        text = text.replace(placeholder, "\n" if char == "n" else char)
    return text


def with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    """``[html]text`` → ("text", "html"), as parse_text_with_format does."""
    fmt = default
    if text.startswith("[") and "]" in text and text[1:text.index("]")] in FORMATS:
        fmt, text = text[1:text.index("]")], text[text.index("]") + 1:]
    return escaped_post(text).strip(), fmt


def read_gift(source: str) -> list[GiftQuestion]:
    blocks, current = [], []
    for line in source.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    questions = [read_question(block) for block in [*blocks, current] if block]
    return [question for question in questions if question is not None]


def read_category(source: str) -> str:
    """The category a ``$CATEGORY:`` block sets: the text after it, trimmed, escapes left as placeholders."""
    blocks = [block for block in source.split("\n\n")]
    text = "\n".join(line for line in blocks[0].splitlines() if not line.strip().startswith("//")).strip()
    assert text.startswith("$CATEGORY:")
    return escaped_pre(text)[10:].strip()


def read_question(lines: list[str]) -> GiftQuestion | None:
    text = "\n".join(" " if line.strip().startswith("//") else line for line in lines).strip()
    if not text:
        return None
    text = escaped_pre(text)
    if text.startswith("$CATEGORY:"):
        return None
    name = ""
    if text.startswith("::"):
        name, text = text[2:].split("::", 1)
        name, text = escaped_post(name), text.strip()
    start, finish = text.index("{"), text.index("}")
    answer_text = text[start + 1:finish].strip()
    question_text = text[:start] + text[finish + 1:]
    general = ""
    if "####" in answer_text:
        cut = answer_text.rindex("####")
        answer_text, general = answer_text[:cut].strip(), answer_text[cut + 4:]
    body, fmt = with_format(question_text)
    assert "~" in answer_text, "not a multiple-choice question"
    answers = [read_answer(answer, fmt) for answer in answer_text.replace("=", "~=").split("~") if answer.strip()]
    return GiftQuestion(name, body, fmt, answers, with_format(general, fmt)[0])


def read_answer(answer: str, default_format: str) -> Answer:
    answer = answer.strip()
    fraction = 0.0
    if answer.startswith("="):
        fraction, answer = 1.0, answer[1:]
    elif match := WEIGHT.match(answer):
        fraction, answer = float(f"{match[1]}.{match[2] or 0}") / 100, answer[match.end():]
    text, _, feedback = (part.strip() for part in answer.partition("#"))
    return Answer(with_format(text, default_format)[0], fraction, with_format(feedback, default_format)[0])


# Round trips ------------------------------------------------------------------------------------

def plain(gift_html: str) -> str:
    """What a student reads in Moodle: the [html] text with its entities decoded."""
    return html.unescape(gift_html)


def one_line(text: str) -> str:
    return " ".join(text.split())


def assert_round_trip(quiz: Quiz) -> None:
    assert read_category(gift_text(quiz)) == bank_category(quiz)
    parsed = read_gift(gift_text(quiz))
    assert len(parsed) == len(quiz.questions)
    for number, (question, read) in enumerate(zip(quiz.questions, parsed, strict=True), start=1):
        assert plain(read.name) == one_line(quiz.name(number))
        assert question.correct.text not in read.name
        assert read.text_format == "html"
        assert plain(read.text) == one_line(question.prompt)
        assert [plain(a.text) for a in read.answers] == [one_line(o.text) for o in question.options]
        assert [plain(a.feedback) for a in read.answers] == [one_line(o.feedback) for o in question.options]
        assert [a.fraction for a in read.answers] == [float(i == question.answer) for i in range(len(question.options))]
        assert one_line(question.explanation.statement) in plain(read.general_feedback)


@pytest.mark.parametrize("path", [TINY, XSS, ROOT / "data" / "photosynthesis.yaml", ROOT / "data" / "rls"],
                         ids=["tiny", "xss", "photosynthesis", "rls"])
def test_banks_read_back_as_written(path: Path) -> None:
    assert_round_trip(make_quiz(Explorer.from_path(path), ViewSpec(claims=True), seed=5, count=40))


def nasty_quiz() -> Quiz:
    explanation = Explanation(statement=NASTY, note=NASTY, evidence=NASTY, references=(NASTY,))
    options = (Option("a", NASTY, NASTY), Option("b", "%50%wrong", "#x"), Option("c", "[plain]<i>x</i>"),
               Option("d", "=~#"))
    question = Question(id="nasty:{id}~=#", kind="relation", prompt=NASTY, options=options, answer=0,
                        explanation=explanation, about=())
    return Quiz(title=NASTY, seed=1, questions=(question, question))


def test_special_characters_in_every_text_survive_moodles_reader() -> None:
    assert_round_trip(nasty_quiz())
    read = read_gift(gift_text(nasty_quiz()))[0]
    assert plain(read.general_feedback).count(one_line(NASTY)) == 4


def test_markup_in_data_reaches_moodle_as_text() -> None:
    read = read_gift(gift_text(nasty_quiz()))[0]
    assert "<b>" not in read.text and "&lt;b&gt;" in read.text
    assert read.answers[2].text == "[plain]&lt;i&gt;x&lt;/i&gt;"
    assert re.sub(r"</?p>", "", read.general_feedback).count("<") == 0


def unescaped_specials(text: str) -> list[str]:
    """Special characters in ``text`` that no backslash escapes (a backslash escapes the next character)."""
    found, escaped = [], False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "~=#{}:":
            found.append(char)
    return found


@pytest.mark.parametrize("text", [NASTY, "\\", "\\\\~", "x\\", "::", "}{", "ferritin > 100 ng/mL"])
def test_escape_gift_leaves_no_special_character_bare(text: str) -> None:
    escaped = escape_gift(text)
    assert unescaped_specials(escaped) == []
    assert "\n" not in escaped
    assert plain(escaped_post(escaped_pre(escaped))) == one_line(text)


def test_xss_bank_file_has_only_escaped_data(tmp_path: Path) -> None:
    quiz = make_quiz(Explorer.from_path(XSS), ViewSpec(claims=True), seed=0, count=10)
    write_gift(quiz, tmp_path / "xss.gift.txt")
    text = (tmp_path / "xss.gift.txt").read_text(encoding="utf-8")
    assert "<img" not in text and "<script" not in text
    assert "&lt;img src\\=x onerror\\=alert(1)&gt;" in text
