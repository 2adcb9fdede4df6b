"""Streamlit app: explore a knowledge-graph dataset in the browser.

Reads top to bottom: page, dataset, sidebar controls, view, network, details, table, exports.
All logic lives in the ``graph`` library; this file only wires widgets to it. The shareable
part of the state (dataset and view) lives in the URL's query parameters.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from graph import Explorer, GraphDataError, ValidationError, View, ViewSpec, load_bytes
from graph.dataset.loading import dataset_files, load_sources
from graph.export import FORMATS, export_bytes
from graph.present.details import connection_rows, node_details, view_table
from graph.present.guide import evidence_guide
from graph.present.markdown import escape_markdown
from graph.present.render import component_script, component_style, describe_view, network_payload, render_legend
from graph.viewspec import DIRECTIONS, LAYOUTS, MAX_DEPTH, ViewSpecError

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_DATASET = "rls"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
UPLOAD = "(uploaded file)"
IMAGE_FORMATS = ("png", "svg", "pdf")
NETWORK_HEIGHT = 500
NOTICE = "For education only: not medical advice. Talk to a clinician about any health question."

st.set_page_config(page_title="Knowledge-graph explorer", layout="wide")


@st.cache_resource(max_entries=16, show_spinner="Loading dataset…")
def load_explorer(sources: tuple[tuple[str, bytes], ...]) -> Explorer:
    """Build the explorer for a dataset's files; cached on their names and content."""
    return Explorer(load_sources(list(sources)))


def bundled_datasets() -> dict[str, Path]:
    """Every dataset under data/: folders of YAML files and single YAML files."""
    found = {p.name: p for p in sorted(DATA_DIR.iterdir()) if p.is_dir() and any(p.glob("*.y*ml"))}
    found |= {p.stem: p for p in sorted(DATA_DIR.glob("*.y*ml"))}
    return found


def read_sources(path: Path) -> tuple[tuple[str, bytes], ...]:
    return tuple((str(f.relative_to(DATA_DIR.parent)), f.read_bytes()) for f in dataset_files(path))


def handle_upload() -> None:
    """Validate an uploaded file; keep it only if it loads, else show every problem."""
    upload = st.session_state.get("upload")
    if upload is None:
        return
    data = upload.getvalue()
    if len(data) > MAX_UPLOAD_BYTES:
        st.session_state.upload_error = (f"{upload.name} is {len(data) / 1024 / 1024:.1f} MB; "
                                         f"uploads are limited to {MAX_UPLOAD_BYTES // 1024 // 1024} MB.")
        return
    try:
        load_bytes(data, upload.name)
    except ValidationError as exc:
        st.session_state.upload_error = f"{upload.name} was not loaded:\n\n{exc}"
        return
    st.session_state.uploaded = ((upload.name, data),)
    st.session_state.dataset_choice = UPLOAD
    st.session_state.upload_error = None


def choose_dataset() -> tuple[str, Explorer]:
    """The sidebar's dataset picker and upload; returns the chosen dataset's name and explorer."""
    datasets = bundled_datasets()
    names = list(datasets) + ([UPLOAD] if "uploaded" in st.session_state else [])
    if st.session_state.get("dataset_choice") not in names:
        wanted = st.query_params.get("dataset", DEFAULT_DATASET)
        st.session_state.dataset_choice = wanted if wanted in names else names[0]
    choice = st.sidebar.selectbox("Dataset", names, key="dataset_choice")
    st.sidebar.file_uploader("Or upload a dataset (YAML, up to 2 MB)", type=["yaml", "yml"],
                             key="upload", on_change=handle_upload)
    if st.session_state.get("upload_error"):
        st.sidebar.error(as_markdown_lines(st.session_state.upload_error))
    sources = st.session_state.uploaded if choice == UPLOAD else read_sources(datasets[choice])
    return choice, explorer_or_last_good(choice, sources)


def as_markdown_lines(text: str) -> str:
    """Escape text from a dataset for st.markdown, keeping its line breaks."""
    return "  \n".join(escape_markdown(line) for line in text.splitlines())


def explorer_or_last_good(name: str, sources: tuple[tuple[str, bytes], ...]) -> Explorer:
    """Load a dataset; if it has problems, list them and keep showing the last good one."""
    try:
        st.session_state.last_good = (name, load_explorer(sources))
    except ValidationError as exc:
        st.error(as_markdown_lines(f"The dataset '{name}' has problems, so it was not loaded:\n\n{exc}"))
        if "last_good" not in st.session_state:
            st.stop()
        st.info(f"Still showing '{escape_markdown(st.session_state.last_good[0])}'.")
    return st.session_state.last_good[1]


