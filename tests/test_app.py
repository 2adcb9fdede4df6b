"""The Streamlit app, driven headlessly with AppTest: every control, the URL round trip, uploads.

AppTest runs the script without a browser, so nothing here proves the network is *drawn*
(tests/test_browser.py does that); it proves the widgets produce the right view, text and URL.
Expected numbers come from the library (``Explorer.view``), and each test also checks that the
control changed something, so a control that does nothing fails. The app runs on small test
datasets (``KG_DATASETS``), so editing the bundled content cannot break these tests.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import HeadingBase

from bench.synthetic import write_dataset
from graph import Explorer, View, ViewSpec
from graph.dataset import MAX_UPLOAD_BYTES
from graph.present import escape_markdown
from graph.present.details import connection_rows
from tests.helpers import APP, checked, plain, run_app
from ui import layout

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "data" / "broken"
CLINIC = ROOT / "tests" / "data" / "app" / "clinic.yaml"
TINY = ROOT / "tests" / "data" / "tiny.yaml"
PHOTOSYNTHESIS = ROOT / "data" / "photosynthesis.yaml"
IRON = "low_iron"
LIGAND = "ligand"
COUNTS = re.compile(r"Showing (\d+) nodes and (\d+) links")


@pytest.fixture(autouse=True)
def test_datasets(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app offers the clinic and tiny test datasets instead of the bundled ones."""
    monkeypatch.setenv("KG_DATASETS", os.pathsep.join(map(str, (CLINIC, TINY))))


@cache
def clinic() -> Explorer:
    return Explorer.from_path(CLINIC)


def clinic_view(**spec: Any) -> View:
    return clinic().view(ViewSpec(**spec))


def shown(at: AppTest) -> tuple[int, int]:
    """(nodes, links) from the caption "Showing N nodes and M links; …"."""
    matches = [COUNTS.match(c.value) for c in at.caption]
    found = [(int(m[1]), int(m[2])) for m in matches if m]
    assert len(found) == 1, [c.value for c in at.caption]
    return found[0]


def counts(view: View) -> tuple[int, int]:
    return view.graph.number_of_nodes(), view.graph.number_of_edges()


def title(at: AppTest) -> str:
    """The view title: the main area's level-2 heading."""
    return plain(at.main.header[0].value)


def no_skipped_level(levels: list[int]) -> bool:
    """True when each heading is at most one level below the one before (axe-core's heading-order)."""
    return all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))


def heading_levels(at: AppTest) -> list[int]:
    """Every heading's level in the order a screen reader meets them: the sidebar's, then the main area's."""
    return [int(node.proto.tag[1]) for area in (at.sidebar, at.main) for node in area
            if isinstance(node, HeadingBase)]


def details_column(at: AppTest) -> Any:
    """The details panel: the narrow right-hand column (2 parts of 7) beside the network."""
    return next(column for column in at.columns if abs(column.weight - 2 / 7) < 1e-6)


def details_heading(at: AppTest) -> str | None:
    """The details panel's heading (right-hand column), or None when it shows the placeholder."""
    headings = details_column(at).subheader
    return plain(headings[0].value) if headings else None


def network_data(at: AppTest) -> dict[str, Any]:
    """The JSON data sent to the bidirectional network component."""
    components = [el for el in at.main if el.type == "bidi_component"]
    assert len(components) == 1
    assert components[0].proto.component_name == "knowledge_graph_network"
    return json.loads(components[0].proto.bytes)


def markdown_texts(at: AppTest) -> list[str]:
    return [plain(m.value) for m in at.main.markdown]


def warnings(at: AppTest) -> list[str]:
    return [plain(w.value) for w in at.warning]


# Main path -------------------------------------------------------------------------------------

def test_overview_shows_title_network_placeholder_and_disclaimer() -> None:
    at = run_app()
    view = clinic_view()
    assert at.sidebar.title[0].value == "Knowledge-graph explorer"
    assert title(at) == view.title == "Clinic test graph"
    assert shown(at) == counts(view)
    payload = network_data(at)["payload"]
    assert len(payload["nodes"]) == view.graph.number_of_nodes()
    assert len(payload["edges"]) == view.graph.number_of_edges()
    assert {n["id"] for n in payload["nodes"]} == set(view.graph)
    assert [i.value for i in at.info] == ["Click a node, or search for one, to read about it here."]
    assert "Test data: not medical advice. Content last reviewed against the literature: 2026-11-01." \
        in [plain(c.value) for c in at.caption]
    assert dict(at.query_params) == {}, "the address stays as opened until the view changes"
    assert not warnings(at) and not at.error


