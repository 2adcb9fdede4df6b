"""The details panel of the selected node, and the table of links as a text alternative.

Dataset text is shown through escaped Markdown, never through table cells that Markdown could
rewrite (a threshold "> 100 ng/mL" must keep its ">"). Each connection names the node at the
other end as a button, so the keyboard can walk the graph from node to node; after each hop the
new node's heading has keyboard focus. A claim's verdict is
a badge in words and colour, at body size, beside its heading and in every list of claims.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from graph import Explorer, View
from graph.present import NEEDS_VERIFICATION, ThresholdRow, connection_rows, evidence_guide, node_details, view_table
from graph.wording import counted
from ui import browser, state
from ui.session import Shown, session
from ui.text import escape

# Streamlit's badge colours nearest each verdict's Okabe–Ito colour (the word is always shown too).
BADGE_COLOURS = {"supported": "green", "partly-supported": "blue", "unsupported": "orange",
                 "contradicted": "red", "outdated": "violet"}


def show_details(explorer: Explorer, view: View) -> None:
    """Everything known about the selected node, in a container keyed "details" (CSS class st-key-details)."""
    with st.container(key="details"):
        _show_selected(explorer, view)


def _show_selected(explorer: Explorer, view: View) -> None:
    """Summary, facts, thresholds, connections and references of the selected node."""
    node = session().selected
    if not node or node not in explorer.graph:
        st.info("Click a node, or search for one, to read about it here.")
        return
    details = node_details(explorer.dataset, explorer.graph, node)
    st.subheader(escape(details.label))
    if session().focus_heading:
        browser.focus_heading(f"{session().first_run_token}-{session().focus_heading}", details.label)
    if details.verdict:
        st.markdown(f"Our verdict: {verdict_badge(details.verdict_id, details.verdict)}")
    st.caption(escape(details.kind_label) + (" · needs verification" if details.needs_verification else ""))
    _view_actions(explorer, view, node)
    st.markdown(escape(details.summary))
    if details.text:
        st.markdown(escape(details.text))
    _facts(details.facts)
    _thresholds(details.thresholds)
    _connections(explorer, node)
    st.markdown("**References**")
    st.markdown("\n".join(f"- {escape(line)}" for line in details.references) or "None given.")


def _facts(facts: list[tuple[str, str]]) -> None:
    if facts:
        st.markdown("\n".join(f"- **{escape(name)}**: {escape(value)}" for name, value in facts))


def _thresholds(thresholds: list[ThresholdRow]) -> None:
    if not thresholds:
        return
    st.markdown("**Thresholds**")
    lines = []
    for row in thresholds:
        who = f" ({escape(row.population)})" if row.population else ""
        notes = [", ".join(row.references)] + ([NEEDS_VERIFICATION] if row.needs_verification else [])
        shown = "".join(f" · {escape(note)}" for note in notes if note)
        lines.append(f"- **{escape(row.value)}**{who}: {escape(row.meaning)}{shown}")
    st.markdown("\n".join(lines))


def _connections(explorer: Explorer, node: str) -> None:
    for phrase, rows in connection_rows(explorer.dataset, explorer.graph, node).items():
        st.markdown(f"**{escape(phrase)}**")
        for index, row in enumerate(rows):  # a node may be linked twice the same way (adults, children)
            st.button(escape(row.label), key=f"go_{node}_{phrase}_{index}", type="tertiary",
                      on_click=_hop, args=(row.other,), help="Select this node and read about it")
            if row.verdict:
                st.markdown(verdict_badge(row.verdict_id, row.verdict))
            st.caption(escape(f"{row.evidence} · {', '.join(row.references)}"))
            if row.note:
                st.caption(escape(row.note))


def _view_actions(explorer: Explorer, view: View, node: str) -> None:
    """Grow or trim the view on screen around ``node``, without leaving it: add the neighbours it
    does not show yet, hide the node (not the focus or a path's end), show hidden nodes again."""
    spec = view.spec
    missing = [other for other in nx.all_neighbors(explorer.graph, node) if other not in view.graph]
    pinned = node in (spec.focus, spec.path_from, spec.path_to)
    if missing and node not in spec.expanded:
        st.button(f"Add its {counted(len(set(missing)), 'other neighbour')} to this view", key="expand_node",
                  on_click=_expand, args=(node,))
    if node in view.graph and not pinned:
        st.button("Hide it from this view", key="hide_node", on_click=_hide, args=(node,))
    if spec.hidden:
        st.button(f"Show the {counted(len(spec.hidden), 'hidden node')} again", key="unhide_nodes",
                  on_click=state.change_view, args=(spec.with_changes(hidden=()),))


def _expand(node: str) -> None:
    spec = state.current_spec()
    state.change_view(spec.with_changes(expanded=(*_less(spec.expanded, node), node), hidden=_less(spec.hidden, node)))


def _hide(node: str) -> None:
    spec = state.current_spec()
    state.show_view(spec.with_changes(hidden=(*_less(spec.hidden, node), node), expanded=_less(spec.expanded, node)))


def _less(nodes: tuple[str, ...], node: str) -> tuple[str, ...]:
    return tuple(other for other in nodes if other != node)


def _hop(node: str) -> None:
    """Walk along a connection: select and centre ``node``, and give its heading keyboard focus."""
    state.select_node(node, zoom=True)
    session().focus_heading += 1


def verdict_badge(verdict: str, label: str) -> str:
    """The verdict as a coloured badge with its word, in Streamlit Markdown."""
    return f":{BADGE_COLOURS[verdict]}-badge[{escape(label)}]"


def show_table(view: View) -> None:
    """Every visible link as a row, for screen readers and keyboard users, one switch away.

    Drawn only when asked for: the data grid is 1.2 MB of JavaScript that would otherwise delay
    every first visit's network.
    """
    if st.toggle("Table of the links shown (text alternative to the picture)", key="show_table"):
        st.dataframe(pd.DataFrame([row.cells for row in view_table(view)]), hide_index=True, width="stretch")


def show_guide(shown: Shown) -> None:
    with st.expander("How to read evidence levels and verdicts"):
        st.markdown(_guide(shown.content_key, shown.explorer))


@st.cache_resource(max_entries=16, show_spinner=False)
def _guide(content_key: str, _explorer: Explorer) -> str:
    """The guide's Markdown, written once per dataset (``content_key``) rather than on every run."""
    return evidence_guide(_explorer.dataset)
