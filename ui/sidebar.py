"""The sidebar's controls: search, focus, path, filters and layout.

Each control is bound to a key of the view state (see :mod:`ui.state`); programmatic changes
(search, "show everything") go through callbacks that call :func:`ui.state.show_view` or
:func:`ui.state.select_node`, so nothing changes a control after it is drawn.
"""

from __future__ import annotations

import streamlit as st

from graph import Explorer
from graph.dataset import VERDICTS
from graph.network import DIRECTIONS, LAYOUTS, MAX_DEPTH, SearchHit, search, viewstate
from ui import state
from ui.text import escape

DIRECTION_NAMES = {"both": "both ways", "out": "outgoing", "in": "incoming"}
MORE_MATCHES = 5


def search_box(explorer: Explorer) -> None:
    """A search field: Enter selects the best match by label or alias; other matches are offered."""
    st.sidebar.text_input("Search (label or alias)", key="search_text", placeholder="e.g. ferritin",
                          on_change=_on_search, args=(explorer,),
                          help="Press Enter to select the best match and zoom to it.")
    hits = search(explorer.graph, st.session_state.get("search_text", ""))
    if st.session_state.get("search_text") and not hits:
        st.sidebar.caption("No node matches that text.")
    for hit in hits[1:MORE_MATCHES + 1]:
        st.sidebar.button(_hit_text(hit), key=f"hit_{hit.node}", on_click=state.select_node,
                          args=(hit.node, True), type="tertiary")


def _on_search(explorer: Explorer) -> None:
    hits = search(explorer.graph, st.session_state.search_text)
    if hits:
        state.select_node(hits[0].node, zoom=True)


def _hit_text(hit: SearchHit) -> str:
    """A match as a button label (escaped: button labels are Markdown), with the alias that matched."""
    return escape(f"{hit.label} · also “{hit.matched}”" if hit.via_alias else hit.label)


def node_picker(label: str, key: str, explorer: Explorer, help_text: str) -> None:
    """A select box of node labels (with aliases) that stores a node id."""
    index = explorer.search_index
    # A node the picker does not list (a claim) is formatted as None, which shows no choice; Streamlit's
    # types ask for text.
    st.sidebar.selectbox(label, list(index), key=key, index=None, format_func=index.get,  # type: ignore[arg-type]
                         placeholder="Type to search…", help=help_text)


def focus_controls(explorer: Explorer) -> None:
    sidebar = st.sidebar
    sidebar.subheader("Focus")
    node_picker("Focus on", "focus", explorer, "Show only this node and its neighbourhood.")
    sidebar.slider("Depth", 1, MAX_DEPTH, key="depth", disabled=not st.session_state.focus)
    sidebar.radio("Follow links", DIRECTIONS, key="direction", horizontal=True, format_func=DIRECTION_NAMES.get)
    sidebar.button("Show everything", key="show_everything", on_click=show_everything)


def show_everything() -> None:
    """Back to the whole graph: focus and path cleared, filters kept."""
    state.show_view(state.current_spec().with_changes(focus=None, path_from=None, path_to=None))


def path_controls(explorer: Explorer) -> None:
    st.sidebar.subheader("Path")
    node_picker("From", "path_from", explorer, "Start of the path.")
    node_picker("To", "path_to", explorer, "End of the path.")


def filter_controls(explorer: Explorer) -> None:
    dataset, sidebar = explorer.dataset, st.sidebar
    sidebar.subheader("Filters")
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
    """Every view control of the sidebar (the spec they describe is :func:`ui.state.current_spec`)."""
    search_box(explorer)
    focus_controls(explorer)
    path_controls(explorer)
    filter_controls(explorer)
