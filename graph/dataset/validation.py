"""Cross-reference checks, and the typed Dataset built from checked sections.

The format checks (types, required and unknown keys) happen in :mod:`graph.dataset.convert`; here we
check what spans entries: duplicate ids, ids that must name an entry of another section (every
key the model declares with ``refers_to``), the rules of the evidence scale, and the view of
every tour step. Every problem names the file and line of the offending value and, where it can,
suggests the id that was meant.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from types import MappingProxyType

from graph.dataset.convert import Item, suggest
from graph.dataset.fields import Field, build_part, build_record
from graph.dataset.model import CLAIM_KIND, DEFAULT_CERTAINTY, Dataset, Kind, TourStep, default_edge_id
from graph.dataset.schema import REQUIRED_SECTIONS, SECTION_NOUNS, SECTIONS
from graph.dataset.views import view_problems
from graph.dataset.vocabulary import KIND_PALETTE
from graph.errors import MAX_PROBLEMS_SHOWN, Origin, Problem, ViewSpecError

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
        if not sections["certainty"]:
            self.index["certainty"] = {grade.id: Item("", 0) for grade in DEFAULT_CERTAINTY}

    def _unique(self, section: str, items: list[Item]) -> Index:
        index: Index = {}
        for item in (item for item in items if "id" in item):
            first = index.setdefault(item["id"], item)
            if first is not item:
                self.problem(item, "id", f"duplicate {SECTION_NOUNS[section]} id '{item['id']}' "
                             f"(first defined at {first.file}:{first.line}).",
                             "Give each entry its own id.")
        return index

    def problem(self, item: Item, key: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(item.file, item.line_of(key), message, key, hint))

    def known(self, item: Item, field: Field, owner: str) -> None:
        """Report each id of ``item[field]`` that is not defined in the section it refers to."""
        values = item.get(field.name, ())
        for value in values if isinstance(values, tuple) else (values,):
            if value not in self.index[field.refers_to]:
                what = SECTION_NOUNS[field.refers_to]
                article = "an" if what[0] in "aeiou" else "a"
                hint = suggest(value, self.index[field.refers_to]) if len(self.problems) < MAX_PROBLEMS_SHOWN else ""
                self.problem(item, field.name, f"{owner} {field.name} '{value}' is not {article} {what} id.",
                             hint or f"Define it under '{field.refers_to}'.")

    def run(self) -> None:
        self._check_kinds()
        self._check_evidence_scale()
        for section in (section for section in SECTIONS if section.type == "objects"):
            for item in self.sections[section.name]:
                self._check_ids(item, section)
        for node in self.sections["nodes"]:
            self._check_thresholds(node)
        for claim in self.sections["claims"]:
            self._check_claim(claim)
        for tour in self.sections["tours"]:
            self._check_tour(tour)

    def _check_ids(self, item: Item, declared: Field) -> None:
        """Check every id that names another section's entry, in ``item`` and its sub-entries."""
        for field in declared.fields:
            if field.refers_to and not field.part_of:
                self.known(item, field, declared.noun)
            elif field.type in ("object", "objects") and field.name in item:
                value = item[field.name]
                for entry in value if isinstance(value, list) else (value,):
                    self._check_ids(entry, field)

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
            self._check_level_grade(level)
        self._check_grades_follow_ranks(levels)
        self._check_grade_lines()

    def _check_level_grade(self, level: Item) -> None:
        """Every level but the claim-only one says how certain its evidence is."""
        grades = ", ".join(self.index["certainty"])
        if level.get("claim_only") and level.get("certainty"):
            self.problem(level, "certainty", f"the claim-only level '{level['id']}' is drawn as a claim, "
                         "not with a certainty grade.", "Remove 'certainty' from it.")
        elif not level.get("claim_only") and not level.get("certainty"):
            self.problem(level, "id", f"evidence level '{level['id']}' has no certainty grade.",
                         f"Add 'certainty:', one of {grades}.")

    def _check_grades_follow_ranks(self, levels: list[Item]) -> None:
        """A stronger rank never has a less certain grade, so "stronger" means one thing."""
        order = {grade: index for index, grade in enumerate(self.index["certainty"])}
        graded = sorted((level for level in _complete(levels) if level.get("certainty") in order),
                        key=lambda level: -level["rank"])
        for stronger, weaker in pairwise(graded):
            if order[stronger["certainty"]] > order[weaker["certainty"]]:
                self.problem(stronger, "rank", f"evidence level '{stronger['id']}' ranks above "
                             f"'{weaker['id']}' but its certainty ('{stronger['certainty']}') is lower "
                             f"than '{weaker['certainty']}'.", "Order ranks by certainty grade first.")

    def _check_grade_lines(self) -> None:
        seen: dict[str, Item] = {}
        for grade in _complete(self.sections["certainty"]):
            first = seen.setdefault(grade["line"], grade)
            if first is not grade:
                self.problem(grade, "line", f"certainty grades '{first['id']}' and '{grade['id']}' are both "
                             f"drawn {grade['line']}.", "Give each grade its own line style.")

    def _check_thresholds(self, node: Item) -> None:
        for threshold in node.get("thresholds", ()):
            if _bad_range(threshold):
                self.problem(threshold, "upper", "a 'between' threshold needs an 'upper' above its 'value'.")

    def _check_claim(self, claim: Item) -> None:
        if claim.get("id") in self.index["nodes"]:
            self.problem(claim, "id", f"claim id '{claim['id']}' is also a node id.",
                         "Claims are drawn as nodes; give the claim another id.")
        if not claim.get("about_nodes") and not claim.get("about_edges"):
            self.problem(claim, "id", f"claim '{claim.get('id')}' is not about any node or edge.",
                         "Add 'about_nodes' or 'about_edges'.")

    def _check_tour(self, tour: Item) -> None:
        for number, step in enumerate(tour.get("steps", ()), start=1):
            where = f"tour '{tour.get('id')}' step {number}"
            try:
                problems = view_problems(lambda section: self.index[section], build_part(TourStep, "view", step))
            except ViewSpecError as exc:
                problems = [Problem("", 0, str(exc))]
            for problem in problems:
                self.problem(step, problem.path, f"{where}: {problem.message}", problem.hint)


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
    dataset = build_record(Dataset, {name: items[0] if name == "meta" else items for name, items in sections.items()})
    origins = {kind["id"]: Origin(kind.file, kind.line_of("colour")) for kind in sections["kinds"]}
    return replace(dataset, kinds=coloured(dataset.kinds), certainty=dataset.certainty or DEFAULT_CERTAINTY,
                   colour_origins=MappingProxyType(origins))


def coloured(kinds: tuple[Kind, ...]) -> tuple[Kind, ...]:
    """The kinds, each without a colour given the next palette colour no kind declares, so kinds
    differ by colour as well as shape (after the palette's eleven, colours repeat: lint says so)."""
    declared = {kind.colour.upper() for kind in kinds if kind.colour}
    free = [colour for colour in KIND_PALETTE if colour not in declared] or list(KIND_PALETTE)
    defaults = iter(free * len(kinds))
    return tuple(kind if kind.colour else replace(kind, colour=next(defaults)) for kind in kinds)


def _bad_range(threshold: Item) -> bool:
    """A complete 'between' threshold whose upper bound is missing or not above its value."""
    if not threshold.complete or threshold["operator"] != "between":
        return False
    return threshold.get("upper", float("-inf")) <= threshold["value"]


def _complete(items: list[Item]) -> list[Item]:
    return [item for item in items if item.complete]
