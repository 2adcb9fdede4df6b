"""A graph file read back (:mod:`graph.importing.graph_files`) becomes a dataset record, saying what it lacked.

The project's exports carry every node and link with its label, kind, relation and evidence
level, and the claims when the claims layer was on. GraphML, GEXF and CXL carry the vocabulary
only as ids (a kind's colour, shape and tier, a relation's polarity, a level's rank and
certainty) and the references only as the ids cited; a JSON export holds them whole. What is
missing is made up honestly (:mod:`graph.importing.made_vocabulary`: a label from the id, a
citation that says it was not in the file, every such source "unverified") and listed in
:attr:`Imported.lost` (:mod:`graph.importing.lost`), so the user knows what to fill in.
Flattened values (``a; b`` lists, ``attr_`` facts, ``recommendation_`` parts) are unflattened;
the drawing (positions, colours of lines, emphasis) is left out. Every problem is reported at
once, with the file's line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.dataset.model import ABOUT_RELATION, CLAIM_KIND, default_edge_id
from graph.dataset.vocabulary import POLARITIES, SHAPES, VERDICTS
from graph.errors import Problem, ValidationError
from graph.export.tabular import LIST_SEPARATOR
from graph.importing.graph_files import FileGraph, Item
from graph.importing.import_state import CLAIM_ONLY, FILE_SOURCE, ImportState, base, humanised, text
from graph.importing.kumu import NOT_GRADED, PALETTE, UNGRADED, default_title
from graph.importing.lost import lost_lines
from graph.importing.made_vocabulary import vocabulary_sections

NODE_FIELDS = ("label", "kind", "summary", "text", "aliases", "references", "attributes", "thresholds")
DRAWING = {"id", "x", "y", "z", "size", "r", "g", "b", "focus", "on_path", "needs_verification", "tier", "color",
           "shape", "layer", "verdict", "source", "type", "key", "target", "weight", "width", "line", "end",
           "line_end", "directed", "evidence_rank", "certainty", "polarity", "claims"}
EDGE_FIELDS = ("relation", "evidence", "references", "note", "recommendation", "label")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Imported:
    """A dataset record made from a file, and what that file could not carry (one sentence each)."""

    record: dict[str, Any]
    lost: tuple[str, ...] = ()


def dataset_from_graph(graph: FileGraph, title: str | None = None) -> Imported:
    """The dataset record of a graph file's items; raises ValidationError with every problem found."""
    state = ImportState(graph, list(graph.problems))
    nodes, claims = _split_nodes(state)
    edges = [edge for edge in graph.edges if edge.data.get("relation") != ABOUT_RELATION]
    records = [_node(state, item) for item in nodes]
    edge_records = [_edge(state, item) for item in _known_ends(state, edges, {item.id for item in nodes})]
    if not edge_records and not state.problems:
        state.problems.append(Problem(graph.file, 0, "has no links between its nodes; a dataset needs at least one.",
                                      hint="Draw the links in the program that made the file, then export it again."))
    about = _claims_about(graph.edges)
    claim_records = [_claim(state, item, about) for item in claims]
    if state.problems:
        raise ValidationError(state.problems)
    record = {"meta": _meta(graph, title), **vocabulary_sections(state), "nodes": records, "edges": edge_records}
    record |= {"claims": claim_records} if claim_records else {}
    return Imported(record, tuple(lost_lines(state, records, claim_records)))


def unflatten(data: dict[str, Any], lists: tuple[str, ...]) -> dict[str, Any]:
    """Flat attributes as the dataset writes them: ``a; b`` lists, ``attr_`` facts, ``recommendation_`` parts."""
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name.startswith("attr_"):
            out.setdefault("attributes", {})[name.removeprefix("attr_")] = value
        elif name.startswith("recommendation_"):
            out.setdefault("recommendation", {})[name.removeprefix("recommendation_")] = value
        elif name in lists and isinstance(value, str):
            out[name] = [part.strip() for part in value.split(LIST_SEPARATOR.strip()) if part.strip()]
        else:
            out[name] = value
    return out


def _split_nodes(state: ImportState) -> tuple[list[Item], list[Item]]:
    seen: dict[str, Item] = {}
    for item in state.graph.nodes:
        if not item.id:
            state.problem(item, "a node has no id.")
        elif item.id in seen:
            state.problem(item, f"the node id '{item.id}' is used twice (first at line {seen[item.id].line}).")
        seen.setdefault(item.id, item)
    kept = [item for item in state.graph.nodes if item.id and seen[item.id] is item]
    claims = [item for item in kept if item.data.get("kind") == CLAIM_KIND]
    return [item for item in kept if item.data.get("kind") != CLAIM_KIND], claims


