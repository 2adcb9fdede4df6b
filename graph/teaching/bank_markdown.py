"""Question banks as Markdown: the questions first, then an answer key with explanations.

Printed, the questions can be handed out and the key kept back. Every text from the dataset goes
through :func:`~graph.present.markdown.escape_markdown`, so it reads literally.
"""

from __future__ import annotations

from string import ascii_uppercase

from graph.present.markdown import escape_markdown
from graph.teaching.questions import Question, Quiz
from graph.teaching.writing import TextTarget, one_line, write_text


def markdown_text(quiz: Quiz) -> str:
    """The quiz as Markdown: title, numbered questions with lettered options, answer key."""
    lines = [f"# {_md(quiz.title)}", "",
             f"Seed {quiz.seed}, {len(quiz.questions)} questions. The answers and explanations follow the questions.",
             ""]
    for number, question in enumerate(quiz.questions, start=1):
        lines += _question_lines(number, question)
    lines += ["## Answers", ""]
    for number, question in enumerate(quiz.questions, start=1):
        lines += _answer_lines(number, question)
    return "\n".join(lines).rstrip("\n") + "\n"


def _question_lines(number: int, question: Question) -> list[str]:
    letters = ascii_uppercase[: len(question.options)]
    options = [f"- {letter}. {_md(option.text)}" for letter, option in zip(letters, question.options, strict=True)]
    return [f"## Question {number}", "", _md(question.prompt), "", *options, ""]


def _answer_lines(number: int, question: Question) -> list[str]:
    explanation = question.explanation
    letter = ascii_uppercase[question.answer]
    paragraphs = [explanation.note, f"Evidence: {explanation.evidence}"]
    lines = [f"{number}. **{letter}. {_md(question.correct.text)}.** {_md(explanation.statement)}", ""]
    lines += [line for text in paragraphs if text for line in (f"   {_md(text)}", "")]
    lines += [f"   - {_md(reference)}" for reference in explanation.references]
    return [*lines, ""] if explanation.references else lines


def _md(text: str) -> str:
    return escape_markdown(one_line(text))


def write_markdown(quiz: Quiz, target: TextTarget) -> None:
    """Write the quiz as Markdown to a path or an open text stream."""
    write_text(markdown_text(quiz), target)