def test_a_dataset_without_a_disclaimer_gets_a_notice_that_assumes_no_topic() -> None:
    """The default notice once said "not medical advice" over photosynthesis."""
    at = run_app(dataset="tiny")
    notices = [plain(c.value) for c in at.caption if c.value.startswith("For education only")]
    assert notices == [layout.NOTICE]
    assert "medical" not in layout.NOTICE and "clinician" not in layout.NOTICE


def test_the_search_hint_is_an_example_from_the_dataset_shown() -> None:
    """It once suggested "ferritin" over every dataset, photosynthesis included."""
    hints = {name: run_app(dataset=name).sidebar.text_input(key="search_text").placeholder
             for name in ("tiny", "clinic")}
    assert hints == {"tiny": "e.g. The disease, then Enter", "clinic": "e.g. The condition, then Enter"}


def test_a_new_session_draws_the_network_before_the_controls() -> None:
    """The first run leaves the sidebar's controls out, all but the search field, and asks the
    network to report when it is drawn; the run that report brings has the controls, the same
    picture, the search field in the same place, and asks for no report. Both runs' headings
    go down one level at a time (the first once went from the title's level 1 to the view's 3)."""
    at = checked(AppTest.from_file(str(APP), default_timeout=60).run())
    first = network_data(at)
    assert first["report_drawn"]
    assert heading_levels(at)[:2] == [1, 2] and no_skipped_level(heading_levels(at))
    assert [c.value for c in at.sidebar.caption] == ["The controls appear once the graph is drawn."]
    assert [box.key for box in at.sidebar.text_input] == ["search_text"]
    assert not at.sidebar.selectbox and not at.sidebar.multiselect and not at.sidebar.button
    checked(at.run())
    assert network_data(at)["report_drawn"] is None
    assert network_data(at)["key"] == first["key"]
    assert at.sidebar.text_input[0].key == "search_text" and at.selectbox(key="dataset_choice").value == "clinic"
    assert "The controls appear once the graph is drawn." not in [c.value for c in at.sidebar.caption]
    assert no_skipped_level(heading_levels(at))


def test_a_network_that_asks_for_a_phone_layout_before_drawing_gets_it_in_another_first_run() -> None:
    """The component finds itself narrower than its payload's layout and asks for another before
    drawing (``ui.network._on_screen``): the run that brings it is still a first run, with the same
    token, and lays the view out for a phone."""
    at = checked(AppTest.from_file(str(APP), default_timeout=60).run())
    first = network_data(at)
    assert first["payload"]["screen"] == "wide"
    record = at.session_state["session"]
    record.screen, record.relaid = "narrow", True
    checked(at.run())
    relaid = network_data(at)
    assert relaid["payload"]["screen"] == "narrow" and relaid["key"] != first["key"]
    assert relaid["report_drawn"] == first["report_drawn"]
    assert not at.sidebar.selectbox
    checked(at.run())
    assert network_data(at)["report_drawn"] is None and network_data(at)["payload"]["screen"] == "narrow"


def test_a_search_typed_before_the_controls_arrive_selects_its_node() -> None:
    at = checked(AppTest.from_file(str(APP), default_timeout=60).run())
    checked(at.text_input(key="search_text").input("iron deficiency").run())
    assert at.session_state["session"].selected == IRON
    assert at.text_input(key="search_text").value == "iron deficiency"
    assert at.selectbox(key="dataset_choice").value == "clinic"


# Every control ---------------------------------------------------------------------------------

def pick(at: AppTest, key: str, text: str) -> AppTest:
    """Type ``text`` into a node picker (Focus on, From, To) and press Enter (the caller runs)."""
    at.text_input(key=f"{key}_text").input(text)
    return at


def picked(at: AppTest, key: str) -> tuple[str | None, str]:
    """A node picker's chosen node id and the text its field shows."""
    return at.session_state[key], at.text_input(key=f"{key}_text").value


