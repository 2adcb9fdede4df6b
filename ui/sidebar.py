"""The sidebar's controls: search, focus, path, filters and layout.

Each control is bound to a key of the view state (see :mod:`ui.state`); programmatic changes
(search, "show everything") go through callbacks that call :func:`ui.state.show_view` or
:func:`ui.state.select_node`, so nothing changes a control after it is drawn.

Every place that names a node (the search box, Focus on, From, To) is a text field ranked by the
library's one search (:meth:`graph.Explorer.search`): Enter takes the best match, and the other
matches are offered as buttons below. Streamlit's select box is not used for nodes: it filters
with its own ranking, which cannot be changed, and Enter would take its first option.
"""

from __future__ import annotations

import streamlit as st

from graph import Explorer, ViewSpec
from graph.dataset import VERDICTS
from graph.network import DIRECTIONS, LAYOUTS, MAX_DEPTH, SearchHit, viewstate
from graph.wording import listed
from ui import state
from ui.session import session
from ui.text import escape

DIRECTION_NAMES = {"both": "both ways", "out": "outgoing", "in": "incoming"}
CLEARED = {"the focus": ("focus",), "the path": ("path_from", "path_to"), "the kinds filter": ("kinds",),
           "the relations filter": ("relations",), "the minimum evidence": ("evidence",),
           "the hidden claims": ("claims",), "the verdicts filter": ("verdicts",),
           "the added neighbours": ("expanded",), "the hidden nodes": ("hidden",)}


def search_box(explorer: Explorer) -> None:
    """A search field: Enter selects the best match by label or alias; other matches are offered.

    Drawn from a session's first run (see :func:`ui.state.first_run_token`), in the same place on
    every run, so text typed as soon as the page appears is neither lost nor sent elsewhere.
    """
    example = explorer.search_example
    st.sidebar.text_input("Search (label or alias)", key="search_text",
                          placeholder=f"e.g. {example}, then Enter" if example else "Type a name, then Enter",
                          on_change=_on_search, args=(explorer,))
    hits = explorer.search(st.session_state.get("search_text", ""))
    if st.session_state.get("search_text") and not hits:
        st.sidebar.caption("No node matches that text.")
    if len(hits) > 1:
        st.sidebar.caption("Other matches:")
    for hit in hits[1:]:
        st.sidebar.button(_hit_text(hit), key=f"hit_{hit.node}", on_click=state.select_node,
                          args=(hit.node, True), type="tertiary")


def _on_search(explorer: Explorer) -> None:
    hits = explorer.search(st.session_state.search_text)
    if hits:
        state.select_node(hits[0].node, zoom=True)


def _hit_text(hit: SearchHit) -> str:
    """A match as a button label (escaped: button labels are Markdown), with the alias that matched."""
    return escape(f"{hit.label} · also “{hit.matched}”" if hit.via_alias else hit.label)


def node_picker(label: str, key: str, explorer: Explorer, help_text: str) -> None:
    """A text field that names a node, stored by id under ``key``: Enter takes the best match
    (the field then shows its label), an empty field means none; the other matches for the text
    typed are offered as buttons."""
    st.sidebar.text_input(label, key=viewstate.picker_text_key(key), placeholder="Type a name, then Enter",
                          help=f"{help_text} Enter takes the best match; clear the field for none.",
                          on_change=_on_pick, args=(key, explorer))
    typed = session().typed.get(key)
    if not typed:
        return
    hits = explorer.search(typed)
    if not hits:
        st.sidebar.caption(f"No node matches “{escape(typed)}”.")
    if len(hits) > 1:
        st.sidebar.caption(f"Other matches for “{escape(typed)}”:")
    for hit in hits[1:]:
        st.sidebar.button(_hit_text(hit), key=f"{key}_hit_{hit.node}", on_click=state.pick_node,
                          args=(key, hit.node), type="tertiary")


def _on_pick(key: str, explorer: Explorer) -> None:
    """Enter in a node picker: its best match, none for an empty field; unmatched text leaves the
    choice. A new focus is also selected, as a double-click on it does."""
    typed = st.session_state[viewstate.picker_text_key(key)].strip()
    hits = explorer.search(typed)
    if hits or not typed:
        state.pick_node(key, hits[0].node if hits else None)
    else:
        state.pick_node(key, st.session_state.get(key))
    if key == "focus" and st.session_state.focus:
        state.select_node(st.session_state.focus)
    session().typed[key] = typed


def focus_controls(explorer: Explorer) -> None:
    sidebar = st.sidebar
    sidebar.header("Focus")
    node_picker("Focus on", "focus", explorer, "Show only this node and its neighbourhood.")
    sidebar.slider("Depth", 1, MAX_DEPTH, key="depth", disabled=not st.session_state.focus)
    sidebar.radio("Follow links", DIRECTIONS, key="direction", horizontal=True, format_func=DIRECTION_NAMES.get)
    sidebar.button("Show everything", key="show_everything", on_click=show_everything)


def show_everything() -> None:
    """Back to the whole graph with the claims layer: focus, path and every filter cleared, the
    layout and the selection kept; a note says what was cleared."""
    before = state.current_spec()
    everything = ViewSpec(layout=before.layout, claims=bool(state.dataset().claims))
    state.change_view(everything)
    cleared = [name for name, fields in CLEARED.items()
               if any(getattr(before, field) != getattr(everything, field) for field in fields)]
    state.note(escape(f"Showing everything: cleared {listed(cleared)}." if cleared
                      else "Everything is already shown."), level="info", spec=everything)


def path_controls(explorer: Explorer) -> None:
    st.sidebar.header("Path")
    node_picker("From", "path_from", explorer, "Start of the path.")
    node_picker("To", "path_to", explorer, "End of the path.")


def filter_controls(explorer: Explorer) -> None:
    dataset, sidebar = explorer.dataset, st.sidebar
    sidebar.header("Filters")
    kinds = {kind.id: kind.label for kind in dataset.kinds}
    sidebar.multiselect("Kinds", list(kinds), key="kinds", format_func=kinds.__getitem__)
    relations = {relation.id: relation.label for relation in dataset.relations}
    sidebar.multiselect("Relations", list(relations), key="relations", format_func=relations.__getitem__)
    levels = {level.id: level.label for level in sorted(dataset.evidence, key=lambda level: level.rank)}
    levels[viewstate.weakest_level(dataset)] = "Any (every link)"
    sidebar.select_slider("Minimum evidence", list(levels), key="evidence", format_func=levels.get)
    sidebar.toggle("Show the claims layer (statements by sources, with our verdicts)", key="claims")
    sidebar.multiselect("Claims with verdict", list(VERDICTS), key="verdicts",
                        format_func=lambda verdict: VERDICTS[verdict].label, disabled=not st.session_state.claims)
    sidebar.radio("Layout", LAYOUTS, key="layout", horizontal=True)


def view_controls(explorer: Explorer) -> None:
    """The sidebar's view controls but search (the spec they describe is :func:`ui.state.current_spec`)."""
    focus_controls(explorer)
    path_controls(explorer)
    filter_controls(explorer)
