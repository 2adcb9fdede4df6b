"""The interactive HTML export: one offline file, payloads escaped."""

from __future__ import annotations

from pathlib import Path

from graph import Explorer, ViewSpec
from graph.export import export_view

DATA = Path(__file__).parent / "data"


def test_html_is_one_offline_file(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))
    export_view(view, "html", tmp_path / "view.html")
    page = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "vis.Network" in page or "new vis" in page
    assert "https://cdn" not in page and 'src="http' not in page
    assert list(tmp_path.iterdir()) == [tmp_path / "view.html"]


def test_html_payloads_are_escaped(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "xss.yaml").view(ViewSpec(claims=True))
    export_view(view, "html", tmp_path / "xss.html")
    page = (tmp_path / "xss.html").read_text(encoding="utf-8")
    assert "<img" not in page
    assert "</script><script>alert(1)" not in page
