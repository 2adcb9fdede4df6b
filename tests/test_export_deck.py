"""Tours as slide decks, opened by python-pptx and by LibreOffice Impress, and as PDF pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from graph import Explorer
from graph.errors import ExportError
from graph.export.deck import deck_bytes, tour_deck

ROOT = Path(__file__).resolve().parent.parent
TOURS = ROOT / "tests" / "data" / "tours.yaml"


@pytest.fixture(scope="module")
def deck_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("deck") / "iron.pptx"
    target.write_bytes(deck_bytes(tour_deck(Explorer.from_path(TOURS), "iron"), "pptx", "slide"))
    return target


def test_a_deck_has_a_title_slide_a_slide_per_step_and_the_references(deck_file: Path) -> None:
    slides = list(Presentation(str(deck_file)).slides)
    assert len(slides) == 1 + 4 + 1
    assert slides[0].shapes.title.text == "From low iron to the disease"
    assert [slide.shapes.title.text for slide in slides[1:5]] == [
        "1. Around Low iron", "2. Around Brain iron deficiency", "3. From Low iron to The disease",
        "4. The map, filtered"]
    assert slides[5].shapes.title.text == "References"


def test_each_step_has_its_picture_as_an_image_and_its_caption_in_the_notes(deck_file: Path) -> None:
    steps = list(Presentation(str(deck_file)).slides)[1:5]
    for slide in steps:
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    notes = [slide.notes_slide.notes_text_frame.text for slide in steps]
    assert notes[0] == "Everything starts with **low iron**." and notes[2] == "The path from low iron to the disease."
    texts = [shape.text_frame.text for shape in steps[1].shapes if shape.has_text_frame]
    assert "Low iron in the body means low iron in the brain." in texts


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_impress_opens_the_deck_and_renders_every_slide(deck_file: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck_file)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "iron.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           6" in info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "From low iron to the disease" in text and "2. Around Brain iron deficiency" in text
    assert "References" in text


def test_the_pdf_deck_has_the_same_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "iron.pdf"
    pdf.write_bytes(deck_bytes(tour_deck(Explorer.from_path(TOURS), "iron"), "pdf"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           6" in info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "3. From Low iron to The disease" in text


def test_an_unknown_tour_names_the_tours_there_are() -> None:
    with pytest.raises(ExportError, match=r"'nope' is not a tour of this dataset \(its tours: iron, claims"):
        tour_deck(Explorer.from_path(TOURS), "nope")
