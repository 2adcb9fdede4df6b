"""Page-level pieces: the narrow-screen layout, the dataset's notice and description, the share link."""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from graph import Dataset
from ui import browser
from ui.text import escape, escape_lines

# A dataset says what its own notice is (RLS: not medical advice); without one, nothing about its topic is assumed.
NOTICE = "For education only. Each link gives its evidence level and its sources: check them before relying on it."
STACK_BELOW_PX = 900
PHONE_BELOW_PX = 640
HEADER_REM = 3.75  # Streamlit's bar across the top of the page
CAPTION_COLOUR = "#595959"  # 7:1 on white, 6.3:1 on the sidebar's grey (Streamlit's own grey is 3.9:1)
_STYLES = f"""<style>
div[data-testid="stMainBlockContainer"] {{ padding-top: 3.6rem; padding-bottom: 2rem; }}
div[data-testid="stButton"] button[kind="tertiary"] {{ text-align: left; justify-content: flex-start; }}
div[data-testid="stButton"] button[kind="tertiary"] p {{ white-space: normal; overflow: visible; text-overflow: clip; }}
.st-key-details div[data-testid="stButton"] button[kind="tertiary"] p {{ color: #1558b0; text-decoration: underline; }}
div[data-testid="stMainBlockContainer"] :is(h2, h3) {{ font-size: 1.35rem; padding: 0.2rem 0 0.1rem; }}
section[data-testid="stSidebar"] h2 {{ font-size: 1.25rem; padding: 0.6rem 0 0.2rem; }}
div[data-testid="stCaptionContainer"], div[data-testid="stCaptionContainer"] p {{
  color: {CAPTION_COLOUR}; opacity: 1; }}
.st-key-notice_short {{ display: none; }}
.kg-notice {{ font-size: 0.875rem; line-height: 1.4; color: {CAPTION_COLOUR}; }}
.kg-notice summary {{ cursor: pointer; list-style: none; }}
.kg-notice summary::-webkit-details-marker {{ display: none; }}
.kg-notice .kg-more {{ color: #1558b0; text-decoration: underline; white-space: nowrap; }}
.kg-notice[open] .kg-more {{ display: none; }}
.kg-notice p {{ margin: 0.2rem 0 0; font-size: inherit; line-height: inherit; color: inherit; }}
@media (max-width: {PHONE_BELOW_PX}px) {{
  .st-key-notice {{ display: none; }}
  .st-key-notice_short {{ display: block; }}
}}
@media (min-width: {STACK_BELOW_PX + 1}px) {{
  div[data-testid="stColumn"]:has(.st-key-details) {{ position: sticky; top: {HEADER_REM}rem; align-self: flex-start;
    max-height: calc(100vh - {HEADER_REM + 0.75}rem); overflow-y: auto; }}
}}
@media (max-width: {STACK_BELOW_PX}px) {{
  div[data-testid="stHorizontalBlock"] {{ flex-direction: column; }}
  div[data-testid="stHorizontalBlock"] > div[data-testid="stColumn"] {{
    width: 100% !important; flex: 1 1 100% !important; }}
}}
</style>"""


def apply_styles() -> None:
    """Page styles: on wide screens the details column stays in view while the page scrolls (it
    scrolls on its own when taller than the window), so reading it never scrolls the graph away; on
    narrow screens the network and details columns stack, so the network keeps its width; on phones
    the disclaimer is one sentence with the rest a tap away; captions (the disclaimer, the counts,
    the kind line) are dark enough to read; the view's title and the sidebar's section headings
    (level 2, under the app's title at level 1) are sized as subheadings."""
    st.html(_STYLES)


def open_expander(label: str, key: str) -> DeltaGenerator | None:
    """An expander whose content is built only while it is open: the expander, or None when closed.

    Opening it reruns the script (``on_change="rerun"``). A closed panel sends the browser nothing
    to draw, so the export and quiz widgets no longer cost the first draw of the network.
    """
    expander = st.expander(label, key=key, on_change="rerun")
    return expander if expander.open else None


def show_notice(dataset: Dataset) -> None:
    """The disclaimer and the date the content was last reviewed, always visible above the network.

    On a phone the whole notice would fill a third of the first screen, so there it is its first
    sentence, with the rest a tap away.
    """
    reviewed = dataset.meta.reviewed and f" Content last reviewed against the literature: {dataset.meta.reviewed}."
    text = (dataset.meta.disclaimer or NOTICE) + reviewed
    st.container(key="notice").caption(escape(text))
    st.container(key="notice_short").html(short_notice(text))


def short_notice(text: str) -> str:
    """The notice as a disclosure: its first sentence, then the rest on a tap (dataset text, escaped)."""
    sentence = re.match(r"(.+?[.!?])\s+(.+)", text.strip(), re.DOTALL)
    if sentence is None:
        return f'<p class="kg-notice">{html.escape(text)}</p>'
    first, rest = sentence.groups()
    return (f'<details class="kg-notice"><summary>{html.escape(first)} <span class="kg-more">Read all</span>'
            f"</summary><p>{html.escape(rest)}</p></details>")


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
