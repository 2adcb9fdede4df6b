"""Static PNG, SVG and PDF pictures: page presets, the pixel cap and emphasis, opened by their consumers."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from functools import partial
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from PIL import Image

from graph import Explorer, ExportError, GraphDataError, View, ViewSpec
from graph.cli import main
from graph.export import ExportOptions, export_bytes, export_view, plan_files, write_files
from graph.export import pages as pages_module
from graph.export.figure_parts import LEGEND_GAP, SWATCH, Row, add_legend, legend_rows
from graph.export.graph_drawing import DIM_ALPHA, label_wrap, named_node, wrap_label
from graph.export.image_export import draw_picture, picture_size, plan_picture, png_pixels
from graph.export.pages import PAGES
from graph.present import style
from graph.present.styled import styled_view

DATA = Path(__file__).parent / "data"
RLS = Path(__file__).parent.parent / "data" / "rls"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def tiny() -> View:
    spec = ViewSpec(claims=True, path_from="pill", path_to="brain_iron")
    return Explorer.from_path(DATA / "tiny.yaml").view(spec)


def rls_view(spec: ViewSpec) -> View:
    try:
        return Explorer.from_path(RLS).view(spec)
    except GraphDataError as error:
        pytest.skip(f"data/rls does not validate right now: {str(error)[:80]}")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, after checking the PNG signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_texts(data: bytes) -> list[str]:
    return [element.text for element in ET.fromstring(data).iter(f"{SVG}text") if element.text]


def font_sizes(data: bytes) -> list[float]:
    """Every text's font size in SVG user units (points: matplotlib draws 72 units per inch)."""
    return [float(size) for size in re.findall(rb"font-size: ([0-9.]+)px", data)]


def test_slide_is_exactly_1920_by_1080_at_scale_1_and_3840_by_2160_at_2(tiny: View) -> None:
    assert png_size(export_bytes(tiny, "png", page="slide")) == (1920, 1080)
    assert png_size(export_bytes(tiny, "png", page="slide", scale=2)) == (3840, 2160)


def test_slide_svg_is_sized_in_pixels_with_texts_of_14_px_or_more(tiny: View) -> None:
    data = export_bytes(tiny, "svg", page="slide")
    root = ET.fromstring(data)
    assert (root.get("width"), root.get("height")) == ("1920px", "1080px")
    pixels_per_unit = 1920 / float(root.get("viewBox").split()[2])
    assert min(font_sizes(data)) * pixels_per_unit >= 14


def test_a4_is_a_printable_page_with_text_of_8_pt_or_more(tiny: View, tmp_path: Path) -> None:
    root = ET.fromstring(export_bytes(tiny, "svg", page="a4"))
    size_mm = [float(root.get(side).removesuffix("pt")) / 72 * 25.4 for side in ("width", "height")]
    assert [round(side, 1) for side in size_mm] == [297.0, 210.0]
    assert min(font_sizes(export_bytes(tiny, "svg", page="a4"))) >= 8


def test_a_poster_is_a0_with_text_of_24_pt_or_more_and_portrait_for_a_tall_view(tiny: View) -> None:
    """A poster is read from a few metres: A0 (it was as large as the view needed, with 7 pt labels)."""
    data = export_bytes(tiny, "svg", page="poster")
    root = ET.fromstring(data)
    size_mm = [float(root.get(side).removesuffix("pt")) / 72 * 25.4 for side in ("width", "height")]
    assert [round(side) for side in size_mm] == [1189, 841] and min(font_sizes(data)) >= 24
    tall = rls_view(ViewSpec(focus="rls", kinds=("lifestyle", "condition")))
    assert [round(side * 25.4) for side in picture_size(tall, ExportOptions(page="poster"))] == [841, 1189]
    assert styled_view(rls_view(ViewSpec()), cluster_above=PAGES["poster"].group_above).clusters == ()
    assert png_pixels(tiny, ExportOptions(page="poster")) == (2341, 1656)  # 50 dpi: 100 would be 15.5 MP


def test_a_handout_column_turns_portrait_rather_than_leave_its_legend_no_room_for_the_graph() -> None:
    """On a 10 cm column under a three-line title, a path's legend took 5.9 of its 6.3 inches and
    every node was left out; the 20 cm column keeps the graph."""
    path = rls_view(ViewSpec(path_from="iron_deficiency", path_to="iv_ferric_carboxymaltose"))
    plan = plan_picture(styled_view(path, cluster_above=PAGES["handout"].group_above), ExportOptions(page="handout"))
    assert plan.size == PAGES["handout"].portrait and plan.graph[2] > plan.size[0] / 2


