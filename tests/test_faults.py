"""Faults: a dataset that changes or disappears under the running app, and exports that fail.

The app reads its bundled datasets from ``KG_DATASETS`` (here a copy in tmp_path); between reruns
the copy is broken, cut short, deleted file by file and then as a whole, and the app must show
the problem while keeping the last good graph on screen. Exports written over an existing file
are atomic: readers never see a partial file, and a failed export leaves the old file intact.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from streamlit.testing.v1 import AppTest

from graph import Explorer, ExportError, View, ViewSpec
from graph.export import FORMATS, export_view
from tests.helpers import plain, run_app, unblocked

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "tiny.yaml"
TINY_TITLE = "Tiny test graph"


# A bundled dataset changes under the running app ------------------------------------------------

@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tiny.yaml split into a two-file dataset folder that the app serves as its only dataset."""
    head, nodes = TINY.read_text(encoding="utf-8").split("nodes:\n", 1)
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "01-vocabulary.yaml").write_text(head, encoding="utf-8")
    (folder / "02-graph.yaml").write_text("nodes:\n" + nodes, encoding="utf-8")
    monkeypatch.setenv("KG_DATASETS", str(folder))
    return folder


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown_title(at: AppTest) -> str:
    return at.main.header[0].value


def problems(at: AppTest) -> str:
    return "\n".join(plain(e.value) for e in at.main.error)


def assert_still_showing(at: AppTest, *expected_in_error: str) -> None:
    """The error names the problem, and the last good graph is still on screen."""
    text = problems(at)
    assert all(part in text for part in expected_in_error), text
    assert shown_title(at) == TINY_TITLE
    assert any("Still showing 'course'" in i.value for i in at.main.info)
    components = [el for el in at.main if el.type == "bidi_component"]
    assert len(components) == 1


def test_app_serves_the_copied_dataset(course: Path) -> None:
    at = run_app()
    assert shown_title(at) == TINY_TITLE
    assert not at.main.error


FAULTS: dict[str, tuple[Callable[[Path], Any], str]] = {
    "broken": (lambda folder: (folder / "02-graph.yaml").write_text("nodes:\n  - {id: [\n"),
               "02-graph.yaml:3: YAML syntax error"),
    "emptied": (lambda folder: (folder / "02-graph.yaml").write_bytes(b""), "02-graph.yaml:1: the file is empty."),
    "not-utf8": (lambda folder: (folder / "02-graph.yaml").write_bytes(b"nodes: \xff\n"),
                 "02-graph.yaml:1: the file is not UTF-8"),
    "file-deleted": (lambda folder: (folder / "02-graph.yaml").unlink(), "the dataset has no 'nodes' section"),
    "folder-deleted": (shutil.rmtree, "course: no such file or folder."),
    "folder-emptied": (lambda folder: [p.unlink() for p in folder.iterdir()],
                       "this folder has no .yaml or .yml files."),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_dataset_changing_under_the_app_keeps_the_last_good_graph(course: Path, fault: str) -> None:
    at = run_app()
    change, expected = FAULTS[fault]
    change(course)
    assert_still_showing(run(at), expected)


def _replace_by_fifo(file: Path) -> None:
    file.unlink()
    os.mkfifo(file)


def _grow_sparse(file: Path) -> None:
    with file.open("r+b") as stream:
        stream.truncate(64 * 1024 * 1024)


SPECIAL: dict[str, tuple[Callable[[Path], Any], str]] = {
    "fifo": (_replace_by_fifo, "02-graph.yaml: cannot be read: it is a FIFO (named pipe), not a regular file."),
    "link-loop": (lambda file: (file.unlink(), file.symlink_to(file.name)),
                  "02-graph.yaml: cannot be read: Too many levels of symbolic links."),
    "sparse-64mb": (_grow_sparse, "02-graph.yaml:1: file is more than 5.0 MB; the limit is 5 MB."),
}


@pytest.mark.parametrize("fault", sorted(SPECIAL))
def test_a_dataset_file_made_unreadable_is_refused_without_hanging(course: Path, fault: str) -> None:
    """The app reads with the CLI's limits: a FIFO is not opened for a blocking read, a huge file not read whole."""
    at = run_app()
    change, expected = SPECIAL[fault]
    change(course / "02-graph.yaml")
    with unblocked(course / "02-graph.yaml"):
        assert_still_showing(run(at), expected)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_session_opened_after_the_dataset_broke_gets_its_last_good_graph(course: Path, fault: str) -> None:
    """The server keeps the last good version of each bundled dataset for sessions that never saw it."""
    run_app()
    change, expected = FAULTS[fault]
    change(course)
    opened_after = run_app()
    assert_still_showing(opened_after, expected)
    assert any("as it was when it last loaded" in i.value for i in opened_after.main.info)


def test_a_repaired_dataset_is_shown_again(course: Path) -> None:
    at = run_app()
    good = (course / "02-graph.yaml").read_text(encoding="utf-8")
    (course / "02-graph.yaml").write_text(good.replace("label: Low iron", "label: [unclosed"), encoding="utf-8")
    assert_still_showing(run(at), "02-graph.yaml:")
    (course / "02-graph.yaml").write_text(good.replace("label: Low iron", "label: Ferropenia"), encoding="utf-8")
    run(at)
    assert not at.main.error and shown_title(at) == TINY_TITLE
    assert any(node["label"] == "Ferropenia" for node in _payload_nodes(at))


def _payload_nodes(at: AppTest) -> list[dict[str, Any]]:
    component = next(el for el in at.main if el.type == "bidi_component")
    return json.loads(component.proto.bytes)["payload"]["nodes"]


# Exports never lose work ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def view() -> View:
    return Explorer.from_path(TINY).view(ViewSpec(claims=True))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_overwriting_replaces_the_file_whole(view: View, tmp_path: Path) -> None:
    target = tmp_path / "view.json"
    target.write_text("old work")
    export_view(view, "json", target)
    assert json.loads(target.read_text())["nodes"]
    assert leftovers(tmp_path) == []


def _failing_writer(view: View, stream: BinaryIO, *args: object) -> None:
    stream.write(b'{"half": ')
    raise ExportError("the view could not be drawn.")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_failed_export_leaves_the_old_file_intact(view: View, tmp_path: Path, fmt: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / f"view{FORMATS[fmt].suffix}"
    target.write_bytes(b"old work")
    monkeypatch.setitem(FORMATS, fmt, dataclasses.replace(FORMATS[fmt], writer=_failing_writer))
    with pytest.raises(ExportError, match="could not be drawn"):
        export_view(view, fmt, target)
    assert target.read_bytes() == b"old work"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EIO, errno.EACCES], ids=["disk-full", "io-error", "denied"])
