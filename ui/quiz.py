"""A quiz on the view on screen: one question at a time, the explanation after each answer, the
score at the end; and the question bank of the view to download for a learning platform.

The quiz is drawn by :func:`graph.teaching.make_quiz` from the current filters and focus, with a
quiz number as its seed, so a class can share "quiz 3 on this view". Every text is dataset text,
escaped (option labels too: Streamlit reads radio options as Markdown).
"""

from __future__ import annotations

import functools
import re

import streamlit as st

from graph import Explorer, View, ViewSpec
from graph.teaching import BANK_FORMATS, BankFormat, Question, Quiz, make_quiz
from ui import state
from ui.layout import open_expander
from ui.session import QuizProgress, session
from ui.text import escape

PANEL = "quiz_open"
KEPT = ("quiz_seed", "quiz_count")
DEFAULT_QUESTIONS = 5


def show_quiz(explorer: Explorer, view: View) -> None:
    """The quiz panel: settings, the current question or the score, and the bank downloads."""
    progress = session().quiz
    if progress is not None and progress.explorer is not explorer:  # another dataset: its quiz no longer applies
        session().quiz = progress = None
    spec = view.spec
    state.keep_values(KEPT)
    panel = open_expander("Quiz yourself on this view", PANEL)
    if panel is None:
        return
    with panel:
        seed, count = _settings()
        st.button("Start a quiz on this view", key="quiz_start", on_click=_start, args=(explorer,))
        if not spec.claims and explorer.dataset.claims:
            st.caption("Questions on claims and their verdicts need the claims layer: show it to include them.")
        if progress is not None:
            if progress.spec != spec:
                st.caption("The view has changed since this quiz started: start again to match it.")
            _show_progress(progress)
        _downloads(explorer, view, seed, count)


def _settings() -> tuple[int, int]:
    st.session_state.setdefault("quiz_seed", 1)
    st.session_state.setdefault("quiz_count", DEFAULT_QUESTIONS)
    left, right = st.columns(2)
    seed = left.number_input("Quiz number (the same number gives the same questions)", min_value=0,
                             step=1, key="quiz_seed")
    count = right.slider("Questions", 1, 20, key="quiz_count")
    return int(seed), count


def _start(explorer: Explorer) -> None:
    """A new quiz on the view and with the settings as they are when the button is clicked (the
    view the button was drawn with may have changed since, by a click the page had not yet shown)."""
    spec = state.current_spec()
    seed, count = int(st.session_state.quiz_seed), int(st.session_state.quiz_count)
    session().quizzes_started += 1
    session().quiz = QuizProgress(make_quiz(explorer, spec, seed=seed, count=count), explorer, spec,
                                  run=session().quizzes_started)


def _show_progress(progress: QuizProgress) -> None:
    if not progress.quiz.questions:
        st.info("This view gives no questions: show more of the graph (a wider focus, the claims layer).")
    elif progress.current < len(progress.quiz.questions):
        _show_question(progress)
    else:
        _show_score(progress.quiz, progress.answers)


def _show_question(progress: QuizProgress) -> None:
    """The question on screen, its options, and once checked, whether it was right and why."""
    index, questions = progress.current, progress.quiz.questions
    question = questions[index]
    labels = {option.id: escape(option.text) for option in question.options}
    st.markdown(f"**Question {index + 1} of {len(questions)}.** {escape(question.prompt)}")
    choice = st.radio("Your answer", list(labels), index=None, format_func=labels.get,
                      key=f"quiz_choice_{progress.run}_{index}", disabled=progress.checked)
    if not progress.checked:
        st.button("Check the answer", key="quiz_check", disabled=choice is None, on_click=_check,
                  args=(progress, question, choice))
        return
    _show_verdict(question, progress.answers[question.id])
    last = index + 1 == len(questions)
    st.button("See your score" if last else "Next question", key="quiz_next", on_click=_advance, args=(progress,),
              type="primary")


def _check(progress: QuizProgress, question: Question, choice: str | None) -> None:
    progress.answers[question.id] = choice or ""
    progress.checked = True


def _advance(progress: QuizProgress) -> None:
    progress.current += 1
    progress.checked = False


def _show_verdict(question: Question, chosen: str) -> None:
    """Right or wrong, then the explanation: the fact, the note, the evidence, the references."""
    right = escape(question.correct.text)
    if question.is_correct(chosen):
        st.success(f"Right: {right}.")
    else:
        st.error(f"Not quite. The answer is: {right}.")
    explanation = question.explanation
    st.markdown(escape(explanation.statement))
    if explanation.note:
        st.markdown(escape(explanation.note))
    st.caption(f"Evidence: {escape(explanation.evidence)}")
    for reference in explanation.references:
        st.caption(escape(reference))


def _show_score(quiz: Quiz, answers: dict[str, str]) -> None:
    st.subheader(f"Your score: {quiz.score(answers)} of {len(quiz.questions)}")
    for number, question in enumerate(quiz.questions, start=1):
        st.markdown(_result_line(number, question, answers.get(question.id, "")))


def _result_line(number: int, question: Question, chosen: str) -> str:
    """"✓ 1. prompt — your answer: X", or "✗ … — your answer: X; the map's: Y"."""
    picked = next((option.text for option in question.options if option.id == chosen), "none")
    line = f"{number}. {escape(question.prompt)} — your answer: **{escape(picked)}**"
    if question.is_correct(chosen):
        return f"✓ {line}"
    return f"✗ {line}; the map's: **{escape(question.correct.text)}**"


def _downloads(explorer: Explorer, view: View, seed: int, count: int) -> None:
    """The same quiz as a question bank (Moodle GIFT or XML, Markdown, JSON), made when clicked."""
    st.caption("Download these questions, with answers and explanations, for a learning platform or a handout.")
    spec = view.spec
    stem = re.sub(r"[^a-z0-9]+", "-", view.title.casefold()).strip("-")[:50] or "quiz"
    for column, (name, fmt) in zip(st.columns(len(BANK_FORMATS)), BANK_FORMATS.items(), strict=True):
        column.download_button(
            f"Download {name.upper()} ({fmt.suffix})",
            functools.partial(_bank_bytes, fmt, explorer, spec, seed, count),
            file_name=f"quiz-{stem}-{seed}{fmt.suffix}", mime=fmt.mime, on_click="ignore",
            key=f"quiz_download_{name}", help=fmt.description)


def _bank_bytes(fmt: BankFormat, explorer: Explorer, spec: ViewSpec, seed: int, count: int) -> bytes:
    """The question bank in ``fmt``, made only when its download button is clicked."""
    return fmt.text(make_quiz(explorer, spec, seed=seed, count=count)).encode("utf-8")
