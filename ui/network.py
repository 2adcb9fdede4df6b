"""The interactive network, what it shows and hides, and the path sentences.

The network is a bidirectional Streamlit component around vis-network: a click selects a node,
a double-click focuses on it. It is rebuilt only when the view's payload changes, so selecting a
node keeps the zoom and pan.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import streamlit as st

from graph import View, ViewSpec
from graph.present import SCREENS, component_script, component_style, network_payload, ranked_links, ranked_markdown
from graph.wording import counted
from ui import state
from ui.assets import published_vis_network
from ui.session import session
from ui.text import escape

NETWORK_HEIGHT = "screen"  # the network and its legend fill the window below the network's top
RECONNECTED_TEXT = ("The server this page was using stopped, and the page was reconnected to a new one. "
                    "The view was restored from the link, but an uploaded dataset, a tour's place and quiz "
                    "answers were lost. Reload the page to carry on with a clean page.")

_NETWORK = st.components.v2.component(
    "knowledge_graph_network", js=component_script(published_vis_network()), css=component_style(),
)


def _on_node_selected() -> None:
    state.select_node(st.session_state.network.selected)


def _on_group() -> None:
    session().open_group = st.session_state.network.group


def _on_drawn() -> None:
    session().drawn = True
    if st.session_state.network.drawn == "reconnected":
        session().reconnected = True


def _on_screen() -> None:
    """The network is narrower (a phone) or wider than its payload was laid out for: lay it out again.

    Before the first picture is drawn the component waits for that layout, so the run it brings
    is still a first run (see :func:`ui.state.first_run_token`).
    """
    screen = st.session_state.network.screen
    if screen in SCREENS and screen != session().screen:
        session().screen = screen
        session().relaid = not session().drawn


def show_reconnected_notice() -> None:
    """Ask for a reload when this page outlived its server session (see ``network_component.js``).

    Streamlit reconnects a page whose server stopped to a fresh session, on another replica behind
    a balancer: the view comes back from the URL and the controls, but an upload, a tour's place and
    quiz answers were in the old session. Said plainly, instead of lost silently.
    """
    if session().reconnected:
        st.warning(RECONNECTED_TEXT, icon=":material/sync_problem:")


def _on_node_focused() -> None:
    node = st.session_state.network.focused
    state.show_view(state.current_spec().with_changes(focus=node), selected=node)


def payload_for(view: View) -> dict[str, Any]:
    """What the network component draws for ``view``, with its key; kept for views drawn before."""
    shown = session().shown
    return _payload(view, shown.content_key if shown else "", view.spec, view.title, view.graph.number_of_nodes(),
                    session().screen)


@st.cache_resource(max_entries=256, show_spinner=False)
def _payload(_view: View, content: str, spec: ViewSpec, title: str, size: int, screen: str) -> dict[str, Any]:
    """The payload of a view laid out for ``screen``, identified by its dataset's content, spec, title
    and size (bounded or not), with its key and its JSON text (serialised once per view, not once per run)."""
    payload = network_payload(_view, screen=screen)
    text = json.dumps(payload)
    return {**payload, "key": hashlib.sha256(text.encode()).hexdigest()[:16], "json": text}


def component_data(payload: dict[str, Any], report_drawn: str | None) -> bytes:
    """What the component receives, as the bytes of one JSON object: the view's payload and this run's state.

    Bytes, because Streamlit passes them through untouched and identifies them by one hash, where a
    dict is serialised twice per run (once to send, once sorted for its identity): for RLS's 260 KB
    payload that was about 30 ms of every run, in the server's one interpreter, for every session.
    """
    state = {"key": payload["key"], "height": NETWORK_HEIGHT, "report_drawn": report_drawn,
             "selected": session().selected, "zoom": session().zoom, "group": session().open_group}
    return f'{{"payload": {payload["json"]}, {json.dumps(state)[1:]}'.encode()


def show_network(view: View, payload: dict[str, Any], report_drawn: str | None = None) -> None:
    """The network with its legend (drawn inside the component, so its swatches survive).

    With a ``report_drawn`` token the component sends "drawn" once the picture is on screen,
    which reruns the app (see :func:`ui.state.first_run_token`).
    """
    _NETWORK(
        key="network",
        data=component_data(payload, report_drawn),
        on_selected_change=_on_node_selected, on_focused_change=_on_node_focused, on_drawn_change=_on_drawn,
        on_group_change=_on_group, on_screen_change=_on_screen,
        height="content",
    )


def show_counts(view: View, payload: dict[str, Any]) -> None:
    """How much is shown, grouped and hidden, in one short line, with a button to show hidden claims."""
    hidden_claims = 0 if view.spec.claims else view.hidden_claims
    if not hidden_claims:
        st.caption(count_line(view, payload, hidden_claims))
        return
    counts, claims = st.columns(2, vertical_alignment="center")
    counts.caption(count_line(view, payload, hidden_claims))
    claims.button(f"{counted(hidden_claims, 'claim')} hidden: show the claims layer", key="show_claims",
                  on_click=state.change_view, args=(view.spec.with_changes(claims=True),))


def count_line(view: View, payload: dict[str, Any], hidden_claims: int) -> str:
    """E.g. "Showing 76 nodes and 132 links (4 groups: click one to open it). 27 more not drawn in this view."."""
    groups = len(payload["clusters"])
    grouped = f" ({counted(groups, 'group')}: click one to open it)" if groups else ""
    outside = view.hidden_nodes - hidden_claims
    more = f" {outside} more not drawn in this view." if outside else ""
    shown = f"{counted(view.graph.number_of_nodes(), 'node')} and {counted(view.graph.number_of_edges(), 'link')}"
    return f"Showing {shown}{grouped}.{more}"


def show_ranked(view: View) -> None:
    """Beside the picture: the links into the focus ranked by certainty, when several relations meet there."""
    ranked = ranked_links(view)
    if ranked is not None:
        with st.expander(escape(ranked.title), expanded=True):
            st.markdown(ranked_markdown(ranked))


def show_paths(view: View) -> None:
    """The paths found, numbered, as sentences (or why there is none)."""
    if not view.spec.wants_path:
        return
    st.subheader("Paths")
    for number, sentence in enumerate(view.path_sentences, start=1):
        st.markdown(f"{number}. {escape(sentence)}" if view.paths else escape(sentence))
