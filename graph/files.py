"""Reading and writing files on paths people give us: regular files only, reads capped, writes atomic.

A path typed on a command line or listed in ``KG_DATASETS`` may name a FIFO (opening it for reading
waits for a writer forever), a device (``/dev/zero`` never ends; replacing ``/dev/full`` with a
plain file breaks it for everyone), a socket, a folder or a symbolic link. So a read checks what
the path is before opening it, opens it without blocking, checks the opened file again (it may
have been swapped meanwhile) and reads at most a given number of bytes, whatever the file's size
claims or becomes. A write goes to a temporary file in the target's folder, is flushed to disk
and renamed over the target, and refuses a target that is anything but a regular file, since the
rename would replace that thing rather than write to it.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from graph.errors import ExportError

KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
         stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder", stat.S_IFLNK: "a symbolic link"}
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | CLOEXEC  # a FIFO swapped in after the check opens at once
CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | CLOEXEC
Write = Callable[[BinaryIO], object]


class SpecialFileError(OSError):
    """A path names something other than a regular file; ``strerror`` says what, in words."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"it is {kind}, not a regular file", str(path))


def special_kind(mode: int) -> str | None:
    """What a file with this ``st_mode`` is, in words ("a FIFO (named pipe)"), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return KINDS.get(stat.S_IFMT(mode), "not a regular file")


def read_regular_file(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of the regular file at ``path`` (ask for one more than allowed to tell "too big").

    Raises OSError when the file cannot be read, and its subclass SpecialFileError, before any
    blocking open, when ``path`` names a FIFO, device, socket or folder.
    """
    _refuse_special(path, os.stat(path).st_mode)
    with open(os.open(path, READ), "rb") as stream:
        _refuse_special(path, os.fstat(stream.fileno()).st_mode)
        return stream.read(limit)


def _refuse_special(path: Path, mode: int) -> None:
    kind = special_kind(mode)
    if kind:
        raise SpecialFileError(path, kind)


def write_atomically(path: Path, write: Write) -> None:
    """Call ``write`` with a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    Readers see the old file or the new one, never part of one; a failure (Ctrl-C included)
    leaves the old file as it was and no temporary file behind. An existing file keeps its
    permissions. Raises ExportError when ``path`` is a symbolic link, a device, a FIFO, a socket
    or a folder, or cannot be written.
    """
    write_all_atomically([(path, write)])


def write_bytes(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, atomically (see :func:`write_atomically`)."""
    write_atomically(path, lambda stream: stream.write(data))


def write_all_atomically(files: Sequence[tuple[Path, Write]]) -> None:
    """Write every file to a temporary file first, then rename them all in the order given.

    If any of them cannot be written, none is replaced: a handout's text never appears without
    its picture. Raises ExportError as :func:`write_atomically` does.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, write in files:
            staged.append((_staged(path, write), path))
        for temporary, path in staged:
            _existing_mode(path)  # writing took a while: the target may have been swapped meanwhile
            _replace(temporary, path)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _staged(path: Path, write: Write) -> Path:
    """A temporary file beside ``path`` holding what ``write`` wrote, on disk, with the old file's permissions."""
    mode = _existing_mode(path)
    descriptor, temporary = _create_temporary(path)
    try:
        with open(descriptor, "wb") as stream:
            if mode is not None:
                os.fchmod(descriptor, mode)
            write(stream)
            stream.flush()
            os.fsync(descriptor)  # on disk before the rename: a power cut leaves the old or the new file
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(path, exc) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _existing_mode(path: Path) -> int | None:
    """The permissions of the regular file at ``path``, None if there is none; refuse anything else."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    kind = special_kind(mode)
    if kind:
        link = f", or write to {os.path.realpath(path)}, the file it points to" if stat.S_ISLNK(mode) else ""
        raise ExportError(f"cannot write {path}: it is {kind}, which writing would replace with a plain file. "
                          f"Choose another file name{link}.")
    return stat.S_IMODE(mode) & 0o777


def _create_temporary(path: Path) -> tuple[int, Path]:
    """An exclusively created, empty file beside ``path`` (mode 0666 less the umask): its descriptor and name."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"cannot write {path}: the folder {directory} does not exist.")
    temporary = directory / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        return os.open(temporary, CREATE, 0o666), temporary
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _replace(temporary: Path, path: Path) -> None:
    try:
        os.replace(temporary, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _cannot_write(path: Path, exc: OSError) -> ExportError:
    return ExportError(f"cannot write {path}: {exc.strerror}.")
