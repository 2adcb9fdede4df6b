"""The export panel: the view on screen in any export format, made when the button is clicked."""

from __future__ import annotations

import re

import streamlit as st

from graph import Explorer, View, ViewSpec
from graph.export import FORMATS, IMAGE_FORMATS, export_bytes
from ui import large


def show_exports(explorer: Explorer, spec: ViewSpec) -> None:
    """Download the view on screen in any export format."""
    with st.expander("Export this view (image, handout, offline page, graph formats)"):
        fmt = st.selectbox("Format", list(FORMATS), key="export_format",
                           format_func=lambda name: f"{name}: {FORMATS[name].description}")
        title = st.text_input("Title", key="export_title", placeholder="Default: the view's title")
        scale = st.slider("Image scale (4 for print)", 1, 4, 2, key="export_scale",
                          disabled=fmt not in (*IMAGE_FORMATS, "md"))
        view = large.view_for(explorer, spec, title=title or None)
        stem = re.sub(r"[^a-z0-9]+", "-", view.title.casefold()).strip("-")[:60] or "graph"
        options: dict[str, object] = {"scale": scale} if fmt in IMAGE_FORMATS else {}
        if fmt == "md":
            options["image_name"] = f"{stem}.png"
            st.caption("The handout links its picture: download both into the same folder.")
            _download(view, "png", stem, {"scale": scale}, "export_download_picture")
        _download(view, fmt, stem, options, "export_download")


def _download(view: View, fmt: str, stem: str, options: dict[str, object], key: str) -> None:
    """A button that makes the export only when clicked."""
    st.download_button(f"Download {stem}{FORMATS[fmt].suffix}", lambda: export_bytes(view, fmt, **options),
                       file_name=f"{stem}{FORMATS[fmt].suffix}", mime=FORMATS[fmt].mime,
                       on_click="ignore", key=key)