def test_pixel_cap_reduces_the_scale_and_says_so(tiny: View, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = rls_view(ViewSpec(claims=True))
    width, height = png_pixels(claims, ExportOptions(scale=4))
    assert width * height <= 40_000_000
    size = (width / 100, height / 100)
    assert "drawn at scale" in pages_module.pixel_note((size[0] * 2, size[1] * 2), 4)
    monkeypatch.setattr(pages_module, "MAX_PIXELS", 1_000_000)
    drawn = png_size(export_bytes(tiny, "png", page="slide", scale=4))
    assert drawn[0] * drawn[1] <= 1_000_000 and drawn[0] < 1920


def test_svg_has_title_description_and_font_fallbacks(tiny: View) -> None:
    data = export_bytes(tiny, "svg")
    root = ET.fromstring(data)
    assert root.find(f"{SVG}title").text == tiny.title
    assert "A diagram of 7 nodes" in root.find(f"{SVG}desc").text
    assert b"font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif" in data


def test_svg_shows_every_label_title_legend_and_references(tiny: View) -> None:
    texts = svg_texts(export_bytes(tiny, "svg"))
    styled = styled_view(tiny, cluster_above=None)
    for node in map(partial(named_node, styled), styled.nodes):
        assert all(line in texts for line in wrap_label(node.label, label_wrap(node, PAGES["poster"])).split("\n"))
    assert tiny.title in texts and "Path" in texts and "Evidence (line)" in texts
    assert any("[ref1] Doe J. A trial." in text for text in texts)


def test_legend_shows_one_line_style_per_certainty_grade_then_the_line_ends() -> None:
    rows = legend_rows(styled_view(rls_view(ViewSpec(claims=True)), cluster_above=None).legend)
    labels = [row.label for row in rows]
    lines = rows[labels.index("Evidence (line)") + 1:labels.index("Line ends")]
    assert [row.label for row in lines] == [tier.label for tier in style.tiers(rls_view(ViewSpec()).dataset)
                                             if tier.id != "high"]
    assert [row.end for row in rows[labels.index("Line ends") + 1:]] == ["arrow", "bar", "bars"]


def svg_dash_patterns(data: bytes, group: str) -> set[str]:
    """The stroke-dasharray of every path in the SVG's ``group`` elements ('solid' when none):
    matplotlib writes legend samples as ``line2d_N`` groups and the graph's links as ``patch_N``."""
    patterns = set()
    for element in ET.fromstring(data).iter(f"{SVG}g"):
        if element.get("id", "").startswith(f"{group}_"):
            for path in element.iter(f"{SVG}path"):
                found = re.search(r"stroke-dasharray: ([0-9.,]+)", path.get("style", ""))
                patterns.add(found.group(1) if found else "solid")
    return patterns


@pytest.mark.parametrize("page", ["slide", "a4", "poster"])
def test_legend_samples_have_the_dash_patterns_of_the_drawn_links(page: str) -> None:
    """The legend once drew every broken line with matplotlib's default dash."""
    view = rls_view(ViewSpec(claims=True, focus="rls"))
    data = export_bytes(view, "svg", page=page)
    legend = svg_dash_patterns(data, "line2d") - {"solid"}  # markers and line-end samples are solid
    assert len(legend) == len(styled_view(view).legend.evidence) >= 3
    assert legend == svg_dash_patterns(data, "patch") - {"solid"}


def test_png_legend_samples_differ_pixel_for_pixel() -> None:
    rows = [row for row in legend_rows(styled_view(rls_view(ViewSpec(claims=True))).legend)
            if row.handle is not None and row.handle.get_marker() in (None, "None", "none", "")]
    assert len({sample_pixels(row) for row in rows}) == len(rows) >= 3


def sample_pixels(row: Row) -> bytes:
    """The darkest pixel row of ``row``'s swatch, drawn alone as a PNG legend would draw it."""
    figure = Figure(figsize=(2, 0.5), dpi=100)
    add_legend(figure, [row], (0, 0, 2, 0.5), PAGES["slide"])
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("L")
    swatch = image.crop((0, 0, round((LEGEND_GAP / 2 + SWATCH) * 100), image.height))  # no label text
    rows = [swatch.crop((0, y, swatch.width, y + 1)).tobytes() for y in range(swatch.height)]
    return min(rows, key=sum)


def test_path_view_dims_off_path_and_focus_has_a_border(tiny: View) -> None:
    markers = _markers(draw_picture(tiny, ExportOptions(page="slide")))
    assert {m.get_alpha() for m in markers if m.get_markeredgecolor() == style.PATH_COLOUR} == {1.0}
    assert DIM_ALPHA in {m.get_alpha() for m in markers}
    focused = Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(focus="pill"))
    ring, = (m for m in _markers(draw_picture(focused, ExportOptions())) if m.get_markerfacecolor() == "none")
    fills = {m.get_markerfacecolor() for m in _markers(draw_picture(focused, ExportOptions()))}
    assert ring.get_markeredgecolor() == style.FOCUS_BORDER and "#009E73" in fills


def _markers(figure: object) -> list[Line2D]:
    return [line for axes in figure.axes for line in axes.lines if len(line.get_xdata()) == 1]


