"""Build mode ("Rebuild this map"): the student rebuilds the view on screen as a concept map, then
checks it against the graph.

Three levels fade the scaffold (:mod:`graph.teaching.map_task`): a skeleton with a few links
missing, a kit of relations to connect, and the names only. A link is drawn by dragging from one
node to another on the canvas (mouse or touch) or chosen from three lists (from, relation, to),
and each level's links are kept in the session, so a rerun, a change of level or a closed panel
loses nothing. Scoring is the library's (:func:`graph.teaching.map_scoring.score_links`); the map
saves as the student-map JSON (``schema/student-map.schema.json``) and loads back.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import streamlit as st

from graph import Explorer, View
from graph.errors import ValidationError
from graph.present.placement import NARROW_BELOW_PX
from graph.present.render import vis_loader_script
from graph.teaching.concept_map import LEVELS, MapLink, StudentMap, map_from_bytes, map_to_json
from graph.teaching.map_scoring import VERDICT_WORDS, MapScore, map_problems, score_links
from graph.teaching.map_task import MapTask, make_task
from ui import state
from ui.assets import published_vis_network
from ui.layout import open_expander
from ui.network import payload_for
from ui.session import MapKey, session
from ui.text import escape

PANEL = "build_open"
LEVEL = "build_level"
MAX_NODES = 40
SPREAD = 1.6  # the explorer's positions, spread out: each node is a box big enough to aim at
INVERSE = "~inverse"
LEVEL_NAMES = {"skeleton": "Skeleton: add the missing links", "kit": "Kit: connect the relations offered",
               "memory": "From memory: the names only"}
_HERE = Path(__file__).resolve().parent
_CANVAS = st.components.v2.component(
    "knowledge_graph_build",
    js="\n".join([vis_loader_script(published_vis_network()), (_HERE / "build_layout.js").read_text("utf-8"),
                   (_HERE / "build_canvas.js").read_text("utf-8")]),
    css=(_HERE / "build_canvas.css").read_text("utf-8"),
)


def show_build(explorer: Explorer, view: View) -> None:
    """The "Rebuild this map" panel: level, canvas, keyboard path, the links drawn, check and files."""
    state.keep_values((LEVEL,))
    _panel(explorer, view)


@st.fragment
def _panel(explorer: Explorer, view: View) -> None:
    """The panel reruns on its own (a link added reruns it, not the whole page), except after a map
    is loaded, which may put another view on screen."""
    if session().maps.rerun_page:
        session().maps.rerun_page = False
        st.rerun(scope="app")
    panel = open_expander("Rebuild this map", PANEL)
    if panel is None:
        return
    with panel:
        _show_loaded()
        if len(task_nodes(view)) > MAX_NODES or payload_for(view)["clusters"]:
            st.info(f"Build mode needs a view that fits a screen: at most {MAX_NODES} nodes and no groups. "
                    "Focus on a node, find a path or take a tour step, then rebuild that.")
            return
        _show_level(explorer, view)


def task_nodes(view: View) -> tuple[str, ...]:
    """The nodes a student places: the view's, without its claims."""
    return make_task(view, "memory").nodes


def _show_level(explorer: Explorer, view: View) -> None:
    st.session_state.setdefault(LEVEL, LEVELS[0])
    level = st.radio("Level", LEVELS, format_func=LEVEL_NAMES.__getitem__, key=LEVEL, horizontal=True)
    task = make_task(view, level)
    key: MapKey = (explorer.dataset.meta.title, view.spec, level)
    choices = relation_choices(explorer, task)
    _show_kit(explorer, task, _links(key))
    _show_canvas(explorer, view, task, key, choices)
    _show_keyboard(explorer, task, key, choices)
    _show_links(explorer, key)
    _show_check(explorer, task, key)
    _show_files(explorer, task, key)


def _links(key: MapKey) -> list[MapLink]:
    """The links the student drew for this dataset, view and level (kept for the session)."""
    return session().maps.links.setdefault(key, [])


def relation_choices(explorer: Explorer, task: MapTask) -> dict[str, str]:
    """The relations a link may take, as value → phrase: each read forwards and by its inverse.

    At the kit level, only the kit's relations; otherwise the dataset's whole vocabulary.
    """
    kit = set(task.kit)
    relations = [r for r in explorer.dataset.relations if task.level != "kit" or r.id in kit]
    return {value: phrase for r in relations
            for value, phrase in ((r.id, r.label), (r.id + INVERSE, r.inverse))}


