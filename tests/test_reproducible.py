"""The same dataset gives the same picture in every process, whatever Python's string hashing.

Positions feed every renderer and export, and sets of node ids iterate in an order that depends
on PYTHONHASHSEED; a layout that leaned on that order would move nodes between two runs of the
app, or between a teacher's export and a student's screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """
import json, sys
from graph import Explorer, ViewSpec
explorer = Explorer.from_path(sys.argv[1])
views = {"whole": ViewSpec(claims=True), "focus": ViewSpec(focus=sys.argv[2]), "force": ViewSpec(layout="force")}
print(json.dumps({name: explorer.view(spec).positions for name, spec in views.items()}, sort_keys=True))
"""


def positions_in_a_process(hash_seed: str, dataset: Path, focus: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(dataset), focus], capture_output=True, text=True,
                            env=env, cwd=ROOT, check=True, timeout=120)
    return json.loads(result.stdout)


@pytest.mark.parametrize(("dataset", "focus"), [(ROOT / "tests" / "data" / "app" / "clinic.yaml", "disease"),
                                                (ROOT / "data" / "photosynthesis.yaml", "chloroplast")])
def test_layouts_are_identical_across_hash_seeds(dataset: Path, focus: str) -> None:
    first, second = (positions_in_a_process(seed, dataset, focus) for seed in ("1", "4242"))
    assert first == second
    assert len(first["whole"]) > 5 and first["force"] != first["whole"]
