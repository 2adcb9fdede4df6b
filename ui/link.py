"""The link: the view, selection, open group and tour step read from the address, and written back.

A session follows its link when it starts, when its dataset's content changes, and when the
browser's Back or Forward puts an earlier address in the bar: Streamlit's frontend listens for
``popstate`` and reruns the app with that address's query, and a run that finds a query other
than the one the session last wrote restores the view from it. :func:`write_url` is the only
place the address is written. Streamlit adds a history entry each time the query changes
(``pushState``) and replaces the entry during a Back or Forward run, so each deliberate change of
view is one step of the browser's history.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from graph import Explorer, GraphDataError, ViewSpec, ViewSpecError
from graph.network import viewstate
from graph.teaching import TourPosition, position_from_query, without_tour
from ui import large, state
from ui.session import session
from ui.text import escape


def follow_link(explorer: Explorer, dataset_name: str, content_key: str, default_dataset: str) -> None:
    """Set the view, selection, group and tour step from the address, if this run should: on a
    new session or dataset content (a tour step's own view then wins over the link's), and when
    Back or Forward changed the address (the address's view wins: it is what was on screen)."""
    query = st.query_params.to_dict()
    returning = session().seeded_for == content_key
    if returning and query == session().url:
        return
    session().seeded_for = content_key
    if query.get(viewstate.DATASET_PARAMETER, default_dataset) != dataset_name:
        query = {}
    spec, position = _linked_view(explorer, query), _linked_tour(explorer, query)
    if position is not None and not returning:
        spec = position.spec
    state.show_view(spec, selected=_linked_selection(explorer, query))
    session().open_group = query.get(viewstate.GROUP_PARAMETER)
    session().tour = position
    if not returning:
        session().before_tour = None


def _linked_view(explorer: Explorer, query: Mapping[str, str]) -> ViewSpec:
    """The link's view, or the whole graph (with a note saying why) when it cannot be drawn."""
    try:
        spec = ViewSpec.from_query(query)
        large.view_for(explorer, spec)
    except GraphDataError as exc:
        state.note(f"The link's view could not be restored: {escape(str(exc))} Showing the whole graph.")
        return ViewSpec()
    half = viewstate.half_path_note(spec)
    if half:
        state.note(escape(half))
    return spec


def _linked_tour(explorer: Explorer, query: Mapping[str, str]) -> TourPosition | None:
    """The tour step the link opens, or None (with a note when it names one the dataset lacks)."""
    try:
        return position_from_query(explorer.dataset, query)
    except ViewSpecError as exc:
        state.note(f"The link's tour could not be opened: {escape(str(exc))}")
        return None


def _linked_selection(explorer: Explorer, query: Mapping[str, str]) -> str | None:
    """The node the link selects (None: the view's focus), if the dataset has it."""
    node = query.get(viewstate.SELECTED_PARAMETER)
    if node and node not in explorer.graph:
        state.note(escape(f"The link selects '{node}', which this dataset does not have."))
        return None
    return node


def write_url(dataset_name: str, spec: ViewSpec, default_dataset: str) -> dict[str, str]:
    """Write the dataset, view, selection, open group and tour step into the address, keeping
    parameters the app does not own (a learning platform's); returns the query (the link to share).

    An address without a dataset means the default one: it is not given the default's name
    alone, so the first Back leaves the app instead of walking from ``/`` to ``/?dataset=…``, an
    entry showing the same view."""
    current = st.query_params.to_dict()
    position = session().tour
    query = viewstate.merged_query(without_tour(current), dataset_name, spec,
                                   session().selected, session().open_group)
    query |= position.query() if position else {}
    if query != current and {**current, viewstate.DATASET_PARAMETER: default_dataset} != query:
        st.query_params.from_dict(query)
        current = query
    session().url = current
    return query

