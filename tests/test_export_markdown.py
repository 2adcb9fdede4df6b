"""The Markdown handout: picture with alt text, sentences, claims and references, all escaped."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import cmarkgfm
import pytest
from markdown_it import MarkdownIt

from graph import Explorer, ViewSpec
from graph.export import export_bytes, export_view
from graph.export.describe import ALT_TEXT_LIMIT, alt_text, long_description
from graph.export.markdown_export import DEFAULT_IMAGE, markdown_text
from graph.present.markdown import WORD_JOINER
from graph.teaching import make_quiz
from graph.teaching import markdown_text as quiz_markdown

DATA = Path(__file__).parent / "data"
RLS = Path(__file__).parent.parent / "data" / "rls"


def handout(name: str, spec: ViewSpec, **options: object) -> str:
    return export_bytes(Explorer.from_path(DATA / name).view(spec), "md", **options).decode("utf-8")


def test_handout_sections() -> None:
    text = handout("tiny.yaml", ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))
    assert text.startswith("# Tiny test graph: from Iron pill to Brain iron deficiency\n")
    assert "![Diagram: Tiny test graph: from Iron pill to Brain iron deficiency. 7 nodes and 8 links" in text
    assert "](view.png)" in text and "## About the picture\n\nA diagram of 7 nodes joined by 8 links" in text
    assert "### Iron pill\n\n- Iron pill treats The disease \\(Randomised trial, high certainty; ref1\\)." in text
    assert "- **Contradicted**: Bad blood flow causes the disease." in text
    assert "[doi:10.1000/test.1](https://doi.org/10.1000/test.1)" in text
    assert "- **ref2**: Roe R. A cohort. J Test. 2021;2:3-4. (needs verification)" in text


def test_thresholds_keep_their_operators_and_their_references_are_listed() -> None:
    """Opened by a CommonMark parser: "> 100 ng/mL" must not lose its ">" to a quote or to markup,
    and a reference cited only by a threshold is in the list."""
    view = Explorer.from_path(RLS).view(ViewSpec(focus="serum_ferritin"))
    html = MarkdownIt("commonmark").render(export_bytes(view, "md").decode("utf-8"))
    assert "<li><strong>Serum ferritin</strong> &gt; 100 ng/mL (adults): Iron is generally not given" in html
    assert "<li><strong>Serum ferritin</strong> &lt; 75 ng/mL (pregnancy)" in html
    assert "<li><strong>PICCHIETTI2015</strong>: " in html


def test_long_description_names_kinds_focus_and_hubs() -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(focus="disease", depth=2))
    alt = long_description(view)
    assert "4 nodes joined by 4 links" in alt and "Nodes by kind: Cause (1), Condition (1)" in alt
    assert "centred on The disease" in alt and "within 2 steps of it, in both directions" in alt
    assert "The most connected: Brain iron deficiency (2 links, to Low iron, The disease);" in alt


def test_image_name_follows_the_file_name(tmp_path: Path) -> None:
    view = Explorer.from_path(DATA / "tiny.yaml").view()
    export_view(view, "md", tmp_path / "handout.md")
    assert "](handout.png)" in (tmp_path / "handout.md").read_text(encoding="utf-8")
    export_view(view, "md", tmp_path / "other.md", image_name="pictures/a b.png")
    assert "](pictures/a%20b.png)" in (tmp_path / "other.md").read_text(encoding="utf-8")


def test_payloads_are_escaped() -> None:
    text = handout("xss.yaml", ViewSpec(claims=True))
    assert "<img" not in text.replace("\\<img", "") and "<script" not in text.replace("\\<script", "")
    assert "\\[link\\](javascript:alert(1))" in text  # an escaped "[" cannot open a link
    assert "# XSS \\<img src=x onerror=alert(1)\\> \\& \"quotes\" {{braces}} \\\\N\n" in text
    assert "(https://example.org/?a=1&b=%3C2%3E)" in text


def test_alt_text_is_short_even_for_long_titles() -> None:
    """Pandoc shows the alt text as a visible caption, so it stays within 250 characters."""
    view = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True), title="A very long title " * 30)
    alt = alt_text(view)
    assert len(alt) <= ALT_TEXT_LIMIT and alt.endswith("…") and alt.startswith("Diagram: A very long title")
    text = markdown_text(view, "x.png")
    assert len(text.split("![", 1)[1].split("](", 1)[0]) <= ALT_TEXT_LIMIT + 10  # escaping adds backslashes


def test_a_focus_where_relations_meet_gets_its_links_ranked_by_certainty() -> None:
    view = Explorer.from_path(RLS).view(ViewSpec(focus="rls", direction="in", kinds=("cause",)))
    text = markdown_text(view)
    ranked = text.split("by certainty", 1)[1].split("## Connections", 1)[0]
    assert ranked.index("Systemic iron deficiency") < ranked.index("Caffeine: worsens")
    assert ranked.rstrip().endswith("- Peripheral artery disease (PAD): showed no association with")


AUTOLINKS = sorted(path.name for path in (DATA / "hostile_valid").glob("autolink_*.yaml"))


def gfm_links(markdown: str) -> set[str]:
    """The links GitHub's own renderer (cmark-gfm, with its autolink extension) makes of ``markdown``."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    return set(re.findall(r'<a href="([^"]*)"', html)) | set(re.findall(r'<img src="([^"]*)"', html))


@pytest.mark.parametrize("name", AUTOLINKS)
def test_dataset_text_never_becomes_a_link_under_gfm(name: str) -> None:
    explorer = Explorer.from_path(DATA / "hostile_valid" / name)
    view = explorer.view()
    allowed = {DEFAULT_IMAGE} | {ref.link for ref in view.dataset.references if ref.link}
    assert gfm_links(markdown_text(view)) <= allowed
    assert not gfm_links(quiz_markdown(make_quiz(explorer, seed=0, count=10)))


@pytest.mark.parametrize("name", AUTOLINKS)
def test_the_text_still_reads_as_written(name: str) -> None:
    view = Explorer.from_path(DATA / "hostile_valid" / name).view()
    html = cmarkgfm.github_flavored_markdown_to_html(markdown_text(view)).replace(WORD_JOINER, "")
    written = view.dataset.node("payload").summary
    assert unescape(re.sub(r"<[^>]+>", "", html)).count(written) >= 1
