"""The app's export panel (ui/exports.py), driven with AppTest on a small test dataset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import opened
from ui.exports import PANEL

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "tiny.yaml"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app on the tiny dataset with the export panel open, run once, with no exception."""
    monkeypatch.setenv("KG_DATASETS", os.pathsep.join([str(TINY)]))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state[PANEL] = True
    return opened(at)


def downloads(at: AppTest) -> list[str]:
    """The labels of the export panel's download buttons."""
    return [button.proto.label for button in at.get("download_button") if button.key.startswith("export_download")]


def test_handout_offers_its_declared_picture(app: AppTest) -> None:
    app.selectbox(key="export_format").set_value("md").run()
    assert downloads(app) == ["Download tiny-test-graph.md", "Download tiny-test-graph.png"]
    # the handout's picture is always the 16 cm column at 300 dpi, so neither page nor scale is asked
    assert app.radio(key="export_references").disabled and app.radio(key="export_page").disabled


def test_picture_takes_a_page_and_separate_references(app: AppTest) -> None:
    app.selectbox(key="export_format").set_value("png").run()
    app.radio(key="export_page").set_value("slide").run()
    app.radio(key="export_references").set_value("separate").run()
    assert not app.exception
    assert downloads(app) == ["Download tiny-test-graph.png", "Download tiny-test-graph-references.png"]


def test_data_formats_grey_out_picture_options(app: AppTest) -> None:
    app.selectbox(key="export_format").set_value("graphml").run()
    assert app.slider(key="export_scale").disabled and app.radio(key="export_page").disabled
    assert downloads(app) == ["Download tiny-test-graph.graphml"]


def test_a_closed_panel_draws_nothing_and_keeps_the_choices(app: AppTest) -> None:
    """The panel's widgets are drawn only while it is open; closing it does not reset them."""
    app.selectbox(key="export_format").set_value("png").run()
    app.slider(key="export_scale").set_value(3).run()
    app.session_state[PANEL] = False
    app.run()
    assert not downloads(app) and "export_format" not in [box.key for box in app.selectbox]
    app.session_state[PANEL] = True
    app.run()
    assert app.selectbox(key="export_format").value == "png" and app.slider(key="export_scale").value == 3


def test_a_course_package_asks_for_its_pass_score(app: AppTest) -> None:
    """Only the SCORM package asks for a pass score; the choice is kept with the others."""
    assert "export_pass_score" not in [box.key for box in app.number_input]
    app.selectbox(key="export_format").set_value("scorm").run()
    app.number_input(key="export_pass_score").set_value(60).run()
    assert not app.exception
    assert downloads(app) == ["Download tiny-test-graph.scorm.zip"]
    assert app.number_input(key="export_pass_score").value == 60 and app.slider(key="export_scale").disabled
    assert [info.value for info in app.info if "quiz" in info.value] == [
        "The quiz has 2 questions; the LMS records passed at 60% or more."]