def seed_view_state(explorer: Explorer, dataset_name: str) -> None:
    """On a new session or dataset, set the widgets from the URL's view (once)."""
    if st.session_state.get("seeded_for") == dataset_name:
        return
    link_is_for_this_dataset = st.query_params.get("dataset", DEFAULT_DATASET) == dataset_name
    try:
        spec = ViewSpec.from_query(st.query_params.to_dict()) if link_is_for_this_dataset else ViewSpec()
        explorer.view(spec)
    except GraphDataError as exc:
        st.warning(f"The link's view could not be restored: {escape_markdown(str(exc))} Showing the whole graph.")
        spec = ViewSpec()
    dataset = explorer.dataset
    st.session_state.update({
        "focus": spec.focus, "depth": spec.depth, "direction": spec.direction,
        "kinds": list(spec.kinds or [k.id for k in dataset.kinds]),
        "relations": list(spec.relations or [r.id for r in dataset.relations]),
        "evidence": spec.evidence or min(dataset.evidence, key=lambda e: e.rank).id,
        "claims": spec.claims, "layout": spec.layout, "path_from": spec.path_from,
        "path_to": spec.path_to, "selected": spec.focus, "seeded_for": dataset_name,
    })


def node_picker(label: str, key: str, explorer: Explorer, help_text: str) -> None:
    """A searchable select box of node labels (with aliases) that stores a node id."""
    index = explorer.search_index
    st.sidebar.selectbox(label, list(index), key=key, index=None, format_func=index.get,
                         placeholder="Type to search…", help=help_text)


def view_controls(explorer: Explorer) -> ViewSpec:
    """Sidebar filters, focus, path and layout; returns the ViewSpec they describe."""
    dataset = explorer.dataset
    sidebar = st.sidebar
    node_picker("Search (label or alias)", "search", explorer, "Selects the node and zooms to it.")
    sidebar.subheader("Focus")
    node_picker("Focus on", "focus", explorer, "Show only this node and its neighbourhood.")
    sidebar.slider("Depth", 1, MAX_DEPTH, key="depth", disabled=not st.session_state.focus)
    sidebar.radio("Follow links", DIRECTIONS, key="direction", horizontal=True,
                  format_func={"both": "both ways", "out": "outgoing", "in": "incoming"}.get)
    sidebar.button("Show everything", on_click=clear_focus)
    sidebar.subheader("Path")
    node_picker("From", "path_from", explorer, "Start of the path.")
    node_picker("To", "path_to", explorer, "End of the path.")
    sidebar.subheader("Filters")
    kinds = {k.id: k.label for k in dataset.kinds}
    sidebar.multiselect("Kinds", list(kinds), key="kinds", format_func=kinds.get)
    relations = {r.id: r.label for r in dataset.relations}
    sidebar.multiselect("Relations", list(relations), key="relations", format_func=relations.get)
    levels = {e.id: e.label for e in sorted(dataset.evidence, key=lambda e: e.rank)}
    sidebar.select_slider("Minimum evidence", list(levels), key="evidence", format_func=levels.get)
    sidebar.toggle("Show claims layer (statements by sources, with verdicts)", key="claims")
    sidebar.radio("Layout", LAYOUTS, key="layout", horizontal=True)
    return spec_from_widgets(explorer)


def clear_focus() -> None:
    st.session_state.update(focus=None, path_from=None, path_to=None)


def spec_from_widgets(explorer: Explorer) -> ViewSpec:
    state = st.session_state
    all_kinds = [k.id for k in explorer.dataset.kinds]
    all_relations = [r.id for r in explorer.dataset.relations]
    lowest = min(explorer.dataset.evidence, key=lambda e: e.rank).id
    return ViewSpec(
        focus=state.focus, depth=state.depth, direction=state.direction,
        kinds=None if set(state.kinds) == set(all_kinds) else tuple(state.kinds),
        relations=None if set(state.relations) == set(all_relations) else tuple(state.relations),
        evidence=None if state.evidence == lowest else state.evidence, claims=state.claims,
        layout=state.layout, path_from=state.path_from, path_to=state.path_to,
    )


def share_link(dataset_name: str, spec: ViewSpec) -> None:
    """Keep the URL in step with the view, and offer the link to copy."""
    query = {"dataset": dataset_name, **spec.to_query()}
    st.query_params.from_dict(query)
    base = (st.context.url or "").split("?", 1)[0]
    with st.sidebar.expander("Copy link to this view"):
        st.code(f"{base}?{urlencode(query)}", language=None, wrap_lines=True)


_NETWORK = st.components.v2.component(
    "knowledge_graph_network", js=component_script(), css=component_style(),
)


def on_node_selected() -> None:
    st.session_state.selected = st.session_state.network.selected


def on_node_focused() -> None:
    node = st.session_state.network.focused
    st.session_state.update(selected=node, focus=node)


