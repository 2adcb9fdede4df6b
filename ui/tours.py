"""Guided tours: the dataset's tours listed in the sidebar, and the open step beside the network.

The open step lives in ``st.session_state`` and in the URL (``?tour=ID&step=N``, from 1), so a
link opens that step. Starting a tour, Next and Back put the step's view on screen through
:func:`ui.state.show_view`, from button callbacks; the reader may change the view freely and come
back to the step. The runtime (steps, links, errors) is :mod:`graph.teaching`; captions and titles
are dataset text, escaped.
"""

from __future__ import annotations

import streamlit as st

from graph import Explorer, ViewSpecError
from graph.export.deck import deck_bytes, tour_deck
from graph.teaching import TourPosition, position_from_query, start_tour, without_tour
from ui import state
from ui.text import escape

POSITION = "tour_position"
SEEDED_FOR = "tour_seeded_for"


def seed(explorer: Explorer, dataset_name: str, content_key: str, default_dataset: str) -> None:
    """Once per dataset content: open the step the link names (its view replaces the link's view)."""
    if st.session_state.get(SEEDED_FOR) == content_key:
        return
    st.session_state.update({SEEDED_FOR: content_key, POSITION: None})
    query = st.query_params.to_dict()
    if query.get("dataset", default_dataset) != dataset_name:
        return
    try:
        position = position_from_query(explorer.dataset, query)
    except ViewSpecError as exc:
        state.note_link_problem(f"The link's tour could not be opened: {escape(str(exc))}")
        return
    if position is not None:
        go_to(position)


def go_to(position: TourPosition | None) -> None:
    """Open ``position`` and show its view, or close the tour (None) and keep the view."""
    st.session_state[POSITION] = position
    if position is not None:
        state.show_view(position.spec)


def list_tours(explorer: Explorer) -> None:
    """The sidebar's list of tours: a button each (the open tour's stands out), its description as help."""
    tours = explorer.dataset.tours
    if not tours:
        return
    st.sidebar.subheader("Guided tours")
    position: TourPosition | None = st.session_state.get(POSITION)
    for tour in tours:
        active = position is not None and position.tour.id == tour.id
        st.sidebar.button(escape(tour.title), key=f"tour_start_{tour.id}", help=escape(tour.description),
                          on_click=go_to, args=(start_tour(explorer.dataset, tour.id),), width="stretch",
                          type="primary" if active else "secondary")


def show_step(explorer: Explorer) -> None:
    """The open step, beside the network: tour and progress, caption, Back and Next, Leave, and the
    whole tour as slides."""
    position: TourPosition | None = st.session_state.get(POSITION)
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


def sync_url() -> None:
    """Keep ``tour`` and ``step`` in the URL while a tour is open, and out of it otherwise."""
    position: TourPosition | None = st.session_state.get(POSITION)
    current = st.query_params.to_dict()
    wanted = {**without_tour(current), **(position.query() if position else {})}
    if wanted != current:
        st.query_params.from_dict(wanted)
