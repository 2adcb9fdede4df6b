"""Writing exports: to an open binary stream, or to a path atomically with normal permissions.

A path is written through a temporary file in the same folder, renamed over the target when the
writer has finished, so a failed export leaves neither a partial file nor a damaged older one.
The temporary file is created with mode 0666 filtered by the umask (0644 under the usual umask
022), like any file a program creates, so copies on a course server can be read.
"""

from __future__ import annotations

import functools
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Concatenate, ParamSpec

from graph.errors import ExportError
from graph.network.view import View

Target = str | Path | BinaryIO
Params = ParamSpec("Params")
StreamWriter = Callable[Concatenate[View, BinaryIO, Params], None]
TargetWriter = Callable[Concatenate[View, Target, Params], None]
CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def path_or_stream(writer: StreamWriter[Params]) -> TargetWriter[Params]:
    """Let a writer of binary streams also take a path, written atomically (networkx style)."""

    @functools.wraps(writer)
    def write(view: View, target: Target, /, *args: Params.args, **kwargs: Params.kwargs) -> None:
        if isinstance(target, (str, Path)):
            write_atomically(Path(target), lambda stream: writer(view, stream, *args, **kwargs))
        else:
            writer(view, target, *args, **kwargs)

    return write


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` with a temporary file next to ``path``, then rename it to ``path``."""
    temporary = _create_temporary(path)
    try:
        with os.fdopen(temporary[0], "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())  # on disk before the rename: a power cut leaves the old or the new file
        os.replace(temporary[1], path)
    except OSError as exc:
        temporary[1].unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror}.") from None
    except BaseException:
        temporary[1].unlink(missing_ok=True)
        raise


def _create_temporary(path: Path) -> tuple[int, Path]:
    """An exclusively created, empty file beside ``path``: its descriptor and name."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"cannot write {path}: the folder {directory} does not exist.")
    temporary = directory / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        return os.open(temporary, CREATE, 0o666), temporary
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}.") from None
