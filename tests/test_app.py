"""The Streamlit app, driven headlessly with AppTest: every control, the URL round trip, uploads.

AppTest runs the script without a browser, so nothing here proves the network is *drawn*
(tests/test_browser.py does that); it proves the widgets produce the right view, text and URL.
Expected numbers come from the library (``Explorer.view``), and each test also checks that the
control changed something, so a control that does nothing fails.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from graph import Explorer, View, ViewSpec
from graph.present.details import connection_rows

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
BROKEN = ROOT / "tests" / "data" / "broken"
TINY = ROOT / "tests" / "data" / "tiny.yaml"
IRON = "iron_deficiency"
FCM = "iv_ferric_carboxymaltose"
COUNTS = re.compile(r"Showing (\d+) nodes and (\d+) links")
ESCAPE = re.compile(r"\\(.)")


@cache
def rls() -> Explorer:
    return Explorer.from_path(ROOT / "data" / "rls")


def rls_view(**spec: Any) -> View:
    return rls().view(ViewSpec(**spec))


def run_app(**query: str) -> AppTest:
    """Run the app once with the given URL query parameters; fail on any exception."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(query)
    return checked(at.run())


def checked(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> tuple[int, int]:
    """(nodes, links) from the caption "Showing N nodes and M links; …"."""
    matches = [COUNTS.match(c.value) for c in at.caption]
    found = [(int(m[1]), int(m[2])) for m in matches if m]
    assert len(found) == 1, [c.value for c in at.caption]
    return found[0]


def counts(view: View) -> tuple[int, int]:
    return view.graph.number_of_nodes(), view.graph.number_of_edges()


def plain(markdown: str) -> str:
    """Markdown text as the reader sees it, with backslash escapes removed (the app escapes dataset text)."""
    return ESCAPE.sub(r"\1", markdown)


def title(at: AppTest) -> str:
    """The view title: the first subheader in the main area."""
    return plain(at.main.subheader[0].value)


def details_heading(at: AppTest) -> str | None:
    """The details panel's heading (right-hand column), or None when it shows the placeholder."""
    headings = at.columns[1].subheader
    return plain(headings[0].value) if headings else None


def network_data(at: AppTest) -> dict[str, Any]:
    """The JSON data sent to the bidirectional network component."""
    components = [el for el in at.main if el.type == "bidi_component"]
    assert len(components) == 1
    assert components[0].proto.component_name == "knowledge_graph_network"
    return json.loads(components[0].proto.json)


def markdown_texts(at: AppTest) -> list[str]:
    return [plain(m.value) for m in at.main.markdown]


def warnings(at: AppTest) -> list[str]:
    return [plain(w.value) for w in at.warning]


# Main path -------------------------------------------------------------------------------------

def test_overview_shows_title_network_placeholder_and_disclaimer() -> None:
    at = run_app()
    view = rls_view()
    assert at.sidebar.title[0].value == "Knowledge-graph explorer"
    assert title(at) == view.title == "Restless legs syndrome (Willis–Ekbom disease)"
    assert shown(at) == counts(view)
    payload = network_data(at)["payload"]
    assert len(payload["nodes"]) == view.graph.number_of_nodes()
    assert len(payload["edges"]) == view.graph.number_of_edges()
    assert {n["id"] for n in payload["nodes"]} == set(view.graph)
    assert [i.value for i in at.info] == ["Click a node, or search for one, to read about it here."]
    assert any("not medical advice" in plain(c.value) for c in at.caption)
    assert at.query_params["dataset"] == "rls"
    assert not warnings(at) and not at.error


# Every control ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value", "spec"), [
    ("kinds", ["condition", "treatment"], {"kinds": ("condition", "treatment")}),
    ("relations", ["treats", "recommended_for"], {"relations": ("treats", "recommended_for")}),
    ("evidence", "guideline-strong", {"evidence": "guideline-strong"}),
    ("claims", True, {"claims": True}),
], ids=["kinds", "relations", "evidence", "claims"])
def test_filter_controls_change_the_view(key: str, value: Any, spec: dict[str, Any]) -> None:
    at = run_app()
    widget = getattr(at.sidebar, _widget_type(key))(key=key)
    checked(widget.set_value(value).run())
    expected = counts(rls_view(**spec))
    assert shown(at) == expected
    assert expected != counts(rls_view())
    assert len(network_data(at)["payload"]["nodes"]) == expected[0]


def _widget_type(key: str) -> str:
    return {"kinds": "multiselect", "relations": "multiselect", "evidence": "select_slider",
            "claims": "toggle"}[key]


