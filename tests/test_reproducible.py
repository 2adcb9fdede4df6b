"""The same dataset gives the same picture and the same files in every process, whatever Python's
string hashing.

Positions feed every renderer and export, and sets of node ids iterate in an order that depends
on PYTHONHASHSEED; a layout or a view that leaned on that order would move nodes between two runs
of the app, and give a teacher's export different bytes from one run to the next.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.export import FORMATS, IMAGE_FORMATS
from graph.teaching import BANK_FORMATS

ROOT = Path(__file__).resolve().parent.parent
CLINIC = ROOT / "tests" / "data" / "app" / "clinic.yaml"
POSITIONS = """
import json, sys
from graph import Explorer, ViewSpec
from graph.present import styled_view
explorer = Explorer.from_path(sys.argv[1])
views = {"whole": ViewSpec(claims=True), "focus": ViewSpec(focus=sys.argv[2]), "force": ViewSpec(layout="force")}
drawn = {name: {node.id: node.position for node in styled_view(explorer.view(spec)).nodes}
         for name, spec in views.items()}
print(json.dumps(drawn, sort_keys=True))
"""
# Every text format of a focus, a path and a whole-graph view, both question banks, and the
# focus view's PNG and PDF, as digests.
EXPORTS = """
import hashlib, json, sys
from graph import Explorer, ViewSpec
from graph.export import FORMATS, IMAGE_FORMATS, export_bytes
from graph.teaching import BANK_FORMATS, make_quiz
explorer = Explorer.from_path(sys.argv[1])
views = {"whole": ViewSpec(claims=True), "focus": ViewSpec(focus="kidney"),
         "path": ViewSpec(path_from="low_iron", path_to="pill", kinds=("cause", "condition", "treatment"))}
text_formats = [fmt for fmt in FORMATS if fmt not in IMAGE_FORMATS] + ["svg"]
digests = {f"{name} {fmt}": hashlib.sha256(export_bytes(explorer.view(spec), fmt)).hexdigest()
           for name, spec in views.items() for fmt in text_formats}
digests |= {f"focus {fmt}": hashlib.sha256(export_bytes(explorer.view(views["focus"]), fmt)).hexdigest()
            for fmt in ("png", "pdf")}
for name, spec in views.items():
    quiz = make_quiz(explorer, spec.with_changes(claims=True), seed=3)
    digests |= {f"{name} {fmt} bank": hashlib.sha256(bank.text(quiz).encode()).hexdigest()
                for fmt, bank in BANK_FORMATS.items()}
print(json.dumps(digests))
"""


def run_under_two_hash_seeds(script: str, *args: str) -> tuple[dict, dict]:
    """``script``'s JSON output in two processes with different string hashing, run at once (one per core)."""
    children = [subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                 env={**os.environ, "PYTHONHASHSEED": seed})
                for seed in ("1", "4242")]
    outputs = [child.communicate(timeout=180) for child in children]
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    first, second = (json.loads(out) for out, _ in outputs)
    return first, second


@pytest.mark.parametrize(("dataset", "focus"), [(CLINIC, "disease"),
                                                (ROOT / "data" / "photosynthesis.yaml", "chloroplast")])
def test_layouts_are_identical_across_hash_seeds(dataset: Path, focus: str) -> None:
    first, second = run_under_two_hash_seeds(POSITIONS, str(dataset), focus)
    assert first == second
    assert len(first["whole"]) > 5 and first["force"] != first["whole"]


def test_every_export_has_the_same_bytes_across_hash_seeds() -> None:
    first, second = run_under_two_hash_seeds(EXPORTS, str(CLINIC))
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []
    text_formats = len(FORMATS) - len(IMAGE_FORMATS) + 1
    assert len(first) == 3 * (text_formats + len(BANK_FORMATS)) + 2
