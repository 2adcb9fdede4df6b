"""Everything a browser session remembers that is not a widget's value, as one typed record.

Streamlit keeps each widget's value under the widget's key in ``st.session_state``; that is how
widgets work, and the view's controls stay there (see :mod:`graph.network.viewstate`). Everything
else the app keeps between runs (the dataset on screen, the selection, the open tour step, the
link's problems, the last URL written) is a field of one :class:`Session`, stored under
:data:`KEY`, so its shape is declared once and read with types instead of by string and index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from graph import Explorer, ViewSpec
from graph.teaching import TourPosition

KEY = "session"
Sources = tuple[tuple[str, bytes], ...]


@dataclass(frozen=True)
class Shown:
    """A dataset that loaded: the picker's name for it, its explorer and its content key; and
    ``instead_of``, the chosen dataset it stands in for when that one did not load."""

    name: str
    explorer: Explorer
    content_key: str
    instead_of: str | None = None


@dataclass(frozen=True)
class Note:
    """Text shown above the network for as long as the view ``spec`` it was said about is on
    screen (None: until the next view is drawn)."""

    text: str
    level: str = "warning"
    spec: ViewSpec | None = None


@dataclass
class Session:
    """One browser session's state. ``url`` is the query this session last wrote into the address
    bar: a run that finds another one there was sent by the browser's Back or Forward."""

    shown: Shown | None = None
    seeded_for: str | None = None
    first_run_token: str | None = None
    notes: tuple[Note, ...] = ()
    selected: str | None = None
    zoom: int = 0
    focus_heading: int = 0
    typed: dict[str, str] = field(default_factory=dict)
    tour: TourPosition | None = None
    before_tour: tuple[ViewSpec, str | None] | None = None
    open_group: str | None = None
    uploaded: Sources | None = None
    upload_error: str | None = None
    reconnected: bool = False
    url: dict[str, str] | None = None


def session() -> Session:
    """This browser session's record (a new, empty one on its first run)."""
    return st.session_state.setdefault(KEY, Session())
