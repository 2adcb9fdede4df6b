"""Quiz questions as plain records: what is asked, the options, the answer and why.

A :class:`Question` is built from the graph and carries the ids it tests (``about``, ``anchor``,
``relation``, ``hidden``), so the app, the writers and the tests can check it against the graph
rather than trust its text.
"""

from __future__ import annotations

from dataclasses import dataclass

COMPLETE_LINK = "complete-link"
RELATION = "relation"
CLAIM = "claim"
STRONGEST = "strongest"
MAP = "According to the map"

QUESTION_KINDS = {
    COMPLETE_LINK: "Which node completes this link?",
    RELATION: "Which relation joins these two?",
    CLAIM: "Is this claim supported?",
    STRONGEST: "Which of these has the strongest evidence?",
}


@dataclass(frozen=True)
class Option:
    """One answer to choose: the id it stands for (node, relation or verdict), its text, and what
    the map says about it (shown to a student who chooses it)."""

    id: str
    text: str
    feedback: str = ""


@dataclass(frozen=True)
class Explanation:
    """Why the answer is right, from the data: the fact, the edge's note, evidence and references."""

    statement: str
    note: str
    evidence: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """A multiple-choice question with exactly one correct option.

    ``about`` holds the edge ids (or the claim id) the question is made from; ``anchor`` is the
    node named in the prompt, ``relation`` the relation asked about, and ``hidden`` says which end
    of the link the options stand for (``source`` or ``target``), where these apply.
    """

    id: str
    kind: str
    prompt: str
    options: tuple[Option, ...]
    answer: int
    explanation: Explanation
    about: tuple[str, ...]
    anchor: str = ""
    relation: str = ""
    hidden: str = ""

    @property
    def correct(self) -> Option:
        return self.options[self.answer]

    @property
    def kind_label(self) -> str:
        """What kind of question this is, in words ("Which node completes this link?")."""
        return QUESTION_KINDS[self.kind]

    def is_correct(self, option_id: str) -> bool:
        return option_id == self.correct.id


@dataclass(frozen=True)
class Quiz:
    """Questions for one view of a dataset, drawn with one seed (same seed, same quiz)."""

    title: str
    seed: int
    questions: tuple[Question, ...]
    dataset: str = ""

    def name(self, number: int) -> str:
        """A name for question ``number`` that a platform may show as a title: its number and kind, never
        a label (a view's title may name the answer); the bank's category names the view."""
        return f"{number:02d} {self.questions[number - 1].kind_label}"

    def score(self, answers: dict[str, str]) -> int:
        """How many questions ``answers`` (question id → chosen option id) gets right."""
        return sum(question.is_correct(answers.get(question.id, "")) for question in self.questions)
