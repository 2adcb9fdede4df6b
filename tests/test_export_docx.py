"""The Word handout: read back by python-docx, and printed by LibreOffice Writer with sharp labels."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm

from graph import Explorer, View, ViewSpec
from graph.export import ExportOptions, export_bytes
from graph.export.image_export import picture_size
from tests.helpers import RLS, TINY

SVG = "{http://www.w3.org/2000/svg}"
PICTURE = {"page": "handout", "part": "graph", "scale": 3.0}


@pytest.fixture(scope="module")
def view() -> View:
    return Explorer.from_path(TINY).view(ViewSpec(claims=True, path_from="pill", path_to="brain_iron"))


@pytest.fixture(scope="module")
def docx_file(view: View, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("handout") / "handout.docx"
    target.write_bytes(export_bytes(view, "docx"))
    return target


def test_the_docx_says_what_the_markdown_handout_says(docx_file: Path) -> None:
    document = Document(str(docx_file))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "Tiny test graph: from Iron pill to Brain iron deficiency")
    assert ("Heading 2", "Iron pill") in paragraphs and ("Heading 1", "References") in paragraphs
    assert ("List Bullet", "Iron pill treats The disease (Randomised trial, high certainty; ref1).") in paragraphs
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert "Contradicted" in bold and "ref1" in bold


def test_the_picture_fills_the_16_cm_column_at_300_dpi_with_its_alt_text(docx_file: Path) -> None:
    document = Document(str(docx_file))
    (shape,) = document.inline_shapes
    section = document.sections[0]
    assert abs(shape.width - Cm(16)) < Cm(0.01)
    assert abs(section.page_width - section.left_margin - section.right_margin - shape.width) < Cm(0.01)
    assert shape._inline.docPr.get("descr").startswith("Diagram: Tiny test graph")
    image = document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert int.from_bytes(image[16:20], "big") == round(16 / 2.54 * 300) - 1  # 1889 px: 16 cm at 300 dpi


def smallest_text_pt(svg: bytes) -> float:
    """The smallest font size in the picture, in points at the picture's own size (matplotlib's SVG
    user unit is the point)."""
    sizes = [float(match) for text in ET.fromstring(svg).iter(f"{SVG}text")
             for match in re.findall(r"font(?:-size)?:\s*([\d.]+)px", text.get("style", ""))]
    return min(sizes)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_writer_prints_the_picture_at_its_size_so_labels_print_at_9_pt_or_more(
        view: View, docx_file: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(docx_file)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "handout.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Tiny test graph" in text and "Iron pill treats Low iron (Randomised trial" in text
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    image = next(line.split() for line in listing.splitlines() if " image " in line)
    width_px, placed_ppi = int(image[3]), float(image[12])
    drawn_pt = smallest_text_pt(export_bytes(view, "svg", **PICTURE))
    printed_pt = drawn_pt * 300 / placed_ppi
    assert width_px / placed_ppi * 2.54 == pytest.approx(16, abs=0.05) and printed_pt >= 9.0


def test_a_view_taller_than_wide_gets_a_portrait_picture() -> None:
    tall = Explorer.from_path(RLS).view(ViewSpec(focus="rls", kinds=("lifestyle", "condition")))
    assert [round(side * 2.54, 2) for side in picture_size(tall, ExportOptions(**PICTURE))] == [16.0, 20.0]
