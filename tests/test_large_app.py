"""The app on a dataset over the large-graph threshold: a bounded view, its size in words, a way to see all."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from bench.synthetic import write_dataset
from graph.network.bounded import LARGE_GRAPH_NODES, SHOWN_NODES
from tests.helpers import ROOT, opened


@pytest.fixture(scope="module")
def large_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppTest]:
    path = write_dataset(tmp_path_factory.mktemp("large"), LARGE_GRAPH_NODES + 100)
    with pytest.MonkeyPatch.context() as patch:  # the app reads KG_DATASETS on every run
        patch.setenv("KG_DATASETS", str(path))
        patch.setenv("KG_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        yield opened(app)


def test_large_graph_draws_the_most_connected_and_says_so(large_app: AppTest) -> None:
    sentences = [info.value for info in large_app.info]
    assert any(f"showing the {SHOWN_NODES} most connected" in text and "2,1" in text for text in sentences)
    assert len(_dataset_nodes(large_app)) == SHOWN_NODES


def test_drawing_everything_is_offered_with_a_warning(large_app: AppTest) -> None:
    toggle = next(t for t in large_app.toggle if t.label.startswith("Draw all"))
    assert "slow" in toggle.label
    toggle.set_value(True).run()
    assert any("can take a minute" in warning.value for warning in large_app.warning)
    assert len(_dataset_nodes(large_app)) == LARGE_GRAPH_NODES + 100


def _dataset_nodes(app: AppTest) -> set[str]:
    """Ids of the dataset's nodes in the data sent to the network component (not drawing aids)."""
    component = next(el for el in app.main if el.type == "bidi_component")
    nodes = json.loads(component.proto.bytes)["payload"]["nodes"]
    return {node["id"] for node in nodes if re.fullmatch(r"n\d+", str(node["id"]))}