def link_for(value: str, source: str, target: str) -> MapLink:
    """The link a relation choice (forwards, or ending in :data:`INVERSE`) makes between two nodes."""
    relation, inverse = value.removesuffix(INVERSE), value.endswith(INVERSE)
    return MapLink(source, relation, target, inverse)


def _add(key: MapKey, task: MapTask, choices: dict[str, str], value: str, source: str, target: str) -> None:
    """Add a link unless it is a loop, names a node or relation not offered, or is drawn already."""
    links = _links(key)
    link = link_for(value, source, target)
    offered = value in choices and {source, target} <= set(task.nodes) and source != target
    if offered and link.proposition not in {known.proposition for known in links}:
        links.append(link)


def _show_kit(explorer: Explorer, task: MapTask, links: list[MapLink]) -> None:
    """What the level gives, and at the kit level how many pieces of each relation are left."""
    if task.level == "skeleton":
        st.caption(f"{len(task.given)} links are drawn for you (grey); {len(task.to_find)} are missing.")
    elif task.level == "kit":
        used = Counter(link.relation for link in links)
        pieces = [f"{explorer.dataset.relation(r).label} ×{n} ({max(0, n - used[r])} left)"
                  for r, n in sorted(Counter(task.kit).items())]
        st.caption(escape("The kit: " + "; ".join(pieces) + "."))
    else:
        st.caption("Link the names as you remember them, with any relation.")


def _show_canvas(explorer: Explorer, view: View, task: MapTask, key: MapKey, choices: dict[str, str]) -> None:
    data = canvas_data(explorer, view, task, _links(key), choices)
    st.caption("Drag from one node to another to link them with the relation chosen above the map.")
    _CANVAS(key="build_canvas", data=data, on_link_change=functools.partial(_on_drag, key, task, choices),
            height="content")


def _on_drag(key: MapKey, task: MapTask, choices: dict[str, str]) -> None:
    dragged = st.session_state.build_canvas.link
    if isinstance(dragged, dict) and all(isinstance(dragged.get(k), str) for k in ("source", "relation", "target")):
        _add(key, task, choices, dragged["relation"], dragged["source"], dragged["target"])


def canvas_data(explorer: Explorer, view: View, task: MapTask, links: list[MapLink],
                choices: dict[str, str]) -> dict[str, Any]:
    """What the canvas draws: the nodes where the explorer places them, the given and drawn links,
    and the width below which the canvas lays them out in a phone's rows instead."""
    placed = {node["id"]: node for node in payload_for(view)["nodes"]}
    nodes = [{"id": n, "label": explorer.graph.nodes[n]["label"], "x": placed[n]["x"] * SPREAD,
              "y": placed[n]["y"] * SPREAD} for n in task.nodes]
    edges = [_edge(explorer, link, "#9aa3ad", f"given{i}") for i, link in enumerate(task.given)]
    edges += [_edge(explorer, link, "#1f5fbf", f"drawn{i}") for i, link in enumerate(links)]
    relations = [{"value": value, "text": phrase} for value, phrase in choices.items()]
    key = hashlib.sha256(json.dumps(nodes).encode()).hexdigest()[:16]
    return {"key": key, "nodes": nodes, "edges": edges, "relations": relations, "narrow_below_px": NARROW_BELOW_PX}


def _edge(explorer: Explorer, link: MapLink, colour: str, edge_id: str) -> dict[str, Any]:
    relation = explorer.dataset.relation(link.relation)
    return {"id": edge_id, "from": link.source, "to": link.target, "color": colour,
            "label": relation.inverse if link.inverse else relation.label}


def _show_keyboard(explorer: Explorer, task: MapTask, key: MapKey, choices: dict[str, str]) -> None:
    """The keyboard's way to add a link: from, relation and to, chosen from lists."""
    label = _labeller(explorer)
    with st.form("build_lists", border=False, enter_to_submit=False):  # choosing in a list sends nothing yet
        source, relation, target = st.columns(3)
        source.selectbox("From", task.nodes, format_func=label, key="build_from")
        relation.selectbox("Relation", list(choices), format_func=choices.__getitem__, key="build_relation")
        target.selectbox("To", task.nodes, index=min(1, len(task.nodes) - 1), format_func=label, key="build_to")
        st.form_submit_button("Add this link", key="build_add", on_click=_add_from_lists, args=(key, task, choices))


def _add_from_lists(key: MapKey, task: MapTask, choices: dict[str, str]) -> None:
    values = st.session_state
    _add(key, task, choices, values.build_relation, values.build_from, values.build_to)


def _labeller(explorer: Explorer) -> Any:
    return lambda node: explorer.graph.nodes[node]["label"]


