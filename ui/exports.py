"""The export panel: the view on screen in any export format, made when the button is clicked.

Which options a format takes and which files come with it (the handout's picture, an image's
separate references) are the library's declarations (``FORMATS[name].options``, ``plan_files``),
so the panel offers one download button per planned file and greys out what does not apply.
"""

from __future__ import annotations

import re

import streamlit as st

from graph import Explorer, View, ViewSpec
from graph.export import FORMATS, PAGES, REFERENCES, PlannedFile, export_bytes, export_notes, plan_files
from graph.export.options import DEFAULT_PASS_SCORE
from ui import large, state
from ui.layout import open_expander

PANEL = "exports_open"
KEPT = ("export_format", "export_title", "export_page", "export_references", "export_scale", "export_pass_score")
DEFAULT_SCALE = 2

PAGE_LABELS = {"poster": "Poster (A0)", "slide": "Slide (1920 × 1080)", "a4": "A4 page (print)",
               "handout": "Handout column (16 cm, print)"}
REFERENCE_LABELS = {"caption": "Under the picture", "separate": "On a separate page or file", "none": "Leave out"}


def show_exports(explorer: Explorer, spec: ViewSpec) -> None:
    """Download the view on screen in any export format, with the files that come with it."""
    state.keep_values(KEPT)
    panel = open_expander("Export this view (picture, handout, lesson page, graph formats)", PANEL)
    if panel is None:
        return
    with panel:
        fmt = st.selectbox("Format", list(FORMATS), key="export_format",
                           format_func=lambda name: f"{name}: {FORMATS[name].description}")
        title = st.text_input("Title", key="export_title", placeholder="Default: the view's title")
        given = _options(FORMATS[fmt].options)
        view = large.view_for(explorer, spec, title=title or None)
        stem = re.sub(r"[^a-z0-9]+", "-", view.title.casefold()).strip("-")[:60] or "graph"
        planned = plan_files(fmt, f"{stem}{FORMATS[fmt].suffix}", **given)
        for note in (note for item in planned for note in export_notes(view, item.fmt, item.options)):
            st.info(note)
        if len(planned) > 1:
            st.caption("This export comes with more than one file: download them into the same folder.")
        for index, item in enumerate(planned):
            _download(view, item, f"export_download_{index}")


def _options(takes: tuple[str, ...]) -> dict[str, object]:
    """The page, references and scale controls, each greyed out when the format does not take it."""
    columns = st.columns(3)
    page = columns[0].radio("Page", PAGES, key="export_page", format_func=PAGE_LABELS.__getitem__,
                            disabled="page" not in takes)
    references = columns[1].radio("References", REFERENCES, key="export_references",
                                  format_func=REFERENCE_LABELS.__getitem__, disabled="references" not in takes)
    st.session_state.setdefault("export_scale", DEFAULT_SCALE)
    scale = columns[2].slider("Image scale (PNG pixels × scale)", 1, 4, key="export_scale",
                              disabled="scale" not in takes)
    chosen = {"page": page, "references": references, "scale": scale, "pass_score": _pass_score(takes)}
    return {name: value for name, value in chosen.items() if name in takes}


def _pass_score(takes: tuple[str, ...]) -> int:
    """The course package's pass score, asked only when the format is one (the LMS is told it too)."""
    if "pass_score" not in takes:
        return DEFAULT_PASS_SCORE
    st.session_state.setdefault("export_pass_score", DEFAULT_PASS_SCORE)
    return int(st.number_input("Pass score (% of the quiz answered rightly)", 0, 100, step=5, key="export_pass_score",
                               help="The LMS records passed or failed at this score."))


def _download(view: View, item: PlannedFile, key: str) -> None:
    """A button that makes one planned file only when clicked."""
    name = item.target.name
    st.download_button(f"Download {name}", lambda: export_bytes(view, item.fmt, item.options), file_name=name,
                       mime=FORMATS[item.fmt].mime, on_click="ignore", key=key)