def test_layout_control_moves_the_nodes() -> None:
    at = run_app()
    before = {n["id"]: (n["x"], n["y"]) for n in network_data(at)["payload"]["nodes"]}
    checked(at.radio(key="layout").set_value("force").run())
    after = {n["id"]: (n["x"], n["y"]) for n in network_data(at)["payload"]["nodes"]}
    assert after.keys() == before.keys()
    assert sum(after[n] != before[n] for n in after) > len(after) // 2
    assert at.query_params["layout"] == "force"


def test_focus_depth_and_direction_narrow_the_view() -> None:
    at = run_app()
    checked(at.selectbox(key="focus").set_value(IRON).run())
    at.slider(key="depth").set_value(2)
    checked(at.radio(key="direction").set_value("out").run())
    view = rls_view(focus=IRON, depth=2, direction="out")
    assert shown(at) == counts(view)
    assert counts(view) != counts(rls_view(focus=IRON, depth=2))
    assert title(at) == view.title
    assert "around Systemic iron deficiency" in title(at)
    assert network_data(at)["payload"]["focus"] == IRON


def test_depth_slider_is_disabled_without_a_focus() -> None:
    at = run_app()
    assert at.slider(key="depth").disabled
    checked(at.selectbox(key="focus").set_value(IRON).run())
    assert not at.slider(key="depth").disabled


def test_path_controls_show_path_sentences() -> None:
    at = run_app()
    at.selectbox(key="path_from").set_value(IRON)
    checked(at.selectbox(key="path_to").set_value(FCM).run())
    view = rls_view(path_from=IRON, path_to=FCM)
    assert view.path_sentences
    assert title(at) == view.title
    assert at.main.subheader[1].value == "Paths"
    texts = markdown_texts(at)
    for number, sentence in enumerate(view.path_sentences, start=1):
        assert f"{number}. {sentence}" in texts
    assert at.query_params["from"] == IRON and at.query_params["to"] == FCM


def test_show_everything_clears_focus_and_path() -> None:
    at = run_app(focus=IRON, **{"from": IRON, "to": FCM})
    assert shown(at) != counts(rls_view())
    checked(at.sidebar.button[0].click().run())
    assert at.sidebar.button[0].label == "Show everything"
    assert shown(at) == counts(rls_view())
    assert at.selectbox(key="focus").value is None
    assert at.selectbox(key="path_from").value is None and at.selectbox(key="path_to").value is None
    assert dict(at.query_params) == {"dataset": "rls"}


def test_dataset_picker_switches_to_photosynthesis() -> None:
    at = run_app()
    checked(at.selectbox(key="dataset_choice").set_value("photosynthesis").run())
    photo = Explorer.from_path(ROOT / "data" / "photosynthesis.yaml").view()
    assert title(at) == photo.title == "Photosynthesis in green plants"
    assert shown(at) == counts(photo)
    assert at.query_params["dataset"] == "photosynthesis"
    assert not warnings(at)


def test_switching_dataset_while_focused_shows_no_link_warning() -> None:
    at = run_app(focus=IRON)
    checked(at.selectbox(key="dataset_choice").set_value("photosynthesis").run())
    assert title(at) == "Photosynthesis in green plants"
    assert not warnings(at)


# Search and details ----------------------------------------------------------------------------

def test_search_selects_the_node_and_shows_its_details() -> None:
    at = run_app()
    checked(at.selectbox(key="search").set_value(FCM).run())
    label = rls().graph.nodes[FCM]["label"]
    assert details_heading(at) == label == "IV ferric carboxymaltose (FCM)"
    assert at.session_state["selected"] == FCM
    assert network_data(at)["selected"] == FCM
    details_text = [plain(m.value) for m in at.columns[1].markdown]
    connections = connection_rows(rls().dataset, rls().graph, FCM)
    assert connections
    for relation, rows in connections.items():
        assert f"**{relation}**" in details_text
        frame = next(f.value for f in at.columns[1].dataframe if list(f.value["Node"]) == [r["Node"] for r in rows])
        assert len(frame) == len(rows)
    assert "**References**" in details_text
    assert not at.columns[1].info


# URL round trip --------------------------------------------------------------------------------

ROUND_TRIP = {
    "dataset": "rls", "focus": IRON, "depth": "2", "direction": "out",
    "kinds": "cause,mechanism,condition,test,treatment", "evidence": "observational", "claims": "on",
    "layout": "force", "from": IRON, "to": FCM,
}


