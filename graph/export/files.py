"""Letting a writer of binary streams also take a path, written atomically (networkx style).

A path is written through :func:`graph.files.write_atomically`: a temporary file in the same
folder, renamed over the target when the writer has finished, so a failed export leaves neither a
partial file nor a damaged older one, and a symbolic link, device or folder at the target is
refused rather than replaced. A new file gets mode 0666 filtered by the umask (0644 under the
usual umask 022), like any file a program creates, so copies on a course server can be read; a
file written over keeps its mode.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Concatenate, ParamSpec

from graph.files import write_atomically
from graph.network.view import View

Target = str | Path | BinaryIO
Params = ParamSpec("Params")
StreamWriter = Callable[Concatenate[View, BinaryIO, Params], None]
TargetWriter = Callable[Concatenate[View, Target, Params], None]


def path_or_stream(writer: StreamWriter[Params]) -> TargetWriter[Params]:
    """Let a writer of binary streams also take a path, written atomically."""

    @functools.wraps(writer)
    def write(view: View, target: Target, /, *args: Params.args, **kwargs: Params.kwargs) -> None:
        if isinstance(target, (str, Path)):
            write_atomically(Path(target), lambda stream: writer(view, stream, *args, **kwargs))
        else:
            writer(view, target, *args, **kwargs)

    return write
