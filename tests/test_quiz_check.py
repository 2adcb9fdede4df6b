"""The quiz checker (bench/quiz_check.py) on a small sample, and the relation families it and the
generator share: no question may have two options the map supports."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from bench.quiz_check import supported, tally
from graph import Explorer, ViewSpec
from graph.teaching import make_quiz
from graph.teaching.facts import Scope
from graph.teaching.families import head_verb, relation_families
from graph.teaching.questions import RELATION, Option

ROOT = Path(__file__).resolve().parent.parent


@cache
def rls() -> Explorer:
    return Explorer.from_path(ROOT / "data" / "rls")


def test_causing_phrases_are_one_family_and_other_verbs_are_not() -> None:
    families = relation_families(rls().dataset)
    assert families["causes"] == families["can_cause"] == families["leads_to"]
    assert families["treats"] != families["causes"]
    assert head_verb("is a risk factor for") == "risk" and head_verb("may trigger") == "cause"


@pytest.mark.parametrize(("path", "seed", "claims"), [("data/rls", 3, True), ("data/rls", 1, False),
                                                      ("data/photosynthesis.yaml", 2, True)])
def test_every_question_of_a_sample_has_one_supported_option(path: str, seed: int, claims: bool) -> None:
    result = tally(Explorer.from_path(ROOT / path), ViewSpec(claims=claims), seed, count=30)
    assert result.questions and result.ambiguous == ()
    assert 0 <= result.rejected <= result.drafts


def test_the_checker_flags_a_relation_of_the_keys_family_offered_as_wrong() -> None:
    explorer = rls()
    question = next(q for seed in (1, 2, 3) for q in make_quiz(explorer, ViewSpec(), seed=seed, count=40).questions
                    if q.kind == RELATION and q.correct.id == "causes")
    scope = Scope(explorer.dataset, explorer.graph, explorer.view(ViewSpec()).graph)
    families = relation_families(explorer.dataset)
    assert len(supported(scope, families, question)) == 1
    wrong = next(index for index in range(len(question.options)) if index != question.answer)
    options = list(question.options)
    options[wrong] = Option("can_cause", "can cause")
    assert len(supported(scope, families, replace(question, options=tuple(options)))) == 2