@pytest.mark.parametrize(("key", "value", "spec"), [
    ("kinds", ["condition", "treatment"], {"kinds": ("condition", "treatment")}),
    ("relations", ["treats", "symptom_of"], {"relations": ("treats", "symptom_of")}),
    ("evidence", "trial", {"evidence": "trial"}),
    ("claims", True, {"claims": True}),
], ids=["kinds", "relations", "evidence", "claims"])
def test_filter_controls_change_the_view(key: str, value: Any, spec: dict[str, Any]) -> None:
    at = run_app()
    widget = getattr(at.sidebar, _widget_type(key))(key=key)
    checked(widget.set_value(value).run())
    expected = counts(clinic_view(**spec))
    assert shown(at) == expected
    assert expected != counts(clinic_view())
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
    checked(pick(at, "focus", "iron deficiency").run())
    at.slider(key="depth").set_value(2)
    checked(at.radio(key="direction").set_value("out").run())
    view = clinic_view(focus=IRON, depth=2, direction="out")
    assert shown(at) == counts(view)
    assert counts(view) != counts(clinic_view(focus=IRON, depth=2))
    assert title(at) == view.title
    assert "around Systemic iron deficiency" in title(at)
    assert network_data(at)["payload"]["focus"] == IRON


def test_depth_slider_is_disabled_without_a_focus() -> None:
    at = run_app()
    assert at.slider(key="depth").disabled
    checked(pick(at, "focus", "iron deficiency").run())
    assert not at.slider(key="depth").disabled


def test_path_controls_show_path_sentences() -> None:
    at = run_app()
    pick(at, "path_from", "iron deficiency")
    checked(pick(at, "path_to", "calcium channel").run())
    view = clinic_view(path_from=IRON, path_to=LIGAND)
    assert view.path_sentences
    assert title(at) == view.title
    assert at.main.subheader[0].value == "Paths"
    texts = markdown_texts(at)
    for number, sentence in enumerate(view.path_sentences, start=1):
        assert f"{number}. {sentence}" in texts
    assert at.query_params["from"] == IRON and at.query_params["to"] == LIGAND


def test_a_node_picker_offers_the_other_matches_and_a_click_chooses_one() -> None:
    at = checked(pick(run_app(), "focus", "iron").run())
    assert picked(at, "focus") == (IRON, "Systemic iron deficiency")
    assert "Other matches for “iron”:" in [c.value for c in at.sidebar.caption]
    offered = {b.key: b for b in at.sidebar.button if b.key.startswith("focus_hit_")}
    assert offered["focus_hit_brain_iron"].label == "Brain iron deficiency"
    checked(offered["focus_hit_brain_iron"].click().run())
    assert picked(at, "focus") == ("brain_iron", "Brain iron deficiency")
    assert at.query_params["focus"] == "brain_iron"


def test_a_node_picker_is_cleared_by_emptying_it_and_keeps_its_choice_on_no_match() -> None:
    at = checked(pick(run_app(), "path_from", "kidney").run())
    assert picked(at, "path_from") == ("kidney", "Kidney failure")
    checked(pick(at, "path_from", "zzzz").run())
    assert picked(at, "path_from") == ("kidney", "Kidney failure")
    assert "No node matches “zzzz”." in [c.value for c in at.sidebar.caption]
    checked(pick(at, "path_from", "  ").run())
    assert picked(at, "path_from") == (None, "") and "from" not in at.query_params


def test_a_picker_shows_the_label_of_a_node_chosen_by_a_link() -> None:
    assert picked(run_app(focus="urge"), "focus") == ("urge", "Urge to move")


def test_show_everything_clears_focus_path_and_every_filter_and_says_so() -> None:
    at = run_app(focus="urge", kinds="symptom,condition", evidence="cohort", layout="force",
                 **{"from": "urge", "to": "night"})
    at.session_state["session"].selected = "night"
    checked(at.button(key="show_everything").click().run())
    assert shown(at) == counts(clinic_view(claims=True, layout="force"))
    assert picked(at, "focus") == picked(at, "path_from") == picked(at, "path_to") == (None, "")
    assert dict(at.query_params) == {"dataset": "clinic", "claims": "on", "layout": "force", "selected": "night"}
    assert [plain(i.value) for i in at.info][:1] == ["Showing everything: cleared the focus, the path, the kinds "
                                                     "filter, the minimum evidence and the hidden claims."]
    checked(at.radio(key="layout").set_value("layered").run())
    assert not any("Showing everything" in i.value for i in at.info), "the note goes with the view it was about"


