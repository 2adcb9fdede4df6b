"""Writing files: atomically, never through or over anything but a regular file, every writer alike.

Exports, question banks, the JSON Schema and the format page all go through
:func:`graph.files.write_atomically`. A target that is a link, a FIFO, a device or a folder is
refused and left as it was (replacing ``/dev/full`` with a plain file, as root, breaks it for
everyone; a device node made in tmp_path stands in for it). A failure at any point leaves the
old file and no temporary file.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from graph import ExportError, View, ViewSpec
from graph.cli import main
from graph.export import FORMATS, export_view, plan_files, write_files
from graph.files import write_all_atomically, write_atomically, write_bytes
from graph.teaching import make_quiz, write_bank
from tests.helpers import RLS, ROOT, TINY, explorer


@pytest.fixture(scope="module")
def view() -> View:
    return explorer().view(ViewSpec())


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def device_node(folder: Path) -> Path:
    """A character device like /dev/null, made in ``folder`` (needs root)."""
    node = folder / "device.json"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


def test_a_symbolic_link_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old work")
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(ExportError, match=f"cannot write {link}: it is a symbolic link, .* Choose another file "
                                          f"name, or write to {real}, the file it points to."):
        write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"old work"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600 and leftovers(tmp_path) == []


def test_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="it is a FIFO"):
        write_bytes(fifo, b"new")
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and leftovers(tmp_path) == []


def test_a_device_is_refused(tmp_path: Path) -> None:
    node = device_node(tmp_path)
    with pytest.raises(ExportError, match="it is a character device, which writing would replace"):
        write_bytes(node, b"new")
    assert stat.S_ISCHR(node.lstat().st_mode) and leftovers(tmp_path) == []


def test_a_file_written_over_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "script.sh"
    target.write_bytes(b"old")
    target.chmod(0o750)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o750


def test_a_target_swapped_for_a_link_while_writing_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "view.json"

    def swap(stream: BinaryIO) -> None:
        stream.write(b"new")
        target.symlink_to(tmp_path / "elsewhere.json")

    with pytest.raises(ExportError, match="symbolic link"):
        write_atomically(target, swap)
    assert target.is_symlink() and leftovers(tmp_path) == []


def test_nothing_is_replaced_when_one_of_several_files_fails(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_bytes(b"old first")

    def fail(stream: BinaryIO) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ExportError, match=f"cannot write {second}: No space left on device."):
        write_all_atomically([(first, lambda stream: stream.write(b"new")), (second, fail)])
    assert first.read_bytes() == b"old first" and not second.exists() and leftovers(tmp_path) == []


def _failing_png(view: View, stream: Any, options: object) -> None:
    stream.write(b"\x89PNG half")
    raise ExportError("the picture could not be drawn.")


def test_a_handout_is_not_written_when_its_picture_fails(view: View, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FORMATS, "png", dataclasses.replace(FORMATS["png"], writer=_failing_png))
    with pytest.raises(ExportError, match="could not be drawn"):
        write_files(view, plan_files("md", tmp_path / "handout.md"))
    assert list(tmp_path.iterdir()) == []


def test_a_handouts_picture_is_in_place_before_its_text(view: View, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    renamed: list[str] = []
    real_replace = os.replace

    def replace(source: Path, target: Path) -> None:
        renamed.append(target.name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    write_files(view, plan_files("md", tmp_path / "handout.md"))
    assert renamed == ["handout.png", "handout.md"]


def test_an_export_refuses_a_link(view: View, tmp_path: Path) -> None:
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    with pytest.raises(ExportError, match="symbolic link"):
        export_view(view, "json", tmp_path / "link.json")
    assert not (tmp_path / "real.json").exists()


def test_a_question_bank_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank that fails half way (here: the disk fails at fsync) leaves the old bank whole."""
    bank = tmp_path / "bank.gift"
    bank.write_text("old bank")

    def fail(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(ExportError, match=f"cannot write {bank}: Input/output error."):
        write_bank(make_quiz(explorer(), ViewSpec(claims=True), seed=0, count=5), "gift", bank)
    assert bank.read_text() == "old bank" and leftovers(tmp_path) == []


@pytest.mark.parametrize("command", [["export", str(TINY), "-o"], ["quiz", str(TINY), "-o"], ["schema", "-o"]],
                         ids=["export", "quiz", "schema"])
def test_the_cli_refuses_a_device(command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    node = device_node(tmp_path)
    assert main([*command, str(node)]) == 1
    assert capsys.readouterr().err.startswith(f"Error: cannot write {node}: it is a character device")
    assert stat.S_ISCHR(node.lstat().st_mode) and leftovers(tmp_path) == []


def test_a_terminated_export_leaves_no_temporary_file(tmp_path: Path) -> None:
    """``kill PID`` during a PNG export: the CLI exits 143 and removes its half-written temporary file."""
    command = [sys.executable, "-m", "graph", "export", str(RLS), "-o", str(tmp_path / "big.png"), "--scale", "4"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not leftovers(tmp_path) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert leftovers(tmp_path), "the export finished (or never started) before it could be stopped"
        process.terminate()
        assert process.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        process.kill()
    assert list(tmp_path.iterdir()) == []
