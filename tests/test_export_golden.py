"""Text exports of tests/data/tiny.yaml compared exactly with reviewed golden files.

Regenerate after an intended change, then review the diff:

    REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export_golden.py
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from graph import Explorer, View, ViewSpec
from graph.export import FORMATS, export_bytes

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
TEXT_FORMATS = ["json", "graphml", "gexf", "cyjs", "dot", "mermaid", "md"]
REGENERATE = os.environ.get("REGENERATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def view() -> View:
    spec = ViewSpec(claims=True, path_from="pill", path_to="brain_iron")
    return Explorer.from_path(DATA / "tiny.yaml").view(spec)


def check(name: str, actual: bytes) -> None:
    """Compare with the golden file, or write it when regenerating."""
    path = GOLDEN / name
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(actual)
    assert path.exists(), f"no golden file {path}; regenerate as the module docstring says"
    assert actual.decode("utf-8") == path.read_bytes().decode("utf-8")  # line endings included


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_text_format_matches_golden(view: View, fmt: str) -> None:
    check(f"tiny{FORMATS[fmt].suffix}", export_bytes(view, fmt))


def test_csv_tables_match_golden(view: View) -> None:
    with zipfile.ZipFile(io.BytesIO(export_bytes(view, "csv"))) as archive:
        for name in archive.namelist():
            check(f"tiny.{name}", archive.read(name))
