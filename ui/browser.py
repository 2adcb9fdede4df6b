"""Two small things only the browser can do: copy the link to the clipboard, and move keyboard
focus to the details panel's heading after a hop along a connection.

Each is a tiny Streamlit component (its script runs in the page). After a hop the run redraws
the panel and the button that was pressed is gone, so the browser would put focus on the page's
body and a keyboard user would lose their place; the script waits for the new node's heading
and focuses it instead.
"""

from __future__ import annotations

import streamlit as st

_COPY_JS = """
export default function ({ parentElement, data }) {
  let button = parentElement.querySelector("button");
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.className = "kg-copy";
    const status = document.createElement("span");
    status.className = "kg-copy-status";
    status.setAttribute("aria-live", "polite");
    parentElement.append(button, status);
  }
  const status = parentElement.querySelector(".kg-copy-status");
  button.textContent = "Copy link";
  button.onclick = () => navigator.clipboard.writeText(data.link).then(
    () => { status.textContent = "Copied."; },
    () => { status.textContent = "The browser refused: select the link above and copy it."; });
}
"""
_COPY_CSS = """
.kg-copy { font: inherit; padding: 0.25rem 0.75rem; border: 1px solid #b0b3ba; border-radius: 0.5rem;
  background: #fff; color: #31333f; cursor: pointer; }
.kg-copy:hover, .kg-copy:focus-visible { border-color: #1558b0; color: #1558b0; }
.kg-copy-status { margin-left: 0.5rem; font-size: 0.875rem; color: #31333f; }
"""
_FOCUS_JS = """
export default function ({ data }) {
  if (!data.token || window.kgHeadingToken === data.token) { return; }
  window.kgHeadingToken = data.token;
  const until = Date.now() + 5000;
  const text = (element) => element.textContent.replace(/\\u2060/g, "").trim();
  const find = () => {
    const heading = document.querySelector(".st-key-details h3");
    if (heading && text(heading) === data.label) {
      heading.tabIndex = -1;
      heading.focus();
    } else if (Date.now() < until) {
      requestAnimationFrame(find);
    }
  };
  find();
}
"""

_COPY = st.components.v2.component("knowledge_graph_copy_link", js=_COPY_JS, css=_COPY_CSS)
_FOCUS = st.components.v2.component("knowledge_graph_focus_heading", js=_FOCUS_JS)


def copy_button(link: str) -> None:
    """A "Copy link" button that puts ``link`` on the clipboard and says whether it could."""
    _COPY(key="copy_link", data={"link": link})


def focus_heading(token: str, label: str) -> None:
    """Once per ``token``, focus the details panel's heading when it reads ``label``."""
    _FOCUS(key="focus_heading", data={"token": token, "label": label})
