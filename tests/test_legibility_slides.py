"""Static pictures read from the back row: each preset's smallest text and title, and no unnamed
node, measured in Chromium from the SVG as bench/legibility_slides.py does; and what a slide says
about what it grouped or left out, claims named by their statement, a path's own references."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.legibility_slides import measure_svg
from graph import Explorer, GraphDataError, View, ViewSpec
from graph.export import export_bytes, export_view
from graph.export.common import picture_references, shown_references
from graph.export.pages import MINIMUMS
from graph.wording import shortened
from tests.test_export_image import svg_texts

DATA = Path(__file__).parent / "data"
RLS = Path(__file__).parent.parent / "data" / "rls"


def rls_view(spec: ViewSpec) -> View:
    try:
        return Explorer.from_path(RLS).view(spec)
    except GraphDataError as error:
        pytest.skip(f"data/rls does not validate right now: {str(error)[:80]}")


@pytest.fixture(scope="module")
def tiny() -> View:
    return Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))


@pytest.mark.browser
@pytest.mark.parametrize("preset", ["slide", "a4", "poster"])
def test_every_preset_keeps_its_minimum_text_and_names_every_node(page: Any, tmp_path: Path, tiny: View,
                                                                  preset: str) -> None:
    low, title, unit = MINIMUMS[preset]
    export_view(tiny, "svg", tmp_path / "view.svg", page=preset)
    figures = measure_svg(page, tmp_path / "view.svg", unit)
    assert figures["nodes"] == tiny.graph.number_of_nodes()
    assert figures["unnamed"] == 0
    assert figures["text"] >= low and figures["title"] >= title, figures


@pytest.mark.browser
def test_a_crowded_slide_groups_and_leaves_out_rather_than_drawing_unnamed_markers(page: Any,
                                                                                   tmp_path: Path) -> None:
    view = rls_view(ViewSpec(focus="rls"))
    export_view(view, "svg", tmp_path / "rls.svg", page="slide")
    figures = measure_svg(page, tmp_path / "rls.svg", "px")
    assert 5 <= figures["nodes"] < view.graph.number_of_nodes() and figures["unnamed"] == 0
    assert figures["text"] >= MINIMUMS["slide"][0] and figures["title"] >= MINIMUMS["slide"][1], figures
    texts = svg_texts((tmp_path / "rls.svg").read_bytes())
    assert any(" × Treatment" in text for text in texts)  # a group, named with its count
    assert any("nodes and" in text and "links" in text for text in texts)


def test_a_claim_is_named_by_its_statement_shortened_at_a_word() -> None:
    """The graph's claim label stops at 48 characters ("… between vascular…"); a picture shows the
    statement up to 80, cut at a word."""
    view = rls_view(ViewSpec(focus="claim02", claims=True))
    drawn = " ".join(" ".join(svg_texts(export_bytes(view, "svg", page="slide"))).split())
    assert "Research shows a strong link between vascular health and RLS." in drawn
    long = rls_view(ViewSpec(focus="claim24", claims=True))
    statement = long.graph.nodes["claim24"]["summary"]
    drawn = " ".join(" ".join(svg_texts(export_bytes(long, "svg", page="slide"))).split())
    assert len(statement) > 80 and shortened(statement, 80) in drawn
    assert shortened(statement, 80).endswith("vascular…")  # cut where a word ends


def test_a_path_pictures_caption_lists_the_paths_own_references() -> None:
    view = rls_view(ViewSpec(path_from="iron_deficiency", path_to="iv_ferric_carboxymaltose"))
    own = picture_references(view)
    assert 0 < len(own) < len(shown_references(view))
    texts = " ".join(svg_texts(export_bytes(view, "svg", page="a4")))
    assert f"[{own[0].id}]" in texts
    others = {ref.id for ref in shown_references(view)} - {ref.id for ref in own}
    assert not any(f"[{ref}]" in texts for ref in others)


def test_the_title_does_not_repeat_the_datasets_name() -> None:
    view = rls_view(ViewSpec(focus="rls"))
    assert view.title == f"Around {view.dataset.meta.title}"
