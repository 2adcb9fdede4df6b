"""Choosing the dataset: the bundled ones, or an uploaded file; a broken one never replaces a good one.

The bundled datasets are every YAML file and every folder of YAML files under ``data/``, or the
paths listed in the ``KG_DATASETS`` environment variable (separated like ``PATH``), so an
educator can point the app at their own material: ``KG_DATASETS=~/course/cells streamlit run app.py``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import streamlit as st

from graph import Explorer, ValidationError
from graph.dataset import MAX_UPLOAD_MB, cached_load, reading, upload_caption
from graph.dataset.bundled import DATA_DIR
from graph.importing import UPLOAD_SUFFIXES, upload_sources
from graph.network import viewstate
from ui import state
from ui.session import Shown, Sources, session
from ui.text import escape, escape_lines

DEFAULT_DATASET = "rls"
UPLOAD = "(uploaded file)"


@st.cache_resource(max_entries=16, show_spinner="Loading dataset…")
def load_explorer(content_key: str, _sources: Sources) -> Explorer:
    """The explorer for a dataset's files, cached on their content key (the validated dataset also on disk).

    The key is the files' SHA-256 (:func:`graph.network.viewstate.content_key`): Streamlit's own
    hashing of the files' bytes took about 8 ms of every run of every session.
    """
    return Explorer(cached_load(_sources))


def bundled_datasets() -> dict[str, Path]:
    """Dataset name → path: the ``KG_DATASETS`` paths, or every dataset under data/."""
    listed = os.environ.get("KG_DATASETS", "")
    if listed:
        paths = [Path(part).expanduser() for part in listed.split(os.pathsep) if part]
        return {(path.name if path.is_dir() else path.stem): path for path in paths}
    found = {p.name: p for p in sorted(DATA_DIR.iterdir()) if p.is_dir() and any(p.glob("*.y*ml"))}
    return found | {p.stem: p for p in sorted(DATA_DIR.glob("*.y*ml"))}


def default_name(datasets: dict[str, Path]) -> str:
    """The dataset shown when the link names none: the bundled RLS one, else the first listed."""
    return DEFAULT_DATASET if DEFAULT_DATASET in datasets else next(iter(datasets))


def read_sources(path: Path) -> tuple[Sources, str]:
    """The dataset's files as (name, bytes), named relative to the project where possible, and their content key.

    Read with the CLI's limits: only regular files, none beyond the size cap. Files that look on
    disk as they did when last read are not read again (:func:`graph.dataset.reading.files_signature`):
    looking at RLS's twenty files takes about 0.13 ms, reading them about 1 ms, on every run of every session.
    """
    signature = reading.files_signature(path)
    if signature is None:
        return _read(path)
    return _read_unchanged(path, repr(signature))


@st.cache_resource(max_entries=32, show_spinner=False)
def _read_unchanged(path: Path, signature: str) -> tuple[Sources, str]:
    """The files at ``path`` read once per ``signature`` of them, shared by every session."""
    return _read(path)


def _read(path: Path) -> tuple[Sources, str]:
    sources = tuple(reading.read_sources(path, root=DATA_DIR.parent))
    return sources, viewstate.content_key(sources)


def handle_upload() -> None:
    """Validate an uploaded file (YAML, or a file to import) within the upload limits; keep it only
    if it loads, with what an imported file could not carry, else remember every problem."""
    upload = st.session_state.get("upload")
    if upload is None:
        return
    try:
        loaded = upload_sources(upload.getvalue(), upload.name)
    except ValidationError as exc:
        session().upload_error = f"{upload.name} was not loaded:\n\n{exc}"
        return
    session().uploaded, session().upload_error = loaded.sources, None
    session().upload_note = _lost_note(upload.name, loaded.lost)
    st.session_state.dataset_choice = UPLOAD


def _lost_note(name: str, lost: tuple[str, ...]) -> str | None:
    if not lost:
        return None
    return "\n".join([f"Imported {name}. Not in the file, so written as placeholders or left out:",
                      *(f"- {item}" for item in lost)])


def chosen_dataset(datasets: dict[str, Path]) -> Shown | None:
    """The dataset the picker names (the link's at first, and after Back or Forward to another
    dataset's view); None when it has problems and no dataset has loaded yet in this session.

    Read from the session before the picker is drawn, so the network can be drawn first.
    """
    names, query = _names(datasets), st.query_params.to_dict()
    linked = query.get(viewstate.DATASET_PARAMETER)
    if st.session_state.get("dataset_choice") not in names or (query != session().url and linked in names):
        st.session_state.dataset_choice = _linked_dataset(linked, names, default_name(datasets))
    return loaded_or_last_good(st.session_state.dataset_choice, datasets)


def _linked_dataset(linked: str | None, names: list[str], default: str) -> str:
    """The dataset a link names if this server has it; else the default, saying so."""
    if linked is None or linked in names:
        return linked or default
    elsewhere = " (an uploaded dataset stays with the browser tab that uploaded it)" if linked == UPLOAD else ""
    state.note(escape(f"This link is for the dataset '{linked}', which this server does not have{elsewhere}. "
                      f"Showing '{default}' instead."))
    return default


def show_picker(datasets: dict[str, Path]) -> None:
    """The sidebar's dataset picker and upload, with the upload's problems if it had any."""
    st.sidebar.selectbox("Dataset", _names(datasets), key="dataset_choice")
    st.sidebar.file_uploader(f"Or upload a dataset (YAML) or a file to import (a Kumu workbook, JSON, GraphML, "
                             f"GEXF or CXL): {upload_caption()}",
                             type=[suffix.lstrip(".") for suffix in UPLOAD_SUFFIXES], key="upload",
                             on_change=handle_upload, max_upload_size=MAX_UPLOAD_MB)
    problem, note = session().upload_error, session().upload_note
    if problem:
        st.sidebar.error(escape_lines(problem))
    elif note and st.session_state.get("dataset_choice") == UPLOAD:
        st.sidebar.info(escape_lines(note))


def _names(datasets: dict[str, Path]) -> list[str]:
    return list(datasets) + ([UPLOAD] if session().uploaded else [])


def loaded_or_last_good(choice: str, datasets: dict[str, Path]) -> Shown | None:
    """Load the chosen dataset; if it has problems, list them and keep showing the last good one
    (None if there is none yet)."""
    try:
        sources, key = _uploaded() if choice == UPLOAD else read_sources(datasets[choice])
        loaded = Shown(choice, load_explorer(key, sources), key)
    except ValidationError as exc:
        st.error(escape_lines(f"The dataset '{choice}' has problems, so it was not loaded:\n\n{exc}"))
        return _instead_of_broken(choice, datasets)
    session().shown = loaded
    if choice != UPLOAD:
        _last_good_bundled()[(choice, datasets[choice])] = loaded
    return loaded


def _uploaded() -> tuple[Sources, str]:
    """The session's uploaded files and their content key."""
    sources = session().uploaded or ()
    return sources, viewstate.content_key(sources)


@st.cache_resource(show_spinner=False)
def _last_good_bundled() -> dict[tuple[str, Path], Shown]:
    """Bundled dataset (name, path) → its last version that loaded, kept per server process for every session.

    A session opened after a bundled dataset broke has no last good graph of its own; this one is
    the server's. Uploads never go in: they belong to the session that made them.
    """
    return {}


def _instead_of_broken(choice: str, datasets: dict[str, Path]) -> Shown | None:
    """What to show instead of a dataset that did not load: its last good version in this server
    process (a bundled one), else the session's last good dataset; None when there is neither (the
    app then draws only the picker and the upload, so another dataset can be chosen)."""
    kept = _last_good_bundled().get((choice, datasets[choice])) if choice != UPLOAD else None
    shown = kept or session().shown
    if shown is None:
        return None
    session().shown = shown
    version = " as it was when it last loaded" if shown.name == choice else ""
    st.info(f"Still showing '{escape(shown.name)}'{version}.")
    return replace(shown, instead_of=choice)
