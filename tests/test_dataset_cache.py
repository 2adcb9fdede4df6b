"""The disk cache of validated datasets: same files give the same dataset, broken files are never cached,
and an entry is data that is checked, never code that is run."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from graph import ValidationError
from graph.dataset import cache
from graph.dataset.loading import load_sources
from tests.helpers import RLS, TINY

SOURCES = [("tiny.yaml", TINY.read_bytes())]


class _RunsCode:
    """Unpickling this calls ``os.system``: what a planted pickle entry would do."""

    def __reduce__(self) -> tuple:
        return (os.system, ("touch PLANTED",))


def _entry(folder: Path) -> Path:
    return folder / f"{cache.cache_key(SOURCES)}.dataset.json"


def test_second_load_comes_from_the_cache_and_equals_a_fresh_load(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    first = cache.cached_load(SOURCES, tmp_path)
    assert list(tmp_path.iterdir()) == [_entry(tmp_path)]
    monkeypatch.setattr(cache, "load_sources", lambda _: pytest.fail("parsed again"))
    assert cache.cached_load(SOURCES, tmp_path) == first == load_sources(SOURCES)


def test_the_bundled_dataset_round_trips_through_an_entry() -> None:
    files = sorted(RLS.glob("*.yaml"))
    dataset = load_sources([(file.name, file.read_bytes()) for file in files])
    assert cache.decode_entry(cache.encode_entry(dataset)) == dataset


def test_other_content_is_another_entry_and_problems_are_never_cached(tmp_path: Path) -> None:
    cache.cached_load(SOURCES, tmp_path)
    cache.cached_load([("tiny.yaml", TINY.read_bytes() + b"\n# edited\n")], tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 2
    for _ in range(2):
        with pytest.raises(ValidationError):
            cache.cached_load([("bad.yaml", b"nodes: [")], tmp_path)
    assert len(list(tmp_path.glob("*.json"))) == 2


def test_a_planted_pickle_is_never_run_and_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _entry(tmp_path).write_bytes(pickle.dumps(_RunsCode()))
    assert cache.cached_load(SOURCES, tmp_path) == load_sources(SOURCES)
    assert not (tmp_path / "PLANTED").exists()
    assert cache.decode_entry(_entry(tmp_path).read_bytes()) == load_sources(SOURCES)


@pytest.mark.parametrize("position", [0, 20, 70, 200, -40, -2])
def test_a_byte_corrupted_entry_is_ignored_and_replaced(tmp_path: Path, position: int) -> None:
    cache.cached_load(SOURCES, tmp_path)
    good = _entry(tmp_path).read_bytes()
    damaged = bytearray(good)
    damaged[position] ^= 0x01  # 'o' becomes 'n': a different id, still valid JSON
    _entry(tmp_path).write_bytes(bytes(damaged))
    assert cache.cached_load(SOURCES, tmp_path) == load_sources(SOURCES)
    assert _entry(tmp_path).read_bytes() == good


@pytest.mark.parametrize("body", [b"{}", b"[1, 2]", b'"text"', b"[" * 100_000, b"\xff\xfe"])
def test_a_well_signed_entry_of_the_wrong_shape_is_refused(body: bytes) -> None:
    header = cache._MAGIC + cache.hashlib.sha256(body).hexdigest().encode()
    with pytest.raises(cache.PlainDataError):
        cache.decode_entry(header + b"\n" + body)


def test_an_entry_that_cannot_be_read_is_deleted_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.cached_load(SOURCES, tmp_path)

    def out_of_memory(_: bytes) -> None:
        raise MemoryError

    monkeypatch.setattr(cache, "decode_entry", out_of_memory)
    assert cache.cached_load(SOURCES, tmp_path) == load_sources(SOURCES)
    monkeypatch.undo()
    assert cache.decode_entry(_entry(tmp_path).read_bytes()) == load_sources(SOURCES)


def test_a_change_to_any_library_module_changes_the_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    library = tmp_path / "graph"
    (library / "dataset").mkdir(parents=True)
    (library / "dataset" / "cache.py").write_text("# the loader\n")
    (library / "viewspec.py").write_text("MAX_DEPTH = 4\n")
    monkeypatch.setattr(cache, "_LIBRARY", library)
    before = cache.code_version.__wrapped__()
    (library / "viewspec.py").write_text("MAX_DEPTH = 5\n")
    assert cache.code_version.__wrapped__() != before


def test_the_key_covers_the_whole_package_and_its_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.code_version.__wrapped__()
    monkeypatch.setattr(cache, "_package_version", lambda: "9.9.9")
    assert cache.code_version.__wrapped__() != before
    assert (cache._LIBRARY / "viewspec.py").exists()


def test_a_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    cache.cached_load(SOURCES, shared)
    assert not list(shared.iterdir())
