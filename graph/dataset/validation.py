"""Cross-reference checks, and the typed Dataset built from checked sections.

The format checks (types, required and unknown keys) happen in :mod:`graph.dataset.convert`; here we
check what spans entries: duplicate ids, references to kinds, relations, evidence levels,
references and nodes that do not exist, and the rules of the evidence scale. Every problem names
the file and line of the offending value and, where it can, suggests the id that was meant.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from graph.dataset.convert import Item, suggest
from graph.dataset.model import (
    CLAIM_KIND,
    Claim,
    Dataset,
    Edge,
    EvidenceLevel,
    Kind,
    Meta,
    Node,
    Recommendation,
    Reference,
    Relation,
    Threshold,
    default_edge_id,
)
from graph.errors import Problem

REQUIRED_SECTIONS = ("meta", "kinds", "relations", "evidence", "nodes")
Index = dict[str, Item]


class _Checks:
    """Collects every cross-reference problem of one merged dataset."""

    def __init__(self, sections: dict[str, list[Item]]) -> None:
        self.sections = sections
        self.problems: list[Problem] = []
        for edge in sections["edges"]:
            if {"source", "relation", "target"} <= set(edge):
                edge.setdefault("id", default_edge_id(edge["source"], edge["relation"], edge["target"]))
        self.index = {name: self._unique(name, items) for name, items in sections.items()
                      if name != "meta"}

    def _unique(self, section: str, items: list[Item]) -> Index:
        index: Index = {}
        for item in (item for item in items if "id" in item):
            first = index.setdefault(item["id"], item)
            if first is not item:
                self.problem(item, "id", f"duplicate {_singular(section)} id '{item['id']}' "
                             f"(first defined at {first.file}:{first.line}).",
                             "Give each entry its own id.")
        return index

    def problem(self, item: Item, key: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(item.file, item.line_of(key), message, key, hint))

    def known(self, item: Item, key: str, section: str, value: str | None = None) -> None:
        """Report ``item[key]`` (or ``value``) unless it is an id defined in ``section``."""
        value = item.get(key) if value is None else value
        if value is not None and value not in self.index[section]:
            what = _singular(section)
            article = "an" if what[0] in "aeiou" else "a"
            self.problem(item, key, f"{_singular_owner(item)} {key} '{value}' is not {article} {what} id.",
                         suggest(value, self.index[section]) or f"Define it under '{section}'.")

    def all_known(self, item: Item, key: str, section: str) -> None:
        for value in item.get(key, ()):
            self.known(item, key, section, value)

    def run(self) -> None:
        self._check_kinds()
        self._check_evidence_scale()
        for node in self.sections["nodes"]:
            self._check_node(node)
        for edge in self.sections["edges"]:
            self._check_edge(edge)
        for claim in self.sections["claims"]:
            self._check_claim(claim)

    def _check_kinds(self) -> None:
        for kind in self.sections["kinds"]:
            if kind.get("id") == CLAIM_KIND:
                self.problem(kind, "id", f"the kind id '{CLAIM_KIND}' is reserved for the claims layer.",
                             "Choose another id, e.g. 'assertion'.")

    def _check_evidence_scale(self) -> None:
        levels = self.sections["evidence"]
        ranks: dict[int, Item] = {}
        for level in _complete(levels):
            first = ranks.setdefault(level["rank"], level)
            if first is not level:
                self.problem(level, "rank", f"evidence rank {level['rank']} is used twice "
                             f"('{first['id']}' and '{level['id']}').", "Give each level its own rank.")
        lowest = min((level["rank"] for level in _complete(levels)), default=0)
        for level in _complete(levels):
            if level.get("claim_only") and level["rank"] != lowest:
                self.problem(level, "claim_only", f"the claim-only level '{level['id']}' must have "
                             f"the lowest rank ({lowest}).")

    def _check_node(self, node: Item) -> None:
        self.known(node, "kind", "kinds")
        self.all_known(node, "references", "references")
        for threshold in node.get("thresholds", ()):
            self.all_known(threshold, "references", "references")
            if _bad_range(threshold):
                self.problem(threshold, "upper", "a 'between' threshold needs an 'upper' above its 'value'.")

    def _check_edge(self, edge: Item) -> None:
        self.known(edge, "source", "nodes")
        self.known(edge, "target", "nodes")
        self.known(edge, "relation", "relations")
        self.known(edge, "evidence", "evidence")
        self.all_known(edge, "references", "references")

    def _check_claim(self, claim: Item) -> None:
        if claim.get("id") in self.index["nodes"]:
            self.problem(claim, "id", f"claim id '{claim['id']}' is also a node id.",
                         "Claims are drawn as nodes; give the claim another id.")
        self.known(claim, "source", "references")
        self.all_known(claim, "references", "references")
        self.all_known(claim, "about_nodes", "nodes")
        self.all_known(claim, "about_edges", "edges")
        if not claim.get("about_nodes") and not claim.get("about_edges"):
            self.problem(claim, "id", f"claim '{claim.get('id')}' is not about any node or edge.",
                         "Add 'about_nodes' or 'about_edges'.")


def cross_reference_problems(sections: dict[str, list[Item]], first_file: str) -> list[Problem]:
    """Missing sections, duplicate ids and dangling references (complete entries only)."""
    missing = [Problem(first_file, 1, f"the dataset has no '{name}' section (or it is empty).",
                       hint="See docs/format.md for a minimal dataset.")
               for name in REQUIRED_SECTIONS if not sections[name]]
    if missing:
        return missing
    checks = _Checks(sections)
    checks.run()
    return checks.problems


def build_dataset(sections: dict[str, list[Item]]) -> Dataset:
    """The typed Dataset of sections that passed every check."""
    return _dataset(sections)


def _bad_range(threshold: Item) -> bool:
    """A complete 'between' threshold whose upper bound is missing or not above its value."""
    if not threshold.complete or threshold["operator"] != "between":
        return False
    return threshold.get("upper", float("-inf")) <= threshold["value"]


def _complete(items: list[Item]) -> list[Item]:
    return [item for item in items if item.complete]


def _dataset(sections: dict[str, list[Item]]) -> Dataset:
    return Dataset(
        meta=Meta(**sections["meta"][0]),
        kinds=tuple(Kind(**item) for item in sections["kinds"]),
        relations=tuple(Relation(**item) for item in sections["relations"]),
        evidence=tuple(EvidenceLevel(**item) for item in sections["evidence"]),
        references=tuple(Reference(**item) for item in sections["references"]),
        nodes=tuple(_node(item) for item in sections["nodes"]),
        edges=tuple(_edge(item) for item in sections["edges"]),
        claims=tuple(Claim(**item) for item in sections["claims"]),
    )


def _node(item: Item) -> Node:
    fields: dict[str, Any] = dict(item)
    fields["attributes"] = MappingProxyType(fields.get("attributes", {}))
    fields["thresholds"] = tuple(Threshold(**t) for t in fields.get("thresholds", ()))
    return Node(**fields)


def _edge(item: Item) -> Edge:
    fields: dict[str, Any] = dict(item)
    if "recommendation" in fields:
        fields["recommendation"] = Recommendation(**fields["recommendation"])
    return Edge(**fields)


def _singular(section: str) -> str:
    return {"kinds": "kind", "relations": "relation", "evidence": "evidence level",
            "references": "reference", "nodes": "node", "edges": "edge", "claims": "claim"}[section]


def _singular_owner(item: Item) -> str:
    keys = set(item)
    if {"source", "target"} <= keys:
        return "edge"
    if "verdict" in keys:
        return "claim"
    if "operator" in keys:
        return "threshold"
    return "node"
