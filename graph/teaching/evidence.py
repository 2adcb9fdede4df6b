"""Questions about evidence: "is this claim supported?" and "which has the strongest evidence?".

Claim questions offer every verdict, in the format's order (a scale reads better unshuffled), so
the claim's own verdict is the one right answer. Strongest-evidence questions compare links with
one relation and one shared end; the answer's best evidence is a whole certainty grade above every
distractor's (the grades drawn as line styles, claim only last), so the answer never hangs on fine
grading. Grades are read from the whole graph, so a stronger link off screen still counts.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from graph.dataset.vocabulary import VERDICT_LIST, VERDICTS
from graph.present.details import reference_line
from graph.present.style import evidence_tier
from graph.teaching.facts import (
    Scope,
    capital,
    evidence_text,
    explain_edge,
    is_claim,
    node_option,
    pick_distractors,
    shown_edges,
    shuffled_options,
    tier_strength,
)
from graph.teaching.questions import CLAIM, MAP, STRONGEST, Explanation, Option, Question


def claim_questions(scope: Scope) -> Iterator[Question]:
    """One question per shown claim: which verdict did the evidence give it?"""
    for node in sorted(scope.shown):
        if not is_claim(scope, node):
            continue
        claim = scope.dataset.claim(node)
        options = tuple(Option(verdict.id, verdict.label, _verdict_feedback(verdict.id, claim.verdict))
                        for verdict in VERDICT_LIST)
        source = scope.dataset.reference(claim.source).citation.split(". ")[0]
        yield Question(
            id=f"{CLAIM}:{claim.id}", kind=CLAIM,
            prompt=f"Which verdict does the map give this claim? “{claim.statement}” (from {source})",
            options=options, answer=list(VERDICTS).index(claim.verdict),
            explanation=_explain_claim(scope, claim.id), about=(claim.id,), anchor=claim.id,
        )


def _verdict_feedback(verdict: str, given: str) -> str:
    meaning = f"{VERDICTS[verdict].label}: {VERDICTS[verdict].meaning}"
    return f"The map's verdict. {meaning}" if verdict == given else f"Not the map's verdict. {meaning}"


def _explain_claim(scope: Scope, claim_id: str) -> Explanation:
    claim = scope.dataset.claim(claim_id)
    verdict = VERDICTS[claim.verdict]
    return Explanation(
        statement=f"{verdict.label}: {verdict.meaning}", note=claim.note, evidence=verdict.label,
        references=tuple(reference_line(scope.dataset.reference(ref)) for ref in claim.references),
    )


def strongest_questions(scope: Scope, rng: random.Random) -> Iterator[Question]:
    """For each shown node and relation with three or more links, which link is best supported?"""
    for comparison, others in sorted(_groups(scope).items()):
        question = _strongest(scope, rng, comparison, sorted(others))
        if question is not None:
            yield question


@dataclass(frozen=True, order=True)
class Comparison:
    """Links with one ``relation`` and one shared end (``anchor``); ``hidden`` is the end that varies."""

    anchor: str
    relation: str
    hidden: str

    def ends(self, node: str) -> tuple[str, str]:
        """(source, target) of the link between the anchor and ``node``."""
        return (node, self.anchor) if self.hidden == "source" else (self.anchor, node)

    def best_edge(self, scope: Scope, node: str) -> tuple[str, str, str]:
        """The key of the strongest such link between the anchor and ``node`` (by tier, then rank)."""
        source, target = self.ends(node)
        links = scope.graph[source][target].items()
        edges = [(tier_strength(scope.dataset, data), data["evidence_rank"], key)
                 for key, data in links if data["relation"] == self.relation]
        return source, target, max(edges)[2]

    def prompt(self, scope: Scope) -> str:
        phrase, anchor = scope.dataset.relation(self.relation).label, scope.label(self.anchor)
        if self.hidden == "source":
            return f"{MAP}, which of these has the strongest evidence that it {phrase} {anchor}?"
        return f"{MAP}, for which of these is the evidence strongest that {anchor} {phrase} it?"


def _groups(scope: Scope) -> dict[Comparison, set[str]]:
    """Each comparison the shown links allow → the nodes at its varying end (claims layer included)."""
    groups: dict[Comparison, set[str]] = defaultdict(set)
    for source, target, _, data in shown_edges(scope, evidence_only=False):
        groups[Comparison(target, data["relation"], "source")].add(source)
        groups[Comparison(source, data["relation"], "target")].add(target)
    return groups


def _strongest(scope: Scope, rng: random.Random, comparison: Comparison, others: list[str]) -> Question | None:
    """The best-supported link is the answer; the other options are links a whole tier weaker."""
    ranks = {node: scope.strength(*comparison.ends(node), comparison.relation) for node in others}
    top = max(ranks.values())
    answer = rng.choice([node for node, rank in ranks.items() if rank == top])
    wrong = pick_distractors(rng, [node for node, rank in ranks.items()
                                   if rank < top and not scope.near_synonym(node, answer)])
    if wrong is None:
        return None
    edges = {node: comparison.best_edge(scope, node) for node in [answer, *wrong]}
    options, index = shuffled_options(rng, *_evidence_options(scope, [answer, *wrong], edges))
    edges_in_order = list(edges.values())
    return Question(
        id=f"{STRONGEST}:{comparison.anchor}:{comparison.relation}:{comparison.hidden}", kind=STRONGEST,
        prompt=comparison.prompt(scope), options=options, answer=index,
        explanation=_explain_strongest(scope, [answer, *wrong], edges_in_order),
        about=tuple(key for *_, key in edges_in_order),
        anchor=comparison.anchor, relation=comparison.relation, hidden=comparison.hidden,
    )


def _evidence_options(scope: Scope, nodes: list[str], edges: dict[str, tuple[str, str, str]]
                      ) -> tuple[Option, list[Option]]:
    """The answer's option and the distractors', each with its own evidence as feedback."""
    lines = {node: _evidence_line(scope, node, scope.graph.edges[edges[node]]) for node in nodes}
    options = [node_option(scope, node, f"The map's evidence: {lines[node]}.") for node in nodes]
    return options[0], options[1:]


def _explain_strongest(scope: Scope, nodes: list[str], edges: list[tuple[str, str, str]]) -> Explanation:
    """The winning link's explanation, with each option's evidence listed for comparison."""
    best = explain_edge(scope, edges[0])
    levels = "; ".join(_evidence_line(scope, node, scope.graph.edges[edge])
                       for node, edge in zip(nodes, edges, strict=True))
    return Explanation(statement=best.statement, note=best.note, evidence=levels, references=best.references)


def _evidence_line(scope: Scope, node: str, data: dict) -> str:
    """E.g. "Alcohol: Not graded (dash-dot-dot), Guideline, good-practice statement"."""
    tier = evidence_tier(scope.dataset, data["evidence"]).label
    return f"{capital(scope.label(node))}: {tier}, {evidence_text(scope.dataset, data)}"