def _known_ends(state: ImportState, edges: list[Item], nodes: set[str]) -> list[Item]:
    kept = []
    for item in edges:
        missing = [end for end in (item.source, item.target) if end not in nodes]
        for end in missing:
            state.problem(item, f"the edge {_named(item)} ends at '{end}', which is not a node of the file.")
        kept += [] if missing else [item]
    return kept


def _named(edge: Item) -> str:
    """An edge as a message names it: by its id, or by its ends when it has none."""
    return f"'{edge.id}'" if edge.id else f"from '{edge.source}' to '{edge.target}'"


def _node(state: ImportState, item: Item) -> dict[str, Any]:
    data = unflatten(item.data, ("aliases", "references"))
    _note_ignored(state, data, NODE_FIELDS)
    label = text(data.get("label"))
    if not label:
        state.problem(item, f"the node '{item.id}' has no label.", "Give it a label in the program that edited it.")
    kind = _kind(state, data)
    node: dict[str, Any] = {"id": item.id, "label": label, "kind": kind,
                            "summary": text(data.get("summary")) or f"(No summary in {base(state)}.)"}
    node |= {"text": data["text"]} if text(data.get("text")) else {}
    node |= _list_field(data, "aliases") | _cited(state, data) | _facts(data)
    node |= {"thresholds": _thresholds(data["thresholds"])} if isinstance(data.get("thresholds"), list) and \
        data["thresholds"] else {}
    return node


def _kind(state: ImportState, data: dict[str, Any]) -> str:
    kind = text(data.get("kind")) or "imported"
    if kind not in state.kinds:
        index = len(state.kinds)
        colour = text(data.get("color")) or _rgb(data)
        state.kinds[kind] = {
            "id": kind, "label": humanised(kind) if kind != "imported" else "Imported (no kind given)",
            "colour": colour if _COLOUR.match(colour) else PALETTE[index % len(PALETTE)],
            "shape": data["shape"] if data.get("shape") in SHAPES else SHAPES[index % len(SHAPES)],
            "tier": data["tier"] if isinstance(data.get("tier"), int) else index}
    return kind


def _rgb(data: dict[str, Any]) -> str:
    parts = [data.get(channel) for channel in "rgb"]
    if not all(isinstance(part, int) for part in parts):
        return ""
    return "#" + "".join(f"{min(255, max(0, part)):02X}" for part in parts if isinstance(part, int))


def _edge(state: ImportState, item: Item) -> dict[str, Any]:
    data = unflatten(item.data, ("references", "claims"))
    _note_ignored(state, data, EDGE_FIELDS)
    relation = _relation(state, item, data)
    edge: dict[str, Any] = {"source": item.source, "target": item.target, "relation": relation,
                            "evidence": _level(state, data), **(_cited(state, data) or {"references": [FILE_SOURCE]})}
    if FILE_SOURCE in edge["references"]:
        state.references[FILE_SOURCE] = None
    if item.id and "--" in item.id and item.id != default_edge_id(item.source, relation, item.target):
        edge = {"id": item.id, **edge}
    edge |= {"note": data["note"]} if text(data.get("note")) else {}
    edge |= _recommendation(data)
    return edge


def _relation(state: ImportState, item: Item, data: dict[str, Any]) -> str:
    label = text(data.get("label")) or text(data.get("type"))
    relation = text(data.get("relation")) or _slug(label)
    if not relation:
        state.problem(item, f"the edge {_named(item)} has no relation and no label: say what it means.",
                      "Give it a label such as 'causes' in the program that edited it.")
        return "unnamed"
    polarity = data.get("polarity") if data.get("polarity") in POLARITIES else "positive"
    state.relations.setdefault(relation, {"id": relation, "label": label or humanised(relation),
                                          "inverse": f"{label or humanised(relation)} (read backwards)",
                                          "polarity": polarity})
    return relation


def _level(state: ImportState, data: dict[str, Any]) -> str:
    level = text(data.get("evidence")) or UNGRADED
    rank = data.get("evidence_rank")
    claim_only = data.get("layer") == "claims" or data.get("certainty") == CLAIM_ONLY
    certainty = None if claim_only else text(data.get("certainty")) or NOT_GRADED
    state.levels.setdefault(level, {"rank": rank if isinstance(rank, int) and level != UNGRADED else None,
                                    "certainty": certainty, "line": data.get("line")})
    return level


def _recommendation(data: dict[str, Any]) -> dict[str, Any]:
    parts = data.get("recommendation")
    if not isinstance(parts, dict) or not parts:
        return {}
    return {"recommendation": {name: parts[name] for name in ("direction", "strength", "population", "certainty")
                               if parts.get(name) not in (None, "")}}