def link_words(explorer: Explorer, link: MapLink) -> str:
    """A drawn link as it reads on the map: "Oral iron treats RLS"."""
    relation = explorer.dataset.relation(link.relation)
    phrase = relation.inverse if link.inverse else relation.label
    return f"{explorer.graph.nodes[link.source]['label']} {phrase} {explorer.graph.nodes[link.target]['label']}"


def _show_links(explorer: Explorer, key: MapKey) -> None:
    """The student's links, each with a button that removes it."""
    links = _links(key)
    st.markdown(f"**Your links ({len(links)})**" if links else "**Your links**: none yet.")
    for index, link in enumerate(links):
        words, remove = st.columns([5, 1], vertical_alignment="center")
        words.markdown(escape(link_words(explorer, link)))
        remove.button("Remove", key=f"build_remove_{index}", on_click=links.remove, args=(link,))


def _show_check(explorer: Explorer, task: MapTask, key: MapKey) -> None:
    """The Check button and, while the links are as checked, the score with every link's feedback."""
    links = tuple(_links(key))
    st.button("Check my map", key="build_check", type="primary", on_click=_check, args=(explorer, task, key))
    checked = session().maps.checked.get(key)
    if checked is None or checked[0] != links:
        return
    st.markdown(escape(score_line(checked[1])))
    for item in checked[1].verdicts:
        source, relation, target = item.link
        words = link_words(explorer, MapLink(source, relation, target))
        st.markdown(f"- **{VERDICT_WORDS[item.verdict]}**: {escape(words)}. {escape(item.feedback)}")


def _check(explorer: Explorer, task: MapTask, key: MapKey) -> None:
    links = tuple(_links(key))
    session().maps.checked[key] = (links, score_links(explorer, task, links))


def score_line(score: MapScore) -> str:
    """E.g. "Score: precision 75 % (3 of 4 links drawn are right), recall 60 % (3 of 5 links to find)."."""
    return (f"Score: precision {score.precision:.0%} ({score.right} of {score.drawn} links drawn are right), "
            f"recall {score.recall:.0%} ({score.right} of {score.to_find} links to find).")


def _show_files(explorer: Explorer, task: MapTask, key: MapKey) -> None:
    """Save the map as JSON, with the student's name, and load a saved one back."""
    name = st.text_input("Your name (saved in the map file)", key="build_student")
    student_map = saved_map(key, task, tuple(_links(key)), name)
    st.download_button("Save my map (JSON)", map_to_json(student_map), file_name=f"map-{task.level}.json",
                       mime="application/json", key="build_save")
    st.file_uploader("Load a saved map", type=["json"], key="build_upload", on_change=_load, args=(explorer,))


def saved_map(key: MapKey, task: MapTask, links: tuple[MapLink, ...], student: str) -> StudentMap:
    """What "Save my map" writes: the dataset, view, level and seed, the links given and drawn."""
    return StudentMap(dataset=key[0], spec=key[1], level=task.level, links=links, student=student,
                      seed=task.seed, given=task.given)


def _load(explorer: Explorer) -> None:
    """Put an uploaded map on screen: its view, level and links; or say what is wrong with the file."""
    upload = st.session_state.build_upload
    if upload is None:
        return
    try:
        student_map = checked_map(explorer, upload.getvalue(), upload.name)
    except ValidationError as exc:
        session().maps.loaded = ("error", str(exc))
        return
    maps = session().maps
    maps.links[(student_map.dataset, student_map.spec, student_map.level)] = list(student_map.links)
    st.session_state[LEVEL] = student_map.level
    maps.loaded = ("ok", f"Loaded {upload.name}: {len(student_map.links)} links.")
    maps.rerun_page = True
    state.show_view(student_map.spec)


def checked_map(explorer: Explorer, data: bytes, name: str) -> StudentMap:
    """A map file's map, refused (ValidationError) unless it was built on this dataset and names only its ids."""
    student_map = map_from_bytes(data, name)
    if student_map.dataset != explorer.dataset.meta.title:
        raise ValidationError.single(name, f"was built on '{student_map.dataset}', not on "
                                     f"'{explorer.dataset.meta.title}'.", "Open that dataset first, then load it.")
    problems = map_problems(explorer, student_map, name)
    if problems:
        raise ValidationError(problems)
    return student_map


def _show_loaded() -> None:
    outcome, session().maps.loaded = session().maps.loaded, None
    if outcome is not None:
        (st.error if outcome[0] == "error" else st.success)(escape(outcome[1]))
