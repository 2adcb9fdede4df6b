"""The quiz checker: does every question have exactly one option the map supports?

Each question of a quiz is read back against the whole graph, independently of the generator:

- "which completes this link?": an option is supported when the map links it to the node in the
  prompt, in the direction asked, by the relation asked, a relation of the same family (causes,
  can cause, leads to) or any relation read the other way; or when its label is a near-synonym of
  the key's (an alias of it, or nearly the same words);
- "which relation joins these two?": a relation is supported when the map joins the two nodes by
  it or by one of its family, either way round;
- "which has the strongest evidence?": an option is supported when its link's certainty grade is
  not a whole grade below the key's;
- a claim's verdict: the claim's own verdict only.

Families are the library's (:mod:`graph.teaching.families`), derived from the relation phrases.
The run also counts each draft the generator rejected: the questions the view offers (two per
link to complete, one per link's relation, one per comparison of three or more links, one per
claim) that did not become a question.

    python -m bench.quiz_check            # RLS and photosynthesis, seeds 1-5, claims off and on
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from graph import Explorer, ViewSpec
from graph.network.build import EVIDENCE_LAYER
from graph.teaching import Question, make_quiz
from graph.teaching.facts import Scope, shown_edges
from graph.teaching.families import relation_families
from graph.teaching.questions import CLAIM, COMPLETE_LINK, RELATION, STRONGEST
from graph.teaching.quiz import question_bank

ROOT = Path(__file__).resolve().parent.parent
DATASETS = {"rls": ROOT / "data" / "rls", "photosynthesis": ROOT / "data" / "photosynthesis.yaml"}
SEEDS = (1, 2, 3, 4, 5)
PER_QUIZ = 50


@dataclass(frozen=True)
class Tally:
    """One quiz's figures: questions, those with more than one supported option, drafts rejected."""

    questions: int
    ambiguous: tuple[str, ...]
    drafts: int
    rejected: int


def supported(scope: Scope, families: dict[str, str], question: Question) -> list[int]:
    """The indices of the options the map supports."""
    checks = {COMPLETE_LINK: _completes, RELATION: _joins, STRONGEST: _as_strong, CLAIM: _is_verdict}
    return [index for index, option in enumerate(question.options)
            if checks[question.kind](scope, families, question, option.id)]


def _completes(scope: Scope, families: dict[str, str], question: Question, node: str) -> bool:
    key = question.correct.id
    if node == key or scope.near_synonym(node, key):
        return True
    source, target = (question.anchor, node) if question.hidden == "target" else (node, question.anchor)
    forwards = {families[r] for r in _stated(scope, source, target)}
    return families[question.relation] in forwards or bool(_stated(scope, target, source))


def _joins(scope: Scope, families: dict[str, str], question: Question, relation: str) -> bool:
    source = question.anchor
    target = next(node for node in scope.graph.successors(source)
                  if question.about[0] in scope.graph[source][node])
    used = _stated(scope, source, target) | _stated(scope, target, source)
    return relation in used or families[relation] in {families[r] for r in used}


def _stated(scope: Scope, source: str, target: str) -> set[str]:
    """Relations of the evidence links from ``source`` to ``target`` (a claim is not a fact)."""
    return {data["relation"] for data in scope.graph[source].get(target, {}).values()
            if data["layer"] == EVIDENCE_LAYER}


def _as_strong(scope: Scope, families: dict[str, str], question: Question, node: str) -> bool:
    def grade(end: str) -> int:
        ends = (end, question.anchor) if question.hidden == "source" else (question.anchor, end)
        return scope.strength(*ends, question.relation)
    return grade(node) >= grade(question.correct.id)


def _is_verdict(scope: Scope, families: dict[str, str], question: Question, verdict: str) -> bool:
    return verdict == scope.dataset.claim(question.anchor).verdict



def drafts(scope: Scope) -> int:
    """Questions the view offers before any is rejected."""
    links = sum(1 for _ in shown_edges(scope))
    groups = _comparisons(scope)
    claims = sum(scope.kind(node) == "claim" for node in scope.shown)
    return 3 * links + groups + claims


def _comparisons(scope: Scope) -> int:
    ends: dict[tuple[str, str, str], set[str]] = {}
    for source, target, _, data in shown_edges(scope, evidence_only=False):
        ends.setdefault((target, data["relation"], "source"), set()).add(source)
        ends.setdefault((source, data["relation"], "target"), set()).add(target)
    return sum(len(nodes) >= 3 for nodes in ends.values())


def tally(explorer: Explorer, spec: ViewSpec, seed: int, count: int = PER_QUIZ) -> Tally:
    """Check one quiz: its ambiguous questions, and the drafts its view rejected."""
    scope = Scope(explorer.dataset, explorer.graph, explorer.view(spec).graph)
    families = relation_families(explorer.dataset)
    quiz = make_quiz(explorer, spec, seed=seed, count=count)
    ambiguous = tuple(q.id for q in quiz.questions if len(supported(scope, families, q)) != 1)
    offered = drafts(scope)
    return Tally(len(quiz.questions), ambiguous, offered, offered - len(question_bank(explorer, spec, seed)))


def main(argv: list[str] | None = None) -> int:
    """Print, per dataset and claims layer, questions checked, ambiguous ones and drafts rejected."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=PER_QUIZ, help="questions per quiz (default 50)")
    args = parser.parse_args(argv)
    failures = 0
    for name, path in DATASETS.items():
        explorer = Explorer.from_path(path)
        for claims in (False, True):
            tallies = [tally(explorer, ViewSpec(claims=claims), seed, args.count) for seed in SEEDS]
            bad = [question for t in tallies for question in t.ambiguous]
            failures += len(bad)
            print(f"{name}, claims {'on' if claims else 'off'}, seeds 1-5: {sum(t.questions for t in tallies)} "
                  f"questions, {len(bad)} with more than one supported option; "
                  f"{sum(t.rejected for t in tallies)} of {sum(t.drafts for t in tallies)} drafts rejected"
                  + (f" ({', '.join(bad)})" if bad else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