def _claim(state: ImportState, item: Item, about: dict[str, dict[str, list[str]]]) -> dict[str, Any]:
    data = unflatten(item.data, ("references",))
    verdict = text(data.get("verdict"))
    if verdict not in VERDICTS:
        state.problem(item, f"the claim '{item.id}' has the verdict '{verdict}', which is not one of "
                      f"{', '.join(VERDICTS)}.")
    source = text(data.get("source")) or FILE_SOURCE
    state.references[source] = None
    claim = {"id": item.id, "statement": text(data.get("summary")) or text(data.get("label")), "source": source,
             "verdict": verdict, "note": text(data.get("text")) or f"(No note in {base(state)}.)",
             **(_cited(state, data) or {"references": [source]})}
    return claim | _about(state, item, about)


def _about(state: ImportState, item: Item, about: dict[str, dict[str, list[str]]]) -> dict[str, list[str]]:
    """A claim's ``about_nodes`` (where its "is about" links go) and ``about_edges``, as far as it has them."""
    found = {"about_nodes": about["nodes"].get(item.id, []), "about_edges": about["edges"].get(item.id, [])}
    if not any(found.values()):
        state.problem(item, f"the claim '{item.id}' is about nothing: no 'is about' link leaves it.")
    return {name: ids for name, ids in found.items() if ids}


def _claims_about(edges: list[Item]) -> dict[str, dict[str, list[str]]]:
    """Claim id → the ids of the edges whose ``claims`` name it, and the nodes its "is about" links
    reach that are not an end of one of those edges (the drawing joins a claim to both ends of each
    edge it is about, so naming them again would add nothing)."""
    about: dict[str, dict[str, list[str]]] = {"nodes": {}, "edges": {}}
    ends: dict[str, set[str]] = {}
    for edge in (edge for edge in edges if edge.data.get("relation") != ABOUT_RELATION):
        for claim in map(str, _as_list(unflatten(edge.data, ("claims",)).get("claims"))):
            about["edges"].setdefault(claim, []).append(_edge_id(edge))
            ends.setdefault(claim, set()).update((edge.source, edge.target))
    for edge in (edge for edge in edges if edge.data.get("relation") == ABOUT_RELATION):
        if edge.target not in ends.get(edge.source, set()):
            about["nodes"].setdefault(edge.source, []).append(edge.target)
    return about


def _edge_id(edge: Item) -> str:
    relation = text(edge.data.get("relation"))
    return edge.id if "--" in edge.id else default_edge_id(edge.source, relation, edge.target)


def _cited(state: ImportState, data: dict[str, Any]) -> dict[str, Any]:
    cited = [str(ref) for ref in _as_list(data.get("references")) if str(ref).strip()]
    state.references.update(dict.fromkeys(cited))
    return {"references": cited} if cited else {}


def _as_list(value: Any) -> list[Any]:
    """A list as it is; one value (a JSON file may hold a number where a list belongs) as a list of one."""
    if isinstance(value, list):
        return value
    return [] if value in (None, "") else [value]


def _list_field(data: dict[str, Any], name: str) -> dict[str, Any]:
    values = data.get(name)
    return {name: [str(value) for value in values]} if isinstance(values, list) and values else {}


def _facts(data: dict[str, Any]) -> dict[str, Any]:
    facts = data.get("attributes")
    if not isinstance(facts, dict) or not facts:
        return {}
    return {"attributes": {str(name): value for name, value in facts.items() if isinstance(value, str | int | float)}}


def _thresholds(thresholds: list[Any]) -> list[dict[str, Any]]:
    """Thresholds as the JSON export holds them, without what the graph adds (their text and checks)."""
    keys = ("operator", "value", "upper", "unit", "population", "meaning", "references")
    return [{key: item[key] for key in keys if item.get(key) not in (None, "", [])}
            for item in thresholds if isinstance(item, dict)]


def _note_ignored(state: ImportState, data: dict[str, Any], known: tuple[str, ...]) -> None:
    state.ignored.update(name for name in data if name not in known and name not in DRAWING)


def _meta(graph: FileGraph, title: str | None) -> dict[str, Any]:
    question = f" Focus question: {graph.question}" if graph.question else ""
    return {"title": title or graph.title or default_title(graph.file),
            "description": f"Imported from {Path(graph.file).name}.{question}"}


def _slug(phrase: str) -> str:
    """An id from a phrase, empty when it has no letters or digits (so a missing relation is noticed)."""
    return re.sub(r"[^a-z0-9]+", "_", phrase.casefold()).strip("_")


