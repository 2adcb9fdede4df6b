"""Page-level pieces: the narrow-screen layout, the dataset's notice and description, the share link."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from graph import Dataset
from ui import browser
from ui.text import escape, escape_lines

NOTICE = "For education only: not medical advice. Talk to a clinician about any health question."
STACK_BELOW_PX = 900
_STYLES = f"""<style>
div[data-testid="stMainBlockContainer"] {{ padding-top: 3.6rem; padding-bottom: 2rem; }}
div[data-testid="stButton"] button[kind="tertiary"] {{ text-align: left; justify-content: flex-start; }}
div[data-testid="stButton"] button[kind="tertiary"] p {{ white-space: normal; overflow: visible; text-overflow: clip; }}
.st-key-details div[data-testid="stButton"] button[kind="tertiary"] p {{ color: #1558b0; text-decoration: underline; }}
div[data-testid="stMainBlockContainer"] h3 {{ font-size: 1.35rem; padding: 0.2rem 0 0.1rem; }}
@media (max-width: {STACK_BELOW_PX}px) {{
  div[data-testid="stHorizontalBlock"] {{ flex-direction: column; }}
  div[data-testid="stHorizontalBlock"] > div[data-testid="stColumn"] {{
    width: 100% !important; flex: 1 1 100% !important; }}
}}
</style>"""


def apply_styles() -> None:
    """Stack the network and details columns on narrow screens, so the network keeps its width."""
    st.html(_STYLES)


def open_expander(label: str, key: str) -> DeltaGenerator | None:
    """An expander whose content is built only while it is open: the expander, or None when closed.

    Opening it reruns the script (``on_change="rerun"``). A closed panel sends the browser nothing
    to draw, so the export and quiz widgets no longer cost the first draw of the network.
    """
    expander = st.expander(label, key=key, on_change="rerun")
    return expander if expander.open else None


def show_notice(dataset: Dataset) -> None:
    """The disclaimer and the date the content was last reviewed, always visible above the network."""
    reviewed = dataset.meta.reviewed and f" Content last reviewed against the literature: {dataset.meta.reviewed}."
    st.caption(escape((dataset.meta.disclaimer or NOTICE) + reviewed))


def show_description(dataset: Dataset) -> None:
    """The dataset's description, one click away in the sidebar."""
    if dataset.meta.description:
        with st.sidebar.expander("About this dataset"):
            st.markdown(escape_lines(dataset.meta.description))


def show_link(query: dict[str, str]) -> None:
    """A field with the link to this view, to copy and share.

    A plain text field, not ``st.code``: the code block's highlighter is 1.5 MB of JavaScript
    that every first visit would otherwise download before the network draws.
    """
    base = (st.context.url or "").split("?", 1)[0]
    with st.sidebar.expander("Copy link to this view"):
        link = f"{base}?{urlencode(query)}"
        st.text_input("Link to this view", link, help="The view, the node selected and the group open.")
        browser.copy_button(link)
