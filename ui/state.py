"""The session's view: seeded once per dataset content, changed through one function.

Every change of view (a link, a control, a click, a double-click, a search, "show everything",
a tour step) ends in :func:`show_view`, called from a widget callback or before the controls are
drawn, as Streamlit requires. The mapping between a ViewSpec, the controls and the URL belongs to
:mod:`graph.network.viewstate`; this module only stores it in ``st.session_state`` and
``st.query_params``.
"""

from __future__ import annotations

import secrets

import streamlit as st

from graph import Dataset, Explorer, GraphDataError, ViewSpec
from graph.network import viewstate
from ui import large
from ui.text import escape

SEEDED_FOR = "seeded_for"
DATASET = "view_dataset"
FIRST_RUN = "first_run_token"
LINK_PROBLEMS = "link_problems"


def seed(explorer: Explorer, dataset_name: str, content_key: str, default_dataset: str) -> None:
    """On a new session or new dataset content, set every control from the link (once)."""
    if st.session_state.get(SEEDED_FOR) == content_key:
        return
    st.session_state[DATASET] = explorer.dataset
    try:
        spec = viewstate.spec_from_query(st.query_params.to_dict(), dataset_name, default_dataset)
        large.view_for(explorer, spec)
    except GraphDataError as exc:
        note_link_problem(f"The link's view could not be restored: {escape(str(exc))} Showing the whole graph.")
        spec = ViewSpec()
    note = viewstate.half_path_note(spec)
    if note:
        note_link_problem(escape(note))
    show_view(spec)
    st.session_state[SEEDED_FOR] = content_key


def note_link_problem(text: str) -> None:
    """Warn that the opening link could not be followed (shown by :func:`show_link_problems`)."""
    texts = st.session_state.get(LINK_PROBLEMS, ((), None))[0]
    st.session_state[LINK_PROBLEMS] = ((*texts, text), None)


def show_link_problems(spec: ViewSpec) -> None:
    """The opening link's problems, for as long as the view they led to is on screen: they must
    outlive the run that follows a session's first one at once (see :func:`first_run_token`)."""
    texts, shown_with = st.session_state.get(LINK_PROBLEMS, ((), None))
    if shown_with not in (None, spec):
        del st.session_state[LINK_PROBLEMS]
        return
    if texts:
        st.session_state[LINK_PROBLEMS] = (texts, spec)
    for text in texts:
        st.warning(text)


def first_run_token() -> str | None:
    """A token unique to the session during its first run; None on every later run.

    The first run draws the network but not the sidebar's controls, whose many widgets would
    otherwise keep the browser from drawing the picture; the network reports with this token
    once it is drawn, and that report brings the run that draws the controls.
    """
    if FIRST_RUN in st.session_state:
        return None
    st.session_state[FIRST_RUN] = secrets.token_hex(8)
    return st.session_state[FIRST_RUN]


def show_view(spec: ViewSpec, selected: str | None = None) -> None:
    """Put ``spec`` on screen and select ``selected`` (by default the focus)."""
    st.session_state.update(viewstate.widget_values(spec, dataset()))
    for key in viewstate.PICKER_KEYS:
        st.session_state.pop(picker_query_key(key), None)
    st.session_state.selected = selected or spec.focus


def pick_node(key: str, node: str | None) -> None:
    """A node picker's choice: ``node`` stored under ``key`` and its label shown in the picker's field."""
    st.session_state[key] = node
    st.session_state[viewstate.picker_text_key(key)] = dataset().node(node).label if node else ""


def picker_query_key(key: str) -> str:
    """Where a node picker keeps the text last typed into it, whose other matches it offers."""
    return f"{key}_query"


def select_node(node: str, zoom: bool = False) -> None:
    """Select ``node`` without changing the view; ``zoom`` also centres the network on it."""
    st.session_state.selected = node
    if zoom:
        st.session_state.zoom_token = st.session_state.get("zoom_token", 0) + 1


def current_spec() -> ViewSpec:
    """The spec the controls describe right now."""
    values = {key: st.session_state[key] for key in viewstate.WIDGET_KEYS}
    return viewstate.spec_from_widgets(values, dataset())


def keep_values(keys: tuple[str, ...]) -> None:
    """Keep these widgets' values through runs that do not draw them (a closed panel).

    Streamlit forgets the value of a widget a run does not draw, unless the script has set it itself.
    """
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def dataset() -> Dataset:
    """The dataset the view belongs to."""
    return st.session_state[DATASET]


def sync_url(dataset_name: str, spec: ViewSpec) -> dict[str, str]:
    """Write the view into the URL, keeping parameters the view does not own; returns the query."""
    current = st.query_params.to_dict()
    query = viewstate.merged_query(current, dataset_name, spec)
    if query != current:
        st.query_params.from_dict(query)
    return query
