"""The scale benchmark's generator still writes valid datasets, so the benchmark cannot silently rot."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import hostile, synthetic
from bench.bench_scale import Row, report
from bench.hostile import Measured
from graph import load_dataset
from graph.dataset.vocabulary import VERDICTS
from tests.test_hostile import CPU_FACTOR, Run


def test_generated_dataset_is_valid_and_uses_the_whole_vocabulary(tmp_path: Path) -> None:
    path = synthetic.write_dataset(tmp_path, 100)
    dataset = load_dataset(path)
    assert path.is_file() and len(dataset.nodes) == 100
    assert 2.5 <= len(dataset.edges) / len(dataset.nodes) <= 3.0
    assert {node.kind for node in dataset.nodes} == {kind.id for kind in dataset.kinds}
    assert {edge.evidence for edge in dataset.edges} == {level.id for level in dataset.evidence}
    assert {claim.verdict for claim in dataset.claims} <= set(VERDICTS)


def test_a_dataset_over_the_single_file_limit_becomes_a_folder(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(synthetic, "SINGLE_FILE_LIMIT", 10_000)
    monkeypatch.setattr(synthetic, "CHUNK_NODES", 40)
    path = synthetic.write_dataset(tmp_path, 100)
    assert path.is_dir() and len(list(path.glob("*.yaml"))) == 2 + 2 * 3 + 1
    assert load_dataset(path) == load_dataset(synthetic.write_dataset(tmp_path / "one", 100))


def test_report_is_a_markdown_table_with_ratios() -> None:
    text = report([Row("load", "100", 0.5, "yaml.load", 0.25, "≤ 1 s")], "Machine: test.", "python -m x")
    assert "| load | 100 | 0.500 s | yaml.load | 0.250 s | 2.00× | ≤ 1 s |" in text
    assert "Machine: test." in text


def test_hostile_report_gives_the_worst_ratio_and_the_tests_budgets() -> None:
    measured = [Measured(Run("a.yaml", 1, "", 2.0, 1.0, 50.0), 0.5),
                Measured(Run("b.yaml", 1, "", 9.0, 3.0, 120.0), 1.0)]
    text = hostile.report(measured, "Machine: test.")
    assert "2 of 2 inputs refused with exit code 1." in text and f"CPU under {CPU_FACTOR}× the baseline" in text
    assert "Highest ratio: b.yaml, 3.00 s of CPU, 3.0× its baseline of 1.00 s. Largest memory: b.yaml, 120 MB." in text
    assert text.index("| b.yaml |") < text.index("| a.yaml |")
