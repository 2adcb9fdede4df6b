"""Questions about single links: "which node completes this link?" and "which relation joins these two?".

Only evidence-layer links are asked about (a claimed link is not a fact). A distractor node is of
the same kind as the answer and shares no edge at all with the node in the prompt, so no reading
of the relation can make it right; a distractor relation joins neither the two nodes nor,
anywhere in the graph, their two kinds, nor is it of the same family as a relation that joins them
(:mod:`graph.teaching.families`: "can cause" beside "causes"). Every option carries what the map says about it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from graph.teaching.facts import (
    Scope,
    explain_edge,
    is_claim,
    node_option,
    pick_distractors,
    shown_edges,
    shuffled_options,
)
from graph.teaching.families import relation_families
from graph.teaching.questions import COMPLETE_LINK, MAP, RELATION, Option, Question

BLANK = "…"


def complete_link_questions(scope: Scope, rng: random.Random) -> Iterator[Question]:
    """For each shown link, hide its target, then its source, when two distractors exist."""
    for source, target, key, data in shown_edges(scope):
        for hidden in ("target", "source"):
            question = _complete_link(scope, rng, (source, target, key), data["relation"], hidden)
            if question is not None:
                yield question


def _complete_link(scope: Scope, rng: random.Random, edge: tuple[str, str, str], relation: str,
                   hidden: str) -> Question | None:
    source, target, key = edge
    answer, anchor = (target, source) if hidden == "target" else (source, target)
    candidates = [node for node in _unlinked_of_kind(scope, anchor, scope.kind(answer))
                  if not scope.near_synonym(node, answer)]
    wrong = pick_distractors(rng, candidates)
    if wrong is None:
        return None
    right = node_option(scope, answer, explain_edge(scope, edge).statement)
    options, index = shuffled_options(rng, right, [_unlinked_option(scope, n, anchor) for n in wrong])
    phrase = scope.dataset.relation(relation)
    reading = phrase.label if hidden == "target" else phrase.inverse
    return Question(
        id=f"{COMPLETE_LINK}:{key}:{hidden}", kind=COMPLETE_LINK,
        prompt=f"{MAP}, which completes this link? “{scope.label(anchor)} {reading} {BLANK}”",
        options=options, answer=index, explanation=explain_edge(scope, edge), about=(key,),
        anchor=anchor, relation=relation, hidden=hidden,
    )


def _unlinked_option(scope: Scope, node: str, anchor: str) -> Option:
    return node_option(scope, node, f"The map links {scope.label(node)} to {scope.label(anchor)} in no way.")


def _unlinked_of_kind(scope: Scope, anchor: str, kind: str) -> list[str]:
    """Nodes of ``kind`` that share no edge with ``anchor`` (and are not the anchor or a claim)."""
    linked = scope.neighbours[anchor]
    return [node for node in scope.nodes_of_kind(kind)
            if node != anchor and node not in linked and not is_claim(scope, node)]


def relation_questions(scope: Scope, rng: random.Random) -> Iterator[Question]:
    """For each shown link, ask which relation joins its two ends (in its direction)."""
    for source, target, key, data in shown_edges(scope):
        wrong = pick_distractors(rng, _unrelated_relations(scope, source, target))
        if wrong is None:
            continue
        relation = scope.dataset.relation(data["relation"])
        right = Option(relation.id, relation.label, explain_edge(scope, (source, target, key)).statement)
        options, index = shuffled_options(rng, right, [_unused_relation(scope, r, source, target) for r in wrong])
        yield Question(
            id=f"{RELATION}:{key}", kind=RELATION,
            prompt=f"{MAP}, which relation joins these two? “{scope.label(source)} {BLANK} {scope.label(target)}”",
            options=options, answer=index, explanation=explain_edge(scope, (source, target, key)),
            about=(key,), anchor=source, relation=relation.id,
        )


def _unused_relation(scope: Scope, relation_id: str, source: str, target: str) -> Option:
    label = scope.dataset.relation(relation_id).label
    kinds = (scope.dataset.kind(scope.kind(source)).label, scope.dataset.kind(scope.kind(target)).label)
    return Option(relation_id, label, f"The map never uses “{label}” between these two, nor from a "
                                      f"{kinds[0].lower()} or to a {kinds[1].lower()}.")


def _unrelated_relations(scope: Scope, source: str, target: str) -> list[str]:
    """Relations that join the two nodes in neither direction, and that nowhere in the graph start
    at a node of the source's kind or end at a node of the target's kind.

    A relation used with either kind elsewhere might be true of these two nodes even though the
    graph does not record it ("light feeds the light reactions"), so it is never offered as wrong.
    """
    used = scope.relations_between(source, target) | scope.relations_between(target, source)
    families = relation_families(scope.dataset)
    kin = {families[relation] for relation in used}  # "can cause" is not wrong where the map says "causes"
    used |= _relations_touching(scope, scope.kind(source), scope.kind(target))
    return [relation.id for relation in scope.dataset.relations
            if relation.id not in used and families[relation.id] not in kin]


def _relations_touching(scope: Scope, source_kind: str, target_kind: str) -> set[str]:
    starting, ending = scope.relations_by_kind
    return starting.get(source_kind, set()) | ending.get(target_kind, set())