def test_link_restores_every_widget_and_is_kept_in_the_url() -> None:
    at = run_app(**ROUND_TRIP)
    assert at.selectbox(key="dataset_choice").value == "rls"
    assert at.selectbox(key="focus").value == IRON
    assert at.slider(key="depth").value == 2
    assert at.radio(key="direction").value == "out"
    assert at.multiselect(key="kinds").value == ROUND_TRIP["kinds"].split(",")
    assert at.select_slider(key="evidence").value == "observational"
    assert at.toggle(key="claims").value is True
    assert at.radio(key="layout").value == "force"
    assert at.selectbox(key="path_from").value == IRON and at.selectbox(key="path_to").value == FCM
    assert dict(at.query_params) == ROUND_TRIP
    assert not warnings(at)


def test_link_view_matches_the_library_view() -> None:
    at = run_app(**ROUND_TRIP)
    spec = ViewSpec.from_query({k: v for k, v in ROUND_TRIP.items() if k != "dataset"})
    view = rls().view(spec)
    assert shown(at) == counts(view)
    assert title(at) == view.title


def test_changing_a_widget_updates_the_url() -> None:
    at = run_app()
    assert dict(at.query_params) == {"dataset": "rls"}
    at.selectbox(key="focus").set_value(IRON)
    checked(at.radio(key="direction").set_value("in").run())
    assert dict(at.query_params) == {"dataset": "rls", "focus": IRON, "direction": "in"}
    checked(at.toggle(key="claims").set_value(True).run())
    assert at.query_params["claims"] == "on"


@pytest.mark.parametrize("query", [{"focus": "no_such_node"}, {"depth": "9", "focus": IRON}, {"claims": "maybe"}],
                         ids=["unknown-focus", "bad-depth", "bad-claims"])
def test_bad_link_warns_and_shows_the_whole_graph(query: dict[str, str]) -> None:
    at = run_app(**query)
    assert len(warnings(at)) == 1
    assert warnings(at)[0].startswith("The link's view could not be restored: ")
    assert warnings(at)[0].endswith("Showing the whole graph.")
    assert shown(at) == counts(rls_view())
    assert at.selectbox(key="focus").value is None


def test_unknown_focus_warning_names_the_id() -> None:
    at = run_app(focus="no_such_node")
    assert "'no_such_node' is not a node id" in warnings(at)[0]


def test_unknown_dataset_in_link_falls_back_to_the_default() -> None:
    at = run_app(dataset="no_such_dataset")
    assert at.selectbox(key="dataset_choice").value == "rls"
    assert title(at) == rls_view().title


# Uploads ---------------------------------------------------------------------------------------

def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    """Upload through AppTest's real file_uploader support (st.file_uploader + on_change)."""
    return checked(at.file_uploader(key="upload").set_value((name, content, "application/x-yaml")).run())


def sidebar_errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.sidebar.error]


def test_broken_upload_shows_file_and_line_and_keeps_the_dataset() -> None:
    at = run_app()
    upload(at, "malformed.yaml", (BROKEN / "malformed.yaml").read_bytes())
    errors = sidebar_errors(at)
    assert len(errors) == 1
    assert errors[0].startswith("malformed.yaml was not loaded:")
    assert "malformed.yaml:15: YAML syntax error" in errors[0]
    assert at.selectbox(key="dataset_choice").value == "rls"
    assert title(at) == rls_view().title
    assert shown(at) == counts(rls_view())


def test_invalid_upload_lists_the_problem_with_a_hint() -> None:
    at = run_app()
    upload(at, "bad_edge.yaml", (BROKEN / "unknown_edge_node.yaml").read_bytes())
    assert "bad_edge.yaml:14: edge source 'iron_defficiency' is not a node id. Did you mean 'iron_deficiency'?" \
        in sidebar_errors(at)[0]
    assert title(at) == rls_view().title


def test_oversized_upload_shows_the_size_limit() -> None:
    at = run_app()
    upload(at, "huge.yaml", b"# padding\n" * 300_000)
    assert sidebar_errors(at) == ["huge.yaml is 2.9 MB; uploads are limited to 2 MB."]
    assert title(at) == rls_view().title


def test_valid_upload_replaces_the_dataset_and_clears_the_error() -> None:
    at = run_app()
    upload(at, "malformed.yaml", (BROKEN / "malformed.yaml").read_bytes())
    upload(at, "tiny.yaml", TINY.read_bytes())
    tiny = Explorer.from_path(TINY).view()
    assert not sidebar_errors(at)
    assert at.selectbox(key="dataset_choice").value == "(uploaded file)"
    assert title(at) == tiny.title == "Tiny test graph"
    assert shown(at) == counts(tiny)
