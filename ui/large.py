"""Large datasets: a bounded view by default, the size said in words, everything on request.

Over :data:`graph.network.bounded.LARGE_GRAPH_NODES` nodes the picture shows the most connected
nodes of the view (see :func:`graph.network.bounded_view`), so the tab stays responsive. A toggle
draws every node, with the warning that it is slow shown before anyone turns it on.
"""

from __future__ import annotations

import streamlit as st

from graph import Explorer, View, ViewSpec
from graph.network import Bound, bounded_view, is_large
from ui.session import session


def view_for(explorer: Explorer, spec: ViewSpec, title: str | None = None) -> View:
    """The view to draw: bounded for a large graph unless the user asked for everything."""
    if not is_large(explorer.graph) or st.session_state.get(_draw_all_key()):
        return explorer.view(spec, title=title)
    return _bounded(explorer, _content(), spec, title)[0]


def show_bound(explorer: Explorer, spec: ViewSpec) -> None:
    """For a large graph: how big it is, what is shown, and the toggle that draws everything."""
    if not is_large(explorer.graph):
        return
    bound = _bounded(explorer, _content(), spec, None)[1]
    drawing_all = st.session_state.get(_draw_all_key(), False)
    if not drawing_all:
        st.info(bound.sentence)
    st.toggle(f"Draw all {bound.total_nodes:,} nodes (slow)", key=_draw_all_key(), help=bound.warning)
    if drawing_all:
        st.warning(bound.warning)


@st.cache_resource(max_entries=64, show_spinner=False)
def _bounded(_explorer: Explorer, content: str, spec: ViewSpec, title: str | None) -> tuple[View, Bound]:
    """Bounded views, computed once per dataset content, spec and title."""
    return bounded_view(_explorer.dataset, _explorer.graph, spec, title=title)


def _content() -> str:
    """The content key of the dataset on screen (set by :mod:`ui.dataset` before anything is drawn)."""
    shown = session().shown
    return shown.content_key if shown else ""


def _draw_all_key() -> str:
    return f"draw_all_{_content()}"
