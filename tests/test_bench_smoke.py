"""The scale benchmark's generator still writes valid datasets, so the benchmark cannot silently rot."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import synthetic
from bench.bench_scale import Row, report
from graph import load_dataset
from graph.dataset.vocabulary import VERDICTS


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
