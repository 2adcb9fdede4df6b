"""The lesson page: one offline file with disclaimer, path, references and safe links; payloads escaped."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from graph import Explorer, ViewSpec
from graph.export import export_view
from graph.export.html_export import lesson_html
from graph.export.lesson import lesson_data, safe_link

DATA = Path(__file__).parent / "data"


class Page(HTMLParser):
    """The page's elements (tag and attributes), its visible text and its JSON data blocks."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.json: dict[str, object] = {}
        self._script: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._script = dict(attrs).get("id") if tag == "script" and dict(attrs).get("type") == "application/json" \
            else None

    def handle_data(self, data: str) -> None:
        if self._script:
            self.json[self._script] = json.loads(data)
            self._script = None
        elif self.elements and self.elements[-1][0] not in ("script", "style"):
            self.texts.append(data)


def test_html_is_one_offline_file(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))
    export_view(view, "html", tmp_path / "view.html")
    page = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "kgNetwork(" in page and "lessonStart" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.split("lesson-references")[0])
    assert list(tmp_path.iterdir()) == [tmp_path / "view.html"]


def test_page_has_disclaimer_search_path_and_references() -> None:
    view = Explorer.from_path(DATA / "learning.yaml").view(ViewSpec(claims=True))
    page = Page(lesson_html(view))
    assert "Test data: not medical advice." in page.texts
    assert any(tag == "input" and attrs.get("type") == "search" for tag, attrs in page.elements)
    path_view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(path_from="pill", path_to="brain_iron"))
    tiny = Page(lesson_html(path_view))
    assert "Iron pill treats Low iron, which leads to Brain iron deficiency." in tiny.texts
    links = [attrs["href"] for tag, attrs in tiny.elements if tag == "a"]
    assert links == ["https://doi.org/10.1000/test.1", "https://example.org/page"]
    assert tiny.json["lesson-data"]["nodes"]["low_iron"]["aliases"] == ["iron deficiency"]


def test_details_carry_connections_with_evidence() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))
    disease = lesson_data(view)["nodes"]["disease"]
    assert disease["summary"] == "The condition of interest." and disease["kind"] == "Condition"
    treated = next(link for link in disease["connections"] if link["phrase"] == "is treated by")
    assert (treated["label"], treated["references"]) == ("Iron pill", ["ref1"])
    assert treated["evidence"].startswith("Randomised trial")
    claims = [link["label"] for link in disease["connections"] if link["phrase"] == "has claims about it"]
    assert claims == ["[Contradicted] Bad blood flow causes the disease."]


def test_only_http_links_are_kept() -> None:
    assert safe_link("https://doi.org/10.1/x") == "https://doi.org/10.1/x"
    assert safe_link("javascript:alert(1)") == safe_link("data:text/html,x") == safe_link("http:/x") == ""


def test_html_payloads_are_escaped() -> None:
    view = Explorer.from_path(DATA / "xss.yaml").view(ViewSpec(claims=True))
    text = lesson_html(view)
    page = Page(text)
    assert "<img" not in text and "</script><script>alert(1)" not in text
    assert not any(tag in ("img", "iframe", "object") for tag, _ in page.elements)
    assert any("<img src=x onerror=alert(1)>" in t for t in page.texts)
    assert all(attrs.get("href", "").startswith("http") for tag, attrs in page.elements if tag == "a")


def test_hover_keeps_each_nodes_kind_colour() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))
    payload = Page(lesson_html(view)).json["lesson-payload"]
    colours = {node["id"]: node["color"] for node in payload["nodes"]}
    assert colours["low_iron"]["background"] == "#E69F00"
    assert all(colour["hover"]["background"] == colour["background"] for colour in colours.values())


def test_exports_load_matplotlib_only_for_pictures() -> None:
    code = ("import sys; from graph import Explorer; from graph.export import export_bytes; "
            "export_bytes(Explorer.from_path(sys.argv[1]).view(), 'html'); print('matplotlib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(DATA / "tiny.yaml")], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
