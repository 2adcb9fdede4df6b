"""Question banks as Moodle GIFT, the plain-text format Moodle's question bank imports.

Each question is multiple choice with one answer marked ``=``, the others ``~``, each with its
feedback (``#``), and the explanation as general feedback (``####``). Names number the questions
and say their kind, never their answer; a ``$CATEGORY`` line files them under the dataset and
the view. Every text is declared ``[html]`` and HTML-escaped,
so a label such as ``<img onerror=…>`` reads as text in Moodle and in any tool that renders GIFT as
HTML; then GIFT's own special characters (``~ = # { } :`` and the backslash) are escaped with a
backslash, as Moodle's importer expects. Declaring the format on every answer also stops a label
that starts with ``[`` or ``%`` from being read as a format or a weight.
"""

from __future__ import annotations

import html

from graph.teaching.moodle_xml import bank_category
from graph.teaching.questions import Explanation, Question, Quiz
from graph.teaching.writing import TextTarget, one_line, write_text

GIFT_SPECIAL = "~=#{}:"
FORMAT = "[html]"


def escape_gift(text: str) -> str:
    """``text`` as GIFT shows it literally: one line, HTML-escaped, special characters escaped."""
    escaped = html.escape(one_line(text), quote=False).replace("\\", "\\\\")
    return "".join(f"\\{char}" if char in GIFT_SPECIAL else char for char in escaped)


def gift_text(quiz: Quiz) -> str:
    """The quiz as a GIFT file: a comment naming it, then one block per question."""
    header = (f"// {escape_gift(quiz.title)} (seed {quiz.seed}, {len(quiz.questions)} questions)\n"
              f"$CATEGORY: {bank_category(quiz)}")
    blocks = [gift_question(quiz.name(number), question) for number, question in enumerate(quiz.questions, start=1)]
    return "\n\n".join([header, *blocks]) + "\n"


def gift_question(name: str, question: Question) -> str:
    """One multiple-choice question with its name, options (each with its feedback) and general feedback."""
    lines = [f"::{escape_gift(name)}::{FORMAT}{escape_gift(question.prompt)}{{"]
    for index, option in enumerate(question.options):
        mark = "=" if index == question.answer else "~"
        feedback = f"#{FORMAT}{escape_gift(option.feedback)}" if option.feedback else ""
        lines.append(f"{mark}{FORMAT}{escape_gift(option.text)}{feedback}")
    lines.append(f"####{FORMAT}{_feedback(question.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def _feedback(explanation: Explanation) -> str:
    """The explanation as HTML paragraphs (the markup is ours; every text in it is escaped)."""
    parts = [explanation.statement, explanation.note, f"Evidence: {explanation.evidence}"]
    if explanation.references:
        parts.append("References: " + " | ".join(explanation.references))
    return "".join(f"<p>{escape_gift(part)}</p>" for part in parts if part)


def write_gift(quiz: Quiz, target: TextTarget) -> None:
    """Write the quiz as GIFT to a path or an open text stream."""
    write_text(gift_text(quiz), target)