def test_dataset_picker_switches_dataset() -> None:
    at = run_app()
    checked(at.selectbox(key="dataset_choice").set_value("tiny").run())
    tiny = Explorer.from_path(TINY).view()
    assert title(at) == tiny.title == "Tiny test graph"
    assert shown(at) == counts(tiny)
    assert at.query_params["dataset"] == "tiny"
    assert not warnings(at)


def test_switching_dataset_while_focused_shows_no_link_warning() -> None:
    at = run_app(focus="urge")
    checked(at.selectbox(key="dataset_choice").set_value("tiny").run())
    assert title(at) == "Tiny test graph"
    assert not warnings(at)


# Search and details ----------------------------------------------------------------------------

def search_for(at: AppTest, text: str) -> AppTest:
    """Type ``text`` into the search box and press Enter."""
    return checked(at.text_input(key="search_text").input(text).run())


def test_search_enter_selects_the_best_match_and_shows_its_details() -> None:
    at = search_for(run_app(), "iron deficiency")
    assert at.session_state["session"].selected == IRON
    assert details_heading(at) == "Systemic iron deficiency"
    data = network_data(at)
    assert data["selected"] == IRON and data["zoom"]
    assert [b.label for b in at.sidebar.button if b.key.startswith("hit_")] == ["Brain iron deficiency"]
    details_text = [plain(m.value) for m in details_column(at).markdown]
    for phrase in connection_rows(clinic().dataset, clinic().graph, IRON):
        assert f"**{phrase}**" in details_text
    assert "**References**" in details_text
    assert not details_column(at).info


def test_other_search_matches_show_aliases_and_select_on_click() -> None:
    at = search_for(run_app(), "iron")
    hits = {b.key: b for b in at.sidebar.button if b.key.startswith("hit_")}
    assert hits["hit_ferritin"].label == "Serum ferritin · also “iron stores test”"
    checked(hits["hit_brain_iron"].click().run())
    assert details_heading(at) == "Brain iron deficiency"


def test_search_keeps_every_character_typed() -> None:
    at = search_for(run_app(), "calcium-channel")
    assert at.text_input(key="search_text").value == "calcium-channel"
    assert at.session_state["session"].selected == LIGAND


def test_thresholds_keep_their_operators_in_the_details() -> None:
    at = search_for(run_app(), "ferritin")
    texts = " ".join(plain(m.value) for m in details_column(at).markdown)
    assert "**> 100 ng/mL** (adults): iron is generally not given" in texts
    assert "**≤ 75 ng/mL** (adults): oral iron is offered" in texts


def test_the_details_panel_grows_and_trims_the_view_in_place() -> None:
    at = run_app(focus=IRON)
    at.session_state["session"].selected = "pill"
    checked(at.run())
    checked(at.button(key="expand_node").click().run())
    assert shown(at) == counts(clinic_view(focus=IRON, expanded=("pill",))) != counts(clinic_view(focus=IRON))
    assert at.query_params["expand"] == "pill" and at.session_state["session"].selected == "pill"
    assert title(at) == clinic_view(focus=IRON).title, "still the same view"
    checked(at.button(key="hide_node").click().run())
    assert shown(at) == counts(clinic_view(focus=IRON, hidden=("pill",)))
    assert at.query_params["hide"] == "pill" and "expand" not in at.query_params
    assert at.session_state["session"].selected == IRON and "hide_node" not in [b.key for b in at.button]
    checked(at.button(key="unhide_nodes").click().run())
    assert shown(at) == counts(clinic_view(focus=IRON)) and "hide" not in at.query_params


