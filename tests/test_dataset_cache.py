"""The disk cache of validated datasets: same files give the same dataset, broken files are never cached."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph import ValidationError
from graph.dataset import cache
from graph.dataset.loading import load_sources
from tests.helpers import TINY


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [("tiny.yaml", TINY.read_bytes())]
    first = cache.cached_load(sources, tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    monkeypatch.setattr(cache, "load_sources", lambda _: pytest.fail("parsed again"))
    assert cache.cached_load(sources, tmp_path) == first == load_sources(sources)


def test_other_content_is_another_entry_and_problems_are_never_cached(tmp_path: Path) -> None:
    cache.cached_load([("tiny.yaml", TINY.read_bytes())], tmp_path)
    cache.cached_load([("tiny.yaml", TINY.read_bytes() + b"\n# edited\n")], tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 2
    for _ in range(2):
        with pytest.raises(ValidationError):
            cache.cached_load([("bad.yaml", b"nodes: [")], tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 2


def test_a_damaged_entry_is_rebuilt(tmp_path: Path) -> None:
    sources = [("tiny.yaml", TINY.read_bytes())]
    cache.cached_load(sources, tmp_path)
    entry = next(tmp_path.glob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert cache.cached_load(sources, tmp_path) == load_sources(sources)
    assert entry.read_bytes() != b"not a pickle"


def test_a_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    cache.cached_load([("tiny.yaml", TINY.read_bytes())], shared)
    assert not list(shared.iterdir())
