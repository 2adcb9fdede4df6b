"""Graphviz DOT: rendered by ``dot`` without warnings; payloads stay text."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from graph import Explorer, View, ViewSpec
from graph.export import export_view
from graph.export.dot_export import dot_text, quote
from graph.present import style
from graph.present.styled import styled_view

DATA = Path(__file__).parent / "data"
DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(DOT is None, reason="Graphviz `dot` is not installed (apt install graphviz)")


def render(view: View, tmp_path: Path) -> ET.Element:
    """Export to DOT, render it with ``dot -Tsvg`` and parse the SVG; fail on any stderr."""
    export_view(view, "dot", tmp_path / "view.dot")
    done = subprocess.run([DOT, "-Tsvg", str(tmp_path / "view.dot")], capture_output=True, check=True)
    assert done.stderr == b""
    return ET.fromstring(done.stdout)


def texts(svg: ET.Element) -> list[str]:
    return [element.text for element in svg.iter() if element.text]


@needs_dot
@pytest.mark.parametrize("name", ["tiny.yaml", "xss.yaml"])
def test_dot_renders_without_warnings(name: str, tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / name).view(ViewSpec(claims=True))
    shown = texts(render(view, tmp_path))
    assert view.title in shown


@needs_dot
def test_payload_labels_are_text(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "xss.yaml").view(ViewSpec(claims=True))
    svg = render(view, tmp_path)
    shown = " ".join(texts(svg))
    assert "</script><script>alert(1)</script>" in shown
    assert "Plain node &amp; &lt;b&gt;" in shown and "\\N {{braces}}" in shown
    assert not any(element.tag.endswith(("img", "script")) for element in svg.iter())


def test_quote_escapes_backslash_quote_newline_and_ampersand() -> None:
    assert quote('a\\N "b"\nc & d') == '"a\\\\N \\"b\\"\\nc &amp; d"'
    assert quote("<b>x</b>").startswith('"<')


def width(view: View, edge_id: str) -> float:
    """The width the styled view gives an edge (the tier's, plus the path's emphasis)."""
    return next(edge.width for edge in styled_view(view, cluster_above=None).edges if edge.id == edge_id)


def test_styles_positions_and_emphasis() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))
    text = dot_text(view)
    assert '"low_iron" [label="Low iron", shape="triangle", style="filled", fillcolor="#E69F00"' in text
    x, y = styled_view(view, cluster_above=None).node("disease").position
    assert f'pos="{x:g},{0.0 - y:g}"' in text
    assert '"low_iron" -> "brain_iron" [id="low_iron--leads_to--brain_iron", label="leads to", ' \
           f'style="dashed", arrowhead="normal", penwidth="{width(view, "low_iron--leads_to--brain_iron"):g}", ' \
           f'color="{style.PATH_COLOUR}"' in text
    assert 'fillcolor="#E69F0040"' in text  # Bad blood flow, off the path, is faded
    assert '"claim1" [label="[Contradicted] Bad blood\\nflow causes the disease.", shape="box", ' \
           'style="filled,dashed"' in text
    focused = dot_text(Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(focus="pill")))
    assert f'color="{style.FOCUS_BORDER}", penwidth="4"' in focused


@needs_dot
def test_a_label_longer_than_graphviz_reads_is_cut_with_an_ellipsis(tmp_path: Path) -> None:
    """A 20,000-character label is allowed by the format; Graphviz refuses strings over 16,384."""
    view = Explorer.from_path(DATA / "hostile_valid" / "long_label.yaml").view()
    svg = render(view, tmp_path)
    texts = " ".join(text.text or "" for text in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "word word" in texts and "…" in texts
    assert max(len(line) for line in dot_text(view).split("\n")) < 16_384