def test_a_failed_rename_leaves_the_old_file_intact(view: View, tmp_path: Path, error: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "view.graphml"
    target.write_bytes(b"old work")

    def refuse(*args: object) -> None:
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match=f"cannot write {target}: {os.strerror(error)}."):
        export_view(view, "graphml", target)
    assert target.read_bytes() == b"old work"
    assert leftovers(tmp_path) == []


def test_an_interrupted_export_leaves_the_old_file_intact(view: View, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C in the middle of writing: the old file stays, the partial one is removed."""
    target = tmp_path / "view.dot"
    target.write_bytes(b"old work")

    def interrupted(view: View, stream: BinaryIO, *args: object) -> None:
        stream.write(b"digraph {")
        raise KeyboardInterrupt

    monkeypatch.setitem(FORMATS, "dot", dataclasses.replace(FORMATS["dot"], writer=interrupted))
    with pytest.raises(KeyboardInterrupt):
        export_view(view, "dot", target)
    assert target.read_bytes() == b"old work"
    assert leftovers(tmp_path) == []


def test_a_folder_in_the_way_is_a_message(view: View, tmp_path: Path) -> None:
    (tmp_path / "view.json").mkdir()
    with pytest.raises(ExportError, match="cannot write"):
        export_view(view, "json", tmp_path / "view.json")
    assert (tmp_path / "view.json").is_dir() and leftovers(tmp_path) == []


def test_the_export_is_on_disk_before_it_replaces_the_old_file(view: View, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync before rename: after a power cut the file is the old one or the new one, never empty."""
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    export_view(view, "json", tmp_path / "view.json")
    assert calls == ["fsync", "replace"]


def test_readers_never_see_a_partial_export(view: View, tmp_path: Path) -> None:
    """A reader polling the file while it is exported over and over only ever reads whole JSON."""
    target = tmp_path / "view.json"
    export_view(view, "json", target)
    done = threading.Event()
    seen: list[str] = []

    def read_until_done() -> None:
        while not done.is_set():
            text = target.read_text()
            seen.append("whole" if _is_json(text) else text[:40])

    reader = threading.Thread(target=read_until_done)
    reader.start()
    try:
        for _ in range(30):
            export_view(view, "json", target)
    finally:
        done.set()
        reader.join()
    assert seen and set(seen) == {"whole"}


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
