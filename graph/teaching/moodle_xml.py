"""Question banks as Moodle XML, the format Moodle's question bank imports with every detail.

The file follows what Moodle's own ``qformat_xml`` reads and writes: a ``category`` pseudo-question
first (``$course$/top/<dataset>/<view>``, each name with "/" doubled as Moodle's
``assemble_category_path`` does), then one ``multichoice`` question per question with a single
right answer (fraction 100), feedback on every answer, and general feedback that gives the
evidence and the references. Texts are HTML (``format="html"``): every text from the dataset is
HTML-escaped, so markup in a label reads as text, and a text that needs escaping is wrapped in
CDATA, with any ``]]>`` split across two sections, exactly as Moodle's ``xml_escape`` does.
Question names number the questions and say their kind; they never contain the answer (Moodle's
lesson import shows a name as the page's title).
"""

from __future__ import annotations

import html

from graph.teaching.questions import Explanation, Option, Question, Quiz
from graph.teaching.writing import TextTarget, one_line, write_text

PENALTY = "0.3333333"


def moodle_xml_text(quiz: Quiz) -> str:
    """The quiz as a Moodle XML file, its questions in a category for the dataset and the view."""
    parts = [_category(bank_category(quiz), quiz)]
    parts += [_question(quiz.name(number), question) for number, question in enumerate(quiz.questions, start=1)]
    return '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "".join(parts) + "</quiz>\n"


def bank_category(quiz: Quiz) -> str:
    """The question-bank category for a quiz: the course's top category, then the dataset, then the view."""
    return category_path(["$course$", "top", quiz.dataset or "Knowledge graph", quiz.title])


def category_path(names: list[str]) -> str:
    """Category names joined as Moodle's ``assemble_category_path`` joins them ("/" in a name doubled)."""
    escaped = [_path_name(name) for name in names]
    return "/".join(escaped)


def xml_escape(text: str) -> str:
    """``text`` as Moodle's ``xml_escape`` writes it: as it is, or in CDATA when it holds ``& < > " '``."""
    if not text or html.escape(text) == text:
        return text
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _path_name(name: str) -> str:
    """One name of a category path; backslashes go (GIFT's importer keeps its escape placeholders there)."""
    escaped = html.escape(one_line(name.replace("\\", " ")), quote=False).replace("/", "//")
    return (" " if escaped.startswith("/") else "") + escaped + (" " if escaped.endswith("/") else "")


def _category(path: str, quiz: Quiz) -> str:
    info = f"<p>{_html(quiz.title)}: {len(quiz.questions)} questions, seed {quiz.seed}.</p>"
    return ("  <question type=\"category\">\n"
            f"    <category>\n      <text>{xml_escape(path)}</text>\n    </category>\n"
            f"    <info format=\"html\">\n      <text>{xml_escape(info)}</text>\n    </info>\n"
            "  </question>\n")


def _question(name: str, question: Question) -> str:
    lines = ["  <question type=\"multichoice\">",
             f"    <name>\n      <text>{xml_escape(one_line(name))}</text>\n    </name>",
             _html_field("questiontext", f"<p>{_html(question.prompt)}</p>"),
             _html_field("generalfeedback", _general_feedback(question.explanation)),
             "    <defaultgrade>1</defaultgrade>", f"    <penalty>{PENALTY}</penalty>", "    <hidden>0</hidden>",
             "    <single>true</single>", "    <shuffleanswers>true</shuffleanswers>",
             "    <answernumbering>abc</answernumbering>", "    <showstandardinstruction>0</showstandardinstruction>",
             _html_field("correctfeedback", "<p>Right.</p>"),
             _html_field("partiallycorrectfeedback", ""), _html_field("incorrectfeedback", "<p>Not this one.</p>")]
    lines += [_answer(option, index == question.answer) for index, option in enumerate(question.options)]
    return "\n".join([*lines, "  </question>"]) + "\n"


def _answer(option: Option, right: bool) -> str:
    feedback = f"<p>{_html(option.feedback)}</p>" if option.feedback else ""
    return (f"    <answer fraction=\"{100 if right else 0}\" format=\"html\">\n"
            f"      <text>{xml_escape(f'<p>{_html(option.text)}</p>')}</text>\n"
            f"      <feedback format=\"html\">\n        <text>{xml_escape(feedback)}</text>\n      </feedback>\n"
            "    </answer>")


def _html_field(tag: str, content: str) -> str:
    return f"    <{tag} format=\"html\">\n      <text>{xml_escape(content)}</text>\n    </{tag}>"


def _general_feedback(explanation: Explanation) -> str:
    """The explanation as HTML paragraphs and a list of references (every text in it escaped)."""
    parts = [explanation.statement, explanation.note, f"Evidence: {explanation.evidence}"]
    paragraphs = "".join(f"<p>{_html(part)}</p>" for part in parts if part)
    if not explanation.references:
        return paragraphs
    items = "".join(f"<li>{_html(reference)}</li>" for reference in explanation.references)
    return f"{paragraphs}<p>References:</p><ul>{items}</ul>"


def _html(text: str) -> str:
    return html.escape(one_line(text), quote=False)


def write_moodle_xml(quiz: Quiz, target: TextTarget) -> None:
    """Write the quiz as Moodle XML to a path or an open text stream."""
    write_text(moodle_xml_text(quiz), target)
