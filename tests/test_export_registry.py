"""The format registry and atomic writes shared by every export."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from graph import Explorer, ExportError, View, ViewSpec
from graph.export import FORMATS, Format, export_bytes, export_view, guess_format

DATA = Path(__file__).parent / "data"
REPRODUCIBLE = {"json", "graphml", "gexf", "csv", "cyjs", "dot", "mermaid", "svg", "png", "pdf", "html"}


@pytest.fixture(scope="module")
def view() -> View:
    return Explorer.from_path(DATA / "tiny.yaml").view(ViewSpec(claims=True))


def test_every_format_is_registered_with_a_unique_suffix() -> None:
    expected = {"json", "graphml", "gexf", "csv", "cyjs", "dot", "mermaid", "html", "png", "svg", "pdf", "md"}
    assert set(FORMATS) == expected
    assert len({fmt.suffix for fmt in FORMATS.values()}) == len(FORMATS)
    assert all(guess_format(f"out{fmt.suffix}") == fmt.name for fmt in FORMATS.values())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_writes_a_file_and_bytes(view: View, fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"view{FORMATS[fmt].suffix}"
    export_view(view, fmt, target)
    assert target.stat().st_size > 0 and list(tmp_path.iterdir()) == [target]
    if fmt in REPRODUCIBLE:
        assert target.read_bytes() == export_bytes(view, fmt)


def _fails_midway(view: View, stream: BinaryIO) -> None:
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
