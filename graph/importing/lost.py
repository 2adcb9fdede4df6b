"""What an imported graph file could not carry, one sentence each, for the user to fill in.

Every format loses the verification set on single links and thresholds, the tours and the
dataset's description; GraphML, GEXF and CXL also lose the citations and the vocabulary's words,
GraphML and GEXF the thresholds' values, CXL the facts, thresholds and recommendations. Columns
another program added (Gephi's statistics) are named with how many items held them.
"""

from __future__ import annotations

from typing import Any

from graph.importing.import_state import FILE_SOURCE, ImportState

CARRIES = {"JSON": "their ids, colours, shapes, ranks and certainty",  # GraphML and GEXF too
           "CXL": "only what this project's CXL export writes in its comments (kinds, relations, evidence "
                  "levels with rank and certainty; a map drawn in CmapTools has none of them) and the colours, "
                  "not the shapes"}
CXL_LACKS = "facts, thresholds and recommendations: a CXL file holds none of them"


def lost_lines(state: ImportState, nodes: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[str]:
    fmt, lost = state.graph.fmt, _references_lost(state)
    if not {"kinds", "relations", "evidence"} <= set(state.graph.vocabulary):
        lost.append(f"kinds, relations and evidence levels: a {fmt} file holds {CARRIES.get(fmt, CARRIES['JSON'])}, "
                    "not their labels, inverse phrases or descriptions (made from the ids)")
    lost += ["the verification set on single links and thresholds, tours, and the dataset's description, "
             "version, licence and authors: no export carries them"]
    lost += [CXL_LACKS] if fmt == "CXL" else _thresholds_lost(state, nodes)
    if not claims:
        lost.append("claims: none in the file (export with the claims layer on to carry them and their verdicts)")
    if state.ignored:
        names = ", ".join(f"{name} ({count})" for name, count in sorted(state.ignored.items()))
        lost.append(f"columns this project does not write, left out: {names}")
    return lost


def _references_lost(state: ImportState) -> list[str]:
    given = {record["id"] for record in state.graph.vocabulary.get("references", [])}
    cited = len([ref for ref in state.references if ref != FILE_SOURCE and ref not in given])
    if cited:
        return [f"references: the {cited} sources keep their ids, but a {state.graph.fmt} file holds no citations, "
                "kinds, years, DOIs or checks; each is written as an unverified placeholder to fill in"]
    if FILE_SOURCE in state.references and not given:
        return ["references: none in the file; every link cites the file itself, as an unverified placeholder"]
    return []


def _thresholds_lost(state: ImportState, nodes: list[dict[str, Any]]) -> list[str]:
    worded = [item for item in state.graph.nodes if isinstance(item.data.get("thresholds"), str)]
    if not worded or any("thresholds" in node for node in nodes):
        return []
    return [f"thresholds of {len(worded)} nodes: a {state.graph.fmt} file holds only their wording, "
            "not their operators and values; export JSON to keep them"]
