"""Guided tours: the dataset's tours listed in the sidebar, and the open step beside the network.

The open step lives in the session (:class:`ui.session.Session`) and in the URL
(``?tour=ID&step=N``, from 1), so a link opens that step (:mod:`ui.link`). Starting a tour, Next
and Back put the step's view on screen through :func:`ui.state.show_view`, from button callbacks;
the reader may change the view freely and come back to the step, and leaving the tour brings back
the view from before it. The runtime (steps, links, errors) is :mod:`graph.teaching`; captions and titles
are dataset text, escaped.
"""

from __future__ import annotations

import streamlit as st

from graph import Explorer
from graph.export.deck import deck_bytes, tour_deck
from graph.teaching import TourPosition, start_tour
from ui import state
from ui.session import session
from ui.text import escape


def go_to(position: TourPosition | None) -> None:
    """Open ``position`` and show its view, or close the tour (None) and bring back the view and
    selection from before it (a tour the link opened had none: its view stays)."""
    if session().tour is None and position is not None:
        session().before_tour = (state.current_spec(), session().selected)
    before = session().before_tour
    if position is not None:
        state.show_view(position.spec)
    elif before is not None:
        state.show_view(*before)
    if position is None:
        session().before_tour = None
    session().tour = position


def list_tours(explorer: Explorer) -> None:
    """The sidebar's list of tours: a button each (the open tour's stands out), its description as help."""
    tours = explorer.dataset.tours
    if not tours:
        return
    st.sidebar.header("Guided tours")
    position = session().tour
    for tour in tours:
        active = position is not None and position.tour.id == tour.id
        st.sidebar.button(escape(tour.title), key=f"tour_start_{tour.id}", help=escape(tour.description),
                          on_click=go_to, args=(start_tour(explorer.dataset, tour.id),), width="stretch",
                          type="primary" if active else "secondary")


def show_step(explorer: Explorer) -> None:
    """The open step, beside the network: tour and progress, caption, Back and Next, Leave, and the
    whole tour as slides."""
    position = session().tour
    if position is None:
        return
    with st.container(border=True, key="tour_step"):
        st.markdown(f"**{escape(position.tour.title)}** · {position.progress}")
        if position.is_first:
            st.caption(escape(" ".join(position.tour.description.split())))
        st.markdown(escape(" ".join(position.step.caption.split())))
        back, forward = st.columns(2)
        back.button("← Back", key="tour_back", disabled=position.is_first, on_click=go_to,
                    args=(position.previous(),), width="stretch")
        forward.button("Next →", key="tour_next", disabled=position.is_last, on_click=go_to,
                       args=(position.next(),), width="stretch", type="primary")
        if state.current_spec() != position.spec:
            st.button("You have changed the view: back to this step", key="tour_return",
                      on_click=go_to, args=(position,), type="tertiary")
        st.button("Leave the tour", key="tour_leave", on_click=go_to, args=(None,), type="tertiary")
        _deck_download(explorer, position.tour.id)


def _deck_download(explorer: Explorer, tour_id: str) -> None:
    """The tour as a PowerPoint deck (picture per step, captions as speaker notes), made when clicked."""
    st.download_button("Download the tour as slides (.pptx)", key="tour_deck", on_click="ignore", type="tertiary",
                       data=lambda: deck_bytes(tour_deck(explorer, tour_id), "pptx"),
                       file_name=f"tour-{tour_id}.pptx", help="A slide per step, the captions as speaker notes",
                       mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")
