"""Everything a browser session remembers that is not a widget's value, as one typed record.

Streamlit keeps each widget's value under the widget's key in ``st.session_state``; that is how
widgets work, and the view's controls stay there (see :mod:`graph.network.viewstate`). Everything
else the app keeps between runs (the dataset on screen, the selection, the open tour step, the
link's problems, the last URL written, the quiz under way, the maps being rebuilt) is a field of
one :class:`Session`, stored under :data:`KEY`, so its shape is declared once and read with types
instead of by string and index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from graph import Explorer, ViewSpec
from graph.teaching import Quiz, TourPosition
from graph.teaching.concept_map import MapLink
from graph.teaching.map_scoring import MapScore

KEY = "session"
Sources = tuple[tuple[str, bytes], ...]
MapKey = tuple[str, ViewSpec, str]
"""A map being rebuilt: the dataset's title, the view and the level."""


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
class QuizProgress:
    """A quiz under way: the quiz, the explorer and view it was drawn from, the answers given so far
    (question id → option id), the question on screen and whether its answer is checked. ``run``
    numbers the quizzes of a session, so each one's answer buttons get fresh keys."""

    quiz: Quiz
    explorer: Explorer
    spec: ViewSpec
    run: int
    answers: dict[str, str] = field(default_factory=dict)
    current: int = 0
    checked: bool = False


@dataclass
class MapWork:
    """The maps a student is rebuilding ("Rebuild this map"): the links drawn for each dataset,
    view and level, the last check of each (the links checked and their score), what loading a map
    file said, and whether that load needs the whole page run again (it may change the view)."""

    links: dict[MapKey, list[MapLink]] = field(default_factory=dict)
    checked: dict[MapKey, tuple[tuple[MapLink, ...], MapScore]] = field(default_factory=dict)
    loaded: tuple[str, str] | None = None
    rerun_page: bool = False


@dataclass
class Session:
    """One browser session's state. ``url`` is the query this session last wrote into the address
    bar: a run that finds another one there was sent by the browser's Back or Forward."""

    shown: Shown | None = None
    seeded_for: str | None = None
    first_run_token: str | None = None
    drawn: bool = False  # the network has reported its first picture
    screen: str = "wide"  # the screen the network is laid out for (graph.present.SCREENS)
    relaid: bool = False  # the network asked for another screen's layout before drawing anything
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
    upload_note: str | None = None
    reconnected: bool = False
    url: dict[str, str] | None = None
    quiz: QuizProgress | None = None
    quizzes_started: int = 0
    maps: MapWork = field(default_factory=MapWork)


def session() -> Session:
    """This browser session's record (a new, empty one on its first run)."""
    return st.session_state.setdefault(KEY, Session())
