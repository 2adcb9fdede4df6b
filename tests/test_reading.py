"""Reading a dataset from disk: whatever the path names, a ``FILE: message`` and never a traceback or a hang.

The unreadable paths git can hold are links under tests/data/unreadable/ (see its README); a FIFO,
a device, a socket and an oversized file are made in tmp_path. A FIFO test could hang on a
regression, so it runs under :func:`tests.helpers.unblocked`.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import ValidationError, load_dataset
from graph.dataset import read_sources, reading
from graph.dataset.yamlsafe import MAX_FILE_BYTES
from tests.helpers import DATA, TINY, unblocked

UNREADABLE = DATA / "unreadable"
LOOP = "cannot be read: Too many levels of symbolic links."
SPARSE_BYTES = 64 * 1024 * 1024


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        load_dataset(path)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(("path", "expected"), [
    ("self_loop.yaml", f"self_loop.yaml: {LOOP}"),
    ("loop", f"loop/loop.yaml: {LOOP}"),
    ("vanished", "vanished/gone.yaml: cannot be read: No such file or directory."),
    ("io_error", "io_error/mem.yaml: cannot be read: Input/output error."),
], ids=["link-to-itself", "loop-in-folder", "vanished-after-listing", "read-fails"])
def test_an_unreadable_entry_is_a_file_message(path: str, expected: str) -> None:
    assert [problem.split("unreadable/", 1)[-1] for problem in problems_of(UNREADABLE / path)] == [expected]


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").symlink_to(TINY)
    assert len(load_dataset(tmp_path).nodes) == len(load_dataset(TINY).nodes)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with unblocked(fifo):
        assert problems_of(fifo) == [f"{fifo}: cannot be read: it is a FIFO (named pipe), not a regular file."]


def test_a_fifo_in_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "00-tiny.yaml").symlink_to(TINY)
    os.mkfifo(tmp_path / "pipe.yaml")
    with unblocked(tmp_path / "pipe.yaml"):
        assert problems_of(tmp_path) == [f"{tmp_path / 'pipe.yaml'}: cannot be read: it is a FIFO (named pipe), "
                                         "not a regular file."]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device: str) -> None:
    assert problems_of(Path(device)) == [f"{device}: cannot be read: it is a character device, not a regular file."]


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert problems_of(path) == [f"{path}: cannot be read: it is a socket, not a regular file."]


def test_a_huge_sparse_file_is_read_only_to_the_limit(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.yaml"
    with sparse.open("wb") as stream:
        stream.truncate(SPARSE_BYTES)
    [(_, data)] = read_sources(sparse)
    assert len(data) == MAX_FILE_BYTES + 1
    assert problems_of(sparse) == [f"{sparse}:1: file is more than 5.0 MB; the limit is 5 MB. "
                                   "Split the dataset into a folder of smaller files."]


def test_a_file_that_grew_after_its_size_was_read_is_still_capped(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Sizes are not trusted: a file reported small (it was, when looked at) is read only to the limit."""
    grown = tmp_path / "grown.yaml"
    grown.write_bytes(b"# padding\n" * (MAX_FILE_BYTES // 10 + 100))
    real_stat, real_fstat = os.stat, os.fstat
    monkeypatch.setattr(os, "stat", lambda *args, **kwargs: _small(real_stat(*args, **kwargs)))
    monkeypatch.setattr(os, "fstat", lambda *args: _small(real_fstat(*args)))
    assert len(read_sources(grown)[0][1]) == MAX_FILE_BYTES + 1
    assert any("file is more than 5.0 MB" in problem for problem in problems_of(grown))


def _small(result: os.stat_result) -> os.stat_result:
    fields = list(result)
    fields[6] = 100  # st_size
    return os.stat_result(fields)


def test_a_permission_error_is_a_file_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").symlink_to(TINY)
    (tmp_path / "b.yaml").symlink_to(TINY)
    real_open = os.open

    def refuse(path: str | Path, *args: int) -> int:
        if Path(path).parent == tmp_path:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args)

    monkeypatch.setattr(os, "open", refuse)  # the tests run as root, which chmod cannot stop
    assert problems_of(tmp_path) == [f"{tmp_path / name}: cannot be read: Permission denied."
                                     for name in ("a.yaml", "b.yaml")]


def test_a_folder_that_cannot_be_listed_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path) -> Iterator[Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    assert problems_of(tmp_path) == [f"{tmp_path}: this folder cannot be listed: Permission denied."]


def test_names_are_relative_to_the_given_root() -> None:
    assert read_sources(TINY, root=DATA)[0][0] == "tiny.yaml"
    assert read_sources(TINY, root=DATA / "broken")[0][0] == str(TINY)


def test_a_signature_stays_while_the_files_stay_and_changes_with_them(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "RECENT_SECONDS", 0.0)
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "a.yaml").write_text("nodes: []\n")
    first = reading.files_signature(folder)
    assert first is not None and first == reading.files_signature(folder)
    (folder / "a.yaml").write_text("nodes: [] \n")
    assert reading.files_signature(folder) != first, "a file rewritten"
    second = reading.files_signature(folder)
    (folder / "b.yaml").write_text("edges: []\n")
    assert reading.files_signature(folder) != second, "a file added to the folder"


def test_no_signature_for_a_file_just_written_or_one_that_cannot_be_looked_at(tmp_path: Path) -> None:
    """Within the timestamp's resolution a second write could leave size and times alike: read it again."""
    fresh = tmp_path / "fresh.yaml"
    fresh.write_text("nodes: []\n")
    assert reading.files_signature(fresh) is None
    assert reading.files_signature(tmp_path / "missing.yaml") is None
    assert reading.files_signature(UNREADABLE / "self_loop.yaml") is None