def test_a_hop_along_a_connection_asks_the_page_to_focus_the_new_heading() -> None:
    at = run_app(focus=IRON)
    at.session_state["session"].selected = IRON
    checked(at.run())
    assert not [el for el in at.main if el.type == "bidi_component" and "focus" in el.proto.component_name]
    checked(details_column(at).button[0].click().run())
    focus = [el for el in at.main if el.type == "bidi_component" and el.proto.component_name.endswith("focus_heading")]
    assert len(focus) == 1 and json.loads(focus[0].proto.json)["label"] == details_heading(at)


def test_connections_are_buttons_that_walk_to_the_linked_node() -> None:
    at = search_for(run_app(), "brain iron")
    step = next(b for b in details_column(at).button if b.label == "The condition")
    checked(step.click().run())
    assert details_heading(at) == "The condition"
    assert any(b.label == "Brain iron deficiency" for b in details_column(at).button)


def test_a_node_linked_twice_the_same_way_gets_a_button_per_link(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Two links of one relation between the same nodes (adults and children, say): one button each."""
    second = """  - {id: pill-children, source: pill, target: disease, relation: treats, evidence: cohort,
     references: [ref2], recommendation: {direction: for, strength: conditional, population: children}}
"""
    (tmp_path / "twice.yaml").write_text(TINY.read_text().replace("claims:", second + "claims:", 1))
    monkeypatch.setenv("KG_DATASETS", str(tmp_path / "twice.yaml"))
    at = run_app(focus="disease")
    assert [b.label for b in details_column(at).button].count("Iron pill") == 2


def test_claim_details_name_the_source_by_its_citation() -> None:
    at = run_app(claims="on")
    at.session_state["session"].selected = "claim_blood"
    at = checked(at.run())
    kind_line = plain(details_column(at).caption[0].value)
    assert kind_line.startswith("Claim by A clinic's web page about blood flow.")


def test_a_claim_reads_as_a_claim_with_its_verdict_in_words_and_colour() -> None:
    """The heading was once "Claim claim_blood" and the verdict a grey caption."""
    at = run_app(claims="on")
    at.session_state["session"].selected = "claim_blood"
    at = checked(at.run())
    assert details_heading(at) == "Bad blood flow causes the condition."
    assert ":red-badge[Contradicted]" in details_column(at).markdown[0].value


# What is hidden, and the claims layer --------------------------------------------------------

def test_hidden_claims_are_named_and_one_click_shows_them() -> None:
    at = run_app()
    button = at.main.button(key="show_claims")
    assert button.label == "3 claims hidden: show the claims layer"
    at.session_state["session"].selected = "night"
    checked(button.click().run())
    assert at.toggle(key="claims").value is True
    assert shown(at) == counts(clinic_view(claims=True))
    assert at.query_params["claims"] == "on"
    assert at.session_state["session"].selected == "night", "showing the claims keeps the selection"


def test_the_claims_toggle_keeps_the_selection() -> None:
    at = run_app()
    at.session_state["session"].selected = "night"
    checked(at.toggle(key="claims").set_value(True).run())
    assert at.session_state["session"].selected == "night"
    assert details_heading(at) == clinic().dataset.node("night").label


def test_verdict_filter_narrows_the_claims_layer() -> None:
    at = run_app(claims="on")
    checked(at.multiselect(key="verdicts").set_value(["contradicted"]).run())
    expected = counts(clinic_view(claims=True, verdicts=("contradicted",)))
    assert shown(at) == expected != counts(clinic_view(claims=True))
    assert at.query_params["verdicts"] == "contradicted"


# URL round trip --------------------------------------------------------------------------------

ROUND_TRIP = {
    "dataset": "clinic", "focus": IRON, "depth": "2", "direction": "out",
    "kinds": "cause,mechanism,condition,test,treatment", "evidence": "cohort", "claims": "on",
    "layout": "force", "from": IRON, "to": LIGAND,
}


def test_link_restores_every_widget_and_is_kept_in_the_url() -> None:
    at = run_app(**ROUND_TRIP)
    assert at.selectbox(key="dataset_choice").value == "clinic"
    assert picked(at, "focus") == (IRON, "Systemic iron deficiency")
    assert at.slider(key="depth").value == 2
    assert at.radio(key="direction").value == "out"
    assert at.multiselect(key="kinds").value == ROUND_TRIP["kinds"].split(",")
    assert at.select_slider(key="evidence").value == "cohort"
    assert at.toggle(key="claims").value is True
    assert at.radio(key="layout").value == "force"
    assert picked(at, "path_from") == (IRON, "Systemic iron deficiency")
    assert picked(at, "path_to") == (LIGAND, "Calcium-channel ligand")
    assert dict(at.query_params) == ROUND_TRIP
    assert not warnings(at)


def test_link_view_matches_the_library_view() -> None:
    at = run_app(**ROUND_TRIP)
    spec = ViewSpec.from_query({k: v for k, v in ROUND_TRIP.items() if k != "dataset"})
    view = clinic().view(spec)
    assert shown(at) == counts(view)
    assert title(at) == view.title


def test_changing_a_widget_updates_the_url() -> None:
    at = run_app()
    pick(at, "focus", "iron deficiency")
    checked(at.radio(key="direction").set_value("in").run())
    assert dict(at.query_params) == {"dataset": "clinic", "focus": IRON, "direction": "in"}
    checked(at.toggle(key="claims").set_value(True).run())
    assert at.query_params["claims"] == "on"


@pytest.mark.parametrize("query", [{"focus": "no_such_node"}, {"depth": "9", "focus": IRON}, {"claims": "maybe"},
                                   {"from": "no_such_node"}],
                         ids=["unknown-focus", "bad-depth", "bad-claims", "unknown-lone-from"])
def test_bad_link_warns_and_shows_the_whole_graph(query: dict[str, str]) -> None:
    at = run_app(**query)
    assert len(warnings(at)) == 1
    assert warnings(at)[0].startswith("The link's view could not be restored: ")
    assert warnings(at)[0].endswith("Showing the whole graph.")
    assert shown(at) == counts(clinic_view())
    assert picked(at, "focus") == (None, "")


def test_a_link_warning_stays_until_the_view_changes() -> None:
    at = run_app(focus="no_such_node")
    checked(at.run())
    assert len(warnings(at)) == 1
    checked(at.toggle(key="claims").set_value(True).run())
    assert not warnings(at)


def test_unknown_focus_warning_names_the_id() -> None:
    at = run_app(focus="no_such_node")
    assert "'no_such_node' is not a node id" in warnings(at)[0]


def test_a_link_with_half_a_path_says_so_and_keeps_its_view() -> None:
    at = run_app(**{"from": IRON, "focus": IRON})
    assert warnings(at) == ["The link gives the path's 'from' but not its 'to', so no path is shown. "
                            "Choose the other end under Path."]
    assert at.session_state["path_from"] == IRON and at.session_state["focus"] == IRON


def test_unknown_dataset_in_link_says_so_and_shows_the_default() -> None:
    at = run_app(dataset="no_such_dataset")
    assert at.selectbox(key="dataset_choice").value == "clinic"
    assert title(at) == clinic_view().title
    assert warnings(at) == ["This link is for the dataset 'no_such_dataset', which this server does not have. "
                            "Showing 'clinic' instead."]


def test_a_link_to_an_uploaded_dataset_says_it_stays_with_the_tab_that_uploaded_it() -> None:
    at = run_app(dataset="(uploaded file)", focus=IRON)
    assert "an uploaded dataset stays with the browser tab that uploaded it" in warnings(at)[0]
    assert title(at) == clinic_view().title


def test_the_link_carries_the_selection_and_the_open_group() -> None:
    at = run_app(focus=IRON, selected=LIGAND, group="cluster_x")
    assert at.session_state["session"].selected == LIGAND and details_heading(at) == "Calcium-channel ligand"
    assert network_data(at)["selected"] == LIGAND and network_data(at)["group"] == "cluster_x"
    assert dict(at.query_params) == {"focus": IRON, "selected": LIGAND, "group": "cluster_x"}


def test_a_link_selecting_an_unknown_node_says_so() -> None:
    at = run_app(selected="no_such_node")
    assert warnings(at) == ["The link selects 'no_such_node', which this dataset does not have."]
    assert details_heading(at) is None and "selected" not in at.query_params


def back_to(at: AppTest, query: dict[str, str]) -> AppTest:
    """What Back or Forward does: Streamlit's frontend reruns the app with that entry's address."""
    at.query_params.clear()
    at.query_params.update(query)
    return checked(at.run())


def test_back_and_forward_restore_the_view_and_the_selection() -> None:
    at = run_app()
    checked(pick(at, "focus", "iron deficiency").run())
    first = dict(at.query_params)
    checked(at.text_input(key="search_text").input("ligand").run())
    selected = dict(at.query_params)
    checked(pick(at, "focus", "ligand").run())
    last = dict(at.query_params)
    assert (first, selected["selected"], last["focus"]) == ({"dataset": "clinic", "focus": IRON}, LIGAND, LIGAND)
    back_to(at, selected)
    assert picked(at, "focus")[0] == IRON and at.session_state["session"].selected == LIGAND
    back_to(at, first)
    assert picked(at, "focus")[0] == IRON and at.session_state["session"].selected == IRON
    assert dict(at.query_params) == first
    back_to(at, last)
    assert picked(at, "focus") == (LIGAND, "Calcium-channel ligand") and title(at) == clinic_view(focus=LIGAND).title


def test_back_to_another_datasets_view_switches_the_dataset() -> None:
    at = run_app(focus=IRON)
    checked(at.selectbox(key="dataset_choice").set_value("tiny").run())
    back_to(at, {"dataset": "clinic", "focus": IRON})
    assert at.selectbox(key="dataset_choice").value == "clinic" and picked(at, "focus")[0] == IRON


def test_a_broken_first_dataset_still_draws_the_dataset_picker_and_the_upload(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_DATASETS", os.pathsep.join(map(str, (BROKEN / "malformed.yaml", CLINIC))))
    at = checked(AppTest.from_file(str(APP), default_timeout=60).run())
    assert "The dataset 'malformed' has problems" in plain(at.error[0].value)
    assert at.sidebar.title[0].value == "Knowledge-graph explorer"
    assert at.selectbox(key="dataset_choice").options == ["malformed", "clinic"]
    assert at.file_uploader(key="upload")
    checked(at.selectbox(key="dataset_choice").set_value("clinic").run())
    assert title(at) == clinic_view().title and not at.error


def test_a_dataset_broken_since_it_loaded_gets_the_picker_on_a_new_sessions_first_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another dataset can be chosen at once, before the network reports that it is drawn."""
    course = tmp_path / "course.yaml"
    course.write_text(CLINIC.read_text())
    monkeypatch.setenv("KG_DATASETS", os.pathsep.join(map(str, (course, TINY))))
    run_app()
    course.write_text("nodes: [")
    at = checked(AppTest.from_file(str(APP), default_timeout=60).run())
    assert network_data(at)["report_drawn"]
    assert "Still showing 'course' as it was when it last loaded." in [i.value for i in at.info]
    assert at.selectbox(key="dataset_choice").options == ["course", "tiny"] and at.file_uploader(key="upload")


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
    assert at.selectbox(key="dataset_choice").value == "clinic"
    assert title(at) == clinic_view().title
    assert shown(at) == counts(clinic_view())


def test_invalid_upload_lists_the_problem_with_a_hint() -> None:
    at = run_app()
    upload(at, "bad_edge.yaml", (BROKEN / "unknown_edge_node.yaml").read_bytes())
    assert "bad_edge.yaml:14: edge source 'iron_defficiency' is not a node id. Did you mean 'iron_deficiency'?" \
        in sidebar_errors(at)[0]
    assert title(at) == clinic_view().title


def test_oversized_upload_shows_the_size_limit() -> None:
    at = run_app()
    upload(at, "huge.yaml", b"# padding\n" * 300_000)
    assert "huge.yaml:1: the file is 3,000,000 bytes; uploads are limited to 2 MB (2,000,000 bytes)." \
        in sidebar_errors(at)[0]
    assert title(at) == clinic_view().title


def test_valid_upload_replaces_the_dataset_and_clears_the_error() -> None:
    at = run_app()
    upload(at, "malformed.yaml", (BROKEN / "malformed.yaml").read_bytes())
    upload(at, "tiny.yaml", TINY.read_bytes())
    tiny = Explorer.from_path(TINY).view()
    assert not sidebar_errors(at)
    assert at.selectbox(key="dataset_choice").value == "(uploaded file)"
    assert title(at) == tiny.title == "Tiny test graph"
    assert shown(at) == counts(tiny)


def test_a_second_upload_is_drawn_with_its_own_kinds() -> None:
    at = run_app()
    upload(at, "tiny.yaml", TINY.read_bytes())
    upload(at, "photosynthesis.yaml", PHOTOSYNTHESIS.read_bytes())
    photo = Explorer.from_path(PHOTOSYNTHESIS).view()
    assert title(at) == photo.title
    assert shown(at) == counts(photo) and counts(photo)[0] > 0
    assert at.multiselect(key="kinds").value == [kind.id for kind in photo.dataset.kinds]


def test_an_upload_to_import_is_drawn_and_says_what_it_lacked() -> None:
    """A GraphML file as Gephi saves it is imported as the command line would, under the same limits."""
    at = run_app()
    upload(at, "gephi.graphml", (ROOT / "tests" / "data" / "import" / "gephi.graphml").read_bytes())
    assert not sidebar_errors(at) and at.selectbox(key="dataset_choice").value == "(uploaded file)"
    assert title(at) == "Gephi" and shown(at)[0] == 10  # Gephi writes no graph title: the file names it
    note = plain(at.sidebar.info[0].value)
    assert note.startswith("Imported gephi.graphml. Not in the file, so written as placeholders or left out:")
    assert "columns this project does not write, left out: Modularity Class (9)" in note
    upload(at, "huge.gexf", b" " * (MAX_UPLOAD_BYTES + 1))
    assert "huge.gexf:1: the file is 2,000,001 bytes; uploads are limited to 2 MB" in sidebar_errors(at)[0]


# The URL belongs to others too -----------------------------------------------------------------

def test_parameters_the_app_does_not_own_survive_every_change() -> None:
    at = run_app(lms_session="abc", focus=IRON)
    checked(at.radio(key="direction").set_value("in").run())
    checked(at.sidebar.button(key="show_everything").click().run())
    assert dict(at.query_params) == {"dataset": "clinic", "claims": "on", "selected": IRON, "lms_session": "abc"}


def test_streamlit_upload_limit_matches_the_app_limit() -> None:
    """The uploader refuses in the browser at the library's limit, and the server's cap is the same number."""
    uploader = run_app().sidebar.get("file_uploader")[0].proto
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert uploader.max_upload_size_mb * 1_000_000 == MAX_UPLOAD_BYTES
    assert config["server"]["maxUploadSize"] == uploader.max_upload_size_mb


def test_groups_in_a_large_view_are_counted_and_explained(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.setenv("KG_DATASETS", str(write_dataset(tmp_path, 100)))
    at = run_app()
    groups = len(network_data(at)["payload"]["clusters"])
    assert groups > 0
    assert f"({groups} groups: click one to open it)" in next(
        c.value for c in at.caption if c.value.startswith("Showing"))


def test_the_table_of_links_is_drawn_on_request_and_lists_every_link_shown() -> None:
    at = run_app(focus="urge")
    assert not at.dataframe
    checked(at.toggle(key="show_table").set_value(True).run())
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == counts(clinic_view(focus="urge"))[1]


def test_the_share_field_holds_the_link_to_this_view() -> None:
    at = run_app(focus="urge", direction="in")
    link = next(field.value for field in at.sidebar.text_input if field.label == "Link to this view")
    assert link.endswith("?dataset=clinic&focus=urge&direction=in")


def test_labels_on_buttons_are_escaped_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Button labels render Markdown: a label such as '[a](b) *star*' must not become a link and italics."""
    xss = ROOT / "tests" / "data" / "xss.yaml"
    monkeypatch.setenv("KG_DATASETS", str(xss))
    labels = {node: data["label"] for node, data in Explorer.from_path(xss).graph.nodes(data=True)}
    at = checked(run_app().text_input(key="search_text").input("alert").run())
    hits = [button.label for button in at.sidebar.button if button.key.startswith("hit_")]
    assert hits and all(hit in {escape_markdown(label) for label in labels.values()} for hit in hits)
    at.session_state["session"].selected = "script"
    connections = [button.label for button in details_column(checked(at.run())).button]
    assert escape_markdown(labels["quotes"]) in connections and labels["quotes"] not in connections
