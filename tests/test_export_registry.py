"""The format registry and atomic writes shared by every export."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from graph import Explorer, ExportError, View, ViewSpec
from graph.export import (
    FORMATS,
    ExportOptions,
    Format,
    export_bytes,
    export_view,
    guess_format,
    plan_files,
    write_files,
)
from graph.export.graphml_export import write_graphml

DATA = Path(__file__).parent / "data"
REPRODUCIBLE = {"json", "graphml", "gexf", "cxl", "csv", "cyjs", "cytoscape", "dot", "mermaid", "svg", "png", "pdf",
                "html", "scorm", "docx"}


@pytest.fixture(scope="module")
def view() -> View:
    return Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))


def test_every_format_is_registered_with_a_unique_suffix() -> None:
    expected = {"json", "graphml", "gexf", "cxl", "csv", "cyjs", "cytoscape", "dot", "mermaid", "html", "png", "svg",
                "pdf", "md", "docx", "scorm", "xlsx"}
    assert set(FORMATS) == expected
    assert len({fmt.suffix for fmt in FORMATS.values()}) == len(FORMATS)
    assert all(guess_format(f"out{fmt.suffix}") == fmt.name for fmt in FORMATS.values())
    assert (guess_format("tables.zip"), guess_format("Course.SCORM.zip")) == ("csv", "scorm")
    assert guess_format("rls.cytoscape.zip") == "cytoscape"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_writes_a_file_and_bytes(view: View, fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"view{FORMATS[fmt].suffix}"
    export_view(view, fmt, target)
    assert target.stat().st_size > 0 and list(tmp_path.iterdir()) == [target]
    if fmt in REPRODUCIBLE:
        assert target.read_bytes() == export_bytes(view, fmt)


def _fails_midway(view: View, stream: BinaryIO, options: ExportOptions) -> None:
    stream.write(b"half an export")
    raise RuntimeError("disk on fire")


def test_a_failing_writer_leaves_no_file(view: View, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FORMATS, "broken", Format("broken", ".broken", "text/plain", "fails", _fails_midway))
    (tmp_path / "kept.broken").write_bytes(b"old")
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_view(view, "broken", tmp_path / "new.broken")
    with pytest.raises(RuntimeError):
        export_view(view, "broken", tmp_path / "kept.broken")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.broken"]
    assert (tmp_path / "kept.broken").read_bytes() == b"old"


def test_unknown_format_and_missing_folder_are_explained(view: View, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format 'xls'"):
        export_bytes(view, "xls")
    with pytest.raises(ExportError, match="does not exist"):
        export_view(view, "dot", tmp_path / "missing" / "view.dot")


@pytest.mark.parametrize(("fmt", "options", "message"), [
    ("json", {"scale": 2}, "the json export has no option 'scale'"),
    ("png", {"scale": "2"}, "option scale must be a number"),
    ("png", {"scale": 0.5}, "scale must be between 1 and 4, got 0.5"),
    ("svg", {"page": "A5"}, "option page must be one of poster, slide, a4"),
    ("pdf", {"references": "footnote"}, "option references must be one of caption, separate, none"),
    ("dot", {"colour": "red"}, "unknown export option 'colour'"),
])
def test_bad_options_are_export_errors(view: View, fmt: str, options: dict, message: str) -> None:
    with pytest.raises(ExportError, match=message):
        export_bytes(view, fmt, **options)


def test_typed_options_are_frozen_and_checked() -> None:
    options = ExportOptions(scale=2, page="slide")
    with pytest.raises(AttributeError):
        options.scale = 3  # type: ignore[misc]
    with pytest.raises(ExportError, match="between 1 and 4"):
        options.with_changes(scale=9)


def test_title_option_replaces_the_views_title(view: View) -> None:
    assert b"Handout title" in export_bytes(view, "graphml", title="Handout title")


def test_writers_take_a_path_or_a_stream(view: View, tmp_path: Path) -> None:
    write_graphml(view, tmp_path / "a.graphml")
    with (tmp_path / "b.graphml").open("wb") as stream:
        write_graphml(view, stream)
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    from graph.export.image_export import write_svg

    write_svg(view, tmp_path / "c.svg")
    with (tmp_path / "d.svg").open("wb") as stream:
        write_svg(view, stream)
    assert (tmp_path / "c.svg").read_bytes() == (tmp_path / "d.svg").read_bytes()


def test_files_are_readable_by_others_under_umask_022(view: View, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        export_view(view, "csv", tmp_path / "view.zip")
        write_files(view, plan_files("md", tmp_path / "handout.md"))
    finally:
        os.umask(previous)
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
    assert modes == {"view.zip": 0o644, "handout.md": 0o644, "handout.png": 0o644}


def test_handout_declares_its_picture_and_links_it(tmp_path: Path) -> None:
    main, picture = plan_files("md", tmp_path / "handout.md")
    assert (main.options.image_name, picture.target, picture.fmt) == ("handout.png", tmp_path / "handout.png", "png")
    assert (picture.options.scale, picture.options.part, picture.options.page) == (3, "graph", "handout")
    assert [item.fmt for item in plan_files("png", "a.png", references="separate")] == ["png", "png"]
    assert len(plan_files("pdf", "a.pdf", references="separate")) == 1


def test_an_existing_picture_is_never_silently_replaced(view: View, tmp_path: Path) -> None:
    (tmp_path / "handout.png").write_bytes(b"my own picture")
    with pytest.raises(ExportError, match=r"handout.png already exists.*--force"):
        write_files(view, plan_files("md", tmp_path / "handout.md"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.png"]
    write_files(view, plan_files("md", tmp_path / "handout.md"), force=True)
    assert (tmp_path / "handout.png").read_bytes().startswith(b"\x89PNG")
