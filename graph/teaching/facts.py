"""What the graph says, read for questions: who is linked to whom, and a link in words.

Questions are *about* the part of the graph on screen, but their answers are checked against the
*whole* graph: a distractor that is linked off screen would be a second right answer.
"""

from __future__ import annotations

import difflib
import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import networkx as nx

from graph import wording
from graph.dataset.model import ABOUT_RELATION, CLAIM_KIND, Dataset
from graph.network.build import EVIDENCE_LAYER
from graph.present.details import reference_line
from graph.present.style import evidence_tier, tiers
from graph.teaching.questions import Explanation, Option

MIN_DISTRACTORS = 2
MAX_DISTRACTORS = 3

EdgeKey = tuple[str, str, str]
SYNONYM_RATIO = 0.85  # difflib's similarity at which two labels read as one name


@lru_cache(maxsize=1 << 16)
def spelled_alike(a: str, b: str) -> bool:
    """True when difflib finds the two names at least :data:`SYNONYM_RATIO` alike. The quick ratios
    are upper bounds of the real one, as in ``difflib.get_close_matches``: most pairs stop there."""
    matcher = difflib.SequenceMatcher(None, a, b)
    return all(ratio() >= SYNONYM_RATIO for ratio in (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio))


@dataclass(frozen=True)
class Scope:
    """The dataset, its whole graph (the truth) and the shown subgraph (what is asked about)."""

    dataset: Dataset
    graph: nx.MultiDiGraph
    shown: nx.MultiDiGraph

    @cached_property
    def neighbours(self) -> dict[str, frozenset[str]]:
        """Node → every node it shares an edge with, either way, in any layer."""
        return {node: frozenset(self.graph.pred[node]) | frozenset(self.graph.succ[node]) for node in self.graph}

    def label(self, node: str) -> str:
        return self.graph.nodes[node]["label"]

    def kind(self, node: str) -> str:
        return self.graph.nodes[node]["kind"]

    def near_synonym(self, node: str, key: str) -> bool:
        """True when ``node`` could pass for another name of ``key`` (either label is an alias of the
        other, or the two are spelled nearly alike): offered beside the key, it would be a second
        right answer."""
        a, b = self.label(node).casefold(), self.label(key).casefold()
        return a in self._aliases(key) or b in self._aliases(node) or spelled_alike(a, b)

    def _aliases(self, node: str) -> set[str]:
        return {alias.casefold() for alias in self.graph.nodes[node]["aliases"]}

    @cached_property
    def relations_by_kind(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """The relations of the whole graph's edges by the kind of node they start at, and by the
        kind they end at (read once: every link question asks)."""
        starting: dict[str, set[str]] = defaultdict(set)
        ending: dict[str, set[str]] = defaultdict(set)
        for source, target, data in self.graph.edges(data=True):
            starting[self.kind(source)].add(data["relation"])
            ending[self.kind(target)].add(data["relation"])
        return starting, ending

    def nodes_of_kind(self, kind: str) -> list[str]:
        return sorted(node for node, data in self.graph.nodes(data=True) if data["kind"] == kind)

    def relations_between(self, a: str, b: str) -> set[str]:
        """Relations of the edges from ``a`` to ``b`` (one direction) in the whole graph."""
        return {data["relation"] for data in self.graph[a].get(b, {}).values()}

    def strength(self, source: str, target: str, relation: str) -> int:
        """The certainty grade of the best ``relation`` link from source to target as a number: most
        certain highest, claim only 1, no link 0."""
        links = self.graph[source].get(target, {}).values()
        tiers = [tier_strength(self.dataset, data) for data in links if data["relation"] == relation]
        return max(tiers, default=0)


def shown_edges(scope: Scope, evidence_only: bool = True) -> Iterator[tuple[str, str, str, dict]]:
    """The shown edges in a stable order (by edge id): evidence layer only, or all but ``is_about``."""
    edges = sorted(scope.shown.edges(keys=True, data=True), key=lambda edge: edge[2])
    for source, target, key, data in edges:
        if data["relation"] == ABOUT_RELATION:
            continue
        if evidence_only and data["layer"] != EVIDENCE_LAYER:
            continue
        yield source, target, key, data


def statement(scope: Scope, source: str, relation: str, target: str) -> str:
    """A link in words: "Systemic iron deficiency is a risk factor for Restless legs syndrome."."""
    return capital(wording.statement(scope.label(source), scope.dataset.relation(relation).label,
                                     scope.label(target)) + ".")


def explain_edge(scope: Scope, key: EdgeKey) -> Explanation:
    """The explanation a link gives: its statement, note, evidence level and references."""
    data = scope.graph.edges[key]
    return Explanation(
        statement=statement(scope, key[0], data["relation"], key[1]), note=data["note"],
        evidence=evidence_text(scope.dataset, data),
        references=tuple(reference_line(scope.dataset.reference(ref)) for ref in data["references"]),
    )


def tier_strength(dataset: Dataset, data: dict) -> int:
    """An edge's certainty grade as a number, most certain highest (the grades a student sees as line styles)."""
    drawn = tiers(dataset)
    return len(drawn) - drawn.index(evidence_tier(dataset, data["evidence"]))


def evidence_text(dataset: Dataset, data: dict) -> str:
    """An edge's evidence in words: level, recommendation and whether it awaits checking."""
    text = dataset.evidence_level(data["evidence"]).label
    if data["recommendation"]:
        rec = data["recommendation"]
        text += f"; {rec['strength']} recommendation {rec['direction']} ({rec['population']})"
    return text + ("; needs verification" if data["needs_verification"] else "")


def pick_distractors(rng: random.Random, candidates: Sequence[str]) -> list[str] | None:
    """Up to three of ``candidates`` at random, or None when fewer than two exist."""
    if len(candidates) < MIN_DISTRACTORS:
        return None
    return rng.sample(sorted(candidates), min(MAX_DISTRACTORS, len(candidates)))


def shuffled_options(rng: random.Random, correct: Option, wrong: list[Option]) -> tuple[tuple[Option, ...], int]:
    """The options in random order, and where the correct one landed."""
    options = [correct, *wrong]
    rng.shuffle(options)
    return tuple(options), options.index(correct)


def node_option(scope: Scope, node: str, feedback: str = "") -> Option:
    return Option(node, scope.label(node), feedback)


def is_claim(scope: Scope, node: str) -> bool:
    return scope.kind(node) == CLAIM_KIND


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
