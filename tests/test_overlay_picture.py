"""The class overlay as a picture (``overlay --picture``): the SVG read back as XML holds each link
with how many students drew it, and a legend with one line style per verdict shown, and no other."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from graph import ViewSpec
from graph.cli import main
from graph.errors import ExportError
from graph.export.overlay_picture import write_overlay_picture
from graph.teaching.map_overlay import ClassOverlay
from tests.helpers import DATA, TINY, explorer

MAPS = [str(DATA / "maps" / name) for name in ("ana.json", "ben.json")]


def svg_texts(path: Path) -> list[str]:
    return [" ".join("".join(t.itertext()).split()) for t in ET.parse(path).iter("{http://www.w3.org/2000/svg}text")]


def test_the_overlay_picture_labels_each_link_with_its_count_and_its_verdicts_in_the_legend(tmp_path: Path) -> None:
    picture = tmp_path / "class.svg"
    assert main(["overlay", *MAPS, "-o", str(tmp_path / "class.csv"), "--picture", str(picture),
                 "--dataset", str(TINY)]) == 0
    texts = svg_texts(picture)
    assert "causes: 2 of 2" in texts and "treats: 0 of 2" in texts
    assert "Students' links (line)" in texts and "Evidence (line)" not in texts
    assert {"Right", "Right pair, reversed", "Not in the map", "Missing"} <= set(texts)
    assert "Right pair, wrong relation" not in texts
    assert any(text.startswith("Class overlay (2 maps): Tiny test graph") for text in texts)


def test_a_picture_of_another_format_is_refused_with_the_formats_there_are(tmp_path: Path) -> None:
    view = explorer(TINY).view(ViewSpec())
    with pytest.raises(ExportError, match=r"class\.gif: a class overlay picture is \.png, \.pdf, \.svg, not \.gif"):
        write_overlay_picture(view, ClassOverlay((), ()), {}, tmp_path / "class.gif")
