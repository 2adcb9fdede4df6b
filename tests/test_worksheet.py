"""The printable worksheet, read back by poppler's pdftotext: the picture's labels are blanked and
numbered, and the answer key on the second page gives every one of them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from graph import ViewSpec
from graph.cli import main
from graph.errors import ExportError
from graph.export.worksheet import blanked
from graph.present.styled import styled_view
from tests.helpers import TINY, explorer

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
LABELS = ("Low iron", "Brain iron deficiency", "The disease", "Iron pill")
PHRASES = ("leads to", "is a mechanism of", "treats")


def pages(pdf: Path) -> list[str]:
    """Each page's text, whitespace folded (labels wrap over lines)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def worksheet(tmp_path: Path, *options: str) -> list[str]:
    pdf = tmp_path / "sheet.pdf"
    assert main(["worksheet", str(TINY), "-o", str(pdf), *options]) == 0
    return pages(pdf)


def test_blanked_nodes_are_numbered_on_the_picture_and_named_in_the_key(tmp_path: Path) -> None:
    sheet, key = worksheet(tmp_path, "--focus", "disease", "--depth", "2", "--blank", "nodes")
    assert not [label for label in LABELS if label in sheet]
    assert "name the 4 numbered concepts" in sheet
    assert sorted(re.findall(r"\b(\d)\s?_+", sheet)) == ["1", "2", "3", "4"]
    assert key.startswith("Answer key")
    assert all(f"{number}. " in key for number in range(1, 5)) and all(label in key for label in LABELS)


def test_blanked_links_keep_the_names_and_number_every_link(tmp_path: Path) -> None:
    sheet, key = worksheet(tmp_path, "--focus", "disease", "--depth", "2", "--blank", "links")
    assert all(label in sheet for label in LABELS)
    assert not [phrase for phrase in PHRASES if phrase in sheet]
    assert {"(1)", "(2)", "(3)", "(4)"} <= set(re.findall(r"\(\d\)", sheet))
    assert "Low iron \u2014 leads to \u2192 Brain iron deficiency" in key


def test_numbers_follow_reading_order() -> None:
    styled = styled_view(explorer().view(ViewSpec(focus="disease", depth=2)), cluster_above=None)
    _, answers = blanked(styled, "nodes")
    rows = {node.label: node.position for node in styled.nodes}
    order = [rows[label] for _, label in answers]
    assert order == sorted(order, key=lambda xy: (round(xy[1] / 40), xy[0]))
    assert [number for number, _ in answers] == list(range(1, len(answers) + 1))


def test_a_view_with_too_many_links_to_number_is_refused_with_what_to_do() -> None:
    styled = styled_view(explorer(Path(__file__).parent.parent / "data" / "rls").view(ViewSpec()), cluster_above=None)
    with pytest.raises(ExportError, match=r"a worksheet numbers at most 40\. Narrow it"):
        blanked(styled, "links")


def test_an_unknown_blank_is_refused() -> None:
    styled = styled_view(explorer().view(ViewSpec()), cluster_above=None)
    with pytest.raises(ExportError, match="--blank must be one of nodes, links"):
        blanked(styled, "titles")
