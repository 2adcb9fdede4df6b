"""Static PNG, SVG and PDF diagrams, opened by their consumers."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from graph import Explorer, ExportError, GraphDataError, View, ViewSpec
from graph.export import export_bytes, export_view
from graph.export.image_export import wrap_label
from graph.present import style

DATA = Path(__file__).parent / "data"
RLS = Path(__file__).parent.parent / "data" / "rls"


@pytest.fixture(scope="module")
def tiny() -> View:
    spec = ViewSpec(claims=True, path_from="pill", path_to="brain_iron")
    return Explorer.from_path(DATA / "tiny.yaml").view(spec)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, after checking the PNG signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_texts(data: bytes) -> list[str]:
    return [element.text for element in ET.fromstring(data).iter() if element.text]


def test_png_scale_multiplies_pixels(tiny: View) -> None:
    width, height = png_size(export_bytes(tiny, "png"))
    assert width >= 700 and height >= 400
    double = png_size(export_bytes(tiny, "png", scale=2))
    assert abs(double[0] - 2 * width) <= 1 and abs(double[1] - 2 * height) <= 1


def test_scale_outside_one_to_four_is_refused(tiny: View) -> None:
    with pytest.raises(ExportError, match="scale must be between 1 and 4"):
        export_bytes(tiny, "png", scale=5)


def test_rls_overview_at_4x_is_at_least_3000_pixels_wide() -> None:
    try:
        view = Explorer.from_path(RLS).view()
    except GraphDataError as error:
        pytest.skip(f"data/rls does not validate yet: {str(error)[:80]}")
    assert png_size(export_bytes(view, "png", scale=4))[0] >= 3000


def test_svg_shows_every_label_title_legend_and_references(tiny: View) -> None:
    texts = svg_texts(export_bytes(tiny, "svg"))
    for _, data in tiny.graph.nodes(data=True):
        assert all(line in texts for line in wrap_label(style.node_label(data)).split("\n"))
    assert tiny.title in texts and "Strong (solid)" in texts and "Path" in texts
    assert any("[ref1] Doe J. A trial." in text for text in texts)


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
    export_view(tiny, "pdf", tmp_path / "view.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(tmp_path / "view.pdf"),
                    str(tmp_path / "page")], check=True, capture_output=True)
    page = Image.open(tmp_path / "page.png").convert("L")
    assert page.getextrema()[0] < 100
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
