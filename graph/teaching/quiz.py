"""Quizzes drawn from a view of the graph: every question generator, one seed, kinds in turn.

The view (filters, focus, path, claims layer) decides what questions are *about*; answers are
checked against the whole graph. One ``random.Random(seed)`` draws distractors, option order and
the selection, always in the same order, so the same seed gives the same quiz.
"""

from __future__ import annotations

import random
from itertools import chain, zip_longest

import networkx as nx

from graph.dataset.model import Dataset
from graph.network.explorer import Explorer
from graph.teaching.evidence import claim_questions, strongest_questions
from graph.teaching.facts import Scope
from graph.teaching.links import complete_link_questions, relation_questions
from graph.teaching.questions import QUESTION_KINDS, Question, Quiz
from graph.viewspec import ViewSpec

DEFAULT_COUNT = 10


def question_bank(explorer: Explorer, spec: ViewSpec | None = None, seed: int = 0) -> list[Question]:
    """Every question the view yields, grouped by kind; distractors and option order drawn with ``seed``."""
    return scope_bank(Scope(explorer.dataset, explorer.graph, explorer.view(spec or ViewSpec()).graph), seed)


def scope_bank(scope: Scope, seed: int = 0) -> list[Question]:
    """Every question about ``scope.shown`` (checked against ``scope.graph``), drawn with ``seed``."""
    rng = random.Random(seed)
    return [*complete_link_questions(scope, rng), *relation_questions(scope, rng),
            *claim_questions(scope), *strongest_questions(scope, rng)]


def make_quiz(explorer: Explorer, spec: ViewSpec | None = None, *, seed: int = 0,
              count: int = DEFAULT_COUNT) -> Quiz:
    """Up to ``count`` questions about the view, taking the kinds in turn, no prompt or fact twice.

    Raises ViewSpecError when the spec names ids the dataset does not have.
    """
    view = explorer.view(spec or ViewSpec())
    return quiz_on(explorer.dataset, explorer.graph, view.graph, view.title, seed=seed, count=count)


def quiz_on(dataset: Dataset, graph: nx.MultiDiGraph, shown: nx.MultiDiGraph, title: str, *, seed: int = 0,
            count: int = DEFAULT_COUNT) -> Quiz:
    """Up to ``count`` questions about ``shown`` (a view, or the steps of a tour together), checked
    against the whole ``graph``, as :func:`make_quiz` draws them."""
    bank = scope_bank(Scope(dataset, graph, shown), seed)
    chosen = _balanced(bank, random.Random(f"pick-{seed}"), count)
    return Quiz(title=f"Quiz: {title}", seed=seed, questions=tuple(chosen), dataset=dataset.meta.title)


def _balanced(bank: list[Question], rng: random.Random, count: int) -> list[Question]:
    groups = [[question for question in bank if question.kind == kind] for kind in QUESTION_KINDS]
    for group in groups:
        rng.shuffle(group)
    chosen: list[Question] = []
    asked: set[str] = set()
    for question in _in_turn(groups):
        if len(chosen) == count:
            break
        facts = {question.prompt, *question.about}
        if not facts & asked:  # no prompt twice, and no link or claim asked about twice
            asked |= facts
            chosen.append(question)
    return chosen


def _in_turn(groups: list[list[Question]]) -> list[Question]:
    """One of each kind, then the next of each kind, and so on."""
    return [question for question in chain.from_iterable(zip_longest(*groups)) if question is not None]


def count_by_kind(questions: list[Question] | tuple[Question, ...]) -> dict[str, int]:
    """How many questions of each kind (every kind listed, zeros included)."""
    return {kind: sum(question.kind == kind for question in questions) for kind in QUESTION_KINDS}
