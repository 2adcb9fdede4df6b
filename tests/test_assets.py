"""vis-network is published once to the static folder, under a name that changes with its content."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from graph.present import vis_asset
from ui import assets


def test_vis_network_is_written_once_under_a_content_hashed_name(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assets, "STATIC_DIR", tmp_path / "static")
    url = assets.published_vis_network()
    name = url.removeprefix("app/static/")
    written = tmp_path / "static" / name
    assert url.startswith("app/static/vis-network-") and written.read_text() == vis_asset("vis-network.min.js")
    before = written.stat().st_mtime_ns
    assert assets.published_vis_network() == url and written.stat().st_mtime_ns == before


def test_a_read_only_folder_falls_back_to_an_inline_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setattr(assets, "STATIC_DIR", blocked)
    url = assets.published_vis_network()
    assert url.startswith("data:text/javascript;base64,")
    assert base64.b64decode(url.split(",", 1)[1]).decode() == vis_asset("vis-network.min.js")
