"""Mermaid flowcharts: every line matches the grammar we emit; payloads become entity codes.

Mermaid's own parser is run too when ``MERMAID_JS`` names a ``mermaid.min.js`` (e.g. after
``npm install mermaid`` in a folder outside the repository) and Chromium is available; see
docs/exports.md.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import Explorer, ExportError, View, ViewSpec
from graph.dataset.loading import load_bytes
from graph.export.mermaid_export import MAX_EDGES, escape, mermaid_text
from graph.present import style
from graph.present.styled import styled_view
from tests.conftest import offline_guard

DATA = Path(__file__).parent / "data"
HOSTILE = DATA / "hostile_valid"
DIRECTIVES = sorted(path.name for path in HOSTILE.glob("mermaid_*.yaml"))
LABEL = r'"(?:[^"<>&`;|#%{}\n]|#\w+;)*"'
SHAPES = [r"\[{}\]", r"\(\[{}\]\)", r"\(\({}\)\)", r"\{{{}\}}", r"\{{\{{{}\}}\}}", r"\[\({}\)\]",
          r"\[/{}\\\]", r"\[\\{}/\]", r">{}\]"]
GRAMMAR = [
    r"flowchart LR",
    r"  %% n\d+: [A-Za-z0-9_.-]+",
    r"  n\d+(?:" + "|".join(shape.format(LABEL) for shape in SHAPES) + ")",
    r"  n\d+ (?:-->|-\.->|==>)\|" + LABEL + r"\| n\d+",
    r"  classDef \w+ [a-z-]+:[^,]+(?:,[a-z-]+:[^,]+)*",
    r"  class n\d+(?:,n\d+)* \w+",
    r"  linkStyle \d+(?:,\d+)* [a-z-]+:[^,]+(?:,[a-z-]+:[^,]+)*",
]


def views() -> list[View]:
    tiny, xss = (Explorer.from_path(DATA / name) for name in ("tiny.yaml", "xss.yaml"))
    return [tiny.view(ViewSpec(claims=True, path_from="pill", path_to="brain_iron")),
            tiny.view(ViewSpec(focus="disease")), xss.view(ViewSpec(claims=True, focus="img"))]


@pytest.mark.parametrize("view", views(), ids=["tiny-path", "tiny-focus", "xss"])
def test_every_line_matches_the_grammar(view: View) -> None:
    title, *lines = mermaid_text(view).rstrip("\n").split("\n")
    assert title.startswith("%% ") and "\n" not in title
    for line in lines:
        assert any(re.fullmatch(rule, line) for rule in GRAMMAR), line


def test_ids_are_safe_and_mapped() -> None:
    text = mermaid_text(views()[0])
    assert "  %% n0: low_iron" in text and "low_iron[" not in text
    assert '  n3["Iron pill"]' in text


def test_evidence_arrows_classes_and_path() -> None:
    text = mermaid_text(views()[0])
    assert '  n3 ==>|"treats"| n2' in text
    assert '  n0 -.->|"leads to"| n1' in text
    assert "  classDef look_Cause fill:#E69F00,color:#000000,stroke:#333333" in text
    assert "  class n0,n4 look_Cause" in text
    assert "stroke-dasharray:6 4" in text.split("classDef look_Claim__Contradicted_", 1)[1].split("\n")[0]
    strong = next(e.width for e in styled_view(views()[0], cluster_above=None).edges if e.tier == "high")
    assert f"  linkStyle 2,3 stroke:{style.PATH_COLOUR},stroke-width:{strong:g}px" in text
    assert "  class n4,n5,n6 dimmed" in text
    assert "  classDef focus" in mermaid_text(views()[1])


def test_payloads_become_entities() -> None:
    assert escape('<img src=x onerror=alert(1)> & "q" #1; `t` a|b') == (
        "#lt;img src=x onerror=alert(1)#gt; #amp; #quot;q#quot; #35;1#59; #96;t#96; a#124;b")
    text = mermaid_text(views()[2])
    assert "<" not in text.split("\n", 1)[1].replace("%% ", "") and "#lt;img src=x" in text


def hostile_text(name: str) -> str:
    return mermaid_text(Explorer.from_path(HOSTILE / name).view(ViewSpec(claims=True)))


@pytest.mark.parametrize("name", DIRECTIVES)
def test_no_label_or_title_can_open_a_directive(name: str) -> None:
    title, *lines = hostile_text(name).rstrip("\n").split("\n")
    assert title.startswith("%% ") and not set("%{}") & set(title.removeprefix("%% "))
    for line in lines:
        assert any(re.fullmatch(rule, line) for rule in GRAMMAR), line


def test_directive_characters_become_entities() -> None:
    assert escape("%%{init: {'theme':'dark'}}%%") == "#37;#37;#123;init: #123;'theme':'dark'#125;#125;#37;#37;"
    assert "#37;#37;#123;init" in hostile_text("mermaid_directive_title.yaml").split("\n", 1)[0]


def test_a_view_mermaid_cannot_draw_is_refused_with_a_message() -> None:
    edges = "".join(f"  - {{source: n{i}, target: n{i + 1}, relation: r, evidence: e, references: [x]}}\n"
                    for i in range(MAX_EDGES + 1))
    nodes = "".join(f"  - {{id: n{i}, label: N{i}, kind: k, summary: s, references: [x]}}\n"
                    for i in range(MAX_EDGES + 2))
    text = ("meta: {title: Big}\nkinds: [{id: k, label: K, colour: '#E69F00', shape: box, tier: 0}]\n"
            "relations: [{id: r, label: r, inverse: r}]\nevidence: [{id: e, rank: 1, label: E, certainty: high}]\n"
            "references: [{id: x, citation: X, kind: trial, verification: verified}]\n"
            f"nodes:\n{nodes}edges:\n{edges}")
    view = Explorer(load_bytes(text.encode(), "big.yaml")).view()
    with pytest.raises(ExportError, match=r"501 links .* Mermaid draws nothing past 500 links"):
        mermaid_text(view)


def _mermaid_script() -> str:
    script = os.environ.get("MERMAID_JS")
    if not script or not Path(script).is_file():
        pytest.skip("set MERMAID_JS to a mermaid.min.js to check with Mermaid's own parser")
    return script


@pytest.fixture(scope="module")
def mermaid(browser: Any) -> Iterator[Any]:
    """One offline page with Mermaid loaded, for every diagram of this module (each render sets its
    own configuration; loading Mermaid's 3 MB script took about 4 s a test); it fails at the end if
    Mermaid tried to reach the internet."""
    blocked: list[str] = []
    context = browser.new_context()
    context.route("**/*", offline_guard(blocked))
    page = context.new_page()
    page.add_script_tag(path=_mermaid_script())
    yield page
    context.close()
    assert blocked == [], f"Mermaid tried to reach the internet: {blocked}"


@pytest.mark.browser
def test_mermaid_parses_and_renders_payloads_as_text(mermaid: Any) -> None:
    """Mermaid's own parser (in offline Chromium) reads the export, and payloads stay text."""
    page = mermaid
    labels = page.evaluate(RENDER, mermaid_text(views()[2]))
    assert "<img src=x onerror=alert(1)>" in labels and "</script><script>alert(1)</script>" in labels
    path_labels = page.evaluate(RENDER, mermaid_text(views()[0]))  # dashed borders, dimming, link styles
    assert "Brain iron deficiency" in path_labels and "leads to" in path_labels


@pytest.mark.browser
@pytest.mark.parametrize("name", DIRECTIVES)
def test_mermaid_applies_no_directive_from_the_data(mermaid: Any, name: str) -> None:
    """The dark theme a planted directive asks for is not applied, though the same directive
    written raw is (the check can tell), and the hostile diagram is drawn, not blank."""
    page = mermaid
    planted = page.evaluate(SVG, "%%{init: {'theme':'dark'}}%%\nflowchart LR\n  a --> b")
    assert DARK_BACKGROUND in planted
    svg = page.evaluate(SVG, hostile_text(name))
    styles = "".join(re.findall(r"<style>(.*?)</style>", svg, re.DOTALL)).lower()
    assert DARK_BACKGROUND not in styles and "#ff0000" not in styles and svg.count('class="node') >= 2


DARK_BACKGROUND = "#1f2020"  # the node fill of Mermaid's dark theme
SVG = """async (text) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict', theme: 'default'});
  const {svg} = await mermaid.render('check' + Math.random().toString(36).slice(2), text);
  return svg;
}"""
RENDER = """async (text) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
  const {svg} = await mermaid.render('check', text);
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (doc.querySelector('img, script')) throw new Error('markup in labels');
  return Array.from(doc.querySelectorAll('.nodeLabel, .edgeLabel')).map(e => e.textContent);
}"""
