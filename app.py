"""Streamlit app: explore a knowledge-graph dataset in the browser.

Reads top to bottom: page, dataset, view state, view, network, details, sidebar controls,
exports. The picture comes first. The browser fetches each kind of widget's code when it first
appears and builds every widget of a run before it draws the network, so a session's first run
leaves the sidebar's controls out, all but the search box (text typed into it at once is kept):
the network reports once it is drawn, and that report reruns the app with them. The controls'
values are already in the session, so the view is known before they are drawn.
Every section is a few widgets in ``ui/``; all logic lives in the ``graph`` library. What the
session remembers is one record (``ui/session.py``); the shareable part (dataset, view,
selection, open group, tour step) lives in the URL's query parameters, written in one place
(``ui/link.py``), so the browser's Back and Forward walk through the views.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from graph import ViewSpecError
from ui import build, dataset, details, exports, large, layout, link, network, quiz, sidebar, state, tours
from ui.session import Shown
from ui.text import escape

TITLE = "Knowledge-graph explorer"


def show_sidebar(datasets: dict[str, Path], shown: Shown, controls: bool = True) -> None:
    """The sidebar: search, dataset picker, the dataset's description, tours and view controls
    (without ``controls``, only the title, search, a line saying the controls are coming, and the
    dataset picker if the chosen dataset did not load, so another can be chosen at once)."""
    explorer = shown.explorer
    st.sidebar.title(TITLE)
    sidebar.search_box(explorer)
    if not controls:
        st.sidebar.caption("The controls appear once the graph is drawn.")
        if shown.instead_of is not None:
            dataset.show_picker(datasets)
        return
    dataset.show_picker(datasets)
    layout.show_description(explorer.dataset)
    tours.list_tours(explorer)
    sidebar.view_controls(explorer)


st.set_page_config(page_title="Knowledge-graph explorer", layout="wide")
layout.apply_styles()
network.show_reconnected_notice()

datasets = dataset.bundled_datasets()
chosen = dataset.chosen_dataset(datasets)
if chosen is None:
    st.sidebar.title(TITLE)
    dataset.show_picker(datasets)
    st.stop()
dataset_name, explorer, content_key = chosen.name, chosen.explorer, chosen.content_key
layout.show_notice(explorer.dataset)
first_run = state.first_run_token()
default_dataset = dataset.default_name(datasets)
link.follow_link(explorer, dataset_name, content_key, default_dataset)
spec = state.current_spec()
state.show_notes(spec)
try:
    view = large.view_for(explorer, spec)
except ViewSpecError as exc:
    st.error(escape(str(exc)))
    show_sidebar(datasets, chosen)
    st.stop()

st.header(escape(view.title))  # level 2, under the app's title (level 1) in the sidebar
graph_column, details_column = st.columns([5, 2])
with graph_column:
    large.show_bound(explorer, spec)
    payload = network.payload_for(view)
    network.show_counts(view, payload)
    network.show_network(view, payload, report_drawn=first_run)
    network.show_paths(view)
with details_column:
    tours.show_step(explorer)
    network.show_ranked(view)
    details.show_details(explorer, view)
show_sidebar(datasets, chosen, controls=not first_run)
query = link.write_url(dataset_name, spec, default_dataset)
if not first_run:
    layout.show_link(query)
details.show_table(view)
exports.show_exports(explorer, spec)
quiz.show_quiz(explorer, view)
build.show_build(explorer, view)
details.show_guide(chosen)
