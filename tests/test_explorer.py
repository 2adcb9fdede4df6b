"""The Explorer keeps recent views: the same request gives the same object, and memory stays bounded."""

from __future__ import annotations

import pytest

from graph import ViewSpec
from graph.network import explorer as explorer_module
from tests.helpers import explorer


def test_the_same_request_gives_the_same_view_object() -> None:
    first = explorer().view(ViewSpec(focus="disease"))
    assert explorer().view(ViewSpec(focus="disease")) is first
    assert explorer().view(ViewSpec(focus="disease"), title="Handout") is not first
    assert explorer().view(ViewSpec(focus="pill")) is not first


def test_only_the_most_recent_views_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(explorer_module, "VIEWS_KEPT", 2)
    fresh = explorer_module.Explorer(explorer().dataset)
    first = fresh.view(ViewSpec(focus="disease"))
    fresh.view(ViewSpec(focus="pill"))
    fresh.view(ViewSpec(focus="low_iron"))
    assert len(fresh._views) == 2
    assert fresh.view(ViewSpec(focus="disease")) is not first
