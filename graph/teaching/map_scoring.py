"""Scoring a student's concept map against the graph, link by link, with the evidence as feedback.

Each drawn link gets one verdict:

- ``right``: the map states it (read forwards, or backwards by the relation's inverse phrase);
- ``reversed``: the map states it the other way round;
- ``wrong-relation``: the map links the two nodes, but by another relation;
- ``not-in-map``: the map does not link the two nodes at all.

Every link of the task the student did not draw is ``missing``. Precision is the share of drawn
links that are right; recall, the share of links to find that were drawn right. A link the map
states between the view's nodes counts as right even where the view's filters hide it. Feedback
for each link comes from the edge: its statement, note, evidence level and references.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.dataset.convert import suggest
from graph.errors import Problem, ValidationError
from graph.network.explorer import Explorer
from graph.teaching.concept_map import MapLink, Proposition, StudentMap
from graph.teaching.facts import Scope, evidence_text, statement
from graph.teaching.map_task import MapTask, make_task, view_propositions

RIGHT, REVERSED, WRONG_RELATION, NOT_IN_MAP, MISSING = "right", "reversed", "wrong-relation", "not-in-map", "missing"
VERDICT_WORDS = {RIGHT: "right", REVERSED: "right pair, reversed", WRONG_RELATION: "right pair, wrong relation",
                 NOT_IN_MAP: "not in the map", MISSING: "missing"}


@dataclass(frozen=True)
class LinkVerdict:
    """One drawn (or missing) link, what the map says of it, and why."""

    link: Proposition
    verdict: str
    feedback: str


@dataclass(frozen=True)
class MapScore:
    """Every link's verdict, and the precision and recall over propositions."""

    verdicts: tuple[LinkVerdict, ...]
    drawn: int
    to_find: int

    @property
    def right(self) -> int:
        return sum(verdict.verdict == RIGHT for verdict in self.verdicts)

    @property
    def precision(self) -> float:
        return self.right / self.drawn if self.drawn else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.to_find if self.to_find else 1.0

    def of(self, verdict: str) -> tuple[LinkVerdict, ...]:
        return tuple(item for item in self.verdicts if item.verdict == verdict)


def score_map(explorer: Explorer, student_map: StudentMap, name: str = "the map") -> MapScore:
    """Score a saved map against the view it was built on (its level and seed give the task).

    Raises ValidationError, naming ``name`` and every unknown id, when a link names a node or a
    relation the dataset does not have (a map made on another version of it, or edited by hand).
    """
    problems = map_problems(explorer, student_map, name)
    if problems:
        raise ValidationError(problems)
    view = explorer.view(student_map.spec)
    task = make_task(view, student_map.level, student_map.seed)
    return score_links(explorer, task, student_map.links)


def map_problems(explorer: Explorer, student_map: StudentMap, name: str) -> list[Problem]:
    """A problem for each link end or relation that is not in the dataset."""
    nodes, relations = explorer.graph, {relation.id for relation in explorer.dataset.relations}
    links = [(part, index, link) for part in ("given", "links")
             for index, link in enumerate(getattr(student_map, part))]
    problems = [Problem(name, 0, f"{part}[{index}]: {end} '{node}' is not a node of this dataset.",
                        hint=suggest(node, nodes))
                for part, index, link in links for end, node in (("source", link.source), ("target", link.target))
                if node not in nodes]
    problems += [Problem(name, 0, f"{part}[{index}]: relation '{link.relation}' is not a relation of this dataset.",
                         hint=suggest(link.relation, relations))
                 for part, index, link in links if link.relation not in relations]
    return problems


def score_links(explorer: Explorer, task: MapTask, links: tuple[MapLink, ...]) -> MapScore:
    """Each of ``links`` judged against the graph; the task's links not drawn right are missing."""
    scope = Scope(explorer.dataset, explorer.graph, explorer.graph.subgraph(task.nodes))
    truth = set(view_propositions(scope.shown))
    given = {link.proposition for link in task.given}
    drawn = list(dict.fromkeys(link.proposition for link in links if link.proposition not in given))
    verdicts = [_judged(scope, truth, p, _verdict(scope.shown, truth, p)) for p in drawn]
    found = {item.link for item in verdicts if item.verdict == RIGHT}
    verdicts += [_judged(scope, truth, p, MISSING) for p in task.to_find if p not in found]
    return MapScore(tuple(verdicts), len(drawn), len(task.to_find))


def _judged(scope: Scope, truth: set[Proposition], proposition: Proposition, verdict: str) -> LinkVerdict:
    return LinkVerdict(proposition, verdict, _feedback(scope, truth, proposition))


def _verdict(graph: nx.MultiDiGraph, truth: set[Proposition], proposition: Proposition) -> str:
    source, relation, target = proposition
    if proposition in truth:
        return RIGHT
    if (target, relation, source) in truth:
        return REVERSED
    if any((a, r, b) in truth for a, r, b in _between(graph, source, target)):
        return WRONG_RELATION
    return NOT_IN_MAP


def _between(graph: nx.MultiDiGraph, a: str, b: str) -> list[Proposition]:
    """Every link between ``a`` and ``b``, either way."""
    forward: list[Proposition] = [(a, str(data["relation"]), b) for data in graph[a].get(b, {}).values()]
    backward: list[Proposition] = [(b, str(data["relation"]), a) for data in graph[b].get(a, {}).values()]
    return forward + backward


def _feedback(scope: Scope, truth: set[Proposition], proposition: Proposition) -> str:
    """What the map says about the two nodes, with the evidence for it."""
    source, _, target = proposition
    stated = [p for p in _between(scope.shown, source, target) if p in truth]
    if not stated:
        return f"The map states no evidence link between {scope.label(source)} and {scope.label(target)}."
    return " ".join(_edge_words(scope, p) for p in stated)


def _edge_words(scope: Scope, proposition: Proposition) -> str:
    source, relation, target = proposition
    data = next(d for d in scope.graph.get_edge_data(source, target).values() if d["relation"] == relation)
    refs = ", ".join(data["references"])
    note = f" {data['note']}" if data["note"] else ""
    return f"The map: {statement(scope, source, relation, target)}{note} ({evidence_text(scope.dataset, data)}; {refs})"