def show_network(view: View) -> None:
    """The interactive network; clicks select, double-clicks focus."""
    payload = network_payload(view)
    key = hashlib.sha256(repr(payload).encode()).hexdigest()[:16]
    _NETWORK(
        key="network",
        data={"payload": payload, "key": key, "height": NETWORK_HEIGHT, "description": describe_view(view),
              "selected": st.session_state.selected, "zoom": st.session_state.get("zoom_token")},
        on_selected_change=on_node_selected, on_focused_change=on_node_focused,
        height=NETWORK_HEIGHT + 10,
    )


def show_counts(view: View) -> None:
    st.caption(f"Showing {view.graph.number_of_nodes()} nodes and {view.graph.number_of_edges()} links; "
               f"{view.hidden_nodes} nodes and {view.hidden_edges} links hidden by the current view.")


def show_paths(view: View) -> None:
    if not view.spec.wants_path:
        return
    st.subheader("Paths")
    for number, sentence in enumerate(view.path_sentences, start=1):
        st.markdown(f"{number}. {escape_markdown(sentence)}" if view.paths else escape_markdown(sentence))


def show_details(explorer: Explorer, view: View) -> None:
    """Everything known about the selected node: summary, thresholds, connections."""
    node = st.session_state.get("selected")
    if not node or node not in explorer.graph:
        st.info("Click a node, or search for one, to read about it here.")
        return
    details = node_details(explorer.dataset, explorer.graph, node)
    st.subheader(escape_markdown(details.label))
    st.caption(escape_markdown(details.kind_label) + (" · needs verification" if details.needs_verification else ""))
    st.markdown(escape_markdown(details.summary))
    if details.text:
        st.markdown(escape_markdown(details.text))
    if details.facts:
        st.table(pd.DataFrame(details.facts, columns=["Fact", "Value"]))
    if details.thresholds:
        st.markdown("**Thresholds**")
        st.table(pd.DataFrame(details.thresholds))
    for relation, rows in connection_rows(explorer.dataset, explorer.graph, node).items():
        st.markdown(f"**{escape_markdown(relation)}**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.markdown("**References**")
    for line in details.references:
        st.markdown(f"- {escape_markdown(line)}")


def show_table(view: View) -> None:
    with st.expander("Table of the links shown (text alternative to the picture)"):
        st.dataframe(pd.DataFrame(view_table(view)), hide_index=True, width="stretch")


def show_exports(explorer: Explorer, spec: ViewSpec) -> None:
    """Download the view on screen in any export format; the file is made when clicked."""
    with st.expander("Export this view (image, handout, offline page, graph formats)"):
        fmt = st.selectbox("Format", list(FORMATS), key="export_format",
                           format_func=lambda name: f"{name}: {FORMATS[name].description}")
        title = st.text_input("Title", key="export_title", placeholder="Default: the view's title")
        scale = st.slider("Image scale (4 for print)", 1, 4, 2, key="export_scale",
                          disabled=fmt not in (*IMAGE_FORMATS, "md"))
        view = explorer.view(spec, title=title or None)
        stem = re.sub(r"[^a-z0-9]+", "-", view.title.casefold()).strip("-")[:60] or "graph"
        options: dict[str, object] = {"scale": scale} if fmt in IMAGE_FORMATS else {}
        if fmt == "md":
            options["image_name"] = f"{stem}.png"
            st.caption("The handout links its picture: download both into the same folder.")
            download(view, "png", stem, {"scale": scale}, "export_download_picture")
        download(view, fmt, stem, options, "export_download")


def download(view: View, fmt: str, stem: str, options: dict[str, object], key: str) -> None:
    """A button that makes the export only when clicked."""
    st.download_button(f"Download {stem}{FORMATS[fmt].suffix}", lambda: export_bytes(view, fmt, **options),
                       file_name=f"{stem}{FORMATS[fmt].suffix}", mime=FORMATS[fmt].mime,
                       on_click="ignore", key=key)


def on_search() -> None:
    st.session_state.update(selected=st.session_state.search, zoom_token=st.session_state.search)


st.sidebar.title("Knowledge-graph explorer")
dataset_name, explorer = choose_dataset()
st.caption(escape_markdown(explorer.dataset.meta.disclaimer or NOTICE))
seed_view_state(explorer, dataset_name)
if st.session_state.get("search") and st.session_state.get("zoom_token") != st.session_state.search:
    on_search()
spec = view_controls(explorer)
try:
    view = explorer.view(spec)
except ViewSpecError as exc:
    st.error(escape_markdown(str(exc)))
    st.stop()
share_link(dataset_name, spec)
st.subheader(escape_markdown(view.title))
graph_column, details_column = st.columns([5, 2])
with graph_column:
    show_counts(view)
    show_paths(view)
    show_network(view)
    st.html(render_legend(view))
with details_column:
    show_details(explorer, view)
show_table(view)
show_exports(explorer, spec)
with st.expander("How to read evidence levels and verdicts"):
    st.markdown(evidence_guide(explorer.dataset))
