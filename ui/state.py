"""The session's view: changed through one function, read back from the controls.

Every change of view (a link, a control, a click, a double-click, a search, "show everything",
a tour step, Back and Forward) ends in :func:`show_view`, called from a widget callback or before
the controls are drawn, as Streamlit requires. The mapping between a ViewSpec and the controls
belongs to :mod:`graph.network.viewstate`; the rest of what the session keeps is one
:class:`ui.session.Session`. Reading and writing the link is :mod:`ui.link`.
"""

from __future__ import annotations

import secrets
from dataclasses import replace

import streamlit as st

from graph import Dataset, ViewSpec
from graph.network import viewstate
from ui.session import Note, session


def note(text: str, level: str = "warning", spec: ViewSpec | None = None) -> None:
    """Say ``text`` (already escaped) above the network while ``spec`` is on screen; without a
    ``spec``, while the view drawn next is (see :func:`show_notes`)."""
    session().notes = (*session().notes, Note(text, level, spec))


def show_notes(spec: ViewSpec) -> None:
    """The notes said about ``spec``, for as long as it is on screen: a link's problems must
    outlive the run that follows a session's first one at once (see :func:`first_run_token`)."""
    kept = tuple(replace(kept, spec=kept.spec or spec) for kept in session().notes if kept.spec in (None, spec))
    session().notes = kept
    for shown in kept:
        (st.info if shown.level == "info" else st.warning)(shown.text)


def first_run_token() -> str | None:
    """A token unique to the session during its first run; None on every later run.

    The first run draws the network but not the sidebar's controls, whose many widgets would
    otherwise keep the browser from drawing the picture; the network reports with this token
    once it is drawn, and that report brings the run that draws the controls. A network that asked
    to be laid out for its screen before drawing anything brings one more first run, same token.
    """
    if session().first_run_token is not None:
        relaid, session().relaid = session().relaid, False
        return session().first_run_token if relaid else None
    session().first_run_token = secrets.token_hex(8)
    return session().first_run_token


def show_view(spec: ViewSpec, selected: str | None = None) -> None:
    """Put ``spec`` on screen and select ``selected`` (by default the focus)."""
    st.session_state.update(viewstate.widget_values(spec, dataset()))
    session().typed.clear()
    session().selected = selected or spec.focus
    session().open_group = None


def change_view(spec: ViewSpec) -> None:
    """Put ``spec`` on screen and keep the selection (a filter changed, not the subject)."""
    show_view(spec, selected=session().selected)


def pick_node(key: str, node: str | None) -> None:
    """A node picker's choice: ``node`` stored under ``key`` and its label shown in the picker's field."""
    st.session_state[key] = node
    st.session_state[viewstate.picker_text_key(key)] = dataset().node(node).label if node else ""


def select_node(node: str | None, zoom: bool = False) -> None:
    """Select ``node`` without changing the view; ``zoom`` also centres the network on it."""
    session().selected = node
    if zoom:
        session().zoom += 1


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
    """The dataset the view belongs to (the one on screen)."""
    shown = session().shown
    assert shown is not None, "the dataset is loaded before the view is read"
    return shown.explorer.dataset