def test_references_separate_and_none(tiny: View, tmp_path: Path) -> None:
    written = write_files(tiny, plan_files("png", tmp_path / "slide.png", page="slide", references="separate"))
    assert [path.name for path in written] == ["slide.png", "slide-references.png"]
    assert not any("[ref1]" in t for t in svg_texts(export_bytes(tiny, "svg", references="none")))
    references = svg_texts(export_bytes(tiny, "svg", page="slide", part="references"))
    assert any("[ref1] Doe J. A trial." in text for text in references)
    pdf = export_bytes(tiny, "pdf", page="a4", references="separate")
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 2


def test_handout_picture_is_the_graph_alone(tiny: View) -> None:
    texts = svg_texts(export_bytes(tiny, "svg", part="graph"))
    assert tiny.title not in texts and "References shown" not in texts and "Kinds" in texts


def test_scale_outside_one_to_four_is_refused(tiny: View) -> None:
    with pytest.raises(ExportError, match="scale must be between 1 and 4"):
        export_bytes(tiny, "png", scale=5)


def test_svg_is_reproducible(tiny: View) -> None:
    assert export_bytes(tiny, "svg") == export_bytes(tiny, "svg")
    assert b"<dc:date>" not in export_bytes(tiny, "svg")


def test_svg_payloads_are_text() -> None:
    view = Explorer.from_path(DATA / "xss.yaml").view(ViewSpec(claims=True))
    data = export_bytes(view, "svg")
    joined = " ".join(svg_texts(data))
    assert "<img src=x onerror=alert(1)>" in joined and "</script><script>alert(1)</script>" in joined
    assert not any(e.tag.rsplit("}", 1)[-1] in {"img", "script"} for e in ET.fromstring(data).iter())


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_pdf_renders_to_a_non_blank_page(tiny: View, tmp_path: Path) -> None:
    export_view(tiny, "pdf", tmp_path / "view.pdf", page="a4")
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(tmp_path / "view.pdf"),
                    str(tmp_path / "page")], check=True, capture_output=True)
    page = Image.open(tmp_path / "page.png").convert("L")
    assert page.size == (585, 414) and page.getextrema()[0] < 100
    assert sum(page.histogram()[:200]) > 500


def test_png_draws_path_colour(tiny: View) -> None:
    image = Image.open(io.BytesIO(export_bytes(tiny, "png"))).convert("RGB")
    path = tuple(int(style.PATH_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
    counts = {colour: count for count, colour in image.getcolors(maxcolors=1 << 24)}
    assert counts.get(path, 0) > 100


def test_no_pyplot_figures_are_left_open(tiny: View) -> None:
    import matplotlib.pyplot as plt

    export_bytes(tiny, "png")
    assert plt.get_fignums() == []


def test_cli_says_when_the_scale_is_reduced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pages_module, "MAX_PIXELS", 2_000_000)
    code = main(["export", str(DATA / "tiny.yaml"), "-o", str(tmp_path / "s.png"), "--page", "slide", "--scale", "2"])
    assert code == 0 and "Note: The picture would be 3840 × 2160 px" in capsys.readouterr().err
    assert png_size((tmp_path / "s.png").read_bytes()) == (1881, 1058)  # drawn at scale 0.98


def test_edge_labels_that_cannot_fit_are_left_out() -> None:
    """On a crowded slide some relation phrases are left out, and no two drawn texts overlap."""
    view = rls_view(ViewSpec(focus="iron_deficiency"))
    figure = draw_picture(view, ExportOptions(page="slide"))
    renderer = figure.canvas.get_renderer()
    texts = [text for axes in figure.axes for text in axes.texts]
    phrases = [text for text in texts if text.get_style() == "italic"]
    assert 0 < len(phrases) < view.graph.number_of_edges()
    boxes = [text.get_window_extent(renderer) for text in texts]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_a_printed_path_names_every_node_of_its_paths_even_where_the_graph_is_dense() -> None:
    """Dimmed neighbours' markers may sit under a path label, and a path label with no room on its
    usual lines gets fewer, longer ones: every node of every path shown must be named."""
    view = rls_view(ViewSpec(path_from="iron_deficiency", path_to="iv_ferric_carboxymaltose"))
    lines = [text for text in svg_texts(export_bytes(view, "svg", page="a4")) if len(text) >= 4]
    on_paths = {node for path in view.paths for node in path.nodes}
    assert len(view.paths) >= 2 and len(on_paths) >= 5
    for node in on_paths:
        label = view.graph.nodes[node]["label"]
        assert any(label.startswith(line) for line in lines), f"{node} has no label"


@pytest.mark.parametrize("fmt", ["pdf", "png", "svg"])
def test_zero_width_characters_in_labels_are_not_drawn(fmt: str) -> None:
    """U+FEFF in a label made matplotlib's PDF writer fail with an IndexError."""
    view = Explorer.from_path(DATA / "hostile_valid" / "bom_in_label.yaml").view()
    data = export_bytes(view, fmt)
    assert data[:4] in (b"%PDF", b"\x89PNG", b"<?xm")
    if fmt == "svg":
        assert ">Ironpill<" in data.decode()  # the drawn label; the description keeps the text as written
