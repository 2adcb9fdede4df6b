"""Finding and reading a dataset's files on disk, the same way for the CLI and the app.

A dataset is a YAML file or a folder of them. Every file is read through
:func:`graph.files.read_regular_file`, so a FIFO, a device or a socket is refused without being
opened for a blocking read, and no file is read beyond the size limit, however large it is or
grows while it is read. Anything that cannot be read (a symbolic-link loop, a file that vanished
after the folder was listed, a permission error) becomes a ``FILE: message`` problem; every such
file is reported at once.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from graph.dataset.yamlsafe import MAX_FILE_BYTES
from graph.errors import Problem, ValidationError
from graph.files import read_regular_file

YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILES = 200
RECENT_SECONDS = 2.0  # a file changed this recently may change again within the same timestamp
Sources = list[tuple[str, bytes]]
Signature = tuple[tuple[str, int, int, int, int, int], ...]


def read_sources(path: Path, root: Path | None = None) -> Sources:
    """The dataset's files at ``path`` as (name, bytes), each named relative to ``root`` (default: the working folder).

    A file is read only as far as one byte past the size limit, so that its loading can say it is
    too big. Raises ValidationError naming every file that cannot be read, and why.
    """
    root = root or Path.cwd()
    sources: Sources = []
    problems: list[Problem] = []
    for file in dataset_files(path):
        try:
            sources.append((display_name(file, root), read_regular_file(file, MAX_FILE_BYTES + 1)))
        except OSError as exc:
            problems.append(Problem(display_name(file, root), 0, f"cannot be read: {exc.strerror}."))
    if problems:
        raise ValidationError(problems)
    return sources


def files_signature(path: Path) -> Signature | None:
    """What the dataset's files look like on disk without reading them: each one's name, device,
    inode, size and change times. Equal signatures mean the same bytes, so a caller that read the
    files before can skip reading them again (the app checks on every run of every session).

    None when a file changed in the last ``RECENT_SECONDS``, since a second write within the file
    system's timestamp resolution would leave the signature as it was, or when a file cannot be
    looked at (reading it then reports why).
    """
    try:
        stats = [(str(file), os.stat(file)) for file in dataset_files(path)]
    except (OSError, ValidationError):
        return None
    settled = time.time_ns() - int(RECENT_SECONDS * 1e9)
    if any(max(info.st_mtime_ns, info.st_ctime_ns) > settled for _, info in stats):
        return None
    return tuple((name, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
                 for name, info in stats)


def dataset_files(path: Path) -> list[Path]:
    """The YAML files that make up the dataset at ``path``, in name order (a file is its own list)."""
    if stat.S_ISDIR(_mode(path)):
        return _folder_files(path)
    return [path]


def display_name(file: Path, root: Path) -> str:
    """``file`` relative to ``root`` when it lies inside it, else as given; links are named, not followed."""
    absolute = Path(os.path.abspath(file))
    return str(absolute.relative_to(root)) if absolute.is_relative_to(root) else str(file)


def _mode(path: Path) -> int:
    try:
        return os.stat(path).st_mode
    except FileNotFoundError:
        raise _error(path, "no such file or folder.",
                     "Check the path, or omit it to use the bundled dataset.") from None
    except OSError as exc:
        raise _error(path, f"cannot be read: {exc.strerror}.") from None


def _folder_files(folder: Path) -> list[Path]:
    """The folder's YAML entries that are not folders; an entry that is no regular file is refused when read."""
    try:
        files = sorted(entry for entry in folder.iterdir() if entry.suffix in YAML_SUFFIXES and not entry.is_dir())
    except OSError as exc:
        raise _error(folder, f"this folder cannot be listed: {exc.strerror}.") from None
    if not files:
        raise _error(folder, "this folder has no .yaml or .yml files.")
    if len(files) > MAX_FILES:
        raise _error(folder, f"this folder has {len(files)} YAML files; the limit is {MAX_FILES}.")
    return files


def _error(path: Path, message: str, hint: str = "") -> ValidationError:
    return ValidationError([Problem(display_name(path, Path.cwd()), 0, message, hint=hint)])
